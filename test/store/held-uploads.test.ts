/**
 * Uploads held for a record (待登记), on both engines: a file uploaded for a penalty case or
 * an information request waits on the server, listed for its uploader only, under the
 * record's read permission and scope, until the procedure's attaching action registers it
 * (in the action's transaction: a refused action leaves it held) or its uploader discards it
 * (journaled). A file whose bytes the record already holds is flagged in the list and
 * refused on registering, nothing changed; once that item is withdrawn it may be registered
 * again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { demoPhoto, demoScan } from '../../src/modules/evidence/demo.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const STRONG = 'Xq7#pLm2-Vt9wRz';
const CHUNK = { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' };
const party = {
  kind: 'organisation',
  name: '秀山县某某建材有限公司',
  idNumber: '91500241MA5U00000K',
  address: '秀山县妙泉镇某某村3组',
  phone: null,
  representative: '王某某',
};

interface Held {
  uploadId: string;
  fileName: string;
  sha256: string;
  verified: boolean;
  uploadedAt: string | null;
  intent: Record<string, unknown> | null;
  duplicateOf: { seq: number; title: string } | null;
}

/** Declares a file held for a record as `c` and, unless `finish` is false, sends its bytes. */
async function upload(
  c: Client,
  bytes: Buffer,
  fileName: string,
  mime: string,
  holdFor: { procedure: string; recordId: string; intent?: Record<string, unknown> } | undefined,
  finish = true,
): Promise<string> {
  const res = await c.post('/api/v1/uploads', { fileName, mime, size: bytes.length, sha256: sha(bytes), ...(holdFor ? { holdFor } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (finish) expect((await c.patch(`/api/v1/uploads/${id}`, bytes, CHUNK)).json().completed).toBe(true);
  return id;
}

/** A user of 清溪场镇 (another town) with these roles, seeing only his own town's records. */
async function outsider(t: TestApp, username: string, roles: string[]): Promise<Client> {
  const admin = await t.login('admin');
  const people = (await admin.get('/api/v1/people?limit=200')).json().items as {
    id: string;
    agencyId: string;
    regionId: string;
    agencyName: string;
  }[];
  const other = people.find((p) => p.agencyName === '秀山县清溪场镇人民政府')!;
  const made = await admin.post('/api/v1/users', {
    username,
    displayName: '清溪场镇工作人员',
    password: STRONG,
    personId: other.id,
    agencyId: other.agencyId,
    regionId: other.regionId,
    dataScope: 'level',
    roles,
  });
  expect(made.statusCode, made.body).toBe(201);
  return t.login(username, STRONG);
}

describe.each(ENGINES)('uploads held for a penalty case on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let zhifa2: Client;
  let x: string;
  let y: string;
  const photo = demoPhoto(21);
  const other = demoPhoto(22);
  const pending = (c: Client, id: string) => c.get(`/api/v1/penalty-cases/${id}/evidence/pending`);
  const heldOf = async (c: Client, id: string): Promise<Held[]> => {
    const res = await pending(c, id);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const addEvidence = (sha256: string, title = '现场照片') =>
    zhifa1.post(`/api/v1/penalty-cases/${x}/actions`, {
      type: 'penalty.add-evidence',
      payload: {
        type: 'documentary',
        title,
        description: '在建厂房现状',
        collectedOn: '2026-05-11',
        source: '执法人员拍摄',
        step: null,
        file: { sha256 },
      },
    });
  const evidenceOf = async (id: string) =>
    (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().case.evidence as { file?: { sha256: string } }[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    zhifa1 = await t.login('zhifa1');
    zhifa2 = await t.login('zhifa2');
    const fuzeren = await t.login('fuzeren');
    const officers = [
      (await zhifa1.get('/api/v1/session')).json().user.personId,
      (await zhifa2.get('/api/v1/session')).json().user.personId,
    ];
    t.yifa.clock.source = () => new Date('2026-05-11T10:00:00+08:00');
    const open = async () => {
      const id = (
        await zhifa1.post('/api/v1/penalty-cases', {
          type: 'penalty.register',
          payload: { source: { kind: 'patrol', summary: '巡查发现未批先建', receivedOn: '2026-05-11' }, party, field: '综合行政执法' },
        })
      ).json().id as string;
      await zhifa1.post(`/api/v1/penalty-cases/${id}/actions`, {
        type: 'penalty.request-filing',
        payload: { violationTypeId: 'illegal-building', actOn: '2026-05-01', seriousHarm: false, officers, summary: '未批先建' },
      });
      const approved = await fuzeren.post(`/api/v1/penalty-cases/${id}/actions`, {
        type: 'penalty.approve',
        payload: { kind: 'filing', opinion: '同意' },
      });
      expect(approved.statusCode, approved.body).toBe(200);
      return id;
    };
    x = await open();
    y = await open();
  }, 120_000);
  afterAll(async () => t.close());

  it('lists a held upload for its uploader and that case only, verified or not, with what it was uploaded for', async () => {
    const intent = { step: null, scene: 'inspection', lastModified: 1_778_460_000_000 };
    const done = await upload(zhifa1, photo, '现场照片.png', 'image/png', { procedure: 'penalty-case', recordId: x, intent });
    const unfinished = await upload(zhifa1, other, '未传完.png', 'image/png', { procedure: 'penalty-case', recordId: x }, false);
    // An upload not for a record is on no list.
    await upload(zhifa1, demoPhoto(23), '别处.png', 'image/png', undefined);

    const held = await heldOf(zhifa1, x);
    // Both declared in the same instant (the clock stands still here): in either order.
    expect(held).toHaveLength(2);
    expect(held).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          uploadId: done,
          fileName: '现场照片.png',
          size: photo.length,
          mime: 'image/png',
          sha256: sha(photo),
          verified: true,
          uploadedAt: '2026-05-11T02:00:00.000Z',
          intent,
          duplicateOf: null,
        }),
        expect.objectContaining({ uploadId: unfinished, verified: false, uploadedAt: null, intent: null }),
      ]),
    );
    // Personal: a colleague on the same case sees none of it; the uploader's other case has none.
    expect(await heldOf(zhifa2, x)).toEqual([]);
    expect(await heldOf(zhifa1, y)).toEqual([]);
    // Nor may the colleague discard it: not found, and the attempt is on record.
    const before = await t.yifa.journal.size();
    expect((await zhifa2.delete(`/api/v1/penalty-cases/${x}/evidence/pending/${done}`)).statusCode).toBe(404);
    expect(await t.yifa.journal.action(before)).toMatchObject({ type: 'access.denied', subject_type: 'upload', subject_id: done });
    expect(await heldOf(zhifa1, x)).toHaveLength(2);
  });

  it('answers a user outside the case 404 on its list and on uploading for it, journals the refusal, and stores nothing', async () => {
    const qingxi = await outsider(t, 'qingxi-zhifa', ['officer']);
    let before = await t.yifa.journal.size();
    expect((await pending(qingxi, x)).statusCode).toBe(404);
    expect(await t.yifa.journal.action(before)).toMatchObject({ type: 'access.denied', subject_type: 'penalty-case', subject_id: x });

    const uploads = async () => (await t.yifa.db.kysely.selectFrom('uploads').select('id').execute()).length;
    const count = await uploads();
    before = await t.yifa.journal.size();
    const bytes = demoPhoto(24);
    const declared = await qingxi.post('/api/v1/uploads', {
      fileName: 'a.png',
      mime: 'image/png',
      size: bytes.length,
      sha256: sha(bytes),
      holdFor: { procedure: 'penalty-case', recordId: x },
    });
    expect(declared.statusCode).toBe(404);
    expect(await t.yifa.journal.action(before)).toMatchObject({ type: 'access.denied', subject_type: 'penalty-case', subject_id: x });
    expect(await uploads()).toBe(count);

    // Who reads no penalty cases cannot list or hold a file for one: 司法所 reads none (and uploads none);
    // the information-disclosure clerk uploads, but for requests only.
    expect((await pending(await t.login('sifasuo'), x)).statusCode).toBe(403);
    const gongkai = await t.login('gongkai');
    before = await t.yifa.journal.size();
    const forCase = await gongkai.post('/api/v1/uploads', {
      fileName: 'a.png',
      mime: 'image/png',
      size: bytes.length,
      sha256: sha(bytes),
      holdFor: { procedure: 'penalty-case', recordId: x },
    });
    expect(forCase.statusCode).toBe(403);
    expect(await t.yifa.journal.action(before)).toMatchObject({ type: 'access.denied', subject_type: 'penalty-case', subject_id: x });
    expect(await uploads()).toBe(count);
    // A procedure that keeps no evidence, or none at all, is refused as input.
    const unknown = await zhifa1.post('/api/v1/uploads', {
      fileName: 'a.png',
      mime: 'image/png',
      size: bytes.length,
      sha256: sha(bytes),
      holdFor: { procedure: 'no-such-thing', recordId: x },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('不是保存证据材料的事项类型');
    expect(await uploads()).toBe(count);
  });

  it('keeps a file held when its registration is refused, and takes it off the list with the registration', async () => {
    const refused = await zhifa1.post(`/api/v1/penalty-cases/${x}/actions`, {
      type: 'penalty.add-evidence',
      payload: {
        type: 'documentary',
        title: '',
        description: '',
        collectedOn: '2026-05-11',
        source: '',
        step: null,
        file: { sha256: sha(photo) },
      },
    });
    expect(refused.statusCode).toBe(400);
    expect((await heldOf(zhifa1, x)).map((h) => h.sha256)).toContain(sha(photo));
    expect(await evidenceOf(x)).toEqual([]);

    const registered = await addEvidence(sha(photo));
    expect(registered.statusCode, registered.body).toBe(200);
    expect((await evidenceOf(x)).map((e) => e.file?.sha256)).toEqual([sha(photo)]);
    // Gone from the list; the unfinished one stays.
    expect((await heldOf(zhifa1, x)).map((h) => h.fileName)).toEqual(['未传完.png']);
  });

  it('flags a file the case already holds, refuses to register it twice with nothing changed, and discards it on record', async () => {
    const again = await upload(zhifa1, photo, 'IMG_0001.png', 'image/png', { procedure: 'penalty-case', recordId: x });
    const seq = (await zhifa1.get(`/api/v1/penalty-cases/${x}`)).json().case.evidence[0].seq as number;
    const held = (await heldOf(zhifa1, x)).find((h) => h.uploadId === again)!;
    expect(held.duplicateOf).toEqual({ seq, title: '现场照片' });

    const before = await t.yifa.journal.size();
    const twice = await addEvidence(sha(photo), '同一张照片');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'GATE_REFUSED' });
    // No article: it checks the input against the record (RECORD_CHECK).
    expect(twice.json().error.citation).toBeUndefined();
    expect(twice.json().error.message).toBe(`该文件已登记为本案证据“现场照片”（序号 ${seq}），不能重复登记；如需更正，请先撤回该项证据`);
    expect(await evidenceOf(x)).toHaveLength(1);
    expect((await heldOf(zhifa1, x)).map((h) => h.uploadId)).toContain(again);
    expect(await t.yifa.journal.size()).toBe(before);

    const discarded = await zhifa1.delete(`/api/v1/penalty-cases/${x}/evidence/pending/${again}`);
    expect(discarded.statusCode, discarded.body).toBe(204);
    expect(await t.yifa.journal.action(before)).toMatchObject({
      type: 'evidence.discard-upload',
      subject_type: 'upload',
      subject_id: again,
    });
    expect((await heldOf(zhifa1, x)).map((h) => h.uploadId)).not.toContain(again);
    // Discarded is discarded: a second time finds nothing, and the upload itself stays.
    expect((await zhifa1.delete(`/api/v1/penalty-cases/${x}/evidence/pending/${again}`)).statusCode).toBe(404);
    expect(await t.yifa.db.kysely.selectFrom('uploads').select('id').where('id', '=', again).executeTakeFirst()).toBeTruthy();
  });
});

