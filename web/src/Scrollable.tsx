/**
 * A region that scrolls sideways when its content is wider than a phone's screen, so the page
 * itself never does; focusable and named, so a keyboard user can scroll it too (axe
 * `scrollable-region-focusable`, WCAG 2.1.1).
 */
import type { ReactNode } from 'react';

export function Scrollable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
    <section aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </section>
  );
}
