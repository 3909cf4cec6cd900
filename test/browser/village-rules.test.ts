/**
 * 村规民约 as the village clerk and the town meet them, in Chromium: cunwei, 妙泉村's clerk,
 * sees only his village, starts a revision of the rules in force through the schema-built
 * forms, records the villagers' consultation and the 村民代表会议's adoption (refused without
 * the quorum, with its article); the 司法所 reviews and files it; the clerk publishes it, and
 * the portal shows the new version with its clause-by-clause diff. axe-core finds no serious
 * or critical violation on the record page, the statistics page and the portal page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, DEMO_PASSWORD, type BrowserHarness } from './harness.js';
import { choose, openAction as offered, option, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { rulesText, seedDemoVillages } from '../../src/modules/villages/demo.js';

describe('村规民约 in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await seedDemoVillages(h.yifa, { password: DEMO_PASSWORD });
  }, 240_000);
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `villages-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const openAction = async (page: Page, type: string, more = false) => {
    await offered(page, type, { more });
    await modal(page).waitFor();
    await settled(modal(page));
    return modal(page);
  };
  const submit = (d: Locator) => d.getByRole('button', { name: /提\s*交/ }).click();
  const submitAndClose = async (page: Page, d: Locator, name: string) => {
    await submit(d);
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `villages-${name}-failed.png`), fullPage: true });
      throw new Error(
        `not submitted: ${await d
          .getByTestId('action-error')
          .textContent()
          .catch(() => '(no refusal shown)')}`,
        { cause: e },
      );
    });
  };
  const status = (page: Page) => page.getByTestId('record-status').textContent();

  it('a clerk drafts a revision and records its adoption, the town reviews and files it, and the portal shows it with its diff', async () => {
    const page = await h.newPage();
    await h.login(page, 'cunwei');
    // The clerk lands on his village's rules, and sees no other village.
    await page.waitForURL(/\/console\/village-rules$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('妙泉村');
    await rows.first().locator('a').first().click();
    await page.getByTestId('record-summary').waitFor();
    await expect.poll(() => status(page)).toContain('施行中');

    const revised = rulesText('妙泉村', 2).replace('彩礼不超过三万元', '彩礼不超过二万元');
    let d = await openAction(page, 'village-rules.start-revision', true);
    await d.getByLabel('名称（如《妙泉村村规民约》）').fill('《妙泉村村规民约》');
    await d.getByLabel(/村规民约全文/).fill(revised);
    await d.getByLabel(/起草说明/).fill('进一步下调彩礼标准。');
    await submitAndClose(page, d, 'start-revision');
    await page.getByTestId('record-summary').waitFor();
    await expect.poll(() => status(page)).toContain('起草中');

    d = await openAction(page, 'village-rules.consult');
    await d.getByLabel(/征求意见方式/).fill('入户走访');
    await d.getByLabel('参与村民人数').fill('86');
    await d.getByLabel('村民意见摘要').fill('村民赞成下调彩礼标准。');
    await d.getByLabel('采纳情况及理由').fill('全部采纳。');
    await submitAndClose(page, d, 'consult');

    d = await openAction(page, 'village-rules.adopt');
    await choose(page, d, 'kind', ['村民代表会议'], d.locator('.ant-modal-title'));
    await d.getByLabel(/村民会议的授权/).fill('妙泉村村民会议授权村民代表会议讨论决定村规民约的修改。');
    await d.getByLabel('应到人数（十八周岁以上村民数、户数或代表会议组成人员数）').fill('33');
    await d.getByLabel('实到人数').fill('20');
    const votes = d.locator('fieldset[data-group="votes"]');
    await votes.getByLabel('同意').fill('18');
    await votes.getByLabel('反对').fill('1');
    await votes.getByLabel('弃权').fill('1');
    // 20 of 33 members is short of two thirds: refused with its article, and the form stays open.
    await submit(d);
    await d.getByTestId('action-error').waitFor();
    expect(await d.getByTestId('action-error').textContent()).toContain('第二十六条');
    await d.getByLabel('实到人数').fill('30');
    await votes.getByLabel('同意').fill('28');
    await submitAndClose(page, d, 'adopt');
    await expect.poll(() => status(page)).toContain('待乡镇审查');
    await accessible(page, 'record-clerk');

    // The 司法所 reviews (every point passes) and files it.
    const town = await h.newPage();
    await h.login(town, 'sifasuo');
    await town.goto(page.url());
    await town.getByTestId('record-summary').waitFor();
    d = await openAction(town, 'village-rules.review');
    await d.getByLabel(/审查意见（退回的/).fill('经审查，未发现与法律法规和国家政策相抵触的内容。');
    await d.getByLabel('审查人').fill('司法所');
    await submitAndClose(town, d, 'review');
    await expect.poll(() => status(town)).toContain('审查通过');
    d = await openAction(town, 'village-rules.file');
    await submitAndClose(town, d, 'file');
    await expect.poll(() => status(town)).toContain('已备案');

    // The clerk publishes it.
    await page.reload();
    await page.getByTestId('record-summary').waitFor();
    d = await openAction(page, 'village-rules.publish');
    await submitAndClose(page, d, 'publish');
    await expect.poll(() => status(page)).toContain('施行中');
    await page.getByTestId('diff-summary').waitFor();
    expect(await page.getByTestId('diff-summary').textContent()).toContain('修改 1 条');

    // The portal: the new version in force, and the clause that changed.
    const visitor = await h.newPage();
    await visitor.goto(`${h.url}/portal/officers`);
    await visitor.getByRole('link', { name: '村规民约与村务公开' }).click();
    const pick = visitor.getByLabel('选择村');
    await pick.click();
    // The list opens with an animation: a click on an option still moving can miss it (seen on a loaded machine).
    const village = option(visitor, '妙泉村');
    await village.waitFor();
    await settled(village);
    await village.click();
    await visitor.getByTestId('public-version-3').waitFor();
    expect(await visitor.getByTestId('public-version-3').textContent()).toContain('彩礼不超过二万元');
    await visitor.getByTestId('diff-summary').waitFor();
    expect(await visitor.getByTestId('diff-summary').textContent()).toContain('修改 1 条');
    const changed = visitor.locator('[data-testid="clause-diff"] tr', { hasText: '二万元' });
    expect(await changed.textContent()).toContain('三万元');
    await accessible(visitor, 'portal');

    await town.goto(`${h.url}/console/village-statistics`);
    await town.getByTestId('village-statistics').waitFor();
    expect(await town.locator('[data-testid="village-statistics"] tr.ant-table-row').count()).toBe(14);
    await accessible(town, 'statistics');
  });
  it('a clerk records a 村民代表会议 (refused without the quorum) and publishes a decision under 村务公开', async () => {
    const page = await h.newPage();
    await h.login(page, 'cunwei');
    await page.goto(`${h.url}/console/village-meetings`);
    await page.locator('[data-open="village-meeting.record"]').click();
    const d = modal(page);
    await d.waitFor();
    await settled(d);
    await choose(page, d, 'villageId', ['妙泉村'], d.locator('.ant-modal-title'));
    await d.getByLabel('应到人数（十八周岁以上村民数、户数或代表会议组成人员数）').fill('30');
    await d.getByLabel('实到人数').fill('19');
    await d.getByLabel('召集人（主持人）').fill('村委会主任');
    await d.getByLabel('会议地点').fill('村委会会议室');
    await d.getByLabel('会议议程').fill('1. 村道维修筹资筹劳方案');
    const item = d.locator('fieldset[data-item="0"]');
    await item.getByLabel('议题', { exact: true }).fill('村道维修筹资筹劳方案');
    await item.getByLabel('同意').fill('17');
    await item.getByLabel('反对').fill('1');
    await item.getByLabel('弃权').fill('1');
    await d.getByLabel('会议记录（发言要点）').fill('逐项表决。');
    await submit(d);
    await d.getByTestId('action-error').waitFor();
    expect(await d.getByTestId('action-error').textContent()).toContain('第二十六条');
    expect(await d.getByTestId('action-error').textContent()).toContain('第二十五条第二款');
    await d.getByLabel('实到人数').fill('25');
    await d.getByLabel('组成人员中的妇女村民代表人数（村民代表会议填写）').fill('8');
    await item.getByLabel('同意').fill('23');
    await submitAndClose(page, d, 'meeting');
    await page.waitForURL(/\/console\/village-meetings\/[^/]+$/);
    await page.getByTestId('decisions').waitFor();
    expect(await page.getByTestId('decisions').textContent()).toContain('通过');
    await page.getByText(/妇女村民代表8人，不足村民代表会议组成人员（30人）的三分之一/).waitFor();
    const p = await openAction(page, 'village-meeting.publicize');
    await p.getByLabel('决定事项序号').fill('1');
    await p.getByLabel(/公开内容/).fill('村道维修方案经村民代表会议表决通过。');
    await submitAndClose(page, p, 'publicize');
    await expect.poll(() => status(page)).toContain('决定已公开');
    await accessible(page, 'meeting');
  });
});
