/**
 * What a file really is, from its first bytes (magic numbers), so an upload whose content
 * does not match its declared type is refused before it counts. Only the formats evidence
 * comes in: video (MP4, MOV, WebM), audio (MP3, M4A, WAV, OGG, AMR), photos and scans
 * (JPEG, PNG, TIFF, WebP, HEIC) and PDF.
 */
export type MediaKind = 'video' | 'audio' | 'image' | 'pdf';

export interface Sniffed {
  mime: string;
  kind: MediaKind;
}

/** Bytes to read from the start of a file to recognise it. */
export const SNIFF_BYTES = 64;

const ascii = (b: Buffer, at: number, s: string) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;
const bytes = (b: Buffer, at: number, xs: number[]) => b.length >= at + xs.length && xs.every((x, i) => b[at + i] === x);

/** ISO base media (MP4/MOV/M4A/HEIC): the brand in the ftyp box decides. */
function isoBrand(b: Buffer): Sniffed | null {
  if (!ascii(b, 4, 'ftyp')) return null;
  const brand = b.toString('latin1', 8, 12);
  if (brand === 'qt  ') return { mime: 'video/quicktime', kind: 'video' };
  if (brand === 'M4A ' || brand === 'M4B ') return { mime: 'audio/mp4', kind: 'audio' };
  if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return { mime: 'image/heic', kind: 'image' };
  return { mime: 'video/mp4', kind: 'video' };
}

const SIGNATURES: ((b: Buffer) => Sniffed | null)[] = [
  isoBrand,
  (b) => (bytes(b, 0, [0x1a, 0x45, 0xdf, 0xa3]) ? { mime: 'video/webm', kind: 'video' } : null),
  (b) => (bytes(b, 0, [0xff, 0xd8, 0xff]) ? { mime: 'image/jpeg', kind: 'image' } : null),
  (b) => (bytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ? { mime: 'image/png', kind: 'image' } : null),
  (b) => (ascii(b, 0, 'II*\u0000') || ascii(b, 0, 'MM\u0000*') ? { mime: 'image/tiff', kind: 'image' } : null),
  (b) => (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') ? { mime: 'image/webp', kind: 'image' } : null),
  (b) => (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE') ? { mime: 'audio/wav', kind: 'audio' } : null),
  (b) => (ascii(b, 0, 'OggS') ? { mime: 'audio/ogg', kind: 'audio' } : null),
  (b) => (ascii(b, 0, '#!AMR') ? { mime: 'audio/amr', kind: 'audio' } : null),
  (b) => (ascii(b, 0, 'ID3') || (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) ? { mime: 'audio/mpeg', kind: 'audio' } : null),
  (b) => (ascii(b, 0, '%PDF-') ? { mime: 'application/pdf', kind: 'pdf' } : null),
];

export function sniff(head: Buffer): Sniffed | null {
  for (const s of SIGNATURES) {
    const hit = s(head);
    if (hit) return hit;
  }
  return null;
}

/** The kind a declared MIME type names (what the client says the file is), or null when not accepted. */
export function declaredKind(mime: string): MediaKind | null {
  const m = mime.toLowerCase().split(';')[0]!.trim();
  if (m === 'application/pdf') return 'pdf';
  const top = m.split('/')[0];
  return top === 'video' || top === 'audio' || top === 'image' ? top : null;
}

/** The file-name extensions each sniffed type may carry; the first is the one given when a name has none of them. */
export const EXTENSIONS_OF = {
  'video/mp4': ['mp4', 'm4v'],
  'video/quicktime': ['mov', 'qt'],
  'video/webm': ['webm'],
  'audio/mp4': ['m4a', 'm4b'],
  'audio/wav': ['wav'],
  'audio/ogg': ['ogg', 'oga', 'opus'],
  'audio/amr': ['amr'],
  'audio/mpeg': ['mp3'],
  'image/heic': ['heic', 'heif'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
} as const satisfies Record<string, readonly [string, ...string[]]>;

/**
 * The name a file is downloaded under: its own, with an extension that matches what its
 * bytes are. A photo uploaded as "记录.html" downloads as "记录.jpg", so no program opens
 * evidence as something it is not. A type outside the table keeps no extension (".bin").
 */
export function downloadName(fileName: string, mime: string): string {
  const allowed: readonly string[] = (EXTENSIONS_OF as Record<string, readonly string[]>)[mime] ?? ['bin'];
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return allowed.includes(ext) ? fileName : `${stem || 'evidence'}.${allowed[0]}`;
}
