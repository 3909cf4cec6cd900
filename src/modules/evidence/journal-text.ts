/**
 * How the evidence store's journal entries read (src/journal/readable.ts): an upload, a
 * playback or download, a redacted copy, a share and its use, a purge, the integrity check.
 * Files are named by their file name where the entry has one, never by their hash alone.
 */
import { fieldsOf, line, shorten, type ActionTexts } from '../../journal/readable.js';

const text = (v: unknown, max = 40) => (typeof v === 'string' ? shorten(v, max) : null);

/** Bytes as people read them: 1.2 MB. */
function size(v: unknown): string | null {
  if (typeof v !== 'number') return null;
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = v;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${u === 0 ? n : n.toFixed(1)} ${units[u]}`;
}

const VIA: Record<string, string> = { schedule: '定时核查', cli: '命令行' };

export const EVIDENCE_ACTION_TEXTS = {
  'evidence.upload': {
    title: '上传证据文件',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['文件', text(p.fileName)],
        ['大小', size(p.size)],
      ]);
    },
  },
  'evidence.discard-upload': {
    title: '丢弃待登记的上传文件',
    summary: ({ payload }) => line([['文件', text(fieldsOf(payload).fileName)]]),
  },
  'evidence.stream': { title: '播放证据文件', summary: () => '' },
  'evidence.download': {
    title: '下载证据文件',
    summary: ({ payload }) => (fieldsOf(payload).redacted === true ? '下载遮盖件' : '下载原件'),
  },
  'evidence.redact': {
    title: '制作遮盖件',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['遮盖区域', Array.isArray(p.rects) ? `${p.rects.length} 处` : null],
        ['理由', text(p.reason)],
      ]);
    },
  },
  'evidence.share': {
    title: '共享证据文件',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['接收方', text(p.recipient)],
        ['用途', text(p.purpose)],
      ]);
    },
  },
  'evidence.shared-access': { title: '共享链接被访问', summary: ({ payload }) => line([['接收方', text(fieldsOf(payload).recipient)]]) },
  'evidence.share-revoke': {
    title: '撤销证据共享',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['接收方', text(p.recipient)],
        ['理由', text(p.reason)],
      ]);
    },
  },
  'evidence.purge': { title: '清除到期证据文件', summary: ({ payload }) => line([['原因', text(fieldsOf(payload).reason)]]) },
  'evidence.verify': {
    title: '核查证据文件完整性',
    summary: ({ payload }) => {
      const p = fieldsOf(payload);
      return line([
        ['方式', typeof p.via === 'string' ? (VIA[p.via] ?? null) : null],
        ['核查文件', typeof p.checked === 'number' ? `${p.checked} 个` : null],
        ['结果', p.ok === true ? '全部完好' : p.ok === false ? '发现问题' : null],
      ]);
    },
  },
} as const satisfies ActionTexts;
