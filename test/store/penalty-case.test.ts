import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { replayCase } from '../../src/modules/enforcement/service/cases.js';
import { docxText } from '../helpers/docx-text.js';
import { checkCaseFile } from '../helpers/case-file.js';
import { addMonths } from '../../src/calendar/legal-date.js';

interface Person {
  id: string;
  name: string;
  post: string;
  agencyName: string;
}

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const party = {
  kind: 'organisation',
  name: '秀山县某某建材有限公司',
  idNumber: '91500241MA5U00000K',
  address: '秀山县妙泉镇某某村3组',
  phone: '023-76660000',
  representative: '王某某',
};
const points = (ok = true) =>
  Object.fromEntries(
    ['body', 'officers', 'procedure', 'facts', 'law', 'discretion', 'abuse', 'documents', 'crime', 'other'].map((k) => [
      k,
      { ok, note: ok ? '经审查无问题' : '存在问题' },
    ]),
  );

describe.each(ENGINES)('penalty cases on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let fazhi: Client;
  let jiandu: Client;
  let people: Person[];
  let officers: string[];
  let chair: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const admin = await t.login('admin');
    people = (await admin.get('/api/v1/people?limit=200')).json().items;
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    fazhi = await t.login('fazhi');
    jiandu = await t.login('jiandu');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    officers = [me.user.personId, other.user.personId];
    chair = people.find((p) => p.post === '综合行政执法办公室主任')!.id;
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `test-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('runs a general-procedure case with a hearing and legal review from 案源 to 归档', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const opened = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: {
        source: { kind: 'patrol', summary: '巡查发现某某村3组有未批先建的厂房', receivedOn: '2026-03-02' },
        party,
        field: '综合行政执法',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    expect(opened.json().status).toBe('registered');

    await ok(zhifa1, id, 'penalty.request-filing', {
      violationTypeId: 'illegal-building',
      actOn: '2026-02-20',
      seriousHarm: false,
      officers,
      summary: '未取得乡村建设规划许可证建设厂房约 600 平方米',
    });
    let view = await ok(fuzeren, id, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
    expect(view.status).toBe('investigating');
    expect(view.case.filingNumber).toBe('妙泉罚立字〔2026〕第1号');
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'penalty.decision')).toMatchObject({
      from: '2026-03-02',
      due: '2026-06-01',
      state: 'ok',
    });

    await ok(zhifa1, id, 'penalty.record-inspection', {
      on: '2026-03-02',
      place: '某某村3组',
      officers,
      subject: '王某某',
      summary: '现场有在建厂房一处，未见规划许可公示',
    });
    await ok(zhifa1, id, 'penalty.record-inquiry', {
      on: '2026-03-02',
      place: '妙泉镇综合行政执法办公室',
      officers,
      subject: '王某某',
      summary: '当事人承认未办理乡村建设规划许可证',
    });
    await ok(zhifa1, id, 'penalty.add-evidence', {
      type: 'audiovisual',
      title: '现场执法记录仪视频',
      description: '时长 12 分钟',
      collectedOn: '2026-03-02',
      source: '执法记录仪 MQ-01',
    });
    view = await ok(zhifa1, id, 'penalty.conclude-investigation', {
      on: '2026-03-02',
      facts: '当事人未取得乡村建设规划许可证，擅自建设厂房约 600 平方米',
      evidenceSummary: '现场检查笔录、询问笔录、视听资料',
      outcome: 'penalty',
      kinds: ['fine'],
      fineFen: 20_000_000,
      confiscationFen: 0,
      basis: '《中华人民共和国城乡规划法》第六十五条',
      circumstanceId: 'serious',
      discretionReason: null,
      reviewGrounds: [],
    });
    expect(view.status).toBe('investigated');
    expect(view.case.proposal).toMatchObject({
      major: true,
      hearingEligible: true,
      collectiveRequired: true,
      catalogRow: 'organisation-amount',
    });

    t.yifa.clock.source = at('2026-03-03');
    await ok(zhifa1, id, 'penalty.serve-notice', { servedOn: '2026-03-03', method: 'direct', consentOnFile: false });
    t.yifa.clock.source = at('2026-03-04');
    const early = await act(fuzeren, id, 'penalty.decide', { on: '2026-03-04', reasoning: '事实清楚', paymentInstructions: null });
    // Not now: 作出决定 is not offered while anything stands in its way (here the review, the
    // discussion and the party's time to answer), and the page lists every one of them.
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CONFLICT');
    const blockers = (await fuzeren.get(`/api/v1/penalty-cases/${id}`)).json().decisionBlockers as { message: string; citation: string }[];
    expect(blockers.find((b) => b.message.includes('尚未届满'))?.citation).toContain('第六十四条');
    expect(blockers.map((b) => b.citation).join()).toContain('第五十八条');

    await ok(zhifa1, id, 'penalty.request-hearing', { requestedOn: '2026-03-04' });
    const tooSoon = await act(zhifa1, id, 'penalty.notify-hearing', {
      servedOn: '2026-03-04',
      hearingDate: '2026-03-10',
      place: '镇政府三楼会议室',
      chairPersonId: chair,
      public: true,
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().error.message).toContain('七个工作日');
    const investigatorChairs = await act(zhifa1, id, 'penalty.notify-hearing', {
      servedOn: '2026-03-04',
      hearingDate: '2026-03-16',
      place: '镇政府三楼会议室',
      chairPersonId: officers[1],
      public: true,
    });
    expect(investigatorChairs.statusCode).toBe(409);
    view = await ok(zhifa1, id, 'penalty.notify-hearing', {
      servedOn: '2026-03-04',
      hearingDate: '2026-03-16',
      place: '镇政府三楼会议室',
      chairPersonId: chair,
      public: true,
    });
    expect(view.status).toBe('hearing');

    t.yifa.clock.source = at('2026-03-16');
    await ok(zhifa1, id, 'penalty.hold-hearing', {
      heldOn: '2026-03-16',
      partyAbsent: false,
      agents: ['王某某', '律师李某某'],
      record: '调查人员陈述案件事实，当事人申辩厂房系自用',
      signed: true,
      refusalNote: null,
    });
    await ok(zhifa1, id, 'penalty.report-hearing', { on: '2026-03-16', report: '听证认为事实清楚，建议维持拟处罚意见' });
    const unreviewed = await act(fuzeren, id, 'penalty.decide', { on: '2026-03-16', reasoning: '事实清楚', paymentInstructions: null });
    // Not offered without the review: refused as the status would be (409), citing it.
    expect(unreviewed.statusCode).toBe(409);
    expect(unreviewed.json().error.citation).toContain('第五十八条');

    view = await ok(zhifa1, id, 'penalty.submit-review', { on: '2026-03-16', materials: '情况说明、拟决定书、证据、听证笔录' });
    expect(view.status).toBe('in-review');
    const officerReviews = await act(zhifa1, id, 'penalty.review-opinion', {
      on: '2026-03-16',
      conclusion: 'agree',
      points: points(),
      text: '同意',
    });
    expect(officerReviews.statusCode).toBe(403);
    const agreeWithProblems = await act(fazhi, id, 'penalty.review-opinion', {
      on: '2026-03-17',
      conclusion: 'agree',
      points: points(false),
      text: '同意',
    });
    expect(agreeWithProblems.statusCode).toBe(409);
    view = await ok(fazhi, id, 'penalty.review-opinion', {
      on: '2026-03-16',
      conclusion: 'agree',
      points: points(),
      text: '同意拟处罚意见',
    });
    expect(view.case.reviews[0].opinion.number).toBe('妙泉法审字〔2026〕第1号');

    view = await ok(fuzeren, id, 'penalty.collective-discussion', {
      on: '2026-03-16',
      participants: ['镇长', '分管副镇长', '纪委书记'],
      conclusion: '同意处罚款 20 万元',
    });
    expect(view.decisionBlockers).toEqual([]);
    view = await ok(fuzeren, id, 'penalty.decide', {
      on: '2026-03-16',
      reasoning: '当事人违法事实清楚，证据确凿',
      paymentInstructions: '十五日内缴至指定银行',
    });
    expect(view.status).toBe('decided');
    expect(view.case.decision.number).toBe('妙泉罚决字〔2026〕第1号');

    // The 决定书 carries every item of Art 59.
    const docx = await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/decision/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = docxText(docx.rawPayload);
    for (const item of [
      '妙泉罚决字〔2026〕第1号',
      '秀山县某某建材有限公司',
      '秀山县妙泉镇某某村3组', // (一) party name and address
      '擅自建设厂房约 600 平方米',
      '现场执法记录仪视频', // (二) facts and evidence
      '罚款人民币贰拾万元整',
      '《中华人民共和国城乡规划法》第六十五条', // (三) kind and basis
      '十五日内', // (四) how and by when
      '六十日内',
      '人民政府申请行政复议',
      '六个月内',
      '人民法院提起行政诉讼', // (五) remedies and time limits
      '秀山县妙泉镇人民政府',
      '2026年3月16日',
      '印章', // (六) agency, date, seal
    ])
      expect(text, item).toContain(item);
    // The 告知书 lists the evidence the case held when it was served, by name (Art 44), not a template.
    const notice = docxText((await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/notice/docx`)).rawPayload);
    for (const item of ['以上事实有下列证据为证', '询问笔录', '现场检查（勘验）笔录', '现场执法记录仪视频', '视听资料'])
      expect(notice, item).toContain(item);
    const list = (await zhifa1.get(`/api/v1/penalty-cases/${id}/documents`)).json().items as { id: string; title: string }[];
    expect(list.map((d) => d.title)).toEqual(
      expect.arrayContaining([
        '立案审批表',
        '询问笔录',
        '现场检查（勘验）笔录',
        '证据清单',
        '调查终结报告',
        '重大执法决定法制审核申请表',
        '重大执法决定法制审核意见书',
        '行政处罚告知书',
        '听证通知书',
        '听证笔录',
        '听证报告',
        '集体讨论记录',
        '行政处罚决定书',
      ]),
    );

    t.yifa.clock.source = at('2026-03-17');
    view = await ok(zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-03-17',
      method: 'direct',
      recipient: '王某某',
      refusedToSign: false,
      consentOnFile: false,
    });
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'penalty.payment')).toMatchObject({ due: '2026-04-01', state: 'ok' });
    const early2 = await act(zhifa1, id, 'penalty.close', { on: '2026-03-17', report: '结案' });
    expect(early2.statusCode).toBe(409);
    // More than is owed is refused at the amount, with what is owed (nothing late yet: only the fine).
    const over = await act(zhifa1, id, 'penalty.record-payment', {
      on: '2026-03-17',
      amountFen: 20_000_001,
      receipt: '非税收入缴款书 No.0012345',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.details.refusals[0]).toMatchObject({ field: 'amountFen' });
    expect(over.json().error.message).toContain('共 ¥200,000.00');
    expect(over.json().error.citation).toContain('第七十二条');
    await ok(zhifa1, id, 'penalty.record-payment', { on: '2026-03-17', amountFen: 20_000_000, receipt: '非税收入缴款书 No.0012345' });
    await ok(zhifa1, id, 'penalty.close', { on: '2026-03-17', report: '当事人已缴清罚款，案件办结' });
    // The inspection and the hearing were not recorded on video: archiving asks for acknowledgement (Art 47), then keeps the warnings.
    const unacknowledged = await act(fuzeren, id, 'penalty.archive', { on: '2026-03-17', acknowledgeWarnings: false });
    expect(unacknowledged.statusCode).toBe(409);
    expect(unacknowledged.json().error.message).toContain('缺少音像记录：现场检查');
    expect(unacknowledged.json().error.citation).toContain('第四十七条');
    view = await ok(fuzeren, id, 'penalty.archive', { on: '2026-03-17', acknowledgeWarnings: true });
    expect(view.case.archiveWarnings).toHaveLength(2);
    expect(view.status).toBe('archived');
    const titles = (await zhifa1.get(`/api/v1/penalty-cases/${id}/documents`)).json().items.map((d: { title: string }) => d.title);
    expect(titles.slice(-2)).toEqual(['送达回证', '结案报告']);
    for (const d of (await zhifa1.get(`/api/v1/penalty-cases/${id}/documents`)).json().items as {
      id: string;
      title: string;
      number: string | null;
    }[]) {
      const res = await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/${d.id}/docx`);
      expect(res.statusCode, d.id).toBe(200);
      const body = docxText(res.rawPayload);
      expect(body, d.id).toContain(d.title);
      if (d.number) expect(body, d.id).toContain(d.number);
    }

    // The case file: PDF with contents and page numbers, original documents, hashes, proofs.
    const zip = await zhifa1.get(`/api/v1/penalty-cases/${id}/case-file`);
    expect(zip.statusCode, zip.body.slice(0, 500)).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const file = checkCaseFile(zip.rawPayload);
    for (const text of [
      '行政处罚案卷',
      '卷内目录',
      '立案审批表',
      '听证笔录',
      '重大执法决定法制审核意见书',
      '行政处罚决定书',
      '妙泉罚决字〔2026〕第1号',
      '送达回证',
      '结案报告',
      '备考表',
    ])
      expect(file.pdfText, text).toContain(text);
    expect(file.proven).toBeGreaterThanOrEqual(20);
    expect(file.documents).toBeGreaterThanOrEqual(15);

    // The projection is the fold of the journal.
    expect(await replayCase(t.yifa, id)).toEqual(view.case);
    const journal = (await zhifa1.get(`/api/v1/penalty-cases/${id}/actions`)).json().items as { type: string }[];
    expect(journal.filter((a) => a.type.startsWith('penalty.')).length).toBeGreaterThanOrEqual(20);
  });

  it('refuses the simple procedure above ¥200 for a citizen, and takes it within the limit', async () => {
    t.yifa.clock.source = at('2026-04-01');
    const payload = (fineFen: number) => ({
      party: { kind: 'citizen', name: '张某某', idNumber: null, address: '妙泉镇某某村', phone: null, representative: null },
      field: '综合行政执法',
      on: '2026-04-01',
      place: '某某村林区',
      officers,
      violationTypeId: 'wild-fire',
      circumstanceId: 'ordinary',
      facts: '森林防火期内在林区烧纸',
      basis: '《森林防火条例》第五十条',
      told: true,
      statement: null,
      statementReply: null,
      kinds: ['fine'],
      fineFen,
      confiscationFen: 0,
      mitigation: [],
      signed: false,
      refusalNote: '当事人拒绝签收，已当场宣读',
      cashCollected: false,
      cashGround: null,
      cashGroundNote: null,
      receiptNumber: null,
    });
    const wrongType = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.on-the-spot',
      payload: { ...payload(10_000), violationTypeId: 'pollutant-discharge' },
    });
    expect(wrongType.statusCode).toBe(409);
    expect(wrongType.json().error.message).toContain('与本案执法类别');
    const over = await zhifa1.post('/api/v1/penalty-cases', { type: 'penalty.on-the-spot', payload: payload(20_001) });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.citation).toContain('第五十一条');
    const okRes = await zhifa1.post('/api/v1/penalty-cases', { type: 'penalty.on-the-spot', payload: payload(20_000) });
    expect(okRes.statusCode, okRes.body).toBe(201);
    expect(okRes.json()).toMatchObject({ status: 'executing', procedure: 'simple' });
    expect(okRes.json().case.decision.number).toMatch(/^妙泉当罚字〔2026〕第\d+号$/);
  });

  it('validates input: money in integer fen, known action types, one officer is not enough', async () => {
    t.yifa.clock.source = at('2026-04-02');
    const bad = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: { source: { kind: 'rumour', summary: 'x', receivedOn: '2026-02-30' }, party, field: '综合行政执法' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_INPUT');
    const id = (
      await zhifa1.post('/api/v1/penalty-cases', {
        type: 'penalty.register',
        payload: { source: { kind: 'complaint', summary: '群众举报露天焚烧', receivedOn: '2026-04-02' }, party, field: '综合行政执法' },
      })
    ).json().id;
    const one = await act(zhifa1, id, 'penalty.request-filing', {
      violationTypeId: 'straw-burning',
      actOn: '2026-04-01',
      seriousHarm: false,
      officers: [officers[0]],
      summary: 'x',
    });
    expect(one.statusCode).toBe(400);
    const unknown = await act(zhifa1, id, 'penalty.delete', {});
    expect(unknown.statusCode).toBe(400);
    const stale = await act(zhifa1, id, 'penalty.request-filing', {
      violationTypeId: 'straw-burning',
      actOn: '2023-01-01',
      seriousHarm: false,
      officers,
      summary: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.citation).toContain('第三十六条');
    const before = (await zhifa1.get(`/api/v1/penalty-cases/${id}/actions`)).json().items.length;
    const fraction = await act(zhifa1, id, 'penalty.request-filing', {
      violationTypeId: 'straw-burning',
      actOn: '2026-04-01',
      seriousHarm: false,
      officers,
      summary: 'x',
      extra: 1,
    });
    expect(fraction.statusCode).toBe(400);
    expect((await zhifa1.get(`/api/v1/penalty-cases/${id}/actions`)).json().items.length).toBe(before);
  });

  it('repeats nothing for a repeated Idempotency-Key', async () => {
    t.yifa.clock.source = at('2026-04-03');
    const id = (
      await zhifa1.post('/api/v1/penalty-cases', {
        type: 'penalty.register',
        payload: { source: { kind: 'complaint', summary: '举报乱倒垃圾', receivedOn: '2026-04-03' }, party, field: '综合行政执法' },
      })
    ).json().id;
    const body = {
      type: 'penalty.request-filing',
      payload: { violationTypeId: 'waste-dumping', actOn: '2026-04-02', seriousHarm: false, officers, summary: '乱倒生活垃圾' },
    };
    const a = await zhifa1.post(`/api/v1/penalty-cases/${id}/actions`, body, { 'idempotency-key': `same-${engine}-key` });
    const b = await zhifa1.post(`/api/v1/penalty-cases/${id}/actions`, body, { 'idempotency-key': `same-${engine}-key` });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    const journal = (await zhifa1.get(`/api/v1/penalty-cases/${id}/actions`)).json().items as { type: string }[];
    expect(journal.filter((x) => x.type === 'penalty.request-filing')).toHaveLength(1);
  });

  it("keeps each agency's settings valid: overlapping catalog rows and a malformed 评查表 are refused, a valid sheet is used", async () => {
    const id = (
      await zhifa1.post('/api/v1/penalty-cases', {
        type: 'penalty.register',
        payload: { source: { kind: 'patrol', summary: '巡查发现占道经营', receivedOn: '2026-04-03' }, party, field: '综合行政执法' },
      })
    ).json().id as string;
    const agencyId = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().agency.id as string;
    const url = `/api/v1/enforcement/settings/${agencyId}`;
    const current = (await fuzeren.get(url)).json();
    expect(current.reviewSheet.length).toBeGreaterThan(10);

    const overlap = await fuzeren.put(url, {
      ...current,
      reviewCatalog: [...current.reviewCatalog, { ...current.reviewCatalog[0], id: 'copy' }],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.message).toMatch(/重叠|重复/);
    const twice = await fuzeren.put(url, { ...current, reviewSheet: [...current.reviewSheet, current.reviewSheet[0]] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('同一评查项只能出现一次');
    const vetoPoints = await fuzeren.put(url, { ...current, reviewSheet: [{ item: 'receipts', section: 'veto', points: 10 }] });
    expect(vetoPoints.statusCode).toBe(400);
    expect(vetoPoints.body).toContain('否决项不计分');
    expect((await fuzeren.get(url)).json()).toEqual(current);
    expect((await zhifa1.put(url, current)).statusCode).toBe(403);

    // A sheet of two items: the case view's pre-check follows it at once.
    const sheet = [
      { item: 'two-officers', section: 'veto', points: 0 },
      { item: 'performance', section: 'substance', points: 100 },
    ];
    const saved = await fuzeren.put(url, { ...current, reviewSheet: sheet }, { 'idempotency-key': `sheet-${engine}` });
    expect(saved.statusCode, saved.body).toBe(200);
    // The case is only registered: neither item is due yet, so nothing fails and nothing scores.
    const check = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().fileCheck;
    expect(check.pending.map((m: { id: string; dueFromName: string }) => [m.id, m.dueFromName])).toEqual([
      ['two-officers', '立案'],
      ['performance', '结案'],
    ]);
    expect(check.missing).toEqual([]);
    expect(check.vetoFailed).toEqual([]);
    expect([check.score, check.outOf]).toEqual([0, 0]);
    expect((await fuzeren.put(url, current)).statusCode).toBe(200);
  });

  it('lists the settings of the agencies in scope, read by officers and by the administrator who maintains them', async () => {
    const names = async (c: Client) =>
      ((await c.get('/api/v1/enforcement/settings')).json().items as { agencyName: string }[]).map((a) => a.agencyName);
    const town = await names(fuzeren);
    expect(town).toContain('秀山县妙泉镇人民政府');
    expect(town.some((n) => n.includes('清溪场镇'))).toBe(false);
    expect(await names(zhifa1)).toEqual(town);
    const admin = await t.login('admin');
    const county = await names(admin);
    expect(county).toEqual(expect.arrayContaining([...town, '秀山县清溪场镇人民政府']));
    const index = (await admin.get('/api/v1/enforcement/settings')).json();
    expect(index.recordingScenes.inspection).toBe('现场检查');

    // The administrator reads what he maintains; another town's settings are not the head's to see.
    const other = (
      await t.yifa.db.kysely.selectFrom('agencies').select('id').where('name', '=', '秀山县清溪场镇人民政府').executeTakeFirstOrThrow()
    ).id;
    expect((await admin.get(`/api/v1/enforcement/settings/${other}`)).statusCode).toBe(200);
    const before = await t.yifa.journal.size();
    expect((await fuzeren.get(`/api/v1/enforcement/settings/${other}`)).statusCode).toBe(404);
    expect((await t.yifa.journal.action(before))?.type).toBe('access.denied');
    expect((await t.anonymous().get('/api/v1/enforcement/settings')).statusCode).toBe(401);
    expect((await (await t.login('cunwei')).get('/api/v1/enforcement/settings')).statusCode).toBe(403);
  });

  it('lists cases by scope and queue; another town cannot open them', async () => {
    const mine = (await zhifa1.get('/api/v1/penalty-cases?queue=mine')).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(3);
    const supervised = (await jiandu.get('/api/v1/penalty-cases?limit=2')).json();
    expect(supervised.items).toHaveLength(2);
    expect(supervised.items[0].agency.name).toBe('秀山县妙泉镇人民政府');
    expect(supervised.next).not.toBeNull();
    const found = (await jiandu.get(`/api/v1/penalty-cases?q=${encodeURIComponent('建材')}`)).json();
    expect(found.items.length).toBeGreaterThanOrEqual(1);
    const archived = (await jiandu.get('/api/v1/penalty-cases?status=archived')).json();
    expect(archived.items.every((c: { status: string }) => c.status === 'archived')).toBe(true);
    const mutated = await jiandu.post(`/api/v1/penalty-cases/${mine.items[0].id}/actions`, {
      type: 'penalty.close',
      payload: { on: '2026-04-03', report: 'x' },
    });
    expect(mutated.statusCode).toBe(403);
  });

  it('finds cases by full-text search of their summaries and by officer', async () => {
    t.yifa.clock.source = at('2026-04-06');
    const register = async (name: string, summary: string) =>
      (
        await zhifa1.post('/api/v1/penalty-cases', {
          type: 'penalty.register',
          payload: { source: { kind: 'patrol', summary, receivedOn: '2026-04-06' }, party: { ...party, name }, field: '综合行政执法' },
        })
      ).json().id as string;
    const cement = await register('QS水泥厂', '巡查发现露天堆放水泥，雨后泥水横流');
    const rubble = await register('李某某', '群众举报在河道内倾倒建筑垃圾');
    const search = async (q: string) =>
      ((await jiandu.get(`/api/v1/penalty-cases?limit=100&q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map((c) => c.id);
    expect(await search('水泥')).toContain(cement);
    expect(await search('水泥')).not.toContain(rubble);
    expect(await search('ｑｓ水泥')).toEqual([cement]); // full-width and case folded
    expect(await search('倾倒建筑垃圾')).toEqual([rubble]);
    expect(await search('建筑倾倒')).toEqual([]);
    expect(await search('水泥水')).toEqual([]); // both bigrams are there, but not next to each other
    expect(await search('泥')).toContain(cement); // one character: answered by the scan
    expect(await search('100%')).toEqual([]);
    // Page by page (the newest cases are looked through first) gives the same cases in the same order.
    const all = await search('某某');
    expect(all.length).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    for (let cursor: string | null = ''; cursor !== null && paged.length < 50; ) {
      const page: { items: { id: string }[]; next: string | null } = (
        await jiandu.get(
          `/api/v1/penalty-cases?limit=1&q=${encodeURIComponent('某某')}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json();
      paged.push(...page.items.map((c: { id: string }) => c.id));
      cursor = page.next;
    }
    expect(paged).toEqual(all);

    await ok(zhifa1, rubble, 'penalty.request-filing', {
      violationTypeId: 'waste-dumping',
      actOn: '2026-04-05',
      seriousHarm: false,
      officers,
      summary: '倾倒建筑垃圾',
    });
    await ok(fuzeren, rubble, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
    const byOfficer = async (personId: string) =>
      ((await jiandu.get(`/api/v1/penalty-cases?limit=100&officerId=${personId}`)).json().items as { id: string }[]).map((c) => c.id);
    expect(await byOfficer(officers[1]!)).toContain(rubble);
    expect(await byOfficer(officers[1]!)).not.toContain(cement);
    expect(await byOfficer(chair)).not.toContain(rubble);
    // Page by page through an officer's cases (read in the officers' index order) gives the same list.
    const mineAll = await byOfficer(officers[0]!);
    const pagedOfficer: string[] = [];
    for (let cursor: string | null = ''; cursor !== null && pagedOfficer.length < 100; ) {
      const page: { items: { id: string }[]; next: string | null } = (
        await jiandu.get(`/api/v1/penalty-cases?limit=2&officerId=${officers[0]}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json();
      pagedOfficer.push(...page.items.map((c) => c.id));
      cursor = page.next;
    }
    expect(pagedOfficer).toEqual(mineAll);
  });
});

