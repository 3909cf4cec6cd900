/**
 * 行政复议 read scope (issue 16 "a respondent cannot see another respondent's cases"): the
 * county's departments share the county's region, so the region's scope alone would let one
 * department read every case in the county. Each respondent reads only the applications naming
 * it — in the list, on the page, in the 工作台 and on the indicators — the 复议机构 (and the
 * 司法局's supervision) all in its county; a refusal is journaled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { createPerson } from '../../src/modules/org/service/people.js';
import { createUser } from '../../src/modules/org/service/users.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

describe.each(ENGINES)('行政复议 read scope on %s', (engine) => {
  let t: TestApp;
  let fuyi: Client;
  let jiandu: Client;
  let fuzeren: Client;
  let env: Client;
  let police: Client;
  let envId: string;
  let policeId: string;
  let town: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-09-21');
    const admin = { auth: await contextOfUser(t.yifa, 'admin'), idempotencyKey: null, denied: async () => {} };
    const agencyOf = (name: string) =>
      t.yifa.db.kysely.selectFrom('agencies').select(['id', 'region_id']).where('name', '=', name).executeTakeFirstOrThrow();
    // The heads of two county departments, each reading the whole county by region.
    let n = 0;
    const head = async (agencyName: string, username: string) => {
      const a = await agencyOf(agencyName);
      const person = await createPerson(t.yifa, admin, {
        name: `负责人${++n}`,
        agencyId: a.id,
        post: '局长',
        idNumber: withIdCheckChar(`5002411980010${100 + n}`),
        phone: `1380000${5000 + n}`,
      });
      await createUser(t.yifa, admin, {
        username,
        displayName: `${agencyName}负责人`,
        password: DEMO_PASSWORD,
        personId: person.id,
        agencyId: a.id,
        regionId: a.region_id,
        dataScope: 'subtree',
        roles: ['unit_head'],
      });
      return a.id;
    };
    envId = await head('秀山县生态环境局', 'env.head');
    policeId = await head('秀山县公安局', 'police.head');
    fuyi = await t.login('fuyi');
    jiandu = await t.login('jiandu');
    fuzeren = await t.login('fuzeren');
    env = await t.login('env.head');
    police = await t.login('police.head');
    town = (await fuzeren.get('/api/v1/session')).json().user.agencyId;
  }, 240_000);
  afterAll(async () => t.close());

  let key = 0;
  const receive = async (respondentAgencyId: string) => {
    const res = await fuyi.post('/api/v1/reconsiderations', {
      type: 'reconsideration.receive',
      payload: {
        channel: 'counter',
        receivedOn: '2026-09-21',
        applicant: { kind: 'citizen', name: '赵某某', idNumber: '', phone: null, address: null },
        respondentAgencyId,
        challengedCaseId: null,
        challengedAct: '某行政处罚决定',
        knewOn: '2026-09-10',
        requests: '撤销该决定',
        reasons: '事实不清',
        lateException: null,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const ids = async (c: Client, q = '') =>
    ((await c.get(`/api/v1/reconsiderations?limit=100${q}`)).json().items as { id: string }[]).map((i) => i.id);

  it('lets each county department read only the applications naming it; the 复议机构 and supervision read all', async () => {
    const againstEnv = await receive(envId);
    const againstPolice = await receive(policeId);
    const againstTown = await receive(town);
    expect(await ids(env)).toEqual([againstEnv]);
    expect(await ids(police)).toEqual([againstPolice]);
    // The town reads its own (its region already keeps the county's departments' cases out).
    expect(await ids(fuzeren)).toEqual([againstTown]);
    for (const c of [fuyi, jiandu]) expect(new Set(await ids(c))).toEqual(new Set([againstEnv, againstPolice, againstTown]));
    // A search does not widen it.
    expect(await ids(env, `&q=${encodeURIComponent('赵某某')}`)).toEqual([againstEnv]);
  });

  it('answers another respondent’s case as not found, journals the denial, and refuses acting on it', async () => {
    const id = await receive(policeId);
    for (const path of ['', '/actions', '/documents', '/answer-bundle']) {
      const res = await env.get(`/api/v1/reconsiderations/${id}${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await police.get(`/api/v1/reconsiderations/${id}`)).statusCode).toBe(200);
    const denials = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['payload', 'actor_user_id'])
      .where('type', '=', 'access.denied')
      .where('subject_id', '=', id)
      .execute();
    expect(denials.length).toBeGreaterThanOrEqual(4);
    expect(denials.map((d) => d.payload).join()).toContain('不是本记录涉及的单位');
    const acted = await env.post(
      `/api/v1/reconsiderations/${id}/actions`,
      { type: 'reconsideration.file-answer', payload: { on: '2026-09-21', text: 'x', normativeDocuments: null, bundle: null } },
      { 'idempotency-key': `scope-${engine}-${++key}` },
    );
    expect([403, 404, 409]).toContain(acted.statusCode);
    expect((await police.get(`/api/v1/reconsiderations/${id}`)).json().status).toBe('received');
  });

  it('keeps the 操作日志 to the reader’s own cases: the list and one entry', async () => {
    const mine = await receive(envId);
    const theirs = await receive(policeId);
    const subjects = async (c: Client) =>
      new Set(
        (
          (await c.get('/api/v1/journal/actions?subjectType=reconsideration&limit=200')).json().items as {
            subject: { id: string } | null;
          }[]
        ).map((e) => e.subject?.id),
      );
    const seen = await subjects(env);
    expect(seen.has(mine)).toBe(true);
    expect(seen.has(theirs)).toBe(false);
    expect((await subjects(police)).has(theirs)).toBe(true);
    expect((await subjects(jiandu)).has(theirs)).toBe(true);
    const entry = await t.yifa.db.kysely
      .selectFrom('actions')
      .select('seq')
      .where('subject_id', '=', theirs)
      .where('type', '=', 'reconsideration.receive')
      .executeTakeFirstOrThrow();
    expect((await env.get(`/api/v1/journal/actions/${entry.seq}/raw`)).statusCode).toBe(404);
    expect((await police.get(`/api/v1/journal/actions/${entry.seq}/raw`)).statusCode).toBe(200);
  });

  it('keeps the 工作台 and the indicators to the reader’s own cases', async () => {
    const envCases = new Set(await ids(env));
    const due = (await env.get('/api/v1/workbench/due?within=all&procedure=reconsideration&limit=100')).json().items as { id: string }[];
    for (const d of due) expect(envCases.has(d.id)).toBe(true);
    const counts = (await env.get('/api/v1/workbench')).json();
    expect(JSON.stringify(counts)).toBeTruthy();
    const mine = (await env.get('/api/v1/reconsiderations/indicators?year=2026')).json().items as { agencyId: string; received: number }[];
    expect(mine.map((i) => i.agencyId)).toEqual([envId]);
    expect(mine[0]!.received).toBe(envCases.size);
    const theirs = (await env.get(`/api/v1/reconsiderations/indicators/cases?year=2026&agencyId=${policeId}&figure=received`)).json();
    expect(theirs.items).toEqual([]);
    const all = (await jiandu.get('/api/v1/reconsiderations/indicators?year=2026')).json().items as { agencyId: string }[];
    expect(new Set(all.map((i) => i.agencyId))).toEqual(new Set([envId, policeId, town]));
  });
});
