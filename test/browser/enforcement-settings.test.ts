/**
 * 执法设置 in the browser: the town's head changes the 陈述申辩 window and the provision that
 * allows an extension of the 90 days (Art 60), then says none applies; a number outside the
 * law's bounds is refused at its field, a file of lists that is not JSON is refused at once,
 * and one the server finds wrong (a 评查表 over 100 points) is refused with its message and
 * changes nothing. An officer has no such page. axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type BrowserHarness } from './harness.js';
import { describeViolations, seriousViolations } from './axe.js';
import { settingsFor } from '../../src/modules/enforcement/service/agency-settings.js';

describe('执法设置 in the console', () => {
  let h: BrowserHarness;
  let townGov: string;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    const row = await h.yifa.db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', '秀山县妙泉镇人民政府')
      .executeTakeFirstOrThrow();
    townGov = row.id;
  }, 300_000);
  afterAll(async () => h.close());

  const settings = () => settingsFor(h.yifa.db.kysely, townGov);

  it('the head sets the statement window and the extension provision; bad input changes nothing', async () => {
    const page = await h.newPage();
    await h.login(page, 'fuzeren');
    await page.getByRole('menuitem', { name: '执法设置' }).click();
    await expect.poll(() => page.getByLabel('执法主体').locator('..').textContent()).toContain('妙泉镇人民政府');
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);

    const window = page.getByLabel('陈述申辩期限（工作日）');
    await window.fill('2');
    await page.getByRole('button', { name: '保存执法设置' }).click();
    await page.getByText('陈述申辩期限应为 3 至 15 个工作日').waitFor();
    expect((await settings()).statementWindowWorkingDays).toBe(5);

    await window.fill('7');
    await page.getByLabel('依据（法律、法规或规章的名称和条款）').fill('《秀山县综合行政执法程序规定》第三十条');
    await page.getByRole('button', { name: '删除第 2 次延长' }).click();
    await page.getByRole('button', { name: '保存执法设置' }).click();
    await page.getByText('执法设置已保存').waitFor();
    let saved = await settings();
    expect(saved.statementWindowWorkingDays).toBe(7);
    expect(saved.decisionExtension).toEqual({ basis: '《秀山县综合行政执法程序规定》第三十条', steps: [{ maxDays: 30, by: 'head' }] });
    const journaled = await h.yifa.db.kysely
      .selectFrom('actions')
      .select('type')
      .where('type', '=', 'enforcement.settings.update')
      .where('subject_id', '=', townGov)
      .execute();
    expect(journaled).toHaveLength(1);

    // No provision applies: no extension at all.
    await page.getByLabel('本机关适用的法律、法规或规章规定了延长').click();
    await page.getByText('不得延长：自立案之日起九十日内作出行政处罚决定').waitFor();
    await page.getByRole('button', { name: '保存执法设置' }).click();
    await expect.poll(async () => (await settings()).decisionExtension).toBeNull();

    // A file that is not JSON never reaches the server; one the server finds wrong is refused whole.
    const upload = page.locator('input[type=file]');
    await upload.setInputFiles({ name: 'lists.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await page.getByText('文件不是有效的 JSON').waitFor();
    saved = await settings();
    const tooMany = { ...saved, reviewSheet: saved.reviewSheet.map((r) => (r.section === 'veto' ? r : { ...r, points: 50 })) };
    await upload.setInputFiles({ name: 'lists.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tooMany)) });
    await page.getByText('已导入新文件，尚未保存').waitFor();
    await window.fill('9');
    await page.getByRole('button', { name: '保存执法设置' }).click();
    await page.getByText('评查表总分不能超过 100 分').waitFor();
    const after = await settings();
    expect(after.statementWindowWorkingDays).toBe(7);
    expect(after.reviewSheet).toEqual(saved.reviewSheet);
  }, 300_000);

  it('an officer has no 执法设置 page in the menu', async () => {
    const page = await h.newPage();
    await h.login(page, 'zhifa1');
    await page.getByRole('menuitem', { name: '行政处罚案件' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '执法设置' }).count()).toBe(0);
  }, 120_000);
});
