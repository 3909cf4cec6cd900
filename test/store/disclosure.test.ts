/**
 * 行政执法公示 (事后公开) on both engines, through the HTTP API as staff and the public meet it:
 * a penalty decision creates a publication due within 7 working days; the head releases it;
 * the portal serves it masked (张某某, no ID number, phone or address) and finds it by one- and
 * two-character queries; a redaction needs a reason and names its editor; a withdrawal shows
 * its reason and leaves its history in the journal; entries leave the portal when their
 * display period ends; bad input and a user without the permission are refused, nothing saved,
 * the denial journaled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { at, onTheSpot } from '../helpers/penalty-api.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { deadlineDue } from '../../src/calendar/deadlines.js';
import { PENALTY_PROCEDURE } from '../../src/modules/enforcement/workflow.js';
import type { PublicationFacts } from '../../src/procedure/spec.js';

/** 10:00 China time on a legal date. */

const ID_NUMBER = withIdCheckChar('50024119850315123');
const MOBILE = '13912345678';

type Item = {
  id: string;
  record: { id: string };
  status: string;
  dueOn: string;
  partyName: string;
  number: string;
  overdue: boolean;
  overdueWhat: string | null;
};

describe.each(ENGINES)('publications on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let fazhi: Client;
  let jiandu: Client;
  let xinfang: Client;
  let admin: Client;
  let officers: string[];
  let citizenPub: Item;
  let companyPub: Item;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await moveTo('2026-04-01');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    officers = [me.user.personId, other.user.personId];
  });
  afterAll(async () => t.close());

  /** Moves the installation's clock; sessions expire on it, so `who` sign in again (logins are rate-limited: only those needed). */
  async function moveTo(date: string, who = ['zhifa1', 'fuzeren', 'fazhi', 'jiandu', 'xinfang', 'admin']) {
    t.yifa.clock.source = at(date);
    for (const u of who) {
      const c = await t.login(u);
      if (u === 'zhifa1') zhifa1 = c;
      if (u === 'fuzeren') fuzeren = c;
      if (u === 'fazhi') fazhi = c;
      if (u === 'jiandu') jiandu = c;
      if (u === 'xinfang') xinfang = c;
      if (u === 'admin') admin = c;
    }
  }

  const onTheSpotDecision = (on: string, party: Record<string, unknown>) =>
    zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.on-the-spot',
      // An organisation's fine under this article (¥10,000 and up) is beyond the simple procedure: a warning on the spot.
      payload: onTheSpot({ party, on, officers }, party.kind === 'organisation' ? { kinds: ['warning'], fineFen: 0 } : {}),
    });
  const journalCount = async () =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom('actions')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const publicList = async (query = '') => {
    const res = await t.anonymous().get(`/api/v1/public/decisions${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const staffList = async (c: Client, query = '') => (await c.get(`/api/v1/publications${query}`)).json().items as Item[];

  it('creates a publication due within 7 working days of each penalty decision, none before a decision', async () => {
    const citizen = await onTheSpotDecision('2026-04-01', {
      kind: 'citizen',
      name: '王小明',
      idNumber: ID_NUMBER,
      address: '秀山县妙泉镇某某村5组',
      phone: MOBILE,
      representative: null,
    });
    expect(citizen.statusCode, citizen.body).toBe(201);
    const company = await onTheSpotDecision('2026-04-01', {
      kind: 'organisation',
      name: '秀山县青山林业有限公司',
      idNumber: '91500241MA5U00000K',
      address: '秀山县妙泉镇青山村',
      phone: '023-76661234',
      representative: '李大山',
    });
    expect(company.statusCode, company.body).toBe(201);
    // A case only registered publishes nothing.
    const registered = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: {
        source: { kind: 'complaint', summary: '群众举报露天焚烧', receivedOn: '2026-04-01' },
        party: { kind: 'citizen', name: '赵某', idNumber: null, address: '妙泉镇', phone: null, representative: null },
        field: '综合行政执法',
      },
    });
    expect(registered.statusCode).toBe(201);

    const items = await staffList(fuzeren);
    expect(items).toHaveLength(2);
    const due = deadlineDue(await t.yifa.calendar.table(), { rule: 'penalty.disclosure', from: '2026-04-01' });
    expect(due > '2026-04-09').toBe(true); // 清明 (4–6 April) is not a working day
    citizenPub = items.find((i) => i.partyName === '王小明')!;
    companyPub = items.find((i) => i.partyName === '秀山县青山林业有限公司')!;
    expect(citizenPub).toMatchObject({ status: 'pending', dueOn: due, overdue: false, number: citizen.json().case.decision.number });
    expect(companyPub.status).toBe('pending');
    // Nothing on the portal before release.
    expect((await publicList()).json().items).toEqual([]);
    // Projected again, nothing changes.
    expect(await staffList(fuzeren)).toHaveLength(2);
  });

  it('refuses a user without the permission, journals the denial, and changes nothing', async () => {
    const before = await journalCount();
    const res = await zhifa1.post(`/api/v1/publications/${citizenPub.id}/release`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const denial = await t.yifa.db.kysely
      .selectFrom('actions')
      .selectAll()
      .where('seq', '>=', before)
      .where('type', '=', 'access.denied')
      .execute();
    expect(denial.map((d) => JSON.parse(d.payload).permission)).toContain('disclosure.publish');
    expect((await xinfang.get('/api/v1/publications')).statusCode).toBe(403);
    expect((await staffList(fuzeren)).find((i) => i.id === citizenPub.id)!.status).toBe('pending');
  });

  it('refuses bad input with nothing saved', async () => {
    const before = await journalCount();
    const bad = [
      await fuzeren.post(`/api/v1/publications/${citizenPub.id}/withdraw`, { kind: 'whim', reason: '无' }),
      await fuzeren.post(`/api/v1/publications/${citizenPub.id}/withdraw`, { kind: 'revoked', reason: '   ' }),
      await fuzeren.post(`/api/v1/publications/${citizenPub.id}/redactions`, { field: 'basis', text: '第五十条' }),
      await fuzeren.post(`/api/v1/publications/${citizenPub.id}/redactions`, { field: 'idNumber', text: null, reason: '隐私' }),
      await fuzeren.post('/api/v1/publications/not-a-uuid/release'),
      await admin.put('/api/v1/publications/settings', { natural: 0, organisation: 60 }),
      await t.anonymous().get('/api/v1/public/decisions?limit=500'),
      await t.anonymous().get('/api/v1/public/decisions?sort=name'),
      await t.anonymous().get('/api/v1/public/decisions?from=2026-02-30'),
    ];
    for (const res of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('INVALID_INPUT');
      expect(res.json().error.message).toMatch(/\p{Script=Han}/u);
    }
    // Withdrawing what is not published yet is allowed (it never appears); a redaction of words the entry lacks is not.
    const missing = await fazhi.post(`/api/v1/publications/${citizenPub.id}/redactions`, { field: 'basis', text: '刑法', reason: '误填' });
    expect(missing.statusCode).toBe(409);
    expect(await journalCount()).toBe(before);
  });

  it('releases: the portal shows the decision masked, the journal records who released it', async () => {
    const res = await fuzeren.post(`/api/v1/publications/${citizenPub.id}/release`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'released', releasedOn: '2026-04-01' });
    expect((await fuzeren.post(`/api/v1/publications/${citizenPub.id}/release`)).statusCode).toBe(409);

    const list = await publicList();
    const body = list.body;
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      id: citizenPub.id,
      number: citizenPub.number,
      party: { kind: 'natural', name: '王某某', representative: null },
      violationType: expect.stringContaining('野外用火'),
      penalty: expect.stringContaining('警告'),
      basis: '《森林防火条例》第五十条',
      status: 'published',
    });
    for (const secret of ['王小明', ID_NUMBER, MOBILE, '5组']) expect(body).not.toContain(secret);
    const one = await t.anonymous().get(`/api/v1/public/decisions/${citizenPub.id}`);
    expect(one.json().party.name).toBe('王某某');
    expect(one.body).not.toContain('王小明');
    // The pending one is not served, even by id.
    expect((await t.anonymous().get(`/api/v1/public/decisions/${companyPub.id}`)).statusCode).toBe(404);

    const entries = await t.yifa.db.kysely
      .selectFrom('actions')
      .selectAll()
      .where('subject_id', '=', citizenPub.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.type)).toEqual(['disclosure.publication.create', 'disclosure.publication.release']);
    expect(entries[1]!.actor_role).toBeTruthy();
  });

  it('shows the overdue on the supervisor’s queue', async () => {
    await moveTo('2026-04-20');
    const overdue = await staffList(jiandu, '?overdue=1');
    expect(overdue.map((i) => i.id)).toEqual([companyPub.id]);
    expect(overdue[0]).toMatchObject({ overdue: true, overdueWhat: '逾期未公示' });
    const released = await fuzeren.post(`/api/v1/publications/${companyPub.id}/release`);
    expect(released.statusCode).toBe(200);
    expect(await staffList(jiandu, '?overdue=1')).toEqual([]);
    const release = await t.yifa.db.kysely
      .selectFrom('actions')
      .select('payload')
      .where('subject_id', '=', companyPub.id)
      .where('type', '=', 'disclosure.publication.release')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(release.payload)).toMatchObject({ late: true });
    // The organisation is named; its representative is a natural person: masked.
    const shown = (await publicList()).json().items.find((i: { id: string }) => i.id === companyPub.id);
    expect(shown.party).toMatchObject({ name: '秀山县青山林业有限公司', representative: '李某某' });
  });

  it('redacts by hand only with a reason, naming the editor', async () => {
    const res = await fazhi.post(`/api/v1/publications/${companyPub.id}/redactions`, {
      field: 'basis',
      text: '第五十条',
      reason: '条文序号待核实',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().redactions[0]).toMatchObject({ field: 'basis', reason: '条文序号待核实', editor: { name: expect.any(String) } });
    const shown = (await t.anonymous().get(`/api/v1/public/decisions/${companyPub.id}`)).json();
    expect(shown.basis).toBe('《森林防火条例》［已遮盖］');
    expect(shown.redactedFields).toEqual(['处罚依据']);
  });

  it('finds published decisions by one- and two-character queries, and any input returns a list', async () => {
    const ids = async (q: string) =>
      (await publicList(`?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort();
    const both = [citizenPub.id, companyPub.id].sort();
    expect(await ids('火')).toEqual(both);
    expect(await ids('王')).toEqual([citizenPub.id]);
    expect(await ids('青山')).toEqual([companyPub.id]);
    expect(await ids('林业')).toEqual([companyPub.id]);
    expect(await ids('某某')).toEqual([citizenPub.id, companyPub.id].sort());
    // The masked-out name is not searchable, nor the redacted words.
    expect(await ids('小明')).toEqual([]);
    expect(await ids('五十')).toEqual([citizenPub.id]);
    for (const q of ['" OR 1=1 --', "'; drop table publications; --", '*', '%', '_', 'NEAR(火 林)', '火 AND 林', '"', '\\', '〔〕', '🔥']) {
      const res = await t.anonymous().get(`/api/v1/public/decisions?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(Array.isArray(res.json().items)).toBe(true);
    }
    // Filters and keyset pages.
    expect((await publicList('?agencyId=nobody')).json().items).toEqual([]);
    expect((await publicList('?from=2026-04-02')).json().items).toEqual([]);
    const first = (await publicList('?limit=1')).json();
    const second = (await publicList(`?limit=1&cursor=${first.next}`)).json();
    expect([first.items[0].id, second.items[0].id].sort()).toEqual(both);
    expect(second.next).toBeNull();
    // A search's pages: the first from the newest entries read in date order, the last from the index.
    const s1 = (await publicList('?q=某&limit=1')).json();
    const s2 = (await publicList(`?q=某&limit=1&cursor=${s1.next}`)).json();
    expect([s1.items[0].id, s2.items[0].id]).toEqual([first.items[0].id, second.items[0].id]);
    expect(s2.next).toBeNull();
    const filters = (await t.anonymous().get('/api/v1/public/decision-filters')).json();
    expect(filters.violationTypes).toHaveLength(1);
    expect((await publicList(`?violationType=${encodeURIComponent(filters.violationTypes[0])}`)).json().items).toHaveLength(2);
  });

  it('serves an Atom feed and documents the public API', async () => {
    const feed = await t.anonymous().get('/api/v1/public/decisions.atom');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('王某某');
    expect(feed.body).not.toContain('王小明');
    expect(feed.body.match(/<entry>/g)).toHaveLength(2);
    const doc = (await admin.get('/api/docs/json')).json();
    for (const p of ['/api/v1/public/decisions', '/api/v1/public/decisions/{id}', '/api/v1/public/decisions.atom'])
      expect(doc.paths, p).toHaveProperty([p]);
  });

  it('follows a decision changed later: a withdrawal due in 3 working days, overdue after, release refused', async () => {
    // The penalty case does not record a decision's later outcome yet (复议/诉讼, 自行纠错): a stand-in
    // for that field says the company's decision was changed on reconsideration today.
    const publications = PENALTY_PROCEDURE.publications!;
    PENALTY_PROCEDURE.publications = (c, ctx) =>
      publications(c, ctx).map(
        (f): PublicationFacts =>
          c.id === companyPub.record.id ? { ...f, withdrawnBecause: { kind: 'changed', on: '2026-04-20', note: '复议变更' } } : f,
      );
    try {
      // Any action on the case moves the journal past it: the projection reads the case again.
      const paid = await zhifa1.post(`/api/v1/penalty-cases/${companyPub.record.id}/actions`, {
        type: 'penalty.file-on-the-spot',
        payload: { on: '2026-04-20' },
      });
      expect(paid.statusCode, paid.body).toBe(200);
      const due = deadlineDue(await t.yifa.calendar.table(), { rule: 'penalty.disclosure-withdrawal', from: '2026-04-20' });
      const view = (await fuzeren.get(`/api/v1/publications/${companyPub.id}`)).json();
      expect(view).toMatchObject({ status: 'released', withdrawalDue: due, withdrawnBecause: { kind: 'changed' }, overdue: false });
      // A decision already changed is not released: it is to be withdrawn.
      const third = await onTheSpotDecision('2026-04-20', {
        kind: 'organisation',
        name: '秀山县茶园茶叶加工厂',
        idNumber: null,
        address: '秀山县妙泉镇茶园村',
        phone: null,
        representative: null,
      });
      expect(third.statusCode, third.body).toBe(201);
      const changedId = third.json().id as string;
      PENALTY_PROCEDURE.publications = (c, ctx) =>
        publications(c, ctx).map(
          (f): PublicationFacts =>
            c.id === companyPub.record.id || c.id === changedId
              ? { ...f, withdrawnBecause: { kind: 'changed', on: '2026-04-20', note: '复议变更' } }
              : f,
        );
      const pendingChanged = (await staffList(fuzeren, '?status=pending')).find((i) => i.record.id === changedId)!;
      const refused = await fuzeren.post(`/api/v1/publications/${pendingChanged.id}/release`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain('不应公示');
      await moveTo('2026-05-06', ['jiandu']);
      const overdue = await staffList(jiandu, '?overdue=1');
      expect(overdue.find((i) => i.id === companyPub.id)).toMatchObject({ overdue: true, overdueWhat: '逾期未撤回' });
    } finally {
      PENALTY_PROCEDURE.publications = publications;
      await moveTo('2026-04-20', ['fuzeren']);
    }
  });

  it('withdraws with its reason; the entry shows withdrawn, its history stays in the journal', async () => {
    const res = await fuzeren.post(`/api/v1/publications/${citizenPub.id}/withdraw`, {
      kind: 'revoked',
      reason: '经行政复议，原决定被撤销',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await fuzeren.post(`/api/v1/publications/${citizenPub.id}/withdraw`, { kind: 'other', reason: '再次' })).statusCode).toBe(409);
    const shown = (await t.anonymous().get(`/api/v1/public/decisions/${citizenPub.id}`)).json();
    expect(shown).toMatchObject({
      status: 'withdrawn',
      statusName: '已撤回',
      withdrawal: { kind: 'revoked', kindName: '撤销', reason: '经行政复议，原决定被撤销', on: '2026-04-20' },
      party: { name: '—' },
      penalty: '—',
    });
    const types = (
      await t.yifa.db.kysely.selectFrom('actions').select('type').where('subject_id', '=', citizenPub.id).orderBy('seq').execute()
    ).map((e) => e.type);
    expect(types).toEqual(['disclosure.publication.create', 'disclosure.publication.release', 'disclosure.publication.withdraw']);
    // The journal as staff read it names the actions in Chinese.
    const journal = (await fuzeren.get('/api/v1/journal/actions?limit=20')).json().items as { type: string; title: string }[];
    expect(journal.find((e) => e.type === 'disclosure.publication.withdraw')?.title).toBe('撤回公示');
  });

  it('takes entries off the portal when their display period ends, and the period is a setting', async () => {
    expect((await admin.get('/api/v1/publications/settings')).json()).toEqual({ natural: 24, organisation: 60 });
    await moveTo('2028-04-25');
    // The natural person's (released 2026-04-01) is past 24 months; the company's (released 2026-04-20) is not.
    expect((await publicList()).json().items.map((i: { id: string }) => i.id)).toEqual([companyPub.id]);
    expect((await t.anonymous().get(`/api/v1/public/decisions/${citizenPub.id}`)).statusCode).toBe(404);
    const set = await admin.put('/api/v1/publications/settings', { natural: 24, organisation: 12 });
    expect(set.statusCode, set.body).toBe(200);
    expect((await publicList()).json().items).toEqual([]);
    expect((await zhifa1.put('/api/v1/publications/settings', { natural: 36, organisation: 36 })).statusCode).toBe(403);
  });
});
