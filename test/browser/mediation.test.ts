/**
 * 人民调解 as the village mediator meets it, in Chromium: tiaojie, who sits on 妙泉村's
 * committee, registers a 土地承包 dispute through the generic, schema-built opening form (a
 * bad ID number refused at its field), records the parties' consent, is designated, records a
 * session, produces a written agreement (refused while unsigned, with its article), and the
 * 司法确认 window shows among the deadlines with its due date; the agreement opens as DOCX
 * with its seal block. axe-core finds no serious or critical violation on the list, the
 * record, the statistics and the committees pages.
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
import { createCommittee } from '../../src/modules/mediation/committees.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';
import { deadlineDue } from '../../src/calendar/deadlines.js';

const idNumber = (first17: string) => first17 + idCheckChar(first17);

describe('人民调解 in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    // 妙泉村's committee, with tiaojie among its members (the 司法所 keeps the roll).
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
    await page.screenshot({ path: join(SHOTS, `mediation-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const select = (page: Page, d: Locator, id: string, ...texts: string[]) => choose(page, d, id, texts, d.locator('.ant-modal-title'));
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
      await page.screenshot({ path: join(SHOTS, `mediation-${name}-failed.png`) });
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

  it('registers a 土地承包 dispute, records a session, produces the agreement, and the 司法确认 window shows', async () => {
    const page = await h.newPage();
    await h.login(page, 'tiaojie');
    await page.goto(`${h.url}/console/disputes`);
    await page.locator('[data-open="dispute.register"]').click();
    const d = modal(page);
    await d.waitFor();
    await settled(d);
    // The committee is chosen among those he sits on (left empty it would be his only one).
    await select(page, d, 'committeeId', '妙泉村人民调解委员会');
    await select(page, d, 'category', '山林土地纠纷（含土地承包经营）');
    const a = d.locator('fieldset[data-group="partyA"]');
    const b = d.locator('fieldset[data-group="partyB"]');
    await a.getByLabel('姓名或名称').fill('田某某');
    const good = idNumber('50024119700315001');
    await a.getByLabel('身份证号或统一社会信用代码').fill(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'));
    await b.getByLabel('姓名或名称').fill('杨某某');
    await b.getByLabel('身份证号或统一社会信用代码').fill(idNumber('50024119720620002'));
    await d.getByLabel('纠纷简要事实').fill('双方承包地相邻，因二轮土地承包经营权边界不清发生争执。');
    await d.getByLabel('争议焦点').fill('承包地界址及地上青苗归属。');
    // Both sides start as 自然人 and the source as 当事人申请 (the console's defaults).
    expect(await d.locator('.ant-form-item:has(#partyA_kind)').textContent()).toContain('自然人');
    expect(await d.locator('.ant-form-item:has(#source)').textContent()).toContain('当事人申请');
    // A wrong check character is refused at its field, in Chinese.
    await submit(d);
    await d
      .getByText(/身份证号第 18 位（校验码）应为/)
      .waitFor()
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(SHOTS, 'mediation-bad-id-failed.png'), fullPage: true });
        throw e;
      });
    await a.getByLabel('身份证号或统一社会信用代码').fill(good);
    await submit(d);
    await page.waitForURL(/\/console\/disputes\/[0-9a-f-]{36}$/);
    await expect.poll(() => status(page)).toBe('已登记（待征询意愿）');
    await accessible(page, 'record-registered');

    // Consent, designation, a session: each the next step the page offers first.
    const today = h.yifa.clock.today();
    let f = await openAction(page, 'dispute.consent');
    await f.getByLabel('征询情况（各方当事人均同意接受调解）').fill('双方当事人均同意由村调委会调解。');
    await submitAndClose(page, f, 'consent');
    await expect.poll(() => status(page)).toBe('调解中');
    f = await openAction(page, 'dispute.assign-mediators');
    const me = await contextOfUser(h.yifa, 'tiaojie');
    const myName = (
      await h.yifa.db.kysely.selectFrom('people').select('name').where('id', '=', me.user.personId!).executeTakeFirstOrThrow()
    ).name;
    await select(page, f, 'personIds', myName);
    await submitAndClose(page, f, 'assign');
    f = await openAction(page, 'dispute.record-session');
    await f.getByLabel('调解地点').fill('妙泉村村委会调解室');
    await f.getByLabel('参加人员').fill('田某某、杨某某、村民小组长');
    await f.getByLabel('调解笔录').fill('调解员听取双方陈述，查阅二轮承包合同，双方同意以合同四至为准。');
    await submitAndClose(page, f, 'session');

    // The agreement: unsigned is refused with Art 29; signed, it is numbered and the window opens.
    f = await openAction(page, 'dispute.written-agreement');
    await f.getByLabel('协议内容（当事人达成的调解协议）').fill('双方以二轮承包合同四至为准，共同埋设界桩。');
    await f.getByLabel('履行方式和期限').fill('十日内共同埋设界桩。');
    await f.getByLabel('当事人各方的责任').fill('双方均未妥善保管原界桩。');
    await submit(f);
    const refusal = f.getByTestId('action-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('《中华人民共和国人民调解法》第二十九条');
    await f.getByLabel('各方当事人已签名（盖章、按指印），调解员已签名并加盖人民调解委员会印章').check();
    await submitAndClose(page, f, 'agreement');
    await expect.poll(() => status(page)).toBe('已达成协议（履行中）');
    const due = deadlineDue(await h.yifa.calendar.table(), { rule: 'mediation.judicial-confirmation', from: today });
    const window = page.locator('tr', { has: page.locator('[data-deadline="mediation.judicial-confirmation"]') });
    await window.waitFor();
    expect(await window.textContent()).toContain(due);
    expect(await window.textContent()).toContain('期间内');
    expect(await page.locator('[data-citation="mediation.judicial-confirmation"]').textContent()).toContain('第三十三条');
    await page.getByTestId('outcome').getByText('妙泉调协字〔2026〕第1号', { exact: false }).waitFor();
    await accessible(page, 'record-agreed');

    // The agreement as DOCX, with the parties' signature lines and the committee's seal block.
    const downloading = page.waitForEvent('download');
    await page.locator('[data-doc="agreement"]').click();
    const text = await docxText(readFileSync((await (await downloading).path())!));
    expect(text).toContain('双方以二轮承包合同四至为准，共同埋设界桩。');
    expect(text).toContain('妙泉村人民调解委员会（印章）');

    // The list, the statistics and the committees pages.
    await page.goto(`${h.url}/console/disputes`);
    await page.locator('tr[data-record]', { hasText: '田某某与杨某某' }).waitFor();
    await accessible(page, 'list');
    await page.goto(`${h.url}/console/mediation-statistics`);
    const stats = page.getByTestId('statistics-by-category');
    await stats.waitFor();
    expect(await stats.locator('tr', { hasText: '山林土地纠纷' }).textContent()).toContain('100%');
    await accessible(page, 'statistics');
    await page.goto(`${h.url}/console/mediation-committees`);
    await page.getByText('妙泉村人民调解委员会').waitFor();
    await accessible(page, 'committees');
  });
});
