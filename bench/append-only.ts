// Development aid: journal append rate on SQLite. node bin/run-ts.mjs bench/append-only.ts [N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { openYifa } from '../src/app/root.js';

const n = Number(process.argv[2] ?? 20_000);
const dataDir = mkdtempSync(join(tmpdir(), 'yifa-append-'));
const yifa = await openYifa({ ...loadConfig({}), dataDir, checkpointIntervalSeconds: 0 });
const actor = { userId: 'u', role: 'officer', agencyId: 'a' };
const t = performance.now();
for (let i = 0; i < n; i++)
  await yifa.journal.record({
    type: 'penalty.step',
    actor,
    subject: { type: 'penalty-case', id: `c${i % 1000}`, regionPath: '/a/b/' },
    payload: { note: '现场检查笔录已制作，当事人签字确认。', i },
  });
console.log(`appends/s ${Math.round(n / ((performance.now() - t) / 1000))}`);
await yifa.close();
rmSync(dataDir, { recursive: true, force: true });
