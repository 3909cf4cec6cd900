/**
 * 培训环境 in the browser: on a training clock every console page says so with the clock's
 * time; the administrator moves it forward from the banner, signs in again (sessions age
 * with the clock) and finds the new day; an officer sees the banner but no buttons. axe finds
 * nothing serious on a page with the banner.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { describeViolations, seriousViolations } from './axe.js';
import { Clock } from '../../src/platform/clock.js';

describe('the training clock in the console', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { clock: Clock.trainingFrom(new Date('2026-03-02T09:00:00+08:00')) });
  }, 300_000);
  afterAll(async () => h.close());

  it('shows 培训环境 on every page, and the administrator moves the clock forward from it', async () => {
    const page = await h.newPage();
    await h.login(page, 'admin');
    const banner = page.getByTestId('training-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('2026/3/2');
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'console-training-banner.png') });

    await page.getByTestId('clock-advance-7').click();
    // Sessions age with the clock: a week on, the page asks to sign in again (its redirect to
    // the login page is let finish), and the administrator finds the new day.
    await page.waitForURL(/\/console\/login\?next=/);
    await page.getByLabel('用户名').waitFor();
    const again = await h.newPage();
    await h.login(again, 'admin');
    await expect.poll(async () => (await again.getByTestId('training-banner').textContent()) ?? '').toContain('2026/3/9');
    expect(h.yifa.clock.today()).toBe('2026-03-09');

    const officer = await h.newPage();
    await h.login(officer, 'zhifa1');
    await officer.getByTestId('training-banner').waitFor();
    expect(await officer.getByTestId('clock-advance-1').count()).toBe(0);
  }, 300_000);
});
