import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { seedDemoReconsiderations } from '../../src/modules/reconsideration/demo.js';
import type { ChallengedAct } from '../../src/procedure/challenge.js';
import { addDays } from '../../src/calendar/legal-date.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { docxText } from '../helpers/docx-text.js';

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const applicant = {
  kind: 'citizen',
  name: '陈某某',
  idNumber: '500241199001011236',
  phone: '13800001234',
  address: '秀山县妙泉镇贵塘村2组',
};

describe.each(ENGINES)('行政复议 on %s', (engine) => {
  let t: TestApp;
  let fuyi: Client;
  let fuzeren: Client;
  let zhifa1: Client;
  let jiandu: Client;
  let town: string;
  let otherTown: string;
  let demoMade = 0;
  beforeAll(async () => {
    t = await startTestApp(engine, { cases: true });
    demoMade = await seedDemoReconsiderations(t.yifa);
    fuyi = await t.login('fuyi');
    fuzeren = await t.login('fuzeren');
    zhifa1 = await t.login('zhifa1');
    jiandu = await t.login('jiandu');
    town = (await fuzeren.get('/api/v1/session')).json().user.agencyId;
    otherTown = (
      await t.yifa.db.kysely.selectFrom('agencies').select('id').where('name', '=', '秀山县清溪场镇人民政府').executeTakeFirstOrThrow()
    ).id;
  }, 240_000);
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/reconsiderations/${id}/actions`, { type, payload }, { 'idempotency-key': `rc-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const receive = (over: Record<string, unknown>) =>
    fuyi.post('/api/v1/reconsiderations', {
      type: 'reconsideration.receive',
      payload: {
        channel: 'letter',
        receivedOn: '2026-09-21',
        applicant,
        respondentAgencyId: town,
        challengedCaseId: null,
        challengedAct: '妙泉综执罚决字〔2026〕第9号行政处罚决定',
        knewOn: '2026-09-01',
        requests: '撤销该行政处罚决定',
        reasons: '认定事实不清',
        lateException: null,
        ...over,
      },
    });
  const dueOf = (view: { deadlines: { rule: string; due: string; state: string }[] }, rule: string) =>
    view.deadlines.find((d) => d.rule === rule);

  it('seeds a year of applications against 妙泉镇’s decisions in several states; a revoked one shows on its penalty case', async () => {
    const items = (await fuyi.get('/api/v1/reconsiderations?limit=100')).json().items as { id: string; status: string }[];
    expect(items).toHaveLength(demoMade);
    expect(demoMade).toBeGreaterThanOrEqual(5);
    const states = new Set(items.map((i) => i.status));
    for (const s of ['decided', 'settled', 'answering', 'reviewing', 'correcting', 'refused', 'withdrawn', 'terminated', 'received'])
      expect(states, s).toContain(s);
    // On the way: a suspension (ended by the termination) and an approved extension of Art 62.
    const views = await Promise.all(items.map(async (i) => (await fuyi.get(`/api/v1/reconsiderations/${i.id}`)).json()));
    expect(views.some((v) => v.record.suspensions?.length && v.status === 'terminated')).toBe(true);
    expect(views.find((v) => v.record.extension)?.record.extension).toMatchObject({ days: 30, approvedBy: expect.any(String) });
    const decided = await Promise.all(
      items.filter((i) => i.status === 'decided').map(async (i) => (await fuyi.get(`/api/v1/reconsiderations/${i.id}`)).json()),
    );
    const revoked = decided.find((v) => v.record.decision.type === 'revoked');
    expect(revoked).toBeDefined();
    const c = (await fuzeren.get(`/api/v1/penalty-cases/${revoked.record.challengedCaseId}`)).json();
    expect(c.case.changes.at(-1)).toMatchObject({ outcome: 'revoked', documentNumber: revoked.record.decision.number });
    // The upheld one had a hearing the town's head attended.
    expect(decided.find((v) => v.record.decision.type === 'upheld')?.record.attendance).toMatchObject({ headAttends: true });
  });

  it('checks the 60-day window at receipt: late without an exception is refused under Art 20, with a recorded obstacle it is received', async () => {
    t.yifa.clock.source = at('2026-09-21');
    const late = await receive({ knewOn: '2026-07-01' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('GATE_REFUSED');
    expect(JSON.stringify(late.json().error)).toContain('第二十条');
    // Nothing partial: no record was made.
    expect((await fuyi.get('/api/v1/reconsiderations?limit=100')).json().items).toHaveLength(demoMade);

    // An obstacle of 25 days (hospitalised) that ended on 2026-08-25: the days do not count.
    const excused = await receive({
      knewOn: '2026-07-01',
      lateException: { kind: 'obstacle', reason: '申请人住院治疗', from: '2026-07-20', to: '2026-08-25' },
    });
    expect(excused.statusCode, excused.body).toBe(201);
    expect(excused.json().record.lateException.kind).toBe('obstacle');
    // An obstacle too short to cover the delay is still refused, citing the paragraph.
    const short = await receive({
      knewOn: '2026-06-01',
      lateException: { kind: 'obstacle', reason: '外出务工', from: '2026-06-10', to: '2026-06-15' },
    });
    expect(short.statusCode).toBe(409);
    expect(JSON.stringify(short.json().error)).toContain('第二十条第二款');
  });

  it('deems an application accepted after 5 working days without a decision (Art 30), and refuses a late 不予受理', async () => {
    t.yifa.clock.source = at('2026-09-21');
    const id = (await receive({ knewOn: '2026-09-10' })).json().id as string;
    let view = (await fuyi.get(`/api/v1/reconsiderations/${id}`)).json();
    // 中秋 (2026-09-25) and the weekend do not count.
    expect(dueOf(view, 'reconsideration.acceptance')).toMatchObject({ due: '2026-09-29', state: 'ok' });
    // Not yet, even on the last day: the 复议机构 still has its 5 working days.
    t.yifa.clock.source = at('2026-09-29');
    const early = await act(fuyi, id, 'reconsideration.deem-accepted', { hearingRequired: false });
    expect(early.statusCode).toBe(409);
    expect(JSON.stringify(early.json().error)).toContain('第三十条');

    t.yifa.clock.source = at('2026-09-30');
    view = (await fuyi.get(`/api/v1/reconsiderations/${id}`)).json();
    expect(dueOf(view, 'reconsideration.acceptance')?.state).toBe('overdue');
    const refused = await act(fuyi, id, 'reconsideration.refuse', { on: '2026-09-30', ground: 'not-reviewable', reason: '不属于复议范围' });
    expect(refused.statusCode).toBe(409);
    expect(JSON.stringify(refused.json().error)).toContain('第三十条');
    view = await ok(fuyi, id, 'reconsideration.deem-accepted', { hearingRequired: false });
    expect(view.status).toBe('accepted');
    expect(view.record.acceptance).toMatchObject({ on: '2026-09-29', deemed: true });
    // The copy's 7 working days run from the deemed acceptance, across 国庆 (10-01 to 10-07 off, Saturday 10-10 worked).
    expect(dueOf(view, 'reconsideration.copy-to-respondent')).toMatchObject({ from: '2026-09-29', due: '2026-10-14' });
  });

  it('shows the town its answer due in 10 working days across 国庆, marks an answer after it late, and counts it on the indicators', async () => {
    t.yifa.clock.source = at('2026-09-21');
    const id = (await receive({})).json().id as string;
    t.yifa.clock.source = at('2026-09-24');
    let view = await ok(fuyi, id, 'reconsideration.accept', {
      on: '2026-09-24',
      simple: false,
      simpleGround: null,
      hearingRequired: false,
    });
    expect(view.documents.map((d: { series: string }) => d.series)).toEqual(['acceptance']);
    t.yifa.clock.source = at('2026-09-29');
    view = await ok(fuyi, id, 'reconsideration.send-copy', { on: '2026-09-29' });
    expect(view.status).toBe('answering');
    expect(view.record.copy.answerDue).toBe('2026-10-19');

    // The town's head sees it in his list and on the 工作台, with the answer due and the Art 70 warning in the notice.
    const listed = (await fuzeren.get('/api/v1/reconsiderations?status=answering')).json().items;
    expect(listed.map((r: { id: string }) => r.id)).toContain(id);
    const seen = (await fuzeren.get(`/api/v1/reconsiderations/${id}`)).json();
    expect(dueOf(seen, 'reconsideration.answer')).toMatchObject({ from: '2026-09-29', due: '2026-10-19' });
    expect(seen.allowedActions.map((a: { type: string }) => a.type)).toContain('reconsideration.file-answer');
    const notice = (await fuzeren.get(`/api/v1/reconsiderations/${id}/documents/answer-notice`)).json();
    expect(JSON.stringify(notice)).toContain('第七十条');
    const todo = (await fuzeren.get('/api/v1/workbench/todo?procedure=reconsideration')).json().items;
    expect(todo.map((r: { id: string }) => r.id)).toContain(id);

    // Filed on 2026-10-20, a day late: taken, and marked late.
    t.yifa.clock.source = at('2026-10-20');
    view = await ok(fuzeren, id, 'reconsideration.file-answer', {
      on: '2026-10-20',
      text: '原处罚决定认定事实清楚，请予维持。',
      normativeDocuments: null,
      bundle: null,
    });
    expect(view.status).toBe('reviewing');
    expect(view.record.answer.late).toBe(true);
    const ind = (await jiandu.get(`/api/v1/reconsiderations/indicators?year=2026&agencyId=${town}`)).json().items;
    expect(ind[0]).toMatchObject({ agencyId: town, lateAnswers: 1 });
    const lateCases = (await jiandu.get(`/api/v1/reconsiderations/indicators/cases?year=2026&agencyId=${town}&figure=late`)).json().items;
    expect(lateCases.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('keeps a respondent out of another respondent’s cases: not listed, not found (the denial journaled), no acting', async () => {
    t.yifa.clock.source = at('2026-09-21');
    const id = (await receive({ respondentAgencyId: otherTown })).json().id as string;
    expect((await fuzeren.get('/api/v1/reconsiderations')).json().items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await zhifa1.get(`/api/v1/reconsiderations/${id}`)).statusCode).toBe(404);
    const denials = await t.yifa.db.kysely
      .selectFrom('actions')
      .select('id')
      .where('type', '=', 'access.denied')
      .where('subject_id', '=', id)
      .execute();
    expect(denials.length).toBeGreaterThan(0);
    expect(
      (await act(fuzeren, id, 'reconsideration.file-answer', { on: '2026-09-21', text: 'x', normativeDocuments: null, bundle: null }))
        .statusCode,
    ).toBe(404);
    // The county sees both.
    expect((await fuyi.get(`/api/v1/reconsiderations/${id}`)).statusCode).toBe(200);
  });

  it('files the bundle assembled from the challenged penalty case and hands a 撤销 back to the case, with its withdrawal deadline', async () => {
    const entry = t.yifa.procedures.find((p) => p.proc.subjectType === 'penalty-case')!;
    const rows = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select('id')
      .where('procedure', '=', 'penalty-case')
      .where('agency_id', '=', town)
      .where('status', 'in', ['decided', 'executing', 'closed', 'archived'])
      .execute();
    let act0: ChallengedAct | undefined;
    for (const r of rows) {
      const a = await entry.challenge!.describe(t.yifa, await entry.proven(t.yifa, r.id));
      if (a.stands && a.changes.length === 0 && a.number && a.evidence.some((e) => e.sha256)) {
        act0 = a;
        break;
      }
    }
    expect(act0).toBeDefined();
    const a = act0!;
    // Evidence collected after the decision is flagged in the bundle (Art 46); the rest is not.
    expect(a.evidence.every((e) => !e.afterDecision)).toBe(true);
    const proven = (await entry.proven(t.yifa, a.id)) as { evidence: { collectedOn: string }[] };
    const later = { ...proven, evidence: proven.evidence.map((e, i) => (i === 0 ? { ...e, collectedOn: addDays(a.decidedOn!, 1) } : e)) };
    expect((await entry.challenge!.describe(t.yifa, later)).evidence.map((e) => e.afterDecision)).toEqual(
      a.evidence.map((_, i) => i === 0),
    );
    const knewOn = a.servedOn ?? a.decidedOn!;
    const day = (n: number) => addDays(knewOn, n);
    t.yifa.clock.source = at(day(10));
    const opened = await receive({ receivedOn: day(10), knewOn, challengedCaseId: a.id, challengedAct: `${a.number}行政处罚决定` });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    // A case of another agency is refused as the respondent's act.
    const mismatched = await receive({ receivedOn: day(10), knewOn, challengedCaseId: a.id, respondentAgencyId: otherTown });
    expect(mismatched.statusCode).toBe(409);

    t.yifa.clock.source = at(day(11));
    await ok(fuyi, id, 'reconsideration.accept', { on: day(11), simple: false, simpleGround: null, hearingRequired: false });
    await ok(fuyi, id, 'reconsideration.send-copy', { on: day(11) });
    // The preview and the filed answer carry the case's evidence with the files' hashes.
    const preview = (await fuzeren.get(`/api/v1/reconsiderations/${id}/answer-bundle`)).json().bundle;
    expect(preview).toMatchObject({ caseId: a.id, number: a.number, basis: a.basis });
    expect(preview.evidence).toHaveLength(a.evidence.length);
    t.yifa.clock.source = at(day(13));
    const answered = await ok(fuzeren, id, 'reconsideration.file-answer', {
      on: day(13),
      text: '事实清楚，证据确凿，请予维持。',
      normativeDocuments: '《秀山县综合行政执法裁量基准》',
      // Whatever the client sends, the server assembles the bundle from the case.
      bundle: { caseId: 'forged', number: null, decidedOn: null, facts: null, basis: null, normativeDocuments: null, evidence: [] },
    });
    expect(answered.record.answer.late).toBe(false);
    expect(answered.record.answer.bundle.caseId).toBe(a.id);
    expect(answered.record.answer.bundle.evidence.map((e: { sha256: string | null }) => e.sha256)).toEqual(a.evidence.map((e) => e.sha256));
    const list = (await fuzeren.get(`/api/v1/reconsiderations/${id}/documents/evidence-list`)).json();
    expect(JSON.stringify(list)).toContain(a.evidence[0]!.title);

    t.yifa.clock.source = at(day(20));
    const decided = await ok(fuyi, id, 'reconsideration.decide', {
      on: day(20),
      type: 'revoked',
      reason: '主要证据不足',
      redoBy: null,
      variedFineFen: null,
    });
    expect(decided.status).toBe('decided');
    const number = decided.record.decision.number as string;
    expect(number).toMatch(/复决字/);

    // The documents open as numbered DOCX: the 决定书 of its type with its article, the respondent's 证据清单 with the hashes.
    const docx = async (documentId: string) => {
      const res = await fuyi.get(`/api/v1/reconsiderations/${id}/documents/${documentId}/docx`);
      expect(res.statusCode, res.body).toBe(200);
      return docxText(res.rawPayload);
    };
    const decisionText = await docx('decision');
    expect(decisionText).toContain(number);
    expect(decisionText).toContain('行政复议决定书（撤销）');
    expect(decisionText).toContain('第六十四条');
    expect(decisionText).toContain('十五日内依法向人民法院提起行政诉讼');
    const noticeText = await docx('answer-notice');
    expect(noticeText).toContain('第七十条');
    expect(noticeText).toContain(decided.record.copy.number);
    const evidenceText = await docx('evidence-list');
    expect(evidenceText).toContain(a.evidence.find((e) => e.sha256)!.sha256);
    expect(evidenceText).toContain(a.evidence[0]!.title);
    expect(await docx('answer')).toContain('事实清楚，证据确凿，请予维持。');

    // The penalty case shows the revocation and the withdrawal of its published decision (3 working days).
    const c = (await fuzeren.get(`/api/v1/penalty-cases/${a.id}`)).json();
    expect(c.case.changes.at(-1)).toMatchObject({ source: 'reconsideration', outcome: 'revoked', documentNumber: number, on: day(20) });
    expect(c.case.decision.revokedOn).toBe(day(20));
    const withdrawal = c.deadlines.find((d: { rule: string }) => d.rule === 'penalty.disclosure-withdrawal');
    expect(withdrawal).toMatchObject({ from: day(20) });
    const after = await entry.challenge!.describe(t.yifa, await entry.proven(t.yifa, a.id));
    expect(after.changes.at(-1)?.withdrawalDue).toBe(withdrawal.due);
    // Recording again (a retry) records nothing twice.
    const asFuyi = { auth: await contextOfUser(t.yifa, 'fuyi'), idempotencyKey: null, denied: async () => {} };
    await entry.challenge!.recordOutcome(t.yifa, asFuyi, a.id, {
      source: 'reconsideration',
      on: day(20),
      body: '秀山土家族苗族自治县人民政府',
      documentNumber: number,
      outcome: 'revoked',
      reason: '主要证据不足',
      varied: null,
      redoBy: null,
      reviewingRecord: { subjectType: 'reconsideration', id },
    });
    expect((await entry.challenge!.describe(t.yifa, await entry.proven(t.yifa, a.id))).changes).toHaveLength(after.changes.length);
    // A decision no longer standing has nothing left to change: another outcome records nothing, and fails nothing.
    await entry.challenge!.recordOutcome(t.yifa, asFuyi, a.id, {
      source: 'reconsideration',
      on: day(20),
      body: '秀山土家族苗族自治县人民政府',
      documentNumber: '另一复决字〔2026〕第99号',
      outcome: 'unlawful',
      reason: '—',
      varied: null,
      redoBy: null,
      reviewingRecord: { subjectType: 'reconsideration', id },
    });
    expect((await entry.challenge!.describe(t.yifa, await entry.proven(t.yifa, a.id))).changes).toHaveLength(after.changes.length);

    // The indicators count the correction.
    const ind = (await jiandu.get(`/api/v1/reconsiderations/indicators?year=${day(10).slice(0, 4)}&agencyId=${town}`)).json().items[0];
    expect(ind.corrected).toBeGreaterThanOrEqual(1);
    expect(ind.correctionRate).toBeGreaterThan(0);

    // Every projection still proves against the journal.
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problems).toEqual([]);
  });
});
