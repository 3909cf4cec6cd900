/** Worker thread entry: verifies one slice of the journal (see verify-range.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyRange } from './verify-range.js';
import type { Db } from '../platform/db/database.js';

const { location, from, to } = workerData as { location: Db['location']; from: number; to: number };
verifyRange(location, from, to).then(
  (r) => parentPort!.postMessage(r),
  (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
);
