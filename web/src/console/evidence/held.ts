/**
 * 待登记: the files the user uploaded for a record and has not registered there yet, as the
 * server holds them (GET <record>/evidence/pending) — so a file uploaded on a phone is at
 * hand at the desk, after a reload or a login elsewhere. The browser's upload queue
 * (queue.ts) still carries a file while it goes up; once the server lists it verified, the
 * server's row is the one shown and the browser lets its copy go.
 *
 * One list per record, shared by the upload panel and the registration form, loaded when
 * either shows and again when an upload of this browser completes, a file is registered or
 * discarded.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { api, get } from '../../api';
import { uploadQueue, type UploadItem } from './queue';
import { useUploads } from './useUploads';

/** One held upload, as the server lists it. */
export interface HeldFile {
  uploadId: string;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  createdAt: string;
  uploadedAt: string | null;
  verified: boolean;
  intent: Record<string, unknown> | null;
  /** The record's item that already holds these bytes: registering it again is refused */
  duplicateOf: { seq: number; title: string } | null;
}

/** A file ready to register: held by the server, or (an upload from before the server held them) only in this browser's queue. */
export interface PendingFile {
  /** The upload's id when the server holds it, else the queue's key */
  key: string;
  uploadId: string | null;
  /** This browser's queue entry for it, if it still has one */
  localKey: string | null;
  /** The server holds it for the record (else only this browser's queue has it) */
  held: boolean;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  /** When it was uploaded (ms) */
  at: number;
  /** The file's own time, when this browser or the intent knows it (the recording's end) */
  lastModified: number | null;
  /** What it was uploaded for: the step and the scene (the penalty case) */
  intent: { step: number | null; scene: string } | null;
  duplicateOf: { seq: number; title: string } | null;
}

interface Entry {
  items: HeldFile[] | null;
  error: string | null;
}

const lists = new Map<string, Entry>();
const listeners = new Set<() => void>();
const loading = new Map<string, Promise<void>>();
const NONE: Entry = { items: null, error: null };

function set(base: string, entry: Entry) {
  lists.set(base, entry);
  for (const fn of listeners) fn();
}

const again = new Map<string, Promise<void>>();

/** Loads (again) the held list of a record. Asked while a load runs: one more after it, shared by all who asked meanwhile. */
export function reloadHeld(base: string): Promise<void> {
  const running = loading.get(base);
  if (running) {
    let next = again.get(base);
    if (!next) {
      next = running.then(() => {
        again.delete(base);
        return reloadHeld(base);
      });
      again.set(base, next);
    }
    return next;
  }
  const run = get<{ items: HeldFile[] }>(`${base}/evidence/pending`)
    .then((r) => set(base, { items: r.items, error: null }))
    .catch((e: unknown) => set(base, { items: lists.get(base)?.items ?? null, error: (e as Error).message }))
    .finally(() => loading.delete(base));
  loading.set(base, run);
  return run;
}

/** Discards a held file (it will not be registered) and forgets this browser's copy. */
export async function discardHeld(base: string, file: Pick<PendingFile, 'uploadId' | 'localKey' | 'held'>): Promise<void> {
  if (file.held && file.uploadId) await api('DELETE', `${base}/evidence/pending/${encodeURIComponent(file.uploadId)}`);
  if (file.localKey) await uploadQueue.remove(file.localKey);
  if (file.held) await reloadHeld(base);
}

/** After registering: the server took it off its list in the same action; this browser lets its copy go. */
export async function registeredHeld(base: string, file: Pick<PendingFile, 'localKey'>): Promise<void> {
  if (file.localKey) await uploadQueue.registered(file.localKey);
  await reloadHeld(base);
}

