/**
 * The evidence upload queue: files picked or captured on a record's page go up one at a
 * time through the server's resumable upload (POST /uploads, PATCH chunks at the offset
 * reached, GET /uploads/:id after a failure), each first hashed in slices (hash.ts).
 *
 * It survives what happens in the field: the files and their state are kept in IndexedDB,
 * so a reload, a closed tab or a phone that drops off the network loses nothing; a failed
 * chunk is retried with backoff from the offset the server says it has; going offline
 * parks the queue and the window's 'online' event resumes it. Hashing needs no network and
 * goes on offline. One queue per browser profile and user (another user's kept files wait
 * for them to log in).
 *
 * Each file is declared for its record (holdFor): the server then holds it for the user
 * until it is registered there or discarded, so any device sees it (held.ts). Once the server
 * lists it as verified, this browser lets its copy go.
 */
import { createStore, del, entries, get as idbGet, set as idbSet } from 'idb-keyval';
import { ApiError, apiErrorOf, currentCsrfToken, get, post } from '../../api';
import { hashFile } from './hash';
import { mimeOf } from './names';

export type UploadState = 'waiting' | 'hashing' | 'uploading' | 'offline' | 'retrying' | 'uploaded' | 'failed';

export interface UploadItem {
  key: string;
  userId: string;
  /** The record the file is for: a penalty case, an information request … (its name is kept in browsers' stored queues) */
  caseId: string;
  /** The record's procedure (its subject type), so the server holds the upload for the record; absent in queues kept from before */
  procedure?: string | null;
  fileName: string;
  mime: string;
  size: number;
  lastModified: number;
  addedAt: number;
  /** Lowercase hex SHA-256 of the whole file, once hashed */
  sha256: string | null;
  uploadId: string | null;
  /** Bytes the server has, as it last said */
  offset: number;
  state: UploadState;
  error: string | null;
  /** The type the server found in the bytes (after it verified them) */
  serverMime: string | null;
  /** Picked for a step the case must have recorded: the registration form starts from it */
  intent: { step: number | null; scene: string } | null;
  /** The file is kept in this browser (IndexedDB) and so survives a reload */
  kept: boolean;
  // ——— this page only ———
  /** Bytes hashed so far */
  hashed: number;
  /** Bytes of the chunk in flight that have gone out */
  sending: number;
  retryAt: number | null;
  attempts: number;
}

const TRANSIENT = { hashed: 0, sending: 0, retryAt: null, attempts: 0 } as const;

/** Bytes per PATCH. localStorage 'yifa.upload.chunkBytes' overrides it (slow links; tests). */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** A chunk whose bytes stop going out for this long is dropped and resumed. */
const STALL_MS = 60_000;
const MAX_BACKOFF_MS = 60_000;

class NetworkError extends Error {}

interface UploadView {
  id: string;
  offset: number;
  size: number;
  completed: boolean;
  mime: string | null;
}

/** Sends bytes `offset`… of an upload; reports bytes sent; rejects NetworkError or ApiError. */
function sendChunk(uploadId: string, offset: number, body: Blob, onSent: (n: number) => void, signal: AbortSignal): Promise<UploadView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PATCH', `/api/v1/uploads/${encodeURIComponent(uploadId)}`);
    xhr.setRequestHeader('content-type', 'application/offset+octet-stream');
    xhr.setRequestHeader('upload-offset', String(offset));
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    let last = Date.now();
    let sent = false;
    const watchdog = setInterval(() => {
      if (!sent && Date.now() - last > STALL_MS) xhr.abort();
    }, 5_000);
    const onAbort = () => xhr.abort();
    signal.addEventListener('abort', onAbort);
    const cleanup = () => {
      clearInterval(watchdog);
      signal.removeEventListener('abort', onAbort);
    };
    xhr.upload.onprogress = (e) => {
      last = Date.now();
      onSent(e.loaded);
    };
    // Once every byte is out the server may take a while to check the hash: no stall watch then.
    xhr.upload.onload = () => {
      sent = true;
      onSent(body.size);
    };
    xhr.onload = () => {
      cleanup();
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as UploadView);
      else if (xhr.status === 0) reject(new NetworkError('network'));
      else reject(apiErrorOf(xhr.status, data, `上传失败（${xhr.status}）`));
    };
    xhr.onerror =
      xhr.onabort =
      xhr.ontimeout =
        () => {
          cleanup();
          reject(new NetworkError('network'));
        };
    xhr.send(body);
  });
}