describe.each(ENGINES)('document numbers under concurrency on %s', (engine) => {
  it('stay unique and gapless when two yifa servers issue at once', async () => {
    const t = await startTestApp(engine);
    const { openYifa } = await import('../../src/app/root.js');
    const { buildApp } = await import('../../src/app/root.js');
    const second = await openYifa(t.config);
    const app2 = await buildApp(second);
    try {
      const clock = () => new Date('2026-05-06T10:00:00+08:00');
      t.yifa.clock.source = clock;
      second.clock.source = clock;
      const a = await t.login('zhifa1');
      const b = await t.login('zhifa2');
      const { Client } = await import('../helpers/app.js');
      const b2 = new Client(app2);
      b2.cookie = b.cookie;
      b2.csrf = b.csrf;
      const officers = [(await a.get('/api/v1/session')).json().user.personId, (await b.get('/api/v1/session')).json().user.personId];
      const payload = (i: number) => ({
        party: { kind: 'citizen', name: `当事人${i}`, idNumber: null, address: '妙泉镇', phone: null, representative: null },
        field: '综合行政执法',
        on: '2026-05-06',
        place: '集镇',
        officers,
        violationTypeId: 'waste-dumping',
        circumstanceId: 'minor',
        facts: '乱倒垃圾',
        basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
        told: true,
        statement: null,
        statementReply: null,
        kinds: ['fine'],
        fineFen: 10_000,
        confiscationFen: 0,
        mitigation: [],
        signed: true,
        refusalNote: null,
        cashCollected: true,
        cashGround: null,
        cashGroundNote: null,
        receiptNumber: `渝财罚 ${i}`,
      });
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? a : b2).post('/api/v1/penalty-cases', { type: 'penalty.on-the-spot', payload: payload(i) }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(40).fill(201));
      const numbers = results.map((r) => Number(/第(\d+)号/.exec(r.json().case.decision.number)![1])).sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      const { verifyJournal } = await import('../../src/journal/verify-journal.js');
      await t.yifa.journal.checkpoint();
      expect((await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem)).ok).toBe(true);
    } finally {
      await app2.close();
      await second.close();
      await t.close();
    }
  });
});

