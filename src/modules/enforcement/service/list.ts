/**
 * The console's case list: the user's scope, filters and queues, keyset pages, and the
 * full-text search (bigram index, then the exact substring).
 */
import { sql, type SqlBool } from 'kysely';
import type { Yifa } from '../../../platform/yifa.js';
import type { Engine } from '../../../platform/db/database.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../../platform/http/pagination.js';
import { queryGrams, searchableText } from '../../../platform/search/grams.js';
import type { Request } from '../../../platform/security/request.js';
import { scopeFilter } from '../../../platform/security/scope.js';
import { nthWorkingDayAfter } from '../../../procedure/deadlines.js';
import { addMonths } from '../../../calendar/legal-date.js';
import { STATUS_NAMES, type PenaltyStatus } from '../penalty-case.js';

export interface CaseFilters {
  status?: PenaltyStatus;
  agencyId?: string;
  officerId?: string;
  violationTypeId?: string;
  overdue?: boolean;
  /** my cases (the user is one of the officers), to approve, to review, to serve */
  queue?: 'mine' | 'approve' | 'review' | 'serve' | 'overdue';
  q?: string;
  /** 音像记录: cases with steps that must be recorded, or those still missing a recording (as the coverage grid counts them) */
  recording?: 'required' | 'missing';
  /** Registered in these months, YYYY-MM inclusive (the coverage grid's months) */
  registeredFrom?: string;
  registeredTo?: string;
  limit: number;
  cursor?: string;
}

export interface CaseListItem {
  id: string;
  agency: { id: string; name: string };
  status: PenaltyStatus;
  statusName: string;
  procedure: string;
  partyName: string;
  field: string;
  violationTypeId: string | null;
  registeredOn: string;
  decisionNumber: string | null;
  fineFen: number;
  major: boolean;
  nextDue: string | null;
  nextRule: string | null;
  dueState: 'ok' | 'warning' | 'overdue' | null;
  suspended: boolean;
}

/** Full-text search, step 2: the exact substring (bigrams alone do not prove adjacency). */
function containsText(query: string) {
  const needle = searchableText(query.trim()).replace(/[!%_]/g, (ch) => `!${ch}`);
  return sql<SqlBool>`search_text like ${'%' + needle + '%'} escape '!'`;
}

/** Full-text search, step 1: rows holding every bigram of the query, from the index (null: no bigram to look up). */
function holdsGrams(engine: Engine, query: string) {
  const grams = queryGrams(query);
  if (!grams) return null;
  return engine === 'postgres'
    ? sql<SqlBool>`string_to_array(search_grams, ' ') @> ${grams}::text[]`
    : sql<SqlBool>`id in (select k.case_id from penalty_case_search join penalty_case_search_keys k on k.n = penalty_case_search.rowid where penalty_case_search match ${grams.map((g) => `"${g}"`).join(' ')})`;
}

/** How many of the newest cases a search first looks through before it asks the index. */
const SEARCH_WINDOW = 2000;

