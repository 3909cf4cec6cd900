/**
 * Evidence in a case, on both engines: an uploaded video linked to the inspection record,
 * played with Range requests, downloaded, each access in its chain of custody; the hash in
 * the exported case file; a user without access cannot reach it; a file not uploaded cannot be linked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { demoPhoto } from '../../src/modules/evidence/demo.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1'), randomBytes(500_000)]);
const party = {
  kind: 'organisation',
  name: '秀山县某某建材有限公司',
  idNumber: '91500241MA5U00000K',
  address: '秀山县妙泉镇某某村3组',
  phone: null,
  representative: '王某某',
};

describe.each(ENGINES)('evidence in a case on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let caseId: string;
  let officers: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    officers = [
      (await zhifa1.get('/api/v1/session')).json().user.personId,
      (await (await t.login('zhifa2')).get('/api/v1/session')).json().user.personId,
    ];
    t.yifa.clock.source = () => new Date('2026-05-11T10:00:00+08:00');
    caseId = (
      await zhifa1.post('/api/v1/penalty-cases', {
        type: 'penalty.register',
        payload: { source: { kind: 'patrol', summary: '巡查发现未批先建', receivedOn: '2026-05-11' }, party, field: '综合行政执法' },
      })
    ).json().id;
    await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.request-filing',
      payload: { violationTypeId: 'illegal-building', actOn: '2026-05-01', seriousHarm: false, officers, summary: '未批先建' },
    });
    await fuzeren.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.approve',
      payload: { kind: 'filing', opinion: '同意' },
    });
    await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.record-inspection',
      payload: { on: '2026-05-11', place: '某某村3组', officers, subject: '王某某', summary: '现场有在建厂房' },
    });
  });
  afterAll(async () => t.close());

  const evidence = (file: { sha256: string } | undefined) => ({
    type: 'audiovisual',
    title: '现场检查执法记录仪视频',
    description: '现场检查全过程',
    collectedOn: '2026-05-11',
    source: '执法记录仪 MQ-01',
    step: 3,
    ...(file ? { file } : {}),
    recording: {
      recorder: 'MQ-01',
      startedAt: '2026-05-11T09:10:00+08:00',
      endedAt: '2026-05-11T09:40:00+08:00',
      scene: 'inspection',
      place: '某某村3组',
      gps: { lat: 28.45, lng: 108.99 },
      officers,
    },
  });

  it('links an uploaded recording to its step, plays it by ranges, and records each access', async () => {
    // Not uploaded yet: refused, nothing added.
    const early = await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.add-evidence',
      payload: evidence({ sha256: sha(video) }),
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('尚未上传完成');
    const noFile = await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.add-evidence',
      payload: evidence(undefined),
    });
    expect(noFile.json().error.citation).toContain('第四十七条');

    const up = (
      await zhifa1.post('/api/v1/uploads', {
        fileName: 'MQ-01_20260511_0910.mp4',
        mime: 'video/mp4',
        size: video.length,
        sha256: sha(video),
      })
    ).json();
    await zhifa1.patch(`/api/v1/uploads/${up.id}`, video, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' });
    const linked = await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.add-evidence',
      payload: evidence({ sha256: sha(video) }),
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const item = linked.json().case.evidence.at(-1);
    expect(item.file).toEqual({ sha256: sha(video), size: video.length, mime: 'video/mp4', fileName: 'MQ-01_20260511_0910.mp4' });
    expect(item.recording.scene).toBe('inspection');

    const url = `/api/v1/penalty-cases/${caseId}/evidence/${item.seq}/content`;
    const part = await zhifa1.request('GET', url, undefined, { range: 'bytes=1000-1999' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${video.length}`);
    expect(part.rawPayload).toEqual(video.subarray(1000, 2000));
    const seek = await zhifa1.request('GET', url, undefined, { range: 'bytes=400000-' });
    expect(seek.rawPayload).toEqual(video.subarray(400000));
    expect((await zhifa1.request('GET', url, undefined, { range: `bytes=${video.length}-` })).statusCode).toBe(416);
    const whole = await zhifa1.get(`${url}?download=1`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-disposition']).toMatch(/^attachment/);
    expect(sha(whole.rawPayload)).toBe(sha(video));

    const custody = (await fuzeren.get(`/api/v1/penalty-cases/${caseId}/evidence/${item.seq}/custody`)).json();
    expect(custody.integrity).toBe('present');
    // Linked, then one playback entry (seeks within ten minutes are one viewing), then the download.
    expect(custody.events.map((e: { type: string }) => e.type)).toEqual(['penalty.add-evidence', 'evidence.stream', 'evidence.download']);
    expect(custody.events[0].actorName).toMatch(/[\u4e00-\u9fa5]/);

    // A user without access to penalty cases (司法所) cannot reach the file.
    const other = await t.login('sifasuo');
    expect((await other.get(url)).statusCode).toBe(403);

    // The case file names the evidence file by its hash, and the linking action is proven.
    const zip = unzipSync((await zhifa1.get(`/api/v1/penalty-cases/${caseId}/case-file`)).rawPayload);
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!));
    expect(manifest.evidence).toEqual([
      expect.objectContaining({ sha256: sha(video), size: video.length, title: '现场检查执法记录仪视频' }),
    ]);
    const proofs = JSON.parse(strFromU8(zip['journal/proofs.json']!)).proofs as { action: { type: string; payload: string } }[];
    expect(
      (await fuzeren.get(`/api/v1/penalty-cases/${caseId}/evidence/${item.seq}/custody`))
        .json()
        .events.map((e: { type: string }) => e.type),
    ).toContain('penalty.case-file.export');
    expect(proofs.some((p) => p.action.type === 'penalty.add-evidence' && JSON.parse(p.action.payload).file?.sha256 === sha(video))).toBe(
      true,
    );
  });

  it('shows which required recordings a case lacks, and the coverage per agency and month', async () => {
    let view = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}`)).json();
    expect(view.recordings).toEqual([expect.objectContaining({ scene: 'inspection', step: 3, covered: true })]);
    const url = '/api/v1/enforcement/recording-coverage?from=2026-05&to=2026-05';
    const jiandu = await t.login('jiandu');
    expect((await jiandu.get(url)).json().total).toMatchObject({ cases: 1, complete: 1, share: 1, stepsMissing: 0 });

    // A second inspection, not recorded: the case lacks one recording and the month's share falls.
    await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.record-inspection',
      payload: { on: '2026-05-11', place: '某某村3组', officers, subject: '王某某', summary: '复查' },
    });
    view = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}`)).json();
    expect(view.recordings.map((r: { covered: boolean }) => r.covered)).toEqual([true, false]);
    const coverage = (await jiandu.get(url)).json();
    expect(coverage.total).toMatchObject({ cases: 1, complete: 0, share: 0, stepsRequired: 2, stepsMissing: 1 });

    // Withdrawing the video (the head, with a reason) leaves it on record but it no longer covers the inspection.
    const videoSeq = view.case.evidence.find((e: { file?: { mime: string } }) => e.file?.mime === 'video/mp4').seq;
    expect(
      (
        await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
          type: 'penalty.withdraw-evidence',
          payload: { seq: videoSeq, reason: '录错案件' },
        })
      ).statusCode,
    ).toBe(403);
    const withdrawn = await fuzeren.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.withdraw-evidence',
      payload: { seq: videoSeq, reason: '录错案件' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().recordings.map((r: { covered: boolean }) => r.covered)).toEqual([false, false]);
    expect(
      (
        await fuzeren.post(`/api/v1/penalty-cases/${caseId}/actions`, {
          type: 'penalty.withdraw-evidence',
          payload: { seq: videoSeq, reason: '再撤' },
        })
      ).statusCode,
    ).toBe(409);
    const custody = (await fuzeren.get(`/api/v1/penalty-cases/${caseId}/evidence/${videoSeq}/custody`)).json();
    expect(custody.events.map((e: { type: string }) => e.type).at(-1)).toBe('penalty.withdraw-evidence');
    expect(coverage.rows[0]).toMatchObject({ agencyName: '秀山县妙泉镇人民政府', month: '2026-05' });
    expect((await jiandu.get('/api/v1/enforcement/recording-coverage?from=2026-13&to=2026-05')).statusCode).toBe(400);
    expect((await jiandu.get('/api/v1/enforcement/recording-coverage?from=2026-06&to=2026-05')).json().error.message).toContain('起始月份');
  });

  it('purges an upload never linked after 90 days, keeps the held ones, and keeps every hash and custody record', async () => {
    const stray = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2_000)]);
    t.yifa.clock.source = () => new Date('2026-05-12T10:00:00+08:00');
    const up = (
      await zhifa1.post('/api/v1/uploads', { fileName: '误传照片.jpg', mime: 'image/jpeg', size: stray.length, sha256: sha(stray) })
    ).json();
    expect(
      (
        await zhifa1.patch(`/api/v1/uploads/${up.id}`, stray, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' })
      ).json().completed,
    ).toBe(true);
    const { purgeEvidence } = await import('../../src/modules/evidence/purge.js');
    t.yifa.clock.source = () => new Date('2026-08-20T10:00:00+08:00');
    const dry = await purgeEvidence(t.yifa, { dryRun: true });
    expect(dry.purged.map((p) => p.sha256)).toEqual([sha(stray)]);
    expect(await t.yifa.blobs.size(sha(stray))).toBe(stray.length);
    const done = await purgeEvidence(t.yifa, { dryRun: false });
    expect(done.purged).toEqual([{ sha256: sha(stray), fileNames: ['误传照片.jpg'], cases: [] }]);
    expect(done.kept).toBeGreaterThanOrEqual(1); // the video of the open case is held
    expect(await t.yifa.blobs.size(sha(stray))).toBeNull();
    expect(await t.yifa.blobs.size(sha(video))).toBe(video.length);
    const record = await t.yifa.db.kysely.selectFrom('actions').select(['type', 'payload']).where('subject_id', '=', sha(stray)).execute();
    expect(record.map((r) => r.type)).toEqual(['evidence.purge']);
    const { verifyEvidence } = await import('../../src/modules/evidence/verify.js');
    expect((await verifyEvidence(t.yifa)).ok).toBe(true); // a purged file is not "missing"
  });

  it('masks rectangles of a photo into a redacted copy, keeping the original as it was', async () => {
    t.yifa.clock.source = () => new Date('2026-05-11T11:00:00+08:00');
    const link = async (bytes: Buffer, name: string, mime: string) => {
      const up = (await zhifa1.post('/api/v1/uploads', { fileName: name, mime, size: bytes.length, sha256: sha(bytes) })).json();
      await zhifa1.patch(`/api/v1/uploads/${up.id}`, bytes, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' });
      const res = await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        type: 'penalty.add-evidence',
        payload: {
          type: 'documentary',
          title: name,
          description: '现场照片',
          collectedOn: '2026-05-11',
          source: '执法人员拍摄',
          file: { sha256: sha(bytes) },
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().case.evidence.at(-1).seq as number;
    };
    const photo = demoPhoto(7);
    const seq = await link(photo, '现场照片.png', 'image/png');
    const url = `/api/v1/penalty-cases/${caseId}/evidence/${seq}/redactions`;
    expect((await zhifa1.post(url, { rects: [{ x: 10, y: 10, w: 5, h: 5 }], reason: '' })).statusCode).toBe(400);
    expect((await zhifa1.post(url, { rects: [{ x: 400, y: 10, w: 5, h: 5 }], reason: '遮盖无关人员面部' })).json().error.message).toContain(
      '超出图片范围',
    );
    const made = await zhifa1.post(url, { rects: [{ x: 100, y: 50, w: 40, h: 30 }], reason: '遮盖无关人员面部' });
    expect(made.statusCode, made.body).toBe(201);
    const derivative = made.json().derivative.sha256 as string;
    expect(derivative).not.toBe(sha(photo));

    const copy = PNG.sync.read((await zhifa1.get(`${url}/${derivative}`)).rawPayload);
    const original = PNG.sync.read(photo);
    const px = (img: PNG, x: number, y: number) => [...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3)];
    expect(px(copy, 110, 60)).toEqual([0, 0, 0]);
    expect(px(copy, 139, 79)).toEqual([0, 0, 0]);
    expect(px(copy, 140, 80)).toEqual(px(original, 140, 80));
    expect(px(copy, 5, 5)).toEqual(px(original, 5, 5));
    // The original is untouched, and the custody record says who masked it, why and from what.
    expect(sha((await zhifa1.get(`/api/v1/penalty-cases/${caseId}/evidence/${seq}/content?download=1`)).rawPayload)).toBe(sha(photo));
    const listed = (await fuzeren.get(url)).json().items;
    expect(listed).toEqual([
      expect.objectContaining({ original: sha(photo), derivative, reason: '遮盖无关人员面部', rects: [{ x: 100, y: 50, w: 40, h: 30 }] }),
    ]);
    const custody = (await fuzeren.get(`/api/v1/penalty-cases/${caseId}/evidence/${seq}/custody`)).json();
    expect(custody.events.map((e: { type: string }) => e.type)).toContain('evidence.redact');

    // JPEG too; a video cannot be masked here.
    const raw = { width: 64, height: 48, data: Buffer.alloc(64 * 48 * 4, 200) };
    const jpg = Buffer.from(jpeg.encode(raw, 90).data);
    const jseq = await link(jpg, '扫描页.jpg', 'image/jpeg');
    const jmade = await zhifa1.post(`/api/v1/penalty-cases/${caseId}/evidence/${jseq}/redactions`, {
      rects: [{ x: 0, y: 0, w: 32, h: 48 }],
      reason: '遮盖身份证号',
    });
    expect(jmade.statusCode, jmade.body).toBe(201);
    const decoded = jpeg.decode(
      (await zhifa1.get(`/api/v1/penalty-cases/${caseId}/evidence/${jseq}/redactions/${jmade.json().derivative.sha256}`)).rawPayload,
    );
    expect(decoded.data[(10 * 64 + 10) * 4]).toBeLessThan(20);
    expect(decoded.data[(10 * 64 + 50) * 4]).toBeGreaterThan(180);
    const videoSeq = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}`))
      .json()
      .case.evidence.find((e: { file?: { mime: string } }) => e.file?.mime === 'video/mp4').seq;
    expect(
      (
        await zhifa1.post(`/api/v1/penalty-cases/${caseId}/evidence/${videoSeq}/redactions`, {
          rects: [{ x: 0, y: 0, w: 1, h: 1 }],
          reason: '测试遮盖',
        })
      ).statusCode,
    ).toBe(415);
  });

  it('shares one item with a court through an expiring link; the grant and each fetch are in its custody', async () => {
    t.yifa.clock.source = () => new Date('2026-05-12T10:00:00+08:00');
    const item = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}`))
      .json()
      .case.evidence.find((e: { file?: { mime: string }; withdrawn?: unknown }) => e.file?.mime === 'image/png' && !e.withdrawn);
    const url = `/api/v1/penalty-cases/${caseId}/evidence/${item.seq}/shares`;
    expect((await zhifa1.post(url, { recipient: '秀山县人民法院', purpose: '行政诉讼举证', days: 31 })).statusCode).toBe(400);
    const made = await zhifa1.post(url, { recipient: '秀山县人民法院', purpose: '行政诉讼举证', days: 7 });
    expect(made.statusCode, made.body).toBe(201);
    const link = made.json().path as string;
    const anon = t.anonymous();
    const got = await anon.get(link);
    expect(got.statusCode).toBe(200);
    expect(sha(got.rawPayload)).toBe(item.file.sha256);
    expect((await anon.get(`/api/v1/shared-evidence/${'x'.repeat(43)}`)).statusCode).toBe(404);
    const custody = (await fuzeren.get(`/api/v1/penalty-cases/${caseId}/evidence/${item.seq}/custody`)).json();
    expect(custody.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['evidence.share', 'evidence.shared-access']),
    );
    t.yifa.clock.source = () => new Date('2026-05-20T10:00:00+08:00');
    const expired = await anon.get(link);
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.message).toContain('已于 2026-05-19 过期');
  });

  it('revokes a share link before it expires: later fetches are refused, the revocation is in the custody', async () => {
    t.yifa.clock.source = () => new Date('2026-05-21T10:00:00+08:00');
    const item = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}`))
      .json()
      .case.evidence.find((e: { file?: { mime: string }; withdrawn?: unknown }) => e.file?.mime === 'image/png' && !e.withdrawn);
    const base = `/api/v1/penalty-cases/${caseId}/evidence/${item.seq}/shares`;
    const made = (await zhifa1.post(base, { recipient: '秀山县司法局', purpose: '行政复议', days: 7 })).json();
    const anon = t.anonymous();
    expect((await anon.get(made.path)).statusCode).toBe(200);
    expect((await zhifa1.post(`${base}/${made.id}/revoke`, { reason: '' })).statusCode).toBe(400);
    const revoked = await zhifa1.post(`${base}/${made.id}/revoke`, { reason: '复议申请已撤回' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await anon.get(made.path);
    expect(after.statusCode).toBe(404);
    expect(after.json().error.message).toContain('被撤销');
    expect((await zhifa1.post(`${base}/${made.id}/revoke`, { reason: '再次撤销' })).statusCode).toBe(409);
    const list = (await fuzeren.get(base)).json().items as { id: string; state: string }[];
    expect(list.find((x) => x.id === made.id)!.state).toBe('revoked');
    expect(JSON.stringify(list)).not.toMatch(/token/);
    const custody = (await fuzeren.get(`/api/v1/penalty-cases/${caseId}/evidence/${item.seq}/custody`)).json();
    expect(custody.events.map((e: { type: string }) => e.type)).toContain('evidence.share-revoke');
  });

  it('downloads a file under an extension that matches its bytes, whatever name it was uploaded with', async () => {
    const photo = Buffer.from(jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 200), width: 16, height: 16 }, 80).data);
    const up = (
      await zhifa1.post('/api/v1/uploads', { fileName: '现场照片.html', mime: 'image/jpeg', size: photo.length, sha256: sha(photo) })
    ).json();
    await zhifa1.patch(`/api/v1/uploads/${up.id}`, photo, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' });
    const linked = await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
      type: 'penalty.add-evidence',
      payload: {
        type: 'documentary',
        title: '现场照片',
        description: '厂房外观',
        collectedOn: '2026-05-11',
        source: '执法人员拍摄',
        file: { sha256: sha(photo) },
      },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const seq = linked.json().case.evidence.at(-1).seq;
    const got = await zhifa1.get(`/api/v1/penalty-cases/${caseId}/evidence/${seq}/content?download=1`);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(decodeURIComponent(String(got.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('现场照片.jpg');
  });

  it('refuses text with control characters or lone surrogates in any field, journals the refusal and stores nothing', async () => {
    const before = (await zhifa1.get(`/api/v1/penalty-cases/${caseId}`)).json().case.evidence.length;
    const size = await t.yifa.journal.size();
    const bad = await zhifa1.request(
      'POST',
      `/api/v1/penalty-cases/${caseId}/actions`,
      '{"type":"penalty.record-inspection","payload":{"on":"2026-05-11","place":"某某村\\ud800","officers":[],"subject":"x","summary":"y"}}',
      { 'content-type': 'application/json' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.json().error.message).toMatch(/payload\.place .*代理字符/);
    const nul = await zhifa1.post('/api/v1/uploads', { fileName: 'a\u202Egpj.exe', mime: 'image/jpeg', size: 10, sha256: '0'.repeat(64) });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.message).toMatch(/fileName .*U\+202E/);
    const ctl = await zhifa1.get('/api/v1/penalty-cases?q=%01abc');
    expect(ctl.statusCode).toBe(400);
    expect((await zhifa1.get(`/api/v1/penalty-cases/${caseId}`)).json().case.evidence.length).toBe(before);
    const journaled = await t.yifa.db.kysely.selectFrom('actions').select(['type', 'payload']).where('seq', '>=', size).execute();
    expect(journaled.map((a) => a.type)).toEqual(['input.refused', 'input.refused', 'input.refused']);
  });
});
