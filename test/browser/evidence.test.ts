/**
 * Evidence in the browser (issue 4), in Chromium against the demo town's cases: an officer
 * uploads body-camera footage into a case's inspection step, registers it with its
 * recording particulars and plays it, and the custody record shows the playback; an
 * upload survives going offline in the middle and a reload; the queue fits a 375×812
 * phone; a photo is redacted by drawing on it; the supervisor reads 音像记录 coverage and
 * the integrity alert; a photo uploaded in one browser is registered in another, fresh one
 * (the server holds it for the case), and the same photo again is tagged 重复.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { SHOTS, startHarness, type BrowserHarness } from './harness.js';
import { choose, settled } from './antd.js';
import { seedDemoCases } from '../../src/modules/enforcement/demo.js';
import { demoAudio, demoPhoto } from '../../src/modules/evidence/demo.js';
import { verifyAndRecord } from '../../src/modules/evidence/verify.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import { overflowing, scrollWidth } from './layout.js';

const MEDIA = join(process.cwd(), 'src', 'modules', 'evidence', 'demo-media');
const WEBM = join(MEDIA, 'bodycam-sample.webm');
const MP4 = join(MEDIA, 'bodycam-sample.mp4');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Where the demo officer stands (the 褚某某 site, 大田村5组) */
const SITE = { latitude: 28.41234, longitude: 108.91876 };