const isNetworkError = (e: unknown) => e instanceof NetworkError || e instanceof TypeError;
const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export class UploadQueue {
  private items: UploadItem[] = [];
  private blobs = new Map<string, Blob>();
  private listeners = new Set<() => void>();
  private userId: string | null = null;
  private current: { key: string; stop: AbortController; chunk: AbortController | null } | null = null;
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private meta = createStore('yifa-evidence-uploads', 'items');
  private files = createStore('yifa-evidence-upload-files', 'files');
  /** Files the server now holds, by upload id, for this page's use (a recording's length) */
  private confirmedBlobs = new Map<string, Blob>();
  private loading: Promise<void> | null = null;

  // ——— for React (useSyncExternalStore) ———
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };
  getSnapshot = () => this.items;

  private emit() {
    this.items = [...this.items];
    for (const fn of this.listeners) fn();
  }

  private patch(key: string, change: Partial<UploadItem>, persist = false) {
    const i = this.items.findIndex((x) => x.key === key);
    if (i < 0) return;
    const next = { ...this.items[i]!, ...change };
    this.items[i] = next;
    this.emit();
    if (persist && next.kept) void this.saveMeta(next);
  }

  private item(key: string) {
    return this.items.find((x) => x.key === key);
  }

  private async saveMeta(item: UploadItem) {
    const { hashed: _h, sending: _s, retryAt: _r, attempts: _a, ...kept } = item;
    await idbSet(item.key, kept, this.meta).catch(() => undefined);
  }

  /** Starts (or resumes) the queue of `userId`: the files kept in this browser go on where they were. */
  start(userId: string): Promise<void> {
    if (this.userId === userId && this.loading) return this.loading;
    this.stop();
    this.userId = userId;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.loading = (async () => {
      let kept: [string, Omit<UploadItem, keyof typeof TRANSIENT>][] = [];
      try {
        kept = await entries(this.meta);
      } catch {
        /* no IndexedDB (private mode): the queue lives in the page */
      }
      const mine = kept
        .map(([, v]) => v)
        .filter((v) => v.userId === userId)
        .sort((a, b) => a.addedAt - b.addedAt);
      for (const m of mine) {
        if (this.items.some((x) => x.key === m.key)) continue;
        const blob = await idbGet<Blob>(m.key, this.files).catch(() => undefined);
        const state: UploadState = m.state === 'uploaded' || m.state === 'failed' ? m.state : 'waiting';
        if (blob) this.blobs.set(m.key, blob);
        this.items.push({
          ...m,
          ...TRANSIENT,
          state: blob || state === 'uploaded' ? state : 'failed',
          error: blob || state === 'uploaded' ? m.error : '本机保存的文件已丢失，请重新选择文件上传',
        });
      }
      this.emit();
      this.pump();
    })();
    return this.loading;
  }

  /** Stops uploading (logout); what is kept stays kept for the next login. */
  stop() {
    this.current?.stop.abort();
    this.current = null;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.userId = null;
    this.loading = null;
    this.items = [];
    this.blobs.clear();
    this.confirmedBlobs.clear();
    this.emit();
  }

  /** Queues files for a case; they start going up at once, and each is kept in IndexedDB meanwhile. */
  async add(files: File[], caseId: string, intent: UploadItem['intent'] = null, procedure: string | null = null): Promise<void> {
    if (!this.userId) throw new Error('upload queue not started');
    const added: UploadItem[] = [];
    for (const file of files) {
      const mime = mimeOf(file);
      const item: UploadItem = {
        key: crypto.randomUUID(),
        userId: this.userId,
        caseId,
        procedure,
        fileName: file.name || 'evidence',
        mime: mime ?? file.type,
        size: file.size,
        lastModified: file.lastModified || Date.now(),
        addedAt: Date.now(),
        sha256: null,
        uploadId: null,
        offset: 0,
        state: mime && file.size > 0 ? 'waiting' : 'failed',
        error: !mime ? '只能上传视频、音频、图片或 PDF 文件' : file.size === 0 ? '文件是空的' : null,
        serverMime: null,
        intent,
        kept: false,
        ...TRANSIENT,
      };
      this.blobs.set(item.key, file);
      this.items.push(item);
      if (item.state !== 'failed') added.push(item);
    }
    this.emit();
    this.pump();
    for (const item of added) {
      try {
        await idbSet(item.key, this.blobs.get(item.key), this.files);
        if (!this.item(item.key)) {
          await del(item.key, this.files);
          continue;
        } // removed meanwhile
        this.patch(item.key, { kept: true });
        await this.saveMeta(this.item(item.key)!);
      } catch {
        // Storage full or refused: it still goes up, but a reload would lose it (the list says so).
      }
    }
  }

  /** Tries a failed upload again (from the offset the server has; a bad hash is computed anew). */
  retry(key: string) {
    this.clearTimer(key);
    this.patch(key, { state: 'waiting', error: null, attempts: 0, retryAt: null }, true);
    this.pump();
  }

  /** Takes a file off the queue (and out of this browser). */
  async remove(key: string) {
    if (this.current?.key === key) this.current.stop.abort();
    this.clearTimer(key);
    this.items = this.items.filter((x) => x.key !== key);
    this.blobs.delete(key);
    this.emit();
    await Promise.all([del(key, this.meta), del(key, this.files)]).catch(() => undefined);
    this.pump();
  }

  /** The file is in the case now: nothing left to keep. */
  registered(key: string) {
    return this.remove(key);
  }

  /** The server holds the file, verified, for its record: this browser keeps it no longer (this page still has its bytes). */
  confirmed(key: string) {
    const item = this.item(key);
    const blob = this.blobs.get(key);
    if (item?.uploadId && blob) this.confirmedBlobs.set(item.uploadId, blob);
    return this.remove(key);
  }

  blobOf(key: string): Blob | undefined {
    return this.blobs.get(key);
  }

  /** The bytes of an upload this page sent, while it is open. */
  blobOfUpload(uploadId: string): Blob | undefined {
    const queued = this.items.find((i) => i.uploadId === uploadId);
    return this.confirmedBlobs.get(uploadId) ?? (queued ? this.blobs.get(queued.key) : undefined);
  }

  private clearTimer(key: string) {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  private onOnline = () => {
    // Back online: whatever waited for the network, or for its backoff, goes now.
    for (const i of this.items) {
      if (i.state === 'offline' || i.state === 'retrying') {
        this.clearTimer(i.key);
        this.patch(i.key, { state: 'waiting', retryAt: null });
      }
    }
    this.pump();
  };

  private onOffline = () => {
    // The chunk in flight will not arrive: drop it now (the server keeps what it received).
    this.current?.chunk?.abort();
  };

  /** Runs the next waiting upload, one at a time. */
  private pump() {
    if (this.current || !this.userId) return;
    const next = this.items.find((i) => i.state === 'waiting' || i.state === 'hashing' || i.state === 'uploading');
    if (!next) return;
    const run = { key: next.key, stop: new AbortController(), chunk: null as AbortController | null };
    this.current = run;
    void this.process(next.key, run).finally(() => {
      if (this.current === run) this.current = null;
      // Next tick: a file that failed at once must not spin.
      setTimeout(() => this.pump(), 0);
    });
  }

  private async process(key: string, run: { stop: AbortController; chunk: AbortController | null }) {
    const blob = this.blobs.get(key);
    if (!blob) return this.patch(key, { state: 'failed', error: '本机保存的文件已丢失，请重新选择文件上传' }, true);
    try {
      let item = this.item(key)!;
      if (!item.sha256) {
        this.patch(key, { state: 'hashing', hashed: 0 });
        const sha256 = await hashFile(blob, (hashed) => this.patch(key, { hashed }), run.stop.signal);
        this.patch(key, { sha256, hashed: blob.size }, true);
        item = this.item(key)!;
      }
      if (!online()) return this.patch(key, { state: 'offline' }, true);
      this.patch(key, { state: 'uploading', error: null });
      let offset = item.offset;
      let uploadId = item.uploadId;
      if (uploadId) {
        // Where the server stands (a dropped chunk may have left more, or less, than we thought).
        try {
          const u = await get<UploadView>(`/uploads/${uploadId}`);
          if (u.completed) return this.patch(key, { state: 'uploaded', offset: u.size, serverMime: u.mime, error: null }, true);
          offset = u.offset;
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 404)) throw e;
          uploadId = null; // gone (cleared after a week, or another user's): start again
        }
      }
      if (!uploadId) {
        // Held for its record on the server (with what it is for and the file's own time), so any device sees it.
        const holdFor = item.procedure
          ? { procedure: item.procedure, recordId: item.caseId, intent: { ...(item.intent ?? {}), lastModified: item.lastModified } }
          : undefined;
        const u = await post<UploadView>('/uploads', {
          fileName: item.fileName,
          mime: item.mime,
          size: item.size,
          sha256: item.sha256,
          ...(holdFor ? { holdFor } : {}),
        });
        uploadId = u.id;
        offset = u.offset;
      }
      this.patch(key, { uploadId, offset }, true);
      let mismatches = 0;
      while (offset < blob.size) {
        if (run.stop.signal.aborted) return;
        const override = Number(localStorage.getItem('yifa.upload.chunkBytes'));
        const end = Math.min(blob.size, offset + (override > 0 ? override : CHUNK_BYTES));
        run.chunk = new AbortController();
        const stopChunk = () => run.chunk?.abort();
        run.stop.signal.addEventListener('abort', stopChunk);
        let u: UploadView;
        try {
          u = await sendChunk(uploadId, offset, blob.slice(offset, end), (sending) => this.patch(key, { sending }), run.chunk.signal);
        } catch (e) {
          if (
            e instanceof ApiError &&
            e.code === 'UPLOAD_OFFSET_MISMATCH' &&
            typeof (e.details as { offset?: unknown })?.offset === 'number' &&
            ++mismatches < 5
          ) {
            offset = (e.details as { offset: number }).offset;
            this.patch(key, { offset, sending: 0 }, true);
            continue;
          }
          throw e;
        } finally {
          run.stop.signal.removeEventListener('abort', stopChunk);
          run.chunk = null;
        }
        offset = u.offset;
        this.patch(key, { offset, sending: 0, attempts: 0 }, true);
        if (u.completed) return this.patch(key, { state: 'uploaded', serverMime: u.mime, error: null }, true);
      }
      // Every byte is in but the server did not say it completed: ask it.
      const u = await get<UploadView>(`/uploads/${uploadId}`);
      if (u.completed) return this.patch(key, { state: 'uploaded', offset: u.size, serverMime: u.mime, error: null }, true);
      throw new NetworkError('incomplete');
    } catch (e) {
      if (run.stop.signal.aborted && !this.item(key)) return; // removed
      this.failed(key, e);
    }
  }

  private failed(key: string, e: unknown) {
    const item = this.item(key);
    if (!item) return;
    if (isNetworkError(e) || (e instanceof ApiError && (e.status >= 500 || e.status === 429 || e.code === 'CONFLICT'))) {
      if (!online()) return this.patch(key, { state: 'offline', sending: 0 }, true);
      // Backoff: 1 s, 2 s, 4 s … up to a minute, with jitter; 'online' cuts it short.
      const attempts = item.attempts + 1;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempts - 1)) * (0.75 + Math.random() * 0.5);
      this.patch(
        key,
        { state: 'retrying', attempts, retryAt: Date.now() + delay, sending: 0, error: e instanceof ApiError ? e.message : null },
        true,
      );
      this.clearTimer(key);
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          if (this.item(key)?.state === 'retrying') {
            this.patch(key, { state: 'waiting', retryAt: null });
            this.pump();
          }
        }, delay),
      );
      return;
    }
    const err = e instanceof ApiError ? e : new ApiError(0, 'INTERNAL', e instanceof Error ? e.message : String(e));
    // The server discarded the bytes (hash or type wrong, too large): a retry starts over, hashing anew.
    const startOver = ['HASH_MISMATCH', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'].includes(err.code);
    this.patch(
      key,
      {
        state: 'failed',
        error: err.message,
        sending: 0,
        ...(startOver ? { uploadId: null, offset: 0, ...(err.code === 'HASH_MISMATCH' ? { sha256: null } : {}) } : {}),
      },
      true,
    );
  }
}

export const uploadQueue = new UploadQueue();
