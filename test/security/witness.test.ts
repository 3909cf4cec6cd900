/**
 * Checkpoints anchored outside the database, on both engines. A town's yifa is served on
 * a loopback port; the county's yifa witnesses it over HTTP. The attacker has the town's
 * database (and, in one test, its data directory with the signing key): the tests drop
 * the insert-only triggers as a database superuser could.
 *
 * Shown here: deleting the journal's tail together with its checkpoints passes plain
 * `journal verify` (the gap), and is caught by `verify --checkpoint` and by the witness;
 * a rewritten and re-signed history is caught by both too; the witness pins the town's
 * key; the town keeps only trusted witnesses' valid cosignatures of its own checkpoints;
 * the signing key can live outside the data directory, never readable by others.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { openYifa } from '../../src/app/root.js';
import type { Engine } from '../../src/platform/db/database.js';
import { Journal } from '../../src/journal/journal.js';
import { loadOrCreateSigningKey, signCheckpoint, signCosignature } from '../../src/journal/checkpoint.js';
import { verifyJournal } from '../../src/journal/verify-journal.js';
import { parseExternalCheckpoint, verifyAgainstExternal } from '../../src/journal/external-checkpoint.js';
import { witnessLog } from '../../src/journal/witness.js';
import { verifyCheckpointSignature, verifyConsistency, verifyCosignature } from '../../src/journal/verifier/index.js';

const run = promisify(execFile);
interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the yifa command; resolves with its exit code whatever it is. */
async function yifaCli(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return run(process.execPath, ['bin/yifa.mjs', ...args], { env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: Ran) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** The environment under which the CLI is the same installation as `t`. */
function envOf(t: TestApp): NodeJS.ProcessEnv {
  return {
    ...process.env,
    YIFA_DATA_DIR: t.config.dataDir,
    DATABASE_URL: t.config.databaseUrl ?? '',
    YIFA_JOURNAL_ORIGIN: t.config.journalOrigin,
    YIFA_TRUSTED_WITNESSES: t.config.trustedWitnessesFile ?? '',
    YIFA_SIGNING_KEY_FILE: '',
  };
}

/** What a database superuser can do: take away the triggers that make the journal insert-only. */
async function dropJournalGuards(t: TestApp, engine: Engine) {
  const k = t.yifa.db.kysely;
  for (const table of ['actions', 'checkpoints']) {
    if (engine === 'sqlite') {
      await sql`drop trigger ${sql.id(`${table}_refuse_update`)}`.execute(k);
      await sql`drop trigger ${sql.id(`${table}_refuse_delete`)}`.execute(k);
    } else {
      await sql`drop trigger ${sql.id(`${table}_refuse_change`)} on ${sql.id(table)}`.execute(k);
    }
  }
}

/** Deletes every action from `keep` on and every checkpoint above it, as one who wants it unnoticed would. */
async function deleteTail(t: TestApp, engine: Engine, keep: number) {
  await dropJournalGuards(t, engine);
  await sql`delete from actions where seq >= ${keep}`.execute(t.yifa.db.kysely);
  await sql`delete from checkpoints where size > ${keep}`.execute(t.yifa.db.kysely);
}

async function appendSome(journal: Journal, n: number, text = '第') {
  for (let i = 0; i < n; i++)
    await journal.record({
      type: 'test.note',
      actor: { userId: 'u1', role: 'officer', agencyId: 'a1' },
      payload: { i, text: `${text}${i}条` },
    });
}

async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

const TOWN = 'miaoquan.test/journal';
/** Tests that run the CLI several times or start more instances (each CLI run compiles the sources) */
const SLOW = 180_000;
const COUNTY = 'xiushan.test/journal';

describe.each(ENGINES)('checkpoints anchored outside the database (%s)', (engine) => {
  let tmp: string;
  let town: TestApp;
  let county: TestApp;
  let townUrl: string;
  let countyUrl: string;
  /** Size of the town's checkpoint before the last one (a plausible place for a deleted tail to stop) */
  let earlier: number;

  beforeEach(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'yifa-witness-'));
    const trustFile = join(tmp, 'trusted-witnesses.pem');
    town = await startTestApp(engine, { config: { journalOrigin: TOWN, trustedWitnessesFile: trustFile } });
    county = await startTestApp(engine, { config: { journalOrigin: COUNTY } });
    writeFileSync(trustFile, `# 秀山县司法局\n${county.yifa.journal.publicKeyPem}`);
    [townUrl, countyUrl] = await Promise.all([listen(town), listen(county)]);
    await appendSome(town.yifa.journal, 20);
    earlier = (await town.yifa.journal.checkpoint())!.size;
    await appendSome(town.yifa.journal, 20);
    await town.yifa.journal.checkpoint();
  });
  afterEach(async () => {
    await Promise.all([town.close(), county.close()]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'a deleted tail with its checkpoints passes plain verify, but not verify --checkpoint, and the witness raises an alert',
    async () => {
      const saved = (await town.anonymous().get('/api/v1/journal/checkpoint')).json();
      const savedFile = join(tmp, 'saved-checkpoint.json');
      writeFileSync(savedFile, JSON.stringify(saved));
      expect((await witnessLog(county.yifa.db, county.yifa.journal, townUrl)).outcome).toBe('cosigned');
      await appendSome(town.yifa.journal, 10);
      const grown = (await town.yifa.journal.checkpoint())!;
      const again = await yifaCli(['journal', 'witness', townUrl], envOf(county));
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).checkpoint.size).toBe(grown.size);

      const keep = earlier + 5;
      await deleteTail(town, engine, keep);

      // The gap: the latest checkpoint left in the database matches what is left of the journal.
      const plain = await yifaCli(['journal', 'verify'], envOf(town));
      expect(plain.code, plain.stderr).toBe(0);
      expect(JSON.parse(plain.stdout)).toMatchObject({ ok: true, actions: keep, latestCheckpoint: { size: earlier } });

      const fromFile = await yifaCli(['journal', 'verify', '--checkpoint', savedFile], envOf(town));
      expect(fromFile.code).toBe(1);
      expect(fromFile.stderr).toContain(`日志只有 ${keep} 条，但外部检查点承诺了 ${saved.size} 条 — 日志尾部被删除`);
      expect(JSON.parse(fromFile.stdout).problem).toMatchObject({ kind: 'external-truncated', seq: keep });

      // The county keeps what it witnessed and serves it: the town can verify against it by URL.
      const witnessedUrl = `${countyUrl}/api/v1/journal/witnessed?origin=${encodeURIComponent(TOWN)}`;
      const fromWitness = await yifaCli(['journal', 'verify', '--checkpoint', witnessedUrl], envOf(town));
      expect(fromWitness.code).toBe(1);
      expect(fromWitness.stderr).toContain(`日志只有 ${keep} 条，但外部检查点承诺了 ${grown.size} 条`);

      const witnessed = await yifaCli(['journal', 'witness', townUrl], envOf(county));
      expect(witnessed.code).toBe(1);
      expect(witnessed.stderr).toContain(`规模从 ${grown.size} 条降为 ${keep} 条 — 日志尾部被删除或回滚`);
      expect(JSON.parse(witnessed.stdout).alert).toMatchObject({ kind: 'size-decreased', origin: TOWN });

      const journaled = await county.yifa.db.kysely.selectFrom('actions').selectAll().where('type', '=', 'journal.witness.alert').execute();
      expect(journaled).toHaveLength(1);
      expect(JSON.parse(journaled[0]!.payload)).toMatchObject({ kind: 'size-decreased', origin: TOWN, url: townUrl });
      const view = (await (await county.login('admin')).get('/api/v1/journal/witness')).json();
      expect(view.witnessing).toHaveLength(1);
      expect(view.witnessing[0]).toMatchObject({
        origin: TOWN,
        status: 'alert',
        latest: { size: grown.size },
        lastAlert: { kind: 'size-decreased' },
      });
      expect(view.alerts[0]).toMatchObject({ kind: 'size-decreased', origin: TOWN });
      // The county's own journal, with the alert in it, still verifies.
      expect(await verifyJournal(county.yifa.db, county.yifa.journal.publicKeyPem)).toMatchObject({ ok: true });
    },
    SLOW,
  );

  it('a rewritten history re-signed with the key from the data directory passes plain verify, not the saved checkpoint or the witness', async () => {
    const saved = parseExternalCheckpoint(JSON.stringify((await town.anonymous().get('/api/v1/journal/checkpoint')).json()), 'saved');
    expect((await witnessLog(county.yifa.db, county.yifa.journal, townUrl)).outcome).toBe('cosigned');

    await deleteTail(town, engine, earlier);
    // The attacker appends another history with the signing key found in the data directory and signs it.
    const forger = new Journal(town.yifa.db, loadOrCreateSigningKey(town.config.dataDir), TOWN, town.yifa.clock);
    await appendSome(forger, 30, '伪造');
    const forged = (await forger.checkpoint())!;
    expect(forged.size).toBeGreaterThan(saved.size);
    expect(await verifyJournal(town.yifa.db, town.yifa.journal.publicKeyPem)).toMatchObject({
      ok: true,
      actions: forged.size,
      uncheckpointed: 0,
    });

    const r = await verifyAgainstExternal(town.yifa.journal, saved);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ kind: 'external-mismatch' });
    expect(r.problem!.message).toContain(`前 ${saved.size} 条的根哈希与外部检查点不符`);

    const w = await witnessLog(county.yifa.db, county.yifa.journal, townUrl);
    expect(w).toMatchObject({ outcome: 'alert', kind: 'inconsistent', origin: TOWN });
    const alert = await county.yifa.db.kysely.selectFrom('witness_alerts').selectAll().executeTakeFirstOrThrow();
    // The evidence keeps both signed checkpoints and the proof that failed.
    const evidence = JSON.parse(alert.evidence);
    expect(evidence.seen.size).toBe(saved.size);
    expect(evidence.claimed.body).toBe(forged.body);
    expect(evidence.proof.length).toBeGreaterThan(0);
  });

  it(
    'cosigns, pushes the cosignature, and the town lists who witnessed it; the kept record verifies the town',
    async () => {
      const first = await witnessLog(county.yifa.db, county.yifa.journal, townUrl);
      if (first.outcome !== 'cosigned') throw new Error(JSON.stringify(first));
      expect(first.record).toMatchObject({
        pushed: 'accepted',
        checkpoint: { origin: TOWN },
        cosignature: { witness: { name: COUNTY, keyId: county.yifa.journal.keyId } },
      });
      const cp = first.record.checkpoint;
      expect(
        verifyCosignature(
          cp.body,
          first.record.cosignature.time,
          Buffer.from(first.record.cosignature.signature, 'base64'),
          county.yifa.journal.publicKeyPem,
        ),
      ).toBe(true);

      const townView = (await (await town.login('admin')).get('/api/v1/journal/witness')).json();
      expect(townView.trust).toMatchObject({ configured: true, witnesses: [{ keyId: county.yifa.journal.keyId, label: '秀山县司法局' }] });
      expect(townView.witnessedBy).toEqual([
        expect.objectContaining({ witnessName: COUNTY, witnessKeyId: county.yifa.journal.keyId, size: cp.size, rootHash: cp.rootHash }),
      ]);
      const stored = await town.yifa.db.kysely.selectFrom('journal_cosignatures').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(
        verifyCosignature(
          cp.body,
          Number(stored[0]!.cosign_time),
          Buffer.from(stored[0]!.signature, 'base64'),
          stored[0]!.witness_public_key_pem,
        ),
      ).toBe(true);

      // The town grows; the county checks the new checkpoint extends the one it cosigned.
      await appendSome(town.yifa.journal, 13);
      const grown = (await town.yifa.journal.checkpoint())!;
      const second = await witnessLog(county.yifa.db, county.yifa.journal, townUrl);
      expect(second).toMatchObject({ outcome: 'cosigned', record: { pushed: 'accepted', checkpoint: { size: grown.size } } });
      const countyView = (await (await county.login('admin')).get('/api/v1/journal/witness')).json();
      expect(countyView.witnessing).toEqual([
        expect.objectContaining({
          origin: TOWN,
          url: townUrl,
          keyId: town.yifa.journal.keyId,
          status: 'ok',
          latest: expect.objectContaining({ size: grown.size, pushed: 'accepted' }),
          lastAlert: null,
        }),
      ]);
      const cosigns = await county.yifa.db.kysely
        .selectFrom('actions')
        .select('payload')
        .where('type', '=', 'journal.witness.cosign')
        .orderBy('seq')
        .execute();
      expect(cosigns.map((a) => JSON.parse(a.payload).size)).toEqual([cp.size, grown.size]);
      expect(JSON.parse(cosigns[0]!.payload).pinned).toBe('first-contact');
      expect(JSON.parse(cosigns[1]!.payload).pinned).toBeNull();

      // The record the county keeps (and serves) is a checkpoint the town's journal contains.
      const served = (await county.anonymous().get(`/api/v1/journal/witnessed?origin=${encodeURIComponent(TOWN)}`)).json();
      expect(served).toMatchObject({ format: 'yifa-witnessed-checkpoint-v1', checkpoint: { size: grown.size } });
      expect(Object.keys(served).sort()).toEqual(['checkpoint', 'cosignature', 'format', 'witnessedAt']);
      const recordFile = join(tmp, 'witnessed.json');
      writeFileSync(recordFile, JSON.stringify(served));
      const ok = await yifaCli(['journal', 'verify', '--checkpoint', recordFile], envOf(town));
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, external: { size: grown.size, origin: TOWN } });
      expect((await county.anonymous().get('/api/v1/journal/witnessed?origin=nobody')).statusCode).toBe(404);
    },
    SLOW,
  );

  it('verify --checkpoint names a checkpoint of another key or origin, and stored Merkle nodes that no longer prove consistency', async () => {
    const asFile = (cp: object) => parseExternalCheckpoint(JSON.stringify(cp), 'saved.json');
    const townCp = (await town.yifa.journal.checkpoint())!;
    const countyCp = (await county.yifa.journal.checkpoint())!;
    expect((await verifyAgainstExternal(town.yifa.journal, asFile(countyCp))).problem).toMatchObject({ kind: 'external-signature' });
    const edited = { ...townCp, body: townCp.body.replace(`\n${townCp.size}\n`, `\n${townCp.size + 1}\n`) };
    expect(() => asFile(edited)).toThrow(/与其签名正文不一致/);
    expect(
      (await verifyAgainstExternal(town.yifa.journal, asFile({ body: edited.body, signature: edited.signature }))).problem,
    ).toMatchObject({ kind: 'external-signature' });
    const key = loadOrCreateSigningKey(town.config.dataDir);
    const renamed = signCheckpoint(
      key.privateKey,
      'elsewhere.test/journal',
      townCp.size,
      Buffer.from(townCp.rootHash, 'hex'),
      townCp.timestamp,
    );
    const renamedReport = await verifyAgainstExternal(
      town.yifa.journal,
      asFile({ body: renamed.body, signature: renamed.signature.toString('base64') }),
    );
    expect(renamedReport.problem).toMatchObject({ kind: 'external-origin' });
    expect(renamedReport.problem!.message).toContain(`本日志名为“${TOWN}”`);
    expect(await verifyAgainstExternal(town.yifa.journal, asFile(townCp))).toMatchObject({ ok: true, problem: null });

    // The stored subtree roots serve every proof; the rows' own hashes do not depend on them.
    await appendSome(town.yifa.journal, 13);
    await dropJournalGuards(town, engine);
    const k = town.yifa.db.kysely;
    for (const row of await k.selectFrom('actions').select(['seq', 'nodes']).where('nodes', '!=', '').execute()) {
      await k
        .updateTable('actions')
        .set({
          nodes: row.nodes
            .split(',')
            .map(() => '0'.repeat(64))
            .join(','),
        })
        .where('seq', '=', row.seq)
        .execute();
    }
    expect(await verifyJournal(town.yifa.db, town.yifa.journal.publicKeyPem)).toMatchObject({ ok: true });
    const r = await verifyAgainstExternal(town.yifa.journal, asFile(townCp));
    expect(r.problem).toMatchObject({ kind: 'external-inconsistent' });
    expect(r.problem!.message).toContain('存储的节点被改动');
  });

  it('proves consistency from any size up to a signed checkpoint', async () => {
    const cp = (await town.yifa.journal.checkpoint())!;
    const pub = town.anonymous();
    for (const from of [1, 7, earlier + 3, cp.size]) {
      const res = await pub.get(`/api/v1/journal/proofs/consistency?from=${from}&to=${cp.size}`);
      expect(res.statusCode, res.body).toBe(200);
      const { root } = await town.yifa.journal.root(from);
      const proof = res.json().proof.map((h: string) => Buffer.from(h, 'hex'));
      expect(verifyConsistency(from, cp.size, root, Buffer.from(cp.rootHash, 'hex'), proof), `from ${from}`).toBe(true);
    }
    expect((await pub.get(`/api/v1/journal/proofs/consistency?from=3&to=${cp.size - 1}`)).statusCode).toBe(404);
    expect((await pub.get(`/api/v1/journal/proofs/consistency?from=0&to=${cp.size}`)).statusCode).toBe(400);
  });

  it(
    "keeps only trusted witnesses' valid cosignatures of its own checkpoints",
    async () => {
      const stranger = await startTestApp(engine, { demo: false, config: { journalOrigin: 'stranger.test/journal' } });
      try {
        const pushed = await witnessLog(stranger.yifa.db, stranger.yifa.journal, townUrl);
        expect(pushed).toMatchObject({ outcome: 'cosigned', record: { pushed: 'refused' } });
        expect((pushed as { record: { pushMessage: string } }).record.pushMessage).toMatch(
          /^WITNESS_UNTRUSTED：.*不在本系统信任的见证方名单中/,
        );
        const cli = await yifaCli(['journal', 'witness', townUrl], envOf(stranger));
        expect(cli.code).toBe(3);
        expect(cli.stderr).toContain('见证签名未送达对方');
      } finally {
        await stranger.close();
      }

      const cp = (await town.yifa.journal.checkpoint())!;
      const time = Math.floor(Date.now() / 1000);
      const countyKey = { name: COUNTY, publicKeyPem: county.yifa.journal.publicKeyPem };
      const push = (body: object) => town.anonymous().post('/api/v1/journal/cosignatures', body);
      const good = {
        size: cp.size,
        rootHash: cp.rootHash,
        time,
        signature: county.yifa.journal.cosign(cp.body, time).toString('base64'),
        witness: countyKey,
      };

      const other = generateKeyPairSync('ed25519');
      const untrusted = await push({
        ...good,
        signature: signCosignature(other.privateKey, cp.body, time).toString('base64'),
        witness: { name: '冒名', publicKeyPem: other.publicKey.export({ format: 'pem', type: 'spki' }).toString() },
      });
      expect(untrusted.statusCode).toBe(403);
      expect(untrusted.json().error).toMatchObject({ code: 'WITNESS_UNTRUSTED' });
      expect(untrusted.json().error.message).toMatch(/不在本系统信任的见证方名单中/);

      const unknown = await push({ ...good, rootHash: '0'.repeat(64) });
      expect(unknown.statusCode).toBe(409);
      expect(unknown.json().error.code).toBe('CHECKPOINT_UNKNOWN');
      const forged = await push({ ...good, signature: signCosignature(other.privateKey, cp.body, time).toString('base64') });
      expect(forged.statusCode).toBe(422);
      expect(forged.json().error.code).toBe('SIGNATURE_INVALID');
      const shifted = await push({ ...good, time: time + 1 });
      expect(shifted.json().error?.code).toBe('SIGNATURE_INVALID');
      expect((await push({ ...good, extra: 1 })).statusCode).toBe(400);
      expect(await town.yifa.db.kysely.selectFrom('journal_cosignatures').selectAll().execute()).toHaveLength(0);

      const accepted = await push(good);
      expect(accepted.statusCode, accepted.body).toBe(201);
      expect(accepted.json()).toMatchObject({ accepted: true, size: cp.size, witnessKeyId: county.yifa.journal.keyId });
    },
    SLOW,
  );

  it(
    'pins the key at first contact and refuses a changed one, and accepting it does not excuse another history',
    async () => {
      expect((await witnessLog(county.yifa.db, county.yifa.journal, townUrl)).outcome).toBe('cosigned');
      // Someone else serves a journal under the town's name, signed with another key.
      const impostor = await startTestApp(engine, { demo: false, config: { journalOrigin: TOWN } });
      try {
        // Longer than what the county saw of the town, so only the consistency proof can tell them apart.
        await appendSome(impostor.yifa.journal, (await town.yifa.journal.size()) + 10 - (await impostor.yifa.journal.size()), '冒充');
        await impostor.yifa.journal.checkpoint();
        const impostorUrl = await listen(impostor);
        const refused = await yifaCli(['journal', 'witness', impostorUrl], envOf(county));
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`签名公钥由 ${town.yifa.journal.keyId}`);
        expect(refused.stderr).toContain(`变为 ${impostor.yifa.journal.keyId}：拒绝见证`);
        expect(JSON.parse(refused.stdout).alert.kind).toBe('key-changed');

        const accepted = await witnessLog(county.yifa.db, county.yifa.journal, impostorUrl, { acceptKeyId: impostor.yifa.journal.keyId });
        expect(accepted).toMatchObject({ outcome: 'alert', kind: 'inconsistent' });
        const pins = await county.yifa.db.kysely.selectFrom('witness_pins').selectAll().execute();
        expect(pins.map((p) => p.key_id)).toEqual([town.yifa.journal.keyId]);
      } finally {
        await impostor.close();
      }
      const alerts = await county.yifa.db.kysely
        .selectFrom('actions')
        .select('payload')
        .where('type', '=', 'journal.witness.alert')
        .orderBy('seq')
        .execute();
      expect(alerts.map((a) => JSON.parse(a.payload).kind)).toEqual(['key-changed', 'inconsistent']);
      // The town itself is still witnessed as before.
      expect((await witnessLog(county.yifa.db, county.yifa.journal, townUrl)).outcome).toBe('cosigned');
    },
    SLOW,
  );

  it('reports an unreachable log, and itself, without an alert', async () => {
    const self = await witnessLog(town.yifa.db, town.yifa.journal, `${townUrl}/`);
    expect(self).toMatchObject({ outcome: 'incomplete' });
    expect((self as { message: string }).message).toContain('本系统自己的日志');
    const gone = await startTestApp(engine, { demo: false });
    const url = await listen(gone);
    await gone.close();
    const r = await witnessLog(county.yifa.db, county.yifa.journal, url);
    expect(r).toMatchObject({ outcome: 'incomplete' });
    expect((r as { message: string }).message).toMatch(/无法连接/);
    expect(await county.yifa.db.kysely.selectFrom('witness_alerts').selectAll().execute()).toHaveLength(0);
    expect(await town.yifa.db.kysely.selectFrom('witness_pins').selectAll().execute()).toHaveLength(0);
  });
});

