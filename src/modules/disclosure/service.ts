/**
 * 行政执法公示 as staff and the public meet it: the staff queue (pending, overdue), release,
 * manual redaction, withdrawal and the display periods — each change journaled on the
 * publication, a refused one changing nothing — and the public read path (list, search, one
 * decision), which serves only `publicDecision` (masks.ts) of released entries still within
 * their display period.
 */
import { sql, type SqlBool } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { maskPersonal } from '../../platform/security/personal-data.js';
import { decodeCursor, keysetAfter, pageOf } from '../../platform/http/pagination.js';
import { addMonths } from '../../calendar/legal-date.js';
import {
  ENFORCEMENT_CATEGORIES,
  RECORD_CHECK,
  WITHDRAWAL_KINDS,
  type PublicationFacts,
  type WithdrawalKind,
} from '../../procedure/spec.js';
import { DEADLINE_RULES } from '../../law/deadline-rules.js';
import type { PublicationTable } from '../../platform/db/schema.js';
import { publicDecision, REDACTABLE_FIELDS, type PublicationRow, type RedactableField, type Redaction } from './masks.js';
import { ENGINE_SEARCH, gramsOf, holdsText, narrowingGrams, searchRow, withGrams } from './search.js';
import { PUBLICATION_SUBJECT, syncPublications } from './sync.js';

export const PUBLICATION_STATUSES = { pending: '待公示', released: '公示中', withdrawn: '已撤回' } as const;
export type PublicationStatus = keyof typeof PUBLICATION_STATUSES;

/** Art 48 of the 行政处罚法: the duty to publish and to withdraw. */
const ART_48 = '《中华人民共和国行政处罚法》第四十八条';

// ——— staff ———

export interface StaffFilters {
  status?: PublicationStatus;
  overdue?: boolean;
  limit: number;
  cursor?: string;
}

/** What is overdue on a day: not released by its due date, or not withdrawn by the withdrawal's. */
const overdueOn = (today: string) =>
  sql<SqlBool>`((status = 'pending' and due_on < ${today}) or (status <> 'withdrawn' and withdrawal_due is not null and withdrawal_due < ${today}))`;

function staffItem(r: PublicationTable, today: string) {
  const facts = JSON.parse(r.facts) as PublicationFacts;
  const status = r.status as PublicationStatus;
  const releaseOverdue = status === 'pending' && r.due_on < today;
  const withdrawalOverdue = status !== 'withdrawn' && r.withdrawal_due !== null && r.withdrawal_due < today;
  return {
    id: r.id,
    record: { type: r.subject_type, id: r.subject_id },
    key: r.key,
    category: facts.category,
    categoryName: ENFORCEMENT_CATEGORIES[facts.category],
    status,
    statusName: PUBLICATION_STATUSES[status],
    rule: r.rule,
    ruleTitle: DEADLINE_RULES[r.rule as keyof typeof DEADLINE_RULES]?.title ?? r.rule,
    number: facts.number,
    partyName: facts.party.name,
    partyKind: facts.party.kind,
    violationType: facts.violationType,
    agency: { id: facts.agencyId, name: facts.agencyName },
    decidedOn: r.decided_on,
    dueOn: r.due_on,
    releasedOn: r.released_on,
    withdrawalDue: r.withdrawal_due,
    withdrawnOn: r.withdrawn_on,
    withdrawnBecause: facts.withdrawnBecause,
    overdue: releaseOverdue || withdrawalOverdue,
    overdueWhat: releaseOverdue ? '逾期未公示' : withdrawalOverdue ? '逾期未撤回' : null,
  };
}

export async function listPublications(yifa: Yifa, req: Request, f: StaffFilters) {
  await syncPublications(yifa);
  const today = yifa.clock.today();
  let q = yifa.db.kysely
    .selectFrom('publications')
    .selectAll()
    .where(scopeFilter(req.auth.scope, { path: 'region_path' }));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.overdue) q = q.where(overdueOn(today));
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['due_on', 'id'], after));
  const rows = await q
    .orderBy('due_on')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(
    rows,
    f.limit,
    (r) => [r.due_on, r.id],
    (r) => staffItem(r, today),
  );
}

