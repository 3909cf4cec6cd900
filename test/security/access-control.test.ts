/**
 * The reviewer's escalation and disclosure findings, against the running server on both
 * engines: a scoped administrator cannot widen himself or others; the journal shows
 * payloads only as the records' own read paths would; refusals carry the region of what
 * was refused; whoever asks for an approval cannot give it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';

const STRONG = 'Xq7#pLm2-Vt9wRz';

interface Region {
  id: string;
  parentId: string | null;
  level: string;
  name: string;
}
interface Person {
  id: string;
  name: string;
  agencyId: string;
  regionId: string;
}

describe.each(ENGINES)('access control on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let townAdmin: Client;
  let townAdminId: string;
  let county: Region;
  let town: Region;
  let otherTown: Region;
  let countyPerson: Person;
  let countyAgencyId: string;
  const denials = async (reason?: RegExp) => {
    const rows = await t.yifa.db.kysely
      .selectFrom('actions')
      .selectAll()
      .where('type', '=', 'access.denied')
      .orderBy('seq', 'desc')
      .limit(5)
      .execute();
    return rows.filter((r) => !reason || reason.test(r.payload));
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.login('admin');
    const regions: Region[] = (await admin.get('/api/v1/regions')).json().items;
    county = regions.find((r) => r.level === 'county')!;
    town = regions.find((r) => r.name === '妙泉镇')!;
    // A second town, to attach things across towns.
    otherTown = (await admin.post('/api/v1/regions', { parentId: county.id, name: '测试用镇' })).json();
    const people: Person[] = (await admin.get('/api/v1/people?limit=200')).json().items;
    countyPerson = people.find((p) => p.regionId === county.id)!;
    countyAgencyId = countyPerson.agencyId;
    const made = await admin.post('/api/v1/users', {
      username: 'townadmin',
      displayName: '镇管理员',
      password: STRONG,
      regionId: town.id,
      dataScope: 'subtree',
      roles: ['admin'],
    });
    expect(made.statusCode, made.body).toBe(201);
    townAdminId = made.json().id;
    townAdmin = await t.login('townadmin', STRONG);
  });
  afterAll(async () => t.close());

  it('refuses a scoped administrator widening his own scope or roles, citing the basis, and changes nothing', async () => {
    const size = await t.yifa.journal.size();
    for (const change of [{ dataScope: 'all' }, { roles: ['admin', 'officer'] }, { roles: ['admin'], dataScope: 'level' }]) {
      const res = await townAdmin.patch(`/api/v1/users/${townAdminId}`, change);
      expect(res.statusCode, JSON.stringify(change)).toBe(403);
      expect(res.json().error.message).toMatch(/本人的角色或数据权限/);
      expect(res.json().error.citation).toMatch(/GB\/T 22239/);
    }
    const me = (await townAdmin.get('/api/v1/session')).json();
    expect(me.dataScope.kind).toBe('subtree');
    expect(me.roles.map((r: { id: string }) => r.id)).toEqual(['admin']);
    // Three refusals, each journaled in the town; nothing else.
    expect(await t.yifa.journal.size()).toBe(size + 3);
    const last = await denials(/本人的角色/);
    expect(last[0]!.region_path).toMatch(new RegExp(`/${town.id}/$`));
    // His display name is his to change.
    expect(
      (await townAdmin.patch(`/api/v1/users/${townAdminId}`, { displayName: '镇系统管理员', roles: ['admin'], dataScope: 'subtree' }))
        .statusCode,
    ).toBe(200);
  });

  it("refuses creating accounts wider than his own, elsewhere, or bound to other towns' people and agencies", async () => {
    const base = { displayName: '新用户', password: STRONG, regionId: town.id, dataScope: 'level', roles: ['officer'] };
    const wide = await townAdmin.post('/api/v1/users', { ...base, username: 'wide', dataScope: 'all' });
    expect(wide.statusCode).toBe(403);
    expect(wide.json().error.message).toMatch(/不能超出您本人的数据权限/);
    const elsewhere = await townAdmin.post('/api/v1/users', { ...base, username: 'elsewhere', regionId: otherTown.id });
    expect(elsewhere.statusCode, elsewhere.body).toBe(404);
    const boundPerson = await townAdmin.post('/api/v1/users', { ...base, username: 'bound1', personId: countyPerson.id });
    expect(boundPerson.statusCode).toBe(400);
    expect(boundPerson.json().error.message).toBe('关联人员不存在');
    const boundAgency = await townAdmin.post('/api/v1/users', { ...base, username: 'bound2', agencyId: countyAgencyId });
    expect(boundAgency.statusCode).toBe(400);
    const journaled = await denials(/关联的/);
    expect(journaled.map((r) => r.subject_type).sort()).toEqual(['agency', 'person']);
    const users = (await admin.get('/api/v1/users?limit=100')).json().items.map((u: { username: string }) => u.username);
    for (const name of ['wide', 'elsewhere', 'bound1', 'bound2']) expect(users).not.toContain(name);
    // Within his own: a town officer at one of his villages.
    const ok = await townAdmin.post('/api/v1/users', { ...base, username: 'villager', dataScope: 'self' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("cannot take over an account wider than his own or a peer administrator's", async () => {
    const countyAdmin = (await admin.get('/api/v1/session')).json().user.id;
    expect((await townAdmin.patch(`/api/v1/users/${countyAdmin}`, { password: STRONG })).statusCode).toBe(404);
    const peer = await admin.post('/api/v1/users', {
      username: 'peeradmin',
      displayName: '另一名镇管理员',
      password: STRONG,
      regionId: town.id,
      dataScope: 'subtree',
      roles: ['admin'],
    });
    const res = await townAdmin.patch(`/api/v1/users/${peer.json().id}`, { password: 'Zz9#kLm2-Pq7wRt' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/上级管理员/);
    await t.login('peeradmin', STRONG); // the password stands
  });

  it('journal payloads follow the reader: personal fields masked, case payloads only for case readers', async () => {
    type Entry = { type: string; subject: { type: string } | null; payload: unknown; withheld: { reason: string } | null };
    const page = async (c: Client, query: string) => (await c.get(`/api/v1/journal/actions?limit=200&${query}`)).json().items as Entry[];
    const sifasuo = await t.login('sifasuo');
    const jiandu = await t.login('jiandu');
    const people = await page(sifasuo, 'type=org.person.create');
    expect(people.length).toBeGreaterThan(3);
    for (const e of people) {
      expect(e.payload).toMatchObject({ idNumber: '***', phone: '***' });
    }
    // The payloads only: a leaf hash (hex) may by chance hold 18 decimal digits in a row.
    expect(JSON.stringify(people.map((e) => e.payload))).not.toMatch(/\d{17}[\dX]|1380000\d{4}/);
    const full = await page(admin, 'type=org.person.create');
    expect(JSON.stringify(full)).toMatch(/\d{17}X/);
    // A penalty case: withheld from a reader without penalty.read, shown with its party to a supervisor.
    const zhifa1 = await t.login('zhifa1');
    const opened = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: {
        source: {
          kind: 'patrol',
          summary: '巡查发现乱堆放',
          receivedOn: (await zhifa1.get('/api/v1/penalty-cases/dictionaries')).json().today,
        },
        party: {
          kind: 'citizen',
          name: '张某',
          idNumber: '500241199001011236',
          address: '妙泉镇某村1组',
          phone: '13900001111',
          representative: null,
        },
        field: '综合行政执法',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const [hidden] = await page(sifasuo, 'type=penalty.register');
    expect(hidden).toMatchObject({ payload: null, withheld: { reason: 'permission' } });
    const [shown] = await page(jiandu, 'type=penalty.register');
    expect(JSON.stringify(shown!.payload)).toContain('500241199001011236');
  });

  it('a refusal carries the region of the record refused, so the county supervisor sees it', async () => {
    const zhifa1 = await t.login('zhifa1');
    expect((await zhifa1.get(`/api/v1/people/${countyPerson.id}`)).statusCode).toBe(404);
    const jiandu = await t.login('jiandu');
    const seen = (await jiandu.get('/api/v1/journal/actions?type=access.denied&limit=50')).json().items as {
      subject: { id: string } | null;
    }[];
    expect(seen.some((e) => e.subject?.id === countyPerson.id)).toBe(true);
    // A town user does not see refusals about the county's records.
    const fuzeren = await t.login('fuzeren');
    const townSees = (await fuzeren.get('/api/v1/journal/actions?type=access.denied&limit=200')).json().items as {
      subject: { id: string } | null;
    }[];
    expect(townSees.some((e) => e.subject?.id === countyPerson.id)).toBe(false);
  });

  it('public proofs carry hashes only', async () => {
    await t.yifa.journal.checkpoint();
    const res = await t.anonymous().get('/api/v1/journal/proofs/inclusion?seq=3');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['checkpoint', 'leafHash', 'proof', 'seq', 'treeSize']);
    for (const h of [body.leafHash, ...body.proof]) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body).not.toMatch(/payload|idNumber|phone/);
  });

  it('whoever asks for an approval or proposes a decision cannot give it, whatever his roles', async () => {
    // 负责人 registers and asks to file a case himself: another head must approve it.
    const fuzeren = await t.login('fuzeren');
    const today = (await fuzeren.get('/api/v1/penalty-cases/dictionaries')).json().today as string;
    const zhifa1 = (await (await t.login('zhifa1')).get('/api/v1/session')).json().user.personId;
    const zhifa2 = (await (await t.login('zhifa2')).get('/api/v1/session')).json().user.personId;
    const opened = await fuzeren.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: {
        source: { kind: 'patrol', summary: '巡查发现焚烧秸秆', receivedOn: today },
        party: { kind: 'citizen', name: '李某', idNumber: null, address: '妙泉镇某村2组', phone: null, representative: null },
        field: '综合行政执法',
      },
    });
    const id = opened.json().id;
    const asked = await fuzeren.post(`/api/v1/penalty-cases/${id}/actions`, {
      type: 'penalty.request-filing',
      payload: { violationTypeId: 'straw-burning', actOn: today, seriousHarm: false, officers: [zhifa1, zhifa2], summary: '露天焚烧秸秆' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const size = await t.yifa.journal.size();
    const approved = await fuzeren.post(`/api/v1/penalty-cases/${id}/actions`, {
      type: 'penalty.approve',
      payload: { kind: 'filing', opinion: '同意' },
    });
    expect(approved.statusCode).toBe(409);
    expect(approved.json().error.message).toMatch(/本人提出/);
    expect(approved.json().error.citation).toMatch(/内部控制规范/);
    expect((await fuzeren.get(`/api/v1/penalty-cases/${id}`)).json().status).toBe('filing');
    expect(await t.yifa.journal.size()).toBe(size); // a gate refusal writes nothing
  });

  it("the login log is scoped by the account's region: a town administrator sees his town's logins only", async () => {
    await t.anonymous().post('/api/v1/session', { username: 'nobody-here', password: 'wrong-password-1' });
    const rows = (await townAdmin.get('/api/v1/login-log?limit=200')).json().items as { username: string }[];
    const names = new Set(rows.map((r) => r.username));
    expect(names.has('townadmin')).toBe(true);
    expect(names.has('zhifa1')).toBe(true);
    expect(names.has('admin')).toBe(false); // the county's administrator
    expect(names.has('jiandu')).toBe(false);
    expect(names.has('nobody-here')).toBe(false); // no account: only 全部 sees it
    const all = (await admin.get('/api/v1/login-log?limit=200')).json().items.map((r: { username: string }) => r.username);
    expect(all).toContain('nobody-here');
  });
});
