// Quick check of journal verify throughput (development aid): node bin/run-ts.mjs bench/verify-only.ts [N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { openYifa } from '../src/platform/yifa.js';
import { verifyJournal } from '../src/journal/verify-journal.js';

const n = Number(process.argv[2] ?? 200_000);
const dataDir = mkdtempSync(join(tmpdir(), 'yifa-verify-'));
const yifa = await openYifa({ ...loadConfig({}), dataDir, checkpointIntervalSeconds: 0 });
const actor = { userId: 'u', role: 'officer', agencyId: 'a' };
for (let i = 0; i < n; i++) await yifa.journal.record({ type: 'penalty.step', actor, subject: { type: 'penalty-case', id: `c${i % 1000}`, regionPath: '/a/b/' }, payload: { note: '现场检查笔录已制作，当事人签字确认。', i } });
await yifa.journal.checkpoint();
for (const threads of [1, 2]) {
  const r = await verifyJournal(yifa.db, yifa.journal.publicKeyPem, { threads });
  console.log(`threads=${threads} ok=${r.ok} actions=${r.actions} ${r.actionsPerSecond.toLocaleString('en')}/s`);
}
await yifa.close();
rmSync(dataDir, { recursive: true, force: true });
