/**
 * The officer picker of the penalty forms, in Chromium: each person shows his 执法证 (standing,
 * field, expiry), those without a valid one listed last and marked (still choosable: the
 * server's gate refuses them with its article), and the officers chosen once are proposed
 * again on the case's later 笔录.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { openAction, settled } from './antd.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { openCase, performAction } from '../../src/modules/enforcement/service/cases.js';

describe('the officer picker of the penalty forms', () => {
  let h: BrowserHarness;
  let caseId: string;
  let names: string[];
  beforeAll(async () => {
    h = await startHarness('sqlite');
    const db = h.yifa.db.kysely;
    const officers = await db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select(['users.username', 'people.id', 'people.name'])
      .where('users.username', 'in', ['zhifa1', 'zhifa2'])
      .orderBy('users.username')
      .execute();
    names = officers.map((o) => o.name);
    const as = async (username: string) => ({ auth: await contextOfUser(h.yifa, username), denied: async () => {} });
    const today = h.yifa.clock.today();
    // A case filed with the two officers (as the filing form chose them), under investigation.
    const opened = await openCase(h.yifa, await as('zhifa1'), 'penalty.register', {
      source: { kind: 'patrol', summary: '巡查发现某某村有人乱倒建筑垃圾', receivedOn: today },
      party: { kind: 'citizen', name: '测试当事人', idNumber: null, address: '秀山县妙泉镇某某村', phone: null, representative: null },
      field: '综合行政执法',
    });
    caseId = opened.id;
    await performAction(h.yifa, await as('zhifa1'), caseId, 'penalty.request-filing', {
      violationTypeId: 'waste-dumping',
      actOn: today,
      seriousHarm: false,
      officers: officers.map((o) => o.id),
      summary: '乱倒建筑垃圾',
    });
    await performAction(h.yifa, await as('fuzeren'), caseId, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
  });
  afterAll(async () => h?.close());

  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  /** The chosen names shown in the officers field of the open form */
  const chosen = (d: Locator) => d.locator('.ant-form-item:has(#officers) .ant-select-selection-item').allTextContents();

  it('shows each person’s 执法证, the ones without a valid one last and marked; a later 笔录 starts with the case’s officers', async () => {
    const page = await h.newPage();
    await h.login(page, 'zhifa1');
    await page.goto(`${h.url}/console/penalty-cases/${caseId}`);
    await page.getByTestId('case-status').waitFor();

    // 现场检查笔录: the two officers of the case are already chosen.
    await openAction(page, 'penalty.record-inspection');
    const d = modal(page);
    await d.waitFor();
    await settled(d);
    await expect.poll(() => chosen(d)).toEqual([expect.stringContaining(names[0]!), expect.stringContaining(names[1]!)]);

    // The picker: every option carries its certificate line; valid ones first, then the marked ones.
    await d.locator('#officers').click({ force: true });
    const options = page.locator('.ant-select-item-option:visible');
    await options.first().waitFor();
    await settled(options.first());
    const texts = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents();
    expect(texts.length).toBeGreaterThan(5);
    const marked = (t: string) => /【(执法证已过期|无执法证|执法证暂扣|执法证注销|执法证年审未通过|执法证未生效|执法证类别不符)】/.test(t);
    expect(texts.some((t) => t.includes('【执法证已过期】'))).toBe(true); // the demo town has an expired certificate
    expect(texts.some((t) => t.includes('【无执法证】'))).toBe(true); // and staff without one (the legal adviser)
    expect(texts.some((t) => t.includes('【执法证即将到期】'))).toBe(true);
    const firstMarked = texts.findIndex(marked);
    expect(firstMarked).toBeGreaterThan(0);
    expect(texts.slice(firstMarked).every(marked)).toBe(true); // no valid officer after the first marked one
    for (const t of texts.filter((x) => !x.includes('【无执法证】'))) expect(t).toMatch(/执法证.+ · .+ · 有效期至 \d{4}-\d{2}-\d{2}/);
    const expired = texts.find((t) => t.includes('【执法证已过期】'))!;
    expect(expired).toContain('综合行政执法');
    // Marked, not disabled: the server's gate decides and cites its article.
    expect(await page.locator('.ant-select-dropdown:visible .ant-select-item-option-disabled').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'penalty-officer-picker.png') });
    await d.locator('.ant-modal-title').click();

    // The 笔录 is made with the proposed officers as they stand.
    await d.locator('#place').fill('某某村路口');
    await d.locator('#subject').fill('测试当事人');
    await d.locator('#summary').fill('现场堆放建筑垃圾约 2 立方米');
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached' });

    // A second 笔录 (询问笔录, under 更多操作) opens with the same two officers chosen.
    await openAction(page, 'penalty.record-inquiry', { more: true });
    const d2 = modal(page);
    await d2.waitFor();
    await settled(d2);
    await expect.poll(() => chosen(d2)).toEqual([expect.stringContaining(names[0]!), expect.stringContaining(names[1]!)]);
    await page.screenshot({ path: join(SHOTS, 'penalty-second-record-officers.png') });
    await page.close();
  });
});