describe.each(ENGINES)('uploads held for an information request on %s', (engine) => {
  let t: TestApp;
  let gongkai: Client;
  let fuzeren: Client;
  let id: string;
  let scan: Buffer;
  let key = 0;
  const base = () => `/api/v1/information-requests/${id}`;
  const heldOf = async (c: Client): Promise<Held[]> => {
    const res = await c.get(`${base()}/evidence/pending`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const act = (c: Client, type: string, payload: unknown) =>
    c.post(`${base()}/actions`, { type, payload }, { 'idempotency-key': `held-${engine}-${++key}` });
  const attach = (sha256: string) =>
    act(gongkai, 'information-request.attach-file', {
      type: 'application',
      title: '申请书扫描件',
      description: '纸质申请书',
      file: { sha256 },
    });
  const holdFor = () => ({ procedure: 'information-request', recordId: id });

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = () => new Date('2026-03-02T10:00:00+08:00');
    gongkai = await t.login('gongkai');
    fuzeren = await t.login('fuzeren');
    const opened = await gongkai.post('/api/v1/information-requests', {
      type: 'information-request.submit',
      payload: {
        channel: 'letter',
        receivedOn: '2026-03-02',
        applicant: { kind: 'citizen', name: '李四', idNumber: '500241199001011236', phone: '13800001234', email: null, address: null },
        description: '妙泉镇2025年农村公路建设资金使用情况',
        form: 'paper',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    id = opened.json().id;
    scan = await demoScan(5);
  }, 120_000);
  afterAll(async () => t.close());

  it('holds a scan for the clerk, registers it off the list, flags and refuses the same scan again until the item is withdrawn', async () => {
    await upload(gongkai, scan, '申请书.pdf', 'application/pdf', holdFor());
    expect(await heldOf(fuzeren)).toEqual([]);
    expect((await heldOf(gongkai)).map((h) => [h.fileName, h.verified, h.duplicateOf])).toEqual([['申请书.pdf', true, null]]);

    const first = await attach(sha(scan));
    expect(first.statusCode, first.body).toBe(200);
    const seq = first.json().evidence[0].seq as number;
    expect(await heldOf(gongkai)).toEqual([]);

    const again = await upload(gongkai, scan, '申请书（重扫）.pdf', 'application/pdf', holdFor());
    expect((await heldOf(gongkai)).map((h) => [h.uploadId, h.duplicateOf])).toEqual([[again, { seq, title: '申请书扫描件' }]]);
    const twice = await attach(sha(scan));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      `该文件已登记为本申请材料“申请书扫描件”（序号 ${seq}），不能重复登记；如需更正，请先撤回该项材料`,
    );
    expect((await gongkai.get(base())).json().evidence).toHaveLength(1);
    expect(await heldOf(gongkai)).toHaveLength(1);

    // Withdrawn, the item no longer holds the file: the scan may be registered anew.
    expect((await act(fuzeren, 'information-request.withdraw-file', { seq, reason: '扫描不清，重新扫描' })).statusCode).toBe(200);
    expect((await heldOf(gongkai))[0]!.duplicateOf).toBeNull();
    const anew = await attach(sha(scan));
    expect(anew.statusCode, anew.body).toBe(200);
    expect(await heldOf(gongkai)).toEqual([]);
  });

  it('describes the held list and the discard in the OpenAPI document, the holding in the upload', async () => {
    const doc = (await gongkai.get('/api/docs/json')).json();
    const list = doc.paths['/api/v1/information-requests/{id}/evidence/pending'].get;
    const item = list.responses['200'].content['application/json'].schema.properties.items.items;
    expect(Object.keys(item.properties)).toEqual(
      expect.arrayContaining(['uploadId', 'fileName', 'size', 'mime', 'sha256', 'uploadedAt', 'verified', 'duplicateOf']),
    );
    expect(doc.paths['/api/v1/penalty-cases/{id}/evidence/pending/{uploadId}'].delete.summary).toContain('丢弃');
    const upload = doc.paths['/api/v1/uploads'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(upload.properties.holdFor.properties)).toEqual(['procedure', 'recordId', 'intent']);
  });

  it("answers a clerk of another town 404 on the request's list, and journals the refusal", async () => {
    const qingxi = await outsider(t, 'qingxi-gongkai', ['disclosure_clerk']);
    const before = await t.yifa.journal.size();
    expect((await qingxi.get(`${base()}/evidence/pending`)).statusCode).toBe(404);
    expect(await t.yifa.journal.action(before)).toMatchObject({
      type: 'access.denied',
      subject_type: 'information-request',
      subject_id: id,
    });
  });
});
