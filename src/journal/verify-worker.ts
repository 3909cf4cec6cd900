/** Worker thread entry: verifies one slice of the journal (see verify-range.ts), streaming its events. */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyRange, type SliceTask } from './verify-range.js';

const port = parentPort!;
verifyRange(workerData as SliceTask, (events) => port.postMessage({ events })).catch((e: unknown) =>
  port.postMessage({ error: e instanceof Error ? e.message : String(e) }),
);