/** The publication as staff see it: the facts whole, what the public will see, the redactions with their editors and reasons. */
export async function getPublication(yifa: Yifa, req: Request, id: string) {
  await syncPublications(yifa);
  const row = await visibleRow(yifa, req, id);
  const facts = JSON.parse(row.facts) as PublicationFacts;
  return {
    ...staffItem(row, yifa.clock.today()),
    facts: seesPartyData(req) ? facts : { ...facts, party: maskPersonal(facts.party) },
    publicView: publicDecision(row),
    redactions: JSON.parse(row.redactions) as Redaction[],
    withdrawal: row.withdrawal_kind
      ? { kind: row.withdrawal_kind, kindName: WITHDRAWAL_KINDS[row.withdrawal_kind as WithdrawalKind], reason: row.withdrawal_reason }
      : null,
  };
}

/**
 * Who reviews and releases sees the party's ID number, phone and address (to check what the
 * masks take out); other staff see them masked, as everywhere else.
 */
const seesPartyData = (req: Request) => req.auth.permissions.has('disclosure.publish') || req.auth.permissions.has('person.personal-data');

async function visibleRow(yifa: Yifa, req: Request, id: string): Promise<PublicationTable> {
  const row = await yifa.db.kysely.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('公示事项');
  const inScope = await yifa.db.kysely
    .selectFrom('publications')
    .select('id')
    .where('id', '=', id)
    .where(scopeFilter(req.auth.scope, { path: 'region_path' }))
    .executeTakeFirst();
  if (!inScope) {
    await req.denied({ reason: '不在数据范围内' }, { type: PUBLICATION_SUBJECT, id, regionPath: row.region_path });
    throw notFound('公示事项');
  }
  return row;
}

