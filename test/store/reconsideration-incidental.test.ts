/**
 * 附带审查 (行政复议法 Arts 13, 56–59; issues 16 and 17): the 复议机构 refers a township's
 * published 规范性文件 from its case; the document's register shows the challenge with the
 * drafting body's 10 working days to answer (Art 58); the town answers in writing; the case
 * may not be decided while the referral waits (Art 56); the 复议机构 rules (Art 59) and the
 * ruling is on the document. No one records a referral or a ruling in a case's name by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { Clock } from '../../src/platform/clock.js';
import { seedDemoNormative } from '../../src/modules/normative-docs/demo.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

interface Challenge {
  seq: number;
  receivedOn: string;
  reviewing: { id: string; referral: number } | null;
  answer: { on: string; late: boolean } | null;
  ruling: { on: string; lawful: boolean } | null;
}

describe.each(ENGINES)('附带审查 of a 规范性文件 on %s', (engine) => {
  let t: TestApp;
  let fuyi: Client;
  let fuzeren: Client;
  let town: string;
  let logins = 0;
  /** Moves the clock; sessions expire with the days, so both log in again (each from an address of its own: the throttle counts per address). */
  const setDay = async (d: string) => {
    t.yifa.clock.source = at(d);
    fuyi = await t.login('fuyi', undefined, `10.1.${++logins}.1`);
    fuzeren = await t.login('fuzeren', undefined, `10.1.${logins}.2`);
  };
  beforeAll(async () => {
    // The demo's documents made by 2026-10-01 (published ones among them), the case a month later.
    t = await startTestApp(engine, { clock: new Clock(at('2026-10-01')) });
    await seedDemoNormative(t.yifa);
    await setDay('2026-11-02');
    town = (await fuzeren.get('/api/v1/session')).json().user.agencyId;
  }, 240_000);
  afterAll(async () => t.close());

  let key = 0;
  const post = (c: Client, path: string, type: string, payload: unknown, idempotencyKey = `incidental-${engine}-${++key}`) =>
    c.post(`/api/v1/${path}/actions`, { type, payload }, { 'idempotency-key': idempotencyKey });
  const ok = async (c: Client, path: string, type: string, payload: unknown) => {
    const res = await post(c, path, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const challengesOf = async (docId: string) =>
    (await fuzeren.get(`/api/v1/normative-documents/${docId}`)).json() as {
      record: { challenges: Challenge[] };
      deadlines: { rule: string; due: string; state: string }[];
      allowedActions: { type: string }[];
    };

  it('refers, answers, waits for the ruling before the decision, and records the ruling on the document', async () => {
    const received = await fuyi.post('/api/v1/reconsiderations', {
      type: 'reconsideration.receive',
      payload: {
        channel: 'letter',
        receivedOn: '2026-11-02',
        applicant: { kind: 'citizen', name: '钱某某', idNumber: '', phone: null, address: null },
        respondentAgencyId: town,
        challengedCaseId: null,
        challengedAct: '妙泉镇人民政府责令拆除通知',
        knewOn: '2026-10-20',
        requests: '撤销该通知，并对所依据的规范性文件一并审查',
        reasons: '所依据的办法第五条违法设定义务',
        lateException: null,
      },
    });
    expect(received.statusCode, received.body).toBe(201);
    const id = received.json().id as string;
    const path = `reconsiderations/${id}`;
    await ok(fuyi, path, 'reconsideration.accept', { on: '2026-11-02', simple: false, simpleGround: null, hearingRequired: false });
    await ok(fuyi, path, 'reconsideration.suspend', {
      on: '2026-11-02',
      ground: 'normative-review',
      reason: '申请人对规范性文件提出附带审查',
    });

    // The receiving form offers the published documents (not drafts).
    const options = (await fuyi.get('/api/v1/reconsiderations/open-options')).json() as {
      normativeDocuments: { id: string; title: string }[];
    };
    const doc = options.normativeDocuments.find((d) => d.title === '妙泉镇农村人居环境整治管理办法');
    expect(doc, JSON.stringify(options.normativeDocuments)).toBeDefined();
    expect(options.normativeDocuments.map((d) => d.title)).not.toContain('妙泉镇养犬管理办法');
    const draftId = (await fuzeren.get(`/api/v1/normative-documents?q=${encodeURIComponent('养犬管理')}`)).json().items[0].id as string;
    const draftRef = await post(fuyi, path, 'reconsideration.refer-normative', {
      on: '2026-11-02',
      documentId: draftId,
      clauses: '第三条',
      points: '违法',
    });
    expect(draftRef.statusCode).toBe(409);
    expect(draftRef.body).toContain('第十三条');

    // Referred: the key replayed does not refer twice.
    const referKey = `incidental-${engine}-refer`;
    const referral = { on: '2026-11-02', documentId: doc!.id, clauses: '第五条', points: '第五条违法设定拆除义务' };
    const referred = await post(fuyi, path, 'reconsideration.refer-normative', referral, referKey);
    expect(referred.statusCode, referred.body).toBe(200);
    const review = referred.json().record.incidentalReviews[0];
    expect(review).toMatchObject({
      documentId: doc!.id,
      title: '妙泉镇农村人居环境整治管理办法',
      drafter: expect.stringContaining('妙泉镇'),
      ruling: null,
    });
    expect((await post(fuyi, path, 'reconsideration.refer-normative', referral, referKey)).statusCode).toBe(200);

    let d = await challengesOf(doc!.id);
    expect(d.record.challenges).toHaveLength(1);
    const [c] = d.record.challenges;
    expect(c).toMatchObject({ receivedOn: '2026-11-02', reviewing: { id, referral: review.referral }, answer: null, ruling: null });
    // 10 working days from the day after receipt (Art 58): 11-16.
    expect(d.deadlines.find((x) => x.rule === 'reconsideration.incidental-answer')).toMatchObject({ due: '2026-11-16', state: 'ok' });
    expect(d.allowedActions.map((a) => a.type)).toContain('normative.answer-challenge');

    // Nobody records a referral the case did not make, nor the case's ruling by hand.
    const forged = await post(fuzeren, `normative-documents/${doc!.id}`, 'normative.receive-challenge', {
      on: '2026-11-02',
      by: '某县人民政府',
      caseNumber: null,
      clauses: '第一条',
      points: '伪造',
      reviewing: { subjectType: 'reconsideration', recordName: '行政复议案件', path: '/reconsiderations', id, referral: 99, number: null },
    });
    expect(forged.statusCode).toBe(409);
    expect(forged.body).toContain('没有转送本文件');
    const handRuling = await post(fuzeren, `normative-documents/${doc!.id}`, 'normative.record-ruling', {
      challenge: c!.seq,
      on: '2026-11-03',
      lawful: true,
      reason: '合法',
      reviewing: null,
    });
    expect(handRuling.statusCode).toBe(409);
    expect(handRuling.body).toContain('只能由该案件登记');

    // The town answers in writing, on time.
    await setDay('2026-11-10');
    await ok(fuzeren, `normative-documents/${doc!.id}`, 'normative.answer-challenge', {
      challenge: c!.seq,
      on: '2026-11-10',
      text: '第五条系依据《中华人民共和国土地管理法》第七十七条作出的提示性规定，未设定新的义务。',
    });
    d = await challengesOf(doc!.id);
    expect(d.record.challenges[0]!.answer).toMatchObject({ on: '2026-11-10', late: false });
    expect(d.deadlines.find((x) => x.rule === 'reconsideration.incidental-answer')?.state).toBe('met');
    const answerDoc = await fuzeren.get(`/api/v1/normative-documents/${doc!.id}/documents/challenge-answer:${c!.seq}/docx`);
    expect(answerDoc.statusCode, answerDoc.body).toBe(200);
    const text = await docxText(answerDoc.rawPayload);
    expect(text).toContain('规范性文件附带审查书面答复');
    expect(text).toContain('第五十八条');

    // Resumed: no decision while the referral waits for its ruling (Art 56).
    await ok(fuyi, path, 'reconsideration.resume', { on: '2026-11-10', reason: '制定机关已答复' });
    await ok(fuyi, path, 'reconsideration.send-copy', { on: '2026-11-10' });
    await setDay('2026-11-30');
    const early = await post(fuyi, path, 'reconsideration.decide', {
      on: '2026-11-30',
      type: 'revoked',
      reason: '依据违法',
      redoBy: null,
      variedFineFen: null,
    });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('第五十六条');

    // The ruling (Art 59): unlawful, execution stopped — recorded on the document too.
    const ruled = await ok(fuyi, path, 'reconsideration.rule-normative', {
      referral: review.referral,
      on: '2026-11-30',
      lawful: false,
      reason: '第五条增设拆除义务，无上位法依据，决定停止执行，责令制定机关纠正',
    });
    expect(ruled.record.incidentalReviews[0].ruling).toMatchObject({ lawful: false });
    d = await challengesOf(doc!.id);
    expect(d.record.challenges[0]!.ruling).toMatchObject({ on: '2026-11-30', lawful: false });
    const again = await post(fuyi, path, 'reconsideration.rule-normative', {
      referral: review.referral,
      on: '2026-11-30',
      lawful: true,
      reason: '再次',
    });
    expect(again.statusCode).toBe(409);

    // Both journals say so.
    const journal = (await fuzeren.get(`/api/v1/normative-documents/${doc!.id}/actions`)).json() as { items: { type: string }[] };
    expect(journal.items.map((x) => x.type)).toEqual(
      expect.arrayContaining(['normative.receive-challenge', 'normative.answer-challenge', 'normative.record-ruling']),
    );
  });
});
