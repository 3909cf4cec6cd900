/**
 * 政务公开 as staff and the public meet it, in Chromium: the clerk drafts the town's 执法事项清单
 * and submits it, the head publishes it; an officer writes a 以案释法 from a closed case (its
 * party 王小明), the head approves it, the officer publishes it; a visitor finds both in the
 * portal's 政府信息公开目录 with their 索引号 and opens them — the party shown as 王某某, never
 * by name — and downloads the list's numbered DOCX from the catalog; the head opens its print
 * view (文号, 查验码 QR code). axe-core finds no serious or critical violation on the console
 * pages, the print view, the catalog, the list or the explanation.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { identifiedCitizen } from '../helpers/penalty-api.js';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { openCase, performAction } from '../../src/modules/enforcement/service/cases.js';

describe('a 执法事项清单 and a 以案释法 published into the catalog, in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    const zhifa1 = { auth: await contextOfUser(h.yifa, 'zhifa1'), denied: async () => {} };
    const zhifa2 = await contextOfUser(h.yifa, 'zhifa2');
    const today = h.yifa.clock.today();
    const view = await openCase(h.yifa, zhifa1, 'penalty.on-the-spot', {
      party: identifiedCitizen(),
      field: '综合行政执法',
      on: today,
      place: '妙泉镇集镇',
      officers: [zhifa1.auth.user.personId, zhifa2.user.personId],
      violationTypeId: 'waste-dumping',
      facts: '在集镇街道随意倾倒生活垃圾',
      basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
      kinds: ['fine'],
      fineFen: 10_000,
      confiscationFen: 0,
      signed: true,
      refusalNote: null,
      cashCollected: true,
      cashGround: null,
      cashGroundNote: null,
      receiptNumber: '渝财罚 000123',
      told: true,
      statement: null,
      statementReply: null,
      mitigation: [],
      circumstanceId: 'minor',
    });
    const id = view.case.id;
    await performAction(h.yifa, zhifa1, id, 'penalty.hand-in-cash', { on: today, receivedBy: '镇财政所出纳' });
    await performAction(h.yifa, zhifa1, id, 'penalty.bank-cash', { on: today, bankReceipt: '缴款单 1' });
    await performAction(h.yifa, zhifa1, id, 'penalty.file-on-the-spot', { on: today });
    await performAction(h.yifa, zhifa1, id, 'penalty.close', { on: today, report: '当场缴纳罚款，案件办结' });
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `openness-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const row = (page: Page, text: string) => page.locator('.ant-table-row', { hasText: text });

  it('publishes both and the portal shows them in the catalog', async () => {
    // The clerk drafts the list and submits it.
    const clerk = await h.newPage();
    await h.login(clerk, 'gongkai');
    await clerk.goto(`${h.url}/console/openness-lists`);
    await clerk.getByText('还没有清单或办事指南').waitFor();
    await accessible(clerk, 'lists-empty');
    await clerk.getByTestId('draft-powers').click();
    const modal = clerk.locator('.ant-modal-container:visible');
    await modal.waitFor();
    await settled(modal);
    await modal.locator('#items_0_name').fill('对随意倾倒生活垃圾的行政处罚');
    await modal.locator('#items_0_basis').fill('《中华人民共和国固体废物污染环境防治法》第一百一十一条');
    await modal.locator('#items_0_channels').fill('12345 政务服务便民热线');
    await clerk.getByTestId('list-reason').fill('首次公开');
    await modal.getByRole('button', { name: /保存草稿/ }).click();
    await clerk.getByTestId('list-submit').click();
    await clerk.locator('.ant-drawer-body').getByText('待审核', { exact: true }).waitFor();

    // The head publishes it.
    const head = await h.newPage();
    await h.login(head, 'fuzeren');
    await head.goto(`${h.url}/console/openness-lists`);
    await row(head, '行政执法事项清单').getByRole('button').first().click();
    await head.getByTestId('list-publish').click();
    await head.locator('.ant-drawer-body').getByText('妙泉-01-').first().waitFor();
    await accessible(head, 'list-published');
    // Its numbered document: the print view with the 文号 and the 查验码's QR code.
    await head.getByTestId('list-document').click();
    await head.getByTestId('document-verification').waitFor();
    expect(await head.getByTestId('document').textContent()).toContain('妙泉执清字〔');
    await accessible(head, 'list-document');

    // The officer writes a 以案释法 from the closed case; the head approves; the officer publishes.
    const officer = await h.newPage();
    await h.login(officer, 'zhifa1');
    await officer.goto(`${h.url}/console/case-explanations`);
    await officer.getByText('还没有以案释法').waitFor();
    await officer.getByTestId('explanation-new').click();
    const write = officer.locator('.ant-modal-container:visible');
    await write.waitFor();
    await settled(write);
    await choose(officer, write, 'caseId', ['王小明'], write.locator('.ant-modal-title'));
    await officer.getByTestId('explanation-title').fill('随意倾倒垃圾要受罚');
    await officer
      .getByTestId('explanation-body')
      .fill('【案情】当事人在集镇街道倾倒生活垃圾。【释法】任何单位和个人不得随意倾倒生活垃圾。');
    await write.getByRole('button', { name: /保存草稿/ }).click();
    await officer.getByTestId('explanation-submit').click();
    await officer.locator('.ant-drawer-body').getByText('待审批', { exact: true }).waitFor();
    expect(await officer.locator('.ant-drawer-body').textContent()).toContain('王某某');

    await head.goto(`${h.url}/console/case-explanations`);
    await row(head, '随意倾倒垃圾要受罚').getByRole('button').first().click();
    await head.getByTestId('explanation-approve').click();
    await head.locator('.ant-drawer-body').getByText('已批准', { exact: true }).waitFor();

    await officer.reload();
    await row(officer, '随意倾倒垃圾要受罚').getByRole('button').first().click();
    await officer.getByTestId('explanation-publish').click();
    await officer.locator('.ant-drawer-body').getByText('妙泉-05-').first().waitFor();

    // The public: both in the catalog, each opens.
    const visitor = await h.newPage();
    await visitor.goto(`${h.url}/portal/catalog`);
    await row(visitor, '随意倾倒垃圾要受罚').waitFor();
    await row(visitor, '行政执法事项清单').waitFor();
    expect(await visitor.content()).not.toContain('王小明');
    await accessible(visitor, 'catalog');
    await visitor.getByTestId('catalog-search').locator('input').fill('倾倒');
    await visitor.getByTestId('catalog-search').locator('input').press('Enter');
    await visitor.waitForLoadState('networkidle');
    await expect.poll(async () => visitor.locator('.ant-table-row').count()).toBe(1);
    await row(visitor, '随意倾倒垃圾要受罚').getByRole('link').first().click();
    await visitor.getByTestId('explanation-body').waitFor();
    const page = (await visitor.content()) ?? '';
    expect(page).toContain('王某某');
    expect(page).not.toContain('王小明');
    expect(page).toContain('中华人民共和国固体废物污染环境防治法');
    await accessible(visitor, 'explanation');
    await visitor.goto(`${h.url}/portal/catalog`);
    // The list's numbered DOCX downloads from the catalog.
    const href = await row(visitor, '行政执法事项清单').getByTestId('catalog-download').getAttribute('href');
    const file = await visitor.request.get(`${h.url}${href}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.headers()['content-disposition']).toContain("filename*=UTF-8''");
    await row(visitor, '行政执法事项清单').getByRole('link').first().click();
    await visitor.getByTestId('openness-list-content').waitFor();
    expect(await visitor.getByTestId('openness-list-content').textContent()).toContain('对随意倾倒生活垃圾的行政处罚');
    await accessible(visitor, 'list');
  });
});
