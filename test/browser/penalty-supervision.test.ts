/**
 * The county's supervisor (jiandu) over the towns' penalty cases, in Chromium: the list
 * filtered by 执法主体, 执法人员, 违法行为 and 超期 (in the URL, across pages of the
 * cursor), the 案卷评查 pre-check on the case page, the case file exported as a ZIP; and
 * an officer making an on-the-spot decision on a phone-sized screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, SHOTS, startHarness, type BrowserHarness } from './harness.js';
import { choose, option, settled } from './antd.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';
import { createUser } from '../../src/modules/org/service/users.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { openCase } from '../../src/modules/enforcement/service/cases.js';
import { todayInChina } from '../../src/calendar/legal-date.js';
import { DEMO_BENCHMARKS } from '../../src/modules/enforcement/benchmarks-demo.js';

interface FileCheck {
  passed: boolean;
  score: number;
  outOf: number;
  vetoFailed: { id: string }[];
  missing: { id: string; points: number }[];
  pending: { id: string; dueFromName: string }[];
  acknowledged: string[];
}

/** Cases the second town registers: more than one page of the console's list (50). */
const QINGXI_CASES = 53;

describe('penalty cases under supervision', () => {
  let h: BrowserHarness;
  let miaoquan: string;
  let qingxi: string;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await seedDemoCases(h.yifa); // 妙泉镇: a year of cases, some overdue, closed and archived
    // 清溪场镇 gets an officer login and cases of its own, so the supervisor sees two towns.
    const db = h.yifa.db.kysely;
    const agencies = await db.selectFrom('agencies').select(['id', 'name', 'region_id']).execute();
    miaoquan = agencies.find((a) => a.name === '秀山县妙泉镇人民政府')!.id;
    const q = agencies.find((a) => a.name === '秀山县清溪场镇人民政府')!;
    qingxi = q.id;
    const person = await db.selectFrom('people').select('id').where('agency_id', '=', qingxi).orderBy('id').executeTakeFirstOrThrow();
    await createUser(h.yifa, null, {
      username: 'qingxi1',
      displayName: '清溪场镇执法队员',
      password: DEMO_PASSWORD,
      personId: person.id,
      agencyId: qingxi,
      regionId: q.region_id,
      dataScope: 'level',
      roles: ['officer'],
    });
    const as = { auth: await contextOfUser(h.yifa, 'qingxi1'), denied: async () => {} };
    // Registered through the year, so that the unfiltered list mixes the two towns on every page.
    const realClock = h.yifa.clock.source;
    try {
      for (let i = 1; i <= QINGXI_CASES; i++) {
        const at = new Date(realClock().getTime() - i * 5 * 86_400_000);
        h.yifa.clock.source = () => at;
        await openCase(h.yifa, as, 'penalty.register', {
          source: { kind: 'patrol', summary: `巡查发现清溪村第${i}处乱倒垃圾`, receivedOn: todayInChina(at) },
          party: {
            kind: 'citizen',
            name: `清溪当事人${i}`,
            idNumber: null,
            address: '秀山县清溪场镇清溪村',
            phone: null,
            representative: null,
          },
          field: '综合行政执法',
        });
      }
    } finally {
      h.yifa.clock.source = realClock;
    }
  });
  afterAll(async () => h?.close());

  const db = () => h.yifa.db.kysely;
  const today = () => h.yifa.clock.today();
  const sorted = (ids: string[]) => [...ids].sort();
  /** The case ids the list shows now. */
  const listed = async (page: Page) =>
    sorted(await page.locator('.ant-table-tbody tr[data-row-key]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-key')!)));
  /** Picks a filter's option (the list's filters are selects outside any form). */
  const pick = async (page: Page, testId: string, text: string) => {
    await page.getByTestId(testId).click();
    await settled(option(page, text));
    await option(page, text).click();
  };

  it('the supervisor filters the county list by agency, officer, violation type and overdue; filters stay in the URL and across pages', async () => {
    const all = await db()
      .selectFrom('penalty_cases')
      .select(['id', 'agency_id', 'next_due', 'violation_type_id', 'officer_ids'])
      .execute();
    const ofQingxi = sorted(all.filter((c) => c.agency_id === qingxi).map((c) => c.id));
    const ofMiaoquan = sorted(all.filter((c) => c.agency_id === miaoquan).map((c) => c.id));
    const overdueInMiaoquan = sorted(
      all.filter((c) => c.agency_id === miaoquan && c.next_due !== null && c.next_due < today()).map((c) => c.id),
    );
    expect(ofQingxi).toHaveLength(QINGXI_CASES);
    expect(ofMiaoquan.length).toBeGreaterThan(5);
    expect(overdueInMiaoquan.length).toBeGreaterThan(0);
    expect(overdueInMiaoquan.length).toBeLessThan(ofMiaoquan.length);

    const page = await h.newPage();
    await h.login(page, 'jiandu');
    await page.goto(`${h.url}/console/penalty-cases`);
    // Unfiltered, the first page mixes both towns.
    await expect
      .poll(async () => {
        const ids = await listed(page);
        return ids.length === 50 && ids.some((id) => ofMiaoquan.includes(id)) && ids.some((id) => ofQingxi.includes(id));
      })
      .toBe(true);

    // 执法主体 = 清溪场镇: only its cases, page by page.
    await pick(page, 'filter-agency', '秀山县清溪场镇人民政府');
    await expect.poll(() => page.url()).toContain(`agencyId=${qingxi}`);
    await expect
      .poll(async () => (await listed(page)).every((id) => ofQingxi.includes(id)) && (await listed(page)).length === 50)
      .toBe(true);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => listed(page)).toEqual(ofQingxi);
    await expect(page.getByRole('button', { name: '加载更多' }).count()).resolves.toBe(0);

    // The filtered list is a bookmark: a reload shows the same filter and the same rows.
    await page.reload();
    await expect.poll(() => page.getByTestId('filter-agency').textContent()).toContain('秀山县清溪场镇人民政府');
    await expect
      .poll(async () => {
        const ids = await listed(page);
        return ids.length === 50 && ids.every((id) => ofQingxi.includes(id));
      })
      .toBe(true);

    // 执法主体 = 妙泉镇, then 仅看超期.
    await pick(page, 'filter-agency', '秀山县妙泉镇人民政府');
    await expect.poll(() => listed(page)).toEqual(ofMiaoquan);
    await page.getByText('仅看超期').click();
    await expect.poll(() => page.url()).toContain('overdue=true');
    await expect.poll(() => listed(page)).toEqual(overdueInMiaoquan);
    for (const due of await page.locator('.ant-table-tbody [data-due]').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-due'))))
      expect(due).toBe('overdue');
    await page.screenshot({ path: join(SHOTS, 'penalty-supervisor-filtered.png'), fullPage: true });

    // Opened from a bookmark: 违法行为类型 and 执法人员 (shown by name though not picked in this session).
    const zhifa2 = await db()
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select(['people.id', 'people.name'])
      .where('users.username', '=', 'zhifa2')
      .executeTakeFirstOrThrow();
    await page.goto(`${h.url}/console/penalty-cases?queue=all&violationTypeId=straw-burning&officerId=${zhifa2.id}`);
    const expected = sorted(
      all.filter((c) => c.violation_type_id === 'straw-burning' && c.officer_ids.includes(`,${zhifa2.id},`)).map((c) => c.id),
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => listed(page)).toEqual(expected);
    await expect.poll(() => page.getByTestId('filter-officer').textContent()).toContain(zhifa2.name);
    await expect.poll(() => page.getByTestId('filter-violation-type').textContent()).toContain('露天焚烧秸秆');
    await page.close();
  });

  const fileCheckOf = async (page: Page, id: string) =>
    ((await (await page.request.get(`${h.url}/api/v1/penalty-cases/${id}`)).json()) as { fileCheck: FileCheck }).fileCheck;
  const expectCard = async (card: Locator, check: FileCheck) => {
    await expect
      .poll(() => card.getAttribute('data-state'))
      .toBe(
        check.vetoFailed.length
          ? 'veto'
          : check.missing.length || check.acknowledged.length
            ? 'deductions'
            : check.pending.length
              ? 'on-track'
              : 'passed',
      );
    expect(await card.getByTestId('file-check-score').textContent()).toContain(`${check.score}/${check.outOf} 分`);
    expect(sorted(await card.locator('[data-veto]').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-veto')!)))).toEqual(
      sorted(check.vetoFailed.map((v) => v.id)),
    );
    expect(sorted(await card.locator('[data-missing]').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-missing')!)))).toEqual(
      sorted(check.missing.map((m) => m.id)),
    );
  };

  it('each cell of the 音像记录 coverage grid opens the case list on as many cases as it counts', async () => {
    const page = await h.newPage();
    await h.login(page, 'jiandu');
    await page.goto(`${h.url}/console/recording-coverage`);
    await page.getByTestId('coverage-table').locator('[data-agency]').first().waitFor();
    // A month of the demo town with a case still missing a recording: the link goes to those cases.
    const cells = page.locator(`[data-testid^="coverage-${miaoquan}-2"]`);
    const counts = await cells.evaluateAll((xs) =>
      xs.map((x) => ({ id: x.getAttribute('data-testid')!, count: Number(x.getAttribute('data-count')), href: x.getAttribute('href')! })),
    );
    const cell = counts.find((c) => c.href.includes('recording=missing') && c.count > 0)!;
    expect(cell, JSON.stringify(counts)).toBeDefined();
    await page.getByTestId(cell.id).click();
    await page.waitForURL(/\/console\/penalty-cases\?/);
    expect(new URL(page.url()).searchParams.get('recording')).toBe('missing');
    await expect.poll(() => page.getByTestId('filter-recording').textContent()).toContain('缺少音像记录的案件');
    await expect.poll(() => page.locator('tr[data-case]').count()).toBe(cell.count);
    // And the row for all twelve months of the town.
    await page.goBack();
    const all = page.getByTestId(`coverage-${miaoquan}-all`);
    await all.waitFor();
    const allCount = Number(await all.getAttribute('data-count'));
    await all.click();
    await page.waitForURL(/registeredTo=/);
    await expect.poll(() => page.locator('tr[data-case]').count()).toBe(allCount);
    await page.screenshot({ path: join(SHOTS, 'coverage-cell-cases.png'), fullPage: true });
    await page.close();
  });

  it('a closed case shows the 案卷评查 card first, and its case file downloads as a ZIP', async () => {
    const closed = await db().selectFrom('penalty_cases').select('id').where('status', '=', 'closed').executeTakeFirstOrThrow();
    const page = await h.newPage();
    await h.login(page, 'jiandu');
    await page.goto(`${h.url}/console/penalty-cases/${closed.id}`);
    const card = page.getByTestId('file-check');
    await card.waitFor();
    await expectCard(card, await fileCheckOf(page, closed.id));
    // Closed: the archive gate is spelled out, and the card stands above the deadlines and documents.
    expect(await card.getByTestId('file-check-archive').textContent()).toContain('归档前须通过案卷评查');
    const cardTop = (await card.boundingBox())!.y;
    const deadlinesTop = (await page.locator('.ant-card', { hasText: '法定期限' }).last().boundingBox())!.y;
    expect(cardTop).toBeLessThan(deadlinesTop);
    await page.screenshot({ path: join(SHOTS, 'penalty-closed-file-check.png'), fullPage: true });

    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-case-file').click();
    const download = await downloading;
    const zip = readFileSync((await download.path())!);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zip.length).toBeGreaterThan(10_000);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const entries = Object.keys(unzipSync(new Uint8Array(zip)));
    expect(entries).toEqual(expect.arrayContaining(['case-file.pdf', 'manifest.json', 'journal/proofs.json']));
    expect(entries.some((e) => e.startsWith('documents/') && e.endsWith('.docx'))).toBe(true);
    await page.close();
  });

  it('an open case is checked on what its stage requires: no red for steps not reached, the later items muted', async () => {
    const rows = await db()
      .selectFrom('penalty_cases')
      .select(['id', 'status'])
      .where('party_name', 'in', ['韩某某', '褚某某'])
      .where('status', 'in', ['registered', 'investigating'])
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['investigating', 'registered']);
    const page = await h.newPage();
    await h.login(page, 'jiandu');
    for (const open of rows) {
      await page.goto(`${h.url}/console/penalty-cases/${open.id}`);
      const card = page.getByTestId('file-check');
      await card.waitFor();
      const check = await fileCheckOf(page, open.id);
      // Neither case has reached its report or decision: no veto item is failed for them, the score is not 0.
      expect(check.vetoFailed).toEqual([]);
      expect(check.score).toBeGreaterThan(0);
      expect(check.pending.map((p) => p.id)).toEqual(expect.arrayContaining(['facts', 'reasoned', 'performance']));
      await expectCard(card, check);
      expect(await card.getAttribute('data-state')).not.toBe('veto');
      expect(await card.locator('.ant-alert-error').count()).toBe(0);
      expect(await card.getByTestId('file-check-basis').textContent()).toContain('按当前阶段应有的项目预查');
      for (const m of check.missing) expect(await card.locator(`[data-missing="${m.id}"]`).textContent()).toContain(`−${m.points} 分`);
      // What comes later is listed, muted (antd's secondary text), under the step it waits for.
      const later = card.getByTestId('file-check-pending');
      expect(sorted(await later.locator('[data-pending]').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-pending')!)))).toEqual(
        sorted(check.pending.map((p) => p.id)),
      );
      expect(await later.textContent()).toContain('调查终结后：');
      expect(await later.locator('.ant-typography-secondary').count()).toBeGreaterThan(0);
      expect(await card.getByTestId('file-check-archive').count()).toBe(0); // not closed: no archive verdict yet
      if (open.status === 'registered') await page.screenshot({ path: join(SHOTS, 'penalty-new-file-check.png'), fullPage: true });
    }
    await page.close();
  });

  it('an archived case with an acknowledged deduction shows it beside a score that accounts for it', async () => {
    const archived = await db().selectFrom('penalty_cases').select(['id', 'state']).where('status', '=', 'archived').execute();
    const warned = archived.find((r) => (JSON.parse(r.state) as { archiveWarnings: string[] }).archiveWarnings.length > 0)!;
    expect(warned).toBeDefined();
    const page = await h.newPage();
    await h.login(page, 'jiandu');
    await page.goto(`${h.url}/console/penalty-cases/${warned.id}`);
    const card = page.getByTestId('file-check');
    await card.waitFor();
    const check = await fileCheckOf(page, warned.id);
    expect(check.acknowledged.length).toBeGreaterThan(0);
    expect(check.passed).toBe(false);
    expect(check.score).toBeLessThan(check.outOf);
    await expectCard(card, check);
    expect(await card.getAttribute('data-state')).toBe('deductions');
    expect(await card.getByTestId('file-check-acknowledged').textContent()).toContain(check.acknowledged[0]!);
    await page.close();
  });

  it("提请立案审批 offers only the violation types of the case's 执法类别", async () => {
    const registered = await db()
      .selectFrom('penalty_cases')
      .select(['id', 'field'])
      .where('status', '=', 'registered')
      .where('agency_id', '=', miaoquan)
      .executeTakeFirstOrThrow();
    const page = await h.newPage();
    await h.login(page, 'zhifa1');
    await page.goto(`${h.url}/console/penalty-cases/${registered.id}`);
    await page.locator('[data-action="penalty.request-filing"]').click();
    const d = page.locator('.ant-modal-container:visible');
    // A click aimed while the modal zooms in can land on the mask and close it.
    await d.waitFor();
    await settled(d);
    await d.locator('#violationTypeId').click({ force: true });
    const offered = () => page.locator('.ant-select-item-option:visible').evaluateAll((os) => os.map((o) => o.textContent ?? ''));
    const expected = DEMO_BENCHMARKS.filter((v) => v.field === registered.field).map((v) => v.name);
    expect(expected.length).toBeLessThan(DEMO_BENCHMARKS.length); // other fields exist and must not be offered
    await expect.poll(async () => sorted(await offered())).toEqual(sorted(expected));
    await page.close();
  });

  it('an officer makes an on-the-spot decision on a 375×812 screen: no sideways scrolling, 提交 in reach', async () => {
    const names = await db()
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select(['users.username', 'people.name'])
      .where('users.username', 'in', ['zhifa1', 'zhifa2'])
      .execute();
    const context = await h.browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await h.login(page, 'zhifa1');
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto(`${h.url}/console/penalty-cases`);
    await page.locator('.ant-table-tbody tr[data-row-key]').first().waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(375);

    await page.getByTestId('on-the-spot').click();
    const d = page.locator('.ant-modal-container:visible');
    await d.waitFor();
    await settled(d);
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    const box = (await d.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const submit = d.getByRole('button', { name: /提\s*交/ });
    const inReach = async () => {
      const b = (await submit.boundingBox())!;
      return b.y >= 0 && b.y + b.height <= 812;
    };
    expect(await inReach()).toBe(true); // without scrolling the page
    await page.screenshot({ path: join(SHOTS, 'penalty-on-the-spot-phone.png') });

    const select = (id: string, ...texts: string[]) => choose(page, d, id, texts, d.locator('.ant-modal-title'));
    // No violation type is offered until the 执法类别 is known; then only that field's.
    await d.locator('#violationTypeId').click({ force: true });
    await page.locator('.ant-select-dropdown:visible', { hasText: '请先填写执法类别' }).waitFor();
    expect(await page.locator('.ant-select-item-option:visible').count()).toBe(0);
    await d.locator('.ant-modal-title').click();
    await select('party_kind', '公民');
    await d.locator('#party_name').fill('手机某某');
    await d.locator('#party_address').fill('秀山县妙泉镇某某村');
    await d.locator('#field').fill('综合行政执法');
    await d.locator('.ant-modal-title').click();
    await d.locator('#place').fill('妙泉镇集镇');
    await select('officers', ...['zhifa1', 'zhifa2'].map((u) => `${names.find((n) => n.username === u)!.name}（综合行政执法队员）`));
    await select('violationTypeId', '随意倾倒');
    await select('circumstanceId', '轻微');
    await d.locator('#facts').fill('在集镇街道随意倾倒生活垃圾');
    await d.locator('#basis').fill('《中华人民共和国固体废物污染环境防治法》第一百一十一条');
    await d.locator('#told').click();
    await select('kinds', '罚款');
    await d.locator('#fineFen').fill('100');
    await d.locator('#signed').click();
    // ¥100: cash on the spot needs no further ground (Art 68(1)), only the receipt (Art 70).
    await d.locator('#cashCollected').click();
    await d.locator('#receiptNumber').fill('渝财罚 000777');
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    expect(await inReach()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'penalty-on-the-spot-phone-filled.png') });
    await submit.click();
    await page.waitForURL(/\/console\/penalty-cases\/[0-9a-f-]{36}$/, { timeout: 15_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'penalty-on-the-spot-phone-failed.png') });
      throw new Error(
        `not submitted: ${await d
          .getByTestId('action-error')
          .textContent()
          .catch(() => '(no refusal shown)')}`,
        { cause: e },
      );
    });
    await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('执行');
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    const created = await db()
      .selectFrom('penalty_cases')
      .select(['procedure', 'violation_type_id', 'fine_fen'])
      .where('id', '=', page.url().split('/').at(-1)!)
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({ procedure: 'simple', violation_type_id: 'waste-dumping', fine_fen: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'penalty-on-the-spot-phone-case.png'), fullPage: true });
    await context.close();
  });
});
