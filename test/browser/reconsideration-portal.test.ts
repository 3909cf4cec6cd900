/**
 * 行政复议 as its applicant meets it on the portal, in Chromium, on 2026-09-21: an anonymous
 * citizen applies against 妙泉镇人民政府 (a knew-of date 112 days back is late, and the page
 * offers Art 20's exceptions; a week back is in time); without an ID number or a phone the
 * server refuses, saying the factor is needed to track; with a phone it is filed and the
 * tracking code is shown once. A wrong factor is refused with the server's words. The county's
 * 复议人员 (fuyi) finds it in the console as 网上申请, 待审查, and accepts it; the citizen then
 * sees 已受理 and downloads the 受理通知书 addressed to him. axe-core finds no serious or
 * critical violation on the form, the result and the tracking page, at a desktop's width and
 * at a phone's (390 pixels).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, DEMO_PASSWORD, type BrowserHarness } from './harness.js';
import { choose, openAction as offered, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { docxText } from '../helpers/docx-text.js';
import { Clock } from '../../src/platform/clock.js';
import { seedReconsiderationStaff } from '../../src/modules/reconsideration/demo.js';

const TODAY = new Date('2026-09-21T10:00:00+08:00');
const CODE = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

describe('行政复议 on the portal in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { clock: new Clock(() => TODAY) });
    await seedReconsiderationStaff(h.yifa, { password: DEMO_PASSWORD });
  });
  afterAll(async () => h?.close());

  const check = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `reconsideration-portal-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  /** The page as it is, at a desktop's width and then at a phone's. */
  const accessible = async (page: Page, name: string) => {
    await check(page, name);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300); // the layout's breakpoints settle
    await check(page, `${name}-phone`);
    await page.setViewportSize(DESKTOP);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const date = async (scope: Locator, id: string, value: string) => {
    await scope.locator(`#${id}`).fill(value);
    await scope.locator(`#${id}`).press('Enter');
  };
  const submitAndClose = async (page: Page, d: Locator, name: string) => {
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `reconsideration-portal-${name}-failed.png`) });
      throw new Error(
        `not submitted: ${await d
          .getByTestId('action-error')
          .textContent()
          .catch(() => '(no refusal shown)')}`,
        { cause: e },
      );
    });
  };
  const downloadText = async (page: Page, click: () => Promise<void>) => {
    const downloading = page.waitForEvent('download');
    await click();
    const file = readFileSync((await (await downloading).path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    return docxText(file);
  };

  it('is applied for without an account, accepted by the county, and followed by code and phone', async () => {
    const citizen = await h.newPage();
    // The citizen's browser is on the server's day: the page counts the 60 days of Art 20 to it.
    await citizen.clock.setFixedTime(TODAY);
    await citizen.goto(`${h.url}/portal/reconsiderations`);
    const form = citizen.getByTestId('reconsideration-form');
    await form.waitFor();
    await accessible(citizen, 'form');
    // On a phone the header's entries are behind 菜单, with the footer's (行政复议申请 among them).
    await citizen.setViewportSize(PHONE);
    await citizen.getByRole('button', { name: '菜单' }).click();
    const menu = citizen.locator('#portal-menu');
    await menu.getByRole('link', { name: '行政复议申请' }).waitFor();
    await settled(menu);
    expect(await menu.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['网上信访', '行政复议申请', '文书查验']));
    await check(citizen, 'menu-phone');
    await citizen.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    await citizen.setViewportSize(DESKTOP);
    await choose(citizen, form, 'reconsideration_respondentAgencyId', ['秀山县妙泉镇人民政府'], citizen.locator('h1'));
    await form.getByLabel('姓名').fill('钱某某');
    await form.getByLabel('行政行为的决定书文号（选填）').fill('妙泉综执罚决字〔2026〕第40号');
    await form.getByLabel('申请复议的行政行为').fill('对申请人罚款二百元的行政处罚决定');

    // Known of 112 days ago: the window has passed, and Art 20's exceptions are offered.
    await form.getByLabel('知道该行政行为之日').fill('2026-06-01');
    const late = citizen.getByTestId('late-exception');
    await late.waitFor();
    expect(await late.textContent()).toContain('第二十条');
    expect(await late.textContent()).toContain('至 2026-07-31 届满');
    await accessible(citizen, 'form-late');
    // A week ago: in time, the exceptions gone and the window's end told.
    await form.getByLabel('知道该行政行为之日').fill('2026-09-14');
    await late.waitFor({ state: 'detached' });
    await form.getByText('申请期限至 2026-11-13 届满').waitFor();
    await form.getByLabel('行政复议请求').fill('撤销该行政处罚决定');
    await form.getByLabel('主要事实和理由').fill('申请人焚烧纸钱处距林区边缘二百米以上，不在森林防火区内，原决定认定事实不清。');

    // Neither an ID number nor a phone: the server refuses, saying what the factor is for.
    await citizen.getByTestId('submit-reconsideration').click();
    const refused = citizen.getByTestId('action-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('请至少填写身份证号（统一社会信用代码）或联系电话之一，查询进度时用于验证身份');
    // …and at the field the server named.
    await form
      .locator('#reconsideration_applicant_phone_help')
      .getByText(/查询进度时用于验证身份/)
      .waitFor();
    await citizen.screenshot({ path: join(SHOTS, 'reconsideration-portal-refused.png'), fullPage: true });

    await form.getByLabel('联系电话').fill('13800009876');
    await citizen.getByTestId('submit-reconsideration').click();
    await citizen.getByText('请妥善保存查询码，凭此码查询办理进度').waitFor();
    const code = CODE.exec((await citizen.getByTestId('tracking-code').textContent()) ?? '')?.[0];
    expect(code).toBeTruthy();
    // biome-ignore lint/performance/useDomNodeTextContent: what is on screen
    const result = await citizen.locator('body').innerText();
    expect(result).toContain('复议机构：秀山县司法局');
    expect(result).not.toContain('13800009876');
    await accessible(citizen, 'filed');

    // The tracking page, with the code carried over: a wrong factor is refused in the server's words; the right one shows it.
    await citizen.getByRole('button', { name: '查询办理进度' }).click();
    await citizen.waitForURL(/\/portal\/reconsideration-tracking$/);
    expect(await citizen.getByLabel('查询码').inputValue()).toBe(code);
    const factor = citizen.getByLabel('身份证号码或联系电话的后 4 位');
    await factor.fill('1234');
    await citizen.getByTestId('track-submit').click();
    await citizen
      .getByTestId('track-error')
      .getByText(/身份验证未通过：请输入登记的身份证号或联系电话的后 4 位（今天还可尝试 4 次）/)
      .waitFor();
    await factor.fill('9876');
    await citizen.getByTestId('track-submit').click();
    await expect.poll(() => citizen.getByTestId('track-status').textContent()).toBe('待审查');
    expect(await citizen.getByTestId('track-error').count()).toBe(0);

    // The county's 复议人员 finds it as 网上申请, 待审查, and accepts it.
    const county = await h.newPage();
    await h.login(county, 'fuyi');
    await county.goto(`${h.url}/console/reconsiderations`);
    const row = county.locator('tr[data-record]', { hasText: '钱某某' });
    await row.waitFor();
    expect(await row.textContent()).toContain('待审查');
    await row.getByRole('link').click();
    await county.waitForURL(/\/console\/reconsiderations\/[0-9a-f-]{36}$/);
    await expect.poll(() => county.getByTestId('record-status').textContent()).toBe('待审查');
    expect(await county.locator('[data-channel="online"]').textContent()).toBe('网上申请');
    await offered(county, 'reconsideration.accept');
    const d = modal(county);
    await d.waitFor();
    await settled(d);
    await date(d, 'on', '2026-09-21');
    await submitAndClose(county, d, 'accept');
    await expect.poll(() => county.getByTestId('record-status').textContent()).toContain('已受理');

    // The citizen sees the acceptance and downloads its notice, addressed to him.
    await citizen.getByTestId('track-submit').click();
    await expect.poll(() => citizen.getByTestId('track-status').textContent()).toContain('已受理');
    await citizen.locator('[data-step="acceptance"]').getByText('已受理，适用普通程序').waitFor();
    const notice = await downloadText(citizen, () => citizen.locator('[data-doc="acceptance"]').click());
    for (const text of ['行政复议受理通知书', '钱某某：', '秀山县妙泉镇人民政府', '妙泉综执罚决字〔2026〕第40号', '符合受理条件'])
      expect(notice, text).toContain(text);
    await accessible(citizen, 'tracking');
  });
});
