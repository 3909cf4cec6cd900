// A second "server" for the journal tests: opens yifa on the same database in its own
// process and appends N actions, pausing a little between them so writers interleave.
// Usage: node bin/run-ts.mjs test/helpers/append-process.ts NAME N
import { loadConfig } from '../../src/platform/config.js';
import { openYifa } from '../../src/app/root.js';

const [name, count] = [process.argv[2] ?? 'p', Number(process.argv[3] ?? 10)];
const yifa = await openYifa(loadConfig());
for (let i = 0; i < count; i++) {
  await yifa.journal.record({ type: 'test.two-servers', actor: { userId: name, role: 'officer', agencyId: null }, payload: { i } });
  await new Promise((r) => setTimeout(r, 3));
}
await yifa.close();
