/**
 * The foundation as a person meets it, in Chromium, on both engines:
 *  - the admin adds an officer with a certificate; the public list shows the officer;
 *  - a town officer cannot open another town's person record;
 *  - the deadline calculator explains a deadline across 国庆;
 *  - the dashboard warns about expiring (orange) and expired (red) certificates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ENGINES } from '../helpers/engines.js';
import { SHOTS, startHarness, type BrowserHarness } from './harness.js';
import { addDays } from '../../src/calendar/legal-date.js';

describe.each(ENGINES)('the web app on %s', (engine) => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness(engine);
  });
  afterAll(async () => h?.close());

  it('shows the API documentation (Swagger UI at /api/docs) under the Content-Security-Policy', async () => {
    const page = await h.newPage();
    const res = await page.goto(`${h.url}/api/docs`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.swagger-ui .info .title', { hasText: 'yifa 依法 API' }).waitFor();
    await page.locator('.opblock-tag', { hasText: 'session' }).first().waitFor();
    expect(h.cspViolations).toEqual([]);
  });

  it('admin adds an officer with a certificate, who then appears on the public officer list', async () => {
    const page = await h.newPage();
    await h.login(page, 'admin');
    await page.goto(`${h.url}/console/people`);
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('浏览器某某');
    await dialog.getByLabel('所属执法主体').click();
    await page.locator('.ant-select-item-option[title="秀山县妙泉镇人民政府"]').click();
    // The chosen agency shows in the select before the form is saved.
    await dialog
      .locator('.ant-select-content', { hasText: '秀山县妙泉镇人民政府' })
      .or(dialog.locator('.ant-select-selection-item', { hasText: '秀山县妙泉镇人民政府' }))
      .first()
      .waitFor();
    await dialog.getByLabel('岗位').fill('综合行政执法队员');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/console\/people\/[0-9a-f-]{36}$/);
    await page.getByText('人员：浏览器某某').waitFor();

    await page.getByRole('button', { name: '登记执法证' }).click();
    const certDialog = page.getByRole('dialog');
    const number = `E2E${engine.toUpperCase()}0001`;
    await certDialog.getByLabel('执法证号').fill(number);
    await certDialog.getByLabel('执法区域').fill('秀山县妙泉镇');
    await certDialog.getByLabel('发证日期').fill(addDays(h.yifa.clock.today(), -1));
    await certDialog.getByLabel('发证日期').press('Enter');
    await certDialog.getByLabel('有效期至').fill(addDays(h.yifa.clock.today(), 900));
    await certDialog.getByLabel('有效期至').press('Enter');
    await certDialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('td', { hasText: number }).waitFor();

    const visitor = await h.newPage(); // a fresh context: not logged in
    await visitor.goto(`${h.url}/portal/officers`);
    await visitor.getByLabel('按姓名查询').fill('浏览器某某');
    await visitor.getByLabel('按姓名查询').press('Enter');
    const row = visitor.locator('tr', { hasText: '浏览器某某' });
    await row.waitFor();
    expect(await row.textContent()).toContain(number);
    expect(await row.textContent()).toContain('秀山县妙泉镇人民政府');
    await visitor.getByLabel('按姓名查询').fill('');
    await visitor.getByLabel('按姓名查询').press('Enter');
    await visitor.locator('tr', { hasText: '张某某' }).first().waitFor();
    await visitor.screenshot({ path: join(SHOTS, `portal-officers-${engine}.png`), fullPage: true });
  });

  it("refuses a town officer another town's person record", async () => {
    const other = await h.yifa.db.kysely
      .selectFrom('people')
      .innerJoin('agencies', 'agencies.id', 'people.agency_id')
      .select('people.id')
      .where('agencies.name', '=', '秀山县清溪场镇人民政府')
      .executeTakeFirstOrThrow();
    const page = await h.newPage();
    await h.login(page, 'zhifa1');
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/v1/people/${other.id}`));
    await page.goto(`${h.url}/console/people/${other.id}`);
    expect((await answered).status()).toBe(404);
    await page.getByText('记录不存在或您无权查看').waitFor();
    const denied = await h.yifa.db.kysely
      .selectFrom('actions')
      .select('type')
      .where('subject_id', '=', other.id)
      .where('type', '=', 'access.denied')
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('computes a deadline across 国庆 in the portal calculator, explained', async () => {
    const page = await h.newPage();
    await page.goto(`${h.url}/portal/deadlines`);
    await page.getByLabel('期限规则').click();
    await page.getByLabel('期限规则').fill('听证');
    await page.getByTitle(/当事人提出听证要求/).click();
    await page.getByLabel('起算日').fill('2026-09-29');
    await page.getByLabel('起算日').press('Enter');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/deadlines/penalty.hearing-request'));
    await page.getByRole('button', { name: /计\s*算/ }).click();
    const api = await (await answered).json();
    expect(api.due).toBe('2026-10-12');
    await expect.poll(() => page.getByTestId('due').textContent()).toBe('2026-10-12');
    expect(await page.textContent('body')).toContain('国庆节调休补班（补班日，计入）');
    expect(await page.textContent('body')).toContain('第六十四条');
    await page.screenshot({ path: join(SHOTS, `portal-deadline-${engine}.png`), fullPage: true });
  });

  it('warns on the dashboard about expiring (orange) and expired (red) certificates', async () => {
    const page = await h.newPage();
    await h.login(page, 'admin');
    await page.goto(`${h.url}/console/dashboard`);
    await page.locator('[data-standing="expired"]').first().waitFor();
    expect(await page.locator('[data-standing="expiring"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-standing="expired"]').count()).toBe(1);
    const red = await page
      .locator('[data-standing="expired"]')
      .first()
      .evaluate((e) => getComputedStyle(e).color);
    const orange = await page
      .locator('[data-standing="expiring"]')
      .first()
      .evaluate((e) => getComputedStyle(e).color);
    expect(red).not.toBe(orange);
    await page.screenshot({ path: join(SHOTS, `console-dashboard-${engine}.png`), fullPage: true });
  });
});
