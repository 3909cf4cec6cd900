/**
 * 上传证据: pick files, or on a phone take a photo or a video with the camera, and watch
 * each go up (hashing, then uploading) in a queue that survives reloads and lost networks;
 * an uploaded, verified file waits on the server for the record (待登记, held.ts) — on any
 * device the user logs in on — until it is registered with 登记入卷 or discarded.
 */
import { useRef, useState } from 'react';
import { Alert, App, Button, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { AudioOutlined, CameraOutlined, FileAddOutlined, FileImageOutlined, FilePdfOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { uploadQueue, type UploadItem } from './queue';
import { useOnline } from './useUploads';
import { discardHeld, usePending, type HeldFile, type PendingFile } from './held';
import { ACCEPT, formatBytes, mediaKind, shortHash } from './names';
import { chinaTime } from '../../time';

const STATE_TEXT: Record<UploadItem['state'], string> = {
  waiting: '排队中',
  hashing: '正在计算校验值',
  uploading: '正在上传',
  offline: '等待网络，联网后自动继续',
  retrying: '网络中断，稍后自动重试',
  uploaded: '已上传，校验通过',
  failed: '上传失败',
};

const KIND_ICON = {
  video: <VideoCameraOutlined />,
  audio: <AudioOutlined />,
  image: <FileImageOutlined />,
  pdf: <FilePdfOutlined />,
  other: <FileAddOutlined />,
};

function percentOf(i: UploadItem): number {
  if (i.state === 'uploaded') return 100;
  if (i.state === 'hashing') return i.size ? Math.floor((i.hashed / i.size) * 100) : 0;
  return i.size ? Math.min(99, Math.floor(((i.offset + i.sending) / i.size) * 100)) : 0;
}

const ROW = { border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 10px', marginBottom: 8, minWidth: 0 } as const;
/** Darker than antd's own green, orange, gold and red text: legible (4.5:1) on the panel's grey and the tag's tint. */
const INK = { ok: '#237804', duplicate: '#873800', warn: '#874d00', danger: '#a8071a' } as const;

/** Icon, name and size: the first line of every row. */
function FileLine({ name, mime, size }: { name: string; mime: string; size: number }) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
      <span style={{ flex: 'none' }}>{KIND_ICON[mediaKind(mime)]}</span>
      <span
        title={name}
        style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 500 }}
      >
        {name}
      </span>
      <span style={{ flex: 'none', color: '#595959', fontSize: 12 }}>{formatBytes(size)}</span>
    </div>
  );
}

/** 重复: the record already holds these bytes, as this item. */
export function DuplicateTag({ of, noun }: { of: PendingFile['duplicateOf']; noun: string }) {
  if (!of) return null;
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0, whiteSpace: 'normal', color: INK.duplicate }} data-testid="duplicate-tag">
      重复：已登记为{noun}“{of.title}”
    </Tag>
  );
}

/** A file uploaded and verified, waiting to be registered: 登记入卷 or 丢弃. */
function PendingRow({
  file,
  noun,
  onRegister,
  onDiscard,
}: {
  file: PendingFile;
  noun: string;
  onRegister: (f: PendingFile) => void;
  onDiscard: (f: PendingFile) => Promise<void>;
}) {
  return (
    <div data-testid="upload-item" data-state="uploaded" data-file={file.fileName} data-held={String(!!file.uploadId)} style={ROW}>
      <FileLine name={file.fileName} mime={file.mime} size={file.size} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginTop: 4 }}>
        <Space size={4} wrap style={{ minWidth: 0 }}>
          <Typography.Text style={{ fontSize: 12, overflowWrap: 'anywhere', color: INK.ok }} data-testid="upload-state">
            已上传，校验通过，待登记
            <span style={{ color: '#595959' }}>
              （{chinaTime(new Date(file.at).toISOString())}，SHA-256 {shortHash(file.sha256)}）
            </span>
          </Typography.Text>
          <DuplicateTag of={file.duplicateOf} noun={noun} />
        </Space>
        <Space size={4} wrap>
          <Button size="small" type="primary" onClick={() => onRegister(file)} data-testid="register-upload">
            登记入卷
          </Button>
          <Popconfirm title="丢弃后该文件不会登记入卷，确定？" okText="丢弃" cancelText="取消" onConfirm={() => onDiscard(file)}>
            <Button size="small" type="text" danger style={{ color: INK.danger }} data-testid="discard-upload">
              丢弃
            </Button>
          </Popconfirm>
        </Space>
      </div>
    </div>
  );
}

