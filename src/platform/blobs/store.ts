/**
 * Evidence blobs, content-addressed by SHA-256 and stored outside the database (DESIGN
 * principle 3). The store is an interface; the filesystem is the default implementation.
 *
 * Nothing partial is ever visible: bytes go to a file under `staging/`, are fsynced, hashed
 * and checked, and only then renamed into `objects/ab/cd/<sha256>` (rename is atomic on one
 * filesystem; the directory is fsynced so the rename survives a crash). Identical content is
 * stored once. Resumable uploads append chunks to a staging file at the offset it has
 * reached; each chunk is fsynced before its new offset is reported.
 */
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../errors.js';

export type Sha256 = string;
export type BlobSource = AsyncIterable<Uint8Array>;
export type Integrity = 'ok' | 'missing' | 'altered';

export interface BlobStore {
  /** Streams `source` in; refuses it (storing nothing) over `maxBytes` or when `expectedSha256` differs. */
  put(
    source: BlobSource,
    opts?: { expectedSha256?: Sha256; maxBytes?: number },
  ): Promise<{ sha256: Sha256; size: number; created: boolean }>;
  size(sha256: Sha256): Promise<number | null>;
  /** The blob's bytes, or the inclusive byte range `start`–`end`. */
  read(sha256: Sha256, range?: { start: number; end: number }): Readable;
  /** Re-hashes the stored bytes. */
  verify(sha256: Sha256): Promise<Integrity>;
  /** Removes the bytes (purge after retention); the hash stays wherever it is recorded. */
  remove(sha256: Sha256): Promise<void>;
  /** Every stored hash. */
  list(): AsyncIterable<Sha256>;
  /** Resumable uploads: a staging file per upload id. */
  staged: StagingArea;
}

