/**
 * Evidence of a procedure other than the penalty case, on both engines: the clerk attaches
 * the scan of an information request's letter through the kit's attaching action — a
 * verified upload of her own is required — and the evidence module serves it under the
 * request's path, with the request's read permission and scope: playback with Range,
 * custody from the request's journal, withdrawal by the head, redaction, a share link, the
 * case file's manifest, and retention until the reply's file period has run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { demoPhoto, demoScan } from '../../src/modules/evidence/demo.js';
import { purgeEvidence } from '../../src/modules/evidence/purge.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const at = (instant: string) => () => new Date(instant);
const STRONG = 'Xq7#pLm2-Vt9wRz';
const CHUNK = { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' };

describe.each(ENGINES)('evidence of an information request on %s', (engine) => {
  let t: TestApp;
  let gongkai: Client;
  let fuzeren: Client;
  let id: string;
  let scan: Buffer;
  let photo: Buffer;
  let key = 0;
  const base = () => `/api/v1/information-requests/${id}`;
  const act = (c: Client, type: string, payload: unknown) =>
    c.post(`${base()}/actions`, { type, payload }, { 'idempotency-key': `ire-${engine}-${++key}` });
  /** Declares a file as `c` and, unless `finish` is false, sends its bytes (the server verifies them). */
  const upload = async (c: Client, bytes: Buffer, fileName: string, mime: string, finish = true) => {
    const up = (await c.post('/api/v1/uploads', { fileName, mime, size: bytes.length, sha256: sha(bytes) })).json();
    if (finish) expect((await c.patch(`/api/v1/uploads/${up.id}`, bytes, CHUNK)).json().completed).toBe(true);
    return sha(bytes);
  };
  const attachment = (sha256: string, title = '申请书扫描件') => ({
    type: 'application',
    title,
    description: '纸质申请书及身份证复印件',
    file: { sha256 },
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-03-02T10:00:00+08:00');
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
    scan = await demoScan(3);
    photo = demoPhoto(11);
  }, 120_000);
  afterAll(async () => t.close());

  it('attaches only a verified upload of the clerk herself, by its hash', async () => {
    // Declared but not sent: not verified, refused, nothing attached.
    const unfinished = await upload(gongkai, scan, '申请书.pdf', 'application/pdf', false);
    const early = await act(gongkai, 'information-request.attach-file', attachment(unfinished));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('材料文件尚未上传完成或不是您上传的');
    // The head's upload of the same bytes is not the clerk's.
    const heads = await upload(fuzeren, scan, '申请书.pdf', 'application/pdf');
    expect((await act(gongkai, 'information-request.attach-file', attachment(heads))).statusCode).toBe(409);
    // A file is required (an attachment is its file), named by a hash.
    const bare = await act(gongkai, 'information-request.attach-file', { ...attachment(heads), file: undefined });
    expect(bare.statusCode).toBe(400);
    // Only the clerk attaches.
    expect((await act(fuzeren, 'information-request.attach-file', attachment(heads))).statusCode).toBe(403);

    await upload(gongkai, scan, '申请书.pdf', 'application/pdf');
    const linked = await act(gongkai, 'information-request.attach-file', attachment(sha(scan)));
    expect(linked.statusCode, linked.body).toBe(200);
    const item = linked.json().evidence.at(-1);
    expect(item).toMatchObject({ type: 'application', title: '申请书扫描件' });
    expect(item.file).toEqual({ sha256: sha(scan), size: scan.length, mime: 'application/pdf', fileName: '申请书.pdf' });
    expect(linked.json().record.evidence).toEqual([item]);
    // The link is written with the action: which record of which procedure holds the file.
    const links = await t.yifa.db.kysely.selectFrom('procedure_files').selectAll().where('sha256', '=', sha(scan)).execute();
    expect(links).toEqual([{ sha256: sha(scan), subject_type: 'information-request', subject_id: id, seq: item.seq }]);
  });

  it('plays the file by ranges under the request, and keeps its custody from the request journal', async () => {
    const seq = (await gongkai.get(base())).json().evidence[0].seq as number;
    const url = `${base()}/evidence/${seq}/content`;
    const part = await gongkai.request('GET', url, undefined, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${scan.length}`);
    expect(part.rawPayload).toEqual(scan.subarray(100, 200));
    expect((await gongkai.request('GET', url, undefined, { range: `bytes=${scan.length}-` })).statusCode).toBe(416);
    const whole = await gongkai.get(`${url}?download=1`);
    expect(whole.headers['content-disposition']).toMatch(/^attachment/);
    expect(sha(whole.rawPayload)).toBe(sha(scan));

    // Supervision reads requests, so it reads their files too; whoever reads no requests does not.
    const jiandu = await t.login('jiandu');
    expect((await jiandu.get(url)).statusCode).toBe(200);
    expect((await (await t.login('zhifa1')).get(url)).statusCode).toBe(403);

    const custody = (await gongkai.get(`${base()}/evidence/${seq}/custody`)).json();
    expect(custody.integrity).toBe('present');
    expect(custody.events.map((e: { type: string }) => e.type)).toEqual([
      'information-request.attach-file',
      'evidence.stream',
      'evidence.download',
      'evidence.stream',
    ]);
    expect(custody.events[0]).toMatchObject({ link: 'attach', actorName: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it("answers a reader outside the request's scope 404, and journals the refusal", async () => {
    const admin = await t.login('admin');
    const people = (await admin.get('/api/v1/people?limit=200')).json().items as {
      id: string;
      agencyId: string;
      regionId: string;
      agencyName: string;
    }[];
    const other = people.find((p) => p.agencyName === '秀山县清溪场镇人民政府')!;
    const made = await admin.post('/api/v1/users', {
      username: 'qingxi-gongkai',
      displayName: '清溪场镇政务公开',
      password: STRONG,
      personId: other.id,
      agencyId: other.agencyId,
      regionId: other.regionId,
      dataScope: 'level',
      roles: ['disclosure_clerk'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const outsider = await t.login('qingxi-gongkai', STRONG);
    const seq = (await gongkai.get(base())).json().evidence[0].seq as number;
    for (const path of ['content', 'custody', 'shares', 'redactions']) {
      const before = await t.yifa.journal.size();
      const res = await outsider.get(`${base()}/evidence/${seq}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(await t.yifa.journal.action(before)).toMatchObject({
        type: 'access.denied',
        subject_type: 'information-request',
        subject_id: id,
      });
    }
  });

  it('withdraws an item by the head: it stays, marked, and can no longer be shared', async () => {
    const seq = (await gongkai.get(base())).json().evidence[0].seq as number;
    expect((await act(gongkai, 'information-request.withdraw-file', { seq, reason: '扫描不清，重新扫描' })).statusCode).toBe(403);
    const missing = await act(fuzeren, 'information-request.withdraw-file', { seq: 999, reason: '扫描不清' });
    expect(missing.json().error.message).toBe('本申请没有这项材料');
    const withdrawn = await act(fuzeren, 'information-request.withdraw-file', { seq, reason: '扫描不清，重新扫描' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().evidence[0].withdrawn).toEqual({ on: '2026-03-02', reason: '扫描不清，重新扫描' });
    // Nothing left to withdraw: no longer offered, and refused as not now.
    const again = await act(fuzeren, 'information-request.withdraw-file', { seq, reason: '再撤' });
    expect([again.statusCode, again.json().error.code, again.json().error.message]).toEqual([409, 'CONFLICT', '本申请没有可撤回的材料']);
    const custody = (await gongkai.get(`${base()}/evidence/${seq}/custody`)).json();
    expect(custody.events.at(-1)).toMatchObject({ type: 'information-request.withdraw-file', link: 'withdraw' });
    const share = await gongkai.post(`${base()}/evidence/${seq}/shares`, { recipient: '秀山县人民法院', purpose: '行政诉讼举证', days: 7 });
    expect(share.statusCode).toBe(409);
    expect(share.json().error.message).toBe('已撤回的材料不能共享');
  });

  it('redacts and shares a photo with the clerk, lists the files in the case file, and proves the attaching actions', async () => {
    await upload(gongkai, photo, '身份证复印件.png', 'image/png');
    const attached = await act(gongkai, 'information-request.attach-file', attachment(sha(photo), '身份证复印件'));
    const seq = attached.json().evidence.at(-1).seq as number;
    const item = `${base()}/evidence/${seq}`;
    // Supervision reads but does not handle the files.
    const jiandu = await t.login('jiandu');
    expect((await jiandu.post(`${item}/redactions`, { rects: [{ x: 1, y: 1, w: 5, h: 5 }], reason: '遮盖身份证号' })).statusCode).toBe(403);
    const redacted = await gongkai.post(`${item}/redactions`, { rects: [{ x: 20, y: 20, w: 60, h: 20 }], reason: '遮盖身份证号' });
    expect(redacted.statusCode, redacted.body).toBe(201);
    const derivative = redacted.json().derivative.sha256 as string;
    expect((await gongkai.get(`${item}/redactions`)).json().items).toHaveLength(1);
    expect(
      await t.yifa.db.kysely
        .selectFrom('procedure_files')
        .select(['subject_type', 'subject_id', 'seq'])
        .where('sha256', '=', derivative)
        .execute(),
    ).toEqual([{ subject_type: 'information-request', subject_id: id, seq }]);

    const share = await gongkai.post(`${item}/shares`, { recipient: '秀山县人民法院', purpose: '行政诉讼举证', days: 7 });
    expect(share.statusCode, share.body).toBe(201);
    const shared = await t.anonymous().get(share.json().path);
    expect(sha(shared.rawPayload)).toBe(sha(photo));
    expect((await gongkai.get(`${item}/shares`)).json().items).toEqual([expect.objectContaining({ state: 'active' })]);
    expect((await gongkai.get(`${item}/custody`)).json().events.map((e: { type: string }) => e.type)).toEqual([
      'information-request.attach-file',
      'evidence.redact',
      'evidence.share',
      'evidence.shared-access',
    ]);

    const zip = unzipSync((await gongkai.get(`${base()}/case-file`)).rawPayload);
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!));
    expect(manifest.evidence).toEqual([
      expect.objectContaining({ sha256: sha(scan), title: '申请书扫描件', withdrawn: expect.anything() }),
      expect.objectContaining({ sha256: sha(photo), size: photo.length, title: '身份证复印件' }),
    ]);
    const proofs = JSON.parse(strFromU8(zip['journal/proofs.json']!)).proofs as { action: { type: string; payload: string } }[];
    for (const file of [scan, photo])
      expect(
        proofs.some((p) => p.action.type === 'information-request.attach-file' && JSON.parse(p.action.payload).file.sha256 === sha(file)),
      ).toBe(true);
  });

  it("keeps the request's files while it is open and for its file period after the reply, then purges them", async () => {
    const holders = async (on: string) => {
      t.yifa.clock.source = at(`${on}T10:00:00+08:00`);
      const report = await purgeEvidence(t.yifa, { dryRun: true });
      return report.purged.filter((p) => p.cases.includes(id)).map((p) => p.sha256);
    };
    // Open: held, however late.
    expect(await holders('2040-01-01')).toEqual([]);
    t.yifa.clock.source = at('2026-03-20T10:00:00+08:00');
    gongkai = await t.login('gongkai'); // a session lasts a working day, on the installation's clock
    const replied = await act(gongkai, 'information-request.reply', {
      on: '2026-03-20',
      type: 'disclose',
      text: '所申请信息见附件。',
      ground: null,
      referTo: null,
      publicInterest: null,
    });
    expect(replied.statusCode, replied.body).toBe(200);
    // Ten years from the reply (the file's 保管期限), then purgeable: the original, the photo and its redacted copy.
    expect(await holders('2036-03-20')).toEqual([]);
    const due = await holders('2036-03-21');
    expect(due).toHaveLength(3);
    expect(due).toContain(sha(scan));
    // A purge keeps the hash and the custody: the file answers that it was purged.
    const done = await purgeEvidence(t.yifa, { dryRun: false });
    expect(done.purged.find((p) => p.sha256 === sha(scan))?.cases).toEqual([id]);
    gongkai = await t.login('gongkai');
    const seq = (await gongkai.get(base())).json().evidence[0].seq as number;
    const content = await gongkai.get(`${base()}/evidence/${seq}/content`);
    expect(content.statusCode).toBe(404);
    expect(content.json().error.message).toContain('按保存期限清除');
  });
});
