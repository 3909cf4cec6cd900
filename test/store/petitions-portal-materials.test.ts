/**
 * Materials the petitioner sends from the tracking page (issue 15 §1, bad input), on both
 * engines: with the tracking code and his second factor, a photo or a scanned PDF is checked
 * (size, kind read from the bytes, the server's own hash) before it is kept, then attached to
 * his petition by a journaled action of his; the 信访干部 reads it under the petition. A file
 * that is not what it claims, one too large, a wrong factor or a wrong code changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { solvedProof } from '../helpers/portal-proof.js';
import { demoPhoto, demoScan } from '../../src/modules/evidence/demo.js';
import { PORTAL_FILE } from '../../src/procedure/portal-uploads.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(ENGINES)('petition materials sent from the portal on %s', (engine) => {
  let t: TestApp;
  let xinfang: Client;
  let code: string;
  let id: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = () => new Date('2026-03-02T10:00:00+08:00');
    xinfang = await t.login('xinfang');
    const agencyId = (
      await t.yifa.db.kysely.selectFrom('users').select('agency_id').where('username', '=', 'xinfang').executeTakeFirstOrThrow()
    ).agency_id!;
    const filed = await t.anonymous().post('/api/v1/public/petitions', {
      agencyId,
      proof: await solvedProof(t.anonymous()),
      petitioners: [{ name: '孙某某', idNumber: null, phone: '13900005678', address: '秀山县妙泉镇龙凤村' }],
      request: '要求核实龙凤村土地复垦验收面积',
      factsAndReasons: '复垦验收面积比实际少了两亩。',
      category: 'land-reclamation',
      place: '龙凤村',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    code = filed.json().trackingCode;
    id = (await t.yifa.db.kysely.selectFrom('petitions').select('id').where('number', '=', filed.json().number).executeTakeFirstOrThrow())
      .id;
  }, 120_000);
  afterAll(async () => t.close());

  const send = (bytes: Buffer, over: Record<string, unknown> = {}) =>
    t.anonymous().post('/api/v1/public/petitions/track/materials', {
      code,
      verify: '5678',
      type: 'photo',
      title: '复垦地块现场照片',
      description: '验收后实地拍摄',
      fileName: '现场.png',
      mime: 'image/png',
      content: bytes.toString('base64'),
      ...over,
    });
  const kept = async () => ({
    journal: await t.yifa.journal.size(),
    uploads: (await t.yifa.db.kysely.selectFrom('portal_uploads').select('id').execute()).length,
  });

  it('keeps a verified photo and a scan as the petitioner’s materials, which the clerk reads under the petition', async () => {
    const photo = demoPhoto(3);
    const res = await send(photo);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('registered');
    const scan = await demoScan(1);
    const pdf = await send(scan, { type: 'record', title: '验收面积测量表', fileName: '测量表.pdf', mime: 'application/pdf' });
    expect(pdf.statusCode, pdf.body).toBe(200);

    const record = (await xinfang.get(`/api/v1/petitions/${id}`)).json().record;
    expect(record.attachments).toMatchObject([
      { seq: 1, type: 'photo', title: '复垦地块现场照片', file: { sha256: sha(photo), mime: 'image/png', size: photo.length } },
      { seq: 2, type: 'record', file: { sha256: sha(scan), mime: 'application/pdf' } },
    ]);
    const content = await xinfang.get(`/api/v1/petitions/${id}/evidence/1/content`);
    expect(content.statusCode).toBe(200);
    expect(sha(content.rawPayload)).toBe(sha(photo));
    // The journal says who sent it: the petitioner on the portal.
    const entry = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['actor_role'])
      .where('subject_id', '=', id)
      .where('type', '=', 'petition.submit-material')
      .executeTakeFirstOrThrow();
    expect(entry.actor_role).toBe('public');
    // The same file twice is refused (it is already one of his materials).
    const again = await send(photo);
    expect(again.statusCode, again.body).toBe(409);
  });

  it('refuses a file that is not what it claims, one too large, a wrong factor and a wrong code, keeping nothing', async () => {
    const before = await kept();
    const page = Buffer.from('<html><script>alert(1)</script></html>');
    const fake = await send(page);
    expect(fake.statusCode, fake.body).toBe(415);
    expect(fake.json().error.message).toContain('只接受图片');
    // A video is a file the evidence module takes, but not one the portal takes from the public.
    const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(64)]);
    expect((await send(video, { mime: 'video/mp4', fileName: 'a.mp4' })).statusCode).toBe(415);
    const huge = Buffer.concat([demoPhoto(4), Buffer.alloc(PORTAL_FILE.maxBytes)]);
    const tooLarge = await send(huge);
    expect([400, 413]).toContain(tooLarge.statusCode);
    expect((await send(Buffer.alloc(0))).statusCode).toBe(400);
    expect((await send(demoPhoto(5), { content: '这不是Base64' })).statusCode).toBe(400);
    expect((await send(demoPhoto(5), { fileName: '../../etc/passwd' })).statusCode).toBe(400);
    expect((await send(demoPhoto(5), { extra: 1 })).statusCode).toBe(400);
    const wrongFactor = await send(demoPhoto(5), { verify: '0000' });
    expect(wrongFactor.statusCode, wrongFactor.body).toBe(403);
    const wrongCode = await send(demoPhoto(5), { code: 'ABCD-EFGH-JKMN-PQRS' });
    expect([400, 404]).toContain(wrongCode.statusCode);
    const after = await kept();
    // Only the wrong factor is written down (the day's failures) — no file, no action.
    expect(after.uploads).toBe(before.uploads);
    const actions = await t.yifa.db.kysely
      .selectFrom('actions')
      .select('type')
      .where('subject_id', '=', id)
      .where('type', '=', 'petition.submit-material')
      .execute();
    expect(actions).toHaveLength(2);
  });
});
