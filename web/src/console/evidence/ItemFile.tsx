/**
 * One evidence item's file, as every procedure's page shows it: name, size and hash; a player
 * or preview opened on demand (the file streams with Range requests, so nothing loads until
 * asked); 下载; 保管记录 (custody and integrity); and 遮盖 for photos and scanned images.
 * `base` is the record's API path (`/penalty-cases/<id>`).
 */
import { Button, Drawer, Grid, Image, Space, Timeline, Typography } from 'antd';
import { AuditOutlined, DownloadOutlined, EyeInvisibleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useResource } from '../../hooks';
import { useSession } from '../session';
import { chinaTime } from '../../time';
import { DueStateTag } from '../../deadlines';
import { INTEGRITY, custodyEventName, formatBytes, mediaKind, shortHash } from './names';
import { redactable } from './RedactionModal';
import type { Custody, EvidenceFile, EvidenceItem } from './types';

export const contentUrl = (base: string, seq: number) => `/api/v1${base}/evidence/${seq}/content`;

export function Preview({ base, item }: { base: string; item: EvidenceItem & { file: EvidenceFile } }) {
  const narrow = Grid.useBreakpoint().sm === false;
  const src = contentUrl(base, item.seq);
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

/** 文件：name · size · SHA-256 (the full hash on hover). */
export function FileInfo({ file }: { file: EvidenceFile }) {
  return (
    <div style={{ fontSize: 12, color: '#595959', overflowWrap: 'anywhere' }} data-testid="evidence-file-info">
      文件：{file.fileName} · {formatBytes(file.size)} ·{' '}
      <span title={file.sha256} style={{ fontFamily: 'monospace' }}>
        SHA-256 {shortHash(file.sha256)}
      </span>
    </div>
  );
}

/** The item's buttons and, once asked, its preview (a closed item loads nothing). */
export function FileActions({
  base,
  item,
  open,
  onToggle,
  canRedact,
  onCustody,
  onRedact,
}: {
  base: string;
  item: EvidenceItem & { file: EvidenceFile };
  open: boolean;
  onToggle: () => void;
  canRedact: boolean;
  onCustody: () => void;
  onRedact: () => void;
}) {
  const kind = mediaKind(item.file.mime);
  return (
    <>
      <Space wrap size={4} style={{ marginTop: 6 }}>
        <Button
          size="small"
          type={open ? 'default' : 'primary'}
          ghost={!open}
          icon={<PlayCircleOutlined />}
          onClick={onToggle}
          data-testid="evidence-preview"
        >
          {open ? '收起' : kind === 'video' || kind === 'audio' ? '播放' : '预览'}
        </Button>
        <Button size="small" icon={<DownloadOutlined />} href={`${contentUrl(base, item.seq)}?download=1`} data-testid="evidence-download">
          下载
        </Button>
        <Button size="small" icon={<AuditOutlined />} onClick={onCustody} data-testid="evidence-custody">
          保管记录
        </Button>
        {canRedact && redactable(item) && (
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={onRedact} data-testid="evidence-redact">
            遮盖
          </Button>
        )}
      </Space>
      {open && (
        <div style={{ marginTop: 8 }}>
          <Preview base={base} item={item} />
        </div>
      )}
    </>
  );
}

/** Who linked, viewed, downloaded, redacted or shared the item, and whether its bytes are as hashed. */
export function CustodyDrawer({ base, item, onClose }: { base: string; item: EvidenceItem; onClose: () => void }) {
  const me = useSession();
  const narrow = Grid.useBreakpoint().sm === false;
  const custody = useResource<Custody>(`${base}/evidence/${item.seq}/custody`);
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
              <span style={{ color: '#595959' }}>
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
              <DueStateTag state={integrity?.state ?? 'met'} data-testid="custody-integrity" data-integrity={c.integrity}>
                {integrity?.text ?? c.integrity}
              </DueStateTag>
            </div>
          </div>
          <Timeline
            data-testid="custody-events"
            items={c.events.map((e) => ({
              color: e.link === 'attach' ? 'green' : e.type === 'evidence.redact' ? 'red' : 'blue',
              children: (
                <div data-testid="custody-event" data-type={e.type}>
                  <b>
                    {custodyEventName(e)}
                    {e.redacted ? '（遮盖件）' : ''}
                  </b>{' '}
                  <span style={{ color: '#595959' }}>{chinaTime(e.at, true)}</span>
                  <div style={{ fontSize: 12, color: '#666' }}>
                    {e.actorName} {roleName(e.actorRole)}
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