/** Held on the server but not all in: going up from another device, or given up there. */
function UnfinishedRow({ file, onDiscard }: { file: HeldFile; onDiscard: (f: PendingFile) => Promise<void> }) {
  return (
    <div data-testid="upload-item" data-state="unfinished" data-file={file.fileName} style={ROW}>
      <FileLine name={file.fileName} mime={file.mime} size={file.size} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginTop: 4 }}>
        <Typography.Text style={{ fontSize: 12, overflowWrap: 'anywhere', color: INK.warn }} data-testid="upload-state">
          尚未上传完成（{chinaTime(file.createdAt)} 在其他设备或页面开始上传）：请在原设备上继续
        </Typography.Text>
        <Popconfirm
          title="丢弃这个未完成的上传？"
          okText="丢弃"
          cancelText="取消"
          onConfirm={() => onDiscard({ uploadId: file.uploadId, localKey: null, held: true } as PendingFile)}
        >
          <Button size="small" type="text" danger style={{ color: INK.danger }} data-testid="discard-upload">
            丢弃
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}

/** A file of this browser's queue, going up (or failed). */
function QueueRow({ item }: { item: UploadItem }) {
  const pct = percentOf(item);
  const phase = item.state === 'hashing' ? '校验值' : item.sha256 ? '上传' : '';
  return (
    <div data-testid="upload-item" data-state={item.state} data-file={item.fileName} style={ROW}>
      <FileLine name={item.fileName} mime={item.mime} size={item.size} />
      {item.state !== 'failed' && (
        <Progress
          percent={pct}
          size="small"
          status={item.state === 'uploaded' ? 'success' : item.state === 'offline' || item.state === 'retrying' ? 'exception' : 'active'}
          format={(p) => (item.state === 'uploaded' ? '完成' : `${phase} ${p}%`)}
          style={{ margin: '4px 0 0' }}
        />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between', marginTop: 4 }}>
        <Typography.Text
          type={
            item.state === 'failed'
              ? 'danger'
              : item.state === 'offline' || item.state === 'retrying'
                ? 'warning'
                : item.state === 'uploaded'
                  ? 'success'
                  : 'secondary'
          }
          style={{ fontSize: 12, minWidth: 0, overflowWrap: 'anywhere' }}
          data-testid="upload-state"
        >
          {STATE_TEXT[item.state]}
          {item.state === 'offline' && item.kept ? '（文件已保存在本机）' : ''}
          {item.error && item.state !== 'uploaded' ? `：${item.error}` : ''}
          {item.state === 'uploaded' && item.sha256 ? <span style={{ color: '#595959' }}>（SHA-256 {shortHash(item.sha256)}）</span> : null}
        </Typography.Text>
        <Space size={4} wrap>
          {item.state === 'failed' && !item.error?.includes('只能上传') && (
            <Button size="small" onClick={() => uploadQueue.retry(item.key)}>
              重试
            </Button>
          )}
          <Popconfirm title="停止上传并移除该文件？" okText="移除" cancelText="取消" onConfirm={() => void uploadQueue.remove(item.key)}>
            <Button size="small" type="text" danger style={{ color: INK.danger }}>
              移除
            </Button>
          </Popconfirm>
        </Space>
      </div>
      {!item.kept && item.state !== 'failed' && item.state !== 'uploaded' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          未能保存在本机：上传完成前请勿刷新或关闭页面
        </Typography.Text>
      )}
    </div>
  );
}

export interface UploadIntent {
  step: number | null;
  scene: string;
}

/** Hidden inputs the buttons open: files; and, on a phone, the camera (photo, video) or the recorder. */
export function useFilePicker(onFiles: (files: File[], intent: UploadIntent | null) => void) {
  const refs = {
    any: useRef<HTMLInputElement>(null),
    photo: useRef<HTMLInputElement>(null),
    video: useRef<HTMLInputElement>(null),
    audio: useRef<HTMLInputElement>(null),
  };
  const intent = useRef<UploadIntent | null>(null);
  const input = (key: keyof typeof refs, accept: string, capture?: 'environment' | 'user') => (
    <input
      key={key}
      ref={refs[key]}
      type="file"
      accept={accept}
      multiple={!capture}
      capture={capture}
      hidden
      data-testid={`pick-${key}`}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (files.length) onFiles(files, intent.current);
        intent.current = null;
      }}
    />
  );
  return {
    inputs: [
      input('any', ACCEPT),
      input('photo', 'image/*', 'environment'),
      input('video', 'video/*', 'environment'),
      input('audio', 'audio/*', 'user'),
    ],
    open: (key: keyof typeof refs, forIntent: UploadIntent | null = null) => {
      intent.current = forIntent;
      refs[key].current?.click();
    },
  };
}

