/** The hashing worker: receives {blob}, posts {progress} per slice and then {sha256} (or {error}). */
import { hashSlices } from './hash';

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ blob: Blob }>) => void) | null; postMessage: (m: unknown) => void };

scope.onmessage = (e) => {
  hashSlices(e.data.blob, (progress) => scope.postMessage({ progress })).then(
    (sha256) => scope.postMessage({ sha256 }),
    (err: unknown) => scope.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
};
