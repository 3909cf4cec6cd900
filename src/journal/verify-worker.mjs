// Worker-thread bootstrap: register tsx's loader in this thread, then run the
// TypeScript worker (verify-worker.ts), as bin/yifa.mjs does for the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