/** Lists cases in the user's scope, newest first, with the filters and queues of the console. */
export async function listCases(yifa: Yifa, req: Request, f: CaseFilters): Promise<Page<CaseListItem>> {
  const today = yifa.clock.today();
  const table = await yifa.calendar.table();
  const warnBy = nthWorkingDayAfter(table, today, 3);
  const personId = req.auth.user.personId;
  // Newest first; an officer's cases are read from the officers' index joined to the cases;
  // overdue cases come most overdue first, read from the due-date index.
  const officerId = f.officerId ?? null;
  const overdueFirst = (f.overdue || f.queue === 'overdue') && !officerId;
  const order = officerId
    ? ['penalty_case_officers.case_registered_on', 'penalty_case_officers.case_id']
    : overdueFirst
      ? ['next_due', 'id']
      : ['registered_on', 'id'];
  const direction = overdueFirst ? 'asc' : 'desc';
  let q = yifa.db.kysely
    .selectFrom('penalty_cases')
    .$if(officerId !== null, (qb) =>
      qb
        .innerJoin('penalty_case_officers', 'penalty_case_officers.case_id', 'penalty_cases.id')
        .where('penalty_case_officers.person_id', '=', officerId!),
    )
    .select([
      'id',
      'agency_id',
      'status',
      'procedure',
      'party_name',
      'field',
      'violation_type_id',
      'registered_on',
      'decision_number',
      'fine_fen',
      'major',
      'next_due',
      'next_rule',
      'suspended',
    ])
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.violationTypeId) q = q.where('violation_type_id', '=', f.violationTypeId);
  if (f.overdue || f.queue === 'overdue') q = q.where('next_due', '<', today);
  // The coverage grid's cells, on the same columns and months as recordingCoverage counts them.
  if (f.recording) q = q.where('recordings_required', '>', 0);
  if (f.recording === 'missing') q = q.where('recordings_missing', '>', 0);
  if (f.registeredFrom) q = q.where('registered_on', '>=', `${f.registeredFrom}-01`);
  if (f.registeredTo) q = q.where('registered_on', '<', addMonths(`${f.registeredTo}-01`, 1));
  if (f.queue === 'mine') {
    const userId = req.auth.user.id;
    q = q
      .where('archived_on', 'is', null)
      .where((eb) =>
        eb.or([
          eb('created_by', '=', userId),
          ...(personId ? [eb('id', 'in', eb.selectFrom('penalty_case_officers').select('case_id').where('person_id', '=', personId))] : []),
        ]),
      );
  }
  if (f.queue === 'approve') q = q.where('status', 'in', ['filing', 'investigated', 'notified']);
  if (f.queue === 'review') q = q.where('status', '=', 'in-review');
  if (f.queue === 'serve') q = q.where('status', '=', 'decided');
  const key = decodeCursor(f.cursor, 2);
  if (key) q = q.where(keysetAfter(order, key, direction));
  const inOrder = <T extends typeof q>(x: T) => x.orderBy(sql.ref(order[0]!), direction).orderBy(sql.ref(order[1]!), direction);
  let rows: Awaited<ReturnType<typeof q.execute>> | undefined;
  if (f.q) {
    // A common word matches so many cases that the index answers slowly, but the first few
    // thousand cases of the list then hold a page of matches: look there first. When they
    // hold a full page, it is exactly the first page of matches; otherwise the index answers.
    const recent = inOrder(q.select('search_text')).limit(SEARCH_WINDOW).as('recent');
    const outer = overdueFirst ? (['next_due', 'id'] as const) : (['registered_on', 'id'] as const);
    const inRecent = await yifa.db.kysely
      .selectFrom(recent)
      .selectAll()
      .where(containsText(f.q))
      .orderBy(outer[0], direction)
      .orderBy(outer[1], direction)
      .limit(f.limit + 1)
      .execute();
    if (inRecent.length > f.limit) rows = inRecent;
    else
      q = q.where(containsText(f.q)).$call((x) => {
        const grams = holdsGrams(yifa.db.engine, f.q!);
        return grams ? x.where(grams) : x;
      });
  }
  rows ??= await inOrder(q)
    .limit(f.limit + 1)
    .execute();
  // The agencies' names for the page's rows (a handful), rather than a join in every list query.
  const agencyIds = [...new Set(rows.map((r) => r.agency_id))];
  const names = new Map(
    agencyIds.length
      ? (await yifa.db.kysely.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()).map((a) => [
          a.id,
          a.name,
        ])
      : [],
  );
  return pageOf(
    rows,
    f.limit,
    (r) => (overdueFirst ? [r.next_due!, r.id] : [r.registered_on, r.id]),
    (r) => ({
      id: r.id,
      agency: { id: r.agency_id, name: names.get(r.agency_id) ?? '' },
      status: r.status as PenaltyStatus,
      statusName: STATUS_NAMES[r.status as PenaltyStatus],
      procedure: r.procedure,
      partyName: r.party_name,
      field: r.field,
      violationTypeId: r.violation_type_id,
      registeredOn: r.registered_on,
      decisionNumber: r.decision_number,
      fineFen: Number(r.fine_fen),
      major: Number(r.major) === 1,
      nextDue: r.next_due,
      nextRule: r.next_rule,
      dueState: r.next_due === null ? null : r.next_due < today ? 'overdue' : r.next_due <= warnBy ? 'warning' : 'ok',
      suspended: Number(r.suspended) === 1,
    }),
  );
}
