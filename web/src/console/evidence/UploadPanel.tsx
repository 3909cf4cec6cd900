/**
 * 上传证据: pick files, or on a phone take a photo or a video with the camera, and watch
 * each go up (hashing, then uploading) in a queue that survives reloads and lost networks;
 * an uploaded, verified file is registered into the case with 登记.
 */
import { useRef } from 'react';
import { Alert, Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { AudioOutlined, CameraOutlined, FileAddOutlined, FileImageOutlined, FilePdfOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { uploadQueue, type UploadItem } from './queue';
import { useOnline, useUploads } from './useUploads';
import { ACCEPT, formatBytes, mediaKind, shortHash } from './names';

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

function QueueRow({ item, onRegister }: { item: UploadItem; onRegister: (i: UploadItem) => void }) {
  const pct = percentOf(item);
  const phase = item.state === 'hashing' ? '校验值' : item.sha256 ? '上传' : '';
  return (
    <div
      data-testid="upload-item"
      data-state={item.state}
      data-file={item.fileName}
      style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 10px', marginBottom: 8, minWidth: 0 }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
        <span style={{ flex: 'none' }}>{KIND_ICON[mediaKind(item.mime)]}</span>
        <span
          title={item.fileName}
          style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 500 }}
        >
          {item.fileName}
        </span>
        <span style={{ flex: 'none', color: '#595959', fontSize: 12 }}>{formatBytes(item.size)}</span>
      </div>
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
          {item.state === 'uploaded' && (
            <Button size="small" type="primary" onClick={() => onRegister(item)} data-testid="register-upload">
              登记入卷
            </Button>
          )}
          {item.state === 'failed' && !item.error?.includes('只能上传') && (
            <Button size="small" onClick={() => uploadQueue.retry(item.key)}>
              重试
            </Button>
          )}
          <Popconfirm
            title={item.state === 'uploaded' ? '移除后该文件不会登记入卷，确定？' : '停止上传并移除该文件？'}
            okText="移除"
            cancelText="取消"
            onConfirm={() => void uploadQueue.remove(item.key)}
          >
            <Button size="small" type="text" danger>
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
  caseId,
  picker,
  onRegister,
}: {
  caseId: string;
  picker: ReturnType<typeof useFilePicker>;
  onRegister: (i: UploadItem) => void;
}) {
  const items = useUploads(caseId);
  const isOnline = useOnline();
  const touch = typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches;
  return (
    <div
      data-testid="upload-panel"
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
        校验值，再分段上传；断网或刷新页面后自动从中断处继续。上传并校验通过后点“登记入卷”。
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
      {items.length === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          上传队列为空
        </Typography.Text>
      ) : (
        <div data-testid="upload-queue">
          {items.map((i) => (
            <QueueRow key={i.key} item={i} onRegister={onRegister} />
          ))}
        </div>
      )}
    </div>
  );
}
