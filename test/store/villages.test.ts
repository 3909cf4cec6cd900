import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp, DEMO_PASSWORD } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';
import { TOWN_CLERK_LOGIN, rulesText, seedDemoVillages } from '../../src/modules/villages/demo.js';
import { REVIEW_POINT_IDS } from '../../src/modules/villages/law.js';

const passed = () => Object.fromEntries(REVIEW_POINT_IDS.map((k) => [k, { ok: true, note: '经审查符合规定' }]));

describe.each(ENGINES)('村规民约 and village meetings on %s', (engine) => {
  let t: TestApp;
  let cunwei: Client;
  let zhen: Client;
  let sifasuo: Client;
  let jiandu: Client;
  let key = 0;
  const villages: Record<string, string> = {};
  const rulesOf: Record<string, string> = {};

  const act = (c: Client, path: string, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/${path}/${id}/actions`, { type, payload }, { 'idempotency-key': `vr-${engine}-${++key}` });
  const rules = (c: Client, id: string, type: string, payload: unknown) => act(c, 'village-rules', id, type, payload);
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await rules(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const recordMeeting = (c: Client, payload: unknown) =>
    c.post('/api/v1/village-meetings', { type: 'village-meeting.record', payload }, { 'idempotency-key': `vr-${engine}-${++key}` });
  const today = () => t.yifa.clock.today();
  const actionCount = async (id: string) =>
    Number(
      (await t.yifa.db.kysely.selectFrom('procedure_cases').select('action_count').where('id', '=', id).executeTakeFirstOrThrow())
        .action_count,
    );
  const adoption = (extra: Record<string, unknown> = {}) => ({
    on: today(),
    kind: 'representatives',
    basis: null,
    authorisation: '村民会议授权村民代表会议讨论决定村规民约的修改。',
    meetingId: null,
    entitled: 33,
    present: 22,
    votes: { for: 20, against: 1, abstain: 1 },
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    await seedDemoVillages(t.yifa, { password: DEMO_PASSWORD });
    cunwei = await t.login('cunwei');
    zhen = await t.login(TOWN_CLERK_LOGIN);
    sifasuo = await t.login('sifasuo');
    jiandu = await t.login('jiandu');
    const rows = await t.yifa.db.kysely
      .selectFrom('village_rules')
      .innerJoin('regions', 'regions.id', 'village_rules.village_id')
      .select(['regions.id as village', 'regions.name', 'village_rules.id'])
      .execute();
    for (const r of rows) {
      villages[r.name] = r.village;
      rulesOf[r.name] = r.id;
    }
  }, 240_000);
  afterAll(async () => t?.close());

  it('seeds the 14 villages: rules in force, second versions, one sent back, one being drafted, a year of meetings', async () => {
    expect(Object.keys(rulesOf)).toHaveLength(14);
    const list = (await sifasuo.get('/api/v1/village-rules?limit=50')).json();
    expect(list.items).toHaveLength(14);
    const byStatus = (s: string) => list.items.filter((i: { status: string }) => i.status === s).length;
    expect({ inForce: byStatus('in-force'), returned: byStatus('returned'), drafting: byStatus('drafting') }).toEqual({
      inForce: 12,
      returned: 1,
      drafting: 1,
    });
    const sentBack = (await sifasuo.get(`/api/v1/village-rules/${rulesOf['贵塘村']}`)).json();
    expect(sentBack.status).toBe('returned');
    expect(sentBack.record.versions[1].reviews[0].items.womenEqualRights.ok).toBe(false);
    const portal = (await t.anonymous().get('/api/v1/public/village-rules')).json();
    expect(portal.items).toHaveLength(14);
    expect(portal.items.filter((i: { version: number }) => i.version === 2)).toHaveLength(5);
    const meetings = (await sifasuo.get('/api/v1/village-meetings?limit=200')).json();
    expect(meetings.items).toHaveLength(56);
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problemCount).toBe(0);
  });

  it('refuses an adoption without the quorum, and a vote count over the attendance, changing nothing', async () => {
    const id = rulesOf['贵塘村']!;
    const revised = rulesText('贵塘村', 2);
    await ok(zhen, id, 'village-rules.revise', { on: today(), text: revised, note: '按审查意见删除第九条。' });
    const before = await actionCount(id);
    // 村民代表会议: two thirds of 33 members is 22; 21 is short.
    const short = await rules(zhen, id, 'village-rules.adopt', adoption({ present: 21, votes: { for: 19, against: 1, abstain: 1 } }));
    expect(short.statusCode).toBe(409);
    expect(short.json().error.code).toBe('GATE_REFUSED');
    expect(short.json().error.citation).toContain('村民委员会组织法》第二十六条');
    // 村民会议 counted by the adults: more than half of 100 is 51.
    const villagers = await rules(
      zhen,
      id,
      'village-rules.adopt',
      adoption({
        kind: 'villagers',
        basis: 'adults',
        authorisation: null,
        entitled: 100,
        present: 50,
        votes: { for: 40, against: 5, abstain: 5 },
      }),
    );
    expect(villagers.json().error.citation).toContain('第二十二条');
    const over = await rules(zhen, id, 'village-rules.adopt', adoption({ votes: { for: 20, against: 2, abstain: 1 } }));
    expect(over.statusCode).toBe(409);
    const refusals = over.json().error.details.refusals as { message: string; citation: string | null; field: string }[];
    expect(refusals).toEqual([
      expect.objectContaining({ field: 'votes', citation: null, message: expect.stringContaining('超过实到人数') }),
    ]);
    const minority = await rules(zhen, id, 'village-rules.adopt', adoption({ votes: { for: 11, against: 10, abstain: 1 } }));
    expect(minority.json().error.message).toContain('表决未获通过');
    const unauthorised = await rules(zhen, id, 'village-rules.adopt', adoption({ authorisation: null }));
    expect(unauthorised.json().error.citation).toContain('第二十四条');
    expect(await actionCount(id)).toBe(before);
    const view = await ok(zhen, id, 'village-rules.adopt', adoption());
    expect(view.status).toBe('adopted');
  });

  it('blocks a clause denying 外嫁女 their share in review, and files and publishes the corrected rules with their diff', async () => {
    const id = rulesOf['凉桥村']!;
    await ok(zhen, id, 'village-rules.start-revision', {
      title: '《凉桥村村规民约》',
      text: rulesText('凉桥村', 2, true),
      draftNote: '增加集体收益分配条款。',
      draftedOn: today(),
    });
    await ok(zhen, id, 'village-rules.consult', {
      on: today(),
      method: '村民小组会议',
      participants: 80,
      opinions: '无异议',
      response: '—',
    });
    await ok(zhen, id, 'village-rules.adopt', adoption());
    const items = passed();
    items.womenEqualRights = { ok: false, note: '外嫁女条款以婚嫁为由剥夺集体收益分配权。' };
    const review = { on: today(), items, opinion: '退回修改。', reviewer: '司法所' };
    const sentBack = await ok(sifasuo, id, 'village-rules.review', review);
    expect(sentBack.status).toBe('returned');
    expect(sentBack.documents.map((d: { title: string }) => d.title)).toContain('村规民约审查意见书');
    // Filing is not offered, and refused if tried.
    expect(sentBack.allowedActions.map((a: { type: string }) => a.type)).not.toContain('village-rules.file');
    const filing = await rules(sifasuo, id, 'village-rules.file', { on: today(), note: '予以备案。' });
    expect(filing.statusCode).toBe(409);
    // The clerk may neither review nor file.
    expect((await rules(zhen, id, 'village-rules.review', review)).statusCode).toBe(403);

    await ok(zhen, id, 'village-rules.revise', { on: today(), text: rulesText('凉桥村', 2), note: '删除外嫁女条款。' });
    await ok(zhen, id, 'village-rules.adopt', adoption());
    expect((await ok(sifasuo, id, 'village-rules.review', { ...review, items: passed(), opinion: '可予备案。' })).status).toBe('reviewed');
    expect((await ok(sifasuo, id, 'village-rules.file', { on: today(), note: '予以备案。' })).status).toBe('filed');
    const published = await ok(zhen, id, 'village-rules.publish', { on: today() });
    expect(published.status).toBe('in-force');
    expect(published.record.versions[1].supersededOn).toBe(today());

    const portal = (await t.anonymous().get(`/api/v1/public/village-rules/${villages['凉桥村']}`)).json();
    expect(portal.versions.map((v: { no: number }) => v.no)).toEqual([1, 2, 3]);
    expect(JSON.stringify(portal)).not.toContain('外嫁女户口未迁出');
    const diff = (await t.anonymous().get(`/api/v1/public/village-rules/${villages['凉桥村']}/diff?from=2&to=3`)).json();
    expect(diff.summary).toEqual({ same: 11, changed: 0, added: 0, removed: 0 });
    const diff13 = (await t.anonymous().get(`/api/v1/public/village-rules/${villages['凉桥村']}/diff?from=1&to=3`)).json();
    expect(diff13.summary.changed).toBe(2);
    expect(diff13.summary.added).toBe(1);
    // The kit's ClauseDiff rows, the shape the normative documents' diff answers with too.
    const changed13 = diff13.clauses.filter((c: { change: string }) => c.change === 'changed');
    expect(changed13).toHaveLength(2);
    expect(changed13[0]).toEqual({
      change: 'changed',
      renumbered: false,
      before: expect.objectContaining({ label: expect.any(String), text: expect.any(String) }),
      after: expect.objectContaining({ label: expect.any(String), text: expect.any(String) }),
    });

    // The documents open as DOCX: the version with its adoption, the review opinion.
    const docs = (await sifasuo.get(`/api/v1/village-rules/${id}/documents`)).json().items as { id: string; title: string }[];
    const version = await sifasuo.get(`/api/v1/village-rules/${id}/documents/version:3/docx`);
    expect(version.statusCode).toBe(200);
    const text = docxText(version.rawPayload);
    expect(text).toContain('彩礼不超过三万元');
    expect(text).toContain('村民代表会议');
    // The last two opinions are version 3's: sent back, then passed.
    const opinion = docs.filter((d) => d.title === '村规民约审查意见书').at(-2)!;
    const opinionText = docxText((await sifasuo.get(`/api/v1/village-rules/${id}/documents/${opinion.id}/docx`)).rawPayload);
    expect(opinionText).toContain('不符合');
    expect(opinionText).toContain('妇女权益保障法》第五十六条');
  });

  it('keeps the text exactly, whatever its length and script', async () => {
    const id = rulesOf['大田村']!;
    const odd = `  序言：ཀ་ཁ་ག 𠮷野家 ئۇيغۇر\t\r\n第一条 Ünïcödé 👍\n${'第二条 很长的条款。'.repeat(5000)}\n\n`;
    await ok(zhen, id, 'village-rules.revise', { on: today(), text: odd, note: '测试' });
    const back = (await zhen.get(`/api/v1/village-rules/${id}`)).json();
    expect(back.record.versions.at(-1).text).toBe(odd);
  });

  it('records meetings: refused without the quorum or with more votes than people present; decisions published under 村务公开', async () => {
    const base = {
      villageId: villages['妙泉村'],
      kind: 'representatives',
      heldOn: today(),
      basis: null,
      entitled: 30,
      present: 25,
      womenMembers: 10,
      convener: '村委会主任',
      place: '村委会会议室',
      agenda: '1. 村道维修',
      decisions: [{ subject: '村道维修筹资筹劳方案', votes: { for: 20, against: 3, abstain: 2 }, rulesId: null }],
      minutes: '逐项表决。',
    };
    const short = await recordMeeting(cunwei, {
      ...base,
      present: 19,
      decisions: [{ ...base.decisions[0], votes: { for: 19, against: 0, abstain: 0 } }],
    });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.citation).toContain('第二十六条');
    const over = await recordMeeting(cunwei, {
      ...base,
      decisions: [{ ...base.decisions[0], votes: { for: 20, against: 4, abstain: 2 } }],
    });
    expect(over.json().error.details.refusals[0].field).toBe('decisions.0.votes');
    const rulesElsewhere = await recordMeeting(cunwei, { ...base, decisions: [{ ...base.decisions[0], rulesId: rulesOf['贵塘村'] }] });
    expect(rulesElsewhere.statusCode).toBe(409);
    // Art 25 ¶2: a 村民代表会议 says how many of its members are women; a third short is recorded and stated.
    const noWomen = await recordMeeting(cunwei, { ...base, womenMembers: null });
    expect(noWomen.statusCode).toBe(409);
    expect(noWomen.json().error.details.refusals[0]).toMatchObject({
      field: 'womenMembers',
      citation: expect.stringContaining('第二十五条第二款'),
    });
    expect((await recordMeeting(cunwei, { ...base, womenMembers: 31 })).statusCode).toBe(409);
    const few = (await recordMeeting(cunwei, { ...base, womenMembers: 9 })).json();
    expect(few.record.compositionShortfall).toContain('不足村民代表会议组成人员（30人）的三分之一（至少10人）');
    const fewMinutes = await cunwei.get(`/api/v1/village-meetings/${few.id}/documents/minutes`);
    expect(JSON.stringify(fewMinutes.json())).toContain('应当依法调整代表会议组成');
    const made = await recordMeeting(cunwei, base);
    expect(made.statusCode).toBe(201);
    const m = made.json();
    expect(m.record.decisions[0].carried).toBe(true);
    expect(m.record.compositionShortfall).toBeNull();
    const published = await act(cunwei, 'village-meetings', m.id, 'village-meeting.publicize', {
      decision: 1,
      on: today(),
      content: '村道维修方案已通过。',
    });
    expect(published.json().status).toBe('publicized');
    const affairs = (await t.anonymous().get(`/api/v1/public/village-affairs?villageId=${villages['妙泉村']}`)).json();
    expect(affairs.items.map((i: { content: string }) => i.content)).toContain('村道维修方案已通过。');
    const minutes = await cunwei.get(`/api/v1/village-meetings/${m.id}/documents/minutes/docx`);
    expect(docxText(minutes.rawPayload)).toContain('村道维修筹资筹劳方案');
  });

  it('shows a village clerk only his village; the town sees all 14; a denied read or act is journaled', async () => {
    const mine = (await cunwei.get('/api/v1/village-rules?limit=50')).json();
    expect(mine.items.map((i: { title: string }) => i.title.split('：')[0])).toEqual(['妙泉村']);
    const meetings = (await cunwei.get('/api/v1/village-meetings?limit=200')).json();
    expect(meetings.items.every((i: { title: string }) => i.title.startsWith('妙泉村'))).toBe(true);
    const denials = async () =>
      Number(
        (
          await t.yifa.db.kysely
            .selectFrom('actions')
            .select((e) => e.fn.countAll().as('n'))
            .where('type', '=', 'access.denied')
            .where('subject_id', '=', rulesOf['贵塘村']!)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await denials();
    expect((await cunwei.get(`/api/v1/village-rules/${rulesOf['贵塘村']}`)).statusCode).toBe(404);
    expect(await denials()).toBe(before + 1);
    // Acting on another village's record, or recording a meeting for it, is refused too.
    expect((await rules(cunwei, rulesOf['贵塘村']!, 'village-rules.consult', {})).statusCode).toBe(404);
    const elsewhere = await recordMeeting(cunwei, {
      villageId: villages['贵塘村'],
      kind: 'representatives',
      heldOn: today(),
      basis: null,
      entitled: 30,
      present: 25,
      womenMembers: 10,
      convener: '主任',
      place: '会议室',
      agenda: '议程',
      decisions: [{ subject: '议题', votes: { for: 20, against: 0, abstain: 0 }, rulesId: null }],
      minutes: '记录',
    });
    expect(elsewhere.statusCode).toBe(403);
    const deniedOpen = await t.yifa.db.kysely
      .selectFrom('actions')
      .select('payload')
      .where('type', '=', 'access.denied')
      .where('subject_type', '=', 'village-meeting')
      .execute();
    expect(deniedOpen.some((r) => r.payload.includes('贵塘村不在您的数据权限范围内'))).toBe(true);
    expect((await sifasuo.get('/api/v1/village-rules?limit=50')).json().items).toHaveLength(14);
    expect((await jiandu.get('/api/v1/village-rules?limit=50')).json().items).toHaveLength(14);
    // The statistics follow the same scope.
    const year = Number(today().slice(0, 4));
    const town = (await sifasuo.get(`/api/v1/village-statistics?year=${year}`)).json();
    expect(town.villages).toHaveLength(14);
    const own = (await cunwei.get(`/api/v1/village-statistics?year=${year}`)).json();
    expect(own.villages.map((v: { village: string }) => v.village)).toEqual(['妙泉村']);
    expect((await t.anonymous().get('/api/v1/village-rules')).statusCode).toBe(401);
  });
});
