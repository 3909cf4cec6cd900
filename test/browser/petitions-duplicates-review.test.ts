/**
 * Two things of 信访 as the clerk and the petitioner meet them, in Chromium (issue 15 §3, §5,
 * §6): the registration form suggests the likely duplicate as the clerk types the same
 * petitioner and place, and the second is then merged into the first on its page; the
 * petitioner asks for 复查 from the tracking page with the code and the last four of his
 * phone — a wrong factor is refused on the page, the right one is taken. axe-core finds no
 * serious or critical violation on the form with its suggestion nor on the tracking page
 * with its request form.
 *
 * The server runs on today's date.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solve } from '../helpers/portal-proof.js';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { openAction, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';

describe('petition duplicates and the online 复查 request in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `petition2-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');

  /** The HTTP API as a signed-in user (session cookie and CSRF token), for the steps this test does not look at. */
  async function apiAs(username: string) {
    const res = await fetch(`${h.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    let n = 0;
    return async (path: string, body: unknown) => {
      const r = await fetch(`${h.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, 'idempotency-key': `b-${Date.now()}-${++n}` },
        body: JSON.stringify(body),
      });
      if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<Record<string, unknown>>;
    };
  }

  const fillVisit = async (page: Page, request: string) => {
    const d = modal(page);
    await d.waitFor();
    await settled(d);
    const item = d.locator('fieldset[data-item="0"]');
    await item.getByLabel('姓名').fill('郑某某');
    await item.getByLabel('联系电话').fill('13977778888');
    await item.getByLabel('住址').fill('秀山县妙泉镇贵塘村5组');
    await d.getByLabel('问题发生地（村、社区或地点）').fill('贵塘村');
    await d.getByLabel('信访请求').fill(request);
    await d.getByLabel('事实和理由').fill('复垦后的耕地无法耕种。');
    await d.getByLabel('口头信访已如实记录并经信访人确认').click();
    return d;
  };

  it('suggests the earlier petition of the same petitioner in the registration form, and merges the second into it', async () => {
    const clerk = await h.newPage();
    await h.login(clerk, 'xinfang');
    await clerk.goto(`${h.url}/console/petitions`);
    await clerk.getByRole('button', { name: '登记信访事项' }).click();
    let d = await fillVisit(clerk, '要求对贵塘村复垦耕地重新验收');
    // Nothing earlier: no suggestion.
    await clerk.waitForTimeout(800);
    expect(await d.getByTestId('duplicate-hints').count()).toBe(0);
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await clerk.getByTestId('tracking-code').waitFor();
    await clerk.getByRole('button', { name: '我已记下，查看信访事项' }).click();
    await clerk.getByTestId('record-summary').waitFor();
    const first = (await clerk.getByTestId('record-summary').locator('.ant-descriptions-item-content').first().textContent())!;
    expect(first).toMatch(/妙泉信登字〔\d{4}〕第\d+号/);

    // The same petitioner comes again about the same thing: the form names the earlier one.
    await clerk.goto(`${h.url}/console/petitions`);
    await clerk.getByRole('button', { name: '登记信访事项' }).click();
    d = await fillVisit(clerk, '再次要求对贵塘村复垦耕地重新验收');
    const hints = d.getByTestId('duplicate-hints');
    await hints.waitFor();
    await hints.locator(`[data-duplicate="${first}"]`).waitFor();
    expect(await hints.textContent()).toContain('同一信访人');
    await accessible(clerk, 'register-duplicate-hint');
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await clerk.getByRole('button', { name: '我已记下，查看信访事项' }).click();
    await clerk.getByTestId('record-summary').waitFor();
    // Its page suggests it too; the clerk merges it into the first.
    await clerk.getByTestId('duplicate-hints').locator(`[data-duplicate="${first}"]`).waitFor();
    await openAction(clerk, 'petition.merge', { more: true });
    const m = modal(clerk);
    await m.waitFor();
    await settled(m);
    await m.getByLabel('保留的信访事项登记号（本件并入该件）').fill(first);
    await m.getByLabel('合并理由（同一信访人、同一事项）').fill('同一信访人就同一事项再次来访');
    await m.getByRole('button', { name: /提\s*交/ }).click();
    await m.waitFor({ state: 'detached' });
    await expect.poll(() => clerk.getByTestId('record-status').textContent()).toContain('已合并');
    await clerk.getByTestId('record-summary').getByText(first).waitFor();
    await clerk.screenshot({ path: join(SHOTS, 'petition2-merged.png'), fullPage: true });

    // The county's supervisor sees the hot spot, by village, the merged duplicate counted once.
    const county = await h.newPage();
    await h.login(county, 'jiandu');
    await county.goto(`${h.url}/console/petition-hot-spots`);
    const row = county.getByTestId('hot-spots').locator('tr', { hasText: '贵塘村' });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('1');
    await county.getByText('按问题类别').click();
    await county.getByTestId('hot-spots').locator('tr', { hasText: '征地拆迁' }).waitFor();
    expect(await county.getByTestId('hot-spots-csv').getAttribute('href')).toContain('format=csv');
    await accessible(county, 'hot-spots');
  });

  it('takes a 复查 request from the tracking page with the code and the phone’s last four', async () => {
    const agencyId = (
      await h.yifa.db.kysely.selectFrom('users').select('agency_id').where('username', '=', 'xinfang').executeTakeFirstOrThrow()
    ).agency_id;
    const filed = await fetch(`${h.url}/api/v1/public/petitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        agencyId,
        proof: solve(await (await fetch(`${h.url}/api/v1/public/petitions/challenge`)).json()),
        petitioners: [{ name: '冯某某', idNumber: null, phone: '13966665555', address: '秀山县妙泉镇龙凤村' }],
        request: '要求核实龙凤村复垦验收面积',
        factsAndReasons: '验收面积比实际少。',
        category: 'land-reclamation',
        place: '龙凤村',
      }),
    });
    expect(filed.status).toBe(201);
    const { trackingCode, number } = (await filed.json()) as { trackingCode: string; number: string };
    const id = (await h.yifa.db.kysely.selectFrom('petitions').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
    const clerk = await apiAs('xinfang');
    const today = h.yifa.clock.today();
    await clerk(`/petitions/${id}/actions`, { type: 'petition.accept', payload: { on: today } });
    await clerk(`/petitions/${id}/actions`, {
      type: 'petition.issue-opinion',
      payload: {
        on: today,
        servedOn: today,
        outcome: 'reject',
        facts: '面积无误。',
        basis: '《土地复垦条例》第二十八条',
        text: '不予支持。',
      },
    });

    const citizen = await h.newPage();
    await citizen.goto(`${h.url}/portal/petition-tracking`);
    await citizen.getByLabel('查询码').fill(trackingCode);
    await citizen.getByTestId('track-submit').click();
    const card = citizen.getByTestId('track-review-request');
    await card.waitFor();
    expect(await card.textContent()).toContain('《信访工作条例》第三十五条');
    await card.getByLabel('身份验证：登记的身份证号或联系电话的后 4 位').fill('1234');
    await card.getByLabel('复查请求和理由').fill('测量方法有误，请求复查。');
    await accessible(citizen, 'tracking-review-request');
    await card.getByTestId('submit-review-request').click();
    await card.getByText(/身份验证未通过/).waitFor();
    expect((await citizen.getByTestId('track-status').textContent()) ?? '').toBe('已出具处理意见');
    await card.getByLabel('身份验证：登记的身份证号或联系电话的后 4 位').fill('5555');
    await card.getByTestId('submit-review-request').click();
    await expect.poll(() => citizen.getByTestId('track-status').textContent()).toBe('复查中');
    await citizen.getByTestId('track-复查').getByText('原处理机关的上一级行政机关').waitFor();
    expect(await citizen.content()).not.toContain('13966665555');
    await accessible(citizen, 'tracking-reviewing');
  });
});
