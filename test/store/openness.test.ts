/**
 * 政务公开 on both engines, through the HTTP API as staff and the public meet it: an agency's
 * 执法事项清单 drafted, reviewed by another person and published — then immutable, a new
 * version superseding it, the history kept and journaled with who and why; the 政府信息公开目录's
 * 索引号 gapless and unique when many are registered at once, a refused registration taking no
 * number; 以案释法 refused from an open case, refused when its text names the party, refused
 * to publish before the head's approval, and on the portal with the party masked (no full
 * name, ID number or phone anywhere); users without the permission refused and journaled.
 * Each publication issues a numbered document through the kit (文号 gapless per series and year,
 * its 查验码 and QR code in the DOCX, opened here); the portal serves a catalog entry's file
 * (the DOCX, or a PDF registered by hand) while it is in force — a superseded version's, an
 * unknown or malformed entry's answer 404/400 in Chinese; public catalog reads write nothing,
 * the timer's pass and staff reads bring the catalog up to date.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { qrTextsInDocx } from '../helpers/qr.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { seedDemoNormative } from '../../src/modules/normative-docs/demo.js';
import { syncCatalog } from '../../src/modules/openness/catalog-sync.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const ID_NUMBER = withIdCheckChar('50024119850315123');
const MOBILE = '13912345678';
const PARTY = '王小明';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The Chinese name a download carries (RFC 5987 `filename*`). */
const downloadedName = (res: LightMyRequestResponse) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']))?.[1] ?? '');
/** A document's print view and its DOCX, with the DOCX's text and QR codes. */
async function openDocument(c: Client, path: string) {
  const view = await c.get(path);
  expect(view.statusCode, view.body).toBe(200);
  const docx = await c.get(`${path}/docx`);
  expect(docx.statusCode, docx.body).toBe(200);
  expect(docx.headers['content-type']).toBe(DOCX);
  return { content: view.json().content, text: docxText(docx.rawPayload), qr: qrTextsInDocx(docx.rawPayload), name: downloadedName(docx) };
}

const powers = (names: string[]) => ({
  kind: 'powers',
  items: names.map((name) => ({
    name,
    category: '行政处罚',
    basis: '《中华人民共和国行政处罚法》第二十四条',
    procedure: 'both',
    channels: '12345 热线；县司法局行政执法监督科',
  })),
});

