/**
 * 行政规范性文件 in Chromium, on a training clock: a draft whose 第六条 fines stall-keepers
 * is with the legal adviser (its drafting, scope check and public comment taken through the
 * kit as the head, before the browser opens). The adviser ticks "设定行政处罚" and 修改后同意
 * is refused with 行政处罚法第十六条; 不同意 returns it. The head amends the text (the diff
 * shows 第六条 changed), resubmits; the adviser agrees; the head deliberates, signs and
 * publishes through the forms: the document gets its 统一编号, waits for filing, and shows on
 * the portal as published and not yet in force. Twenty months on the training clock, it is on
 * the evaluation list before expiry. axe finds nothing serious on the record page, the
 * adviser's desk, the evaluation list and the portal's pages.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, openAction as offered, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { Clock } from '../../src/platform/clock.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { actOnRecord, openRecord } from '../../src/procedure/service.js';
import { NORMATIVE_DOCS } from '../../src/modules/normative-docs/procedure.js';
import { demoText } from '../../src/modules/normative-docs/demo.js';

const TITLE = '妙泉镇集镇摊点管理暂行办法';
const FINE = '在集镇主干道违规摆摊设点、经劝阻拒不改正的，处以200元罚款。';

describe('规范性文件 in the browser', () => {
  let h: BrowserHarness;
  let id: string;
  beforeAll(async () => {
    h = await startHarness('sqlite', { clock: Clock.trainingFrom(new Date('2026-03-02T09:00:00+08:00')) });
    const head = { auth: await contextOfUser(h.yifa, 'fuzeren'), idempotencyKey: null, denied: async () => {} };
    const opened = await openRecord(h.yifa, head, NORMATIVE_DOCS, 'normative.draft', {
      title: TITLE,
      drafter: '妙泉镇党政办公室',
      draftedOn: '2026-03-02',
      explanation: '规范集镇摊点经营秩序。',
      legalBasis: '《城市市容和环境卫生管理条例》',
      marketActivity: true,
      provisional: true,
      validityYears: 2,
      text: demoText(TITLE, '集镇摊点管理', 6, [FINE]),
    });
    id = opened.id;
    const act = (type: string, payload: unknown) => actOnRecord(h.yifa, head, NORMATIVE_DOCS, id, type as never, payload);
    await act('normative.scope', { on: '2026-03-02', inScope: true, reason: '涉及经营者权利义务。' });
    await act('normative.open-comment', { openedOn: '2026-03-02', until: '2026-03-03', channel: '镇政府网站' });
    h.yifa.clock.advance(2);
    await act('normative.close-comment', { on: '2026-03-04', summary: '未收到意见。' });
    await act('normative.fair-competition', { on: '2026-03-04', passed: true, note: '未含排除、限制竞争的内容。' });
    await act('normative.submit-review', { on: '2026-03-04', materials: '送审稿、起草说明' });
  }, 300_000);
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `normative-${name}.png`), fullPage: true });
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
      await page.screenshot({ path: join(SHOTS, `normative-${name}-failed.png`), fullPage: true });
      const shown = await d
        .getByTestId('action-error')
        .textContent()
        .catch(() => '(no refusal shown)');
      throw new Error(`not submitted: ${shown}`, { cause: e });
    });
  };
  const status = (page: Page) => page.getByTestId('record-status').textContent();
  const record = async (page: Page) => {
    await page.goto(`${h.url}/console/normative-documents/${id}`);
    await page.getByTestId('record-summary').waitFor();
  };

  it('refuses a fine in review, passes the amended draft, publishes it numbered, and lists it for filing and evaluation', async () => {
    const adviser = await h.newPage();
    await h.login(adviser, 'fazhi');
    // The adviser's desk has it.
    await adviser.goto(`${h.url}/console/legal-desk`);
    await adviser.getByTestId('desk-queue').getByText(TITLE).waitFor();
    await accessible(adviser, 'desk');

    await record(adviser);
    let d = await openAction(adviser, 'normative.review-opinion');
    await d.getByText('是否设定行政处罚（含罚款）').click();
    await choose(adviser, d, 'opinion', ['修改后同意'], d.locator('.ant-modal-title'));
    await d.getByLabel('理由').fill('第六条设定罚款。');
    await d.getByLabel('涉及条款（如：第三条、第五条）').fill('第六条');
    await submit(d);
    await d.getByText(/《中华人民共和国行政处罚法》第十六条/).waitFor();
    await adviser.screenshot({ path: join(SHOTS, 'normative-fine-refused.png') });
    await choose(adviser, d, 'opinion', ['不同意'], d.locator('.ant-modal-title'));
    await submitAndClose(adviser, d, 'disagree');
    await expect.poll(() => status(adviser)).toContain('审核未通过');
    expect(await adviser.getByTestId('review-blocked').textContent()).toContain('是否设定行政处罚（含罚款）');

    const head = await h.newPage();
    await h.login(head, 'fuzeren');
    await record(head);
    d = await openAction(head, 'normative.amend');
    await d
      .getByLabel('修改后的正文')
      .fill(demoText(TITLE, '集镇摊点管理', 6, ['在集镇主干道违规摆摊设点的，由镇综合行政执法办公室依照有关法律、法规的规定处理。']));
    await d.getByLabel('修改说明').fill('删除罚款规定。');
    await submitAndClose(head, d, 'amend');
    // The diff: 第六条 changed, the rest the same.
    const diff = head.getByTestId('clause-diff');
    await diff.getByTestId('clause-changed').waitFor();
    expect(await diff.getByTestId('clause-changed').count()).toBe(1);
    expect(await diff.getByTestId('clause-changed').textContent()).toContain('第六条');
    expect(await head.getByTestId('diff-summary').textContent()).toContain('修改 1 条');
    await accessible(head, 'diff');
    d = await openAction(head, 'normative.submit-review');
    await d.getByLabel(/送审材料/).fill('修改稿');
    await submitAndClose(head, d, 'resubmit');

    await record(adviser);
    d = await openAction(adviser, 'normative.review-opinion');
    await choose(adviser, d, 'opinion', ['同意'], d.locator('.ant-modal-title'));
    await d.getByLabel('理由').fill('修改后不再设定处罚，同意。');
    await submitAndClose(adviser, d, 'agree');
    await expect.poll(() => status(adviser)).toContain('审核通过');

    await record(head);
    d = await openAction(head, 'normative.deliberate');
    await d.getByLabel(/会议名称/).fill('镇长办公会议');
    await d.getByLabel('出席人员').fill('镇长、副镇长、法律顾问');
    await d.getByLabel(/讨论情况/).fill('同意发布。');
    await submitAndClose(head, d, 'deliberate');
    d = await openAction(head, 'normative.sign');
    await d.getByLabel('签发人').fill('镇长');
    await submitAndClose(head, d, 'sign');
    d = await openAction(head, 'normative.publish');
    await submitAndClose(head, d, 'publish');
    await expect.poll(() => status(head)).toContain('已发布');
    const numbers = head.getByTestId('registrations');
    await numbers.waitFor();
    expect(await numbers.textContent()).toMatch(/规〔2026〕第1号/);
    // It waits for filing (备案) within the configured period.
    expect(await head.locator('body').textContent()).toContain('行政规范性文件报送备案');
    await accessible(head, 'published');

    // On the portal, without an account: published, not yet in force.
    const visitor = await h.newPage();
    await visitor.goto(`${h.url}/portal/normative-documents`);
    await visitor.getByTestId('normative-search').locator('input').fill('摊点');
    await visitor.getByTestId('normative-search').locator('input').press('Enter');
    const row = visitor.getByTestId('normative-list').locator('tr', { hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('已发布，尚未施行');
    await accessible(visitor, 'portal-list');
    await row.getByRole('link', { name: TITLE }).click();
    await visitor.getByTestId('normative-text').waitFor();
    expect(await visitor.getByTestId('normative-text').textContent()).not.toContain('罚款');
    await accessible(visitor, 'portal-document');

    // Twenty months on (the document expires 2028-04-02): it is due for evaluation.
    h.yifa.clock.advance(607);
    const later = await h.newPage();
    await h.login(later, 'fuzeren');
    await later.goto(`${h.url}/console/normative-evaluation`);
    await later.getByTestId('evaluation-due').getByText(TITLE).waitFor();
    await accessible(later, 'evaluation');
  }, 600_000);
});
