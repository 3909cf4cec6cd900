/**
 * A general-procedure penalty case as the people who run it meet it, in Chromium: two
 * officers investigate, the party asks for a hearing, the legal adviser reviews, the
 * town head decides; the decision document is downloaded and opened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, openAction, settled } from './antd.js';
import { docxText } from '../helpers/docx-text.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

describe('a penalty case in the browser', () => {
  let h: BrowserHarness;
  // The case runs over 15 days of the installation's clock, on which sessions expire: the logins last a month.
  beforeAll(async () => {
    h = await startHarness('sqlite', { config: { sessionMinutes: 30 * 24 * 60 } });
  });
  afterAll(async () => h?.close());

  const select = (page: Page, d: Locator, id: string, ...texts: string[]) => choose(page, d, id, texts, d.locator('.ant-modal-title'));
  const text = (d: Locator, id: string, value: string) => d.locator(`#${id}`).fill(value);
  const date = async (d: Locator, id: string, value: string) => {
    await d.locator(`#${id}`).fill(value);
    await d.locator(`#${id}`).press('Enter');
  };
  const tags = async (d: Locator, id: string, values: string[]) => {
    for (const v of values) {
      await d.locator(`#${id}`).fill(v);
      await d.locator(`#${id}`).press('Enter');
    }
  };
  /**
   * Opens an action's form on the case page — one of the next steps shown first, unless
   * `more` (then under 更多操作) — fills it, submits, and waits for it to close.
   */
  const act = async (page: Page, type: string, fill: (d: Locator) => Promise<void>, more = false) => {
    const d = page.locator('.ant-modal-container:visible');
    await openAction(page, type, { more });
    await d.waitFor();
    await settled(d);
    await fill(d);
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `act-failed-${type}.png`) });
      throw e;
    });
  };
  const status = (page: Page) => page.getByTestId('case-status');

  it('two officers run a case from 立案 to 归档 with a hearing and legal review; the 决定书 has every Art 59 item', async () => {
    const db = h.yifa.db.kysely;
    const officerNames = await db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select(['users.username', 'people.name'])
      .where('users.username', 'in', ['zhifa1', 'zhifa2'])
      .execute();
    const [name1, name2] = ['zhifa1', 'zhifa2'].map((u) => officerNames.find((o) => o.username === u)!.name);
    const chair = (await db.selectFrom('people').select('name').where('post', '=', '综合行政执法办公室主任').executeTakeFirstOrThrow())
      .name;

    h.yifa.clock.source = at('2026-03-02');
    const officer = await h.newPage();
    await h.login(officer, 'zhifa1');
    const head = await h.newPage();
    await h.login(head, 'fuzeren');
    const reviewer = await h.newPage();
    await h.login(reviewer, 'fazhi');

    // 案源登记
    await officer.goto(`${h.url}/console/penalty-cases`);
    await officer.getByTestId('register-case').click();
    const reg = officer.getByRole('dialog');
    await settled(officer.locator('.ant-modal-container:visible'));
    await select(officer, reg, 'source_kind', '巡查发现');
    await text(reg, 'source_summary', '巡查发现某某村3组有未批先建的厂房');
    await select(officer, reg, 'party_kind', '法人或者其他组织');
    await text(reg, 'party_name', '秀山县某某建材有限公司');
    await text(reg, 'party_address', '秀山县妙泉镇某某村3组');
    await text(reg, 'party_representative', '王某某');
    await text(reg, 'field', '综合行政执法');
    await reg.getByRole('button', { name: /提\s*交/ }).click();
    await officer.waitForURL(/\/console\/penalty-cases\/[0-9a-f-]{36}$/);
    const caseUrl = officer.url();
    await expect.poll(() => status(officer).textContent()).toBe('案源登记');

    await act(officer, 'penalty.request-filing', async (d) => {
      await select(officer, d, 'violationTypeId', '乡村建设规划许可证');
      await date(d, 'actOn', '2026-02-20');
      await select(officer, d, 'officers', name1!, name2!);
      await text(d, 'summary', '未取得乡村建设规划许可证建设厂房约 600 平方米');
    });
    await head.goto(caseUrl);
    await act(head, 'penalty.approve', async (d) => {
      // The approval knows its request: nothing to pick, the request shown as the officer made it.
      expect(await d.locator('#kind').count()).toBe(0);
      const request = await d.getByTestId('payload-summary').textContent();
      expect(request).toContain('审批事项：立案');
      expect(request).toContain(name1!);
      await text(d, 'opinion', '同意立案');
    });
    await expect.poll(() => status(head).textContent()).toBe('调查取证');

    await officer.reload();
    const record = (kind: string, summary: string, more = false) =>
      act(
        officer,
        kind,
        async (d) => {
          await text(d, 'place', '某某村3组');
          await select(officer, d, 'officers', name1!, name2!);
          await text(d, 'subject', '王某某');
          await text(d, 'summary', summary);
        },
        more,
      );
    await record('penalty.record-inspection', '现场有在建厂房一处，未见规划许可公示');
    // With one 笔录 made, the report comes next; a further 笔录 is under 更多操作.
    await record('penalty.record-inquiry', '当事人承认未办理乡村建设规划许可证', true);
    await act(officer, 'penalty.add-evidence', async (d) => {
      await select(officer, d, 'type', '视听资料');
      await text(d, 'title', '现场执法记录仪视频');
      await text(d, 'description', '现场检查全过程，时长 12 分钟');
      await text(d, 'source', '执法记录仪 MQ-01');
    });
    await act(officer, 'penalty.conclude-investigation', async (d) => {
      await text(d, 'facts', '当事人未取得乡村建设规划许可证，擅自建设厂房约 600 平方米');
      await text(d, 'evidenceSummary', '现场检查笔录、询问笔录、视听资料');
      await select(officer, d, 'outcome', '给予行政处罚');
      await select(officer, d, 'kinds', '罚款');
      // A negative fine is refused at its field, not clamped to 0.
      await d.locator('#fineFen').fill('-200');
      await d.getByRole('button', { name: /提\s*交/ }).click();
      await d.getByText('不能小于 0元').waitFor();
      await d.locator('#fineFen').fill('200000');
      await text(d, 'basis', '《中华人民共和国城乡规划法》第六十五条');
      await select(officer, d, 'circumstanceId', '严重');
    });
    await expect.poll(() => status(officer).textContent()).toBe('调查终结');

    h.yifa.clock.source = at('2026-03-03');
    await officer.reload();
    await act(officer, 'penalty.serve-notice', async (d) => {
      await select(officer, d, 'method', '直接送达');
    });

    // Inside the hearing window the head is not offered 作出决定; the page says what stands in its way, with the article.
    h.yifa.clock.source = at('2026-03-04');
    await head.reload();
    const blockers = head.getByTestId('decision-blockers');
    await blockers.waitFor();
    expect(await blockers.textContent()).toContain('第六十四条');
    // Not among the next steps, nor under 更多操作 (opened, so its items are on the page).
    if (await head.getByTestId('more-actions').count()) {
      await head.getByTestId('more-actions').click();
      await head.locator('.ant-dropdown-menu').waitFor();
    }
    expect(await head.locator('[data-action="penalty.decide"]').count()).toBe(0);
    await head.keyboard.press('Escape');
    await head.screenshot({ path: join(SHOTS, 'penalty-refused-in-window.png') });

    await officer.reload();
    await act(officer, 'penalty.request-hearing', async () => {}, true);
    await act(officer, 'penalty.notify-hearing', async (d) => {
      await date(d, 'hearingDate', '2026-03-16');
      await text(d, 'place', '妙泉镇人民政府三楼会议室');
      await select(officer, d, 'chairPersonId', chair);
    });
    await expect.poll(() => status(officer).textContent()).toBe('听证');

    h.yifa.clock.source = at('2026-03-16');
    await officer.reload();
    await act(officer, 'penalty.hold-hearing', async (d) => {
      await tags(d, 'agents', ['王某某', '律师李某某']);
      await text(d, 'record', '调查人员陈述案件事实，当事人申辩厂房系自用');
      await d.locator('#signed').click();
    });
    await act(officer, 'penalty.report-hearing', async (d) => {
      await text(d, 'report', '建议维持拟处罚意见');
    });
    await act(officer, 'penalty.submit-review', async (d) => {
      await text(d, 'materials', '情况说明、拟决定书、证据、听证笔录');
    });
    await expect.poll(() => status(officer).textContent()).toBe('法制审核');

    await reviewer.goto(caseUrl);
    await act(reviewer, 'penalty.review-opinion', async (d) => {
      await select(reviewer, d, 'conclusion', '同意');
      await text(d, 'text', '同意拟处罚意见');
    });
    await head.reload();
    await act(head, 'penalty.collective-discussion', async (d) => {
      await tags(d, 'participants', ['镇长', '分管副镇长', '纪委书记']);
      await text(d, 'conclusion', '同意罚款二十万元');
    });
    await act(head, 'penalty.decide', async (d) => {
      await text(d, 'reasoning', '当事人违法事实清楚，证据确凿');
    });
    await expect.poll(() => status(head).textContent()).toBe('已决定待送达');

    // The officer downloads the 决定书 and it carries every Art 59 item.
    await officer.reload();
    await officer.locator('[data-doc="decision"]').waitFor();
    const downloading = officer.waitForEvent('download');
    await officer.locator('[data-doc="decision"]').click();
    const file = readFileSync((await (await downloading).path())!);
    const body = docxText(file);
    for (const item of [
      '秀山县某某建材有限公司',
      '秀山县妙泉镇某某村3组',
      '擅自建设厂房约 600 平方米',
      '现场执法记录仪视频',
      '罚款人民币贰拾万元整',
      '第六十五条',
      '十五日内',
      '申请行政复议',
      '提起行政诉讼',
      '秀山县妙泉镇人民政府',
      '2026年3月16日',
      '妙泉罚决字〔2026〕第',
    ]) {
      expect(body, item).toContain(item);
    }

    h.yifa.clock.source = at('2026-03-17');
    await officer.goto(caseUrl);
    await officer.locator('[data-action="penalty.serve-decision"]').waitFor();
    await act(officer, 'penalty.serve-decision', async (d) => {
      await select(officer, d, 'method', '直接送达');
      await text(d, 'recipient', '王某某');
    });
    await act(officer, 'penalty.record-payment', async (d) => {
      await d.locator('#amountFen').fill('200000');
      await text(d, 'receipt', '非税收入一般缴款书 No.0012345');
    });
    await act(officer, 'penalty.close', async (d) => {
      await text(d, 'report', '当事人已缴清罚款，案件办结');
    });
    await head.reload();
    // Closed: the 案卷评查 pre-check that gates 归档 is on the page. No audio-visual records were filed in this
    // story: that is its one deduction, and under the agency's rule for recordings (warn) it only needs acknowledging.
    const check = head.getByTestId('file-check');
    await check.waitFor();
    expect(await check.getAttribute('data-state')).toBe('deductions');
    expect(await check.locator('[data-missing]').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-missing')))).toEqual([
      'recordings',
    ]);
    expect(await check.getByTestId('file-check-archive').textContent()).toContain('归档时须确认知悉');
    await act(head, 'penalty.archive', async (d) => {
      await d.locator('#acknowledgeWarnings').click();
    });
    await expect.poll(() => status(head).textContent()).toBe('已归档');
    // Archived: the acknowledged deduction stays beside a score that accounts for it.
    await expect.poll(() => check.getByTestId('file-check-acknowledged').textContent()).toContain('缺少音像记录');
    expect(await check.getByTestId('file-check-score').textContent()).toMatch(/^\d+\/100 分（扣 \d+ 分）/);
    await head.screenshot({ path: join(SHOTS, 'penalty-archived.png'), fullPage: true });
  });
});
