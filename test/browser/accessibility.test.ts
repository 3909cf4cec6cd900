/**
 * Every page a visitor or a clerk meets, in Chromium, checked the same way:
 *  - axe-core finds no serious or critical WCAG 2.1 AA violation (each one listed with its
 *    rule id, the element and axe's help when it fails);
 *  - the page has exactly one <h1>, its title;
 *  - no internal name is on screen: no deadline rule id (`penalty.decision`), no package name
 *    (`chinese-days`), no role id (`unit_head`).
 * The pages: the portal's ten, the login page, the 工作台 as each demo role, the lists of
 * penalty cases, information requests and petitions, one record of each, and the administration pages
 * that show rules, roles and the holiday table's source.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { describeViolations, seriousViolations } from './axe.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';
import { seedDemoInformationRequests } from '../../src/modules/information-requests/demo.js';
import { seedDemoPetitions } from '../../src/modules/petitions/demo.js';
import { DEMO_LOGINS } from '../../src/modules/org/demo.js';
import { DEADLINE_RULE_IDS } from '../../src/law/deadline-rules.js';
import { ACCESS } from '../../src/app/root.js';

/**
 * What must never be shown: the deadline catalog's ids, the role ids, the calendar package's
 * name. (`admin` is a role id and also the administrator's user name, which the users page
 * rightly shows.)
 */
const USERNAMES: string[] = DEMO_LOGINS.map((l) => l.username);
const INTERNAL_NAMES: string[] = [...DEADLINE_RULE_IDS, ...ACCESS.roleIds.filter((r) => !USERNAMES.includes(r)), 'chinese-days'];
const internalNamesIn = (text: string) =>
  INTERNAL_NAMES.filter((n) => new RegExp(`(^|[^A-Za-z0-9_.-])${n.replace(/[.-]/g, (c) => `\\${c}`)}($|[^A-Za-z0-9_-])`).test(text));

describe('accessibility and plain language of every page', () => {
  let h: BrowserHarness;
  const pages = new Map<string, Page>();
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await seedDemoCases(h.yifa);
    await seedDemoInformationRequests(h.yifa);
    await seedDemoPetitions(h.yifa);
  });
  afterAll(async () => h?.close());

  /** A page logged in as `username` (kept for the next visit as the same user), or a visitor's. */
  const pageOf = async (username?: string) => {
    const key = username ?? '';
    if (!pages.has(key)) {
      const page = await h.newPage();
      if (username) await h.login(page, username);
      pages.set(key, page);
    }
    return pages.get(key)!;
  };

  /** Waits for the page's data: no request in flight and no spinner turning. */
  const settle = async (page: Page) => {
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning, .ant-skeleton-active')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
    await page.waitForTimeout(300); // antd's entrance motion (a card, a tag) settles its colours
  };

  const check = async (page: Page, name: string) => {
    await settle(page);
    await page.screenshot({ path: join(SHOTS, `a11y-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    const headings = await page.locator('h1').allTextContents();
    // biome-ignore lint/performance/useDomNodeTextContent: what is on screen (rendered, separated), not the DOM's text
    const internal = internalNamesIn(await page.locator('body').innerText());
    expect.soft(found, `${name} (${page.url()}): axe-core found serious or critical violations:\n${describeViolations(found)}`).toEqual([]);
    expect.soft(headings, `${name} (${page.url()}): exactly one <h1>`).toHaveLength(1);
    expect.soft(internal, `${name} (${page.url()}): internal names on screen`).toEqual([]);
  };

  const visit = async (name: string, path: string, username?: string) => {
    const page = await pageOf(username);
    await page.goto(`${h.url}${path}`);
    await check(page, name);
    return page;
  };

  it.each([
    ['portal-agencies', '/portal/agencies'],
    ['portal-officers', '/portal/officers'],
    ['portal-decisions', '/portal/decisions'],
    ['portal-information-request', '/portal/information-requests'],
    ['portal-petition', '/portal/petitions'],
    ['portal-petition-tracking', '/portal/petition-tracking'],
    ['portal-reconsideration', '/portal/reconsiderations'],
    ['portal-reconsideration-tracking', '/portal/reconsideration-tracking'],
    ['login', '/console/login'],
  ])('%s', async (name, path) => {
    await visit(name, path);
  });

  it('portal-deadlines, with a deadline computed and explained', async () => {
    const page = await visit('portal-deadlines', '/portal/deadlines');
    await page.getByLabel('期限规则').click();
    await page.getByLabel('期限规则').fill('听证');
    await page.getByTitle(/当事人提出听证要求/).click();
    await page.getByLabel('起算日').fill('2026-09-29');
    await page.getByLabel('起算日').press('Enter');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('2026-10-12');
    await check(page, 'portal-deadlines-result');
  });

  it('portal-tracking, empty and with a request found', async () => {
    const page = await visit('portal-tracking', '/portal/tracking');
    const agencies = (await (await fetch(`${h.url}/api/v1/public/agencies`)).json()) as { items: { id: string }[] };
    const res = await fetch(`${h.url}/api/v1/public/information-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        agencyId: agencies.items[0]!.id,
        applicant: { kind: 'citizen', name: '赵某某', idNumber: '50024119850202345X', phone: '13800000000', email: null, address: null },
        description: '妙泉镇2026年农村道路建设项目的招标文件',
        form: 'either',
      }),
    });
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    await page.getByLabel('查询码').fill(trackingCode);
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
    await check(page, 'portal-tracking-found');
  });

  it.each(DEMO_LOGINS.map((l) => [l.username, l.roleName] as const))('工作台 as %s (%s)', async (username) => {
    await visit(`dashboard-${username}`, '/console/dashboard', username);
  });

  it('penalty cases: the list and a case', async () => {
    const page = await visit('penalty-cases', '/console/penalty-cases?queue=all', 'fuzeren');
    const first = page.locator('a[href^="/console/penalty-cases/"]').first();
    await first.click();
    await page.waitForURL(/\/console\/penalty-cases\/[^/]+$/);
    await check(page, 'penalty-case');
  });

  it('information requests: the list and a request', async () => {
    const page = await visit('information-requests', '/console/information-requests', 'gongkai');
    const first = page.locator('a[href^="/console/information-requests/"]').first();
    await first.click();
    await page.waitForURL(/\/console\/information-requests\/[^/]+$/);
    await check(page, 'information-request');
  });

  it('petitions: the list and a petition', async () => {
    const page = await visit('petitions', '/console/petitions', 'xinfang');
    const first = page.locator('a[href^="/console/petitions/"]').first();
    await first.click();
    await page.waitForURL(/\/console\/petitions\/[^/]+$/);
    await check(page, 'petition');
  });

  it.each([
    ['calendar', '/console/calendar', 'admin'],
    ['users', '/console/users', 'admin'],
    ['agencies', '/console/agencies', 'admin'],
    ['people', '/console/people', 'admin'],
    ['certificates', '/console/certificates', 'admin'],
    ['login-log', '/console/login-log', 'admin'],
    ['recording-coverage', '/console/recording-coverage', 'fuzeren'],
    ['publications', '/console/publications', 'jiandu'],
  ])('console %s (as %s)', async (name, path, username) => {
    await visit(name, path, username);
  });

  it('a person', async () => {
    const page = await visit('people-list', '/console/people', 'admin');
    await page.locator('a[href^="/console/people/"]').first().click();
    await page.waitForURL(/\/console\/people\/[^/]+$/);
    await check(page, 'person');
  });
});
