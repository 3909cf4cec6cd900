import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { addDays } from '../../src/calendar/legal-date.js';

interface Agency {
  id: string;
  name: string;
}
interface Person {
  id: string;
  name: string;
  agencyName: string;
  regionName: string;
}

describe.each(ENGINES)('org, certificates, scopes and the public lists on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let agencies: Agency[];
  let today: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    today = t.yifa.clock.today();
    admin = await t.login('admin');
    agencies = (await admin.get('/api/v1/agencies')).json().items;
  });
  afterAll(async () => t.close());

  const agency = (name: string) => agencies.find((a) => a.name === name)!;
  const allPeople = async (c: Client): Promise<Person[]> => {
    const out: Person[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Person[]; next: string | null } = (
        await c.get(`/api/v1/people?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      out.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return out;
  };

  it('has the demo town: 秀山县, 妙泉镇 with 14 villages, the town government and four county departments', async () => {
    const regions = (await admin.get('/api/v1/regions')).json().items as { id: string; parentId: string; level: string; name: string }[];
    const town = regions.find((r) => r.name === '妙泉镇')!;
    expect(regions.filter((r) => r.parentId === town.id && r.level === 'village')).toHaveLength(14);
    for (const name of ['秀山县妙泉镇人民政府', '秀山县住房和城乡建设委员会', '秀山县生态环境局', '秀山县应急管理局', '秀山县公安局'])
      expect(agency(name)).toBeDefined();
    const certs = (await admin.get('/api/v1/certificates?limit=200')).json().items as { standing: string }[];
    expect(certs.length).toBeGreaterThanOrEqual(12);
    expect(certs.filter((c) => c.standing === 'expiring').length).toBeGreaterThanOrEqual(2);
    expect(certs.filter((c) => c.standing === 'expired')).toHaveLength(1);
    const attention = (await admin.get('/api/v1/certificates?standing=attention')).json().items as { standing: string }[];
    expect(new Set(attention.map((c) => c.standing))).toEqual(new Set(['expiring', 'expired']));
    // One agency's certificates (the officer picker of its penalty forms): exactly its people's.
    const townGov = agency('秀山县妙泉镇人民政府');
    const townPeople = new Set(
      ((await admin.get(`/api/v1/people?agencyId=${townGov.id}&limit=200`)).json().items as Person[]).map((p) => p.id),
    );
    const townCerts = (await admin.get(`/api/v1/certificates?agencyId=${townGov.id}&limit=200`)).json().items as { personId: string }[];
    expect(townCerts.length).toBeGreaterThanOrEqual(8);
    expect(townCerts.length).toBeLessThan(certs.length);
    expect(townCerts.every((c) => townPeople.has(c.personId))).toBe(true);
    expect(townCerts.length).toBe((certs as unknown as { personId: string }[]).filter((c) => townPeople.has(c.personId)).length);
  });

  it('paginates people with a keyset cursor without gaps or repeats', async () => {
    const paged = await allPeople(admin);
    const all = (await admin.get('/api/v1/people?limit=200')).json().items as Person[];
    expect(paged.map((p) => p.id)).toEqual(all.map((p) => p.id));
    expect(new Set(paged.map((p) => p.id)).size).toBe(paged.length);
  });

  it('adds an officer with a certificate who then appears on the public list, without personal data', async () => {
    const town = agency('秀山县妙泉镇人民政府');
    const created = await admin.post('/api/v1/people', {
      name: '新某某',
      agencyId: town.id,
      post: '综合行政执法队员',
      idNumber: '50024119900101105X',
      phone: '13800001234',
    });
    expect(created.statusCode).toBe(201);
    const personId = created.json().id;
    const cert = await admin.post('/api/v1/certificates', {
      personId,
      number: 'CQ50024199001',
      field: '综合行政执法',
      area: '秀山县妙泉镇',
      issuedOn: addDays(today, -10),
      expiresOn: addDays(today, 1000),
      annualReview: 'passed',
    });
    expect(cert.statusCode).toBe(201);
    const dup = await admin.post('/api/v1/certificates', {
      personId,
      number: 'CQ50024199001',
      field: '综合行政执法',
      area: '秀山县妙泉镇',
      issuedOn: addDays(today, -10),
      expiresOn: addDays(today, 1000),
      annualReview: 'passed',
    });
    expect(dup.statusCode).toBe(409);
    const pub = t.anonymous();
    const list = (await pub.get('/api/v1/public/officers?q=新某某')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name: '新某某', agency: '秀山县妙泉镇人民政府', certificateNumber: 'CQ50024199001' });
    const everything = JSON.stringify((await pub.get('/api/v1/public/officers?limit=200')).json());
    expect(everything).not.toContain('50024119900101105X');
    expect(everything).not.toContain('13800001234');
    expect(everything).not.toMatch(/idNumber|phone/);

    // Revoked today: gone from the public list today.
    const revoked = await admin.patch(`/api/v1/certificates/${cert.json().id}`, { state: 'revoked', reason: '调离执法岗位' });
    expect(revoked.statusCode).toBe(200);
    expect((await pub.get('/api/v1/public/officers?q=新某某')).json().items).toHaveLength(0);
    const again = await admin.patch(`/api/v1/certificates/${cert.json().id}`, { state: 'valid', reason: '误操作' });
    expect(again.statusCode).toBe(409);
  });

  it('lets the administrator create an account in a module’s role (the county’s 复议人员), and refuses an unknown role', async () => {
    const bureau = agency('秀山县司法局') as { id: string; regionId?: string; region_id?: string };
    const regionId = bureau.regionId ?? bureau.region_id;
    const body = (roles: string[], username: string) => ({
      username,
      displayName: '复议人员二',
      password: 'a-long-password-2026',
      personId: null,
      agencyId: bureau.id,
      regionId,
      dataScope: 'subtree',
      roles,
    });
    const made = await admin.post('/api/v1/users', body(['county_reconsideration'], 'fuyi.two'));
    expect(made.statusCode, made.body).toBe(201);
    const unknown = await admin.post('/api/v1/users', body(['emperor'], 'fuyi.three'));
    expect(unknown.statusCode).toBe(400);
    const granted = (await admin.get('/api/v1/org/dictionaries')).json().grantableRoles as string[];
    expect(granted).toEqual(expect.arrayContaining(['county_reconsideration', 'reconsideration_head', 'officer']));
  });

  it('keeps expired and suspended certificates off the public list', async () => {
    const certs = (await admin.get('/api/v1/certificates?limit=200')).json().items as { number: string; standing: string }[];
    const expired = certs.find((c) => c.standing === 'expired')!;
    const pub = (await t.anonymous().get('/api/v1/public/officers?limit=200')).json().items as { certificateNumber: string }[];
    expect(pub.some((o) => o.certificateNumber === expired.number)).toBe(false);
    for (const c of certs.filter((c) => c.standing === 'in-force' || c.standing === 'expiring')) {
      expect(pub.some((o) => o.certificateNumber === c.number)).toBe(true);
    }
  });

  it('lists the enforcement subjects publicly with their powers', async () => {
    const res = (await t.anonymous().get('/api/v1/public/agencies')).json();
    const town = res.items.find((a: { name: string }) => a.name === '秀山县妙泉镇人民政府');
    expect(town).toMatchObject({ kindName: '乡镇综合行政执法', region: '妙泉镇' });
    expect(town.powers.length).toBeGreaterThan(3);
  });

  it("refuses a town officer another town's person record (404) and journals the refusal", async () => {
    const other = (await allPeople(admin)).find((p) => p.agencyName === '秀山县清溪场镇人民政府')!;
    const zhifa1 = await t.login('zhifa1');
    const before = await t.yifa.journal.size();
    const res = await zhifa1.get(`/api/v1/people/${other.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    const denied = await t.yifa.journal.action(before);
    expect(denied).toMatchObject({ type: 'access.denied', subject_type: 'person', subject_id: other.id });
    // Nor does it appear in the officer's list, nor can it be changed.
    expect((await allPeople(zhifa1)).some((p) => p.id === other.id)).toBe(false);
    expect((await zhifa1.patch(`/api/v1/people/${other.id}`, { post: '改' })).statusCode).toBe(403);
    // The county supervisor (本级及下级 of the county) sees it.
    const jiandu = await t.login('jiandu');
    expect((await jiandu.get(`/api/v1/people/${other.id}`)).statusCode).toBe(200);
  });

  it('shows personal data only to those allowed, and journals that read', async () => {
    const someone = (await allPeople(admin)).find((p) => p.agencyName === '秀山县妙泉镇人民政府')!;
    const before = await t.yifa.journal.size();
    const full = (await admin.get(`/api/v1/people/${someone.id}`)).json();
    expect(full).toHaveProperty('idNumber');
    expect((await t.yifa.journal.action(before))?.type).toBe('org.person.read');
    const officer = await t.login('zhifa2');
    const limited = (await officer.get(`/api/v1/people/${someone.id}`)).json();
    expect(limited).not.toHaveProperty('idNumber');
    expect(limited).not.toHaveProperty('phone');
  });

  it('performs one action for a repeated Idempotency-Key and returns the same result', async () => {
    const town = agency('秀山县妙泉镇人民政府');
    const headers = { 'idempotency-key': `test-office-${engine}-0001` };
    const before = await t.yifa.journal.size();
    const a = await admin.post('/api/v1/offices', { agencyId: town.id, name: '应急办' }, headers);
    const b = await admin.post('/api/v1/offices', { agencyId: town.id, name: '应急办' }, headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(await t.yifa.journal.size()).toBe(before + 1);
    const offices = (await admin.get(`/api/v1/offices?agencyId=${town.id}`)).json().items as { name: string }[];
    expect(offices.filter((o) => o.name === '应急办')).toHaveLength(1);
  });

  it('refuses roles without the permission and journals it', async () => {
    const officer = await t.login('zhifa1');
    const before = await t.yifa.journal.size();
    const res = await officer.post('/api/v1/agencies', {
      regionId: 'x',
      name: 'y',
      kind: 'statutory',
      legalBasis: 'z',
      powers: [],
      docPrefix: 'q',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await t.yifa.journal.action(before))?.type).toBe('access.denied');
    expect((await officer.get('/api/v1/users')).statusCode).toBe(403);
  });

  it("gives each user the console menu entries his permissions open, in the modules' order", async () => {
    const keys = async (c: Client) => ((await c.get('/api/v1/menu')).json().items as { key: string }[]).map((m) => m.key);
    expect(await keys(admin)).toEqual([
      'dashboard',
      'enforcement-settings',
      'regions',
      'publications',
      'agencies',
      'legal-reviews',
      'legal-desk',
      'people',
      'openness-lists',
      'case-explanations',
      'openness-catalog',
      'certificates',
      'users',
      'calendar',
      'journal',
      'login-log',
    ]);
    expect(await keys(await t.login('zhifa1'))).toEqual([
      'dashboard',
      'penalty-cases',
      'recording-coverage',
      'regions',
      'publications',
      'reconsiderations',
      'reconsideration-indicators',
      'administrative-mediations',
      'agencies',
      'normative-documents',
      'normative-evaluation',
      'legal-reviews',
      'legal-desk',
      'people',
      'openness-lists',
      'case-explanations',
      'openness-catalog',
      'certificates',
      'calendar',
    ]);
    expect((await admin.get('/api/v1/menu')).json().items[0]).toEqual({ key: 'dashboard', label: '工作台', path: '/console/dashboard' });
    expect((await t.anonymous().get('/api/v1/menu')).statusCode).toBe(401);
  });
});
