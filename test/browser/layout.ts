/** Layout checks a phone user would notice. */
import type { Page } from 'playwright-core';

/** How wide the page is: more than the viewport means the user scrolls sideways. */
export const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** What sticks out past `width`, when something does: the innermost elements, for the failure message. */
export const overflowing = (page: Page, width: number) =>
  page.evaluate(
    (w) =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > w + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > w + 1))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 30)}"`),
    width,
  );
