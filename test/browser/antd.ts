/**
 * Driving antd's animated widgets without racing their animations: a modal zooms in and a
 * select's list slides open, and a click aimed while they move can land on the mask (which
 * closes the modal) or miss the option. These helpers wait for the motion to end and check
 * that a choice was taken, trying again when it was not.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SHOTS } from './harness.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the element stops moving (two equal bounding boxes 50 ms apart). */
export async function settled(l: Locator): Promise<void> {
  let prev = '';
  for (let i = 0; i < 40; i++) {
    const box = JSON.stringify(await l.boundingBox());
    if (box === prev) return;
    prev = box;
    await pause(50);
  }
}

export const option = (page: Page, text: string) => page.locator('.ant-select-item-option:visible', { hasText: text }).first();

/**
 * Chooses options by their text in the select `#id` inside `scope` (a modal or a form),
 * then closes its list by clicking `closeOn`. A choice counts once its text shows in the
 * form item.
 */
export async function choose(page: Page, scope: Locator, id: string, texts: string[], closeOn: Locator): Promise<void> {
  const item = scope.locator(`.ant-form-item:has(#${id})`);
  try {
    for (const t of texts) {
      for (let attempt = 0; !(await item.textContent())?.includes(t); attempt++) {
        if (attempt === 4) throw new Error(`#${id}: could not choose "${t}"`);
        if (!(await option(page, t).isVisible())) await scope.locator(`#${id}`).click({ force: true });
        const listed = await option(page, t)
          .waitFor({ timeout: 5_000 })
          .then(
            () => true,
            () => false,
          );
        if (!listed) continue;
        await settled(option(page, t));
        await option(page, t)
          .click({ timeout: 5_000 })
          .catch(() => undefined);
      }
    }
  } catch (e) {
    await page.screenshot({ path: join(SHOTS, `select-failed-${id}.png`) });
    throw e;
  }
  await closeOn.click();
}

/**
 * Opens an action offered on a record page (ActionBar): one of the next steps shown first,
 * or, with `more`, one under 更多操作. Where it is matters: the test fails when a step the
 * record expects next is not among the first shown, or an expected-later one is.
 */
export async function openAction(page: Page, type: string, opts: { more?: boolean; request?: string } = {}): Promise<void> {
  const which = `[data-action="${type}"]${opts.request ? `[data-request="${opts.request}"]` : ''}`;
  if (!opts.more) {
    await page.locator(`[data-testid="next-actions"] ${which}`).first().click();
    return;
  }
  await page.getByTestId('more-actions').click();
  const item = page.locator(`.ant-dropdown:visible ${which}`).first();
  await item.waitFor();
  await settled(item);
  await item.click();
}
