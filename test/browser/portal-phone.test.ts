/**
 * The portal as a visitor on a phone and a slow line meets it (issue 13 §11), in Chromium:
 *  - every portal page fits a 375×812 phone — no sideways scrolling — and axe-core finds no
 *    serious or critical violation there (the desktop is checked in accessibility.test.ts);
 *  - a first visit to the published decisions downloads at most FIRST_VISIT_BUDGET bytes in all
 *    (scripts, styles, data), because the server sends the build's Brotli or gzip copies and the
 *    portal's bundle leaves the console's pages out; hashed scripts are cached for a year, so a
 *    second visit downloads no script again.
 * How long the first visit takes on an emulated 3G line is a benchmark (bench/portal-load.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { describeViolations, seriousViolations } from './axe.js';
import { overflowing, scrollWidth } from './layout.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';
import { seedDemoPublications } from '../../src/modules/disclosure/demo.js';
import { seedDemoNormative } from '../../src/modules/normative-docs/demo.js';
import { seedDemoOpenness } from '../../src/modules/openness/demo.js';

const PHONE = { width: 375, height: 812 };
/** Everything a first visit to /portal/decisions transfers, headers included. */
const FIRST_VISIT_BUDGET = 450 * 1024;

const PAGES = [
  'officers',
  'agencies',
  'decisions',
  'normative-documents',
  'deadlines',
  'information-requests',
  'tracking',
  'petitions',
  'petition-tracking',
  'reconsiderations',
  'reconsideration-tracking',
  'village-rules',
  'catalog',
  'verify',
];

describe('the portal on a phone and on a slow line', () => {
  let h: BrowserHarness;
  let phone: BrowserContext;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    // Published decisions and catalogued documents to open, as the demo has them.
    await seedDemoCases(h.yifa);
    await seedDemoPublications(h.yifa);
    await seedDemoNormative(h.yifa);
    await seedDemoOpenness(h.yifa);
    phone = await h.browser.newContext({ locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true });
  }, 180_000);
  afterAll(async () => h?.close());

  const fits = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `portal-phone-${name.replace(/\//g, '_')}.png`), fullPage: true });
    expect(await scrollWidth(page), `${name}:\n${(await overflowing(page, PHONE.width)).join('\n')}`).toBeLessThanOrEqual(PHONE.width);
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };

  it('fits every portal page on a 375-pixel phone, axe clean', async () => {
    const page = await phone.newPage();
    for (const path of PAGES) {
      await page.goto(`${h.url}/portal/${path}`);
      await page.locator('h1').first().waitFor();
      await fits(page, path);
    }
    // A decision, a list version and a 以案释法, opened from their lists as a visitor would.
    for (const [list, link, name] of [
      ['decisions', 'a[href^="/portal/decisions/"]', 'decision'],
      ['catalog', 'a[href^="/portal/openness/lists/"]', 'list-version'],
      ['catalog', 'a[href^="/portal/openness/explanations/"]', 'explanation'],
    ] as const) {
      await page.goto(`${h.url}/portal/${list}`);
      const first = page.locator(link).first();
      await first.waitFor();
      await first.click();
      await page.locator('h1').first().waitFor();
      await fits(page, name);
    }
  });

  it('sends a first visit compressed within its budget, and a second visit no script again', async () => {
    const context = await h.browser.newContext({ locale: 'zh-CN', viewport: PHONE, isMobile: true });
    const page = await context.newPage();
    const transferred: { url: string; bytes: number; encoding: string | undefined; cache: string | undefined }[] = [];
    page.on('requestfinished', async (r) => {
      const sizes = await r.sizes();
      const headers = (await r.response())?.headers() ?? {};
      transferred.push({
        url: r.url(),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        encoding: headers['content-encoding'],
        cache: headers['cache-control'],
      });
    });
    await page.goto(`${h.url}/portal/decisions`);
    await page.locator('a[href^="/portal/decisions/"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = transferred.reduce((n, t) => n + t.bytes, 0);
    const listing = transferred.map((t) => `${t.bytes}\t${t.encoding ?? '-'}\t${t.url}`).join('\n');
    expect(total, listing).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
    const scripts = transferred.filter((t) => t.url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(s.encoding, s.url).toMatch(/^(br|gzip)$/);
      expect(s.cache, s.url).toContain('immutable');
    }
    // The console's pages are not part of the portal's download.
    expect(
      scripts.some((s) => /ConsoleApp|OpennessPages/.test(s.url)),
      listing,
    ).toBe(false);

    // A second visit: the scripts come from the browser's cache.
    transferred.length = 0;
    await page.goto(`${h.url}/portal/officers`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(transferred.filter((t) => t.url.endsWith('.js') && t.bytes > 0).map((t) => t.url)).toEqual([]);
    await context.close();
  });
});
