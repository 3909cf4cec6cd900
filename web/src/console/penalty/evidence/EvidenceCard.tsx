/**
 * 证据 on the case page: each item with its file (name, size, hash), the recording's
 * particulars, a player or preview opened on demand (the file streams with Range requests,
 * so nothing loads until asked), 下载, 保管记录 (custody and integrity) and, for photos,
 * 遮盖. The upload queue sits on top for those who may add evidence.
 */
import { useState } from 'react';
import { Button, Card, Drawer, Empty, Grid, Image, List, Space, Tag, Timeline, Typography } from 'antd';
import { AuditOutlined, DownloadOutlined, EyeInvisibleOutlined, PlayCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { useResource } from '../../../hooks';
import { useT } from '../../../i18n';
import { useSession } from '../../session';
import type { FormContext } from '../ActionForm';
import type { CaseView, Evidence, EvidenceFile } from '../types';
import { CUSTODY_EVENTS, INTEGRITY, chinaTime, formatBytes, mediaKind, recordTitle, sceneName, shortHash } from './names';
import { RedactionModal, redactable } from './RedactionModal';
import { UploadPanel, type useFilePicker } from './UploadPanel';
import { useHasUploads } from './useUploads';
import type { UploadItem } from './queue';

interface Custody {
  file: EvidenceFile;
  integrity: 'present' | 'missing' | 'altered';
  events: {
    seq: number;
    type: string;
    actorUserId: string | null;
    actorName?: string;
    actorRole: string | null;
    at: string;
    range?: string | null;
    redacted?: boolean;
  }[];
}

/** 2026/03/02 09:30–09:34, or both in full when the recording runs past midnight. */
const span = (from: string, to: string) => {
  const a = chinaTime(from);
  const b = chinaTime(to);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(-5)}` : `${a} – ${b}`;
};

const contentUrl = (caseId: string, seq: number) => `/api/v1/penalty-cases/${caseId}/evidence/${seq}/content`;

function Preview({ caseId, item }: { caseId: string; item: Evidence & { file: EvidenceFile } }) {
  const narrow = Grid.useBreakpoint().sm === false;
  const src = contentUrl(caseId, item.seq);
  switch (mediaKind(item.file.mime)) {
    case 'video':
      return (
        // biome-ignore lint/a11y/useMediaCaption: evidence is the raw recording as collected; no caption track exists for it
        <video
          controls
          preload="metadata"
          playsInline
          src={src}
          data-testid="evidence-video"
          style={{ width: '100%', maxWidth: 640, maxHeight: 400, background: '#000', display: 'block' }}
        />
      );
    case 'audio':
      // biome-ignore lint/a11y/useMediaCaption: evidence is the raw recording as collected; no caption track exists for it
      return <audio controls preload="metadata" src={src} data-testid="evidence-audio" style={{ width: '100%', maxWidth: 480 }} />;
    case 'image':
      return <Image src={src} alt={item.title} data-testid="evidence-image" style={{ maxWidth: '100%', maxHeight: 360 }} />;
    case 'pdf':
      return (
        <div>
          <iframe
            src={src}
            title={item.title}
            data-testid="evidence-pdf"
            style={{ width: '100%', height: narrow ? '60vh' : 520, border: '1px solid #eee' }}
          />
          <a href={src} target="_blank" rel="noreferrer" style={{ fontSize: 12 }}>
            在新窗口打开
          </a>
        </div>
      );
    default:
      return <Typography.Text type="secondary">此类文件不能在线预览，请下载查看</Typography.Text>;
  }
}

function EvidenceRow({
  caseId,
  item,
  view,
  ctx,
  canRedact,
  onCustody,
  onRedact,
}: {
  caseId: string;
  item: Evidence;
  view: CaseView;
  ctx: FormContext | undefined;
  canRedact: boolean;
  onCustody: (e: Evidence) => void;
  onRedact: (e: Evidence) => void;
}) {
  const [open, setOpen] = useState(false);
  const dict = ctx?.dictionaries;
  const person = (id: string) => ctx?.people.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  const step = item.step != null ? view.case.records.find((r) => r.seq === item.step) : undefined;
  const r = item.recording;
  const f = item.file;
  const kind = f ? mediaKind(f.mime) : null;
  const previewLabel = kind === 'video' || kind === 'audio' ? '播放' : '预览';
  return (
    <List.Item data-testid="evidence-item" data-seq={item.seq} style={{ display: 'block', minWidth: 0 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <Tag color={item.type === 'audiovisual' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {dict?.evidenceTypes[item.type] ?? item.type}
        </Tag>
        <b style={{ overflowWrap: 'anywhere' }}>{item.title}</b>
        {r && (
          <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
            音像记录
          </Tag>
        )}
        {!f && <Tag style={{ marginInlineEnd: 0 }}>无文件</Tag>}
        {item.withdrawn && (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="evidence-withdrawn">
            已撤回（{item.withdrawn.on}：{item.withdrawn.reason}）
          </Tag>
        )}
      </div>
      <div style={{ fontSize: 13, color: '#555', marginTop: 4, overflowWrap: 'anywhere' }}>
        {item.description}
        <span style={{ color: '#999' }}>
          （{item.source}，{item.collectedOn}）
        </span>
      </div>
      {step && <div style={{ fontSize: 12, color: '#888' }}>所属笔录：{recordTitle(step)}</div>}
      {f && (
        <div style={{ fontSize: 12, color: '#888', overflowWrap: 'anywhere' }} data-testid="evidence-file-info">
          文件：{f.fileName} · {formatBytes(f.size)} ·{' '}
          <span title={f.sha256} style={{ fontFamily: 'monospace' }}>
            SHA-256 {shortHash(f.sha256)}
          </span>
        </div>
      )}
      {r && (
        <div
          style={{
            fontSize: 12,
            color: '#555',
            background: '#f9f0ff',
            borderRadius: 4,
            padding: '4px 8px',
            marginTop: 4,
            overflowWrap: 'anywhere',
          }}
          data-testid="evidence-recording"
        >
          执法记录仪 {r.recorder} · {span(r.startedAt, r.endedAt)} · {sceneName(dict, r.scene)} · {r.place}
          {r.gps ? ` · 北纬 ${r.gps.lat.toFixed(4)} 东经 ${r.gps.lng.toFixed(4)}` : ''} · {r.officers.map(person).join('、')}
        </div>
      )}
      {f && (
        <Space wrap size={4} style={{ marginTop: 6 }}>
          <Button
            size="small"
            type={open ? 'default' : 'primary'}
            ghost={!open}
            icon={<PlayCircleOutlined />}
            onClick={() => setOpen(!open)}
            data-testid="evidence-preview"
          >
            {open ? '收起' : previewLabel}
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={`${contentUrl(caseId, item.seq)}?download=1`}
            data-testid="evidence-download"
          >
            下载
          </Button>
          <Button size="small" icon={<AuditOutlined />} onClick={() => onCustody(item)} data-testid="evidence-custody">
            保管记录
          </Button>
          {canRedact && redactable(item) && (
            <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => onRedact(item)} data-testid="evidence-redact">
              遮盖
            </Button>
          )}
        </Space>
      )}
      {/* Mounted only when opened: a closed item loads nothing. */}
      {open && f && (
        <div style={{ marginTop: 8 }}>
          <Preview caseId={caseId} item={item as Evidence & { file: EvidenceFile }} />
        </div>
      )}
    </List.Item>
  );
}

function CustodyDrawer({ caseId, item, onClose }: { caseId: string; item: Evidence; onClose: () => void }) {
  const me = useSession();
  const narrow = Grid.useBreakpoint().sm === false;
  const custody = useResource<Custody>(`/penalty-cases/${caseId}/evidence/${item.seq}/custody`);
  const roles = useResource<{ roles: { id: string; name: string }[] }>('/org/dictionaries');
  const roleName = (id: string | null) => (id === 'system' ? '系统' : (roles.data?.roles.find((r) => r.id === id)?.name ?? id ?? ''));
  const c = custody.data;
  const integrity = c ? INTEGRITY[c.integrity] : undefined;
  return (
    <Drawer
      open
      title={`保管记录：${item.title}`}
      onClose={onClose}
      width={narrow ? '100%' : 480}
      data-testid="custody-drawer"
      extra={
        <Button size="small" onClick={() => void custody.reload()}>
          刷新
        </Button>
      }
    >
      {custody.error && <Typography.Text type="danger">{custody.error.message}</Typography.Text>}
      {c && (
        <>
          <div style={{ marginBottom: 12, overflowWrap: 'anywhere' }}>
            <div>
              <b>{c.file.fileName}</b>{' '}
              <span style={{ color: '#888' }}>
                {formatBytes(c.file.size)} · {c.file.mime}
              </span>
            </div>
            <div style={{ fontSize: 12 }}>
              SHA-256{' '}
              <Typography.Text code copyable style={{ fontSize: 11, wordBreak: 'break-all' }}>
                {c.file.sha256}
              </Typography.Text>
            </div>
            <div style={{ marginTop: 4 }}>
              完整性：
              <Tag color={integrity?.color} data-testid="custody-integrity" data-integrity={c.integrity}>
                {integrity?.text ?? c.integrity}
              </Tag>
            </div>
          </div>
          <Timeline
            data-testid="custody-events"
            items={c.events.map((e) => ({
              color: e.type === 'penalty.add-evidence' ? 'green' : e.type === 'evidence.redact' ? 'red' : 'blue',
              children: (
                <div data-testid="custody-event" data-type={e.type}>
                  <b>
                    {CUSTODY_EVENTS[e.type] ?? e.type}
                    {e.redacted ? '（遮盖件）' : ''}
                  </b>{' '}
                  <span style={{ color: '#888' }}>{chinaTime(e.at, true)}</span>
                  <div style={{ fontSize: 12, color: '#666' }}>
                    {e.actorName ?? ''} {roleName(e.actorRole)}
                    {e.actorUserId === me.user.id ? '（本人）' : ''}
                    {e.range ? ` · 字节 ${e.range}` : ''} · 日志 #{e.seq}
                  </div>
                </div>
              ),
            }))}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            登记、播放、下载、遮盖均记入不可篡改的日志；同一人十分钟内反复播放只记一次。
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}

export function EvidenceCard({
  view,
  ctx,
  canUpload,
  canRedact,
  picker,
  onRegister,
}: {
  view: CaseView;
  ctx: FormContext | undefined;
  canUpload: boolean;
  canRedact: boolean;
  picker: ReturnType<typeof useFilePicker>;
  onRegister: (i: UploadItem) => void;
}) {
  const t = useT();
  const queued = useHasUploads(view.id);
  const [showUpload, setShowUpload] = useState(false);
  const [custody, setCustody] = useState<Evidence | null>(null);
  const [redacting, setRedacting] = useState<Evidence | null>(null);
  const items = view.case.evidence;
  return (
    <Card
      size="small"
      data-testid="evidence-card"
      title={
        <span>
          {t('evidence')} <span style={{ color: '#888', fontWeight: 400 }}>（{items.length}）</span>
        </span>
      }
      extra={
        canUpload && (
          <Button
            size="small"
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => setShowUpload(!showUpload)}
            data-testid="upload-evidence"
          >
            {t('uploadEvidence')}
          </Button>
        )
      }
    >
      {canUpload && (showUpload || queued) && <UploadPanel caseId={view.id} picker={picker} onRegister={onRegister} />}
      <List
        size="small"
        dataSource={[...items].reverse()}
        rowKey="seq"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未登记证据" /> }}
        renderItem={(e) => (
          <EvidenceRow
            caseId={view.id}
            item={e}
            view={view}
            ctx={ctx}
            canRedact={canRedact}
            onCustody={setCustody}
            onRedact={setRedacting}
          />
        )}
      />
      {custody && <CustodyDrawer caseId={view.id} item={custody} onClose={() => setCustody(null)} />}
      {redacting && <RedactionModal caseId={view.id} item={redacting} onClose={() => setRedacting(null)} />}
    </Card>
  );
}

/** 音像记录: the steps this agency requires to be recorded on audio-visual media, and which are. */
export function RecordingsCard({
  view,
  canUpload,
  onUpload,
}: {
  view: CaseView;
  canUpload: boolean;
  onUpload: (step: number | null, scene: string) => void;
}) {
  const t = useT();
  const missing = view.recordings.filter((r) => !r.covered).length;
  return (
    <Card
      size="small"
      data-testid="recordings-card"
      title={
        <Space size={6} wrap>
          <span>{t('recordings')}</span>
          {view.recordings.length > 0 && <Tag color={missing ? 'red' : 'green'}>{missing ? `缺 ${missing} 项` : '齐全'}</Tag>}
        </Space>
      }
    >
      {view.recordings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本案目前没有须音像记录的执法环节" data-testid="recordings-empty" />
      ) : (
        <List
          size="small"
          dataSource={view.recordings}
          rowKey={(r) => `${r.scene}-${r.step ?? r.title}`}
          renderItem={(r) => (
            <List.Item
              data-testid="recording-step"
              data-covered={String(r.covered)}
              data-step={r.step ?? ''}
              style={{
                borderInlineStart: `3px solid ${r.covered ? '#52c41a' : '#fa541c'}`,
                paddingInlineStart: 8,
                display: 'flex',
                flexWrap: 'wrap',
                gap: 6,
              }}
            >
              <span style={{ flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere' }}>{r.title}</span>
              <Space size={4} wrap>
                {r.covered ? (
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    已有音像记录
                  </Tag>
                ) : (
                  <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                    缺少音像记录
                  </Tag>
                )}
                {!r.covered && canUpload && (
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onUpload(r.step, r.scene)}>
                    上传
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        按本单位音像记录事项清单，现场检查、查封扣押、听证、当场处罚、留置送达等环节应全程录音录像（《行政处罚法》第四十七条）。
      </Typography.Paragraph>
    </Card>
  );
}
