/**
 * 行政复议 as the county and the town meet it, in Chromium, on a clock set to just before 国庆
 * 2026: a 妙泉镇 on-the-spot decision is challenged (the application registered by the county's
 * 复议人员, fuyi); fuyi accepts it in the console and sends the copy on 2026-09-29; the town's
 * head (fuzeren) sees the answer due on 2026-10-19 — 10 working days across the holiday — with
 * the red warning of Art 70, and files the answer with the bundle the server assembles from the
 * case; fuyi decides 撤销, and the penalty case page shows the revocation and the withdrawal of
 * its published decision. axe-core finds no serious or critical violation on the list, the
 * record pages and the indicators page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, DEMO_PASSWORD, type BrowserHarness } from './harness.js';
import { choose, openAction as offered, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { Clock } from '../../src/platform/clock.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { openCase } from '../../src/modules/enforcement/service/cases.js';
import { openRecord } from '../../src/procedure/service.js';
import { RECONSIDERATIONS } from '../../src/modules/reconsideration/procedure.js';
import { seedReconsiderationStaff } from '../../src/modules/reconsideration/demo.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

describe('行政复议 in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { clock: new Clock(at('2026-09-14')) });
    await seedReconsiderationStaff(h.yifa, { password: DEMO_PASSWORD });
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `reconsideration-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const date = async (d: Locator, id: string, value: string) => {
    await d.locator(`#${id}`).fill(value);
    await d.locator(`#${id}`).press('Enter');
  };
  const openAction = async (page: Page, type: string, more = false) => {
    await offered(page, type, { more });
    await modal(page).waitFor();
    await settled(modal(page));
    return modal(page);
  };
  const submitAndClose = async (page: Page, d: Locator, name: string) => {
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `reconsideration-${name}-failed.png`) });
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

  it('is accepted by the county, answered by the town across 国庆 with the generated bundle, and decided 撤销 back onto the case', async () => {
    // The town decides on the spot on 2026-09-14; the party applies for reconsideration on 2026-09-21.
    const zhifa1 = { auth: await contextOfUser(h.yifa, 'zhifa1'), idempotencyKey: null, denied: async () => {} };
    const zhifa2 = await contextOfUser(h.yifa, 'zhifa2');
    const decided = await openCase(h.yifa, zhifa1, 'penalty.on-the-spot', {
      party: { kind: 'citizen', name: '吴某某', idNumber: null, address: '秀山县妙泉镇某某村', phone: null, representative: null },
      field: '综合行政执法',
      on: '2026-09-14',
      place: '某某村林区',
      officers: [zhifa1.auth.user.personId, zhifa2.user.personId],
      violationTypeId: 'wild-fire',
      circumstanceId: 'ordinary',
      facts: '森林防火期内在林区边缘焚烧纸钱',
      basis: '《森林防火条例》第五十条',
      told: true,
      statement: null,
      statementReply: null,
      kinds: ['fine'],
      fineFen: 20_000,
      confiscationFen: 0,
      mitigation: [],
      signed: true,
      refusalNote: null,
      cashCollected: false,
      cashGround: null,
      cashGroundNote: null,
      receiptNumber: null,
    });
    const number = decided.case.decision?.number as string;
    h.yifa.clock.source = at('2026-09-21');
    const fuyiReq = { auth: await contextOfUser(h.yifa, 'fuyi'), idempotencyKey: null, denied: async () => {} };
    await openRecord(h.yifa, fuyiReq, RECONSIDERATIONS, 'reconsideration.receive', {
      channel: 'letter',
      receivedOn: '2026-09-21',
      applicant: { kind: 'citizen', name: '吴某某', idNumber: '', phone: '13800001234', address: '秀山县妙泉镇某某村' },
      respondentAgencyId: decided.agency.id,
      challengedCaseId: decided.id,
      challengedAct: `${number}当场行政处罚决定`,
      knewOn: '2026-09-14',
      requests: '撤销该行政处罚决定',
      reasons: '申请人焚烧纸钱处不在林区范围内',
      lateException: null,
    });

    // The county accepts it in the console.
    h.yifa.clock.source = at('2026-09-24');
    const county = await h.newPage();
    await h.login(county, 'fuyi');
    await county.goto(`${h.url}/console/reconsiderations`);
    const row = county.locator('tr[data-record]', { hasText: '吴某某' });
    await row.waitFor();
    expect(await row.textContent()).toContain('待审查');
    await accessible(county, 'list');
    await row.getByRole('link').click();
    await county.waitForURL(/\/console\/reconsiderations\/[0-9a-f-]{36}$/);
    const recordUrl = county.url();
    await expect.poll(() => status(county)).toBe('待审查');
    expect(await county.locator('[data-citation="reconsideration.acceptance"]').textContent()).toContain('第三十条');
    await accessible(county, 'record-received');
    let d = await openAction(county, 'reconsideration.accept');
    await date(d, 'on', '2026-09-24');
    await submitAndClose(county, d, 'accept');
    await expect.poll(() => status(county)).toBe('已受理（待发送副本）');

    // Days pass: the session ends with the idle time, so each day starts with a login.
    h.yifa.clock.source = at('2026-09-29');
    await h.login(county, 'fuyi');
    await county.goto(recordUrl);
    d = await openAction(county, 'reconsideration.send-copy');
    await date(d, 'on', '2026-09-29');
    await submitAndClose(county, d, 'send-copy');
    await expect.poll(() => status(county)).toBe('待被申请人答复');

    // The town's head sees the answer due on 2026-10-19 (国庆 10-01 to 10-07 not counted, Saturday 10-10 worked) and the Art 70 warning.
    const town = await h.newPage();
    await h.login(town, 'fuzeren');
    await town.goto(recordUrl);
    await town.getByTestId('answer-due').waitFor();
    expect(await town.getByTestId('answer-due').textContent()).toContain('2026-10-19');
    expect(await town.getByTestId('answer-due').textContent()).toContain('第七十条');
    expect(await town.locator('[data-deadline="reconsideration.answer"]').getAttribute('data-state')).toBe('ok');
    await town.getByTestId('answer-bundle').waitFor();
    await accessible(town, 'record-answering');
    d = await openAction(town, 'reconsideration.file-answer');
    await date(d, 'on', '2026-09-29');
    await d.getByLabel('书面答复').fill('申请人在林区边缘焚烧纸钱，有现场照片和询问笔录为证，原决定事实清楚，请予维持。');
    await submitAndClose(town, d, 'file-answer');
    await town.getByTestId('answer').waitFor();
    expect(await town.getByTestId('answer').textContent()).not.toContain('逾期');

    // The county decides 撤销.
    h.yifa.clock.source = at('2026-10-09');
    await h.login(county, 'fuyi');
    await county.goto(recordUrl);
    d = await openAction(county, 'reconsideration.decide');
    await date(d, 'on', '2026-10-09');
    await choose(county, d, 'type', ['撤销（'], d.locator('.ant-modal-title'));
    await d.getByLabel('认定的事实、理由和依据').fill('被申请人提供的照片不能证明焚烧地点位于林区范围内，认定事实的主要证据不足。');
    await submitAndClose(county, d, 'decide');
    await expect.poll(() => status(county)).toBe('已决定');
    await accessible(county, 'record-decided');

    // The penalty case shows the revocation and the withdrawal of its publication within 3 working days.
    await h.login(town, 'fuzeren');
    await town.goto(`${h.url}/console/penalty-cases/${decided.id}`);
    const changes = town.getByTestId('decision-changes');
    await changes.waitFor();
    expect(await changes.textContent()).toContain('撤销');
    expect(await town.locator('[data-citation="penalty.disclosure-withdrawal"]').count()).toBeGreaterThan(0);

    // The indicators count it as corrected, and the figure opens the list.
    await county.goto(`${h.url}/console/reconsideration-indicators`);
    const table = county.getByTestId('reconsideration-indicators');
    await table.waitFor();
    await table.getByRole('button', { name: /纠错案件 1 件/ }).click();
    await county.getByTestId('indicator-cases').getByText('吴某某').waitFor();
    await accessible(county, 'indicators');
  });
});
