/**
 * Verification by QR code and 亮证 (issue 13 §7, §8) on both engines, as the public meets them:
 * every numbered document has one random, stable 查验码, printed with a QR code in its print
 * view and its DOCX (decoded here with jsqr to the verify URL); the public verify API answers
 * the masked summary, the withdrawal, and an inclusion proof that the browser's own check
 * (web/src/portal/verify-proof.ts) accepts and rejects once tampered with; an unknown code is
 * 404 JSON in Chinese; a 执法证's token opens a photo-free profile with its standing today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { qrTextsInDocx } from '../helpers/qr.js';
import { checkInclusionProof, type InclusionProof } from '../../web/src/portal/verify-proof.js';
import { onTheSpot } from '../helpers/penalty-api.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const PUBLIC_URL = 'https://yifa.example.gov.cn';
const ID_NUMBER = withIdCheckChar('50024119850315123');
const MOBILE = '13912345678';
const FULL_NAME = '欧阳明远';

describe.each(ENGINES)('verification by QR code on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let admin: Client;
  let caseId: string;
  let number: string;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp(engine, { config: { publicUrl: PUBLIC_URL } });
    t.yifa.clock.source = at('2026-04-01');
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    admin = await t.login('admin');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    const res = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.on-the-spot',
      payload: onTheSpot({
        party: {
          kind: 'citizen',
          name: FULL_NAME,
          idNumber: ID_NUMBER,
          address: '秀山县妙泉镇某某村5组',
          phone: MOBILE,
          representative: null,
        },
        on: '2026-04-01',
        officers: [me.user.personId, other.user.personId],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().case.id;
    number = res.json().case.decision.number;
  }, 180_000);
  afterAll(async () => t.close());

  const verify = (c: string) => t.anonymous().get(`/api/v1/public/verify/${encodeURIComponent(c)}`);
  const noPersonalData = (body: string) => {
    expect(body).not.toContain(ID_NUMBER);
    expect(body).not.toContain(MOBILE);
    expect(body).not.toContain(FULL_NAME);
    expect(body).not.toContain('某某村5组');
  };

  it('gives every numbered document one code, stable across openings, printed with its QR code', async () => {
    const docs = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents`)).json().items as { id: string; number: string | null }[];
    const decision = docs.find((d) => d.number === number)!;
    const first = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents/${decision.id}`)).json().content;
    const again = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents/${decision.id}`)).json().content;
    expect(first.verification.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(again.verification).toEqual(first.verification);
    code = first.verification.code;
    expect(first.verification.url).toBe(`${PUBLIC_URL}/portal/verify/${code.replace(/-/g, '')}`);
    // The code carries nothing of the document or the party.
    expect(code).not.toMatch(/2026|罚/);

    const docx = await zhifa1.get(`/api/v1/penalty-cases/${caseId}/documents/${decision.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(qrTextsInDocx(docx.rawPayload)).toEqual([first.verification.url]);
    // Every issued document has exactly one code, all different.
    const db = t.yifa.db.kysely;
    const issued = await db.selectFrom('issued_documents').select(['agency_id', 'series', 'year', 'n']).execute();
    const codes = await db.selectFrom('document_codes').select(['code', 'agency_id', 'series', 'year', 'n']).execute();
    expect(codes).toHaveLength(issued.length);
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    // Insert-only: a printed code never changes.
    await expect(db.updateTable('document_codes').set({ code: 'X' }).where('code', '=', codes[0]!.code).execute()).rejects.toThrow();
  });

  it('answers the document before release with number, kind, agency, date and the proof; the browser check passes', async () => {
    await t.yifa.journal.checkpoint();
    const res = await verify(code);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({
      code,
      status: 'issued',
      decision: null,
      document: { number, agency: expect.stringContaining('妙泉'), issuedOn: '2026-04-01' },
    });
    expect(v.document.title).toMatch(/决定书/);
    noPersonalData(res.body);
    const check = await checkInclusionProof(v.proof as InclusionProof);
    expect(check.steps.filter((s) => !s.ok)).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.keyId).toBe(t.yifa.journal.keyId);
    // Typed by hand: lower case, no hyphens, O for 0 and I for 1 are the same code.
    const typed = code.replace(/-/g, '').toLowerCase().replace(/0/g, 'o').replace(/1/g, 'i');
    expect((await verify(typed)).json().code).toBe(code);
  });

  it('fails the browser check for a tampered leaf, path, signature, root or size', async () => {
    const p = (await verify(code)).json().proof as InclusionProof;
    const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
    const lines = p.checkpoint.body.split('\n');
    const tampered: InclusionProof[] = [
      { ...p, leafHash: flip(p.leafHash) },
      { ...p, seq: p.seq + 1 },
      { ...p, treeSize: p.treeSize + 1 },
      // Another first character (a signature starting with A stayed whole: one run in 64 passed the check).
      {
        ...p,
        checkpoint: {
          ...p.checkpoint,
          signature: `${p.checkpoint.signature.startsWith('A') ? 'B' : 'A'}${p.checkpoint.signature.slice(1)}`,
        },
      },
      { ...p, checkpoint: { ...p.checkpoint, body: [lines[0], String(Number(lines[1]) + 1), ...lines.slice(2)].join('\n') } },
    ];
    if (p.path.length) tampered.push({ ...p, path: [flip(p.path[0]!), ...p.path.slice(1)] });
    for (const x of tampered) expect((await checkInclusionProof(x)).ok).toBe(false);
  });

  it('shows the released decision masked, then withdrawn with its reason', async () => {
    const pubs = (await fuzeren.get('/api/v1/publications')).json().items as { id: string; number: string }[];
    const pub = pubs.find((p) => p.number === number)!;
    expect((await fuzeren.post(`/api/v1/publications/${pub.id}/release`)).statusCode).toBe(200);
    let res = await verify(code);
    expect(res.json()).toMatchObject({ status: 'published', decision: { number, party: { name: '欧阳某某' }, status: 'published' } });
    noPersonalData(res.body);
    const w = await fuzeren.post(`/api/v1/publications/${pub.id}/withdraw`, { kind: 'revoked', reason: '经复议撤销' });
    expect(w.statusCode, w.body).toBe(200);
    res = await verify(code);
    expect(res.json()).toMatchObject({
      status: 'withdrawn',
      statusName: '已撤回（撤销）',
      withdrawal: { kind: 'revoked', reason: '经复议撤销' },
      decision: { penalty: '—' },
    });
    noPersonalData(res.body);
  });

  it('answers an unknown or malformed code with the same Chinese 404', async () => {
    for (const c of ['ZZZZ-ZZZZ-ZZZZ', 'abc', "1' or '1'='1", '？？？？']) {
      const res = await verify(c);
      expect(res.statusCode, c).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.json().error.message).toContain('未找到');
    }
    expect((await verify('x'.repeat(40))).statusCode).toBe(400);
  });

  it('is in the OpenAPI description', async () => {
    const spec = (await t.anonymous().get('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/public/verify/{code}', '/api/v1/public/certificates/{token}']),
    );
  });

  it('亮证: a certificate QR opens a photo-free profile with its standing today; revoked shown plainly', async () => {
    const certs = (await admin.get('/api/v1/certificates?limit=100')).json().items as {
      id: string;
      number: string;
      personName: string;
      standing: string;
      profileUrl: string;
    }[];
    expect(certs.length).toBeGreaterThan(0);
    for (const c of certs) expect(c.profileUrl).toMatch(new RegExp(`^${PUBLIC_URL}/portal/officer/[A-Za-z0-9_-]{22}$`));
    expect(new Set(certs.map((c) => c.profileUrl)).size).toBe(certs.length);
    const cert = certs.find((c) => c.standing === 'in-force')!;
    const token = cert.profileUrl.split('/').pop()!;
    const open = () => t.anonymous().get(`/api/v1/public/certificates/${token}`);
    let res = await open();
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      [
        'agency',
        'area',
        'certificateNumber',
        'field',
        'inForce',
        'name',
        'standing',
        'standingName',
        'today',
        'validFrom',
        'validUntil',
      ].sort(),
    );
    expect(res.json()).toMatchObject({ name: cert.personName, certificateNumber: cert.number, inForce: true, standingName: '有效' });
    const person = await t.yifa.db.kysely
      .selectFrom('people')
      .innerJoin('certificates', 'certificates.person_id', 'people.id')
      .select(['people.id_number', 'people.phone'])
      .where('certificates.id', '=', cert.id)
      .executeTakeFirstOrThrow();
    if (person.id_number) expect(res.body).not.toContain(person.id_number);
    if (person.phone) expect(res.body).not.toContain(person.phone);

    const revoke = await admin.patch(`/api/v1/certificates/${cert.id}`, { state: 'revoked', reason: '调离执法岗位' });
    expect(revoke.statusCode, revoke.body).toBe(200);
    res = await open();
    expect(res.json()).toMatchObject({ inForce: false, standing: 'revoked', standingName: '注销' });
    // The token is stable; an unknown or malformed one is 404.
    expect((await admin.get('/api/v1/certificates?limit=100')).json().items.find((c: { id: string }) => c.id === cert.id).profileUrl).toBe(
      cert.profileUrl,
    );
    for (const bad of ['AAAAAAAAAAAAAAAAAAAAAA', 'short']) {
      const r = await t.anonymous().get(`/api/v1/public/certificates/${bad}`);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.message).toMatch(/\p{Script=Han}/u);
    }
  });
});
