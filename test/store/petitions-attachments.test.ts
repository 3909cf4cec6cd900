/**
 * A petition's materials on both engines (issue 15 §1): the letter's scan and photos attached
 * right after registration and later through the kit's evidence path — only a verified
 * upload of the clerk's own counts (a file whose bytes are not what it claims is refused at
 * upload, a declared but unsent one is refused at attaching), the same file not twice; the
 * evidence module serves it under the petition with the petition's read permission; the head
 * withdraws an item (it stays, marked); the public page never lists the files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { demoPhoto, demoScan } from '../../src/modules/evidence/demo.js';
import { replayRecord } from '../../src/procedure/service.js';
import { PETITIONS } from '../../src/modules/petitions/procedure.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const CHUNK = { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' };

describe.each(ENGINES)('petition attachments on %s', (engine) => {
  let t: TestApp;
  let xinfang: Client;
  let fuzeren: Client;
  let id: string;
  let code: string;
  let scan: Buffer;
  let photo: Buffer;
  let key = 0;
  const act = (c: Client, type: string, payload: unknown) =>
    c.post(`/api/v1/petitions/${id}/actions`, { type, payload }, { 'idempotency-key': `pa-${engine}-${++key}` });
  const upload = async (c: Client, bytes: Buffer, fileName: string, mime: string, finish = true) => {
    const begun = await c.post('/api/v1/uploads', { fileName, mime, size: bytes.length, sha256: sha(bytes) });
    if (begun.statusCode !== 201) throw new Error(`upload ${fileName}: ${begun.statusCode} ${begun.body}`);
    const up = begun.json();
    if (!finish) return { sha256: sha(bytes), res: null };
    const res = await c.patch(`/api/v1/uploads/${up.id}`, bytes, CHUNK);
    return { sha256: sha(bytes), res };
  };
  const item = (sha256: string, type = 'letter', title = '信访信件扫描件') => ({
    type,
    title,
    description: '信访人来信原件扫描',
    file: { sha256 },
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = () => new Date('2026-03-02T10:00:00+08:00');
    xinfang = await t.login('xinfang');
    fuzeren = await t.login('fuzeren');
    const opened = await xinfang.post('/api/v1/petitions', {
      type: 'petition.register',
      payload: {
        channel: 'letter',
        source: 'direct',
        receivedOn: '2026-03-02',
        petitioners: [{ name: '陈某某', idNumber: null, phone: '13911112222', address: '秀山县妙泉镇大田村' }],
        groupSize: null,
        request: '要求赔偿修路损毁的果树',
        factsAndReasons: '2025年修建产业路时损毁果树30株。',
        category: 'construction',
        place: '大田村',
        oralConfirmed: false,
        repeatOf: null,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    id = opened.json().id;
    code = opened.json().trackingCode;
    scan = await demoScan(2);
    photo = demoPhoto(7);
  }, 120_000);
  afterAll(async () => t.close());

  it('attaches the letter’s scan at registration, only as a verified upload of the clerk’s own, once', async () => {
    // Bytes that are not what they claim are refused at upload (sniffed), so never attachable.
    const page = Buffer.from('<html><script>alert(1)</script></html>');
    const fake = await upload(xinfang, page, '照片.jpg', 'image/jpeg');
    expect(fake.res?.statusCode).toBe(415);
    expect((await act(xinfang, 'petition.attach-file', item(fake.sha256, 'photo', '照片'))).statusCode).toBe(409);
    // Declared but not sent: not verified.
    const unsent = await upload(xinfang, scan, '来信.pdf', 'application/pdf', false);
    const early = await act(xinfang, 'petition.attach-file', item(unsent.sha256));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('材料文件尚未上传完成或不是您上传的');
    // The head's upload of the same bytes is not the clerk's; and the head does not attach.
    const heads = await upload(fuzeren, scan, '来信.pdf', 'application/pdf');
    expect(heads.res?.statusCode).toBe(200);
    expect((await act(xinfang, 'petition.attach-file', item(heads.sha256))).statusCode).toBe(409);
    expect((await act(fuzeren, 'petition.attach-file', item(heads.sha256))).statusCode).toBe(403);

    const mine = await upload(xinfang, scan, '来信.pdf', 'application/pdf');
    expect(mine.res?.json().completed).toBe(true);
    const attached = await act(xinfang, 'petition.attach-file', item(mine.sha256));
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().status).toBe('registered');
    expect(attached.json().evidence).toEqual([
      {
        seq: 1,
        type: 'letter',
        title: '信访信件扫描件',
        description: '信访人来信原件扫描',
        file: { sha256: sha(scan), size: scan.length, mime: 'application/pdf', fileName: '来信.pdf' },
      },
    ]);
    const links = await t.yifa.db.kysely.selectFrom('procedure_files').selectAll().where('sha256', '=', sha(scan)).execute();
    expect(links).toEqual([{ sha256: sha(scan), subject_type: 'petition', subject_id: id, seq: 1 }]);
    const twice = await act(xinfang, 'petition.attach-file', item(mine.sha256));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('不能重复登记');
  });

  it('attaches photos later, serves them under the petition, and the head withdraws one (it stays, marked)', async () => {
    expect((await act(xinfang, 'petition.accept', { on: '2026-03-02' })).statusCode).toBe(200);
    const p = await upload(xinfang, photo, '果树.png', 'image/png');
    expect(p.res?.json().completed).toBe(true);
    const attached = await act(xinfang, 'petition.attach-file', item(p.sha256, 'photo', '损毁果树照片'));
    expect(attached.statusCode, attached.body).toBe(200);
    const seq = attached.json().evidence.at(-1).seq as number;
    const content = await xinfang.get(`/api/v1/petitions/${id}/evidence/${seq}/content`);
    expect(content.statusCode).toBe(200);
    expect(sha(content.rawPayload)).toBe(sha(photo));
    // Supervision reads petitions, so it reads their files; an officer who reads none does not.
    expect((await (await t.login('jiandu')).get(`/api/v1/petitions/${id}/evidence/${seq}/content`)).statusCode).toBe(200);
    expect((await (await t.login('zhifa1')).get(`/api/v1/petitions/${id}/evidence/${seq}/content`)).statusCode).toBe(403);

    expect((await act(xinfang, 'petition.withdraw-file', { seq, reason: '照片模糊' })).statusCode).toBe(403);
    const withdrawn = await act(fuzeren, 'petition.withdraw-file', { seq, reason: '照片模糊，重新拍摄' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().evidence.at(-1)).toMatchObject({ seq, withdrawn: { on: '2026-03-02', reason: '照片模糊，重新拍摄' } });
    expect(await replayRecord(t.yifa, PETITIONS, id)).toMatchObject({ attachments: [{ seq: 1 }, { seq, withdrawn: {} }] });

    // The petitioner's page lists none of it.
    const seen = await t.anonymous().post('/api/v1/public/petitions/track', { code });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(sha(photo));
    expect(seen.body).not.toContain('果树.png');
  });
});