export interface StagingArea {
  /** Bytes received so far (0 for an upload not begun). */
  offset(uploadId: string): Promise<number>;
  /** Appends at `offset`, which must be where the upload stands; returns the new offset. */
  append(uploadId: string, offset: number, source: BlobSource, maxBytes: number): Promise<number>;
  /** Checks the whole upload against `expectedSha256` and moves it into the store; a mismatch discards it. */
  finish(uploadId: string, expectedSha256: Sha256): Promise<{ sha256: Sha256; size: number; created: boolean }>;
  discard(uploadId: string): Promise<void>;
  /** The first bytes of an upload, to check its type before it counts. */
  head(uploadId: string, bytes: number): Promise<Buffer>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const UPLOAD_ID = /^[0-9A-Za-z-]{8,64}$/;

export function isSha256(s: string): boolean {
  return SHA256.test(s);
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError('PAYLOAD_TOO_LARGE', `文件超过允许的大小（${formatBytes(maxBytes)}），未保存`);
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(n % 1024 ** 3 ? 1 : 0)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(n % 1024 ** 2 ? 1 : 0)} MB`;
  return `${n} 字节`;
}

function mismatch(expected: string, actual: string): DomainError {
  return new DomainError(
    'HASH_MISMATCH',
    `文件的 SHA-256 与声明的不一致（声明 ${expected.slice(0, 12)}…，实际 ${actual.slice(0, 12)}…），文件可能在传输中损坏，未保存，请重新上传`,
  );
}

export class FsBlobStore implements BlobStore {
  private readonly objects: string;
  private readonly staging: string;
  /** Uploads in progress in this process: the hash of the bytes so far, and how many */
  private readonly running = new Map<string, { hash: Hash; at: number }>();

  constructor(root: string) {
    this.objects = join(root, 'objects');
    this.staging = join(root, 'staging');
  }

  async init(): Promise<this> {
    await mkdir(this.objects, { recursive: true });
    await mkdir(this.staging, { recursive: true });
    return this;
  }

  private pathOf(sha256: Sha256): string {
    if (!isSha256(sha256)) throw new DomainError('INVALID_INPUT', 'SHA-256 须为 64 位小写十六进制');
    return join(this.objects, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: BlobSource, opts: { expectedSha256?: Sha256; maxBytes?: number } = {}) {
    const tmp = join(this.staging, `put-${randomUUID()}`);
    try {
      const written = await writeHashed(tmp, source, 0, opts.maxBytes ?? Number.MAX_SAFE_INTEGER, 'w');
      const sha256 = written.hash.digest('hex');
      const size = written.size;
      if (opts.expectedSha256 && opts.expectedSha256 !== sha256) throw mismatch(opts.expectedSha256, sha256);
      return { sha256, size, created: await this.commit(tmp, sha256) };
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /** Moves a verified staging file into place; false when the content was already stored. */
  private async commit(tmp: string, sha256: Sha256): Promise<boolean> {
    const target = this.pathOf(sha256);
    const dir = join(target, '..');
    // Stored already: keep one copy. A stored copy of another size was damaged; the new one replaces it.
    const stored = await stat(target).catch(() => null);
    if (stored && stored.size === (await stat(tmp)).size) return false;
    await mkdir(dir, { recursive: true });
    await rename(tmp, target);
    await fsyncDir(dir);
    return true;
  }

  async size(sha256: Sha256) {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return null;
    }
  }

  read(sha256: Sha256, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(sha256), range ? { start: range.start, end: range.end } : {});
  }

  async verify(sha256: Sha256): Promise<Integrity> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) return 'missing';
    return (await hashFile(path)) === sha256 ? 'ok' : 'altered';
  }

  async remove(sha256: Sha256) {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<Sha256> {
    for (const a of await readdir(this.objects)) {
      for (const b of await readdir(join(this.objects, a))) {
        for (const f of await readdir(join(this.objects, a, b))) if (isSha256(f)) yield f;
      }
    }
  }

  readonly staged: StagingArea = {
    offset: async (id) => (await stat(this.stagedPath(id)).catch(() => null))?.size ?? 0,
    append: async (id, offset, source, maxBytes) => {
      const path = this.stagedPath(id);
      const at = await this.staged.offset(id);
      if (offset !== at)
        throw new DomainError(
          'UPLOAD_OFFSET_MISMATCH',
          `分片偏移量不对：本次从第 ${offset} 字节开始，但已收到 ${at} 字节，请从第 ${at} 字节续传`,
          { details: { offset: at } },
        );
      // The running hash of an upload this process has received from its first byte spares
      // reading the file again at the end; after a restart (no running hash) finish re-reads it.
      const running = this.running.get(id);
      const hash = at === 0 ? createHash('sha256') : running && running.at === at ? running.hash : null;
      this.running.delete(id);
      try {
        const written = await writeHashed(path, source, at, maxBytes, at === 0 ? 'w' : 'r+', hash ?? undefined);
        if (hash) this.running.set(id, { hash, at: written.size });
      } catch (e) {
        // Over the limit: nothing of the upload is kept. A dropped connection keeps what arrived.
        if (e instanceof DomainError && e.code === 'PAYLOAD_TOO_LARGE') await rm(path, { force: true });
        throw e;
      }
      return this.staged.offset(id);
    },
    finish: async (id, expectedSha256) => {
      const path = this.stagedPath(id);
      const size = (await stat(path)).size;
      const running = this.running.get(id);
      this.running.delete(id);
      const sha256 = running && running.at === size ? running.hash.digest('hex') : await hashFile(path);
      if (sha256 !== expectedSha256) {
        await rm(path, { force: true });
        throw mismatch(expectedSha256, sha256);
      }
      const created = await this.commit(path, sha256);
      await rm(path, { force: true });
      return { sha256, size, created };
    },
    discard: async (id) => {
      this.running.delete(id);
      await rm(this.stagedPath(id), { force: true });
    },
    head: async (id, bytes) => {
      const fh = await open(this.stagedPath(id), 'r');
      try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await fh.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
  };

  private stagedPath(id: string): string {
    if (!UPLOAD_ID.test(id)) throw new DomainError('INVALID_INPUT', '上传编号格式不正确');
    return join(this.staging, `upload-${id}`);
  }
}

/**
 * Writes `source` into `path` from byte `start` (flags 'w' new, 'r+' existing), hashing what
 * it writes, refusing to pass `maxBytes` in all, and fsyncing before it returns — also when
 * the source fails midway, so the bytes that did arrive are durable and a resume starts there.
 */
const WRITE_BATCH = 8 * 1024 * 1024;
const SYNC_AHEAD = 64 * 1024 * 1024;

async function writeHashed(
  path: string,
  source: BlobSource,
  start: number,
  maxBytes: number,
  flags: 'w' | 'r+',
  hash: Hash = createHash('sha256'),
) {
  let position = start;
  // Network chunks are small (~64 KB): gather them and write 8 MB at a time with writev.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let syncing: Promise<void> | null = null;
  let syncedTo = start;
  const fh = await open(path, flags);
  const flush = async () => {
    let buffers = pending;
    let left = pendingBytes;
    while (left > 0) {
      const { bytesWritten } = await fh.writev(buffers, position);
      position += bytesWritten;
      left -= bytesWritten;
      if (left > 0) buffers = [Buffer.concat(buffers).subarray(bytesWritten)];
    }
    pending = [];
    pendingBytes = 0;
  };
  try {
    for await (const chunk of source) {
      if (position + pendingBytes + chunk.length > maxBytes) throw tooLarge(maxBytes);
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= WRITE_BATCH) {
        await flush();
        // Let the disk start on what is written while more arrives (one flush in flight at a time);
        // the fsync at the end is what makes the offset durable.
        if (!syncing && position - syncedTo >= SYNC_AHEAD) {
          syncedTo = position;
          syncing = fh.datasync().finally(() => (syncing = null));
        }
      }
    }
  } finally {
    await flush().catch(() => undefined);
    await syncing?.catch(() => undefined);
    await fh.sync();
    await fh.close();
  }
  return { hash, size: position };
}

async function hashFile(path: string): Promise<Sha256> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Makes a rename in `dir` durable. */
async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
