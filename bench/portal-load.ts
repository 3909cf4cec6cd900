/**
 * The portal on a slow line (issue 13 §11): how long a first-time visitor waits for the
 * published decisions, and how many bytes he downloads, on emulated mobile networks (Chromium's
 * DevTools network emulation: added round-trip latency, capped throughput), each run in a
 * fresh browser context (nothing cached), then a second visit to another page with the cache
 * kept. A server with the demo town and its decisions on SQLite on a loopback port; the built web app
 * (`npm run build:web` first).
 *
 *   node bin/run-ts.mjs bench/portal-load.ts        (PORTAL_BENCH_RUNS, default 5)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig, type Config } from '../src/platform/config.js';
import { buildApp, openYifa } from '../src/app/root.js';
import { seedDemoTown } from '../src/modules/org/demo.js';
import { seedDemoCases } from '../src/modules/enforcement/demo.js';
import { seedDemoPublications } from '../src/modules/disclosure/demo.js';

const RUNS = Number(process.env.PORTAL_BENCH_RUNS) || 5;
/** Chromium DevTools' presets: latency ms, throughput bytes/s. */
const NETWORKS = {
  'Fast 3G (562 ms RTT, 1.44 Mbit/s)': { latency: 562.5, down: (1.44 * 1024 * 1024) / 8, up: (675 * 1024) / 8 },
  'Slow 3G (2 s RTT, 400 kbit/s)': { latency: 2000, down: (400 * 1024) / 8, up: (400 * 1024) / 8 },
};

const say = (s: string) => process.stdout.write(`${s}\n`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'yifa-bench-portal-'));
const config: Config = { ...loadConfig({}), dataDir, checkpointIntervalSeconds: 0, publicRateLimit: 1_000_000, logLevel: 'warn' };
const yifa = await openYifa(config);
await seedDemoTown(yifa, { password: 'Bench-Password-2026' });
// The demo's decisions, released on the portal.
await seedDemoCases(yifa);
await seedDemoPublications(yifa);
const app = await buildApp(yifa);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  say(`# yifa portal on a slow line (${new Date().toISOString().slice(0, 10)}, ${RUNS} runs each, Chromium ${browser.version()})`);
  say('');
  say('| network | first visit: decisions listed, median ms | max ms | bytes | second visit (another page), median ms | bytes |');
  say('|---|---|---|---|---|---|');
  for (const [name, n] of Object.entries(NETWORKS)) {
    const first: number[] = [];
    const second: number[] = [];
    let firstBytes = 0;
    let secondBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 }, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: n.latency,
        downloadThroughput: n.down,
        uploadThroughput: n.up,
      });
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
        bytes += e.encodedDataLength;
      });
      let t = performance.now();
      await page.goto(`${base}/portal/decisions`);
      await page.locator('a[href^="/portal/decisions/"]').first().waitFor({ timeout: 120_000 });
      first.push(performance.now() - t);
      firstBytes = bytes;
      bytes = 0;
      t = performance.now();
      await page.goto(`${base}/portal/officers`);
      await page.locator('.ant-table-row').first().waitFor({ timeout: 120_000 });
      second.push(performance.now() - t);
      secondBytes = bytes;
      await context.close();
    }
    const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
    say(
      `| ${name} | ${pct(first, 50).toFixed(0)} | ${Math.max(...first).toFixed(0)} | ${kib(firstBytes)} | ${pct(second, 50).toFixed(0)} | ${kib(secondBytes)} |`,
    );
  }
} finally {
  await browser.close();
  await app.close();
  await yifa.close();
  rmSync(dataDir, { recursive: true, force: true });
}
