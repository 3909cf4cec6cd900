/** Worker thread entry: verifies one slice of the journal (see verify-range.ts), streaming leaf hashes. */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyRange } from './verify-range.js';
import type { Db } from '../platform/db/database.js';

const { location, from, to } = workerData as { location: Db['location']; from: number; to: number };
const port = parentPort!;
verifyRange(location, from, to, (hashes) => port.postMessage({ chunk: hashes }, [hashes.buffer as ArrayBuffer])).then(
  (result) => port.postMessage({ result }),
  (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) }),
);
