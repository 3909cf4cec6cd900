/**
 * Resumable evidence uploads through the API, on both engines: chunks at offsets, a resume
 * after a wrong offset, verification of hash and type before the file counts, and refusals
 * that leave nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A small but real-looking MP4: an ftyp box, then media bytes. */
const mp4 = (n: number) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1'), randomBytes(n)]);
const CHUNK = { 'content-type': 'application/offset+octet-stream' };
const stored = (t: TestApp) =>
  readdirSync(join(t.config.dataDir, 'blobs', 'objects'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
const staging = (t: TestApp) => readdirSync(join(t.config.dataDir, 'blobs', 'staging')).length;

describe.each(ENGINES)('evidence uploads on %s', (engine) => {
  let t: TestApp;
  let officer: Client;
  let other: Client;
  beforeAll(async () => {
    t = await startTestApp(engine);
    officer = await t.login('zhifa1');
    other = await t.login('zhifa2');
  });
  afterAll(async () => t.close());

  const begin = (c: Client, file: Buffer, extra: Record<string, unknown> = {}) =>
    c.post('/api/v1/uploads', { fileName: '现场检查视频.mp4', mime: 'video/mp4', size: file.length, sha256: sha(file), ...extra });
  const chunk = (c: Client, id: string, offset: number, bytes: Buffer) =>
    c.patch(`/api/v1/uploads/${id}`, bytes, { ...CHUNK, 'upload-offset': String(offset) });

  it('takes a file in chunks, resumes at the offset it reached, and counts it only when hash and type check out', async () => {
    const file = mp4(200_000);
    const created = await begin(officer, file);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await chunk(officer, id, 0, file.subarray(0, 70_000))).json()).toMatchObject({ offset: 70_000, completed: false });
    const wrong = await chunk(officer, id, 50_000, file.subarray(50_000));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error).toMatchObject({ code: 'UPLOAD_OFFSET_MISMATCH', details: { offset: 70_000 } });
    expect((await officer.get(`/api/v1/uploads/${id}`)).json().offset).toBe(70_000);
    expect(stored(t)).toBe(0);
    const done = await chunk(officer, id, 70_000, file.subarray(70_000));
    expect(done.json()).toMatchObject({ offset: file.length, completed: true, mime: 'video/mp4', sha256: sha(file) });
    expect(stored(t)).toBe(1);
    expect(staging(t)).toBe(0);
    const journal = await t.yifa.db.kysely.selectFrom('actions').select(['type', 'payload']).where('subject_id', '=', id).execute();
    expect(journal.map((a) => a.type)).toEqual(['evidence.upload']);
    expect(JSON.parse(journal[0]!.payload).sha256).toBe(sha(file));
    expect((await chunk(officer, id, file.length, Buffer.from('x'))).statusCode).toBe(409);

    // The same content again is stored once.
    const again = (await begin(officer, file)).json().id;
    expect((await chunk(officer, again, 0, file)).json().completed).toBe(true);
    expect(stored(t)).toBe(1);
  });

  it('refuses a hash mismatch, a file that is not what it claims, and bytes beyond the declared size, keeping nothing', async () => {
    const before = stored(t);
    const file = mp4(10_000);
    const damaged = Buffer.from(file);
    damaged[5_000] = damaged[5_000]! ^ 0xff;
    const a = (await begin(officer, file)).json().id;
    const mismatch = await chunk(officer, a, 0, damaged);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('HASH_MISMATCH');
    expect(mismatch.json().error.message).toMatch(/SHA-256/);

    const page = Buffer.from('<html><script>alert(1)</script></html>');
    const b = (await begin(officer, page, { fileName: 'photo.jpg', mime: 'image/jpeg' })).json().id;
    const fake = await chunk(officer, b, 0, page);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const c = (await begin(officer, file)).json().id;
    const over = await chunk(officer, c, 0, Buffer.concat([file, Buffer.from('extra')]));
    expect(over.statusCode).toBe(413);
    expect(stored(t)).toBe(before);
    expect(staging(t)).toBe(0);
  });

  it('validates what is declared, and keeps each upload to its owner', async () => {
    const file = mp4(100);
    for (const [extra, status] of [
      [{ fileName: '../../etc/passwd' }, 400],
      [{ fileName: 'x'.repeat(201) }, 400],
      [{ mime: 'application/x-msdownload' }, 400],
      [{ size: 0 }, 400],
      [{ sha256: 'abc' }, 400],
      [{ size: t.config.uploadMaxBytes + 1 }, 413],
      [{ unknown: 1 }, 400],
    ] as const) {
      const res = await begin(officer, file, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const id = (await begin(officer, file)).json().id;
    expect((await other.get(`/api/v1/uploads/${id}`)).statusCode).toBe(404);
    expect((await chunk(other, id, 0, file)).statusCode).toBe(404);
    const denied = await t.yifa.db.kysely.selectFrom('actions').select('type').where('subject_id', '=', id).execute();
    expect(denied.map((a) => a.type)).toContain('access.denied');
    const json = await officer.patch(`/api/v1/uploads/${id}`, { bytes: 'x' }, { 'upload-offset': '0' });
    expect(json.statusCode).toBe(415);
    expect(
      (await (await t.login('jiandu')).post('/api/v1/uploads', { fileName: 'a.mp4', mime: 'video/mp4', size: 1, sha256: sha(file) }))
        .statusCode,
    ).toBe(403);
  });

  it('yifa evidence verify passes on intact files and names one whose byte was flipped', async () => {
    const file = mp4(50_000);
    const id = (await begin(officer, file, { fileName: '翻转测试.mp4' })).json().id;
    expect((await chunk(officer, id, 0, file)).json().completed).toBe(true);
    const env = { ...process.env, YIFA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
    const run = promisify(execFile);
    const good = JSON.parse((await run(process.execPath, ['bin/yifa.mjs', 'evidence', 'verify'], { env })).stdout);
    expect(good).toMatchObject({ ok: true, problems: [] });
    expect(good.checked).toBeGreaterThanOrEqual(2);

    const path = join(t.config.dataDir, 'blobs', 'objects', sha(file).slice(0, 2), sha(file).slice(2, 4), sha(file));
    const bytes = readFileSync(path);
    bytes[40_000] = bytes[40_000]! ^ 0x01;
    writeFileSync(path, bytes);
    const bad = (await run(process.execPath, ['bin/yifa.mjs', 'evidence', 'verify'], { env }).catch((e) => e)) as {
      code: number;
      stderr: string;
      stdout: string;
    };
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('证据文件已被改动：翻转测试.mp4');
    expect(JSON.parse(bad.stdout).problems).toEqual([{ sha256: sha(file), integrity: 'altered', fileNames: ['翻转测试.mp4'] }]);
    // The result is on record for the supervisor's dashboard; a town officer sees only the count.
    const seen = (await (await t.login('jiandu')).get('/api/v1/evidence/integrity')).json().latest;
    expect(seen).toMatchObject({ ok: false, via: 'cli', problemCount: 1, problems: [{ sha256: sha(file), integrity: 'altered' }] });
    expect((await officer.get('/api/v1/evidence/integrity')).json().latest).toMatchObject({ ok: false, problemCount: 1, problems: [] });
  });
});
