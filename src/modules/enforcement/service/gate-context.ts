/**
 * What the gates read besides the case and the payload: today, the calendar, the agency's
 * settings, the region names, and the people an action concerns with their certificates.
 * Most of it comes with the case's own read (store.ts); only people it did not bring are
 * read here.
 */
import type { CertificateTable } from '../../../platform/db/schema.js';
import { runFixed } from '../../../platform/db/fixed-queries.js';
import type { HolidayTable } from '../../../calendar/holiday-table.js';
import type { LoadedSettings } from '../settings.js';
import type { Certificate, GateContext, SameActFine } from '../gates.js';
import { partyKey, type PenaltyCase } from '../penalty-case.js';
import { uploadedFile, uploadedFileIn } from '../../../procedure/evidence-store.js';
import { linkSourceIn } from '../../../procedure/links.js';
import type { Executor } from './store.js';

/** The people an action names itself: its actor and the officers (or chair, or 回避's people) in its payload. */
export function personIdsOfAction(payload: unknown, actorPersonId: string | null): string[] {
  const ids = new Set<string>();
  if (actorPersonId) ids.add(actorPersonId);
  collectPersonIds(payload, ids);
  return [...ids];
}

function collectPersonIds(v: unknown, into: Set<string>): void {
  if (!v || typeof v !== 'object') return;
  const o = v as { officers?: unknown; chairPersonId?: unknown; personId?: unknown; replacementId?: unknown };
  if (Array.isArray(o.officers)) for (const x of o.officers) if (typeof x === 'string') into.add(x);
  // A hearing's chair; a 回避's officer and the one who takes his place.
  for (const x of [o.chairPersonId, o.personId, o.replacementId]) if (typeof x === 'string') into.add(x);
}

/** Everyone the gates may ask about: the case's officers, the action's people, those of pending steps and records. */
export function personIdsIn(c: PenaltyCase, payload: unknown, actorPersonId: string | null): string[] {
  const ids = new Set<string>([...c.officers, ...personIdsOfAction(payload, actorPersonId)]);
  for (const p of c.pending) collectPersonIds(p.payload, ids);
  for (const r of c.records) r.officers.forEach((x) => ids.add(x));
  return [...ids];
}

/** A person with one of their certificates (or nulls), as the gates read them. */
export interface PersonRow {
  id: string;
  name: string;
  legal_qualification_no: string | null;
  active: number;
  number: string | null;
  field: string | null;
  area: string | null;
  state: CertificateTable['state'] | null;
  annual_review: CertificateTable['annual_review'] | null;
  issued_on: string | null;
  expires_on: string | null;
}
/** Where each column of a PersonRow comes from: p(eople) or c(ertificates). */
export const PERSON_COLUMNS: Record<keyof PersonRow, 'p' | 'c'> = {
  id: 'p',
  name: 'p',
  legal_qualification_no: 'p',
  active: 'p',
  number: 'c',
  field: 'c',
  area: 'c',
  state: 'c',
  annual_review: 'c',
  issued_on: 'c',
  expires_on: 'c',
};
export const PERSON_KEYS = Object.keys(PERSON_COLUMNS) as (keyof PersonRow)[];

async function peopleRows(db: Executor, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return runFixed(
    db,
    `gate-people:${ids.length}`,
    (slot) =>
      db
        .selectFrom('people')
        .leftJoin('certificates', 'certificates.person_id', 'people.id')
        .select(['people.id', 'people.name', 'people.legal_qualification_no', 'people.active'])
        .select([
          'certificates.number',
          'certificates.field',
          'certificates.area',
          'certificates.state',
          'certificates.annual_review',
          'certificates.issued_on',
          'certificates.expires_on',
        ])
        .where(
          'people.id',
          'in',
          ids.map((_, i) => slot<string>(i)),
        ),
    ids,
  );
}

/**
 * The act an action is about, to find the same act of the same party in other cases: the
 * case's, once filed, or that of an on-the-spot decision's payload.
 */
