/**
 * Nothing is offered that the server would refuse for the record's state: on every demo
 * record, every action `allowedActions` offers a user is accepted when given a valid
 * payload — checked through `…/actions/check`, which runs the action to its end (gates,
 * number, fold, projection) and rolls it back. The check itself must keep nothing and
 * answer as the action does, or this test would say nothing: that is tested first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { Clock } from '../../src/platform/clock.js';
import { demoPhoto } from '../../src/modules/evidence/demo.js';
import type { InformationRequest } from '../../src/modules/information-requests/state.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import type { ViolationType } from '../../src/modules/enforcement/discretion.js';
import { validPenaltyPayload, type OfferedAction, type People } from '../helpers/penalty-payloads.js';
import { validRequestPayload } from '../helpers/request-payloads.js';

const TODAY = '2026-06-15';
const LATER = '2026-07-06';
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const CHUNK = { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' };

/** Every page of a list, followed by its cursor. */
async function allPages<T>(c: Client, url: string): Promise<T[]> {
  const out: T[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const res = await c.get(`${url}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; next: string | null };
    out.push(...page.items);
    cursor = page.next;
  }
  return out;
}

/** A verified upload of `c`'s own, for the actions that register a file; its bytes new to every record. */
async function uploaded(c: Client, seed: number): Promise<string> {
  const bytes = demoPhoto(seed);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const res = await c.post('/api/v1/uploads', { fileName: `现场照片${seed}.jpg`, mime: 'image/jpeg', size: bytes.length, sha256 });
  expect(res.statusCode, res.body).toBe(201);
  expect((await c.patch(`/api/v1/uploads/${res.json().id}`, bytes, CHUNK)).json().completed).toBe(true);
  return sha256;
}

interface View<R> {
  status: string;
  allowedActions: OfferedAction[];
  record?: R;
  case?: R;
}

/** For each user, each record they list, each action offered: the check's answer when it is not a pass. */
async function refusedOffers<R>(
  users: Record<string, Client>,
  path: string,
  payloadOf: (offer: OfferedAction, record: R, user: string) => unknown | Promise<unknown>,
): Promise<{ offered: number; refused: string[]; types: Set<string> }> {
  let offered = 0;
  const types = new Set<string>();
  const refused: string[] = [];
  for (const [name, c] of Object.entries(users)) {
    for (const { id } of await allPages<{ id: string }>(c, path)) {
      const view = (await c.get(`${path}/${id}`)).json() as View<R>;
      const record = (view.case ?? view.record)!;
      for (const offer of view.allowedActions) {
        offered++;
        types.add(offer.type);
        const res = await c.post(`${path}/${id}/actions/check`, { type: offer.type, payload: await payloadOf(offer, record, name) });
        if (res.statusCode !== 200) refused.push(`${name} ${id} ${offer.type}: ${res.statusCode} ${res.body}`);
      }
    }
  }
  return { offered, refused, types };
}

describe.each(ENGINES)('every action a demo record offers is accepted, on %s', (engine) => {
  let t: TestApp;
  let people: People;
  const users: Record<string, Client> = {};
  beforeAll(async () => {
    t = await startTestApp(engine, { cases: true, clock: new Clock(at(TODAY)) });
    for (const u of ['zhifa1', 'zhifa2', 'fuzeren', 'fazhi', 'gongkai']) users[u] = await t.login(u);
    const admin = await t.login('admin');
    const persons = (await admin.get('/api/v1/users?limit=200')).json().items as { username: string; personId: string | null }[];
    const personOf = (u: string) => persons.find((p) => p.username === u)!.personId!;
    people = { officers: [personOf('zhifa1'), personOf('zhifa2')], uncertified: personOf('sifasuo'), chair: personOf('fuzeren') };
  });
  afterAll(async () => t.close());

  it('a check runs the action to its end and keeps nothing', async () => {
    const c = users.zhifa1!;
    const [first] = await allPages<{ id: string; status: string }>(c, '/api/v1/penalty-cases');
    const before = (await c.get(`/api/v1/penalty-cases/${first!.id}`)).body;
    const journal = async () =>
      Number(
        (
          await t.yifa.db.kysely
            .selectFrom('actions')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const size = await journal();
    const record = { on: TODAY, place: '现场', officers: people.officers, subject: '当事人', summary: '笔录' };
    const view = JSON.parse(before) as View<PenaltyCase>;
    const offered = view.allowedActions.some((a) => a.type === 'penalty.record-inquiry');
    const check = await c.post(`/api/v1/penalty-cases/${first!.id}/actions/check`, { type: 'penalty.record-inquiry', payload: record });
    if (offered) expect(check.json()).toMatchObject({ ok: true, status: view.status });
    else expect(check.statusCode).toBe(409);
    // Refused as the action is: an impossible date at its field, the status before the payload.
    const bad = await c.post(`/api/v1/penalty-cases/${first!.id}/actions/check`, {
      type: 'penalty.record-inquiry',
      payload: { ...record, on: '2026-02-30' },
    });
    expect(bad.statusCode).toBe(offered ? 400 : 409);
    expect((await c.get(`/api/v1/penalty-cases/${first!.id}`)).body).toBe(before);
    expect(await journal()).toBe(size);
  });

  it('penalty cases: each offered action passes with a valid payload', async () => {
    const benchmarks = new Map<string, ViolationType[]>();
    const offered: number[] = [];
    const refused: string[] = [];
    const types = new Set<string>();
    // The demo's day, and three weeks on: hearings come, parties' time to answer and to pay runs out.
    for (const [i, day] of [TODAY, LATER].entries()) {
      t.yifa.clock.source = at(day);
      // Signed in on the day (a session ends after its idle time); officers and heads register
      // evidence and so upload, the reviewer never needs a file.
      const takers = { zhifa1: await t.login('zhifa1'), fuzeren: await t.login('fuzeren'), fazhi: await t.login('fazhi') };
      const files: Record<string, string> = {
        zhifa1: await uploaded(takers.zhifa1, 9100 + 2 * i),
        fuzeren: await uploaded(takers.fuzeren, 9101 + 2 * i),
      };
      const found = await refusedOffers<PenaltyCase>(takers, '/api/v1/penalty-cases', async (offer, c, user) => {
        if (!benchmarks.has(c.agencyId)) {
          const settings = await takers.fuzeren.get(`/api/v1/enforcement/settings/${c.agencyId}`);
          expect(settings.statusCode, settings.body).toBe(200);
          benchmarks.set(c.agencyId, settings.json().benchmarks);
        }
        return validPenaltyPayload(offer, c, { people, today: day, file: files[user] ?? '', benchmarks: benchmarks.get(c.agencyId)! });
      });
      offered.push(found.offered);
      refused.push(...found.refused.map((r) => `${day} ${r}`));
      for (const type of found.types) types.add(type);
    }
    t.yifa.clock.source = at(TODAY);
    console.log(`penalty cases on ${engine}: ${offered.join(' + ')} offers checked, of ${types.size} actions: ${[...types].sort()}`);
    expect(refused).toEqual([]);
    expect(Math.min(...offered)).toBeGreaterThan(100);
    // The demo's day has cases at the steps whose offer depends on the day or on facts (not a vacuous check).
    for (const type of [
      'penalty.decide',
      'penalty.serve-reminder',
      'penalty.hold-hearing',
      'penalty.approve',
      'penalty.apply-court',
      'penalty.decide-preservation',
    ])
      expect(types, type).toContain(type);
  }, 600_000);

  it('information requests: each offered action passes with a valid payload', async () => {
    const gongkai = await t.login('gongkai');
    const file = await uploaded(gongkai, 9001);
    const { offered, refused } = await refusedOffers<InformationRequest>(
      { gongkai, fuzeren: await t.login('fuzeren') },
      '/api/v1/information-requests',
      (offer, r) => validRequestPayload(offer, r, TODAY, file),
    );
    console.log(`information requests on ${engine}: ${offered} offers checked`);
    expect(refused).toEqual([]);
    expect(offered).toBeGreaterThan(10);
  }, 600_000);
});