describe.each(ENGINES)('the signing key outside the data directory (%s)', (engine) => {
  let dataDir: string;
  let keyDir: string;
  let config: Config;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const t = await createTestDatabase(engine);
    await t.db.close();
    dataDir = t.dataDir;
    drop = async () => rmSync(dataDir, { recursive: true, force: true });
    keyDir = mkdtempSync(join(tmpdir(), 'yifa-key-'));
    config = {
      ...loadConfig({}),
      dataDir,
      databaseUrl: t.databaseUrl,
      checkpointIntervalSeconds: 0,
      signingKeyFile: join(keyDir, 'journal.pem'),
    };
  });
  afterEach(async () => {
    await drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  function writeKey(mode: number) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(config.signingKeyFile!, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode });
    chmodSync(config.signingKeyFile!, mode);
    return publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  it('is read from YIFA_SIGNING_KEY_FILE and nothing is written into the data directory', async () => {
    const publicKeyPem = writeKey(0o600);
    expect(loadConfig({ YIFA_SIGNING_KEY_FILE: 'keys/../journal.pem' }).signingKeyFile).toBe(join(process.cwd(), 'journal.pem'));
    const yifa = await openYifa(config);
    try {
      expect(yifa.journal.publicKeyPem).toBe(publicKeyPem);
      expect(existsSync(join(dataDir, 'journal-signing-key.pem'))).toBe(false);
      await yifa.journal.record({ type: 'test.note', actor: { userId: null, role: 'system', agencyId: null }, payload: {} });
      const cp = (await yifa.journal.checkpoint())!;
      expect(verifyCheckpointSignature(cp.body, Buffer.from(cp.signature, 'base64'), publicKeyPem)).toBe(true);
    } finally {
      await yifa.close();
    }
  });

  it('refuses a key file others can read, a missing one, and a copy left in the data directory', async () => {
    writeKey(0o644);
    await expect(openYifa(config)).rejects.toThrow(/权限为 644，同组或其他用户可以访问；请执行 chmod 600/);
    chmodSync(config.signingKeyFile!, 0o640);
    const cli = await yifaCli(['journal', 'checkpoint'], {
      ...process.env,
      YIFA_DATA_DIR: dataDir,
      DATABASE_URL: config.databaseUrl ?? '',
      YIFA_SIGNING_KEY_FILE: config.signingKeyFile,
    });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('权限为 640');
    await expect(openYifa({ ...config, signingKeyFile: join(keyDir, 'absent.pem') })).rejects.toThrow(/签名密钥文件 .*absent\.pem 不存在/);
    chmodSync(config.signingKeyFile!, 0o600);
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'journal-signing-key.pem'), 'a copy', { mode: 0o600 });
    await expect(openYifa(config)).rejects.toThrow(/数据目录中仍有签名密钥/);
  });
});
