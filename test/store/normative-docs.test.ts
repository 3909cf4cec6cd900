/**
 * 行政规范性文件 and the legal adviser's desk on both engines, through the HTTP API as the head
 * (fuzeren), the legal adviser (fazhi) and the public meet them: a draft that creates a fine is
 * refused in review (the checklist's "yes" blocks 同意, 行政处罚法 Art 16), amended, passed,
 * deliberated, numbered and published, shows on the portal, waits for filing, and years later
 * for its evaluation and renewal (renumbered); every skipped step refused with its source; the
 * text kept exactly; the clause diff; the documents opened as DOCX; a major decision's review
 * gates; the desk's one queue; and the demo in every state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { Clock } from '../../src/platform/clock.js';
import { replayRecord } from '../../src/procedure/service.js';
import { NORMATIVE_DOCS } from '../../src/modules/normative-docs/procedure.js';
import { demoChecklist, demoText, seedDemoNormative } from '../../src/modules/normative-docs/demo.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const START = '2026-03-02';

type Refused = { code: string; message: string; details?: { refusals?: { message: string; citation: string | null }[] } };
type View = {
  id: string;
  status: string;
  deadlines: { rule: string; due: string; state: string; title: string }[];
  documents: { series: string; number: string }[];
  allowedActions: { type: string }[];
  record: Record<string, unknown> & {
    versions: { seq: number; text: string }[];
    registrations: { number: string; on: string; effectiveOn: string; expiresOn: string }[];
  };
};

const FINE = '在集镇主干道违规摆摊设点、经劝阻拒不改正的，处以200元罚款。';

describe.each(ENGINES)('normative documents on %s', (engine) => {
  let t: TestApp;
  let head: Client;
  let adviser: Client;
  let officer: Client;
  let logins = 0;
  /** Moves the clock; the sessions expire with the days, so everyone logs in again. */
  const setDay = async (d: string) => {
    t.yifa.clock.source = at(d);
    // From an address of its own each time: the login throttle counts per address.
    head = await t.login('fuzeren', undefined, `10.0.${++logins}.1`);
    adviser = await t.login('fazhi', undefined, `10.0.${logins}.2`);
    officer = await t.login('zhifa1', undefined, `10.0.${logins}.3`);
  };
  beforeAll(async () => {
    // With the demo's penalty cases: one waits for its 法制审核, which the adviser's desk must show beside the documents.
    t = await startTestApp(engine, { cases: true, clock: new Clock(at(START)) });
    head = await t.login('fuzeren');
    adviser = await t.login('fazhi');
    officer = await t.login('zhifa1');
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown, path = 'normative-documents') =>
    c.post(`/api/v1/${path}/${id}/actions`, { type, payload }, { 'idempotency-key': `nd-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown, path?: string): Promise<View> => {
    const res = await act(c, id, type, payload, path);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const refused = async (c: Client, id: string, type: string, payload: unknown, status = 409, path?: string): Promise<Refused> => {
    const res = await act(c, id, type, payload, path);
    expect(res.statusCode, `${type}: ${res.body}`).toBe(status);
    return (res.json() as { error: Refused }).error;
  };
  const citations = (r: Refused) => (r.details?.refusals ?? []).map((x) => x.citation);
  const actionCount = async () =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom('actions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const draft = (text: string, extra: Record<string, unknown> = {}) => ({
    title: '妙泉镇集镇摊点管理暂行办法',
    drafter: '妙泉镇党政办公室',
    draftedOn: START,
    explanation: '规范集镇摊点经营秩序。',
    legalBasis: '《城市市容和环境卫生管理条例》',
    marketActivity: true,
    provisional: true,
    validityYears: 2,
    text,
    ...extra,
  });

  it('runs a draft that creates a fine through refusal, amendment, review, deliberation, publication, filing and renewal', async () => {
    const text1 = demoText('妙泉镇集镇摊点管理暂行办法', '集镇摊点管理', 6, [FINE]);
    // 暂行 in the title must be marked provisional, with a provisional validity.
    const wrong = await head.post('/api/v1/normative-documents', {
      type: 'normative.draft',
      payload: draft(text1, { provisional: false }),
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.body).toContain('暂行');
    const res = await head.post('/api/v1/normative-documents', { type: 'normative.draft', payload: draft(text1) });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as View).id;
    expect((res.json() as View).record.versions[0]!.text).toBe(text1);

    // Skipping steps: each refusal says what was skipped and under which rule.
    const before = await actionCount();
    let r = await refused(head, id, 'normative.deliberate', {
      on: START,
      meeting: '镇长办公会议',
      present: '镇长',
      minutes: '讨论',
      adopted: true,
    });
    expect(r.message + JSON.stringify(r)).toContain('未经合法性审核');
    expect(JSON.stringify(r)).toContain('国办发〔2018〕115号');
    r = await refused(head, id, 'normative.publish', { on: START, effectiveOn: null, immediateReason: '' });
    expect(JSON.stringify(r)).toContain('国办发〔2018〕115号');
    r = await refused(head, id, 'normative.submit-review', { on: START, materials: '送审稿' });
    expect(JSON.stringify(r)).toContain('是否属于行政规范性文件');
    // A refused step changes nothing (only denials are journaled; these are not).
    expect(await actionCount()).toBe(before);

    await ok(head, id, 'normative.scope', { on: START, inScope: true, reason: '涉及经营者权利义务。' });
    r = await refused(head, id, 'normative.submit-review', { on: START, materials: '送审稿' });
    expect(JSON.stringify(r)).toContain('公开征求意见');
    expect(JSON.stringify(r)).toContain('国办发〔2018〕37号');
    await ok(head, id, 'normative.open-comment', { openedOn: START, until: '2026-03-12', channel: '镇政府网站' });
    await ok(head, id, 'normative.add-comment', {
      on: START,
      from: '摊主王某某',
      text: '罚款过重。',
      adopted: false,
      response: '提交合法性审核时一并考虑。',
    });
    // The period announced is not cut short.
    r = await refused(head, id, 'normative.close-comment', { on: START, summary: '无' });
    expect(JSON.stringify(r)).toContain('2026-03-12');
    await setDay('2026-03-13');
    await ok(head, id, 'normative.close-comment', { on: '2026-03-13', summary: '收到意见 1 条。' });
    r = await refused(head, id, 'normative.submit-review', { on: '2026-03-13', materials: '送审稿' });
    expect(JSON.stringify(r)).toContain('公平竞争审查条例');
    await ok(head, id, 'normative.fair-competition', { on: '2026-03-13', passed: true, note: '未含排除、限制竞争的内容。' });
    let v = await ok(head, id, 'normative.submit-review', { on: '2026-03-13', materials: '送审稿、起草说明' });
    expect(v.status).toBe('reviewing');

    // The adviser's desk has it, with the penalty module's and every other review in one queue.
    const desk = (await adviser.get('/api/v1/legal-reviews/desk?limit=200')).json() as {
      queue: { items: { id: string; procedure: string; step: string }[] };
    };
    expect(desk.queue.items.some((x) => x.id === id && x.procedure === 'normative-document')).toBe(true);
    expect(desk.queue.items.some((x) => x.procedure === 'penalty-case' && x.step.includes('法制审核'))).toBe(true);

    // The checklist says it creates a penalty: 同意 is refused with 行政处罚法 Art 16; the officer may not review at all.
    await setDay('2026-03-16');
    const opinion = (o: Record<string, unknown>) => ({
      on: '2026-03-16',
      checklist: demoChecklist(['createsPenalty']),
      opinion: 'agree',
      reasons: '同意。',
      clauses: '',
      ...o,
    });
    expect((await act(officer, id, 'normative.review-opinion', opinion({}))).statusCode).toBe(403);
    r = await refused(adviser, id, 'normative.review-opinion', opinion({ opinion: 'agree-with-changes', clauses: '第六条' }));
    expect(citations(r)).toContain('《中华人民共和国行政处罚法》第十六条');
    v = await ok(
      adviser,
      id,
      'normative.review-opinion',
      opinion({ opinion: 'disagree', reasons: '第六条设定罚款，违反行政处罚法第十六条。', clauses: '第六条' }),
    );
    expect(v.status).toBe('returned');
    expect(v.documents.map((d) => d.series)).toContain('normative-review');
    r = await refused(head, id, 'normative.deliberate', {
      on: '2026-03-16',
      meeting: '镇长办公会议',
      present: '镇长',
      minutes: '讨论',
      adopted: true,
    });
    expect(JSON.stringify(r)).toContain('不同意');
    r = await refused(head, id, 'normative.submit-review', { on: '2026-03-16', materials: '送审稿' });
    expect(JSON.stringify(r)).toContain('修改正文');

    // Amended: the fine goes. The diff shows it clause by clause.
    const text2 = demoText('妙泉镇集镇摊点管理暂行办法', '集镇摊点管理', 6, [
      '在集镇主干道违规摆摊设点的，由镇综合行政执法办公室依照有关法律、法规的规定处理。',
    ]);
    await ok(head, id, 'normative.amend', { text: text2, note: '删除罚款规定。' });
    const diff = (await head.get(`/api/v1/normative-documents/${id}/diff`)).json() as {
      summary: Record<string, number>;
      clauses: {
        change: string;
        renumbered: boolean;
        before: { label: string; text: string } | null;
        after: { label: string; text: string } | null;
      }[];
    };
    // The same shape as the village rules' diff: the kit's ClauseDiff.
    const changed = diff.clauses.filter((c) => c.change !== 'same');
    expect(changed).toEqual([expect.objectContaining({ change: 'changed', renumbered: false })]);
    expect(changed[0]!.before).toMatchObject({ label: '第六条' });
    expect(changed[0]!.after).toMatchObject({ label: '第六条' });
    expect(changed[0]!.before!.text).toContain('罚款');
    expect(changed[0]!.after!.text).not.toContain('罚款');
    expect(diff.summary.changed).toBe(1);

    await ok(head, id, 'normative.submit-review', { on: '2026-03-16', materials: '修改稿' });
    await setDay('2026-03-18');
    v = await ok(
      adviser,
      id,
      'normative.review-opinion',
      opinion({ on: '2026-03-18', checklist: demoChecklist(), opinion: 'agree', reasons: '修改后不再设定处罚，同意。' }),
    );
    expect(v.status).toBe('reviewed');
    // Sign before deliberation: refused with what was skipped.
    r = await refused(head, id, 'normative.sign', { on: '2026-03-18', by: '镇长' });
    expect(JSON.stringify(r)).toContain('集体讨论');
    await ok(head, id, 'normative.deliberate', {
      on: '2026-03-18',
      meeting: '镇长办公会议',
      present: '镇长、副镇长、法律顾问',
      minutes: '同意发布。',
      adopted: true,
    });
    await ok(head, id, 'normative.sign', { on: '2026-03-18', by: '镇长' });
    // Effective in fewer than 30 days only with a reason.
    r = await refused(head, id, 'normative.publish', { on: '2026-03-18', effectiveOn: '2026-03-20', immediateReason: '' });
    expect(JSON.stringify(r)).toContain('30 日');
    v = await ok(head, id, 'normative.publish', { on: '2026-03-18', effectiveOn: null, immediateReason: '' });
    expect(v.status).toBe('published');
    const reg = v.record.registrations[0]!;
    expect(reg.number).toMatch(/规〔2026〕第1号$/);
    expect(reg.effectiveOn).toBe('2026-04-17');
    expect(reg.expiresOn).toBe('2028-04-16');
    const filing = v.deadlines.find((d) => d.rule === 'normative.filing')!;
    expect(filing).toMatchObject({ due: '2026-04-17', state: 'ok' });

    // On the portal: published, not yet in force; then in force.
    const pub = t.anonymous();
    let list = (await pub.get(`/api/v1/public/normative-documents?q=${encodeURIComponent('摊点')}`)).json() as {
      items: { id: string; state: string; number: string }[];
    };
    expect(list.items).toEqual([expect.objectContaining({ id, state: 'pending', number: reg.number })]);
    const shown = (await pub.get(`/api/v1/public/normative-documents/${id}`)).json() as { text: string };
    expect(shown.text).toBe(text2);

    // Filing, late is overdue; then filed.
    await setDay('2026-04-20');
    expect(
      (await head.get(`/api/v1/normative-documents/${id}`)).json().deadlines.find((d: { rule: string }) => d.rule === 'normative.filing')
        .state,
    ).toBe('overdue');
    await ok(head, id, 'normative.file', { on: '2026-04-20', to: '秀山县人民政府', note: '备案报告等' });
    list = (await pub.get('/api/v1/public/normative-documents?state=effective')).json();
    expect(list.items.map((x) => x.id)).toContain(id);

    // Renewal is not offered before the 6 months before expiry; the evaluation queue lists it from then.
    r = await refused(head, id, 'normative.renew', { on: '2026-04-20', evaluation: '评估' });
    expect(JSON.stringify(r)).toContain('2027-10-16');
    expect(((await head.get('/api/v1/normative-documents/evaluation-due')).json() as { items: unknown[] }).items).toEqual([]);
    await setDay('2027-11-02');
    const due = (await head.get('/api/v1/normative-documents/evaluation-due')).json() as { items: { id: string }[] };
    expect(due.items.map((x) => x.id)).toEqual([id]);
    v = await ok(head, id, 'normative.renew', { on: '2027-11-02', evaluation: '实施良好，继续施行。' });
    expect(v.record.registrations).toHaveLength(2);
    expect(v.record.registrations[1]).toMatchObject({ effectiveOn: '2028-04-17', expiresOn: '2030-04-16' });
    expect(v.record.registrations[1]!.number).toMatch(/规〔2027〕第1号$/);

    // The documents open as DOCX and say what the record says.
    const docs = (await head.get(`/api/v1/normative-documents/${id}/documents`)).json() as { items?: { id: string }[] } | { id: string }[];
    const ids = (Array.isArray(docs) ? docs : (docs.items ?? [])).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['explanation', 'consultation', 'review:1', 'review:2', 'minutes', 'text', 'filing']));
    const refusal = docxText((await head.get(`/api/v1/normative-documents/${id}/documents/review:1/docx`)).rawPayload);
    expect(refusal).toContain('不同意');
    expect(refusal).toContain('是否设定行政处罚');
    expect(docxText((await head.get(`/api/v1/normative-documents/${id}/documents/minutes/docx`)).rawPayload)).toContain('镇长办公会议');
    expect(docxText((await head.get(`/api/v1/normative-documents/${id}/documents/filing/docx`)).rawPayload)).toContain('秀山县人民政府');
    expect(docxText((await head.get(`/api/v1/normative-documents/${id}/documents/consultation/docx`)).rawPayload)).toContain('罚款过重');

    // The stored state is the journal's fold.
    expect(await replayRecord(t.yifa, NORMATIVE_DOCS, id)).toEqual(v.record);
  });

  it('keeps a text of any script and length exactly, and refuses an empty one at its field', async () => {
    await setDay('2027-11-03');
    const text = `第一条 ${'𠀀中文ꆈꌠ ئۇيغۇرچە བོད་ཡིག 🙂\t'.repeat(4000)}\r\n第二条   末尾有空格。  \n\n`;
    const res = await head.post('/api/v1/normative-documents', {
      type: 'normative.draft',
      payload: draft(text, { title: '妙泉镇测试办法', provisional: false, validityYears: 5, draftedOn: '2027-11-03' }),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const id = (res.json() as View).id;
    expect(((await head.get(`/api/v1/normative-documents/${id}`)).json() as View).record.versions[0]!.text).toBe(text);
    const empty = await head.post('/api/v1/normative-documents', {
      type: 'normative.draft',
      payload: draft('   \n', { provisional: true }),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('正文不能为空');
  });

  it('gates a major decision: participation, experts and risk before review; at least 7 working days; no decision without it', async () => {
    await setDay('2027-11-03');
    const res = await head.post('/api/v1/legal-reviews', {
      type: 'legal-review.open',
      payload: {
        kind: 'major-decision',
        title: '集镇污水处理设施建设方案',
        department: '村镇建设服务中心',
        openedOn: '2027-11-03',
        summary: '新建污水处理站。',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as View).id;
    let r = await refused(
      head,
      id,
      'legal-review.submit',
      { on: '2027-11-03', materials: '草案', dueOn: '2027-11-20' },
      409,
      'legal-reviews',
    );
    expect(JSON.stringify(r)).toContain('《重大行政决策程序暂行条例》第十四条');
    r = await refused(
      head,
      id,
      'legal-review.decide',
      { on: '2027-11-03', meeting: '镇党委会', adopted: true, minutes: '通过' },
      409,
      'legal-reviews',
    );
    expect(JSON.stringify(r)).toContain('第二十六条');
    r = await refused(
      head,
      id,
      'legal-review.participation',
      { from: '2027-11-01', until: '2027-11-03', summary: '意见' },
      409,
      'legal-reviews',
    );
    expect(JSON.stringify(r)).toContain('第十五条');
    await setDay('2027-12-10');
    await ok(
      head,
      id,
      'legal-review.participation',
      { from: '2027-11-03', until: '2027-12-09', summary: '收到意见 5 条。' },
      'legal-reviews',
    );
    await ok(head, id, 'legal-review.experts', { on: '2027-12-10', experts: '专家 2 名', summary: '可行。' }, 'legal-reviews');
    await ok(head, id, 'legal-review.risk', { on: '2027-12-10', level: 'low', summary: '风险低。' }, 'legal-reviews');
    r = await refused(head, id, 'legal-review.submit', { on: '2027-12-10', materials: '草案', dueOn: '2027-12-15' }, 409, 'legal-reviews');
    expect(JSON.stringify(r)).toContain('7 个工作日');
    const v = await ok(head, id, 'legal-review.submit', { on: '2027-12-10', materials: '草案', dueOn: '2027-12-21' }, 'legal-reviews');
    expect(v.deadlines[0]).toMatchObject({ rule: 'major-decision.legality-review', due: '2027-12-21' });
    const desk = (await adviser.get('/api/v1/legal-reviews/desk')).json() as {
      queue: { items: { id: string }[] };
      workload: { procedure: string; waiting: number }[];
    };
    expect(desk.queue.items.map((x) => x.id)).toContain(id);
    expect(desk.workload.find((w) => w.procedure === 'legal-review')?.waiting).toBe(1);
    await ok(
      adviser,
      id,
      'legal-review.opinion',
      {
        on: '2027-12-10',
        points: Object.fromEntries(['authority', 'procedure', 'content', 'risk'].map((k) => [k, { ok: true, note: '符合' }])),
        opinion: 'agree',
        reasons: '合法。',
        clauses: '',
      },
      'legal-reviews',
    );
    const decided = await ok(
      head,
      id,
      'legal-review.decide',
      { on: '2027-12-10', meeting: '镇党委会', adopted: true, minutes: '通过' },
      'legal-reviews',
    );
    expect(decided.status).toBe('decided');
    const rates = (await (await t.login('jiandu', undefined, '10.1.0.1')).get('/api/v1/legal-reviews/rates')).json() as {
      items: { requested: number; answered: number; published: number; publishedReviewed: number }[];
    };
    const town = rates.items[0]!;
    expect(town.answered).toBeGreaterThanOrEqual(3);
    expect(town.publishedReviewed).toBe(town.published);
  });

  it('seeds 妙泉镇 in every state: refused for a fine, renewed, lapsed, repealed, internal, and a queue for the adviser', async () => {
    t.yifa.clock.source = () => new Date();
    await seedDemoNormative(t.yifa);
    // The demo's dates run back from the real today: log in again on it (sessions expire with the days).
    await setDay(t.yifa.clock.today());
    const rows = await t.yifa.db.kysely.selectFrom('normative_documents').select(['title', 'status', 'number']).execute();
    const status = (title: string) => rows.find((x) => x.title === title)?.status;
    expect(status('妙泉镇集镇摊点管理暂行办法')).toBeDefined();
    expect(rows.filter((x) => x.title === '妙泉镇集镇摊点管理暂行办法').map((x) => x.status)).toContain('returned');
    expect(status('妙泉镇困难群众临时救助实施办法（试行）')).toBe('published');
    expect(status('妙泉镇集体经济项目管理暂行规定')).toBe('lapsed');
    expect(status('妙泉镇村庄规划建设管理办法')).toBe('repealed');
    expect(status('妙泉镇机关考勤管理制度')).toBe('internal');
    expect(status('妙泉镇养犬管理办法')).toBe('consulting');
    expect(status('妙泉镇河道保洁管理办法')).toBe('reviewed');
    const deskRes = await adviser.get('/api/v1/legal-reviews/desk');
    expect(deskRes.statusCode, deskRes.body).toBe(200);
    const desk = deskRes.json() as { queue: { items: { title: string }[] }; workload: { overdue: number }[] };
    expect(desk.queue.items.map((x) => x.title)).toEqual(
      expect.arrayContaining(['妙泉镇农村建房服务规定', '重大行政决策：妙泉镇集镇污水处理设施建设方案']),
    );
    expect(desk.workload.reduce((a, w) => a + w.overdue, 0)).toBeGreaterThanOrEqual(1);
    const evaluation = (await head.get('/api/v1/normative-documents/evaluation-due')).json() as { items: { title: string }[] };
    expect(evaluation.items.map((x) => x.title)).toContain('妙泉镇农村公路养护管理办法');
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problems).toEqual([]);
  });
});
