/**
 * 行政调解 as the town government's officer meets it, in Chromium: zhifa1 registers a dispute
 * over compensation after his agency's penalty case (chosen among the agency's cases) through
 * the generic opening form, records the consent and a session, produces the 行政调解协议书
 * (refused while unsigned, citing the basis), and opens it as DOCX under the town government's
 * seal, with no committee in it; the 司法所's statistics page shows it apart from 人民调解.
 * axe-core finds no serious or critical violation on the pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, openAction as offered, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { docxText } from '../helpers/docx-text.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { openCase } from '../../src/modules/enforcement/service/cases.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';

const idNumber = (first17: string) => first17 + idCheckChar(first17);

describe('行政调解 in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    // The town's penalty case the dispute arises from.
    const zhifa1 = { auth: await contextOfUser(h.yifa, 'zhifa1'), denied: async () => {} };
    await openCase(h.yifa, zhifa1, 'penalty.register', {
      source: { kind: 'patrol', summary: '巡查发现有人在林区焚烧纸钱', receivedOn: h.yifa.clock.today() },
      party: { kind: 'citizen', name: '杨某某', idNumber: null, address: '秀山县妙泉镇凉桥村', phone: null, representative: null },
      field: '综合行政执法',
    });
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `admin-mediation-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const select = (page: Page, d: Locator, id: string, ...texts: string[]) => choose(page, d, id, texts, d.locator('.ant-modal-title'));
  const openAction = async (page: Page, type: string) => {
    await offered(page, type, { more: false });
    await modal(page).waitFor();
    await settled(modal(page));
    return modal(page);
  };
  const submit = (d: Locator) => d.getByRole('button', { name: /提\s*交/ }).click();
  const submitAndClose = async (page: Page, d: Locator, name: string) => {
    await submit(d);
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `admin-mediation-${name}-failed.png`) });
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

  it('registers a compensation dispute from the agency’s case, mediates it to an agreement under the government’s seal', async () => {
    const page = await h.newPage();
    await h.login(page, 'zhifa1');
    await page.goto(`${h.url}/console/administrative-mediations`);
    await accessible(page, 'empty-list');
    await page.locator('[data-open="admin-mediation.register"]').click();
    const d = modal(page);
    await d.waitFor();
    await settled(d);
    await select(page, d, 'category', '损害赔偿纠纷');
    await select(page, d, 'penaltyCaseId', '杨某某');
    const a = d.locator('fieldset[data-group="partyA"]');
    const b = d.locator('fieldset[data-group="partyB"]');
    await a.getByLabel('姓名或名称').fill('田某某');
    await a.getByLabel('身份证号或统一社会信用代码').fill(idNumber('50024119700315001'));
    await b.getByLabel('姓名或名称').fill('杨某某');
    await b.getByLabel('身份证号或统一社会信用代码').fill(idNumber('50024119720620002'));
    await d
      .getByLabel('纠纷简要事实（与本机关行政管理职责的关联）')
      .fill('杨某某在林区焚烧纸钱引燃田某某承包林地的林木，镇综合行政执法队已立案查处。');
    await d.getByLabel('争议焦点').fill('林木损失的赔偿数额。');
    await accessible(page, 'register-form');
    await submit(d);
    await page.waitForURL(/\/console\/administrative-mediations\/[0-9a-f-]{36}$/);
    await expect.poll(() => status(page)).toBe('已登记（待征询意愿）');
    expect(await page.getByTestId('record-summary').textContent()).toContain(
      '民间纠纷处理（《民间纠纷处理办法》（司法部令第1号）第二条、第三条）',
    );
    await page
      .getByTestId('record-summary')
      .getByRole('link', { name: /杨某某/ })
      .waitFor();
    await accessible(page, 'record-registered');

    let f = await openAction(page, 'admin-mediation.consent');
    await f.getByLabel('主持调解的工作人员（本机关）').fill('张某、李某');
    await f.getByLabel('征询情况（各方当事人均自愿接受本机关调解）').fill('双方均同意由镇人民政府调解。');
    await submitAndClose(page, f, 'consent');
    await expect.poll(() => status(page)).toBe('调解中');
    f = await openAction(page, 'admin-mediation.record-session');
    await f.getByLabel('调解地点').fill('镇人民政府调解室');
    await f.getByLabel('参加人员').fill('田某某、杨某某、执法队员');
    await f.getByLabel('调解笔录').fill('双方就赔偿数额协商，杨某某同意赔偿。');
    await submitAndClose(page, f, 'session');

    f = await openAction(page, 'admin-mediation.agreement');
    await f.getByLabel('协议内容（当事人达成的调解协议）').fill('杨某某赔偿田某某林木损失二千元。');
    await f.getByLabel('履行方式和期限').fill('十日内一次付清。');
    await f.getByLabel('当事人各方的责任').fill('杨某某负全部责任。');
    await submit(f);
    const refusal = f.getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('《民间纠纷处理办法》（司法部令第1号）第二条、第三条');
    await f.getByLabel('各方当事人已签名（盖章、按指印），主持调解的工作人员已签名并加盖本机关印章').check();
    await submitAndClose(page, f, 'agreement');
    await expect.poll(() => status(page)).toBe('已达成协议（履行中）');
    await page.getByTestId('outcome').getByText('行调协字〔', { exact: false }).waitFor();
    await accessible(page, 'record-agreed');

    const downloading = page.waitForEvent('download');
    await page.locator('[data-doc="agreement"]').click();
    const text = docxText(readFileSync((await (await downloading).path())!));
    expect(text).toContain('杨某某赔偿田某某林木损失二千元。');
    expect(text).toContain('秀山县妙泉镇人民政府（印章）');
    expect(text).not.toContain('人民调解委员会');

    // The 司法所 reads the count apart from 人民调解 (it does not read the record itself).
    const sifasuo = await h.newPage();
    await h.login(sifasuo, 'sifasuo');
    await sifasuo.goto(`${h.url}/console/mediation-statistics`);
    const admin = sifasuo.getByTestId('statistics-administrative');
    await admin.waitFor();
    await admin.locator('tr', { hasText: '秀山县妙泉镇人民政府' }).waitFor();
    await accessible(sifasuo, 'statistics');
  });
});
