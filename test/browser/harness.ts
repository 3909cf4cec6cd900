/**
 * A real yifa server (HTTP on a loopback port, the built web app, the demo town) and
 * Debian's Chromium driven by playwright-core.
 */
import { mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { buildApp, openYifa } from '../../src/app/root.js';
import type { Yifa } from '../../src/platform/yifa.js';
import { seedDemoTown } from '../../src/modules/org/demo.js';
import type { Engine } from '../../src/platform/db/database.js';
import { createPostgresDatabase } from '../helpers/engines.js';
import type { Clock } from '../../src/platform/clock.js';

export const DEMO_PASSWORD = 'Demo-Password-2026';
export const SHOTS = '/tmp/yifa-shots';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserHarness {
  yifa: Yifa;
  url: string;
  browser: Browser;
  /** Every Content-Security-Policy violation any page reported; close() fails the suite if there is one. */
  cspViolations: string[];
  newPage(): Promise<Page>;
  login(page: Page, username: string): Promise<void>;
  close(): Promise<void>;
}

/** `config` overrides settings (as environment variables would); `clock` is the installation's (default real time). */
export async function startHarness(engine: Engine, opts: { config?: Partial<Config>; clock?: Clock } = {}): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (the browser tier cannot run)`);
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-e2e-${engine}-`));
  const databaseUrl = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl,
    demoPassword: DEMO_PASSWORD,
    checkpointIntervalSeconds: 0,
    ...opts.config,
  };
  const yifa = await openYifa(config, opts.clock ? { clock: opts.clock } : {});
  await seedDemoTown(yifa, { password: DEMO_PASSWORD });
  const app = await buildApp(yifa);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const cspViolations = watchContentSecurityPolicy(browser);
  return {
    yifa,
    url,
    browser,
    cspViolations,
    async newPage() {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      return context.newPage();
    },
    async login(page, username) {
      await page.goto(`${url}/console/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.getByTestId('current-user').waitFor();
    },
    async close() {
      await browser.close();
      await app.close();
      await yifa.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
    },
  };
}

/**
 * Collects what Chromium reports on the console of every context of the browser when the
 * Content-Security-Policy blocks something (a style, an image, a frame): a blocked
 * resource may break nothing a test clicks, and would go unnoticed otherwise.
 */
function watchContentSecurityPolicy(browser: Browser): string[] {
  const violations: string[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`${m.location().url}: ${m.text()}`);
    });
    return context;
  };
  return violations;
}
