/**
 * Each role lands on something to do. Logged in, the officer, the head, the legal reviewer
 * and the disclosure clerk each see 待我办理 on the 工作台 — the records waiting on their
 * role for the next step — and one click on the first opens it, with that step offered first.
 * The supervisor, who takes no step himself, sees what his area has overdue and opens it in
 * one click.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { describeViolations, seriousViolations } from './axe.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';
import { seedDemoInformationRequests } from '../../src/modules/information-requests/demo.js';

describe('待我办理 for every role', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await seedDemoCases(h.yifa);
    await seedDemoInformationRequests(h.yifa);
  });
  afterAll(async () => h?.close());

  it.each(['zhifa1', 'fuzeren', 'fazhi', 'gongkai'])('%s sees what waits on him and reaches the first in one click', async (user) => {
    const page = await h.newPage();
    await h.login(page, user);
    await page.goto(`${h.url}/console/dashboard`);
    const todo = page.getByTestId('workbench-todo');
    const first = todo.getByTestId('todo-link').first();
    await first.waitFor();
    const step = (await first.textContent())!.split('：')[0]!;
    await page.screenshot({ path: join(SHOTS, `console-todo-${user}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await page.waitForURL(`${h.url}${href}`);
    // The step it waits for is among the first offered on the record (an approval names its request).
    const next = page.getByTestId('next-actions');
    await next.waitFor();
    // antd spaces a two-character button's label (归 档): compared without spaces.
    const offered = (await next.locator('[data-action]').allTextContents()).join('|').replace(/\s/g, '');
    const expected = step.startsWith('审批：') ? step.slice('审批：'.length).split('、')[0]! : step;
    expect(offered, `${user}: ${step} not first on ${href}`).toContain(expected);
  });

  it('the supervisor sees his area’s overdue and near-due records and opens the first in one click', async () => {
    const page = await h.newPage();
    await h.login(page, 'jiandu');
    await page.goto(`${h.url}/console/dashboard`);
    // His area's indicators, drawn: records by status, overdue by agency, coverage, review rate.
    await page.getByTestId('chart-status').locator('canvas').waitFor();
    await page.getByTestId('chart-coverage').locator('canvas').waitFor();
    expect(await page.getByTestId('review-rate').textContent()).toMatch(/重大执法决定 \d+ 件/);
    const queue = page.getByTestId('workbench-due');
    const first = queue.locator('tbody tr a').first();
    await first.waitFor();
    await page.screenshot({ path: join(SHOTS, 'console-todo-jiandu.png'), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await page.waitForURL(`${h.url}${href}`);
    await page.locator('[data-deadline]').first().waitFor();
  });
});
