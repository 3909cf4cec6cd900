/**
 * A petition (信访事项) as the petitioner and the 信访干部 meet it, in Chromium: a citizen files
 * online on the portal without an account (two petitioners) and keeps the tracking code; the
 * clerk (xinfang) finds it in 待我办理 on the 工作台, opens it in one click and accepts it
 * through the generic, schema-built action form; the petitioner then sees 已受理 and the
 * handling limit by code, and no one's ID number, and sends a photo of the site (verified by
 * the last four of his ID number) that the clerk then reads under the petition; the clerk issues the 信访处理意见书 and the
 * petitioner reads it and rates it, once. A clerk registers a group visit at the
 * console (the list-of-petitioners form) and a seventh representative is refused with
 * Art 20's words. axe-core finds no serious or critical violation on the portal's filing
 * and tracking pages, the 工作台, the list and the record page.
 *
 * The server runs on today's date.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, openAction as offered, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { demoPhoto } from '../../src/modules/evidence/demo.js';

const CODE = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/;

describe('a petition in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `petition-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const submitAndClose = async (page: Page, d: Locator, name: string) => {
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `petition-${name}-failed.png`) });
      throw new Error(
        `not submitted: ${await d
          .getByTestId('action-error')
          .textContent()
          .catch(() => '(no refusal shown)')}`,
        { cause: e },
      );
    });
  };

  it('is filed online, waits in 待我办理, is accepted by xinfang, and the petitioner sees it by code', async () => {
    const db = h.yifa.db.kysely;
    const agency = (
      await db
        .selectFrom('users')
        .innerJoin('agencies', 'agencies.id', 'users.agency_id')
        .select('agencies.name')
        .where('users.username', '=', 'xinfang')
        .executeTakeFirstOrThrow()
    ).name;

    // The petitioner files on the portal.
    const citizen = await h.newPage();
    await citizen.goto(`${h.url}/portal/petitions`);
    const form = citizen.getByTestId('petition-form');
    await form.waitFor();
    await accessible(citizen, 'portal-file');
    await choose(citizen, form, 'agencyId', [agency], citizen.locator('h1'));
    // The form's own checks, in Chinese, before anything is sent.
    await citizen.getByTestId('submit-petition').click();
    await citizen.getByText('请填写姓名').waitFor();
    await form.getByLabel('姓名').first().fill('周某某');
    await form.getByLabel('住址').first().fill('秀山县妙泉镇贵塘村4组');
    await form.getByLabel('身份证号码（选填）').first().fill('12345');
    await citizen.getByTestId('submit-petition').click();
    await citizen.getByText('身份证号码须为 18 位（末位可为 X）').waitFor();
    await form.getByLabel('身份证号码（选填）').first().fill('500241198502021235');
    await citizen.getByRole('button', { name: '增加信访人' }).click();
    await form.getByLabel('姓名').nth(1).fill('周某乙');
    await form.getByLabel('住址').nth(1).fill('秀山县妙泉镇贵塘村4组');
    await form.getByLabel('问题发生地（村、社区或地点）').fill('贵塘村');
    await form.getByLabel('信访请求').fill('要求落实贵塘村产业路征地的社保安置');
    await form.getByLabel('事实和理由').fill('2025年产业路建设征收我家承包地，至今未办理被征地农民养老保险。');
    await citizen.getByTestId('submit-petition').click();
    await citizen.getByText('请妥善保存查询码，凭此码查询办理进度').waitFor();
    const code = CODE.exec((await citizen.getByTestId('tracking-code').textContent()) ?? '')?.[0];
    expect(code).toBeTruthy();
    await citizen.screenshot({ path: join(SHOTS, 'petition-portal-filed.png'), fullPage: true });
    await citizen.getByRole('button', { name: '查询办理进度' }).click();
    await citizen.waitForURL(/\/portal\/petition-tracking$/);
    await expect.poll(() => citizen.getByTestId('track-status').textContent()).toBe('已登记');

    // xinfang finds it in 待我办理 and opens it in one click.
    const clerk = await h.newPage();
    await h.login(clerk, 'xinfang');
    await clerk.goto(`${h.url}/console/dashboard`);
    const link = clerk.getByTestId('workbench-todo').getByTestId('todo-link').filter({ hasText: '周某某' });
    await link.first().waitFor();
    await accessible(clerk, 'console-workbench');
    const href = (await link.first().getAttribute('href'))!;
    expect(href).toMatch(/^\/console\/petitions\//);
    await link.first().click();
    await clerk.waitForURL(`${h.url}${href}`);
    await clerk.getByTestId('record-summary').getByText('要求落实贵塘村产业路征地的社保安置').waitFor();
    await accessible(clerk, 'console-record');

    // 受理 is the first step offered; the form is built from the server's schema.
    await offered(clerk, 'petition.accept');
    const d = modal(clerk);
    await d.waitFor();
    await settled(d);
    await submitAndClose(clerk, d, 'accept');
    await expect.poll(() => clerk.getByTestId('record-status').textContent()).toContain('已受理');
    await clerk
      .getByTestId('routing')
      .getByText(/已受理并书面告知（妙泉信受字〔\d{4}〕第\d+号）/)
      .waitFor();

    // The petitioner sees the acceptance and the 60-day limit, and nobody's ID number.
    await citizen.getByTestId('track-submit').click();
    await expect.poll(() => citizen.getByTestId('track-status').textContent()).toBe('已受理（办理中）');
    await citizen.getByTestId('track-routing').waitFor();
    await citizen.getByText('办结信访事项并出具处理意见书').waitFor();
    expect(await citizen.content()).not.toContain('500241198502021235');
    await citizen.locator('[data-doc="acceptance"]').waitFor();
    await accessible(citizen, 'portal-tracking');
    // He sends a photo of the site, verified by the last four of his ID number; the clerk reads it under the petition.
    const materials = citizen.getByTestId('track-materials');
    await materials.getByLabel('身份验证：登记的身份证号或联系电话的后 4 位').fill('1235');
    await materials.getByLabel('材料名称').fill('产业路征收地块现场照片');
    await materials.getByLabel('说明', { exact: true }).fill('征收后地块现状');
    await materials.getByTestId('material-file').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: demoPhoto(9) });
    await materials.getByTestId('submit-material').click();
    await citizen.getByText('材料已提交').waitFor();
    await clerk.reload();
    await clerk.getByText('产业路征收地块现场照片').first().waitFor();
    // A wrong code finds nothing; the tracking page is reached from the filing page.
    const stranger = await h.newPage();
    await stranger.goto(`${h.url}/portal/petitions`);
    await stranger.getByRole('link', { name: /凭查询码查询办理进度/ }).click();
    await stranger.waitForURL(/\/portal\/petition-tracking$/);
    await stranger.getByLabel('查询码').fill('ABCD-EFGH-JKLM-NPQR');
    await stranger.getByTestId('track-submit').click();
    await stranger.getByTestId('track-error').getByText('查询码不正确，或没有对应的信访事项').waitFor();

    // The clerk issues the 信访处理意见书 through the same generic form; the petitioner reads it and rates it.
    await offered(clerk, 'petition.issue-opinion');
    const o = modal(clerk);
    await o.waitFor();
    await settled(o);
    await choose(clerk, o, 'outcome', ['解释说明'], o.locator('.ant-modal-title'));
    await o.getByLabel('查明的事实').fill('该户被征收承包地1.1亩，已列入被征地农民养老保险参保名单，待县人社局审核。');
    await o.getByLabel('法律、法规、规章或者其他有关规定依据').fill('《中华人民共和国土地管理法》第四十八条');
    await o.getByLabel('处理意见和理由').fill('参保手续正在办理，预计本季度内完成，届时另行通知。');
    await submitAndClose(clerk, o, 'opinion');
    await clerk
      .getByTestId('opinion')
      .getByText(/解释说明/)
      .first()
      .waitFor();
    await citizen.getByTestId('track-submit').click();
    await citizen.getByTestId('track-opinion').getByText('解释说明').waitFor();
    const rating = citizen.getByTestId('track-rating');
    await rating.getByLabel('基本满意').check();
    await accessible(citizen, 'portal-tracking-opinion');
    await rating.getByTestId('submit-rating').click();
    await rating.getByText(/您的评价：基本满意/).waitFor();
    expect(await rating.getByTestId('submit-rating').count()).toBe(0);

    // The list shows it, searchable.
    await clerk.goto(`${h.url}/console/petitions`);
    const row = clerk.locator('tr[data-record]', { hasText: '周某某' });
    await row.waitFor();
    await accessible(clerk, 'console-list');
  });

  it('registers a group visit at the console and refuses a sixth representative with Art 20', async () => {
    const clerk = await h.newPage();
    await h.login(clerk, 'xinfang');
    await clerk.goto(`${h.url}/console/petitions`);
    await clerk.getByRole('button', { name: '登记信访事项' }).click();
    const d = modal(clerk);
    await d.waitFor();
    await settled(d);
    for (let i = 0; i < 6; i++) {
      if (i > 0) await d.getByRole('button', { name: '增加信访人' }).click();
      const item = d.locator(`fieldset[data-item="${i}"]`);
      await item.getByLabel('姓名').fill(`代表${i + 1}`);
      await item.getByLabel('住址').fill('秀山县妙泉镇大田村2组');
    }
    await d.getByLabel('多人走访的总人数').fill('40');
    await d.getByLabel('信访请求').fill('要求公开大田村集镇扩建项目征地补偿方案');
    await d.getByLabel('事实和理由').fill('村民对补偿标准有异议。');
    await d.getByLabel('问题发生地（村、社区或地点）').fill('大田村');
    await d.getByLabel('口头信访已如实记录并经信访人确认').click();
    await d.getByRole('button', { name: /提\s*交/ }).click();
    const refusal = d.getByTestId('action-error');
    await refusal.getByText(/代表人数不超过 5 人/).waitFor();
    expect(await refusal.textContent()).toContain('《信访工作条例》第二十条');
    await clerk.screenshot({ path: join(SHOTS, 'petition-group-refused.png'), fullPage: true });
    // Five are registered.
    await d.locator('fieldset[data-item="5"]').getByRole('button', { name: /删除/ }).click();
    await d.getByRole('button', { name: /提\s*交/ }).click();
    // The tracking code is shown once, in a dialog of its own.
    await clerk.getByTestId('tracking-code').waitFor();
    expect(await clerk.getByTestId('tracking-code').textContent()).toMatch(CODE);
    await clerk.getByRole('button', { name: '我已记下，查看信访事项' }).click();
    await clerk.getByTestId('record-summary').getByText('共 40 人，推选代表 5 人').waitFor();
  });
});
