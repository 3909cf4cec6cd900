/**
 * Publications as projections of the procedures' journals: whatever procedure publishes
 * (`Procedure.publications`), each record it acted on since the last pass is read proven
 * through the registry (`yifa.procedures`), and each of its decisions' facts becomes or
 * updates its publication, keyed by (subject type, subject id, key).
 * A new publication falls due within the rule's working days of the decision; a decision later
 * changed or revoked (`withdrawnBecause`) must be withdrawn within 3 working days. Idempotent:
 * the journal position it has read up to is kept (`publication_sync`), and a record is
 * projected again from its whole proven state, never from a delta.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import { SYSTEM_ACTOR } from '../../journal/journal.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import type { ProcedureEntry } from '../../procedure/registry.js';
import type { PublicationFacts } from '../../procedure/spec.js';
import type { PublicationTable } from '../../platform/db/schema.js';
import { canonicalJson } from '../../journal/canonical.js';
import { searchRow } from './search.js';

export const PUBLICATION_SUBJECT = 'publication';

const publishing = (yifa: Yifa) => yifa.procedures.filter((e) => e.proc.publications);

/** The facts a record publishes now, one per decision, read proven. */
async function factsOf(yifa: Yifa, entry: ProcedureEntry, id: string): Promise<readonly PublicationFacts[]> {
  const state = (await entry.proven(yifa, id)) as { agencyId?: string };
  const agencyId = state.agencyId ?? '';
  const agency = await yifa.db.kysely.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirst();
  const names = (await entry.publicationNames?.(yifa, agencyId)) ?? {};
  return entry.proc.publications!(state, { agencyName: agency?.name ?? '', names });
}

const publicationOf = (yifa: Yifa, subjectType: string, subjectId: string, key: string) =>
  yifa.db.kysely
    .selectFrom('publications')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('key', '=', key)
    .executeTakeFirst();

/**
 * Projects one record onto its publications: each decision it publishes creates its own or
 * brings its facts up to date. A key the record no longer publishes leaves its row as it is.
 */
async function project(yifa: Yifa, entry: ProcedureEntry, subjectId: string, table: HolidayTable): Promise<void> {
  const all = await factsOf(yifa, entry, subjectId);
  if (all.length === 0) return;
  const common = await yifa.db.kysely.selectFrom('procedure_cases').select('region_path').where('id', '=', subjectId).executeTakeFirst();
  for (const facts of all) await projectOne(yifa, entry.proc.subjectType, subjectId, common?.region_path ?? '', facts, table);
}

/** One decision's publication: created, or its facts brought up to date. */
async function projectOne(
  yifa: Yifa,
  subjectType: string,
  subjectId: string,
  regionPath: string,
  facts: PublicationFacts,
  table: HolidayTable,
): Promise<void> {
  const existing = await publicationOf(yifa, subjectType, subjectId, facts.key);
  if (!existing) return create(yifa, { type: subjectType, id: subjectId }, regionPath, facts, table);
  if (existing.facts !== canonicalJson(facts)) await update(yifa, existing, facts, table);
}

/** A decision's new publication: pending, due within its rule's working days of the decision. */
function newRow(subject: { type: string; id: string }, regionPath: string, facts: PublicationFacts, table: HolidayTable) {
  return {
    id: randomUUID(),
    subject_type: subject.type,
    subject_id: subject.id,
    key: facts.key,
    agency_id: facts.agencyId,
    region_path: regionPath,
    status: 'pending',
    rule: facts.rule,
    decided_on: facts.decidedOn,
    due_on: deadlineDue(table, { rule: facts.rule, from: facts.decidedOn }),
    facts: canonicalJson(facts),
    party_kind: facts.party.kind,
    violation_type: facts.violationType,
    redactions: '[]',
    released_on: null,
    // Changed or revoked before it was ever published: still to be withdrawn (never released).
    withdrawal_due: facts.withdrawnBecause
      ? deadlineDue(table, { rule: 'penalty.disclosure-withdrawal', from: facts.withdrawnBecause.on })
      : null,
    withdrawn_on: null,
    withdrawal_kind: null,
    withdrawal_reason: null,
  };
}

