/**
 * The filesystem blob store on a real disk: content addressing, one copy of identical
 * content, refusals that leave nothing behind, resumable staging, integrity checks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsBlobStore } from '../../src/platform/blobs/store.js';
import { declaredKind, sniff } from '../../src/platform/blobs/sniff.js';
import { AppError } from '../../src/platform/http/errors.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function* chunks(b: Buffer, size = 1000) {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}
async function* failingAfter(b: Buffer, n: number) {
  yield b.subarray(0, n);
  throw new Error('connection reset');
}
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('filesystem blob store', () => {
  let root: string;
  let store: FsBlobStore;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'yifa-blobs-'));
    store = await new FsBlobStore(root).init();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores content under its SHA-256 in sharded folders, once', async () => {
    const data = randomBytes(10_000);
    const first = await store.put(chunks(data), { expectedSha256: sha(data) });
    expect(first).toEqual({ sha256: sha(data), size: 10_000, created: true });
    expect(filesUnder(join(root, 'objects'))).toEqual([join(root, 'objects', sha(data).slice(0, 2), sha(data).slice(2, 4), sha(data))]);
    const again = await store.put(chunks(data));
    expect(again.created).toBe(false);
    expect(filesUnder(root)).toHaveLength(1);
    expect(await store.size(sha(data))).toBe(10_000);
    const ranged: Buffer[] = [];
    for await (const c of store.read(sha(data), { start: 100, end: 199 })) ranged.push(c as Buffer);
    expect(Buffer.concat(ranged)).toEqual(data.subarray(100, 200));
  });

  it('refuses a hash mismatch or an oversize file and keeps nothing', async () => {
    const data = randomBytes(5_000);
    expect(await codeOf(store.put(chunks(data), { expectedSha256: sha(Buffer.from('other')) }))).toBe('HASH_MISMATCH');
    expect(await codeOf(store.put(chunks(data), { maxBytes: 4_999 }))).toBe('PAYLOAD_TOO_LARGE');
    expect(filesUnder(root)).toEqual([]);
  });

  it('resumes a staged upload after a dropped connection, refuses a wrong offset, and verifies the whole', async () => {
    const data = randomBytes(300_000);
    const id = 'upload-0001';
    await expect(store.staged.append(id, 0, failingAfter(data, 120_000), 1e9)).rejects.toThrow('connection reset');
    expect(await store.staged.offset(id)).toBe(120_000); // what arrived is kept, fsynced
    expect(await codeOf(store.staged.append(id, 100_000, chunks(data.subarray(100_000)), 1e9))).toBe('UPLOAD_OFFSET_MISMATCH');
    expect(await store.staged.append(id, 120_000, chunks(data.subarray(120_000), 64 * 1024), 1e9)).toBe(300_000);
    expect(filesUnder(join(root, 'objects'))).toEqual([]); // nothing counts before it is verified
    expect(await store.staged.finish(id, sha(data))).toEqual({ sha256: sha(data), size: 300_000, created: true });
    expect(filesUnder(join(root, 'staging'))).toEqual([]);
    expect(await store.verify(sha(data))).toBe('ok');
  });

  it('discards a staged upload whose hash does not match, and one that grows past the limit', async () => {
    const data = randomBytes(2_000);
    await store.staged.append('upload-0002', 0, chunks(data), 1e9);
    expect(await codeOf(store.staged.finish('upload-0002', sha(Buffer.from('x'))))).toBe('HASH_MISMATCH');
    await store.staged.append('upload-0003', 0, chunks(data), 3_000);
    expect(await codeOf(store.staged.append('upload-0003', 2_000, chunks(data), 3_000))).toBe('PAYLOAD_TOO_LARGE');
    expect(filesUnder(root)).toEqual([]);
    expect(await codeOf(store.staged.offset('../etc/passwd'))).toBe('INVALID_INPUT');
  });

  it('tells a stored blob that was altered or removed', async () => {
    const data = randomBytes(4_096);
    await store.put(chunks(data));
    const path = join(root, 'objects', sha(data).slice(0, 2), sha(data).slice(2, 4), sha(data));
    const bytes = readFileSync(path);
    bytes[2_000] = bytes[2_000]! ^ 0x01;
    writeFileSync(path, bytes);
    expect(await store.verify(sha(data))).toBe('altered');
    await store.remove(sha(data));
    expect(await store.verify(sha(data))).toBe('missing');
    const listed = [];
    for await (const h of store.list()) listed.push(h);
    expect(listed).toEqual([]);
  });
});

describe('file type from content', () => {
  it('recognises evidence formats by their first bytes', () => {
    const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`, 'latin1')]);
    expect(sniff(ftyp('isom'))?.mime).toBe('video/mp4');
    expect(sniff(ftyp('qt  '))?.mime).toBe('video/quicktime');
    expect(sniff(ftyp('M4A '))?.kind).toBe('audio');
    expect(sniff(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1]))?.mime).toBe('video/webm');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
    expect(sniff(Buffer.from('%PDF-1.7\n'))?.kind).toBe('pdf');
    expect(sniff(Buffer.from('RIFF\0\0\0\0WAVEfmt '))?.mime).toBe('audio/wav');
    expect(sniff(Buffer.from('<html><script>'))).toBeNull();
    expect(sniff(Buffer.from('MZ\x90\x00'))).toBeNull();
  });

  it('accepts only the declared types evidence comes in', () => {
    expect(declaredKind('video/mp4')).toBe('video');
    expect(declaredKind('application/pdf')).toBe('pdf');
    expect(declaredKind('IMAGE/JPEG; charset=binary')).toBe('image');
    expect(declaredKind('application/x-msdownload')).toBeNull();
  });
});
