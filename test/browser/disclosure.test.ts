/**
 * 行政执法公示 as the head and the public meet it, in Chromium: a decision made in the console's
 * back end (an on-the-spot penalty against 王小明) waits on the console's publications page;
 * the head reviews the public preview (王某某) and releases it; a visitor finds it on the
 * portal's 处罚决定公示 by a one-character search and opens it; the head withdraws it with a
 * reason; the visitor sees it withdrawn, with the reason. axe-core finds no serious or
 * critical violation on the console page, the portal's list or the decision page.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { identifiedCitizen, onTheSpot } from '../helpers/penalty-api.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { openCase } from '../../src/modules/enforcement/service/cases.js';

describe('a penalty decision published and withdrawn, in the browser', () => {
  let h: BrowserHarness;
  let number: string;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    const zhifa1 = { auth: await contextOfUser(h.yifa, 'zhifa1'), denied: async () => {} };
    const zhifa2 = await contextOfUser(h.yifa, 'zhifa2');
    const view = await openCase(
      h.yifa,
      zhifa1,
      'penalty.on-the-spot',
      onTheSpot({
        party: identifiedCitizen(),
        on: h.yifa.clock.today(),
        officers: [zhifa1.auth.user.personId, zhifa2.user.personId],
      }),
    );
    number = view.case.decision!.number!;
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `disclosure-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const row = (page: Page, text: string) => page.locator('.ant-table-row', { hasText: text });

  it('is released in the console, found on the portal, withdrawn, and shown withdrawn with its reason', async () => {
    const head = await h.newPage();
    await h.login(head, 'fuzeren');
    await head.goto(`${h.url}/console/publications`);
    await row(head, '王小明').waitFor();
    await accessible(head, 'console-pending');
    // Review: what the public will see.
    await row(head, '王小明')
      .getByRole('button', { name: /审\s*核/ })
      .click();
    const preview = head.getByTestId('public-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('王某某');
    expect(await preview.textContent()).not.toContain('王小明');
    await accessible(head, 'console-review');
    await head.locator('.ant-drawer-close').click();
    await row(head, '王小明')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await head.getByText('已发布公示').waitFor();

    // The public: the list, a one-character search, the decision.
    const visitor = await h.newPage();
    await visitor.goto(`${h.url}/portal/decisions`);
    await row(visitor, number).waitFor();
    expect(await row(visitor, number).textContent()).toContain('王某某');
    expect(await visitor.content()).not.toContain('王小明');
    await visitor.getByTestId('decision-search').locator('input').fill('王');
    await visitor.getByTestId('decision-search').locator('input').press('Enter');
    await visitor.waitForLoadState('networkidle');
    await row(visitor, number).waitFor();
    await visitor.getByTestId('decision-search').locator('input').fill('小明');
    await visitor.getByTestId('decision-search').locator('input').press('Enter');
    await visitor.getByText('没有符合条件的公示决定').waitFor();
    await visitor.getByTestId('decision-search').locator('input').fill('火');
    await visitor.getByTestId('decision-search').locator('input').press('Enter');
    await row(visitor, number).waitFor();
    await accessible(visitor, 'portal-list');
    await row(visitor, number).getByRole('link', { name: number }).click();
    await visitor.getByRole('heading', { level: 1, name: new RegExp(number.replace(/[〔〕]/g, '.')) }).waitFor();
    await accessible(visitor, 'portal-decision');

    // Withdrawn by the head, with its reason.
    await head.getByText('公示中', { exact: true }).click();
    await row(head, '王小明')
      .getByRole('button', { name: /审\s*核/ })
      .click();
    await head.getByRole('button', { name: /撤回公示/ }).click();
    const dialog = head.locator('.ant-modal-container:visible');
    await dialog.waitFor();
    await settled(dialog);
    await choose(head, dialog, 'kind', ['撤销'], dialog.locator('.ant-modal-title'));
    await dialog.locator('#reason').fill('经行政复议，原处罚决定被撤销');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await head.getByText('已撤回公示').waitFor();

    await visitor.reload();
    const withdrawn = visitor.getByTestId('withdrawn');
    await withdrawn.waitFor();
    expect(await withdrawn.textContent()).toContain('撤销');
    expect(await withdrawn.textContent()).toContain('经行政复议，原处罚决定被撤销');
    await accessible(visitor, 'portal-withdrawn');
    await visitor.goto(`${h.url}/portal/decisions`);
    expect(await row(visitor, number).textContent()).toContain('已撤回');
  });
});
