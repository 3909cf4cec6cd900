/**
 * The simple procedure to the letter, as an officer meets it in Chromium on a training
 * clock: a 15-year-old's on-the-spot fine is held to a mandatory 从轻 (行政处罚法 Art 30); a
 * ¥150 fine cannot be taken in cash without a recorded ground (Art 68); left unpaid, the fine
 * grows by 3 % a day up to the fine itself (Art 72) and a 催告书 is served that states it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, openAction, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { Clock } from '../../src/platform/clock.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';

/** Born 2010-06-15: 15 on 2026-03-02. */
const FIFTEEN = withIdCheckChar('50024120100615003');

describe('an on-the-spot decision to the letter', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite', {
      clock: Clock.trainingFrom(new Date('2026-03-02T09:00:00+08:00')),
      // The story runs over two months of the clock, on which sessions expire.
      config: { sessionMinutes: 120 * 24 * 60 },
    });
  }, 300_000);
  afterAll(async () => h?.close());

  const refusal = (d: Locator) => d.getByTestId('action-error').textContent();

  it('holds a minor to 从轻, refuses cash without a ground, then lets the unpaid fine grow until a 催告书 is served', async () => {
    const db = h.yifa.db.kysely;
    const names = await db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select(['users.username', 'people.name'])
      .where('users.username', 'in', ['zhifa1', 'zhifa2'])
      .execute();
    const page: Page = await h.newPage();
    await h.login(page, 'zhifa1');
    await page.goto(`${h.url}/console/penalty-cases`);
    await page.getByTestId('on-the-spot').click();
    const d = page.locator('.ant-modal-container:visible');
    await d.waitFor();
    await settled(d);
    const select = (id: string, ...texts: string[]) => choose(page, d, id, texts, d.locator('.ant-modal-title'));
    await select('party_kind', '公民');
    await d.locator('#party_name').fill('吴某某');
    await d.locator('#party_idNumber').fill(FIFTEEN);
    await d.locator('#party_address').fill('秀山县妙泉镇某某村');
    await d.locator('#field').fill('综合行政执法');
    await d.locator('.ant-modal-title').click();
    await d.locator('#place').fill('妙泉镇集镇');
    await select('officers', ...names.map((n) => `${n.name}（综合行政执法队员）`));
    await select('violationTypeId', '随意倾倒');
    await select('circumstanceId', '轻微');
    await d.locator('#facts').fill('在集镇街道随意倾倒生活垃圾');
    await d.locator('#basis').fill('《中华人民共和国固体废物污染环境防治法》第一百一十一条');
    await d.locator('#told').click();
    await select('kinds', '罚款');
    await d.locator('#signed').click();
    const submit = () => d.getByRole('button', { name: /提\s*交/ }).click();

    // ¥200 is the top of 轻微's ¥100–200: a 15-year-old must have it lighter (no more than ¥150).
    await d.locator('#fineFen').fill('200');
    await submit();
    await expect.poll(() => refusal(d)).toContain('已满十四周岁不满十八周岁');
    expect(await refusal(d)).toContain('第三十条');
    await page.screenshot({ path: join(SHOTS, 'penalty-simple-minor-refused.png') });

    // ¥150 in cash: more than ¥100, and no ground recorded.
    await d.locator('#fineFen').fill('150');
    await d.locator('#cashCollected').click();
    await d.locator('#receiptNumber').fill('渝财罚 000888');
    await submit();
    await expect.poll(() => refusal(d)).toContain('超过一百元');
    expect(await refusal(d)).toContain('第六十八条');

    // Paid at the bank instead: the decision is made.
    await d.locator('#cashCollected').click();
    await submit();
    await page.waitForURL(/\/console\/penalty-cases\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const mitigation = page.getByTestId('mitigation');
    await mitigation.waitFor();
    expect(await mitigation.textContent()).toContain('从轻处罚（当事人违法时 15 周岁）');
    expect(await page.getByTestId('on-the-spot').textContent()).toContain('未备案');
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'penalty-simple-minor-case.png'), fullPage: true });

    // Due 2026-03-17; on 04-01 it has run 15 days at ¥4.50.
    h.yifa.clock.advance(30);
    await page.reload();
    const late = page.getByTestId('late-payment');
    await late.waitFor();
    expect(await late.textContent()).toContain('每日 ¥4.50');
    expect(await late.textContent()).toContain('共 15 日，计 ¥67.50');
    // A month later it has reached the fine and grows no more.
    h.yifa.clock.advance(30);
    await page.reload();
    await late.waitFor();
    expect(await late.textContent()).toContain('计 ¥150.00（已达罚款数额，不再增加）');

    await openAction(page, 'penalty.serve-reminder', { more: true });
    const r = page.locator('.ant-modal-container:visible');
    await r.waitFor();
    await settled(r);
    await r.getByRole('button', { name: /提\s*交/ }).click();
    await r.waitFor({ state: 'detached' });
    await expect.poll(async () => (await page.getByText('催告书', { exact: false }).count()) > 0).toBe(true);
    const reminder = await db
      .selectFrom('penalty_cases')
      .select('state')
      .where('id', '=', page.url().split('/').at(-1)!)
      .executeTakeFirstOrThrow();
    const state = typeof reminder.state === 'string' ? JSON.parse(reminder.state) : reminder.state;
    expect(state.reminders).toEqual([{ servedOn: '2026-05-01', number: expect.stringMatching(/催字/), lateFen: 15_000 }]);
    await page.screenshot({ path: join(SHOTS, 'penalty-simple-reminder.png'), fullPage: true });
  }, 300_000);
});
