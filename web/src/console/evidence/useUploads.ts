import { useSyncExternalStore } from 'react';
import { uploadQueue, type UploadItem } from './queue';

/** The upload queue as it changes (of one case, when given). */
export function useUploads(caseId?: string): UploadItem[] {
  const all = useSyncExternalStore(uploadQueue.subscribe, uploadQueue.getSnapshot);
  return caseId ? all.filter((i) => i.caseId === caseId) : all;
}

/** Whether a case has files in the queue (re-renders only when that changes, not on every byte). */
export function useHasUploads(caseId: string): boolean {
  return useSyncExternalStore(uploadQueue.subscribe, () => uploadQueue.getSnapshot().some((i) => i.caseId === caseId));
}

/** Whether the browser says it is online, as it changes. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (fn) => {
      window.addEventListener('online', fn);
      window.addEventListener('offline', fn);
      return () => {
        window.removeEventListener('online', fn);
        window.removeEventListener('offline', fn);
      };
    },
    () => navigator.onLine,
  );
}
