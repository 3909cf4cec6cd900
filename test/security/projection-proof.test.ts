/**
 * Penalty-case rows proven against the journal, on the demo year of cases: a fine changed
 * directly in a row's state (and, in a second case, re-hashed so the row agrees with
 * itself) is refused by the case page, the decision DOCX, the case-file export and any
 * action, with one integrity alert that supervisors see, and `yifa journal verify` names
 * both cases; untouched cases still render, every case is the fold of its journal, a
 * legacy case (journaled before stateHash) is proven by replay and sealed by its next
 * action, and concurrent actions on one case are not mistaken for tampering.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { canonicalJson } from '../../src/journal/canonical.js';
import { sha256Hex, stateHashOf, ALERT_INTERVAL_MS } from '../../src/journal/projection.js';
import {
  verifyProjections,
  verifyProjectionsAndRecord,
  startProjectionVerifyTimer,
  PROJECTION_CHECK_SUBJECT,
} from '../../src/journal/verify-projections.js';
import { loadConfig } from '../../src/platform/config.js';
import { penaltyCaseReplayer, stateColumns } from '../../src/modules/enforcement/projection.js';
import { replayCase } from '../../src/modules/enforcement/service/cases.js';
import { PENALTY_PROCEDURE, emptyCase } from '../../src/modules/enforcement/workflow.js';
import { applyAction } from '../../src/procedure/decide.js';
import { waitingColumns } from '../../src/procedure/waiting.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { searchGrams } from '../../src/platform/search/grams.js';
import { addDays } from '../../src/calendar/legal-date.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';

const run = promisify(execFile);

interface Row {
  id: string;
  state: string;
  state_hash: string | null;
  action_count: number;
  region_path: string;
  status: string;
  fine_fen: number;
}

describe.each(ENGINES)('penalty-case projections proven against the journal on %s', (engine) => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;
  let fuzeren: Client;
  let jiandu: Client;
  const rows = async (): Promise<Row[]> =>
    (await t.yifa.db.kysely
      .selectFrom('penalty_cases')
      .select(['id', 'state', 'state_hash', 'action_count', 'region_path', 'status', 'fine_fen'])
      .orderBy('id')
      .execute()) as Row[];
  const rowOf = async (id: string) => (await rows()).find((r) => r.id === id)!;
  const stateActions = (id: string) =>
    t.yifa.db.kysely
      .selectFrom('actions')
      .select(['seq', 'result'])
      .where('subject_type', '=', 'penalty-case')
      .where('subject_id', '=', id)
      .where('type', 'like', 'penalty.%')
      .where('type', 'not in', ['penalty.document.open', 'penalty.case-file.export'])
      .orderBy('seq')
      .execute();
  const alertsOf = (id: string) =>
    t.yifa.db.kysely
      .selectFrom('actions')
      .selectAll()
      .where('type', '=', 'integrity.projection-mismatch')
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute();
  const cli = (...args: string[]) =>
    run(process.execPath, ['bin/yifa.mjs', ...args], { env }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    t = await startTestApp(engine, { cases: true });
    env = { ...process.env, YIFA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
    fuzeren = await t.login('fuzeren');
    jiandu = await t.login('jiandu');
  }, 180_000);
  afterAll(async () => t.close());

  it('makes every demo case the fold of its journal, sealed with the hash its last action recorded', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const row of all) {
      const replayed = await replayCase(t.yifa, row.id);
      expect(replayed, row.id).toEqual(JSON.parse(row.state));
      // The row stores the canonical JSON its hash covers, and that hash is the last action's.
      expect(row.state).toBe(canonicalJson(replayed));
      expect(row.state_hash).toBe(stateHashOf(replayed));
      const actions = await stateActions(row.id);
      expect(JSON.parse(actions.at(-1)!.result!)).toMatchObject({ stateHash: row.state_hash, position: actions.length - 1 });
      expect(Number(row.action_count)).toBe(actions.length);
    }
    const report = await verifyProjections(t.yifa.db, [penaltyCaseReplayer(t.yifa.db.kysely)], { batch: 7 });
    expect(report).toMatchObject({ ok: true, records: all.length, unsealed: 0, problemCount: 0 });
    const verified = await cli('journal', 'verify');
    expect(verified.code, verified.stderr).toBe(0);
    // The command proves every procedure's records: these cases and the demo's information requests and petitions.
    const requests = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select('id')
      .where('procedure', 'in', ['information-request', 'petition'])
      .execute();
    expect(JSON.parse(verified.stdout).projections).toMatchObject({ ok: true, records: all.length + requests.length });
  });

  it('refuses the case page, the decision, the case file and actions of a case whose fine was changed in the database, and alerts once', async () => {
    const decided = (await rows()).filter((r) => {
      const c = JSON.parse(r.state) as PenaltyCase;
      return c.procedure === 'general' && (c.decision?.fineFen ?? 0) > 0;
    });
    const executing = decided.find((r) => r.status === 'executing')!;
    const [selfConsistent, untouched] = decided.filter((r) => r !== executing);
    expect(executing && selfConsistent && untouched).toBeTruthy();

    // The untouched case's decision renders, with its fine.
    const good = await fuzeren.get(`/api/v1/penalty-cases/${untouched!.id}/documents/decision/docx`);
    expect(good.statusCode, good.body).toBe(200);
    const fineOf = (r: Row) => (JSON.parse(r.state) as PenaltyCase).decision!.fineFen;

    // Case 1: the fine in the state JSON, as someone with database access would edit it.
    const tampered = JSON.parse(executing.state) as PenaltyCase;
    tampered.decision!.fineFen = fineOf(executing) * 10;
    await t.yifa.db.kysely
      .updateTable('penalty_cases')
      .set({ state: JSON.stringify(tampered) })
      .where('id', '=', executing.id)
      .execute();
    // Case 2: the same, with state_hash recomputed so that the row agrees with itself.
    const second = JSON.parse(selfConsistent!.state) as PenaltyCase;
    second.decision!.fineFen = 100;
    await t.yifa.db.kysely
      .updateTable('penalty_cases')
      .set({ state: canonicalJson(second), state_hash: sha256Hex(canonicalJson(second)) })
      .where('id', '=', selfConsistent!.id)
      .execute();

    for (const [row, kind] of [
      [executing, 'state-altered'],
      [selfConsistent!, 'hash-mismatch'],
    ] as const) {
      const before = await rowOf(row.id);
      const actionsBefore = (await stateActions(row.id)).length;
      const counters = await t.yifa.db.kysely.selectFrom('document_counters').selectAll().execute();

      const page = await fuzeren.get(`/api/v1/penalty-cases/${row.id}`);
      expect(page.statusCode).toBe(500);
      expect(page.json().error).toMatchObject({ code: 'INTEGRITY_ERROR', details: { kind, id: row.id } });
      expect(page.json().error.message).toContain(`行政处罚案件 ${row.id}`);
      expect(page.json().error.message).toContain('操作日志');

      const docx = await fuzeren.get(`/api/v1/penalty-cases/${row.id}/documents/decision/docx`);
      expect(docx.statusCode).toBe(500);
      expect(docx.headers['content-type']).not.toContain('wordprocessingml');
      expect(docx.json().error.code).toBe('INTEGRITY_ERROR');
      const print = await fuzeren.get(`/api/v1/penalty-cases/${row.id}/documents/decision`);
      expect(print.json().error.code).toBe('INTEGRITY_ERROR');

      const file = await fuzeren.get(`/api/v1/penalty-cases/${row.id}/case-file`);
      expect(file.statusCode).toBe(500);
      expect(file.headers['content-type']).not.toContain('zip');

      // An action would otherwise record the changed state under a new stateHash.
      const payment = await fuzeren.post(
        `/api/v1/penalty-cases/${row.id}/actions`,
        { type: 'penalty.record-payment', payload: { on: t.yifa.clock.today(), amountFen: 100, receipt: '缴款书 No.1' } },
        { 'idempotency-key': randomUUID() },
      );
      expect(payment.statusCode).toBe(500);
      expect(payment.json().error.code).toBe('INTEGRITY_ERROR');
      expect(await rowOf(row.id)).toEqual(before);
      expect(await stateActions(row.id)).toHaveLength(actionsBefore);
      expect(await t.yifa.db.kysely.selectFrom('document_counters').selectAll().execute()).toEqual(counters);

      // One alert for all those requests, on the case, in the region the journal gives it.
      const alerts = await alertsOf(row.id);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]!.region_path).toBe(row.region_path);
      expect(JSON.parse(alerts[0]!.payload)).toMatchObject({ kind, id: row.id, via: 'request' });
    }
    // The county's supervisor sees the alerts in the journal.
    const seen = (await jiandu.get('/api/v1/journal/actions?type=integrity.projection-mismatch&limit=50'))
      .json()
      .items.map((a: { subject: { id: string } }) => a.subject.id);
    expect(seen).toEqual(expect.arrayContaining([executing.id, selfConsistent!.id]));

    // The untouched case still renders, its fine unchanged in the document.
    const again = await fuzeren.get(`/api/v1/penalty-cases/${untouched!.id}`);
    expect(again.statusCode).toBe(200);
    expect(docxText((await fuzeren.get(`/api/v1/penalty-cases/${untouched!.id}/documents/decision/docx`)).rawPayload)).toBe(
      docxText(good.rawPayload),
    );

    // yifa journal verify exits 1 naming both cases and what differs.
    const verified = await cli('journal', 'verify');
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`行政处罚案件 ${executing.id}`);
    expect(verified.stderr).toContain(`decision.fineFen：日志为 ${fineOf(executing)}，数据库中为 ${fineOf(executing) * 10}`);
    expect(verified.stderr).toContain(`行政处罚案件 ${selfConsistent!.id}：状态数据及其哈希都与操作日志重放的结果不符`);
    expect(verified.stderr).toContain(`decision.fineFen：日志为 ${fineOf(selfConsistent!)}，数据库中为 100`);
    const printed = JSON.parse(verified.stdout);
    expect(printed.ok).toBe(false);
    expect(printed.projections.problems.map((p: { id: string }) => p.id).sort()).toEqual([executing.id, selfConsistent!.id].sort());

    // The command-line export refuses too, and writes nothing.
    const out = join(t.config.dataDir, 'tampered.zip');
    const exported = await cli('export', 'case', executing.id, '--out', out);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('操作日志');
    expect(existsSync(out)).toBe(false);

    // The scheduled check records its result and alerts (the CLI export above alerted from its own process).
    const t0 = t.yifa.clock.source;
    t.yifa.clock.source = () => new Date(Date.now() + ALERT_INTERVAL_MS + 60_000);
    try {
      const scheduled = await verifyProjectionsAndRecord(t.yifa.journal, [penaltyCaseReplayer(t.yifa.db.kysely)], 'schedule');
      expect(scheduled).toMatchObject({ ok: false, problemCount: 2 });
    } finally {
      t.yifa.clock.source = t0;
    }
    const recorded = await t.yifa.db.kysely
      .selectFrom('actions')
      .select('payload')
      .where('subject_type', '=', PROJECTION_CHECK_SUBJECT.type)
      .where('subject_id', '=', PROJECTION_CHECK_SUBJECT.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(recorded.payload)).toMatchObject({ via: 'schedule', ok: false, problemCount: 2 });
    expect((await alertsOf(executing.id)).map((a) => JSON.parse(a.payload).via)).toEqual(['request', 'cli', 'schedule']);

    // Put back as they were, the cases prove again.
    for (const r of [executing, selfConsistent!])
      await t.yifa.db.kysely
        .updateTable('penalty_cases')
        .set({ state: r.state, state_hash: r.state_hash })
        .where('id', '=', r.id)
        .execute();
    expect((await fuzeren.get(`/api/v1/penalty-cases/${executing.id}`)).statusCode).toBe(200);
  });

  it('finds a changed list column, a deleted case and a changed action count on replay', async () => {
    const [a, b] = (await rows()).filter((r) => r.status === 'archived');
    const c = (await rows()).find((r) => r.id !== a!.id && r.id !== b!.id && r.status !== 'investigating');
    await t.yifa.db.kysely.updateTable('penalty_cases').set({ fine_fen: 1 }).where('id', '=', a!.id).execute();
    // The case's row among every procedure's, which the 工作台 reads: reopened by hand.
    await t.yifa.db.kysely.updateTable('procedure_cases').set({ status: 'investigating' }).where('id', '=', c!.id).execute();
    await t.yifa.db.kysely
      .updateTable('penalty_cases')
      .set({ action_count: Number(b!.action_count) + 5 })
      .where('id', '=', b!.id)
      .execute();
    try {
      const report = await verifyProjections(t.yifa.db, [penaltyCaseReplayer(t.yifa.db.kysely)], { batch: 5 });
      const byId = new Map(report.problems.map((p) => [p.id, p]));
      expect(byId.get(a!.id)).toMatchObject({ kind: 'column-mismatch' });
      expect(byId.get(a!.id)!.message).toContain('fine_fen：状态数据为');
      expect(byId.get(b!.id)).toMatchObject({ kind: 'count-mismatch' });
      expect(byId.get(c!.id)).toMatchObject({ kind: 'column-mismatch' });
      expect(byId.get(c!.id)!.message).toContain('common_status：状态数据为');
      // The page reads the proven state, not the list column; the changed count refuses.
      expect((await fuzeren.get(`/api/v1/penalty-cases/${a!.id}`)).statusCode).toBe(200);
      expect((await fuzeren.get(`/api/v1/penalty-cases/${b!.id}`)).json().error).toMatchObject({
        code: 'INTEGRITY_ERROR',
        details: { kind: 'count-mismatch' },
      });
    } finally {
      await t.yifa.db.kysely.updateTable('penalty_cases').set({ fine_fen: a!.fine_fen }).where('id', '=', a!.id).execute();
      await t.yifa.db.kysely.updateTable('penalty_cases').set({ action_count: b!.action_count }).where('id', '=', b!.id).execute();
      await t.yifa.db.kysely.updateTable('procedure_cases').set({ status: c!.status }).where('id', '=', c!.id).execute();
    }
    // A case opened in the journal whose row is gone (its links first, as a deleter must).
    const victim = (await rows()).find((r) => r.status === 'registered')!;
    const linked = ['evidence_shares', 'penalty_case_officers'] as const;
    const saved = await Promise.all(
      linked.map((tb) => t.yifa.db.kysely.selectFrom(tb).selectAll().where('case_id', '=', victim.id).execute()),
    );
    const full = await t.yifa.db.kysely.selectFrom('penalty_cases').selectAll().where('id', '=', victim.id).executeTakeFirstOrThrow();
    for (const tb of linked) await t.yifa.db.kysely.deleteFrom(tb).where('case_id', '=', victim.id).execute();
    await t.yifa.db.kysely.deleteFrom('penalty_cases').where('id', '=', victim.id).execute();
    try {
      const report = await verifyProjections(t.yifa.db, [penaltyCaseReplayer(t.yifa.db.kysely)], { batch: 4 });
      expect(report.problems).toEqual([expect.objectContaining({ id: victim.id, kind: 'missing-row' })]);
    } finally {
      await t.yifa.db.kysely.insertInto('penalty_cases').values(full).execute();
      for (const [i, tb] of linked.entries())
        if (saved[i]!.length)
          await t.yifa.db.kysely
            .insertInto(tb)
            .values(saved[i] as never)
            .execute();
    }
    expect((await verifyProjections(t.yifa.db, [penaltyCaseReplayer(t.yifa.db.kysely)])).ok).toBe(true);
  });

  it("refuses a changed case's evidence and keeps its files from purging", async () => {
    const file = await t.yifa.db.kysely
      .selectFrom('procedure_files')
      .select(['subject_id as case_id', 'seq'])
      .where('subject_type', '=', 'penalty-case')
      .orderBy('subject_id')
      .executeTakeFirstOrThrow();
    const row = await rowOf(file.case_id);
    const c = JSON.parse(row.state) as PenaltyCase;
    // An earlier date in the case would shorten its evidence's retention.
    await t.yifa.db.kysely
      .updateTable('penalty_cases')
      .set({ state: JSON.stringify({ ...c, registeredOn: '2001-01-01' }) })
      .where('id', '=', row.id)
      .execute();
    try {
      const content = await fuzeren.get(`/api/v1/penalty-cases/${row.id}/evidence/${file.seq}/content`);
      expect(content.statusCode).toBe(500);
      expect(content.json().error.code).toBe('INTEGRITY_ERROR');
      const { purgeEvidence } = await import('../../src/modules/evidence/purge.js');
      const report = await purgeEvidence(t.yifa, { dryRun: true });
      expect(report.heldForIntegrity).toEqual([row.id]);
      expect(report.purged.flatMap((p) => p.cases)).not.toContain(row.id);
    } finally {
      await t.yifa.db.kysely.updateTable('penalty_cases').set({ state: row.state }).where('id', '=', row.id).execute();
    }
    expect((await fuzeren.get(`/api/v1/penalty-cases/${row.id}/evidence/${file.seq}/custody`)).statusCode).toBe(200);
  });

  it('proves a case journaled before stateHash by replaying it, refuses it once changed, and seals it with its next action', async () => {
    // A case as the code before migration 011 left it: a result without stateHash, a row of plain JSON without state_hash.
    const auth = await contextOfUser(t.yifa, 'zhifa1');
    const agency = await t.yifa.db.kysely
      .selectFrom('agencies')
      .innerJoin('regions', 'regions.id', 'agencies.region_id')
      .select(['agencies.id', 'regions.path'])
      .where('agencies.id', '=', auth.user.agencyId!)
      .executeTakeFirstOrThrow();
    const today = t.yifa.clock.today();
    const legacy = async () => {
      const id = randomUUID();
      const payload = {
        source: { kind: 'patrol', summary: '巡查发现露天焚烧秸秆（旧版本登记）', receivedOn: today },
        party: { kind: 'citizen', name: '李某某', idNumber: null, address: '秀山县妙泉镇', phone: null, representative: null },
        field: '综合行政执法',
      };
      const c = applyAction(PENALTY_PROCEDURE, emptyCase(id, agency.id, agency.path, today), 'penalty.register', payload, {
        seq: 0,
        today,
        actorPersonId: auth.user.personId,
        actorUserId: auth.user.id,
        number: null,
        derived: null,
      });
      const columns = stateColumns(c);
      await t.yifa.journal.perform(
        { type: 'penalty.register', actor: auth.actor, subject: { type: 'penalty-case', id, regionPath: agency.path }, payload },
        async (trx) => {
          await trx
            .insertInto('penalty_cases')
            .values({
              id,
              ...columns,
              search_grams: searchGrams(columns.search_text),
              recordings_required: 0,
              recordings_missing: 0,
              next_due: null,
              next_rule: null,
              created_by: auth.user.id,
              updated_at: new Date().toISOString(),
              action_count: 1,
              state: JSON.stringify(c),
              state_hash: null,
            })
            .execute();
          // Migration 015 then gave every case its row among every procedure's records, and 020 whom it waits on.
          await trx
            .insertInto('procedure_cases')
            .values({
              ...waitingColumns(PENALTY_PROCEDURE, c),
              id,
              procedure: 'penalty-case',
              agency_id: agency.id,
              region_path: agency.path,
              created_by: auth.user.id,
              status: columns.status,
              title: c.party.name,
              opened_on: c.registeredOn,
              closed_on: null,
              updated_at: new Date().toISOString(),
              next_due: null,
              next_rule: null,
              search_text: columns.search_text,
              state: null,
              state_hash: null,
              action_count: 1,
            })
            .execute();
          return {
            caseId: id,
            agencyId: agency.id,
            regionPath: agency.path,
            number: null,
            derived: null,
            actorPersonId: auth.user.personId,
            status: 'registered',
          };
        },
      );
      return { id, c };
    };
    const zhifa1 = await t.login('zhifa1');
    const old = await legacy();
    const page = await zhifa1.get(`/api/v1/penalty-cases/${old.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().case.party.name).toBe('李某某');
    const before = await verifyProjections(t.yifa.db, [penaltyCaseReplayer(t.yifa.db.kysely)]);
    expect(before).toMatchObject({ ok: true, unsealed: 1 });

    // Changed in the database: the replay disagrees and names the field.
    const changed = await legacy();
    await t.yifa.db.kysely
      .updateTable('penalty_cases')
      .set({ state: JSON.stringify({ ...changed.c, party: { ...changed.c.party, name: '王某某' } }) })
      .where('id', '=', changed.id)
      .execute();
    const refused = await zhifa1.get(`/api/v1/penalty-cases/${changed.id}`);
    expect(refused.statusCode).toBe(500);
    expect(refused.json().error).toMatchObject({ code: 'INTEGRITY_ERROR', details: { kind: 'replay-mismatch' } });
    expect(refused.json().error.message).toContain('party.name：日志为 "李某某"，数据库中为 "王某某"');
    await t.yifa.db.kysely
      .updateTable('penalty_cases')
      .set({ state: JSON.stringify(changed.c) })
      .where('id', '=', changed.id)
      .execute();

    // The next action proves it by replay, then records a stateHash the row now holds.
    const officers = [auth.user.personId!, (await contextOfUser(t.yifa, 'zhifa2')).user.personId!];
    const filed = await zhifa1.post(
      `/api/v1/penalty-cases/${old.id}/actions`,
      {
        type: 'penalty.request-filing',
        payload: { violationTypeId: 'straw-burning', actOn: addDays(today, -1), seriousHarm: false, officers, summary: '露天焚烧秸秆' },
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(filed.statusCode, filed.body).toBe(200);
    const sealed = await rowOf(old.id);
    expect(sealed.state_hash).toBe(stateHashOf(await replayCase(t.yifa, old.id)));
    expect(JSON.parse((await stateActions(old.id)).at(-1)!.result!)).toMatchObject({ stateHash: sealed.state_hash, position: 1 });
    expect(await verifyProjections(t.yifa.db, [penaltyCaseReplayer(t.yifa.db.kysely)])).toMatchObject({ ok: true, unsealed: 1 });
  });

  it('re-checks every YIFA_PROJECTION_VERIFY_HOURS in the server (0: only the CLI)', async () => {
    expect(loadConfig({}).projectionVerifyHours).toBe(24);
    expect(loadConfig({ YIFA_PROJECTION_VERIFY_HOURS: '0' }).projectionVerifyHours).toBe(0);
    const checks = async () =>
      (
        await t.yifa.db.kysely
          .selectFrom('actions')
          .select('payload')
          .where('subject_type', '=', PROJECTION_CHECK_SUBJECT.type)
          .where('subject_id', '=', PROJECTION_CHECK_SUBJECT.id)
          .execute()
      ).map((a) => JSON.parse(a.payload));
    const before = (await checks()).length;
    const warnings: string[] = [];
    const log = { warn: (_o: object, m: string) => void warnings.push(m) };
    const replayers = [penaltyCaseReplayer(t.yifa.db.kysely)];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const never = startProjectionVerifyTimer(t.yifa.journal, replayers, 0, log);
      vi.advanceTimersByTime(48 * 3_600_000);
      never();
      const stop = startProjectionVerifyTimer(t.yifa.journal, replayers, 6, log);
      vi.advanceTimersByTime(6 * 3_600_000 - 1);
      expect((await checks()).length).toBe(before);
      vi.advanceTimersByTime(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () => expect((await checks()).length).toBe(before + 1), { timeout: 30_000 });
    expect((await checks()).at(-1)).toMatchObject({ via: 'schedule', ok: true, problemCount: 0 });
    expect(warnings).toEqual([]);
  });

  it('does not take concurrent actions on one case for tampering', async () => {
    const zhifa1 = await t.login('zhifa1');
    const investigating = (await rows()).find((r) => r.status === 'investigating')!;
    const officers = (JSON.parse(investigating.state) as PenaltyCase).officers;
    const inquiry = (i: number) =>
      zhifa1.post(
        `/api/v1/penalty-cases/${investigating.id}/actions`,
        {
          type: 'penalty.record-inquiry',
          payload: { on: t.yifa.clock.today(), place: '妙泉镇综合行政执法办公室', officers, subject: `证人${i}`, summary: '证人陈述所见' },
        },
        { 'idempotency-key': randomUUID() },
      );
    // (An earlier test may have changed and restored this case: only new alerts count.)
    const alerted = (await alertsOf(investigating.id)).length;
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(inquiry));
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    expect(await alertsOf(investigating.id)).toHaveLength(alerted);
    const row = await rowOf(investigating.id);
    expect(row.state_hash).toBe(stateHashOf(await replayCase(t.yifa, investigating.id)));
    expect((await fuzeren.get(`/api/v1/penalty-cases/${investigating.id}`)).statusCode).toBe(200);
  });
});
