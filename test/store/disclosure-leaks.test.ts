/**
 * What the public is served of the demo (loaded as `npm start --demo` loads it, every
 * module's part in order, the publications released, withdrawn and left overdue through the
 * same actions a user takes) and of one decision against a citizen with a full name, an ID
 * number and a mobile number: every public GET route of the API (from its OpenAPI
 * description; the decisions each by id, the lists every page, every search of one character
 * of the public text; the verify page of documents' 查验码 and the 亮证 profile of every 执法证;
 * every catalog entry's file, a DOCX read as its text)
 * is requested anonymously, and the test fails on an 18-digit ID number,
 * a mobile number or a natural person party's full name in any response.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { docxText } from '../helpers/docx-text.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../helpers/app.js';
import { seedDemo } from '../../src/app/root.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { maskPersonName } from '../../src/modules/disclosure/masks.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';

const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe.each(ENGINES)('the portal of the demo on %s', (engine) => {
  let t: TestApp;
  let names: string[];
  let demoPublications: { status: string; due_on: string }[];
  const bodies = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp(engine, { demo: false });
    await seedDemo(t.yifa, { password: DEMO_PASSWORD });
    demoPublications = await t.yifa.db.kysely.selectFrom('publications').select(['status', 'due_on']).execute();
    // One decision against a citizen named in full, with an ID number and a mobile, released today.
    const zhifa1 = await t.login('zhifa1');
    const officers = [
      (await zhifa1.get('/api/v1/session')).json().user.personId,
      (await (await t.login('zhifa2')).get('/api/v1/session')).json().user.personId,
    ];
    const today = t.yifa.clock.today();
    const made = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.on-the-spot',
      payload: {
        party: {
          kind: 'citizen',
          name: '欧阳小龙',
          idNumber: withIdCheckChar('50024119900101123'),
          address: '秀山县妙泉镇龙凤村8组',
          phone: '15812345678',
          representative: null,
        },
        field: '综合行政执法',
        on: today,
        place: '妙泉镇集镇',
        officers,
        violationTypeId: 'waste-dumping',
        facts: '欧阳小龙在集镇街道随意倾倒生活垃圾',
        basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
        kinds: ['fine'],
        fineFen: 10_000,
        confiscationFen: 0,
        signed: true,
        refusalNote: null,
        cashCollected: true,
        cashGround: null,
        cashGroundNote: null,
        receiptNumber: '渝财罚 000321',
        told: true,
        statement: null,
        statementReply: null,
        mitigation: [],
        circumstanceId: 'minor',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const head = await t.login('fuzeren');
    const pending = (await head.get('/api/v1/publications?status=pending')).json().items as { id: string; partyName: string }[];
    const mine = pending.find((p) => p.partyName === '欧阳小龙')!;
    expect((await head.post(`/api/v1/publications/${mine.id}/release`)).statusCode).toBe(200);

    const cases = await t.yifa.db.kysely.selectFrom('penalty_cases').select('state').execute();
    names = [
      ...new Set(
        cases
          .map((c) => (JSON.parse(c.state) as PenaltyCase).party)
          .filter((p) => p.kind === 'citizen' && p.name && maskPersonName(p.name) !== p.name)
          .map((p) => p.name),
      ),
    ];
    expect(names).toContain('欧阳小龙');

    const anon = t.anonymous();
    const get = async (url: string) => {
      const res = await anon.get(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      bodies.set(url, res.body);
      return res;
    };
    const paths = Object.entries((await anon.get('/api/docs/json')).json().paths as Record<string, Record<string, unknown>>)
      .filter(([p, ops]) => 'get' in ops && p.startsWith('/api/v1/public/'))
      .map(([p]) => p);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/public/decisions', '/api/v1/public/decisions/{id}', '/api/v1/public/decisions.atom']),
    );
    // Every page of the decisions, then each by id, and every one-character search of what they show.
    const ids: string[] = [];
    const chars = new Set<string>();
    let next: string | null = null;
    do {
      const page: { items: { id: string; party: { name: string }; violationType: string }[]; next: string | null } = (
        await get(`/api/v1/public/decisions?limit=5${next ? `&cursor=${encodeURIComponent(next)}` : ''}`)
      ).json();
      for (const d of page.items) {
        ids.push(d.id);
        for (const ch of `${d.party.name}${d.violationType}`) chars.add(ch);
      }
      next = page.next;
    } while (next);
    expect(ids.length).toBeGreaterThan(5);
    // 政务公开: the lists, 以案释法 and catalog entries, each by id.
    const db = t.yifa.db.kysely as unknown as Kysely<Record<string, { id: string }>>;
    const idsOf = async (table: string) => (await db.selectFrom(table).select('id').execute()).map((r) => r.id);
    const opennessIds: Record<string, string[]> = {
      '/api/v1/public/openness/lists/{id}': await idsOf('openness_lists'),
      '/api/v1/public/openness/explanations/{id}': await idsOf('case_explanations'),
      '/api/v1/public/openness/catalog/{id}': await idsOf('catalog_entries'),
    };
    expect(opennessIds['/api/v1/public/openness/explanations/{id}']!.length).toBeGreaterThan(0);
    // The verify page of documents' 查验码 (the full-named citizen's decision first) and the 亮证 profile of every 执法证.
    const mineCode = await t.yifa.db.kysely
      .selectFrom('document_codes as c')
      .innerJoin('issued_documents as d', (j) =>
        j
          .onRef('c.agency_id', '=', 'd.agency_id')
          .onRef('c.series', '=', 'd.series')
          .onRef('c.year', '=', 'd.year')
          .onRef('c.n', '=', 'd.n'),
      )
      .select('c.code')
      .where('d.case_id', '=', made.json().case.id)
      .execute();
    const codes = [
      ...mineCode.map((r) => r.code),
      ...(await t.yifa.db.kysely.selectFrom('document_codes').select('code').orderBy('code').limit(40).execute()).map((r) => r.code),
    ];
    const tokens = (await t.yifa.db.kysely.selectFrom('certificates').select('public_token').execute()).flatMap(
      (r) => r.public_token ?? [],
    );
    expect(mineCode.length).toBeGreaterThan(0);
    expect(tokens.length).toBeGreaterThan(3);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/public/verify/{code}', '/api/v1/public/certificates/{token}']));
    await t.yifa.journal.checkpoint();
    for (const p of paths) {
      if (p.includes('{id}') && p.startsWith('/api/v1/public/decisions/')) for (const id of ids) await get(p.replace('{id}', id));
      else if (opennessIds[p]) for (const id of opennessIds[p]!) await get(p.replace('{id}', id));
      else if (p === '/api/v1/public/openness/catalog/{id}/file')
        for (const id of opennessIds['/api/v1/public/openness/catalog/{id}']!) {
          const url = p.replace('{id}', id);
          const res = await get(url);
          if (String(res.headers['content-type']).includes('wordprocessingml')) bodies.set(url, docxText(res.rawPayload));
        }
      else if (p === '/api/v1/public/verify/{code}')
        for (const code of codes) {
          const url = p.replace('{code}', code);
          const res = await get(url);
          expect(res.statusCode, code).toBe(200);
          // The proof is hashes, a signature and the public key only (their hex and base64 may hold
          // 11 digits in a row): checked for its shape here, left out of the text scanned for numbers.
          const { proof, ...rest } = res.json();
          expect(Object.keys(proof).sort()).toEqual(['checkpoint', 'leafHash', 'path', 'publicKeyPem', 'seq', 'treeSize']);
          for (const h of [proof.leafHash, ...proof.path]) expect(h).toMatch(/^[0-9a-f]{64}$/);
          expect(Object.keys(proof.checkpoint).sort()).toEqual(['body', 'keyId', 'signature']);
          bodies.set(url, JSON.stringify(rest));
        }
      else if (p === '/api/v1/public/certificates/{token}')
        for (const token of tokens) expect((await get(p.replace('{token}', token))).statusCode, token).toBe(200);
      else if (!p.includes('{')) await get(p);
    }
    for (const q of ['以案释法', '清单', '%', '欧阳']) await get(`/api/v1/public/openness/catalog?q=${encodeURIComponent(q)}`);
    for (const ch of chars) await get(`/api/v1/public/decisions?q=${encodeURIComponent(ch)}`);
    for (const q of ['欧阳', '小龙', '龙', '1581234', '5002411990']) await get(`/api/v1/public/decisions?q=${encodeURIComponent(q)}`);
  }, 600_000);
  afterAll(async () => t.close());

  it('shows the demo’s decisions: released, one withdrawn with its reason, and the masked name of the full-named party', () => {
    const today = t.yifa.clock.today();
    const count = (f: (p: { status: string; due_on: string }) => boolean) => demoPublications.filter(f).length;
    expect(count((p) => p.status === 'released')).toBeGreaterThan(5);
    expect(count((p) => p.status === 'withdrawn')).toBe(1);
    // One left overdue on purpose, and the decision varied on 复议 before it was released (due to be withdrawn instead).
    expect(count((p) => p.status === 'pending' && p.due_on < today)).toBe(2);
    expect(count((p) => p.status === 'pending' && p.due_on >= today)).toBeGreaterThanOrEqual(1);
    const list = bodies.get('/api/v1/public/decisions?limit=5')!;
    expect(list).toContain('欧阳某某');
    const all = [...bodies.values()].join('\n');
    expect(all).toContain('"status":"withdrawn"');
    expect(all).toContain('经行政复议');
  });

  it('serves no unmasked ID number, mobile number or natural person’s full name anywhere', () => {
    expect(bodies.size).toBeGreaterThan(20);
    for (const [url, body] of bodies) {
      expect(ID_NUMBER.exec(body)?.[0], `${url} carries an ID number`).toBeUndefined();
      expect(MOBILE.exec(body)?.[0], `${url} carries a mobile number`).toBeUndefined();
      const name = names.find((n) => body.includes(n));
      expect(name, `${url} carries a natural person's full name`).toBeUndefined();
    }
  });

  it('finds nothing by the masked-out name or numbers', () => {
    for (const q of ['小龙', '1581234', '5002411990'])
      expect(JSON.parse(bodies.get(`/api/v1/public/decisions?q=${encodeURIComponent(q)}`)!).items, q).toEqual([]);
  });
});