export function UploadPanel({
  base,
  caseId,
  noun,
  picker,
  onRegister,
}: {
  /** The record's API path: /penalty-cases/<id> */
  base: string;
  caseId: string;
  /** What the record calls an item: 证据, 材料 */
  noun: string;
  picker: ReturnType<typeof useFilePicker>;
  onRegister: (f: PendingFile) => void;
}) {
  const { message } = App.useApp();
  const pending = usePending(base, caseId);
  const [discarding, setDiscarding] = useState(false);
  const isOnline = useOnline();
  const touch = typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches;
  const discard = async (f: PendingFile) => {
    setDiscarding(true);
    try {
      await discardHeld(base, f);
      void message.success('已丢弃');
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setDiscarding(false);
    }
  };
  const empty = pending.ready.length + pending.unfinished.length + pending.uploading.length === 0;
  return (
    <div
      data-testid="upload-panel"
      data-busy={String(discarding)}
      style={{ background: '#fafafa', border: '1px dashed #d9d9d9', borderRadius: 6, padding: 12, marginBottom: 12, minWidth: 0 }}
    >
      <Space wrap size={8} style={{ marginBottom: 8 }}>
        <Button icon={<FileAddOutlined />} onClick={() => picker.open('any')} data-testid="choose-files">
          选择文件
        </Button>
        {touch && (
          <Button icon={<CameraOutlined />} onClick={() => picker.open('photo')}>
            拍照
          </Button>
        )}
        {touch && (
          <Button icon={<VideoCameraOutlined />} onClick={() => picker.open('video')}>
            录像
          </Button>
        )}
        {touch && (
          <Button icon={<AudioOutlined />} onClick={() => picker.open('audio')}>
            录音
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        视频、音频、照片或 PDF 扫描件。文件先在本机计算 SHA-256
        校验值，再分段上传；断网或刷新页面后自动从中断处继续。上传并校验通过的文件保存在服务器上待登记，换一台设备登录也能看到，点“登记入卷”。
      </Typography.Paragraph>
      {!isOnline && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="offline-banner"
          message="当前没有网络：文件已保存在本机，联网后自动继续上传"
        />
      )}
      {pending.error && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={`待登记文件读取失败：${pending.error}`} />}
      {empty ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="upload-empty">
          {pending.loaded ? '没有待登记的文件' : '正在读取待登记的文件…'}
        </Typography.Text>
      ) : (
        <div data-testid="upload-queue">
          {pending.ready.map((f) => (
            <PendingRow key={f.key} file={f} noun={noun} onRegister={onRegister} onDiscard={discard} />
          ))}
          {pending.unfinished.map((h) => (
            <UnfinishedRow key={h.uploadId} file={h} onDiscard={discard} />
          ))}
          {pending.uploading.map((i) => (
            <QueueRow key={i.key} item={i} />
          ))}
        </div>
      )}
    </div>
  );
}
