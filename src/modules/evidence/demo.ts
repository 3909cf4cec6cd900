/**
 * Evidence files for the demo town, made here so the demo needs nothing from outside:
 * photos (PNG with a per-case pattern, so each case's photo has its own hash), the sound
 * of an inquiry (WAV), a scanned record (a PDF holding a page image), and body-camera
 * footage (a 4-second test pattern, `demo-media/`). They are uploaded through the same upload
 * service an officer's phone uses, so each is verified and its hash journaled.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { appendChunk, createUpload } from './uploads.js';

const media = (name: string) => readFileSync(new URL(`./demo-media/${name}`, import.meta.url));
export const BODYCAM_MP4 = media('bodycam-sample.mp4');
export const BODYCAM_WEBM = media('bodycam-sample.webm');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG of `width`×`height` whose pixels `pixel(x, y)` gives. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A "site photo": sky, ground and a building whose size and colour follow `seed`. */
export function demoPhoto(seed: number): Buffer {
  const w = 320;
  const h = 240;
  const bx = 60 + ((seed * 37) % 120);
  const bw = 80 + ((seed * 13) % 60);
  const top = 70 + ((seed * 7) % 50);
  const roof: [number, number, number] = [150 + ((seed * 11) % 100), 60 + ((seed * 5) % 80), 50];
  return png(w, h, (x, y) => {
    if (y < 150 && x >= bx && x < bx + bw && y >= top)
      return (x - bx) % 20 < 10 && (y - top) % 24 < 12 && y > top + 8 ? [90, 120, 160] : [200, 195, 185];
    if (y < 150 && x >= bx - 6 && x < bx + bw + 6 && y >= top - 10 && y < top) return roof;
    if (y < 150) return [135 + (y >> 2), 180 + (y >> 3), 235];
    return [110 + ((x * 7 + y * 3 + seed) % 23), 100 + ((x + y * 5) % 17), 70];
  });
}

/** `seconds` of a tone as 8 kHz mono WAV: the sound of a recorded inquiry. */
export function demoAudio(seconds: number, hz: number): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * seconds * 2);
  for (let i = 0; i < rate * seconds; i++)
    samples.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 8000 * (0.6 + 0.4 * Math.sin(i / 900))), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + samples.length, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(samples.length, 40);
  return Buffer.concat([h, samples]);
}

/** A scanned page: a PDF holding a grey page image with ruled lines and "handwriting" strokes. */
export function demoScan(seed: number): Promise<Buffer> {
  const page = png(420, 594, (x, y) => {
    const ink = y > 60 && y % 28 > 20 && y % 28 < 23 && x > 40 && x < 380 && (x * 3 + y + seed * 17) % 41 < 26;
    const rule = y > 40 && y % 28 === 24 && x > 30 && x < 390;
    const v = ink ? 40 : rule ? 170 : 236 - ((x * 13 + y * 7 + seed) % 9);
    return [v, v, v];
  });
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: 'scan', Producer: 'yifa demo' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.image(page, 0, 0, { width: 595.28, height: 841.89 });
    doc.end();
  });
}

/** Uploads `bytes` as `req`'s user, through the verifying upload service; returns the hash. */
export async function uploadDemoFile(yifa: Yifa, req: Request, bytes: Buffer, fileName: string, mime: string): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const upload = await createUpload(yifa, req, { fileName, mime, size: bytes.length, sha256 });
  const done = await appendChunk(
    yifa,
    req,
    upload.id,
    0,
    (async function* () {
      yield bytes;
    })(),
  );
  if (!done.completed) throw new Error(`demo upload ${fileName} did not complete`);
  return sha256;
}
