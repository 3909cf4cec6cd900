/** Names and formats the evidence views share. */
import type { CaseRecord, Dictionaries } from '../types';

/** The scenes of 音像记录事项 (the server's RECORDING_SCENES, from the dictionaries), each with its name. */
export function recordingScenes(d: Dictionaries): { id: string; name: string }[] {
  return Object.entries(d.recordingScenes).map(([id, name]) => ({ id, name }));
}

export const sceneName = (d: Dictionaries | undefined, id: string) => d?.recordingScenes[id] ?? id;

/** Custody events (GET …/evidence/:seq/custody) by journal action type. */
export const CUSTODY_EVENTS: Record<string, string> = {
  'penalty.add-evidence': '登记入卷',
  'penalty.withdraw-evidence': '撤回',
  'evidence.share': '共享（限期链接）',
  'penalty.case-file.export': '随案卷导出（哈希与证明）',
  'evidence.shared-access': '经共享链接获取',
  'evidence.stream': '播放',
  'evidence.download': '下载',
  'evidence.redact': '遮盖',
  'evidence.export': '导出',
  'evidence.upload': '上传',
};

export const INTEGRITY: Record<string, { color: string; text: string }> = {
  present: { color: 'green', text: '文件完好' },
  missing: { color: 'red', text: '文件缺失' },
  altered: { color: 'red', text: '文件被改动' },
};

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

export const shortHash = (sha256: string) => `${sha256.slice(0, 8)}…${sha256.slice(-4)}`;

const CHINA = 'Asia/Shanghai';
/** An instant as China Standard Time, whatever the browser's zone: 2026-03-02 09:30. */
export const chinaTime = (iso: string, seconds = false) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: CHINA,
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });

/** China wall-clock time of an instant, as YYYY-MM-DDTHH:mm:ss (China has no daylight saving: UTC+8). */
export const chinaWallClock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);

/** A China wall-clock time (YYYY-MM-DDTHH:mm:ss) as the ISO instant the API takes. */
export const chinaIso = (wallClock: string) => `${wallClock}+08:00`;

export const recordTitle = (r: CaseRecord) =>
  `${r.kind === 'inspection' ? '现场检查笔录' : '询问笔录'}（${r.on}，${r.kind === 'inspection' ? r.place : r.subject}）`;

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
