/**
 * The journal end to end on both engines: idempotent actions, signed checkpoints,
 * proofs checked by the independent verifier, and `journal verify` catching a changed,
 * deleted, reordered or truncated row (the tests drop the insert-only triggers to play
 * the attacker, as someone with direct access to the database file could).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { verifyJournal } from '../../src/journal/verify-journal.js';
import { verifyConsistency, verifyInclusion, verifyCheckpointSignature, parseCheckpointBody } from '../../src/journal/verifier/index.js';
import type { Engine } from '../../src/platform/db/database.js';

const run = promisify(execFile);

async function dropGuards(t: TestApp, engine: Engine) {
  const k = t.yifa.db.kysely;
  if (engine === 'sqlite') {
    await sql`drop trigger actions_refuse_update`.execute(k);
    await sql`drop trigger actions_refuse_delete`.execute(k);
  } else {
    await sql`drop trigger actions_refuse_change on actions`.execute(k);
  }
}

async function appendSome(t: TestApp, n: number) {
  for (let i = 0; i < n; i++)
    await t.yifa.journal.record({
      type: 'test.note',
      actor: { userId: 'u1', role: 'officer', agencyId: 'a1' },
      payload: { i, text: `第${i}条` },
    });
}

describe.each(ENGINES)('journal on %s', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(engine, { demo: false });
    await appendSome(t, 40);
    await t.yifa.journal.checkpoint();
  });
  afterEach(async () => t.close());

  it('keeps the signing key private (mode 0600) and serves it with the checkpoint', async () => {
    expect(statSync(join(t.config.dataDir, 'journal-signing-key.pem')).mode & 0o777).toBe(0o600);
    const pub = t.anonymous();
    const key = (await pub.get('/api/v1/journal/public-key')).json();
    const cp = (await pub.get('/api/v1/journal/checkpoint')).json();
    expect(cp.size).toBe(await t.yifa.journal.size());
    expect(verifyCheckpointSignature(cp.body, Buffer.from(cp.signature, 'base64'), key.publicKeyPem)).toBe(true);
    expect(parseCheckpointBody(cp.body).size).toBe(cp.size);
  });

  it('serves inclusion and consistency proofs that the independent verifier accepts', async () => {
    const pub = t.anonymous();
    const first = (await pub.get('/api/v1/journal/checkpoint')).json();
    await appendSome(t, 23);
    await t.yifa.journal.checkpoint();
    const second = (await pub.get('/api/v1/journal/checkpoint')).json();
    expect(second.size).toBe(first.size + 23);
    for (const seq of [0, 1, 17, first.size, second.size - 1]) {
      const p = (await pub.get(`/api/v1/journal/proofs/inclusion?seq=${seq}&size=${second.size}`)).json();
      const ok = verifyInclusion(
        Buffer.from(p.leafHash, 'hex'),
        seq,
        second.size,
        p.proof.map((h: string) => Buffer.from(h, 'hex')),
        Buffer.from(second.rootHash, 'hex'),
      );
      expect(ok, `seq ${seq}`).toBe(true);
    }
    const c = (await pub.get(`/api/v1/journal/proofs/consistency?from=${first.size}&to=${second.size}`)).json();
    expect(
      verifyConsistency(
        first.size,
        second.size,
        Buffer.from(first.rootHash, 'hex'),
        Buffer.from(second.rootHash, 'hex'),
        c.proof.map((h: string) => Buffer.from(h, 'hex')),
      ),
    ).toBe(true);
    expect((await pub.get('/api/v1/journal/proofs/inclusion?seq=99999')).statusCode).toBe(400);
  });

  it('keeps positions gapless when other processes append to the same database at the same time', async () => {
    const env = { ...process.env, YIFA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
    let running = true;
    const others = Promise.all(
      ['a', 'b'].map((name) => run(process.execPath, ['bin/run-ts.mjs', 'test/helpers/append-process.ts', name, '60'], { env })),
    ).finally(() => {
      running = false;
    });
    // This server keeps appending for as long as the other two do.
    let here = 0;
    while (running) {
      await t.yifa.journal.record({
        type: 'test.two-servers',
        actor: { userId: 'here', role: 'officer', agencyId: null },
        payload: { i: here++ },
      });
      await new Promise((r) => setTimeout(r, 2));
    }
    await others;
    await t.yifa.journal.record({
      type: 'test.two-servers',
      actor: { userId: 'here', role: 'officer', agencyId: null },
      payload: { last: true },
    });
    await t.yifa.journal.checkpoint();
    const r = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    expect(r).toMatchObject({ ok: true, uncheckpointed: 0 });
    const mine = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['actor_user_id', 'seq'])
      .where('type', '=', 'test.two-servers')
      .orderBy('seq')
      .execute();
    expect(mine.filter((a) => a.actor_user_id === 'a')).toHaveLength(60);
    expect(mine.filter((a) => a.actor_user_id === 'b')).toHaveLength(60);
    // The writers really interleaved: this server appended between the others' actions.
    const firstOther = mine.findIndex((a) => a.actor_user_id !== 'here');
    const lastOther = mine.length - 1 - [...mine].reverse().findIndex((a) => a.actor_user_id !== 'here');
    expect(mine.slice(firstOther, lastOther).some((a) => a.actor_user_id === 'here')).toBe(true);
  });

  it('keeps positions gapless under concurrent appends in one process, some built on an append that never commits', async () => {
    // Three requests per idempotency key at once: on PostgreSQL two of them build their
    // leaf, lose on the key when they insert, roll back and replay the first.
    const actor = { userId: 'u-concurrent', role: 'officer', agencyId: null };
    const before = await t.yifa.journal.size();
    const done = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.yifa.journal.perform({ type: 'test.concurrent', actor, idempotencyKey: `k${i % 20}`, payload: { n: i % 20 } }, async () => ({
          n: i % 20,
        })),
      ),
    );
    expect(done.filter((d) => !d.replayed)).toHaveLength(20);
    expect(new Set(done.map((d) => d.action.seq)).size).toBe(20);
    await appendSome(t, 5);
    await t.yifa.journal.checkpoint();
    expect(await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem)).toMatchObject({
      ok: true,
      actions: before + 20 + 5,
      uncheckpointed: 0,
      problem: null,
    });
  });

  it('passes verification when nothing was touched', async () => {
    const r = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    // 40 notes and the calendar seed.
    expect(r).toMatchObject({ ok: true, actions: 41, problem: null, uncheckpointed: 0 });
  });

  it('names a changed row', async () => {
    await dropGuards(t, engine);
    await sql`update actions set payload = ${'{"i":7,"text":"改过"}'} where seq = 7`.execute(t.yifa.db.kysely);
    const r = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    expect(r.problem).toMatchObject({ seq: 7, kind: 'changed' });
  });

  it('names a changed row whose stored hash was recomputed too, through the signed root', async () => {
    await dropGuards(t, engine);
    const { actionLeafHash } = await import('../../src/journal/verifier/index.js');
    const row = await t.yifa.db.kysely.selectFrom('actions').selectAll().where('seq', '=', 12).executeTakeFirstOrThrow();
    const forged = { ...row, payload: '{"i":12,"text":"伪造"}' };
    await sql`update actions set payload = ${forged.payload}, leaf_hash = ${actionLeafHash(forged).toString('hex')} where seq = 12`.execute(
      t.yifa.db.kysely,
    );
    const r = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    expect(r.ok).toBe(false);
    expect(r.problem?.kind).toBe('checkpoint-mismatch');
    expect(r.problem!.seq).toBeLessThanOrEqual(12);
  });

  it('names a deleted row', async () => {
    await dropGuards(t, engine);
    await sql`delete from actions where seq = 20`.execute(t.yifa.db.kysely);
    const r = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    expect(r.problem).toMatchObject({ seq: 20, kind: 'missing' });
  });

  it('verifies in parallel worker threads, slice by slice, with the same findings', async () => {
    // Checkpoints inside blocks, on block boundaries and at the end; blocks of 4 leaves.
    for (const n of [3, 5, 2, 6]) {
      await appendSome(t, n);
      await t.yifa.journal.checkpoint();
    }
    const sliced = { threads: 3, blockSize: 4 };
    expect(await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem, sliced)).toMatchObject({ ok: true, actions: 57, checkpoints: 5 });
    await dropGuards(t, engine);
    const { actionLeafHash } = await import('../../src/journal/verifier/index.js');
    const row = await t.yifa.db.kysely.selectFrom('actions').selectAll().where('seq', '=', 44).executeTakeFirstOrThrow();
    const forged = { ...row, payload: '{"i":44,"text":"伪造"}' };
    await sql`update actions set payload = ${forged.payload}, leaf_hash = ${actionLeafHash(forged).toString('hex')} where seq = 44`.execute(
      t.yifa.db.kysely,
    );
    const forgedReport = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem, sliced);
    expect(forgedReport.problem).toMatchObject({ kind: 'checkpoint-mismatch', seq: 44 });
    await sql`update actions set payload = ${'{"i":30}'} where seq = 30`.execute(t.yifa.db.kysely);
    await sql`delete from actions where seq = 9`.execute(t.yifa.db.kysely);
    expect((await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem, sliced)).problem).toMatchObject({ seq: 9, kind: 'missing' });
  });

  it('names reordered rows', async () => {
    await dropGuards(t, engine);
    const k = t.yifa.db.kysely;
    // Swap rows 5 and 6 (positions and all): each now sits at the other's position.
    await sql`update actions set seq = 1000000 where seq = 5`.execute(k);
    await sql`update actions set seq = 5 where seq = 6`.execute(k);
    await sql`update actions set seq = 6 where seq = 1000000`.execute(k);
    const r = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    expect(r.problem).toMatchObject({ seq: 5, kind: 'changed' });
  });

  it('names a truncated tail', async () => {
    await dropGuards(t, engine);
    await sql`delete from actions where seq >= 33`.execute(t.yifa.db.kysely);
    const r = await verifyJournal(t.yifa.db, t.yifa.journal.publicKeyPem);
    expect(r.problem).toMatchObject({ seq: 33, kind: 'truncated' });
  });

  it('yifa journal verify exits 0 on a sound journal and non-zero naming the first bad entry', async () => {
    const env = { ...process.env, YIFA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
    const ok = await run(process.execPath, ['bin/yifa.mjs', 'journal', 'verify'], { env });
    expect(JSON.parse(ok.stdout).ok).toBe(true);
    await dropGuards(t, engine);
    await sql`update actions set type = 'forged' where seq = 3`.execute(t.yifa.db.kysely);
    const bad = await run(process.execPath, ['bin/yifa.mjs', 'journal', 'verify'], { env }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(JSON.parse(bad!.stdout).problem.seq).toBe(3);
    expect(bad!.stderr).toMatch(/第 3 条/);
  });
});
