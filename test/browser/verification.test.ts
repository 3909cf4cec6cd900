/**
 * Verification by QR code and 亮证 as the public meets them, in Chromium (issue 13 §7, §8): an
 * officer opens a penalty decision's print view and its QR code (the drawn symbol, read back
 * with jsqr) holds the verify URL; a visitor opens that URL and sees the decision and, checked
 * in the browser, the proof pass; the head withdraws the publication and the visitor sees the
 * decision withdrawn; the party, with the last 4 of his phone, sees his own publication's
 * standing and the ground of each mask; an unknown code shows 未找到; an officer's 执法证 card in the console
 * holds a QR code that opens his photo-free profile, in force today. axe-core finds no serious
 * or critical violation on the portal's new pages.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { describeViolations, seriousViolations } from './axe.js';
import { qrTextOfPng } from '../helpers/qr.js';
import { identifiedCitizen, onTheSpot } from '../helpers/penalty-api.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { openCase } from '../../src/modules/enforcement/service/cases.js';
import { syncPublications } from '../../src/modules/disclosure/sync.js';
import { listPublications, releasePublication, withdrawPublication } from '../../src/modules/disclosure/service.js';

describe('a decision verified by its QR code, and an officer checked by his, in the browser', () => {
  let h: BrowserHarness;
  let caseId: string;
  let number: string;
  let publicationId: string;
  const head = async () => ({ auth: await contextOfUser(h.yifa, 'fuzeren'), denied: async () => {} });
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
    caseId = view.case.id;
    number = view.case.decision!.number!;
    await syncPublications(h.yifa);
    const pubs = await listPublications(h.yifa, await head(), { limit: 50 });
    publicationId = pubs.items.find((p) => p.number === number)!.id;
    await releasePublication(h.yifa, await head(), publicationId);
    await h.yifa.journal.checkpoint();
  }, 180_000);
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `verification-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  /** The QR code an SVG draws, as a phone reads it: enlarged, photographed by Chromium, decoded by jsqr. */
  const scan = async (svg: Locator) => {
    await svg.evaluate((el) => {
      el.setAttribute('width', '400');
      el.setAttribute('height', '400');
    });
    return qrTextOfPng(await svg.screenshot());
  };
  /** The path and query of a URL the QR code holds, on this server. */
  const here = (url: string) => `${h.url}${new URL(url).pathname}`;

  it('opens the verify page from the print view QR code, passes the proof, then shows the withdrawal', async () => {
    const officer = await h.newPage();
    await h.login(officer, 'zhifa1');
    const docs = await officer.request.get(`${h.url}/api/v1/penalty-cases/${caseId}/documents`);
    const decision = ((await docs.json()).items as { id: string; number: string | null }[]).find((d) => d.number === number)!;
    await officer.goto(`${h.url}/console/penalty-cases/${caseId}/documents/${decision.id}`);
    const box = officer.getByTestId('document-verification');
    await box.waitFor();
    const code = /查验码：([0-9A-Z-]+)/.exec((await box.textContent()) ?? '')![1]!;
    const url = await scan(box.getByRole('img'));
    expect(url).toMatch(new RegExp(`/portal/verify/${code.replace(/-/g, '')}$`));

    const visitor = await h.newPage();
    await visitor.goto(here(url!));
    const result = visitor.getByTestId('proof-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('核验通过');
    expect(await visitor.getByTestId('document-status').textContent()).toContain('公示中');
    const page = await visitor.content();
    expect(page).toContain(number);
    expect(page).toContain('王某某');
    expect(page).not.toContain('王小明');
    expect(page).not.toContain('13912345678');
    await accessible(visitor, 'verified');

    // The party, holding his decision, sees his own publication's standing and what is kept back.
    const factor = visitor.getByLabel('本案登记的当事人身份证件号码或联系电话的后 4 位');
    await factor.fill('0000');
    await visitor.getByTestId('party-view-submit').click();
    await visitor.getByText(/身份验证未通过/).waitFor();
    await factor.fill('5678');
    await visitor.getByTestId('party-view-submit').click();
    const own = visitor.getByTestId('party-view');
    await own.waitFor();
    const told = (await own.textContent()) ?? '';
    expect(told).toMatch(/已于 \d{4}-\d{2}-\d{2} 公示，展示至 \d{4}-\d{2}-\d{2}/);
    expect(told).toContain('只显示姓氏');
    expect(told).toContain('《中华人民共和国政府信息公开条例》第十五条');
    expect(told).not.toContain('王小明');
    await accessible(visitor, 'party-view');

    await withdrawPublication(h.yifa, await head(), publicationId, { kind: 'revoked', reason: '经行政复议，原处罚决定被撤销' });
    await h.yifa.journal.checkpoint();
    await visitor.reload();
    const withdrawn = visitor.getByTestId('withdrawn');
    await withdrawn.waitFor();
    expect(await withdrawn.textContent()).toContain('经行政复议，原处罚决定被撤销');
    expect(await visitor.getByTestId('document-status').textContent()).toContain('已撤回（撤销）');
    await visitor.getByTestId('proof-result').waitFor();
    expect(await visitor.getByTestId('proof-result').textContent()).toContain('核验通过');
    await accessible(visitor, 'withdrawn');

    // A code typed by hand that no document has.
    await visitor.goto(`${h.url}/portal/verify`);
    await visitor.getByLabel('查验码').fill('ZZZZ-ZZZZ-ZZZZ');
    await visitor.getByLabel('查验码').press('Enter');
    await visitor.getByText('未找到', { exact: true }).waitFor();
    await accessible(visitor, 'not-found');
  });

  it("prints an officer's 执法证 QR card that opens his public profile, in force today", async () => {
    const admin = await h.newPage();
    await h.login(admin, 'admin');
    await admin.goto(`${h.url}/console/certificates`);
    const row = admin.locator('.ant-table-row').first();
    await row.waitFor();
    const name = (await row.locator('td').nth(1).textContent())!;
    await row.getByRole('button', { name: /二维码/ }).click();
    const card = admin.getByTestId('certificate-card');
    await card.waitFor();
    // The card's dialog zooms in as it opens: scanned until the drawn code is still and decodes.
    let url: string | null = null;
    await expect.poll(async () => (url = await scan(card.getByRole('img')))).toMatch(/\/portal\/officer\/[A-Za-z0-9_-]{22}$/);

    const party = await h.newPage();
    await party.goto(here(url!));
    const standing = party.getByTestId('certificate-standing');
    await standing.waitFor();
    expect(await party.locator('.ant-descriptions').textContent()).toContain(name);
    expect(await standing.textContent()).toMatch(/有效|无效/);
    await accessible(party, 'officer');
  });
});