describe.each(ENGINES)('the demo year of cases on %s', (engine) => {
  it('has cases in every status, made through the actions, one overdue and one extended', async () => {
    const started = Date.now();
    const t = await startTestApp(engine, { cases: true });
    try {
      const jiandu = await t.login('jiandu');
      const all: { status: string; procedure: string; dueState: string | null; major: boolean }[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: typeof all; next: string | null } = (
          await jiandu.get(`/api/v1/penalty-cases?limit=10${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        all.push(...page.items);
        cursor = page.next;
      } while (cursor);
      const statuses = new Set(all.map((c) => c.status));
      for (const s of [
        'registered',
        'filing',
        'investigating',
        'investigated',
        'in-review',
        'notified',
        'hearing',
        'decided',
        'executing',
        'closed',
        'archived',
        'not-filed',
      ])
        expect(statuses, s).toContain(s);
      expect(all.filter((c) => c.procedure === 'simple').length).toBeGreaterThanOrEqual(5);
      expect(all.some((c) => c.dueState === 'overdue')).toBe(true);
      const overdue = (await jiandu.get('/api/v1/penalty-cases?queue=overdue')).json().items;
      expect(overdue.length).toBeGreaterThanOrEqual(1);
      // Most overdue first, and the same page by page.
      const dues = overdue.map((c: { nextDue: string }) => c.nextDue);
      expect(dues).toEqual([...dues].sort());
      const pagedOverdue: string[] = [];
      for (let c: string | null = ''; c !== null && pagedOverdue.length < 50; ) {
        const page: { items: { id: string }[]; next: string | null } = (
          await jiandu.get(`/api/v1/penalty-cases?queue=overdue&limit=1${c ? `&cursor=${encodeURIComponent(c)}` : ''}`)
        ).json();
        pagedOverdue.push(...page.items.map((x) => x.id));
        c = page.next;
      }
      expect(pagedOverdue).toEqual(overdue.map((x: { id: string }) => x.id));
      // Evidence files of every kind are in the cases, verified; some required recordings are missing, so the coverage shows a gap.
      const mimes = new Set(
        (await t.yifa.db.kysely.selectFrom('uploads').select('mime').where('completed_at', 'is not', null).execute()).map((u) => u.mime),
      );
      for (const m of ['video/mp4', 'video/webm', 'image/png', 'application/pdf', 'audio/wav']) expect(mimes, m).toContain(m);
      const year = (
        await jiandu.get(
          `/api/v1/enforcement/recording-coverage?from=${addMonths(t.yifa.clock.today(), -12).slice(0, 7)}&to=${t.yifa.clock.today().slice(0, 7)}`,
        )
      ).json().total;
      expect(year.cases).toBeGreaterThanOrEqual(10);
      expect(year.share).toBeGreaterThan(0.3);
      expect(year.share).toBeLessThan(0.9);
      // Each cell of the coverage grid opens the case list on its cases: as many as the cell counts.
      const from = addMonths(t.yifa.clock.today(), -12).slice(0, 7);
      const grid = (
        await jiandu.get(`/api/v1/enforcement/recording-coverage?from=${from}&to=${t.yifa.clock.today().slice(0, 7)}`)
      ).json() as { rows: { agencyId: string; month: string; cases: number; complete: number }[] };
      const listed = async (filter: string) =>
        ((await jiandu.get(`/api/v1/penalty-cases?limit=200&${filter}`)).json().items as { id: string }[]).length;
      expect(grid.rows.some((r) => r.cases > r.complete)).toBe(true);
      for (const r of grid.rows) {
        const cell = `agencyId=${r.agencyId}&registeredFrom=${r.month}&registeredTo=${r.month}`;
        expect(await listed(`recording=missing&${cell}`), `${r.month} missing`).toBe(r.cases - r.complete);
        expect(await listed(`recording=required&${cell}`), `${r.month} required`).toBe(r.cases);
      }
      expect(await listed(`recording=missing&registeredFrom=${from}`)).toBe(year.cases - year.complete);
      const backwards = await jiandu.get('/api/v1/penalty-cases?registeredFrom=2026-06&registeredTo=2026-05');
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.message).toContain('起始月份');
      expect((await jiandu.get('/api/v1/penalty-cases?recording=absent')).statusCode).toBe(400);
      // Every case is the fold of its journal.
      const ids = await t.yifa.db.kysely.selectFrom('penalty_cases').select(['id', 'state']).execute();
      for (const row of ids) expect(await replayCase(t.yifa, row.id)).toEqual(JSON.parse(row.state));
    } finally {
      await t.close();
    }
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
