/**
 * The 工作台 as a head (fuzeren) meets it, in Chromium: per procedure, how many records are
 * overdue or due within three working days, and one queue of them across procedures, most
 * overdue first; one click on the first opens its record. axe-core finds no serious or
 * critical violation on the page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { describeViolations, seriousViolations } from './axe.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';
import { seedDemoInformationRequests } from '../../src/modules/information-requests/demo.js';

describe('the 工作台 across procedures in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await seedDemoCases(h.yifa);
    await seedDemoInformationRequests(h.yifa);
  });
  afterAll(async () => h?.close());

  it('shows the head what falls due in every procedure and opens the first in one click', async () => {
    const page = await h.newPage();
    await h.login(page, 'fuzeren');
    await page.goto(`${h.url}/console/dashboard`);
    const queue = page.getByTestId('workbench-due');
    await queue.locator('tbody tr a').first().waitFor();
    // A count card per procedure the head may read.
    await page.getByTestId('workbench-penalty-case').waitFor();
    await page.getByTestId('workbench-information-request').waitFor();
    // The queue is in due order, each row with its deadline's name and its record's link.
    const dues = await queue.locator('[data-due]').allTextContents();
    expect(dues.length).toBeGreaterThan(0);
    const dates = dues.map((d) => d.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
    await page.screenshot({ path: join(SHOTS, 'console-workbench.png'), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);

    const first = queue.locator('tbody tr a').first();
    const href = await first.getAttribute('href');
    const title = (await first.textContent())!;
    expect(href).toMatch(/^\/console\/(penalty-cases|information-requests)\/[^/]+$/);
    await first.click();
    await page.waitForURL(`${h.url}${href}`);
    // The record's page, about the same party or applicant.
    await page.getByText(title.split('：')[0]!, { exact: false }).first().waitFor();
  });
});
