// Quick check of journal verify throughput (development aid): node bin/run-ts.mjs bench/verify-only.ts [N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { openYifa } from '../src/app/root.js';
import { verifyJournal } from '../src/journal/verify-journal.js';

const n = Number(process.argv[2] ?? 200_000);
const dataDir = mkdtempSync(join(tmpdir(), 'yifa-verify-'));
const yifa = await openYifa({ ...loadConfig({}), dataDir, checkpointIntervalSeconds: 0 });
const actor = { userId: 'u', role: 'officer', agencyId: 'a' };
for (let i = 0; i < n; i++)
  await yifa.journal.record({
    type: 'penalty.step',
    actor,
    subject: { type: 'penalty-case', id: `c${i % 1000}`, regionPath: '/a/b/' },
    payload: { note: '现场检查笔录已制作，当事人签字确认。', i },
  });
await yifa.journal.checkpoint();
// Five runs each: this machine's figures move by ±10 % from run to run; the median is steadier.
for (const threads of [1, 2]) {
  const rates: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await verifyJournal(yifa.db, yifa.journal.publicKeyPem, { threads });
    if (!r.ok) throw new Error(r.problem?.message);
    rates.push(r.actionsPerSecond);
  }
  rates.sort((a, b) => a - b);
  console.log(
    `threads=${threads} actions=${n} median ${rates[2]!.toLocaleString('en')}/s (runs ${rates.map((x) => x.toLocaleString('en')).join(', ')})`,
  );
}
await yifa.close();
rmSync(dataDir, { recursive: true, force: true });
