/**
 * 信访 duplicates and hot spots on both engines (issue 15 §5): a registration is offered the
 * likely duplicates (the same petitioner by ID number or by name and phone, the same place,
 * a request that reads alike, the last 12 months, in the reader's scope); a duplicate is
 * merged into the kept one when the petitioner is the same, and only with the head's approval
 * when not — both records journaled, the kept one's limits untouched; the hot spots count by
 * place, category and month with a village breakdown, a merged duplicate once, fail-closed
 * outside the reader's scope, and as CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { hotSpots } from '../../src/modules/petitions/hot-spots.js';
import { similarity } from '../../src/modules/petitions/duplicates.js';
import { actOnRecord, replayRecord } from '../../src/procedure/service.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { verifyJournal } from '../../src/journal/verify-journal.js';
import { PETITIONS } from '../../src/modules/petitions/procedure.js';
import type { Request } from '../../src/platform/security/request.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const person = (name: string, n: number, phone: string | null = `1390000${String(1000 + n).slice(-4)}`) => ({
  name,
  idNumber: withIdCheckChar(`50024119750202${String(100 + n).slice(-3)}`),
  phone,
  address: '秀山县妙泉镇贵塘村',
});

const letter = (receivedOn: string, extra: Record<string, unknown> = {}) => ({
  channel: 'letter',
  source: 'direct',
  receivedOn,
  petitioners: [person('李某某', 1)],
  groupSize: null,
  request: '要求落实贵塘村土地复垦项目的青苗补偿款',
  factsAndReasons: '2025年复垦时毁坏青苗，补偿款至今未发放。',
  category: 'land-reclamation',
  place: '贵塘村',
  oralConfirmed: false,
  repeatOf: null,
  ...extra,
});

type View = {
  id: string;
  status: string;
  deadlines: { rule: string; due: string; state: string }[];
  record: Record<string, unknown> & { number: string };
};

describe.each(ENGINES)('petition duplicates and hot spots on %s', (engine) => {
  let t: TestApp;
  let xinfang: Client;
  let fuzeren: Client;
  let jiandu: Client;
  beforeAll(async () => {
    t = await startTestApp(engine);
    xinfang = await t.login('xinfang');
    fuzeren = await t.login('fuzeren');
    jiandu = await t.login('jiandu');
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/petitions/${id}/actions`, { type, payload }, { 'idempotency-key': `dup-${engine}-${++key}` });
  const register = async (payload: unknown): Promise<View> => {
    const res = await xinfang.post('/api/v1/petitions', { type: 'petition.register', payload });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  const suggest = (c: Client, body: unknown) => c.post('/api/v1/petitions/duplicates', body);
  const journalTypes = async (id: string) =>
    ((await xinfang.get(`/api/v1/petitions/${id}/actions`)).json().items as { type: string }[]).map((e) => e.type);

  let kept: View;
  let dup: View;
  let other: View;

  it('suggests the same petitioner by ID number or by name and phone, and the same place with a like request; not the unrelated', async () => {
    t.yifa.clock.source = at('2026-02-02');
    kept = await register(letter('2026-02-02'));
    // Another village, another matter: never suggested.
    await register(
      letter('2026-02-02', {
        petitioners: [person('赵某', 9)],
        place: '大田村',
        category: 'social-security',
        request: '要求支付在建工地拖欠的工资',
      }),
    );
    // Someone else at the same place about the same thing.
    other = await register(
      letter('2026-02-02', {
        petitioners: [person('周某', 5)],
        request: '要求发放贵塘村土地复垦项目青苗补偿款',
      }),
    );
    t.yifa.clock.source = at('2026-03-10');
    const byId = await suggest(xinfang, {
      petitioners: [{ name: '李某某', idNumber: person('李某某', 1).idNumber, phone: null }],
      place: '别的村',
      request: '青苗补偿款的问题',
    });
    expect(byId.statusCode, byId.body).toBe(200);
    const ids = byId.json().items.map((s: { id: string }) => s.id);
    expect(ids).toEqual([kept.id]);
    expect(byId.json().items[0]).toMatchObject({ number: kept.record.number, samePetitioner: true, samePlace: false });
    expect(byId.json().items[0].reasons[0]).toContain('同一信访人');

    // The name and phone find him without an ID number; the place finds the neighbour's like request too.
    const byPhone = (
      await suggest(xinfang, {
        petitioners: [{ name: '李某某', idNumber: null, phone: '139-0000-1001' }],
        place: '贵塘村',
        request: '要求落实贵塘村复垦青苗补偿款',
      })
    ).json();
    expect(byPhone.items.map((s: { id: string }) => s.id)).toEqual([kept.id, other.id]);
    expect(byPhone.items[1]).toMatchObject({ samePetitioner: false, samePlace: true });
    expect(byPhone.items[1].similarity).toBeGreaterThanOrEqual(0.45);

    // A different request at the same place by someone else is not a duplicate.
    const unrelated = (
      await suggest(xinfang, {
        petitioners: [{ name: '吴某', idNumber: null, phone: null }],
        place: '贵塘村',
        request: '村道路灯不亮，要求维修',
      })
    ).json();
    expect(unrelated.items).toEqual([]);
    expect(similarity('要求落实青苗补偿款', '要求落实青苗补偿款')).toBe(1);
    expect(similarity('村道路灯不亮', '青苗补偿')).toBe(0);
  });

  it('looks only twelve months back and only in the reader’s scope', async () => {
    t.yifa.clock.source = at('2026-03-10');
    // The same petitioner's letter of more than twelve months ago (registered late, as received then) is not looked at.
    const old = await register(letter('2025-03-01', { place: '老村' }));
    const late = (
      await suggest(xinfang, {
        petitioners: [{ name: '李某某', idNumber: person('李某某', 1).idNumber, phone: null }],
        place: '老村',
        request: '要求落实贵塘村土地复垦项目的青苗补偿款',
      })
    ).json();
    expect(late.items.map((s: { id: string }) => s.id)).toEqual([kept.id]);
    expect(late.items.map((s: { id: string }) => s.id)).not.toContain(old.id);
    // Supervision at the county sees the town's petitions (its scope holds them), suggested the same.
    expect(
      (await suggest(jiandu, { petitioners: [], place: '贵塘村', request: '要求落实贵塘村土地复垦项目的青苗补偿款' })).json().items.length,
    ).toBe(2);
    // Bad input is refused in Chinese.
    const bad = await suggest(xinfang, { petitioners: [], place: 'x'.repeat(101), request: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('不能超过 100 个字');
  });

  it('merges the same petitioner’s duplicate at once, journaled on both, the kept one’s limits untouched', async () => {
    t.yifa.clock.source = at('2026-03-10');
    const keptBefore = (await xinfang.get(`/api/v1/petitions/${kept.id}`)).json() as View;
    const acceptanceDue = keptBefore.deadlines.find((d) => d.rule === 'petition.acceptance-notice')?.due;
    dup = await register(letter('2026-03-10', { request: '再次要求落实贵塘村复垦青苗补偿款' }));

    // Into a number the agency has not issued: refused, nothing changed.
    const none = await act(xinfang, dup.id, 'petition.merge', { into: '妙泉信登字〔2026〕第999号', reason: '重复' });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toContain('没有登记号为');
    const self = await act(xinfang, dup.id, 'petition.merge', { into: dup.record.number, reason: '重复' });
    expect(self.json().error.message).toContain('不能将信访事项并入其自身');

    const merged = await act(xinfang, dup.id, 'petition.merge', { into: kept.record.number, reason: '同一信访人就同一事项再次来信' });
    expect(merged.statusCode, merged.body).toBe(200);
    const mv = merged.json() as View;
    expect(mv.status).toBe('merged');
    expect(mv.record.mergedInto).toMatchObject({ id: kept.id, number: kept.record.number, by: 'same-petitioner', on: '2026-03-10' });
    // Its own acceptance notice is no longer owed.
    expect(mv.deadlines.find((d) => d.rule === 'petition.acceptance-notice')?.state).toBe('met');

    const keptAfter = (await xinfang.get(`/api/v1/petitions/${kept.id}`)).json() as View;
    expect(keptAfter.record.merged).toEqual([{ id: dup.id, number: dup.record.number, on: '2026-03-10' }]);
    expect(keptAfter.status).toBe('registered');
    expect(keptAfter.deadlines.find((d) => d.rule === 'petition.acceptance-notice')?.due).toBe(acceptanceDue);
    expect(await journalTypes(dup.id)).toContain('petition.merge');
    expect(await journalTypes(kept.id)).toContain('petition.note-merged');
    // The note is not taken twice, nor for a petition not merged into this one.
    const twice = await act(xinfang, kept.id, 'petition.note-merged', { number: dup.record.number });
    expect(twice.json().error.message).toContain('已经登记');
    const notMerged = await act(xinfang, kept.id, 'petition.note-merged', { number: other.record.number });
    expect(notMerged.json().error.message).toContain('没有并入本件');
    // A merged petition takes no further step, and is not suggested again.
    expect((await act(xinfang, dup.id, 'petition.accept', { on: '2026-03-10' })).statusCode).toBe(409);
    const again = (
      await suggest(xinfang, {
        petitioners: [{ name: '李某某', idNumber: person('李某某', 1).idNumber, phone: null }],
        place: '贵塘村',
        request: '再次要求落实贵塘村复垦青苗补偿款',
      })
    ).json();
    expect(again.items.map((s: { id: string }) => s.id)).not.toContain(dup.id);
    // Into a merged one: refused, pointing at the kept one.
    const chain = await register(letter('2026-03-10'));
    const intoMerged = await act(xinfang, chain.id, 'petition.merge', { into: dup.record.number, reason: '重复' });
    expect(intoMerged.json().error.message).toContain('本身已并入其他信访事项');
    // The replay gives the same state.
    expect(await replayRecord(t.yifa, PETITIONS, dup.id)).toMatchObject({ mergedInto: { id: kept.id } });
  });

  it('refuses to merge another petitioner’s petition without the head, who approves it (not the clerk)', async () => {
    t.yifa.clock.source = at('2026-03-11');
    const neighbour = await register(letter('2026-03-11', { petitioners: [person('钱某', 7)] }));
    const refused = await act(xinfang, neighbour.id, 'petition.merge', { into: kept.record.number, reason: '同一事项' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.citation).toBeUndefined();
    expect(refused.json().error.message).toContain('合并须报负责人批准');
    expect((await xinfang.get(`/api/v1/petitions/${neighbour.id}`)).json().status).toBe('registered');

    const asked = await act(xinfang, neighbour.id, 'petition.request-merge', {
      into: kept.record.number,
      reason: '同一复垦项目的同一诉求',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().status).toBe('registered');
    expect((await act(xinfang, neighbour.id, 'petition.approve', { kind: 'merge', opinion: '同意' })).statusCode).toBe(403);
    const approved = await act(fuzeren, neighbour.id, 'petition.approve', { kind: 'merge', opinion: '同意合并办理' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().record.mergedInto).toMatchObject({ id: kept.id, by: 'head' });
    const keptNow = (await xinfang.get(`/api/v1/petitions/${kept.id}`)).json() as View;
    expect((keptNow.record.merged as { id: string }[]).map((x) => x.id)).toEqual([dup.id, neighbour.id]);
  });

  it('keeps the merge and the kept petition’s note in one transaction: the note follows it, a failing follow-up keeps neither', async () => {
    t.yifa.clock.source = at('2026-03-12');
    const again = await register(letter('2026-03-12'));
    const clerk = { auth: await contextOfUser(t.yifa, 'xinfang'), idempotencyKey: null, denied: async () => {} } as Request;
    const seqBefore = await t.yifa.journal.size();
    // A follow-up that fails after the note: the merge, its number and the note are all rolled back.
    const failing = {
      ...PETITIONS,
      followUp: async (x: Parameters<NonNullable<typeof PETITIONS.followUp>>[0]) => {
        await PETITIONS.followUp!(x);
        throw new Error('断电');
      },
    };
    await expect(
      actOnRecord(t.yifa, clerk, failing, again.id, 'petition.merge', { into: kept.record.number, reason: '同一信访人再次来信' }),
    ).rejects.toThrow('断电');
    expect(await t.yifa.journal.size()).toBe(seqBefore);
    expect((await xinfang.get(`/api/v1/petitions/${again.id}`)).json().status).toBe('registered');
    const keptBefore = (await xinfang.get(`/api/v1/petitions/${kept.id}`)).json() as View;
    expect((keptBefore.record.merged as { id: string }[]).map((x) => x.id)).not.toContain(again.id);

    // Taken for real: the merge and then the note, one after the other in the journal.
    const merged = await act(xinfang, again.id, 'petition.merge', { into: kept.record.number, reason: '同一信访人再次来信' });
    expect(merged.statusCode, merged.body).toBe(200);
    const rows = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['seq', 'type', 'subject_id'])
      .where('seq', '>=', seqBefore)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.type, r.subject_id])).toEqual([
      ['petition.merge', again.id],
      ['petition.note-merged', kept.id],
    ]);
    expect(Number(rows[1]!.seq)).toBe(Number(rows[0]!.seq) + 1);
    // A retry with the same key changes nothing and notes nothing twice.
    const retry = await xinfang.post(
      `/api/v1/petitions/${again.id}/actions`,
      { type: 'petition.merge', payload: { into: kept.record.number, reason: '同一信访人再次来信' } },
      { 'idempotency-key': `dup-${engine}-${key}` },
    );
    expect(retry.statusCode, retry.body).toBe(200);
    expect(await t.yifa.journal.size()).toBe(seqBefore + 2);
    expect(await replayRecord(t.yifa, PETITIONS, kept.id)).toMatchObject({
      merged: expect.arrayContaining([expect.objectContaining({ id: again.id })]),
    });
    // The journal's chain holds across the two appends of one transaction.
    const report = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    expect(report.problem).toBeNull();
  });

  it('counts the hot spots by place, category and month with the village breakdown, a merged duplicate once, as CSV', async () => {
    t.yifa.clock.source = at('2026-03-12');
    const q = '/api/v1/petitions/hot-spots?from=2026-01-01&to=2026-12-31';
    const byPlace = (await xinfang.get(`${q}&groupBy=place`)).json();
    // kept, other, chain at 贵塘村 (dup and neighbour merged); one at 大田村.
    expect(byPlace.total).toBe(4);
    expect(byPlace.items.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      ['贵塘村', 3],
      ['大田村', 1],
    ]);
    expect(byPlace.items[0].breakdown).toEqual([{ key: 'land-reclamation', label: '土地复垦', count: 3 }]);
    const byCategory = (await xinfang.get(`${q}&groupBy=category`)).json();
    expect(byCategory.items[0]).toMatchObject({ key: 'land-reclamation', label: '土地复垦', count: 3 });
    expect(byCategory.items[0].breakdown).toEqual([{ key: '贵塘村', label: '贵塘村', count: 3 }]);
    const byMonth = (await jiandu.get(`${q}&groupBy=month`)).json();
    expect(byMonth.items.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
      ['2026-02', 3],
      ['2026-03', 1],
    ]);
    // Overdue: 15 days from 2026-02-02 passed with no notice.
    expect(byPlace.items[0].overdue).toBeGreaterThanOrEqual(2);
    const csv = await xinfang.get(`${q}&groupBy=place&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('贵塘村,土地复垦,3,');
    expect(csv.body).toContain('合计,,4,');
    expect((await xinfang.get(`${q}&groupBy=village`)).statusCode).toBe(400);
    expect((await xinfang.get('/api/v1/petitions/hot-spots?from=2026-05-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await t.anonymous().get(q)).statusCode).toBe(401);
  });

  it('counts nothing outside the reader’s scope (fail-closed)', async () => {
    const reader = (scope: Request['auth']['scope']) => ({ auth: { scope } }) as unknown as Request;
    const base = { userId: 'u', personId: null };
    const other = await hotSpots(t.yifa, reader({ kind: 'subtree', regionPath: '/nowhere/', ...base }), {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(other.total).toBe(0);
    const unknown = await hotSpots(t.yifa, reader({ kind: 'bogus' as 'all', regionPath: '/', ...base }), {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(unknown.total).toBe(0);
    const all = await hotSpots(t.yifa, reader({ kind: 'all', regionPath: '/', ...base }), { from: '2026-01-01', to: '2026-12-31' });
    expect(all.total).toBe(4);
  });
});