describe('evidence: upload, register, play, custody, redaction, coverage', () => {
  let h: BrowserHarness;
  /** 褚某某: under investigation, its inspection never recorded (the demo's weak point) */
  let caseId: string;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    h = await startHarness('sqlite');
    await seedDemoCases(h.yifa);
    caseId = (
      await h.yifa.db.kysely
        .selectFrom('penalty_cases')
        .select('id')
        .where('status', '=', 'investigating')
        .where('party_name', '=', '褚某某')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await h?.close();
  });

  const stateOf = async (id: string) =>
    JSON.parse(
      (await h.yifa.db.kysely.selectFrom('penalty_cases').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
    ) as PenaltyCase;
  const context = async (opts: Parameters<BrowserHarness['browser']['newContext']>[0] = {}) => {
    const c = await h.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, ...opts });
    contexts.push(c);
    return c;
  };
  const openCase = async (page: Page, id = caseId) => {
    await page.goto(`${h.url}/console/penalty-cases/${id}`);
    await page.getByTestId('evidence-card').waitFor();
  };
  // The newest row of that name: the server holds a user's earlier uploads of the same file for the case too.
  const uploadItem = (page: Page, fileName: string) => page.locator(`[data-testid="upload-item"][data-file="${fileName}"]`).last();
  const waitState = async (item: Locator, state: string, timeout = 30_000) => {
    await expect.poll(() => item.getAttribute('data-state'), { timeout }).toBe(state);
  };

  it('an officer uploads body-camera video into the inspection step, registers it with its recording, plays it, and the custody record shows the playback', async () => {
    const before = await stateOf(caseId);
    const inspection = before.records.find((r) => r.kind === 'inspection')!;
    // The browser is in Berlin: times are entered and shown as Beijing time all the same.
    const ctx = await context({ permissions: ['geolocation'], geolocation: SITE, timezoneId: 'Europe/Berlin' });
    const page = await ctx.newPage();
    await h.login(page, 'zhifa1');
    await openCase(page);

    // 音像记录: the inspection is missing its recording.
    const step = page.locator(`[data-testid="recording-step"][data-step="${inspection.seq}"]`);
    await expect.poll(() => step.getAttribute('data-covered')).toBe('false');
    expect(await step.textContent()).toContain('缺少音像记录');

    // 上传 from the missing step: the file is meant for it.
    const choosing = page.waitForEvent('filechooser');
    await step.getByRole('button', { name: '上传' }).click();
    await (await choosing).setFiles(WEBM);
    const item = uploadItem(page, 'bodycam-sample.webm');
    await waitState(item, 'uploaded');
    expect(await item.getByTestId('upload-state').textContent()).toContain('校验通过');
    // Hashed in a worker, off the page's thread.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /hash\.worker/.test(e.name)))).toBe(true);

    // 登记入卷: the file, its step (the unrecorded inspection) and scene are filled in; the officer adds the rest.
    await item.getByTestId('register-upload').click();
    const d = page.locator('.ant-modal-container:visible');
    await d.waitFor();
    await settled(d);
    expect(await d.getByTestId('evidence-file').textContent()).toContain('bodycam-sample.webm');
    await expect.poll(() => d.locator('.ant-form-item:has(#step)').textContent()).toContain(`现场检查笔录（${inspection.on}`);
    await expect.poll(() => d.locator('.ant-form-item:has(#scene)').textContent()).toContain('现场检查');
    await expect.poll(() => d.locator('#place').inputValue()).toBe(inspection.place);
    await expect
      .poll(() =>
        d
          .getByTestId('gps')
          .textContent()
          .catch(() => ''),
      )
      .toContain('北纬 28.41234');
    await d.locator('#description').fill('现场检查全过程：未批建设住房一栋');
    await d.locator('#recorder').fill('MQ-07');
    await d.getByTestId('startedAt').fill(`${inspection.on}T09:30:00`);
    await d.getByTestId('endedAt').fill(`${inspection.on}T09:34:00`);
    await page.screenshot({ path: join(SHOTS, 'evidence-register.png') });
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached', timeout: 15_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'evidence-register-failed.png') });
      throw new Error(
        `not registered: ${await d
          .getByTestId('evidence-error')
          .textContent()
          .catch(() => '(no refusal shown)')}`,
        { cause: e },
      );
    });

    // In the case as sent: the verified file, its step, the recording in Beijing time, GPS and officers.
    const after = await stateOf(caseId);
    const added = after.evidence.at(-1)!;
    expect(added).toMatchObject({
      type: 'audiovisual',
      title: '执法记录仪视频',
      step: inspection.seq,
      file: { sha256: sha256(readFileSync(WEBM)), size: readFileSync(WEBM).length, mime: 'video/webm', fileName: 'bodycam-sample.webm' },
      recording: {
        recorder: 'MQ-07',
        startedAt: `${inspection.on}T09:30:00+08:00`,
        endedAt: `${inspection.on}T09:34:00+08:00`,
        scene: 'inspection',
        place: inspection.place,
        gps: { lat: SITE.latitude, lng: SITE.longitude },
        officers: before.officers,
      },
    });
    // The queue is done with it, and the inspection counts as recorded now.
    await expect.poll(() => uploadItem(page, 'bodycam-sample.webm').count()).toBe(0);
    await expect.poll(() => step.getAttribute('data-covered')).toBe('true');
    expect(await step.textContent()).toContain('已有音像记录');

    const row = page.locator(`[data-testid="evidence-item"][data-seq="${added.seq}"]`);
    expect(await row.getByTestId('evidence-recording').textContent()).toContain(
      `执法记录仪 MQ-07 · ${inspection.on.replaceAll('-', '/')} 09:30–09:34 · 现场检查`,
    );
    expect(await row.getByTestId('evidence-file-info').textContent()).toContain(`SHA-256 ${added.file!.sha256.slice(0, 8)}`);

    // 播放: nothing loads until asked; then the browser streams it with Range requests and plays.
    expect(await row.locator('video').count()).toBe(0);
    await row.getByTestId('evidence-preview').click();
    const video = row.getByTestId('evidence-video');
    await video.waitFor();
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
    expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'evidence-playing.png') });

    // 保管记录: registered, then played by this officer; the file is intact.
    await row.getByTestId('evidence-custody').click();
    const drawer = page.locator('.ant-drawer-content-wrapper:visible');
    await drawer.getByTestId('custody-integrity').waitFor();
    expect(await drawer.getByTestId('custody-integrity').getAttribute('data-integrity')).toBe('present');
    const events = () =>
      drawer
        .getByTestId('custody-event')
        .evaluateAll((es) => es.map((e) => ({ type: e.getAttribute('data-type'), text: e.textContent ?? '' })));
    await expect.poll(async () => (await events()).map((e) => e.type)).toEqual(['penalty.add-evidence', 'evidence.stream']);
    const [registered, played] = await events();
    expect(registered!.text).toContain('登记入卷');
    expect(played!.text).toContain('播放');
    expect(played!.text).toContain('本人');
    await settled(drawer);
    await page.screenshot({ path: join(SHOTS, 'evidence-custody.png') });
  });

  it('an upload goes on after the network drops in the middle of it, and after a reload', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await h.login(page, 'zhifa1');
    await openCase(page);
    // Small chunks, so that the 48 KB file goes up in several.
    await page.evaluate(() => localStorage.setItem('yifa.upload.chunkBytes', '8192'));
    const offsets: number[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PATCH') offsets.push(Number(r.headers()['upload-offset']));
    });
    let patches = 0;
    let uploadId = '';
    await page.route('**/api/v1/uploads/*', async (route) => {
      if (route.request().method() !== 'PATCH' || ++patches !== 2) return route.continue();
      // The second chunk reaches the server, but the answer is lost as the network goes.
      uploadId = route.request().url().split('/').at(-1)!;
      await route.fetch();
      await ctx.setOffline(true);
      await route.abort('internetdisconnected').catch(() => undefined);
    });
    await page.getByTestId('upload-evidence').click();
    await page.getByTestId('pick-any').setInputFiles(MP4);
    const item = uploadItem(page, 'bodycam-sample.mp4');
    await waitState(item, 'offline');
    await page.getByTestId('offline-banner').waitFor();
    expect(await item.getByTestId('upload-state').textContent()).toContain('等待网络');
    await page.getByTestId('evidence-card').screenshot({ path: join(SHOTS, 'evidence-offline.png') });
    // The server kept both chunks it received; the upload is not complete.
    expect(await h.yifa.blobs.staged.offset(uploadId)).toBe(16_384);
    expect(
      (await h.yifa.db.kysely.selectFrom('uploads').select('completed_at').where('id', '=', uploadId).executeTakeFirstOrThrow())
        .completed_at,
    ).toBeNull();

    await ctx.setOffline(false);
    await waitState(item, 'uploaded');
    // It asked the server where it stood and went on from there: no chunk sent twice.
    expect(offsets.slice(0, 3)).toEqual([0, 8192, 16_384]);
    expect(new Set(offsets).size).toBe(offsets.length);
    expect(offsets.at(-1)).toBe(Math.floor((readFileSync(MP4).length - 1) / 8192) * 8192);
    const done = await h.yifa.db.kysely.selectFrom('uploads').selectAll().where('id', '=', uploadId).executeTakeFirstOrThrow();
    expect(done.completed_at).not.toBeNull();
    expect(done.sha256).toBe(sha256(readFileSync(MP4)));
    expect(done.mime).toBe('video/mp4');

    // A reload in the middle: the file was kept in IndexedDB and goes up after it.
    await page.unroute('**/api/v1/uploads/*');
    let failing = true;
    await page.route('**/api/v1/uploads', (route) => (failing ? route.abort('connectionreset') : route.continue()));
    await page.getByTestId('pick-any').setInputFiles(WEBM);
    const second = uploadItem(page, 'bodycam-sample.webm');
    await waitState(second, 'retrying');
    failing = false;
    await page.reload();
    await page.getByTestId('evidence-card').waitFor();
    await waitState(uploadItem(page, 'bodycam-sample.webm'), 'uploaded');
    // Both are still there to be registered, after the reload too.
    await waitState(uploadItem(page, 'bodycam-sample.mp4'), 'uploaded');
    await page.getByTestId('evidence-card').screenshot({ path: join(SHOTS, 'evidence-queue-after-reload.png') });

    // A larger file goes up in chunks of 4 MB (the server streams each to disk).
    await page.evaluate(() => localStorage.removeItem('yifa.upload.chunkBytes'));
    const wav = join(mkdtempSync(join(tmpdir(), 'yifa-evidence-')), '询问录音_长.wav');
    writeFileSync(wav, demoAudio(700, 440));
    offsets.length = 0;
    await page.getByTestId('pick-any').setInputFiles(wav);
    await waitState(uploadItem(page, '询问录音_长.wav'), 'uploaded', 60_000);
    expect(offsets).toEqual([0, 4 * 1024 * 1024, 8 * 1024 * 1024]);
    const big = await h.yifa.db.kysely
      .selectFrom('uploads')
      .selectAll()
      .where('file_name', '=', '询问录音_长.wav')
      .executeTakeFirstOrThrow();
    expect(big.sha256).toBe(sha256(readFileSync(wav)));
    expect(big.completed_at).not.toBeNull();
  });

  it('the upload queue and the registration form fit a 375×812 phone: no sideways scrolling', async () => {
    const ctx = await context({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await h.login(page, 'zhifa1');
    await openCase(page);
    expect(await scrollWidth(page), (await overflowing(page, 375)).join('\n')).toBeLessThanOrEqual(375);
    // The camera opens straight from the page on a phone.
    expect(await page.getByTestId('pick-video').getAttribute('capture')).toBe('environment');
    expect(await page.getByTestId('pick-video').getAttribute('accept')).toBe('video/*');
    expect(await page.getByTestId('pick-any').getAttribute('accept')).toBe('video/*,audio/*,image/*,application/pdf');

    await page.getByTestId('upload-evidence').click();
    const long = join(
      mkdtempSync(join(tmpdir(), 'yifa-evidence-')),
      `执法记录仪_MQ-01_大田村五组未批建设住房现场检查全过程_20260302_093000_第一段.webm`,
    );
    copyFileSync(WEBM, long);
    await page.getByTestId('pick-any').setInputFiles([long, MP4]);
    await waitState(uploadItem(page, 'bodycam-sample.mp4'), 'uploaded');
    await page.getByTestId('upload-queue').scrollIntoViewIfNeeded();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, 'evidence-phone-queue.png') });
    for (const box of await page
      .getByTestId('upload-item')
      .evaluateAll((es) => es.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }

    await uploadItem(page, 'bodycam-sample.mp4').getByTestId('register-upload').click();
    const d = page.locator('.ant-modal-container:visible');
    await d.waitFor();
    await settled(d);
    await d.getByTestId('recording-fields').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    const modal = (await d.boundingBox())!;
    expect(modal.x).toBeGreaterThanOrEqual(0);
    expect(modal.x + modal.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, 'evidence-phone-register.png') });
    await d.getByRole('button', { name: /取\s*消/ }).click();
    await d.waitFor({ state: 'detached' });

    // The list, a video playing and the custody record fit too.
    const video = page.locator('[data-testid="evidence-item"]', { has: page.locator('[data-testid="evidence-recording"]') }).first();
    await video.getByTestId('evidence-preview').click();
    await video.locator('video').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await video.getByTestId('evidence-custody').click();
    const drawer = page.locator('.ant-drawer-content-wrapper:visible');
    await drawer.getByTestId('custody-integrity').waitFor();
    await settled(drawer);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    const db = (await drawer.boundingBox())!;
    expect(db.x + db.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, 'evidence-phone-custody.png') });
  });

  it('evidence without a file is registered from 登记证据 and listed as text; a scanned PDF and a photo load only when opened', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await h.login(page, 'zhifa1');
    const contentRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/content')) contentRequests.push(r.url());
    });
    await openCase(page);
    const evidence = (await stateOf(caseId)).evidence;
    const pdf = evidence.find((e) => e.file?.mime === 'application/pdf')!;
    const photo = evidence.find((e) => e.file?.mime === 'image/png')!;
    expect(contentRequests).toEqual([]);
    const pdfRow = page.locator(`[data-testid="evidence-item"][data-seq="${pdf.seq}"]`);
    expect(await pdfRow.locator('iframe').count()).toBe(0);
    const pdfLoaded = page.waitForResponse((r) => r.url().endsWith(`/evidence/${pdf.seq}/content`));
    await pdfRow.getByTestId('evidence-preview').click();
    const res = await pdfLoaded;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toMatch(/^inline/);
    expect(await pdfRow.getByTestId('evidence-pdf').getAttribute('src')).toBe(
      `/api/v1/penalty-cases/${caseId}/evidence/${pdf.seq}/content`,
    );
    // The PDF is shown, not blocked: a frame the Content-Security-Policy refuses becomes chrome-error://.
    const pdfFrame = await (await pdfRow.getByTestId('evidence-pdf').elementHandle())!.contentFrame();
    await expect.poll(() => pdfFrame!.url()).toBe(`${h.url}/api/v1/penalty-cases/${caseId}/evidence/${pdf.seq}/content`);
    const photoRow = page.locator(`[data-testid="evidence-item"][data-seq="${photo.seq}"]`);
    await photoRow.getByTestId('evidence-preview').click();
    await expect.poll(() => photoRow.locator('img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(320);
    expect(await pdfRow.getByTestId('evidence-download').getAttribute('href')).toBe(
      `/api/v1/penalty-cases/${caseId}/evidence/${pdf.seq}/content?download=1`,
    );
    expect(contentRequests.every((u) => u.includes(`/evidence/${pdf.seq}/`) || u.includes(`/evidence/${photo.seq}/`))).toBe(true);
    await page.locator('[data-action="penalty.add-evidence"]').click();
    const d = page.locator('.ant-modal-container:visible');
    await d.waitFor();
    await settled(d);
    // No file, so no recording.
    expect(await d.getByTestId('recorded').isDisabled()).toBe(true);
    await choose(page, d, 'type', ['物证'], d.locator('.ant-modal-title'));
    await d.locator('#title').fill('砖块样品');
    await d.locator('#description').fill('建房所用砖块，证明建设行为');
    await d.locator('#source').fill('现场提取');
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached', timeout: 15_000 });
    const added = (await stateOf(caseId)).evidence.at(-1)!;
    expect(added).toMatchObject({ type: 'physical', title: '砖块样品', source: '现场提取', step: null });
    expect(added.file).toBeUndefined();
    const row = page.locator(`[data-testid="evidence-item"][data-seq="${added.seq}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('无文件');
    expect(await row.getByTestId('evidence-preview').count()).toBe(0);
    expect(await row.getByTestId('evidence-download').count()).toBe(0);
  });

  it('an officer draws a rectangle on a photo and gets a redacted copy, the original unchanged', async () => {
    const photo = (await stateOf(caseId)).evidence.find((e) => e.file?.mime === 'image/png')!;
    const ctx = await context();
    const page = await ctx.newPage();
    await h.login(page, 'zhifa1');
    await openCase(page);
    await page.locator(`[data-testid="evidence-item"][data-seq="${photo.seq}"]`).getByTestId('evidence-redact').click();
    const d = page.locator('.ant-modal-container:visible');
    await d.waitFor();
    await settled(d);
    const img = d.locator('[data-testid="redaction-canvas"] img');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(320);
    expect(await d.getByTestId('redaction-submit').isDisabled()).toBe(true);
    // From (25 %, 25 %) to (50 %, 50 %) of the picture: pixels 80,60 to 160,120 of the 320×240 photo.
    const box = (await img.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    expect(await d.getByTestId('redaction-rect').count()).toBe(1);
    await d.getByTestId('redaction-reason').fill('涉及第三人的房屋外观，公开前遮盖');
    await expect.poll(() => d.getByTestId('redaction-submit').isEnabled()).toBe(true);
    await new Promise((r) => setTimeout(r, 300)); // the button's colour transition, for the picture
    await page.screenshot({ path: join(SHOTS, 'evidence-redaction-drawn.png') });
    await d.getByTestId('redaction-submit').click();
    const copy = d.getByTestId('redaction-copy');
    await copy.waitFor();
    expect(await copy.textContent()).toContain(`遮盖_${photo.file!.fileName}`);
    expect(await copy.textContent()).toContain('涉及第三人的房屋外观');
    await page.screenshot({ path: join(SHOTS, 'evidence-redaction.png') });

    // The copy is black where drawn and the photo elsewhere; the original is as it was.
    const href = (await copy.locator('a[href*="/redactions/"]').getAttribute('href'))!;
    const redacted = PNG.sync.read(Buffer.from(await (await page.request.get(`${h.url}${href}`)).body()));
    const px = (x: number, y: number) => [...redacted.data.subarray((y * redacted.width + x) * 4, (y * redacted.width + x) * 4 + 3)];
    expect(px(120, 90)).toEqual([0, 0, 0]);
    expect(px(81, 61)).toEqual([0, 0, 0]);
    expect(px(158, 118)).toEqual([0, 0, 0]);
    expect(px(70, 50)).not.toEqual([0, 0, 0]);
    expect(px(170, 130)).not.toEqual([0, 0, 0]);
    const original = Buffer.from(
      await (await page.request.get(`${h.url}/api/v1/penalty-cases/${caseId}/evidence/${photo.seq}/content`)).body(),
    );
    expect(sha256(original)).toBe(photo.file!.sha256);
  });

  it('the supervisor sees 音像记录 coverage per agency and month (red below 60 %) and the integrity alert', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await h.login(page, 'jiandu');
    await page.goto(`${h.url}/console/recording-coverage`);
    const table = page.getByTestId('coverage-table');
    await table.locator('[data-agency]').first().waitFor();
    const today = ((await (await page.request.get(`${h.url}/api/v1/penalty-cases/dictionaries`)).json()) as { today: string }).today;
    const months = Array.from({ length: 12 }, (_, i) => {
      const k = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - (11 - i);
      return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    });
    const api = (await (
      await page.request.get(`${h.url}/api/v1/enforcement/recording-coverage?from=${months[0]}&to=${months[11]}`)
    ).json()) as { rows: { agencyId: string; month: string; share: number; cases: number; complete: number }[]; total: { share: number } };
    expect(api.rows.length).toBeGreaterThan(3);
    expect(api.rows.some((r) => r.share < 0.6)).toBe(true); // the demo town's weak point shows
    for (const r of api.rows) {
      const cell = page.getByTestId(`coverage-${r.agencyId}-${r.month}`);
      expect(await cell.getAttribute('data-share')).toBe(r.share.toFixed(4));
      expect(await cell.textContent()).toContain(`${Math.round(r.share * 100)}%${r.complete}/${r.cases}`);
      expect(await cell.getAttribute('data-low')).toBe(String(r.share < 0.6));
      // Red below 60 %, green otherwise, in shades that keep 4.5:1 (#a8071a on its pale red, #237804 on white).
      expect(await cell.evaluate((e) => getComputedStyle(e).color)).toBe(r.share < 0.6 ? 'rgb(168, 7, 26)' : 'rgb(35, 120, 4)');
    }
    // Months without cases are blank, and the header runs over the twelve months.
    expect(await table.locator('thead th').count()).toBe(14);
    // The dashboard shows the same twelve months' total.
    await page.goto(`${h.url}/console`);
    const card = page.getByTestId('dashboard-coverage');
    await card.getByText('件）').waitFor();
    expect(await card.textContent()).toContain(`${Math.round(api.total.share * 100)}%`);
    await page.goto(`${h.url}/console/recording-coverage`);
    await table.locator('[data-agency]').first().waitFor();
    // Before any problem: the last check was fine (or none was run).
    expect(await page.getByTestId('integrity-alert').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'evidence-coverage.png'), fullPage: true });

    // A file disappears from the store; the scheduled check finds it and the supervisor is told which.
    const lost = (await stateOf(caseId)).evidence.find((e) => e.file?.mime === 'application/pdf')!.file!;
    await h.yifa.blobs.remove(lost.sha256);
    const check = await verifyAndRecord(h.yifa, 'cli');
    expect(check.ok).toBe(false);
    await page.reload();
    const alert = page.getByTestId('integrity-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('1 个文件缺失或被改动');
    expect(await alert.getByTestId('integrity-problem').textContent()).toContain(lost.fileName);
    expect(await alert.getByTestId('integrity-problem').textContent()).toContain('文件缺失');
    await page.screenshot({ path: join(SHOTS, 'evidence-integrity-alert.png') });
    // And on the 工作台.
    await page.goto(`${h.url}/console/dashboard`);
    await page.getByTestId('integrity-alert').waitFor();

    // On a phone the table scrolls inside its card, not the page.
    const phone = await context({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await h.login(small, 'jiandu');
    await small.goto(`${h.url}/console/recording-coverage`);
    await small.getByTestId('coverage-table').locator('[data-agency]').first().waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await small.screenshot({ path: join(SHOTS, 'evidence-coverage-phone.png'), fullPage: true });
  });
  it('a photo uploaded in one browser waits on the server and is registered in another, fresh one; the same photo again is tagged 重复 and refused', async () => {
    // Another case under investigation: the held list is per case.
    const other = (
      await h.yifa.db.kysely
        .selectFrom('penalty_cases')
        .select('id')
        .where('status', '=', 'investigating')
        .where('id', '!=', caseId)
        .executeTakeFirstOrThrow()
    ).id;
    const photoFile = join(mkdtempSync(join(tmpdir(), 'yifa-evidence-')), '手机拍摄_现场.png');
    writeFileSync(photoFile, demoPhoto(31));
    const photoHash = sha256(readFileSync(photoFile));

    // On the phone: uploaded for the case, and left there.
    const phone = await context({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const p1 = await phone.newPage();
    await h.login(p1, 'zhifa1');
    await openCase(p1, other);
    await p1.getByTestId('upload-evidence').click();
    await p1.getByTestId('pick-any').setInputFiles(photoFile);
    const onPhone = uploadItem(p1, '手机拍摄_现场.png');
    await waitState(onPhone, 'uploaded');
    // The server holds it for the case (the row is the server's, not only this browser's).
    await expect.poll(() => onPhone.getAttribute('data-held')).toBe('true');

    // At the desk: a browser that never saw the file, the same user.
    const desk = await context();
    const p2 = await desk.newPage();
    await h.login(p2, 'zhifa1');
    await openCase(p2, other);
    const atDesk = uploadItem(p2, '手机拍摄_现场.png');
    await atDesk.waitFor();
    expect(await atDesk.getAttribute('data-held')).toBe('true');
    expect(await atDesk.getByTestId('upload-state').textContent()).toContain('待登记');
    await p2.getByTestId('evidence-card').screenshot({ path: join(SHOTS, 'evidence-held-at-desk.png') });
    await atDesk.getByTestId('register-upload').click();
    const d = p2.locator('.ant-modal-container:visible');
    await d.waitFor();
    await settled(d);
    // The file is picked from the list, not typed: its name and size are shown.
    expect(await d.getByTestId('evidence-file').textContent()).toContain('手机拍摄_现场.png');
    expect(await d.getByTestId('duplicate-warning').count()).toBe(0);
    await d.locator('#description').fill('现场状况（手机拍摄）');
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached', timeout: 15_000 });
    const registered = (await stateOf(other)).evidence.at(-1)!;
    expect(registered).toMatchObject({ type: 'documentary', file: { sha256: photoHash, fileName: '手机拍摄_现场.png' } });
    // Off the list at the desk, and on the phone after a reload.
    await expect.poll(() => p2.locator('[data-testid="upload-item"][data-file="手机拍摄_现场.png"]').count()).toBe(0);
    await p1.reload();
    await p1.getByTestId('evidence-card').waitFor();
    await expect.poll(() => p1.locator('[data-testid="upload-item"][data-file="手机拍摄_现场.png"]').count()).toBe(0);

    // The same photo again, at the desk: tagged 重复, naming the item it duplicates; registering it is refused.
    await p2.getByTestId('upload-evidence').click();
    await p2.getByTestId('pick-any').setInputFiles(photoFile);
    const again = uploadItem(p2, '手机拍摄_现场.png');
    await waitState(again, 'uploaded');
    const tag = again.getByTestId('duplicate-tag');
    await tag.waitFor();
    expect(await tag.textContent()).toBe(`重复：已登记为证据“${registered.title}”`);
    await p2.getByTestId('evidence-card').screenshot({ path: join(SHOTS, 'evidence-held-duplicate.png') });
    await again.getByTestId('register-upload').click();
    const d2 = p2.locator('.ant-modal-container:visible');
    await d2.waitFor();
    await settled(d2);
    expect(await d2.getByTestId('duplicate-warning').textContent()).toContain(`“${registered.title}”（序号 ${registered.seq}）`);
    await d2.screenshot({ path: join(SHOTS, 'evidence-held-duplicate-form.png') });
    await d2.locator('#description').fill('再次登记');
    await d2.getByRole('button', { name: /提\s*交/ }).click();
    await d2.getByTestId('evidence-error').waitFor();
    expect(await d2.getByTestId('evidence-error').textContent()).toContain('不能重复登记');
    expect((await stateOf(other)).evidence.filter((e) => e.file?.sha256 === photoHash)).toHaveLength(1);
    await d2.getByRole('button', { name: /取\s*消/ }).click();
    await d2.waitFor({ state: 'detached' });

    // 丢弃: off the list, on record.
    await again.getByTestId('discard-upload').click();
    await p2
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /丢\s*弃/ })
      .click();
    await expect.poll(() => p2.locator('[data-testid="upload-item"][data-file="手机拍摄_现场.png"]').count()).toBe(0);
    const discarded = await h.yifa.db.kysely.selectFrom('actions').select('type').where('type', '=', 'evidence.discard-upload').execute();
    expect(discarded).toHaveLength(1);
  });
});
