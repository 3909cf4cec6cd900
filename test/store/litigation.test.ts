import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { seedDemoLawsuits } from '../../src/modules/litigation/demo.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';
import { docxText } from '../helpers/docx-text.js';

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const STRONG = 'Strong-Password-2026!';

const plaintiff = {
  kind: 'citizen',
  name: '向某某',
  idNumber: '500241199001011236',
  phone: '13800001234',
  address: '秀山县妙泉镇贵塘村2组',
};

describe.each(ENGINES)('行政应诉 on %s', (engine) => {
  let t: TestApp;
  let fazhi: Client;
  let fuzeren: Client;
  let zhifa1: Client;
  let jiandu: Client;
  let town: string;
  let demoMade = 0;
  let realClock: () => Date;
  beforeAll(async () => {
    t = await startTestApp(engine, { cases: true });
    realClock = t.yifa.clock.source;
    demoMade = await seedDemoLawsuits(t.yifa);
    fazhi = await t.login('fazhi');
    fuzeren = await t.login('fuzeren');
    zhifa1 = await t.login('zhifa1');
    jiandu = await t.login('jiandu');
    town = (await fuzeren.get('/api/v1/session')).json().user.agencyId;
  }, 240_000);
  afterAll(async () => t.close());

  /** Moves the installation's clock; a session lasts a working day on it, so the users log in again. */
  const moveTo = async (date: string) => {
    t.yifa.clock.source = at(date);
    if ((await fazhi.get('/api/v1/session')).statusCode !== 200) fazhi = await t.login('fazhi');
    if ((await fuzeren.get('/api/v1/session')).statusCode !== 200) fuzeren = await t.login('fuzeren');
    if ((await jiandu.get('/api/v1/session')).statusCode !== 200) jiandu = await t.login('jiandu');
  };

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/lawsuits/${id}/actions`, { type, payload }, { 'idempotency-key': `ls-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const register = (c: Client, over: Record<string, unknown>) =>
    c.post('/api/v1/lawsuits', {
      type: 'litigation.register',
      payload: {
        court: '秀山土家族苗族自治县人民法院',
        caseNumber: `（2026）渝0241行初${100 + ++key}号`,
        filedOn: '2026-09-25',
        copyReceivedOn: '2026-09-29',
        plaintiff,
        claims: '撤销被告作出的行政处罚决定',
        challengedKind: 'other',
        challengedCaseId: null,
        reconsiderationId: null,
        challengedAct: '妙泉综执罚决字〔2026〕第99号行政处罚决定',
        mandatoryGrounds: [],
        ...over,
      },
    });
  const list = async (c: Client) => (await c.get('/api/v1/lawsuits?limit=100')).json().items as { id: string; status: string }[];
  const answer = (on: string, lateReason: string | null = null) => ({
    on,
    text: '被诉行政行为认定事实清楚，适用法律正确，请求驳回原告诉讼请求。',
    normativeDocuments: null,
    lateReason,
    bundle: null,
  });
  const refusalText = (res: { json(): { error: unknown } }) => JSON.stringify(res.json().error);

  it('seeds two lawsuits: one lost with the head appearing (the judgment on the penalty case), one won with a delegate', async () => {
    expect(demoMade).toBe(2);
    const items = await list(fazhi);
    expect(items).toHaveLength(2);
    const views = await Promise.all(items.map(async (i) => (await fazhi.get(`/api/v1/lawsuits/${i.id}`)).json()));
    const lostCase = views.find((v) => v.record.judgments[0]?.type === 'revoked');
    const wonCase = views.find((v) => v.record.judgments[0]?.type === 'dismissed');
    expect(lostCase.status).toBe('closed');
    expect(wonCase.status).toBe('closed');
    expect(lostCase.record.hearings[0].held.head).toMatchObject({ rank: 'head' });
    expect(wonCase.record.hearings[0].held.head).toBeNull();
    expect(wonCase.record.hearings[0].delegation.number).toMatch(/应委字/);
    const wonDocs = (await fazhi.get(`/api/v1/lawsuits/${wonCase.id}/documents`)).json();
    expect((wonDocs.items ?? wonDocs).map((d: { title: string }) => d.title)).toEqual(
      expect.arrayContaining(['行政诉讼答辩状', '证据清单', '授权委托书', '行政机关负责人出庭应诉情况说明']),
    );
    const c = (await fuzeren.get(`/api/v1/penalty-cases/${lostCase.record.challengedCaseId}`)).json();
    expect(c.case.changes.at(-1)).toMatchObject({
      source: 'litigation',
      outcome: 'revoked',
      documentNumber: lostCase.record.judgments[0].number,
    });
    // The answer carried the case's evidence with the files' hashes.
    expect(lostCase.record.answer.bundle.caseId).toBe(lostCase.record.challengedCaseId);
  });

  it('refuses to register a decision of another agency (Art 26) or without the case it names, and saves nothing', async () => {
    await moveTo('2026-09-29');
    const before = (await list(fazhi)).length;
    const other = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select('id')
      .where('procedure', '=', 'penalty-case')
      .where('agency_id', '!=', town)
      .where('status', 'in', ['decided', 'executing', 'closed', 'archived'])
      .executeTakeFirst();
    if (other) {
      const res = await register(fazhi, { challengedKind: 'penalty-case', challengedCaseId: other.id });
      expect(res.statusCode).toBe(409);
      expect(refusalText(res)).toContain('第二十六条');
    }
    const missing = await register(fazhi, { challengedKind: 'penalty-case' });
    expect(missing.statusCode).toBe(409);
    const bad = await register(fazhi, { plaintiff: { ...plaintiff, phone: 'abc' } });
    expect(bad.statusCode).toBe(400);
    // An officer is not the agency's legal staff: not his to register.
    expect((await register(zhifa1, {})).statusCode).toBe(403);
    expect(await list(fazhi)).toHaveLength(before);
  });

  it('gives the answer 15 days from the copy across 国庆; late without a reason is refused (Arts 34, 67), with one it is marked late', async () => {
    await moveTo('2026-09-29');
    const made = await register(fazhi, {});
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    let view = (await fazhi.get(`/api/v1/lawsuits/${id}`)).json();
    expect(view.status).toBe('answering');
    // 09-29 + 15 = 10-14, a working day after the 国庆 break.
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'litigation.answer')).toMatchObject({ due: '2026-10-14' });

    await moveTo('2026-10-16');
    const late = await act(fazhi, id, 'litigation.file-answer', answer('2026-10-16'));
    expect(late.statusCode).toBe(409);
    expect(refusalText(late)).toContain('第三十四条');
    view = await ok(fazhi, id, 'litigation.file-answer', answer('2026-10-16', '承办人员突发疾病住院'));
    expect(view.status).toBe('in-court');
    expect(view.record.answer).toMatchObject({ late: true });
    expect(view.record.answer.number).toMatch(/应诉字/);
    const docx = await fazhi.get(`/api/v1/lawsuits/${id}/documents/answer/docx`);
    expect(docx.statusCode).toBe(200);
    expect(await docxText(docx.rawPayload)).toContain('视为没有相应证据');

    const ind = (await fazhi.get(`/api/v1/lawsuits/indicators?year=2026&agencyId=${town}`)).json().items[0];
    expect(ind.lateAnswers).toBeGreaterThanOrEqual(1);
    const lateList = (await fazhi.get(`/api/v1/lawsuits/indicators/cases?year=2026&agencyId=${town}&figure=late`)).json().items;
    expect(lateList.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('refuses a lawyer alone as 负责人出庭, and staff without a 授权委托书; the head issues one with the 情况说明', async () => {
    await moveTo('2026-09-29');
    const id = (await register(fazhi, { mandatoryGrounds: ['mass-incident'] })).json().id as string;
    await ok(fazhi, id, 'litigation.file-answer', answer('2026-09-29'));
    await ok(fazhi, id, 'litigation.schedule-hearing', {
      summonedOn: '2026-09-29',
      date: '2026-10-12',
      place: '第一审判庭',
      courtRecommendsHead: false,
    });
    await moveTo('2026-10-12');
    const hearing = (over: Record<string, unknown>) => ({
      heldOn: '2026-10-12',
      headAppeared: false,
      headName: null,
      headPost: null,
      headRank: null,
      staff: [],
      lawyers: [],
      record: '开庭',
      ...over,
    });
    const lawyerOnly = await act(fazhi, id, 'litigation.record-hearing', hearing({ lawyers: [{ name: '彭某某', post: '某律师事务所' }] }));
    expect(lawyerOnly.statusCode).toBe(409);
    expect(refusalText(lawyerOnly)).toContain('第一百二十八条');
    const staff = [{ name: '石某某', post: '综合行政执法办公室主任' }];
    const noPower = await act(fazhi, id, 'litigation.record-hearing', hearing({ staff }));
    expect(noPower.statusCode).toBe(409);
    expect(refusalText(noPower)).toContain('第一百三十一条');
    // The 授权委托书 must name the agency's own staff: a lawyer alone is refused here too; only the head issues it.
    const delegation = {
      on: '2026-10-09',
      headName: '镇长',
      reasonKind: 'official-duty',
      reason: '参加县防汛检查',
      staff,
      lawyers: [{ name: '彭某某', post: '某律师事务所' }],
      authority: '一般代理',
    };
    expect((await act(fuzeren, id, 'litigation.delegate', { ...delegation, staff: [] })).statusCode).toBe(409);
    expect((await act(fazhi, id, 'litigation.delegate', delegation)).statusCode).toBe(403);
    const view = await ok(fuzeren, id, 'litigation.delegate', delegation);
    const docs = (await fazhi.get(`/api/v1/lawsuits/${id}/documents`)).json();
    const titles = (docs.items ?? docs).map((d: { title: string }) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['授权委托书', '行政机关负责人出庭应诉情况说明']));
    const statement = await fazhi.get(`/api/v1/lawsuits/${id}/documents/absence-statement:${view.record.hearings[0].seq}/docx`);
    expect(statement.statusCode).toBe(200);
    expect(await docxText(statement.rawPayload)).toContain('可能引发群体性事件');
    const other = await act(fazhi, id, 'litigation.record-hearing', hearing({ staff: [{ name: '张某', post: '科员' }] }));
    expect(other.statusCode).toBe(409);
    const held = await ok(fazhi, id, 'litigation.record-hearing', hearing({ staff, lawyers: delegation.lawyers }));
    expect(held.record.hearings[0].held.head).toBeNull();
  });

  it('opens a 15-day window for a judgment and 10 for a ruling; an appeal after it is refused (Art 85); effective only after it', async () => {
    await moveTo('2026-09-29');
    const id = (await register(fazhi, {})).json().id as string;
    await ok(fazhi, id, 'litigation.file-answer', answer('2026-09-29'));
    let view = await ok(fazhi, id, 'litigation.record-judgment', {
      type: 'suit-dismissed',
      on: '2026-09-29',
      number: `（2026）渝0241行初${900 + key}号`,
      servedOn: '2026-09-29',
      summary: '起诉超过法定期限，裁定驳回起诉。',
      variedFineFen: null,
      redoBy: null,
    });
    expect(view.status).toBe('judged');
    // 09-29 + 10 = 10-09, a working day.
    expect(view.record.judgments[0].appealDue).toBe('2026-10-09');
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'litigation.appeal-ruling')).toMatchObject({ due: '2026-10-09' });

    await moveTo('2026-10-12');
    const tooLate = await act(fuzeren, id, 'litigation.decide-appeal', { on: '2026-10-12', appeal: true, reason: '不服' });
    expect(tooLate.statusCode).toBe(409);
    expect(refusalText(tooLate)).toContain('第八十五条');
    view = await ok(fuzeren, id, 'litigation.decide-appeal', { on: '2026-10-12', appeal: false, reason: '胜诉，不上诉' });
    view = await ok(fazhi, id, 'litigation.record-effective', { plaintiffAppealed: false });
    expect(view.status).toBe('closed');

    // A judgment: 15 days, and not effective before the window ends.
    await moveTo('2026-09-29');
    const id2 = (await register(fazhi, {})).json().id as string;
    await ok(fazhi, id2, 'litigation.file-answer', answer('2026-09-29'));
    view = await ok(fazhi, id2, 'litigation.record-judgment', {
      type: 'dismissed',
      on: '2026-09-29',
      number: `（2026）渝0241行初${900 + key}号`,
      servedOn: '2026-09-29',
      summary: '驳回原告诉讼请求。',
      variedFineFen: null,
      redoBy: null,
    });
    expect(view.record.judgments[0].appealDue).toBe('2026-10-14');
    await ok(fuzeren, id2, 'litigation.decide-appeal', { on: '2026-09-29', appeal: false, reason: '胜诉' });
    await moveTo('2026-10-14');
    const early = await act(fazhi, id2, 'litigation.record-effective', { plaintiffAppealed: false });
    expect(early.statusCode).toBe(409);
    expect(refusalText(early)).toContain('第八十五条');
    // The plaintiff appealed: the case goes to the second instance.
    await moveTo('2026-10-15');
    view = await ok(fazhi, id2, 'litigation.record-effective', { plaintiffAppealed: true });
    expect(view.status).toBe('appealed');
  });

  it('hands an effective 撤销 judgment back to the penalty case through the challenge facet, once; counts it as 败诉', async () => {
    const used = await t.yifa.db.kysely.selectFrom('lawsuits').select('challenged_case_id').execute();
    const cases = (await fazhi.get('/api/v1/lawsuits/open-options')).json().cases as { id: string; stands: boolean; servedOn: string }[];
    const target = cases.find((c) => c.stands && !used.some((u) => u.challenged_case_id === c.id));
    expect(target).toBeDefined();
    await moveTo('2026-12-01');
    const made = await register(fazhi, {
      filedOn: '2026-11-27',
      copyReceivedOn: '2026-11-30',
      challengedKind: 'penalty-case',
      challengedCaseId: target!.id,
      challengedAct: '被诉的处罚决定',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const bundle = (await fazhi.get(`/api/v1/lawsuits/${id}/answer-bundle`)).json().bundle;
    expect(bundle.caseId).toBe(target!.id);
    let view = await ok(fazhi, id, 'litigation.file-answer', answer('2026-12-01'));
    expect(view.record.answer.bundle.evidence).toEqual(bundle.evidence);
    await ok(fazhi, id, 'litigation.schedule-hearing', {
      summonedOn: '2026-12-01',
      date: '2026-12-01',
      place: '第一审判庭',
      courtRecommendsHead: true,
    });
    await ok(fazhi, id, 'litigation.record-hearing', {
      heldOn: '2026-12-01',
      headAppeared: true,
      headName: '王某某',
      headPost: '副镇长',
      headRank: 'deputy',
      staff: [],
      lawyers: [],
      record: '副镇长出庭',
    });
    const number = `（2026）渝0241行初${700 + key}号`;
    view = await ok(fazhi, id, 'litigation.record-judgment', {
      type: 'revoked',
      on: '2026-12-01',
      number,
      servedOn: '2026-12-01',
      summary: '主要证据不足，判决撤销。',
      variedFineFen: null,
      redoBy: null,
    });
    // Not yet effective: the penalty case is unchanged.
    let c = (await fuzeren.get(`/api/v1/penalty-cases/${target!.id}`)).json();
    expect(c.case.changes.some((ch: { documentNumber: string }) => ch.documentNumber === number)).toBe(false);
    await ok(fuzeren, id, 'litigation.decide-appeal', { on: '2026-12-01', appeal: false, reason: '不上诉' });
    await moveTo('2026-12-17');
    view = await ok(fazhi, id, 'litigation.record-effective', { plaintiffAppealed: false });
    expect(view.status).toBe('performing');
    c = (await fuzeren.get(`/api/v1/penalty-cases/${target!.id}`)).json();
    const changes = c.case.changes.filter((ch: { documentNumber: string }) => ch.documentNumber === number);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ source: 'litigation', outcome: 'revoked' });
    const ind = (await jiandu.get(`/api/v1/lawsuits/indicators?year=2026&agencyId=${town}`)).json().items[0];
    expect(ind.lost).toBeGreaterThanOrEqual(1);
    expect(ind.lossRate).toBeGreaterThan(0);
    expect(ind.headAppearances).toBeGreaterThanOrEqual(1);
    const lostList = (await jiandu.get(`/api/v1/lawsuits/indicators/cases?year=2026&agencyId=${town}&figure=lost`)).json().items;
    expect(lostList.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('keeps another town’s people out: they neither list nor read nor act on 妙泉镇’s lawsuits', async () => {
    t.yifa.clock.source = realClock;
    await moveTo(t.yifa.clock.today());
    const admin = await t.login('admin');
    const people = (await admin.get('/api/v1/people?limit=200')).json().items as {
      id: string;
      agencyId: string;
      regionId: string;
      agencyName: string;
    }[];
    const other = people.find((p) => p.agencyName === '秀山县清溪场镇人民政府')!;
    const username = `qingxi-fazhi-${engine}`;
    const made = await admin.post('/api/v1/users', {
      username,
      displayName: '清溪场镇法制员',
      password: STRONG,
      personId: other.id,
      agencyId: other.agencyId,
      regionId: other.regionId,
      dataScope: 'level',
      roles: ['legal_reviewer'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const outsider = await t.login(username, STRONG);
    expect(await list(outsider)).toHaveLength(0);
    const mine = (await list(fazhi))[0]!;
    expect((await outsider.get(`/api/v1/lawsuits/${mine.id}`)).statusCode).toBe(404);
    expect(
      (
        await act(outsider, mine.id, 'litigation.record-suggestion', {
          receivedOn: '2026-12-01',
          court: '法院',
          number: '司建1号',
          text: '建议',
        })
      ).statusCode,
    ).toBe(404);
    expect((await outsider.get(`/api/v1/lawsuits/indicators?year=2026&agencyId=${town}`)).json().items).toHaveLength(0);
    // And the journal proves every lawsuit's row.
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problems).toEqual([]);
  });
});
