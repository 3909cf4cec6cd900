/**
 * The journal as a township's people read it, in Chromium: the 操作日志 page and a case's
 * 全过程记录 show who acted (a name and a Chinese role), the action's Chinese title and
 * what it changed — no action code, no role id — and the auditor's 原始记录与证明 opens
 * the stored entry with its leaf hash and inclusion proof. The 操作日志 page passes axe.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';

/** What the normal view must not show: an action code or a role id. */
const RAW = /penalty\.|org\.|\b(officer|unit_head|legal_reviewer|supervisor|admin)\b/;

const rows = async (table: Locator) => (await table.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '));

describe('the readable journal in the browser', () => {
  let h: BrowserHarness;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await seedDemoCases(h.yifa);
    await h.yifa.journal.checkpoint();
    const decided = await h.yifa.db.kysely
      .selectFrom('actions')
      .select('subject_id')
      .where('type', '=', 'penalty.decide')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    caseId = decided.subject_id!;
  });
  afterAll(async () => h?.close());

  it('shows the supervisor the 操作日志 by name, role and Chinese title, with the proof one click away', async () => {
    const page = await h.newPage();
    await h.login(page, 'jiandu');
    await page.goto(`${h.url}/console/journal`);
    const table = page.getByTestId('journal-entries');
    await table.getByText('作出决定').first().waitFor();
    const text = await rows(table);
    expect(text.length).toBeGreaterThan(50);
    expect(text.join('\n')).toMatch(/刘某某（执法队员）执法人员/);
    expect(text.join('\n')).toMatch(/承办机构负责人\/机关负责人作出决定决定日期：\d{4}-\d{2}-\d{2}/);
    expect(text.join('\n')).not.toMatch(RAW);
    expect(text.join('\n')).not.toMatch(/Z\b|T\d{2}:\d{2}/); // China's time, not UTC instants
    // What each entry is about: the case, linked to its page.
    const decided = table.locator('tbody tr', { hasText: '作出决定' }).first();
    expect(await decided.textContent()).toContain('行政处罚案件');
    expect(await decided.getByRole('link').getAttribute('href')).toMatch(/^\/console\/penalty-cases\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: join(SHOTS, 'journal-readable.png'), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, describeViolations(found)).toEqual([]);

    // The auditor's view: the stored entry, its leaf hash and its proof.
    await table
      .locator('tbody tr', { hasText: '作出决定' })
      .first()
      .getByRole('button', { name: /原始记录与证明/ })
      .click();
    const modal = page.locator('.ant-modal-container:visible');
    await settled(modal);
    await modal.getByTestId('journal-raw-leaf').waitFor();
    const raw = (await modal.getByTestId('journal-raw-leaf').textContent()) ?? '';
    expect(JSON.parse(raw).fields.type).toBe('penalty.decide');
    await modal.getByText('证明路径').waitFor();
    expect(await modal.textContent()).toMatch(/[0-9a-f]{64}/);
    await page.screenshot({ path: join(SHOTS, 'journal-raw-modal.png') });
  });

  it('shows a case’s 全过程记录 the same way', async () => {
    const page = await h.newPage();
    await h.login(page, 'zhifa1');
    await page.goto(`${h.url}/console/penalty-cases/${caseId}`);
    const journal = page.getByTestId('case-journal');
    await journal.getByText('作出决定').waitFor();
    const text = await rows(journal);
    expect(text[0]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}\p{Script=Han}+某某（执法队员）执法人员案源登记案件来源：/u);
    expect(text.join('\n')).not.toMatch(RAW);
    await journal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'case-journal-readable.png'), fullPage: true });
  });
});