function useHeldEntry(base: string): Entry {
  return useSyncExternalStore(
    (fn) => {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    () => lists.get(base) ?? NONE,
  );
}

const scalarIntent = (i: Record<string, unknown> | null): PendingFile['intent'] =>
  i && typeof i.scene === 'string' ? { step: typeof i.step === 'number' ? i.step : null, scene: i.scene } : null;

const fromHeld = (h: HeldFile, local: UploadItem | undefined): PendingFile => ({
  key: h.uploadId,
  uploadId: h.uploadId,
  localKey: local?.key ?? null,
  held: true,
  fileName: h.fileName,
  size: h.size,
  mime: h.mime,
  sha256: h.sha256,
  at: Date.parse(h.uploadedAt ?? h.createdAt),
  lastModified: typeof h.intent?.lastModified === 'number' ? h.intent.lastModified : (local?.lastModified ?? null),
  intent: scalarIntent(h.intent),
  duplicateOf: h.duplicateOf,
});

const fromLocal = (u: UploadItem, held: boolean): PendingFile => ({
  key: u.key,
  uploadId: u.uploadId,
  localKey: u.key,
  held,
  fileName: u.fileName,
  size: u.size,
  mime: u.serverMime ?? u.mime,
  sha256: u.sha256!,
  at: u.addedAt,
  lastModified: u.lastModified,
  intent: u.intent,
  duplicateOf: null,
});

/**
 * A record's files waiting to be registered and its uploads under way, merged: the server's
 * held list (from any device), and what this browser's queue still carries that the server
 * does not list as verified (in flight, failed, or queued before the server held uploads).
 */
export function usePending(base: string, recordId: string) {
  const entry = useHeldEntry(base);
  const queued = useUploads(recordId);
  // This browser's uploads that completed: the server lists them now.
  const completed = queued.filter((u) => u.state === 'uploaded').length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when another of this browser's uploads completes
  useEffect(() => {
    void reloadHeld(base);
  }, [base, completed]);
  const pending = useMemo(() => {
    const held = entry.items ?? [];
    const verified = new Set(held.filter((h) => h.verified).map((h) => h.uploadId));
    const localOf = (uploadId: string) => queued.find((u) => u.uploadId === uploadId);
    return {
      loaded: entry.items !== null,
      error: entry.error,
      /** Registrable: held and verified, then what this browser uploaded that the server does not (yet) list so */
      ready: [
        ...held.filter((h) => h.verified).map((h) => fromHeld(h, localOf(h.uploadId))),
        ...queued
          .filter((u) => u.state === 'uploaded' && u.sha256 && !(u.uploadId && verified.has(u.uploadId)))
          .map((u) =>
            fromLocal(
              u,
              held.some((h) => h.uploadId === u.uploadId),
            ),
          ),
      ],
      /** Held but not all in, and not going up from this browser (another device, or interrupted there) */
      unfinished: held.filter((h) => !h.verified && !localOf(h.uploadId)),
      /** This browser's uploads under way or failed */
      uploading: queued.filter((u) => u.state !== 'uploaded'),
    };
  }, [entry, queued]);
  // The server holds these verified now: this browser need not keep its copy for them.
  useEffect(() => {
    const verified = new Set((entry.items ?? []).filter((h) => h.verified).map((h) => h.uploadId));
    for (const u of queued) if (u.state === 'uploaded' && u.uploadId && verified.has(u.uploadId)) void uploadQueue.confirmed(u.key);
  }, [entry, queued]);
  return pending;
}

/** Whether the user has files held for the record (loads the list when `enabled`: only who may upload has any). */
export function useHasHeld(base: string, enabled: boolean): boolean {
  const entry = useHeldEntry(base);
  useEffect(() => {
    if (!enabled) return;
    void reloadHeld(base);
    // Back to this page (after uploading on the phone): what was uploaded elsewhere meanwhile.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reloadHeld(base);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [base, enabled]);
  return enabled && !!entry.items?.length;
}

/**
 * The file picked, as the list has it now: a file this browser uploaded changes its key once
 * the server lists it (the queue's key, then the upload's id), so it is found by its upload too.
 */
export const currentOf = (files: readonly PendingFile[], picked: Pick<PendingFile, 'key' | 'uploadId'> | null | undefined) =>
  picked
    ? (files.find((f) => f.key === picked.key) ?? (picked.uploadId ? files.find((f) => f.uploadId === picked.uploadId) : undefined))
    : undefined;