/** Creates a decision's publication, journaled as the system's. */
async function create(
  yifa: Yifa,
  subject: { type: string; id: string },
  regionPath: string,
  facts: PublicationFacts,
  table: HolidayTable,
): Promise<void> {
  const row = newRow(subject, regionPath, facts, table);
  const created = yifa.journal.perform(
    {
      type: 'disclosure.publication.create',
      actor: SYSTEM_ACTOR,
      subject: { type: PUBLICATION_SUBJECT, id: row.id, regionPath },
      payload: { record: subject, key: facts.key, number: facts.number, decidedOn: facts.decidedOn, dueOn: row.due_on, rule: facts.rule },
    },
    async (trx) => {
      await trx
        .insertInto('publications')
        .values({ ...row, ...searchRow(row) })
        .execute();
    },
  );
  // Two passes at once (a timer and a reader) may both create it: the one refused by the
  // unique key rolled back its journal entry too; the publication exists, which is all that counts.
  await created.catch(async (e: unknown) => {
    if (!(await publicationOf(yifa, subject.type, subject.id, facts.key))) throw e;
  });
}

/** A publication whose facts changed: updated; a decision changed or revoked since must now be withdrawn within 3 working days. */
async function update(yifa: Yifa, existing: PublicationTable, facts: PublicationFacts, table: HolidayTable): Promise<void> {
  const json = canonicalJson(facts);
  const { subject_type: subjectType, subject_id: subjectId } = existing;
  const because = facts.withdrawnBecause;
  const withdrawalDue =
    because && existing.status !== 'withdrawn' && !existing.withdrawal_due
      ? deadlineDue(table, { rule: 'penalty.disclosure-withdrawal', from: because.on })
      : existing.withdrawal_due;
  const next = {
    ...existing,
    facts: json,
    violation_type: facts.violationType,
    party_kind: facts.party.kind,
    withdrawal_due: withdrawalDue,
  };
  await yifa.journal.perform(
    {
      type: 'disclosure.publication.update',
      actor: SYSTEM_ACTOR,
      subject: { type: PUBLICATION_SUBJECT, id: existing.id, regionPath: existing.region_path },
      payload: {
        record: { type: subjectType, id: subjectId },
        key: facts.key,
        number: facts.number,
        withdrawnBecause: because,
        withdrawalDue,
      },
    },
    async (trx) => {
      await trx
        .updateTable('publications')
        .set({
          facts: json,
          violation_type: next.violation_type,
          party_kind: next.party_kind,
          withdrawal_due: withdrawalDue,
          ...searchRow(next),
        })
        .where('id', '=', existing.id)
        .execute();
    },
  );
}

/** Reads the journal since the last pass and projects every publishing record it touched. Returns how many records it read. */
export async function syncPublications(yifa: Yifa): Promise<number> {
  const entries = publishing(yifa);
  if (entries.length === 0) return 0;
  const db = yifa.db.kysely;
  const from = (await db.selectFrom('publication_sync').select('seq').where('name', '=', 'journal').executeTakeFirstOrThrow()).seq;
  const upTo = Number((await db.selectFrom('actions').select(sql<number>`max(seq)`.as('m')).executeTakeFirst())?.m ?? -1);
  if (upTo <= Number(from)) return 0;
  const bySubject = new Map(entries.map((e) => [e.proc.subjectType, e]));
  const touched = await db
    .selectFrom('actions')
    .select(['subject_type', 'subject_id'])
    .distinct()
    .where('seq', '>', Number(from))
    .where('seq', '<=', upTo)
    .where('subject_type', 'in', [...bySubject.keys()])
    .execute();
  const table = await yifa.calendar.table();
  for (const t of touched) {
    if (t.subject_id) await project(yifa, bySubject.get(t.subject_type!)!, t.subject_id, table);
  }
  // Only forward: a concurrent pass that read further keeps its mark.
  await db.updateTable('publication_sync').set({ seq: upTo }).where('name', '=', 'journal').where('seq', '<', upTo).execute();
  return touched.length;
}

/** Runs the projection every minute, so a decision's publication and its deadline appear without a reader asking. */
export function startPublicationTimer(yifa: Yifa, log: { warn: (o: object, m: string) => void }): () => void {
  const timer = setInterval(() => {
    syncPublications(yifa).catch((err: unknown) => log.warn({ err }, 'publication projection failed'));
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