describe.each(ENGINES)('政务公开 on %s', (engine) => {
  let t: TestApp;
  let gongkai: Client;
  let fuzeren: Client;
  let zhifa1: Client;
  let xinfang: Client;
  let jiandu: Client;
  let agencyId: string;
  let officers: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-04-01');
    gongkai = await t.login('gongkai');
    fuzeren = await t.login('fuzeren');
    zhifa1 = await t.login('zhifa1');
    xinfang = await t.login('xinfang');
    jiandu = await t.login('jiandu');
    const me = (await zhifa1.get('/api/v1/session')).json();
    agencyId = me.user.agencyId;
    officers = [me.user.personId, (await (await t.login('zhifa2')).get('/api/v1/session')).json().user.personId];
  });
  afterAll(async () => t.close());

  const journalOf = async (type: string, id: string) =>
    t.yifa.db.kysely
      .selectFrom('actions')
      .selectAll()
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute();
  const journalCount = async () =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom('actions')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  let v1: string;
  let v1Code: string;
  let v2: string;
  it('publishes a version after another person reviews it; a published version never changes', async () => {
    const draft = await gongkai.post('/api/v1/openness/lists', { agencyId, content: powers(['对乱堆乱放的行政处罚']), reason: '首次公开' });
    expect(draft.statusCode, draft.body).toBe(201);
    v1 = draft.json().id;
    expect(draft.json()).toMatchObject({ version: 1, status: 'draft', kindName: '行政执法事项清单' });
    const edited = await gongkai.put(`/api/v1/openness/lists/${v1}`, {
      content: powers(['对乱堆乱放的行政处罚', '对野外用火的行政处罚']),
      reason: '补充事项',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await gongkai.post(`/api/v1/openness/lists/${v1}/submit`)).statusCode).toBe(200);
    // The clerk may not review; the head may.
    expect((await gongkai.post(`/api/v1/openness/lists/${v1}/review`, { decision: 'publish', note: null })).statusCode).toBe(403);
    const returned = await fuzeren.post(`/api/v1/openness/lists/${v1}/review`, { decision: 'return', note: null });
    expect(returned.statusCode).toBe(400);
    const published = await fuzeren.post(`/api/v1/openness/lists/${v1}/review`, { decision: 'publish', note: '同意' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedOn: '2026-04-01', reviewedBy: expect.any(String) });
    expect(published.json().indexNumber).toBe('妙泉-01-2026-00001');
    expect(published.json().number).toBe('妙泉执清字〔2026〕第1号');

    const before = await journalCount();
    const change = await gongkai.put(`/api/v1/openness/lists/${v1}`, { content: powers(['改']), reason: '改' });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.message).toMatch(/已发布的版本不能修改/);
    expect((await gongkai.post(`/api/v1/openness/lists/${v1}/submit`)).statusCode).toBe(409);
    expect((await fuzeren.post(`/api/v1/openness/lists/${v1}/review`, { decision: 'publish', note: null })).statusCode).toBe(409);
    expect(await journalCount()).toBe(before);
    const row = await t.yifa.db.kysely
      .selectFrom('openness_lists' as never)
      .selectAll()
      .where('id' as never, '=', v1 as never)
      .executeTakeFirstOrThrow();
    expect(JSON.parse((row as { content: string }).content).items).toHaveLength(2);
  });

  it('issues the published version its numbered document: print view, DOCX with its 查验码 and QR code, verifiable', async () => {
    const doc = await openDocument(gongkai, `/api/v1/openness/lists/${v1}/document`);
    expect(doc.content).toMatchObject({ title: '行政执法事项清单（第1版）', number: '妙泉执清字〔2026〕第1号', date: '2026-04-01' });
    const code = doc.content.verification.code as string;
    v1Code = code;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    for (const text of [
      '行政执法事项清单（第1版）',
      '妙泉执清字〔2026〕第1号',
      '妙泉-01-2026-00001',
      '对野外用火的行政处罚',
      '《中华人民共和国行政处罚法》第三十九条',
      `查验码：${code}`,
    ])
      expect(doc.text).toContain(text);
    expect(doc.qr).toEqual([doc.content.verification.url]);
    expect(doc.name).toBe('行政执法事项清单（第1版）-妙泉执清字〔2026〕第1号.docx');
    // The 查验码 opens the verify page: the document the platform issued, from the entry that published it.
    await t.yifa.journal.checkpoint();
    const verified = await t.anonymous().get(`/api/v1/public/verify/${encodeURIComponent(code)}`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ document: { title: '行政执法事项清单', number: '妙泉执清字〔2026〕第1号' }, status: 'issued' });
    expect(verified.json().proof).not.toBeNull();
    // The number came from the kit's counter, issued to the version, with its code: one of each.
    const issued = await t.yifa.db.kysely.selectFrom('issued_documents').selectAll().where('case_id', '=', v1).execute();
    expect(issued.map((d) => [d.series, d.number, d.action_type])).toEqual([
      ['openness-list:powers', '妙泉执清字〔2026〕第1号', 'openness.list.publish'],
    ]);
  });

  it('supersedes with a new version, one open draft at a time, the history kept and journaled with who and why', async () => {
    const draft = await gongkai.post('/api/v1/openness/lists', { agencyId, content: powers(['甲', '乙', '丙']), reason: '裁量基准修订' });
    expect(draft.statusCode, draft.body).toBe(201);
    v2 = draft.json().id;
    expect(draft.json().version).toBe(2);
    const second = await gongkai.post('/api/v1/openness/lists', { agencyId, content: powers(['丁']), reason: '再改' });
    expect(second.statusCode).toBe(409);
    // The public still sees version 1.
    const before = (await t.anonymous().get(`/api/v1/public/openness/lists?agencyId=${agencyId}&kind=powers`)).json();
    expect(before.items.map((i: { id: string }) => i.id)).toEqual([v1]);
    await gongkai.post(`/api/v1/openness/lists/${v2}/submit`);
    // Who drafted does not review (the head drafting is refused anyway by permission; here the reviewer is another person).
    const pub = await fuzeren.post(`/api/v1/openness/lists/${v2}/review`, { decision: 'publish', note: null });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().indexNumber).toBe('妙泉-01-2026-00002');
    // The series counts on, gapless: the second version is No. 2.
    expect(pub.json().number).toBe('妙泉执清字〔2026〕第2号');
    expect(pub.json().history.map((h: { version: number; status: string }) => [h.version, h.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const now = (await t.anonymous().get(`/api/v1/public/openness/lists?agencyId=${agencyId}&kind=powers`)).json();
    expect(now.items.map((i: { id: string }) => i.id)).toEqual([v2]);
    const old = (await t.anonymous().get(`/api/v1/public/openness/lists/${v1}`)).json();
    expect(old).toMatchObject({ status: 'superseded', supersededOn: '2026-04-01' });
    expect(old.history).toHaveLength(2);
    // Its document's 查验码 now says it is no longer in force, and since when.
    const verified = (await t.anonymous().get(`/api/v1/public/verify/${v1Code}`)).json();
    expect(verified).toMatchObject({
      status: 'lapsed',
      statusName: '已出具，已失效（已被第 2 版替代）',
      lapsed: { on: '2026-04-01', reason: '已被第 2 版替代' },
    });
    // A draft is not public.
    const d3 = await gongkai.post('/api/v1/openness/lists', { agencyId, content: powers(['戊']), reason: '第三版' });
    expect((await t.anonymous().get(`/api/v1/public/openness/lists/${d3.json().id}`)).statusCode).toBe(404);
    // A draft has no document yet.
    const none = await gongkai.get(`/api/v1/openness/lists/${d3.json().id}/document`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/尚未发布/) });
    const journal = await journalOf('openness-list', v2);
    expect(journal.map((e) => e.type)).toEqual(['openness.list.draft', 'openness.list.submit', 'openness.list.publish']);
    expect(JSON.parse(journal[2]!.result!)).toMatchObject({ number: '妙泉执清字〔2026〕第2号' });
    expect(JSON.parse(journal[0]!.payload).reason).toBe('裁量基准修订');
    expect(journal.every((e) => e.actor_user_id)).toBe(true);
  });

  it('serves the file of a catalog entry in force, and not of the superseded version, an unknown or a malformed entry', async () => {
    const anon = t.anonymous();
    const entries = (await anon.get('/api/v1/public/openness/catalog?category=functions')).json().items as {
      id: string;
      title: string;
      download: string | null;
      withdrawn: { on: string; reason: string } | null;
    }[];
    const first = entries.find((e) => e.title.includes('第 1 版'))!;
    const second = entries.find((e) => e.title.includes('第 2 版'))!;
    expect(first).toMatchObject({ download: null, withdrawn: { on: '2026-04-01', reason: '已被第 2 版替代' } });
    expect(second).toMatchObject({ download: `/api/v1/public/openness/catalog/${second.id}/file`, withdrawn: null });

    const file = await anon.get(second.download!);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toBe(DOCX);
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment; filename="document\.docx"; filename\*=UTF-8''/);
    expect(downloadedName(file)).toBe(`${second.title}-妙泉执清字〔2026〕第2号.docx`);
    const text = docxText(file.rawPayload);
    for (const s of ['妙泉执清字〔2026〕第2号', '甲', '丙', '查验码：']) expect(text).toContain(s);
    expect(qrTextsInDocx(file.rawPayload)).toHaveLength(1);

    // The superseded version's file is no longer served; staff still open its document.
    const lapsed = await anon.get(`/api/v1/public/openness/catalog/${first.id}/file`);
    expect(lapsed.statusCode).toBe(404);
    expect(lapsed.json().error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/已于 2026-04-01 失效（已被第 2 版替代）/),
    });
    expect((await gongkai.get(`/api/v1/openness/lists/${v1}/document`)).statusCode).toBe(200);
    // An unknown entry, a malformed id, an unknown parameter.
    const unknown = await anon.get('/api/v1/public/openness/catalog/00000000-0000-4000-8000-000000000000/file');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/\p{Script=Han}/u) });
    for (const bad of ['/api/v1/public/openness/catalog/not-an-id/file', `/api/v1/public/openness/catalog/${second.id}/file?x=1`]) {
      const res = await anon.get(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/\p{Script=Han}/u) });
    }
    expect((await gongkai.get('/api/v1/openness/lists/not-an-id/document')).statusCode).toBe(400);
    // Who may not read 政务公开 (the petition clerk) does not open the document either.
    expect((await xinfang.get(`/api/v1/openness/lists/${v2}/document`)).statusCode).toBe(403);
  });

  it('serves a PDF registered by hand as the entry’s file; an entry linking a page has none', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const begun = await fuzeren.post('/api/v1/uploads', {
      fileName: '2025年度法治政府建设报告.pdf',
      mime: 'application/pdf',
      size: pdf.length,
      sha256,
    });
    expect(begun.statusCode, begun.body).toBe(201);
    const sent = await fuzeren.patch(`/api/v1/uploads/${begun.json().id}`, pdf, {
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
    });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    const made = await fuzeren.post('/api/v1/openness/catalog', {
      agencyId,
      category: 'other',
      title: '2025年度法治政府建设情况报告',
      publishedOn: '2026-03-30',
      link: null,
      file: { sha256 },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().download).toBe(`/api/v1/public/openness/catalog/${made.json().id}/file`);
    const file = await t.anonymous().get(made.json().download);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(downloadedName(file)).toBe('2025年度法治政府建设报告.pdf');
    expect(Buffer.from(file.rawPayload).equals(pdf)).toBe(true);
    // An entry linking a page has no file.
    const page = (
      await fuzeren.post('/api/v1/openness/catalog', {
        agencyId,
        category: 'planning',
        title: '妙泉镇执法主体',
        publishedOn: '2026-03-30',
        link: '/portal/agencies',
        file: null,
      })
    ).json();
    expect(page.download).toBeNull();
    const noFile = await t.anonymous().get(`/api/v1/public/openness/catalog/${page.id}/file`);
    expect(noFile.statusCode).toBe(404);
    expect(noFile.json().error.message).toMatch(/没有可下载的文件，请查看其公开页面 \/portal\/agencies/);
  });

  it('refuses users without the permission and journals the denial; bad input saves nothing', async () => {
    const before = await journalCount();
    expect((await xinfang.get('/api/v1/openness/lists')).statusCode).toBe(403);
    expect((await jiandu.post('/api/v1/openness/lists', { agencyId, content: powers(['x']), reason: 'x' })).statusCode).toBe(403);
    const denials = await t.yifa.db.kysely
      .selectFrom('actions')
      .selectAll()
      .where('seq', '>=', before)
      .where('type', '=', 'access.denied')
      .execute();
    expect(denials.length).toBeGreaterThanOrEqual(2);
    const after = await journalCount();
    const bad = [
      await gongkai.post('/api/v1/openness/lists', { agencyId, content: { kind: 'powers', items: [] }, reason: '空' }),
      await gongkai.post('/api/v1/openness/lists', { agencyId, content: powers(['x']), reason: '  ' }),
      await gongkai.post('/api/v1/openness/lists', { agencyId, content: powers(['x']), reason: 'x', extra: 1 }),
      await fuzeren.post('/api/v1/openness/catalog', {
        agencyId,
        category: 'annual-report',
        title: '报告',
        publishedOn: '2026-02-30',
        link: '/portal/x',
        file: null,
      }),
      await fuzeren.post('/api/v1/openness/catalog', {
        agencyId,
        category: 'annual-report',
        title: '报告',
        publishedOn: '2026-04-01',
        link: 'https://evil.example',
        file: null,
      }),
      await t.anonymous().get('/api/v1/public/openness/catalog?limit=500'),
      await t.anonymous().get('/api/v1/public/openness/catalog?sort=title'),
    ];
    for (const res of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(/\p{Script=Han}/u);
    }
    expect(await journalCount()).toBe(after);
  });

  it('gives gapless, unique 索引号 when many entries are registered at once', async () => {
    const n = 12;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        fuzeren.post('/api/v1/openness/catalog', {
          agencyId,
          category: 'annual-report',
          title: `法治政府建设年度报告 ${i}`,
          publishedOn: '2026-03-31',
          link: '/portal/agencies',
          file: null,
        }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    // A refused registration (a file the user never uploaded) takes no number.
    const refused = await fuzeren.post('/api/v1/openness/catalog', {
      agencyId,
      category: 'annual-report',
      title: '未上传的文件',
      publishedOn: '2026-03-31',
      link: null,
      file: { sha256: 'a'.repeat(64) },
    });
    expect(refused.statusCode).toBe(409);
    const last = await fuzeren.post('/api/v1/openness/catalog', {
      agencyId,
      category: 'annual-report',
      title: '法治政府建设年度报告（最后）',
      publishedOn: '2026-03-31',
      link: '/portal/agencies',
      file: null,
    });
    const numbers = [...results, last].map((r) => r.json().indexNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: n + 1 }, (_, i) => `妙泉-04-2026-${String(i + 1).padStart(5, '0')}`));
    const portal = (await t.anonymous().get('/api/v1/public/openness/catalog?category=annual-report&limit=5')).json();
    expect(portal.items).toHaveLength(5);
    expect(portal.next).not.toBeNull();
    const found = (await t.anonymous().get(`/api/v1/public/openness/catalog?q=${encodeURIComponent('最后')}`)).json();
    expect(found.items.map((i: { title: string }) => i.title)).toEqual(['法治政府建设年度报告（最后）']);
    // Wildcards are words, never syntax.
    expect((await t.anonymous().get(`/api/v1/public/openness/catalog?q=${encodeURIComponent("%_' or 1=1 --")}`)).json().items).toEqual([]);
  });

  let openCase: string;
  let closedCase: string;
  it('writes 以案释法 only from a closed case, never naming the party, published only once approved', async () => {
    const registered = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: {
        source: { kind: 'complaint', summary: '群众举报露天焚烧', receivedOn: '2026-04-01' },
        party: { kind: 'citizen', name: '赵某', idNumber: null, address: '妙泉镇', phone: null, representative: null },
        field: '综合行政执法',
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    openCase = registered.json().case.id;
    const spot = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.on-the-spot',
      payload: {
        party: { kind: 'citizen', name: PARTY, idNumber: ID_NUMBER, address: '秀山县妙泉镇某某村5组', phone: MOBILE, representative: null },
        field: '综合行政执法',
        on: '2026-04-01',
        place: '妙泉镇集镇',
        officers,
        violationTypeId: 'waste-dumping',
        facts: '在集镇街道随意倾倒生活垃圾',
        basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
        kinds: ['fine'],
        fineFen: 10_000,
        confiscationFen: 0,
        signed: true,
        refusalNote: null,
        cashCollected: true,
        cashGround: null,
        cashGroundNote: null,
        receiptNumber: '渝财罚 000123',
        told: true,
        statement: null,
        statementReply: null,
        mitigation: [],
        circumstanceId: 'minor',
      },
    });
    expect(spot.statusCode, spot.body).toBe(201);
    closedCase = spot.json().case.id;
    const act = (type: string, payload: unknown) => zhifa1.post(`/api/v1/penalty-cases/${closedCase}/actions`, { type, payload });
    expect((await act('penalty.hand-in-cash', { on: '2026-04-01', receivedBy: '镇财政所出纳' })).statusCode).toBe(200);
    expect((await act('penalty.bank-cash', { on: '2026-04-01', bankReceipt: '缴款单 1' })).statusCode).toBe(200);
    expect((await act('penalty.file-on-the-spot', { on: '2026-04-01' })).statusCode).toBe(200);
    const close = await zhifa1.post(`/api/v1/penalty-cases/${closedCase}/actions`, {
      type: 'penalty.close',
      payload: { on: '2026-04-01', report: '当场缴纳罚款，案件办结' },
    });
    expect(close.statusCode, close.body).toBe(200);

    const body = '【案情】当事人在集镇街道倾倒生活垃圾。【释法】任何单位和个人不得随意倾倒生活垃圾。';
    // Who may not read penalty cases does not reach one through 以案释法 (the denial journaled).
    const before = await journalCount();
    expect((await gongkai.post('/api/v1/openness/explanations', { caseId: closedCase, title: '野外用火要不得', body })).statusCode).toBe(
      404,
    );
    const denied = await t.yifa.db.kysely
      .selectFrom('actions')
      .selectAll()
      .where('seq', '>=', before)
      .where('type', '=', 'access.denied')
      .execute();
    expect(denied).toHaveLength(1);
    const fromOpen = await zhifa1.post('/api/v1/openness/explanations', { caseId: openCase, title: '野外用火要不得', body });
    expect(fromOpen.statusCode).toBe(409);
    expect(fromOpen.json().error.message).toMatch(/尚未结案/);
    for (const leak of [`当事人${PARTY}倾倒垃圾`, `身份证 ${ID_NUMBER}`, `电话 ${MOBILE}`]) {
      const named = await zhifa1.post('/api/v1/openness/explanations', { caseId: closedCase, title: '野外用火要不得', body: leak });
      expect(named.statusCode, leak).toBe(409);
      expect(named.json().error).toMatchObject({ code: 'GATE_REFUSED', citation: '《中华人民共和国政府信息公开条例》第十五条' });
    }
    const draft = await zhifa1.post('/api/v1/openness/explanations', { caseId: closedCase, title: '野外用火要不得', body });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id;
    expect(draft.json().facts.party.name).toBe('王某某');
    expect(draft.json().citations).toEqual([{ law: '中华人民共和国固体废物污染环境防治法', article: '第一百一十一条', excerpt: null }]);

    // Not before approval.
    const early = await zhifa1.post(`/api/v1/openness/explanations/${id}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/须经负责人批准/);
    expect((await zhifa1.post(`/api/v1/openness/explanations/${id}/approval`, { approve: true, note: null })).statusCode).toBe(403);
    expect((await zhifa1.post(`/api/v1/openness/explanations/${id}/submit`)).statusCode).toBe(200);
    expect((await zhifa1.post(`/api/v1/openness/explanations/${id}/publish`)).statusCode).toBe(409);
    const approved = await fuzeren.post(`/api/v1/openness/explanations/${id}/approval`, { approve: true, note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    // Approved is not yet published: no document.
    expect((await zhifa1.get(`/api/v1/openness/explanations/${id}/document/docx`)).statusCode).toBe(404);
    const published = await zhifa1.post(`/api/v1/openness/explanations/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', indexNumber: '妙泉-05-2026-00001', number: '妙泉释法字〔2026〕第1号' });

    // Its numbered document: the facts as the public reads them, the party masked, in the DOCX too.
    const doc = await openDocument(zhifa1, `/api/v1/openness/explanations/${id}/document`);
    expect(doc.content).toMatchObject({ title: '以案释法', number: '妙泉释法字〔2026〕第1号' });
    for (const text of [
      '野外用火要不得',
      '王某某',
      '中华人民共和国固体废物污染环境防治法',
      '第一百一十一条',
      `查验码：${doc.content.verification.code}`,
    ])
      expect(doc.text).toContain(text);
    expect(doc.qr).toEqual([doc.content.verification.url]);
    // And the catalog serves it to the public.
    const entry = (await t.anonymous().get('/api/v1/public/openness/catalog?category=case-explanation')).json().items[0];
    expect(entry.download).toBe(`/api/v1/public/openness/catalog/${entry.id}/file`);
    const file = await t.anonymous().get(entry.download);
    expect(file.statusCode, file.body).toBe(200);
    expect(downloadedName(file)).toBe('野外用火要不得-妙泉释法字〔2026〕第1号.docx');
    const served = docxText(file.rawPayload);
    expect(served).toContain('王某某');
    for (const secret of [PARTY, ID_NUMBER, MOBILE, closedCase]) {
      expect(doc.text).not.toContain(secret);
      expect(served).not.toContain(secret);
    }

    const anon = t.anonymous();
    const bodies = [
      (await anon.get('/api/v1/public/openness/explanations')).body,
      (await anon.get(`/api/v1/public/openness/explanations/${id}`)).body,
      (await anon.get('/api/v1/public/openness/catalog?category=case-explanation')).body,
      (await anon.get('/api/v1/public/openness/catalog')).body,
    ];
    expect(bodies[1]).toContain('王某某');
    expect(bodies[2]).toContain('野外用火要不得');
    for (const b of bodies) {
      expect(b).not.toContain(PARTY);
      expect(b).not.toContain(ID_NUMBER);
      expect(b).not.toContain(MOBILE);
      expect(b).not.toContain(closedCase);
    }
  });

  it('keeps another town’s user out of the case and of the explanation', async () => {
    // The supervisor reads (his scope is the county) but may not write; the petition clerk may not read at all.
    expect((await jiandu.get('/api/v1/openness/explanations')).statusCode).toBe(200);
    expect((await jiandu.post('/api/v1/openness/explanations', { caseId: closedCase, title: 't', body: 'b' })).statusCode).toBe(403);
    expect((await xinfang.get('/api/v1/openness/explanations')).statusCode).toBe(403);
  });

  it('catalogues each published normative document through the kit facet, once, with gapless numbers per year', async () => {
    await seedDemoNormative(t.yifa);
    // A public read only reads: nothing is catalogued by it, nothing journaled.
    const before = await journalCount();
    const unsynced = (await t.anonymous().get('/api/v1/public/openness/catalog?category=regulations')).json();
    const categories = (await t.anonymous().get('/api/v1/public/openness/catalog-categories')).json();
    expect(unsynced.items).toEqual([]);
    expect(categories.find((c: { id: string }) => c.id === 'regulations').count).toBe(0);
    expect(await journalCount()).toBe(before);
    // The timer's pass catalogues them.
    expect(await syncCatalog(t.yifa)).toBeGreaterThan(0);
    const registrations = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select(['id', 'state'])
      .where('procedure', '=', 'normative-document')
      .execute();
    const expected = registrations.flatMap(
      (r) => (JSON.parse(r.state!) as { registrations: { number: string; on: string }[] }).registrations,
    );
    expect(expected.length).toBeGreaterThan(0);
    const all: { indexNumber: string; title: string; link: string }[] = [];
    let next: string | null = null;
    do {
      const page: { items: typeof all; next: string | null } = (
        await t
          .anonymous()
          .get(`/api/v1/public/openness/catalog?category=regulations&limit=5${next ? `&cursor=${encodeURIComponent(next)}` : ''}`)
      ).json();
      all.push(...page.items);
      next = page.next;
    } while (next);
    expect(all).toHaveLength(expected.length);
    for (const r of expected) expect(all.some((e) => e.title.includes(r.number))).toBe(true);
    expect(all.every((e) => e.link.startsWith('/portal/normative-documents/'))).toBe(true);
    // Gapless per year: the serials of each year run 1..n.
    const byYear = new Map<string, number[]>();
    for (const e of all) {
      const [, , year, serial] = e.indexNumber.split('-');
      byYear.set(year!, [...(byYear.get(year!) ?? []), Number(serial)]);
    }
    for (const serials of byYear.values()) expect(serials.sort((a, b) => a - b)).toEqual(serials.map((_, i) => i + 1));
    // A second pass adds nothing.
    const again = (await fuzeren.get('/api/v1/openness/catalog?category=regulations&limit=200')).json().items;
    expect(again).toHaveLength(expected.length);
    // A normative document's entry links its page; it has no file of its own.
    expect(all.every((e) => (e as { download?: unknown }).download === null)).toBe(true);
    const noFile = await t.anonymous().get(`/api/v1/public/openness/catalog/${(all[0] as unknown as { id: string }).id}/file`);
    expect(noFile.statusCode).toBe(404);
    expect(noFile.json().error.message).toMatch(/没有可下载的文件，请查看其公开页面 \/portal\/normative-documents\//);
  });
});
