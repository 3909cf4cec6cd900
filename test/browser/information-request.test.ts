/**
 * A request for government information (政府信息公开申请) as the applicant and the clerk meet
 * it, in Chromium: the applicant files on the portal and keeps the tracking code; the clerk
 * (gongkai) opens it from the console's list and sends a 补正 notice through the generic,
 * schema-built action form (a refusal shown with its article, an input issue at its field);
 * the applicant answers on the portal with the code; the clerk replies 部分公开 and the DOCX
 * opens; the applicant sees the reply and downloads it. axe-core finds no serious or
 * critical violation on the portal's request and tracking pages nor on the console's list
 * and record pages. Consultation, its opinion and an extension approved by the head go
 * through the same forms; a request registered at the counter shows its tracking code once,
 * and its scanned form is uploaded and attached in the record page's evidence panel.
 *
 * The server runs on today's date: 补正 must be sent within 7 working days of receipt, which
 * holds when it is sent the same day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startHarness, SHOTS, type BrowserHarness } from './harness.js';
import { choose, openAction as offered, settled } from './antd.js';
import { describeViolations, seriousViolations } from './axe.js';
import { docxText } from '../helpers/docx-text.js';
import { addDays } from '../../src/calendar/legal-date.js';
import { demoScan } from '../../src/modules/evidence/demo.js';

const CODE = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/;

describe('a request for government information in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => h?.close());

  const accessible = async (page: Page, name: string) => {
    await page.screenshot({ path: join(SHOTS, `information-request-${name}.png`), fullPage: true });
    const found = await seriousViolations(page);
    expect(found, `${name}:\n${describeViolations(found)}`).toEqual([]);
  };
  const modal = (page: Page) => page.locator('.ant-modal-container:visible');
  const select = (page: Page, d: Locator, id: string, ...texts: string[]) => choose(page, d, id, texts, d.locator('.ant-modal-title'));
  const date = async (d: Locator, id: string, value: string) => {
    await d.locator(`#${id}`).fill(value);
    await d.locator(`#${id}`).press('Enter');
  };
  /** Opens an action's form on the record page (a next step, or with `more` one under 更多操作) and waits for it to stand still. */
  const openAction = async (page: Page, type: string, more = false) => {
    await offered(page, type, { more });
    await modal(page).waitFor();
    await settled(modal(page));
    return modal(page);
  };
  const submitAndClose = async (page: Page, d: Locator, name: string) => {
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(SHOTS, `information-request-${name}-failed.png`) });
      throw new Error(
        `not submitted: ${await d
          .getByTestId('action-error')
          .textContent()
          .catch(() => '(no refusal shown)')}`,
        { cause: e },
      );
    });
  };
  const status = (page: Page) => page.getByTestId('record-status').textContent();
  const downloadText = async (page: Page, click: () => Promise<void>) => {
    const downloading = page.waitForEvent('download');
    await click();
    return docxText(readFileSync((await (await downloading).path())!));
  };

  it('is filed on the portal, corrected with the code, answered 部分公开 in the console, and the applicant reads the reply', async () => {
    const db = h.yifa.db.kysely;
    const agency = (
      await db
        .selectFrom('users')
        .innerJoin('agencies', 'agencies.id', 'users.agency_id')
        .select('agencies.name')
        .where('users.username', '=', 'gongkai')
        .executeTakeFirstOrThrow()
    ).name;
    const today = h.yifa.clock.today();

    // The applicant files on the portal.
    const applicant = await h.newPage();
    await applicant.goto(`${h.url}/portal/information-requests`);
    const form = applicant.getByTestId('request-form');
    await form.waitFor();
    await accessible(applicant, 'portal-request');
    await choose(applicant, form, 'agencyId', [agency], applicant.locator('h1'));
    await form.getByLabel('姓名', { exact: true }).fill('李某某');
    await form.getByLabel('身份证号码').fill('50024119900101123');
    await form.getByLabel('电子邮箱').fill('li@');
    await form.getByLabel('所需政府信息的名称、文号或者便于查询的其他特征性描述').fill('妙泉镇人居环境整治项目的资金使用情况');
    // The form's own checks, in Chinese, before anything is sent.
    await applicant.getByTestId('submit-request').click();
    await applicant.getByText('身份证号码须为 18 位（末位可为 X）').waitFor();
    await applicant.getByText('电子邮箱格式不正确').waitFor();
    await form.getByLabel('身份证号码').fill('500241199001011236');
    await form.getByLabel('电子邮箱').fill('');
    await applicant.getByTestId('submit-request').click();
    await applicant.getByText('请至少填写联系电话、电子邮箱、通信地址中的一项').waitFor();
    await form.getByLabel('联系电话').fill('023-76661234');
    await applicant.getByTestId('submit-request').click();
    await applicant.getByText('请妥善保存查询码，凭此码查询办理进度').waitFor();
    const code = CODE.exec((await applicant.getByTestId('tracking-code').textContent()) ?? '')?.[0];
    expect(code).toBeTruthy();
    await applicant.screenshot({ path: join(SHOTS, 'information-request-portal-filed.png'), fullPage: true });

    // …and follows it on the tracking page (reached from the filing page with the code in memory, not in the URL).
    await applicant.getByRole('button', { name: '查询办理进度' }).click();
    await applicant.waitForURL(/\/portal\/tracking$/);
    await expect.poll(() => applicant.getByTestId('track-status').textContent()).toBe('已登记');
    await accessible(applicant, 'portal-tracking');

    // A wrong code finds nothing.
    const stranger = await h.newPage();
    await stranger.goto(`${h.url}/portal/tracking`);
    await stranger.getByLabel('查询码').fill('ABCD-EFGH-JKLM-NPQR');
    await stranger.getByTestId('track-submit').click();
    await stranger.getByTestId('track-error').getByText('查询码不正确，或没有对应的申请').waitFor();

    // The clerk logs in and lands on the list of requests.
    const clerk = await h.newPage();
    await h.login(clerk, 'gongkai');
    await clerk.waitForURL(/\/console\/information-requests$/);
    const row = clerk.locator('tr[data-record]', { hasText: '李某某' });
    await row.waitFor();
    expect(await row.textContent()).toContain('已登记');
    // The search is labelled and finds the request by what it asks for; nothing for a stranger's name.
    await clerk.getByLabel('检索申请人、所需信息、答复书文号').fill('人居环境');
    await clerk.getByLabel('检索申请人、所需信息、答复书文号').press('Enter');
    await clerk.waitForURL(/q=/);
    await row.waitFor();
    await accessible(clerk, 'console-list');
    await clerk.getByLabel('检索申请人、所需信息、答复书文号').fill('王某某');
    await clerk.getByLabel('检索申请人、所需信息、答复书文号').press('Enter');
    await clerk.getByText('没有符合筛选条件的政府信息公开申请').waitFor();
    await clerk.getByRole('button', { name: '清除筛选' }).click();
    await row.getByRole('link').click();
    await clerk.waitForURL(/\/console\/information-requests\/[0-9a-f-]{36}$/);
    const recordUrl = clerk.url();
    await expect.poll(() => status(clerk)).toBe('已登记');
    // The deadlines, each with its article.
    expect(await clerk.locator('[data-citation="disclosure.request-reply"]').textContent()).toContain('第三十三条');
    expect(await clerk.locator('[data-citation="disclosure.request-correction-notice"]').textContent()).toContain('第三十条');
    expect(await clerk.locator('[data-deadline="disclosure.request-reply"]').getAttribute('data-state')).toBe('ok');
    await accessible(clerk, 'console-record');

    // 补正 through the generic form: an input issue the server finds is shown at its field…
    let d = await openAction(clerk, 'information-request.request-correction');
    expect(await d.locator('label[for="on"]').textContent()).toBe('告知日期');
    expect(await d.locator('#on').inputValue()).toBe(today);
    await d.getByLabel('需要补正的事项（一次性全部告知）').fill('请写明所需资金使用情况的年度和项目名称');
    // An impossible date is refused at its field, never replaced by another.
    await date(d, 'answerBy', '2026-02-30');
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.getByText('不是有效的日期').waitFor();
    expect(await d.locator('#answerBy').inputValue()).toBe('2026-02-30');
    await date(d, 'answerBy', today);
    let sent: { type: string; payload: Record<string, unknown>; key: string | undefined } | undefined;
    await clerk.route(
      '**/api/v1/information-requests/*/actions',
      async (route) => {
        sent = { ...route.request().postDataJSON(), key: route.request().headers()['idempotency-key'] };
        await route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            error: {
              code: 'INVALID_INPUT',
              message: '一次性告知补正：内容过短（items）',
              details: [{ path: 'items', message: '内容过短（测试）' }],
            },
          }),
        });
      },
      { times: 1 },
    );
    await d.getByRole('button', { name: /提\s*交/ }).click();
    await d.locator('.ant-form-item:has(#items) .ant-form-item-explain-error', { hasText: '内容过短（测试）' }).waitFor();
    expect(sent?.type).toBe('information-request.request-correction');
    expect(sent?.payload).toEqual({ on: today, items: '请写明所需资金使用情况的年度和项目名称', answerBy: today });
    expect(sent?.key).toMatch(/^[0-9a-f-]{36}$/);
    // …and every refusal of the gates, each with its article (a notice dated in a month, due before it).
    const firstKey = sent!.key;
    let key: string | undefined;
    clerk.on('request', (r) => {
      if (r.url().endsWith('/actions') && r.method() === 'POST') key = r.headers()['idempotency-key'];
    });
    await date(d, 'on', addDays(today, 30));
    await d.getByRole('button', { name: /提\s*交/ }).click();
    const refusals = d.getByTestId('refusal');
    await refusals.first().waitFor();
    const listed = await refusals.allTextContents();
    expect(listed).toHaveLength(3);
    expect(listed).toEqual(
      expect.arrayContaining([
        `告知日期（${addDays(today, 30)}）不能晚于今天（${today}）`, // a check against the record: no article, no brackets
        expect.stringMatching(
          /^补正须在收到申请之日起 7 个工作日内（\d{4}-\d{2}-\d{2} 前）一次性告知（依据：《中华人民共和国政府信息公开条例》第三十条）$/,
        ),
        '补正期限须晚于告知日期（依据：《中华人民共和国政府信息公开条例》第三十条）',
      ]),
    );
    expect(key).toBeDefined();
    expect(key).not.toBe(firstKey); // the server answered the first: a new submission, a new key
    await clerk.screenshot({ path: join(SHOTS, 'information-request-refused.png') });
    await date(d, 'on', today);
    await date(d, 'answerBy', addDays(today, 15));
    await submitAndClose(clerk, d, 'correction');
    await expect.poll(() => status(clerk)).toBe('待补正');
    await clerk.locator('[data-doc="correction"]').waitFor();

    // The applicant answers the 补正 notice with the code, and downloads the notice.
    await applicant.getByTestId('track-submit').click();
    const correction = applicant.getByTestId('track-correction');
    await correction.getByText('请写明所需资金使用情况的年度和项目名称').waitFor();
    expect(await applicant.getByTestId('track-status').textContent()).toBe('待补正');
    const notice = await downloadText(applicant, () => applicant.locator('[data-doc="correction"]').click());
    expect(notice).toContain('政府信息公开申请补正告知书');
    expect(notice).toContain('请写明所需资金使用情况的年度和项目名称');
    await accessible(applicant, 'portal-tracking-correction');
    await correction.getByLabel('补正内容').fill('2026年度妙泉镇农村人居环境整治项目');
    await applicant.getByTestId('answer-correction').click();
    await expect.poll(() => applicant.getByTestId('track-status').textContent()).toBe('办理中');
    await correction.getByText(/您已于 .* 提交补正/).waitFor();

    // The clerk replies 部分公开 (ground: process information).
    await clerk.goto(recordUrl);
    await expect.poll(() => status(clerk)).toBe('办理中');
    await clerk.getByTestId('correction').getByText('2026年度妙泉镇农村人居环境整治项目').waitFor();
    d = await openAction(clerk, 'information-request.reply');
    await select(clerk, d, 'type', '部分公开');
    await d
      .getByLabel('答复内容（公开的信息或获取方式、理由）')
      .fill('现公开该项目的资金拨付明细；项目评审的讨论记录属于过程性信息，不予公开。');
    await select(clerk, d, 'ground', '过程性信息');
    await submitAndClose(clerk, d, 'reply');
    await expect.poll(() => status(clerk)).toBe('已答复');
    await clerk
      .getByTestId('reply')
      .getByText(/依申答字/)
      .waitFor();
    const reply = await downloadText(clerk, () => clerk.locator('[data-doc="reply"]').click());
    for (const item of ['政府信息公开申请答复书', '李某某', '部分公开', '资金拨付明细', '过程性信息', '第十六条', '申请行政复议', agency])
      expect(reply, item).toContain(item);
    // The print view of the same reply.
    await clerk
      .locator('.ant-list-item', { hasText: '政府信息公开申请答复书' })
      .getByRole('link', { name: /查看\/打印/ })
      .click();
    await clerk.getByTestId('document').getByText('部分公开').first().waitFor();
    await clerk.goBack();
    // The journal, in Chinese, at China's time.
    await clerk.getByRole('tab', { name: '全过程记录（日志）' }).click();
    const journal = clerk.getByTestId('record-journal');
    await journal.getByText('作出答复').waitFor();
    const entries = await journal.locator('tbody tr').allTextContents();
    expect(entries.map((e) => e.replace(/\s+/g, ' '))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}申请人（公开门户）提交（登记）政府信息公开申请申请方式：/),
        expect.stringContaining('政府信息公开工作人员一次性告知补正'),
        expect.stringContaining('申请人（公开门户）申请人补正'),
        expect.stringContaining('政府信息公开工作人员作出答复'),
        expect.stringMatching(/政府信息公开工作人员查阅文书《政府信息公开申请答复书》；文号：\S*依申答字.*；方式：下载 DOCX/),
        expect.stringMatching(/申请人（公开门户）查阅文书《政府信息公开申请补正告知书》.*方式：下载 DOCX/),
      ]),
    );
    expect(entries.join('\n')).not.toContain('information-request.');
    await clerk.screenshot({ path: join(SHOTS, 'information-request-replied.png'), fullPage: true });

    // The applicant sees the reply with the code and downloads it.
    await applicant.getByTestId('track-submit').click();
    await expect.poll(() => applicant.getByTestId('track-status').textContent()).toBe('已答复');
    const shown = applicant.getByTestId('track-reply');
    await shown.getByText('部分公开').waitFor();
    expect(await shown.textContent()).toMatch(/依申答字/);
    expect(await shown.textContent()).toContain('资金拨付明细');
    const got = await downloadText(applicant, () => applicant.locator('[data-doc="reply"]').click());
    expect(got).toContain('部分公开');
    await applicant.screenshot({ path: join(SHOTS, 'information-request-portal-replied.png'), fullPage: true });
  });

  it('consults a third party, records its opinion, and the head approves an extension (a page widget, an integer, a hidden single value)', async () => {
    const db = h.yifa.db.kysely;
    const agencyId = (await db.selectFrom('users').select('agency_id').where('username', '=', 'gongkai').executeTakeFirstOrThrow())
      .agency_id!;
    const filed = await fetch(`${h.url}/api/v1/public/information-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        agencyId,
        applicant: { kind: 'citizen', name: '赵某某', idNumber: '50024119850202345X', phone: '13800000000', email: null, address: null },
        description: '某某公司厂房建设项目的环评批复',
        form: 'electronic',
      }),
    });
    expect(filed.status).toBe(201);
    const clerk = await h.newPage();
    await h.login(clerk, 'gongkai');
    await clerk.locator('tr[data-record]', { hasText: '赵某某' }).getByRole('link').click();
    await expect.poll(() => status(clerk)).toBe('已登记');
    let d = await openAction(clerk, 'information-request.consult-third-party', true);
    await d.getByLabel('第三方', { exact: true }).fill('秀山县某某建材有限公司');
    await d.getByLabel('征求意见的信息及可能损害的权益').fill('环评批复附件中的生产工艺可能涉及商业秘密');
    await submitAndClose(clerk, d, 'consult');
    await expect.poll(() => status(clerk)).toBe('征求第三方意见');
    // 登记第三方意见 names the consultation through the page's own widget: the only one waiting is chosen.
    d = await openAction(clerk, 'information-request.record-opinion');
    expect(await d.locator('.ant-form-item:has(#consultationSeq)').textContent()).toContain('秀山县某某建材有限公司');
    await select(clerk, d, 'opinion', '同意公开');
    await submitAndClose(clerk, d, 'opinion');
    await expect.poll(() => status(clerk)).toBe('办理中');
    d = await openAction(clerk, 'information-request.request-extension', true);
    await d.getByLabel('延长工作日数').fill('10');
    await d.getByLabel('延期理由').fill('所需信息涉及多个部门，需协调后答复');
    await submitAndClose(clerk, d, 'extension');
    await clerk.getByText('待负责人审批：延长答复期限').waitFor();

    const head = await h.newPage();
    await h.login(head, 'fuzeren');
    await head.goto(clerk.url());
    d = await openAction(head, 'information-request.approve');
    // The approval knows the request it answers: no 审批事项 to pick, the request shown as it was made.
    expect(await d.locator('#kind').count()).toBe(0);
    const request = d.getByTestId('payload-summary');
    expect(await request.textContent()).toContain('审批事项：延长答复期限');
    expect(await request.textContent()).toContain('所需信息涉及多个部门，需协调后答复');
    await d.getByLabel('审批意见').fill('同意延期 10 个工作日');
    await submitAndClose(head, d, 'approve');
    await head.getByText(/答复期限延长 10 个工作日/).waitFor();
    await head.locator('[data-doc="extension-notice"]').waitFor();
    expect(await head.locator('[data-deadline="disclosure.request-extension"]').count()).toBe(1);
  });

  it('registers a request handed in at the counter, shows its tracking code once, and attaches the scanned form', async () => {
    const clerk = await h.newPage();
    await h.login(clerk, 'gongkai');
    await clerk.waitForURL(/\/console\/information-requests$/);
    await clerk.locator('[data-open="information-request.submit"]').click();
    const d = modal(clerk);
    await d.waitFor();
    await settled(d);
    // Groups and nullable fields from the schema: the applicant's fields in their own group, the tracking hash hidden (the server adds it).
    await d.locator('fieldset[data-group="applicant"]').getByLabel('申请人姓名或名称').waitFor();
    expect(await d.locator('#trackingHash').count()).toBe(0);
    expect(await d.locator('.ant-form-item:has(#channel)').textContent()).toContain('当面申请');
    await select(clerk, d, 'applicant_kind', '法人或者其他组织');
    await d.getByLabel('申请人姓名或名称').fill('秀山县某某农业合作社');
    await d.getByLabel('身份证号或统一社会信用代码').fill('93500241MA5U123458');
    await d.getByLabel('通信地址').fill('秀山县妙泉镇某某村5组');
    await d.getByLabel('所需信息的名称、文号或者便于查询的其他特征性描述').fill('2026年农业补贴发放名单');
    await select(clerk, d, 'form', '纸质');
    let payload: Record<string, unknown> | undefined;
    clerk.on('request', (r) => {
      if (r.url().endsWith('/api/v1/information-requests') && r.method() === 'POST') payload = r.postDataJSON().payload;
    });
    await d.getByRole('button', { name: /提\s*交/ }).click();
    const code = clerk.getByTestId('tracking-code');
    await code.waitFor();
    expect(await code.textContent()).toMatch(CODE);
    expect(payload).toMatchObject({
      channel: 'counter',
      applicant: { kind: 'organisation', phone: null, email: null, address: '秀山县妙泉镇某某村5组' },
      form: 'paper',
    });
    expect(payload).not.toHaveProperty('trackingHash');
    await clerk.screenshot({ path: join(SHOTS, 'information-request-counter-code.png') });
    await clerk.getByRole('button', { name: '我已记下，查看申请' }).click();
    await clerk.waitForURL(/\/console\/information-requests\/[0-9a-f-]{36}$/);
    await expect.poll(() => status(clerk)).toBe('已登记');
    expect(await clerk.getByTestId('record-summary').textContent()).toContain('当面申请');

    // The scanned form: uploaded in the evidence panel, verified, attached with the procedure's own form.
    const scan = await demoScan(5);
    await clerk.getByTestId('upload-evidence').click();
    await clerk.getByTestId('pick-any').setInputFiles({ name: '申请书.pdf', mimeType: 'application/pdf', buffer: scan });
    const queued = clerk.locator('[data-testid="upload-item"][data-file="申请书.pdf"]');
    await expect.poll(() => queued.getAttribute('data-state'), { timeout: 30_000 }).toBe('uploaded');
    // Attaching is the panel's, not one of the record's action buttons.
    expect(await clerk.locator('[data-action="information-request.attach-file"]').count()).toBe(0);
    await queued.getByTestId('register-upload').click();
    const d2 = modal(clerk);
    await d2.waitFor();
    await settled(d2);
    expect(await d2.getByLabel('材料名称').inputValue()).toBe('申请书');
    await select(clerk, d2, 'type', '申请书及身份证明（扫描件）');
    await d2.getByLabel('说明').fill('当面递交的申请书扫描件');
    await submitAndClose(clerk, d2, 'attach');
    const item = clerk.getByTestId('evidence-item');
    await item.waitFor();
    expect(await item.textContent()).toContain('申请书及身份证明（扫描件）');
    expect(await item.getByTestId('evidence-file-info').textContent()).toContain('申请书.pdf');
    await item.getByTestId('evidence-preview').click();
    await item.getByTestId('evidence-pdf').waitFor();
    await item.getByTestId('evidence-custody').click();
    const events = clerk.getByTestId('custody-event');
    await expect.poll(() => events.first().getAttribute('data-type')).toBe('information-request.attach-file');
    expect(await events.first().textContent()).toContain('登记入卷');
    await accessible(clerk, 'evidence');

    // The same scan again: held for the request on the server, tagged 重复 with the item it repeats; the form warns; 丢弃.
    await clerk.keyboard.press('Escape');
    await clerk.getByTestId('pick-any').setInputFiles({ name: '申请书（重扫）.pdf', mimeType: 'application/pdf', buffer: scan });
    const again = clerk.locator('[data-testid="upload-item"][data-file="申请书（重扫）.pdf"]');
    await expect.poll(() => again.getAttribute('data-held'), { timeout: 30_000 }).toBe('true');
    expect(await again.getByTestId('duplicate-tag').textContent()).toBe('重复：已登记为材料“申请书”');
    await again.getByTestId('register-upload').click();
    const d3 = modal(clerk);
    await d3.waitFor();
    expect(await d3.getByTestId('evidence-file').textContent()).toContain('申请书（重扫）.pdf');
    expect(await d3.getByTestId('duplicate-warning').textContent()).toContain('该文件已登记为本申请材料“申请书”');
    await accessible(clerk, 'evidence-duplicate');
    await d3.getByRole('button', { name: /取\s*消/ }).click();
    await d3.waitFor({ state: 'detached' });
    await again.getByTestId('discard-upload').click();
    await clerk
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /丢\s*弃/ })
      .click();
    await expect.poll(() => again.count()).toBe(0);
  });
});
