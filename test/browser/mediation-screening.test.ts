/**
 * 矛盾纠纷排查台账 as the village mediator meets it, in Chromium: tiaojie records a round
 * that found a possibly violent land dispute and a neighbours' quarrel; the land dispute is
 * settled on the spot, the quarrel taken into mediation; closing the round is refused, with
 * 人民调解法 Art 25, until the report to the police is recorded; then it closes, and the
 * dispute taken into mediation is in 人民调解 waiting for the parties' consent. axe-core finds
 * no serious or critical violation on the ledger, a round's page and its forms.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { createCommittee } from '../../src/modules/mediation/committees.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';

const idNumber = (first17: string) => first17 + idCheckChar(first17);

describe('矛盾纠纷排查台账 in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    const sifasuo = { auth: await contextOfUser(h.yifa, 'sifasuo'), idempotencyKey: null, denied: async () => {} };
    const tiaojie = await contextOfUser(h.yifa, 'tiaojie');
    const db = h.yifa.db.kysely;
    const village = await db.selectFrom('regions').select('id').where('name', '=', '妙泉村').executeTakeFirstOrThrow();
    const others = await db
      .selectFrom('people')
      .select('id')
      .where('agency_id', '=', tiaojie.user.agencyId!)
      .where('id', '!=', tiaojie.user.personId!)
      .limit(2)
      .execute();
    await createCommittee(h.yifa, sifasuo, {
      name: '妙泉村人民调解委员会',
      kind: 'village',
      regionId: village.id,
      termStart: '2024-07-01',
      multiEthnic: false,
      members: [tiaojie.user.personId!, ...others.map((o) => o.id)].map((personId, i) => ({
        personId,
        position: i === 1 ? 'chair' : 'member',
        gender: i === 2 ? 'female' : 'male',
        minority: false,
      })),
      groups: [{ name: '妙泉村第一调解小组', leaderPersonId: null }],
    });
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `screening-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const opened = async (page: Page) => {
    const d = modal(page);
    await d.waitFor();
    await settled(d);
    return d;
  };
  const submit = (d: Locator) => d.getByRole('button', { name: /提\s*交/ }).click();
  const submitAndClose = async (page: Page, d: Locator, name: string) => {
    await submit(d);
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `screening-${name}-failed.png`) });
      throw new Error(
        `not submitted: ${await d
          .getByTestId('action-error')
          .textContent()
          .catch(() => '(no refusal shown)')}`,
        { cause: e },
      );
    });
  };
  const row = (page: Page, text: string) => page.locator('tr', { hasText: text });

  it('records a round with a possibly violent risk; closing waits for the police report; the item taken into mediation is in 人民调解', async () => {
    const page = await h.newPage();
    await h.login(page, 'tiaojie');
    await page.goto(`${h.url}/console/dispute-screenings`);
    await page.getByText('尚无排查记录').waitFor();
    await accessible(page, 'empty-list');

    // The round: two findings, the first possibly violent.
    await page.getByRole('button', { name: '登记排查' }).click();
    let d = await opened(page);
    await d.getByLabel('排查人员（以顿号分隔）').fill('田某某、吴某某');
    await d.getByLabel('排查范围').fill('妙泉村一至九组');
    await d.getByRole('button', { name: '添加发现的矛盾纠纷或风险' }).click();
    await d.getByRole('button', { name: '添加发现的矛盾纠纷或风险' }).click();
    const first = d.locator('.ant-card', { hasText: '发现事项 1' });
    const second = d.locator('.ant-card', { hasText: '发现事项 2' });
    await choose(page, first, 'items_0_category', ['山林土地纠纷'], d.locator('.ant-modal-title'));
    await first.getByLabel('涉及人员').fill('龙某某、石某某');
    await first.getByLabel('矛盾纠纷或风险情况').fill('两户因承包地界址争执，一方扬言动刀。');
    await first.getByLabel('可能民转刑').check();
    await first.getByLabel('可能激化（须立即报告公安机关）').check();
    await second.getByLabel('涉及人员').fill('田某某、杨某某');
    await second.getByLabel('矛盾纠纷或风险情况').fill('两户因排水沟堵塞多次争吵。');
    await accessible(page, 'new-round-form');
    await submit(d);
    await page.waitForURL(/\/console\/dispute-screenings\/[0-9a-f-]{36}$/).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'screening-new-round-failed.png'), fullPage: true });
      throw e;
    });
    await row(page, '扬言动刀').getByText('未报告').waitFor();
    expect(await page.getByText('结束排查前尚需').locator('..').textContent()).toContain('第二十五条');

    // The land dispute settled on the spot.
    await row(page, '扬言动刀').getByRole('button', { name: '当场化解或移交' }).click();
    d = await opened(page);
    await d.getByLabel('处置情况').fill('排查人员当场劝解，双方同意按合同四至埋设界桩。');
    await submitAndClose(page, d, 'resolve');
    await row(page, '扬言动刀').getByText('当场化解').waitFor();

    // The quarrel taken into mediation: a dispute registered through its register action.
    await row(page, '排水沟').getByRole('button', { name: '转入人民调解' }).click();
    d = await opened(page);
    await d.getByLabel('一方当事人姓名').fill('田某某');
    await d.getByLabel('一方当事人身份证号').fill(idNumber('50024119700315001'));
    await d.getByLabel('对方当事人姓名').fill('杨某某');
    await d.getByLabel('对方当事人身份证号').fill(idNumber('50024119720620002'));
    await d.getByLabel('争议焦点').fill('排水沟疏通责任。');
    await accessible(page, 'mediate-form');
    await submitAndClose(page, d, 'mediate');
    const link = row(page, '排水沟').getByRole('link', { name: /转入人民调解/ });
    await link.waitFor();

    // Closing is refused while the violent risk has no police report (Art 25); nothing changes.
    await page.getByRole('button', { name: '结束排查' }).click();
    d = await opened(page);
    await submit(d);
    const refusal = d.getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('《中华人民共和国人民调解法》第二十五条');
    await d.getByRole('button', { name: /取\s*消/ }).click();
    await d.waitFor({ state: 'detached' });

    // The report: when, who, to whom.
    await row(page, '扬言动刀').getByRole('button', { name: '报告公安机关' }).click();
    d = await opened(page);
    const today = h.yifa.clock.today();
    await d.getByLabel('报告时间').fill(`${today}T10:30`);
    await d.getByLabel('报告人').fill('吴某某');
    await d.getByLabel('接报的公安机关（派出所）及接报人').fill('妙泉派出所 值班民警龙某某');
    await accessible(page, 'police-form');
    await submitAndClose(page, d, 'police');
    await row(page, '扬言动刀').getByText('妙泉派出所 值班民警龙某某').waitFor();

    await page.getByRole('button', { name: '结束排查' }).click();
    d = await opened(page);
    await submitAndClose(page, d, 'close');
    await page.getByText(`已于 ${today} 结束`).waitFor();
    await accessible(page, 'round-closed');

    // The dispute, in 人民调解, waiting for the parties' consent.
    await link.click();
    await page.waitForURL(/\/console\/disputes\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-status').textContent()).toBe('已登记（待征询意愿）');
    await page.goto(`${h.url}/console/disputes`);
    await page.locator('tr[data-record]', { hasText: '田某某与杨某某' }).waitFor();
    await page.goto(`${h.url}/console/dispute-screenings`);
    await row(page, '妙泉村人民调解委员会').getByText(`已结束 ${today}`).waitFor();
    await accessible(page, 'list');
  });

  it('registers a 平安志愿者, records his leaving, and shows the mediators with their training warning', async () => {
    const page = await h.newPage();
    await h.login(page, 'tiaojie');
    await page.goto(`${h.url}/console/mediation-volunteers`);
    await page.getByText('尚无平安志愿者').waitFor();
    await page.getByRole('button', { name: '登记志愿者' }).click();
    const d = await opened(page);
    await d.getByLabel('姓名').fill('龙某甲');
    await d.locator('#regionId').fill('妙泉');
    await choose(page, d, 'regionId', ['妙泉村'], d.locator('.ant-modal-title'));
    await accessible(page, 'volunteer-form');
    await submitAndClose(page, d, 'volunteer');
    await row(page, '龙某甲').getByText('妙泉村').waitFor();
    await accessible(page, 'volunteers');
    // He leaves: off the active roster, kept under 已退出 with the day and the reason.
    const today = h.yifa.clock.today();
    await row(page, '龙某甲')
      .getByRole('button', { name: /退\s*出/ })
      .click();
    const leave = await opened(page);
    await leave.getByLabel('退出原因').fill('外出务工');
    await accessible(page, 'volunteer-leave-form');
    await submitAndClose(page, leave, 'volunteer-leave');
    // Leaving today, he is still on the roster today (he served that day): the 已退出 list shows him with the reason.
    await page.getByRole('combobox', { name: '名册' }).click();
    await page.locator('.ant-select-item-option', { hasText: '已退出' }).click();
    await row(page, '龙某甲').getByText(`${today} 退出：外出务工`).waitFor();
    await page.goto(`${h.url}/console/mediators`);
    await page.getByText('近一年没有参加培训的记录').first().waitFor();
    await accessible(page, 'mediators');
  });
});