function actOf(c: PenaltyCase, payload: unknown): { key: string; actOn: string; violationTypeId: string } | null {
  if (c.actOn && c.violationTypeId) return { key: partyKey(c.party), actOn: c.actOn, violationTypeId: c.violationTypeId };
  const p = payload as { party?: PenaltyCase['party']; on?: string; violationTypeId?: string } | null;
  if (p?.party?.name && p.on && p.violationTypeId) return { key: partyKey(p.party), actOn: p.on, violationTypeId: p.violationTypeId };
  return null;
}

/** Fines in force in other cases for the same act of the same party (一事不再罚, Art 29), by index. */
async function sameActFines(db: Executor, c: PenaltyCase, payload: unknown): Promise<SameActFine[]> {
  // Only an action that sets a fine (a report, an on-the-spot decision) or decides on one asks.
  const fineFen = (payload as { fineFen?: unknown } | null)?.fineFen;
  const fines = typeof fineFen === 'number' ? fineFen > 0 : !c.decision && (c.proposal?.fineFen ?? 0) > 0;
  if (!fines) return [];
  const act = actOf(c, payload);
  if (!act) return [];
  const rows = await db
    .selectFrom('penalty_cases')
    .select(['id', 'state'])
    .where('party_key', '=', act.key)
    .where('act_on', '=', act.actOn)
    .where('violation_type_id', '=', act.violationTypeId)
    .where('id', '!=', c.id)
    .where('fine_fen', '>', 0)
    .where('decided_on', 'is not', null)
    .limit(20)
    .execute();
  return rows.flatMap((r) => {
    const d = (JSON.parse(r.state) as PenaltyCase).decision;
    return d && !d.revokedOn && d.fineFen > 0 ? [{ caseId: r.id, decisionNumber: d.number, fineFen: d.fineFen }] : [];
  });
}

/** Reads through `db` only: inside an action it is the transaction (SQLite has one connection). */
export async function gateContext(
  db: Executor,
  table: HolidayTable,
  c: PenaltyCase,
  payload: unknown,
  actor: { personId: string | null; userId: string | null },
  today: string,
  /** Read with the case (readCaseContext) or, for a new case, with its agency (readAgencyContext). */
  read: { settings: LoadedSettings; regionNames: string[]; people: PersonRow[] },
): Promise<GateContext> {
  const actorPersonId = actor.personId;
  // People with their certificates (a person without one comes with nulls). The case's
  // officers and the action's people came with the case; anyone else (an officer of an
  // earlier record who is no longer on the case, say) is read here.
  const have = new Set(read.people.map((p) => p.id));
  const missing = personIdsIn(c, payload, actorPersonId).filter((id) => !have.has(id));
  const [more, uploaded, sameAct, linkSource] = await Promise.all([
    peopleRows(db, missing),
    uploadedFileIn(db, payload, actor.userId),
    sameActFines(db, c, payload),
    linkSourceIn(db, payload, { id: c.id, agencyId: c.agencyId }),
  ]);
  const { settings, regionNames } = read;
  const rows = [...read.people, ...more];
  const byPerson = new Map<string, Certificate[]>();
  const people = new Map<string, (typeof rows)[number]>();
  for (const x of rows) {
    people.set(x.id, x);
    if (Number(x.active) !== 1 || x.number === null) continue; // a person who left holds no usable certificate
    const list = byPerson.get(x.id) ?? [];
    list.push({
      number: x.number,
      field: x.field!,
      area: x.area!,
      state: x.state!,
      annualReview: x.annual_review!,
      issuedOn: x.issued_on!,
      expiresOn: x.expires_on!,
    });
    byPerson.set(x.id, list);
  }
  const names = new Map([...people.values()].map((p) => [p.id, p.name]));
  const actorRow = actorPersonId ? people.get(actorPersonId) : undefined;
  return {
    today,
    table,
    settings,
    certificatesOf: (id) => byPerson.get(id) ?? [],
    nameOf: (id) => names.get(id) ?? `人员（${id}）`,
    regionNames,
    actor: { personId: actorPersonId, userId: actor.userId, legalQualification: actorRow?.legal_qualification_no ?? null },
    uploadedFile: uploadedFile(uploaded),
    sameActFines: sameAct,
    linkSource,
  };
}
