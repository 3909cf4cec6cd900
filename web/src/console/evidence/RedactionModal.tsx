/**
 * 遮盖: for disclosure, rectangles drawn on a photo or scanned page (mouse, pen or finger)
 * are painted over by the server into a new file; the original never changes. Lists the
 * redacted copies made so far, each to download.
 */
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { Alert, App, Button, Empty, Grid, Input, List, Modal, Space, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { post, type ApiError } from '../../api';
import { useResource } from '../../hooks';
import type { EvidenceItem } from './types';
import { chinaTime } from '../../time';
import { formatBytes } from './names';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Redaction {
  original: string;
  derivative: string;
  rects: Rect[];
  reason: string;
  by: string | null;
  at: string;
  file: { sha256: string; size: number; mime: string; fileName: string };
}

/** PNG and JPEG only (the server's codecs). */
export const redactable = (e: EvidenceItem) => e.file?.mime === 'image/png' || e.file?.mime === 'image/jpeg';

/** `base`: the record's API path (`/penalty-cases/<id>`). */
export function RedactionModal({ base: record, item, onClose }: { base: string; item: EvidenceItem; onClose: () => void }) {
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().sm === false;
  const base = `${record}/evidence/${item.seq}`;
  const copies = useResource<{ items: Redaction[] }>(`${base}/redactions`);
  const img = useRef<HTMLImageElement>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [rects, setRects] = useState<Rect[]>([]);
  const [draft, setDraft] = useState<Rect | null>(null);
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  /** A pointer position in the image's own pixels. */
  const at = (e: ReactPointerEvent) => {
    const box = img.current!.getBoundingClientRect();
    const n = natural!;
    const x = Math.min(n.w, Math.max(0, ((e.clientX - box.left) / box.width) * n.w));
    const y = Math.min(n.h, Math.max(0, ((e.clientY - box.top) / box.height) * n.h));
    return { x, y };
  };
  const span = (a: { x: number; y: number }, b: { x: number; y: number }): Rect => {
    const x = Math.floor(Math.min(a.x, b.x));
    const y = Math.floor(Math.min(a.y, b.y));
    return { x, y, w: Math.ceil(Math.max(a.x, b.x)) - x, h: Math.ceil(Math.max(a.y, b.y)) - y };
  };
  const down = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!natural || start.current) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { ...at(e), id: e.pointerId };
    setDraft(null);
  };
  const move = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!start.current || start.current.id !== e.pointerId) return;
    setDraft(span(start.current, at(e)));
  };
  const up = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!start.current || start.current.id !== e.pointerId) return;
    const r = span(start.current, at(e));
    start.current = null;
    setDraft(null);
    // A tap is not a rectangle.
    if (r.w >= 2 && r.h >= 2) setRects((rs) => [...rs, r]);
  };
  const pct = (r: Rect) =>
    natural && {
      left: `${(r.x / natural.w) * 100}%`,
      top: `${(r.y / natural.h) * 100}%`,
      width: `${(r.w / natural.w) * 100}%`,
      height: `${(r.h / natural.h) * 100}%`,
    };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await post(`${base}/redactions`, { rects, reason: reason.trim() });
      void message.success('已生成遮盖件，原件不变');
      setRects([]);
      setReason('');
      await copies.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`遮盖：${item.title}`}
      onCancel={onClose}
      footer={null}
      width={narrow ? '100%' : 820}
      destroyOnHidden
      style={narrow ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      styles={{ body: { maxHeight: narrow ? 'calc(100dvh - 70px)' : 'calc(100vh - 160px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        在图片上拖动（鼠标或手指）框出要遮盖的区域，如人脸、车牌、身份证号码，可框多处。提交后服务器生成涂黑的遮盖件用于公开，原件保持不变，遮盖人、理由和区域记入日志。
      </Typography.Paragraph>
      <div
        style={{ position: 'relative', display: 'inline-block', maxWidth: '100%', lineHeight: 0, userSelect: 'none' }}
        data-testid="redaction-canvas"
      >
        <img
          ref={img}
          src={`/api/v1${base}/content`}
          alt={item.title}
          draggable={false}
          onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          style={{ maxWidth: '100%', maxHeight: narrow ? '50vh' : '60vh', display: 'block' }}
        />
        <div
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={() => {
            start.current = null;
            setDraft(null);
          }}
          data-testid="redaction-surface"
          style={{ position: 'absolute', inset: 0, cursor: natural ? 'crosshair' : 'wait', touchAction: 'none' }}
        >
          {rects.map((r, i) => (
            <div
              key={i}
              data-testid="redaction-rect"
              style={{ position: 'absolute', ...pct(r), background: 'rgba(0,0,0,0.85)', outline: '2px solid #ff4d4f' }}
            />
          ))}
          {draft && <div style={{ position: 'absolute', ...pct(draft), background: 'rgba(0,0,0,0.4)', outline: '2px dashed #ff4d4f' }} />}
        </div>
      </div>
      {rects.length > 0 && (
        <div style={{ margin: '8px 0' }}>
          {rects.map((r, i) => (
            <Space key={i} size={4} style={{ marginRight: 12 }}>
              <span style={{ fontSize: 12 }}>
                区域 {i + 1}：({r.x}, {r.y}) {r.w}×{r.h} 像素
              </span>
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={`删除区域 ${i + 1}`}
                onClick={() => setRects((rs) => rs.filter((_, j) => j !== i))}
              />
            </Space>
          ))}
        </div>
      )}
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="遮盖理由（如：涉及第三人个人信息，公开前遮盖人脸和车牌）"
        style={{ marginTop: 8 }}
        data-testid="redaction-reason"
      />
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} message={error.message} />}
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          type="primary"
          loading={busy}
          disabled={rects.length === 0 || reason.trim().length < 2}
          onClick={() => void submit()}
          data-testid="redaction-submit"
        >
          生成遮盖件
        </Button>
        <Button disabled={rects.length === 0} onClick={() => setRects([])}>
          清除所有区域
        </Button>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        遮盖件
      </Typography.Title>
      <List
        size="small"
        loading={copies.loading}
        dataSource={copies.data?.items ?? []}
        data-testid="redaction-copies"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无遮盖件" /> }}
        renderItem={(r) => (
          <List.Item
            data-testid="redaction-copy"
            data-sha256={r.derivative}
            actions={[
              <a key="dl" href={`/api/v1${base}/redactions/${r.derivative}`} download>
                <DownloadOutlined /> 下载
              </a>,
            ]}
          >
            <List.Item.Meta
              title={<span style={{ overflowWrap: 'anywhere' }}>{r.file.fileName}</span>}
              description={
                <span style={{ fontSize: 12 }}>
                  {chinaTime(r.at)} · 遮盖 {r.rects.length} 处 · {formatBytes(r.file.size)} · 理由：{r.reason}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}