/** Runs one change of a publication in the journal's transaction: the row re-read there, `check` refusing before anything is written. */
async function change(
  yifa: Yifa,
  req: Request,
  id: string,
  type: string,
  payload: (row: PublicationTable) => Record<string, unknown>,
  check: (row: PublicationTable) => string | null,
  next: (row: PublicationTable) => Partial<PublicationTable>,
) {
  const row = await visibleRow(yifa, req, id);
  const refusal = check(row);
  if (refusal) throw new AppError('CONFLICT', refusal, { citation: RECORD_CHECK ?? undefined });
  await yifa.journal.perform(
    {
      type,
      actor: req.auth.actor,
      subject: { type: PUBLICATION_SUBJECT, id, regionPath: row.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: payload(row),
    },
    async (trx) => {
      const now = await trx.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      // Checked again inside the transaction: a concurrent change wins, this one is refused whole.
      const late = check(now);
      if (late) throw new AppError('CONFLICT', late);
      const set = next(now);
      const merged = { ...now, ...set };
      await trx
        .updateTable('publications')
        .set({ ...set, ...searchRow(merged) })
        .where('id', '=', id)
        .execute();
    },
  );
  return getPublication(yifa, req, id);
}

export function releasePublication(yifa: Yifa, req: Request, id: string) {
  const today = yifa.clock.today();
  return change(
    yifa,
    req,
    id,
    'disclosure.publication.release',
    (r) => ({ releasedOn: today, dueOn: r.due_on, late: today > r.due_on }),
    (r) => {
      if (r.status !== 'pending') return `该事项${PUBLICATION_STATUSES[r.status as PublicationStatus]}，不能再发布`;
      const because = (JSON.parse(r.facts) as PublicationFacts).withdrawnBecause;
      return because ? `该决定已于 ${because.on} 被${WITHDRAWAL_KINDS[because.kind]}，不应公示，请撤回` : null;
    },
    () => ({ status: 'released', released_on: today }),
  );
}

export interface RedactionInput {
  field: RedactableField;
  text: string | null;
  reason: string;
}

export function redactPublication(yifa: Yifa, req: Request, id: string, input: RedactionInput) {
  const today = yifa.clock.today();
  const editor = { userId: req.auth.user.id, name: req.auth.user.displayName };
  return change(
    yifa,
    req,
    id,
    'disclosure.publication.redact',
    () => ({ field: input.field, text: input.text, reason: input.reason }),
    (r) => {
      if (r.status === 'withdrawn') return '已撤回的事项不再公示，无需遮盖';
      if (input.text === null) return null;
      const shown = publicDecision(r);
      const value = input.field === 'party' ? `${shown.party.name} ${shown.party.representative ?? ''}` : shown[input.field];
      return value.includes(input.text) ? null : `“${REDACTABLE_FIELDS[input.field]}”公开内容中没有“${input.text}”`;
    },
    (r) => ({
      redactions: JSON.stringify([...(JSON.parse(r.redactions) as Redaction[]), { ...input, editor, on: today } satisfies Redaction]),
    }),
  );
}

export interface WithdrawalInput {
  kind: WithdrawalKind;
  reason: string;
}

export function withdrawPublication(yifa: Yifa, req: Request, id: string, input: WithdrawalInput) {
  const today = yifa.clock.today();
  return change(
    yifa,
    req,
    id,
    'disclosure.publication.withdraw',
    (r) => ({ kind: input.kind, reason: input.reason, withdrawnOn: today, withdrawalDue: r.withdrawal_due }),
    (r) => (r.status === 'withdrawn' ? '该事项已撤回' : null),
    () => ({ status: 'withdrawn', withdrawn_on: today, withdrawal_kind: input.kind, withdrawal_reason: input.reason }),
  );
}

// ——— display periods ———

export type Retention = Record<PublicationFacts['party']['kind'], number>;

export async function retentionOf(yifa: Yifa): Promise<Retention> {
  const rows = await yifa.db.kysely.selectFrom('disclosure_retention').selectAll().execute();
  const out: Retention = { natural: 24, organisation: 60 };
  for (const r of rows) out[r.party_kind as keyof Retention] = Number(r.months);
  return out;
}

export async function putRetention(yifa: Yifa, req: Request, input: Retention): Promise<Retention> {
  await yifa.journal.perform(
    {
      type: 'disclosure.retention.update',
      actor: req.auth.actor,
      regionPath: req.auth.user.regionPath,
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      for (const [kind, months] of Object.entries(input)) {
        await trx.updateTable('disclosure_retention').set({ months }).where('party_kind', '=', kind).execute();
      }
    },
  );
  return retentionOf(yifa);
}

// ——— the public ———

export interface PublicFilters {
  q?: string;
  agencyId?: string;
  violationType?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/** Released (or withdrawn) entries whose display period has not ended today: expired ones leave by date, no job needed. */
function publicRows(yifa: Yifa, retention: Retention, today: string) {
  return yifa.db.kysely
    .selectFrom('publications')
    .where('status', 'in', ['released', 'withdrawn'])
    .where((eb) =>
      eb.or(
        (Object.keys(retention) as (keyof Retention)[]).map((kind) =>
          eb.and([eb('party_kind', '=', kind), eb('released_on', '>=', addMonths(today, -retention[kind]))]),
        ),
      ),
    );
}

const PUBLIC_COLUMNS = [
  'id',
  'status',
  'facts',
  'redactions',
  'released_on',
  'withdrawn_on',
  'withdrawal_kind',
  'withdrawal_reason',
  'decided_on',
] as const;

export async function publicDecisions(yifa: Yifa, f: PublicFilters) {
  const today = yifa.clock.today();
  let shown = publicRows(yifa, await retentionOf(yifa), today);
  if (f.agencyId) shown = shown.where('agency_id', '=', f.agencyId);
  if (f.violationType) shown = shown.where('violation_type', '=', f.violationType);
  if (f.from) shown = shown.where('decided_on', '>=', f.from);
  if (f.to) shown = shown.where('decided_on', '<=', f.to);
  const after = decodeCursor(f.cursor, 2);
  if (after) shown = shown.where(keysetAfter(['decided_on', 'id'], after, 'desc'));
  const q = shown.select(PUBLIC_COLUMNS);
  const page = (rows: (PublicationRow & { decided_on: string })[]) => pageOf(rows, f.limit, (r) => [r.decided_on, r.id], publicDecision);
  const inDateOrder = (rows: typeof q) =>
    rows
      .orderBy('decided_on', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1);
  const query = f.q?.trim();
  if (!query) return page(await inDateOrder(q).execute());
  const all = gramsOf(query);
  // Nothing to look for (only punctuation or spaces): nothing matches.
  if (!all) return { items: [], next: null };
  // A common word is found among the newest entries, read in date order, before the index is
  // asked for every match (which would all be sorted by date); a full page there is the page.
  // The window reads only the columns it tests — a row's facts are read for the page alone.
  const recent = (window: number) =>
    shown.select(['id', 'decided_on', 'search_text']).orderBy('decided_on', 'desc').orderBy('id', 'desc').limit(window);
  const byIds = (ids: string[]) => inDateOrder(q.where('id', 'in', ids)).execute();
  const newest = async (window: number) => {
    const found = await yifa.db.kysely
      .selectFrom(recent(window).as('recent'))
      .select('id')
      .where(holdsText(query))
      .orderBy('decided_on', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit + 1)
      .execute();
    return found.length > f.limit ? byIds(found.map((r) => r.id)) : null;
  };
  const engine = ENGINE_SEARCH[yifa.db.engine];
  const first = await newest(engine.firstWindow);
  if (first) return page(first);
  // Otherwise the index is asked for the query's grams that narrow (narrowingGrams): a rare
  // word (a name, a number, or none at all) has its few matches sorted by date; a common one
  // whose matches lie further back is looked for in a wider date-ordered window, and only
  // if that holds less than a page are all its matches read from the index and sorted.
  const grams = await narrowingGrams(yifa.db.kysely, recent(SAMPLE), all);
  const few = await engine.fewMatches(yifa.db.kysely, shown, query, grams, FEW);
  if (few) return page(few.length ? await byIds(few) : []);
  return page((await newest(WIDER)) ?? (await inDateOrder(withGrams(q, yifa.db.engine, grams).where(holdsText(query))).execute()));
}

/**
 * How a search reads (bench/disclosure.ts, a million decisions): the newest entries in date
 * order first (ENGINE_SEARCH: a word on a page's worth of them is answered at once); the
 * query's grams that narrow, judged on the newest SAMPLE; the index's candidates when it holds
 * no more than FEW; else the newest WIDER (a word common in older entries: gathering and
 * sorting its tens of thousands of matches from the index took 300–500 ms).
 */
const SAMPLE = 2_000;
const WIDER = 40_000;
const FEW = 2_000;

export async function publicDecisionById(yifa: Yifa, id: string) {
  const row = await publicRows(yifa, await retentionOf(yifa), yifa.clock.today())
    .select(PUBLIC_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('公示的行政执法决定');
  return publicDecision(row);
}

/** The agencies and violation types the portal's filters offer: those of what is shown. */
export async function publicFilters(yifa: Yifa) {
  const rows = await publicRows(yifa, await retentionOf(yifa), yifa.clock.today())
    .select(['agency_id', 'violation_type'])
    .distinct()
    .execute();
  const agencies = await yifa.db.kysely
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(rows.map((r) => r.agency_id)), ''])
    .orderBy('name')
    .execute();
  return { agencies, violationTypes: [...new Set(rows.map((r) => r.violation_type))].sort() };
}

export const ART_48_CITATION = ART_48;

/**
 * The published decision a document is, through the public read path (its masks and display
 * periods): for the verify page of a 决定书's 查验码. Null when the document is not a published
 * decision, not yet released, or past its display period.
 */
export async function publicDecisionOfDocument(yifa: Yifa, subject: { type: string; id: string }, number: string) {
  const rows = await publicRows(yifa, await retentionOf(yifa), yifa.clock.today())
    .select(PUBLIC_COLUMNS)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .execute();
  const row = rows.find((r) => (JSON.parse(r.facts) as PublicationFacts).number === number);
  return row ? publicDecision(row) : null;
}
