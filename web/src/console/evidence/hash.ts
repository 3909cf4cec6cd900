/**
 * SHA-256 of a file as the server checks it (lowercase hex of the whole file), computed
 * incrementally: the File is read in slices, so a 2 GB body-camera video never sits in
 * memory whole. It runs in a Web Worker (the page stays responsive on a phone), or on
 * the page when a worker cannot be started.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export const HASH_SLICE = 4 * 1024 * 1024;

/** Hashes `blob` slice by slice, reporting the bytes hashed so far; `cancelled` stops it between slices. */
export async function hashSlices(
  blob: Blob,
  onProgress: (hashed: number) => void,
  cancelled: () => boolean = () => false,
): Promise<string> {
  const h = sha256.create();
  for (let at = 0; at < blob.size; at += HASH_SLICE) {
    if (cancelled()) throw new DOMException('hashing cancelled', 'AbortError');
    const slice = new Uint8Array(await blob.slice(at, Math.min(blob.size, at + HASH_SLICE)).arrayBuffer());
    h.update(slice);
    onProgress(Math.min(blob.size, at + HASH_SLICE));
  }
  return bytesToHex(h.digest());
}

type WorkerMessage = { progress: number } | { sha256: string } | { error: string };

/** Hashes `blob` in a worker; aborting `signal` stops the worker. */
export function hashFile(blob: Blob, onProgress: (hashed: number) => void, signal?: AbortSignal): Promise<string> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return hashSlices(blob, onProgress, () => signal?.aborted ?? false);
  }
  return new Promise<string>((resolve, reject) => {
    let started = false;
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(new DOMException('hashing cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', abort);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      started = true;
      const m = e.data;
      if ('progress' in m) onProgress(m.progress);
      else if ('sha256' in m) {
        done();
        resolve(m.sha256);
      } else {
        done();
        reject(new Error(m.error));
      }
    };
    // A worker that cannot load (an old browser, a blocked script): hash on the page instead.
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      if (started) reject(new Error(e.message || '计算哈希失败'));
      else hashSlices(blob, onProgress, () => signal?.aborted ?? false).then(resolve, reject);
    };
    worker.postMessage({ blob });
  });
}
