/** Names and formats the evidence views of every procedure share. */
import type { DueState } from '../../deadlines';

/** What a record's own action did with the item (GET …/evidence/:seq/custody `link`), whatever its procedure calls the action. */
const LINK_EVENTS: Record<string, string> = {
  attach: '登记入卷',
  withdraw: '撤回',
  export: '随案卷导出（哈希与证明）',
};

/** The evidence store's own custody events, by journal action type. */
const CUSTODY_EVENTS: Record<string, string> = {
  'evidence.share': '共享（限期链接）',
  'evidence.shared-access': '经共享链接获取',
  'evidence.stream': '播放',
  'evidence.download': '下载',
  'evidence.redact': '遮盖',
  'evidence.export': '导出',
  'evidence.upload': '上传',
};

/** A custody event's name. */
export const custodyEventName = (e: { type: string; link: string | null }) =>
  (e.link ? LINK_EVENTS[e.link] : CUSTODY_EVENTS[e.type]) ?? e.type;

/** Whether a file's bytes are as hashed, in the colours of a deadline's states (ok, overdue). */
export const INTEGRITY: Record<string, { state: DueState; text: string }> = {
  present: { state: 'ok', text: '文件完好' },
  missing: { state: 'overdue', text: '文件缺失' },
  altered: { state: 'overdue', text: '文件被改动' },
};

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

export const shortHash = (sha256: string) => `${sha256.slice(0, 8)}…${sha256.slice(-4)}`;

export type MediaKind = 'video' | 'audio' | 'image' | 'pdf' | 'other';
export function mediaKind(mime: string): MediaKind {
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  return 'other';
}

/** What the upload accepts (the server takes these kinds only). */
export const ACCEPT = 'video/*,audio/*,image/*,application/pdf';

const BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  '3gp': 'video/3gpp',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  amr: 'audio/amr',
  flac: 'audio/flac',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
};

/** The file's type, from the browser or else its extension; null when it is none the server takes. */
export function mimeOf(file: { name: string; type: string }): string | null {
  const t = file.type || BY_EXTENSION[file.name.split('.').at(-1)?.toLowerCase() ?? ''] || '';
  return mediaKind(t) === 'other' ? null : t;
}
