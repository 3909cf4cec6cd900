/**
 * 行政复议 as the kit serves it: its table (actions.ts), what its gates read (the actor's
 * agency, the respondent, the challenged case's common row), who may act on a case (the
 * 复议机构, or the respondent's own people), its list row and own columns, its deadlines, its
 * documents and case file; the answer bundle the server assembles from the challenged case
 * through the case's registry entry (`challenge.describe`), and the decision handed back to
 * the case (`challenge.recordOutcome`) after the deciding action.
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { procedureEntry, visibleState } from '../../procedure/service.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import { keptAfterClosing } from '../../procedure/evidence.js';
import type { ProcedureEntry } from '../../procedure/registry.js';
import type { ChallengeFacet } from '../../procedure/challenge.js';
import { incidentalReviewEntry } from '../../procedure/incidental-review.js';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { DomainError } from '../../platform/errors.js';
import { sql, type SqlBool } from 'kysely';
import { readsNothing, type NarrowReader } from '../../procedure/read-scope.js';
import {
  RECONSIDERATION_PROCEDURE,
  acceptanceDue,
  decisionDue,
  type ReconsiderationContext,
  type ReconsiderationTypes,
} from './actions.js';
import { RECONSIDERATION_SERIES, reconsiderationDocuments } from './documents.js';
import { DECISION_TYPES, acceptanceFrom, article, closedOn, openSuspension, type AnswerBundle, type Reconsideration } from './state.js';

/** The case's deadlines: acceptance (deemed after 5 working days), 补正, the copy, the answer, the decision, the correction report. */
function caseDeadlines(r: Reconsideration, at: { table: HolidayTable; today: string }) {
  const { out, duty, window } = deadlineList(at.table, at.today);
  const ended = closedOn(r) !== null;
  window('reconsideration.application', r.knewOn, r.windowDue, true);
  if (r.correction) window('reconsideration.correction-reply', r.correction.on, r.correction.answerBy, !!r.correction.answeredOn || ended);
  const correcting = !!r.correction && !r.correction.answeredOn;
  if (!correcting) duty('reconsideration.acceptance', acceptanceFrom(r), acceptanceDue(r, at.table), !!r.acceptance || ended);
  const a = r.acceptance;
  if (!a) return out;
  const simple = a.simple;
  duty(
    simple ? 'reconsideration.copy-to-respondent-simple' : 'reconsideration.copy-to-respondent',
    a.on,
    deadlineDue(at.table, {
      rule: simple ? 'reconsideration.copy-to-respondent-simple' : 'reconsideration.copy-to-respondent',
      from: a.on,
    }),
    !!r.copy || ended,
  );
  if (r.copy)
    duty(simple ? 'reconsideration.answer-simple' : 'reconsideration.answer', r.copy.on, r.copy.answerDue, !!r.answer || ended, '被申请人');
  // While suspended (Art 39) the decision's days do not count: its last day is known again once the review resumes.
  if (!openSuspension(r))
    duty(simple ? 'reconsideration.decision-simple' : 'reconsideration.decision', a.on, decisionDue(r, at.table, at.today)!, ended);
  if (r.opinion)
    duty(
      'reconsideration.correction-report',
      r.opinion.on,
      deadlineDue(at.table, { rule: 'reconsideration.correction-report', from: r.opinion.on }),
      !!r.correctionReport,
      '被申请人',
    );
  return out;
}

const FILE_YEARS = 30;

export function reconsiderationFilesKeptUntil(r: Reconsideration, table: HolidayTable): string | null {
  const on = closedOn(r);
  return on ? keptAfterClosing(table, { closedOn: on, servedOn: on, years: FILE_YEARS }) : null;
}

/** The challenge facet of the procedure that owns the challenged case (the penalty case's), through the registry. */
function challengeOf(yifa: Yifa): { entry: ProcedureEntry; facet: ChallengeFacet } {
  const entry = yifa.procedures.find((p) => p.proc.subjectType === 'penalty-case' && p.challenge);
  if (!entry?.challenge) throw new DomainError('INTERNAL', '本系统未提供行政处罚案件');
  return { entry, facet: entry.challenge as ChallengeFacet };
}

/** The answer bundle, assembled from the challenged case as it stands (its state proven by its entry). */
export async function answerBundle(yifa: Yifa, r: Reconsideration): Promise<AnswerBundle | null> {
  if (!r.challengedCaseId) return null;
  const { entry, facet } = challengeOf(yifa);
  const act = await facet.describe(yifa, await entry.proven(yifa, r.challengedCaseId));
  return {
    caseId: act.id,
    number: act.number,
    decidedOn: act.decidedOn,
    facts: act.facts,
    basis: act.basis,
    normativeDocuments: null,
    evidence: act.evidence,
  };
}

/**
 * What the receiving form offers: every agency but the 复议机构 itself as the respondent, and
 * the decisions that may be challenged (the newest decided penalty cases whose decision stands),
 * each read through the case's registry entry.
 */
export async function openOptions(yifa: Yifa, ownAgencyId: string | null) {
  const agencies = await yifa.db.kysely.selectFrom('agencies').select(['id', 'name']).orderBy('name').execute();
  const rows = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .innerJoin('agencies', 'agencies.id', 'procedure_cases.agency_id')
    .select(['procedure_cases.id', 'agencies.name as agencyName'])
    .where('procedure_cases.procedure', '=', 'penalty-case')
    .where('procedure_cases.status', 'in', ['decided', 'executing', 'closed', 'archived'])
    .orderBy('procedure_cases.opened_on', 'desc')
    .limit(300)
    .execute();
  const { entry, facet } = challengeOf(yifa);
  const cases = [];
  for (const row of rows) {
    const act = await facet.describe(yifa, await entry.proven(yifa, row.id));
    if (act.stands && act.number)
      cases.push({
        id: act.id,
        agencyId: act.agencyId,
        agencyName: row.agencyName,
        number: act.number,
        party: act.party,
        servedOn: act.servedOn,
      });
  }
  return { agencies: agencies.filter((a) => a.id !== ownAgencyId), cases, normativeDocuments: await referableDocuments(yifa) };
}

/** The published 规范性文件 a 附带审查 may name (the newest 500), through the entry that keeps them; none when no module does. */
async function referableDocuments(yifa: Yifa) {
  const keeper = yifa.procedures.find((p) => p.incidentalReview);
  if (!keeper?.incidentalReview) return [];
  return yifa.db.kysely
    .selectFrom('procedure_cases')
    .innerJoin('agencies', 'agencies.id', 'procedure_cases.agency_id')
    .select(['procedure_cases.id', 'procedure_cases.title', 'agencies.name as agencyName'])
    .where('procedure_cases.procedure', '=', keeper.proc.subjectType)
    .where('procedure_cases.status', 'in', [...keeper.incidentalReview.challengeable])
    .orderBy('procedure_cases.opened_on', 'desc')
    .limit(500)
    .execute();
}

/** 行政复议法 Art 24: the county government reviews its towns' and departments' acts; the 复议机构 acts in its name. */
async function reviewingBody(yifa: Yifa, agencyId: string) {
  const agency = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['regions.name as county'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
  return `${agency?.county ?? ''}人民政府`;
}

/** The 规范性文件 a referral names, as its keeper has it (the referral's payload carries it, whatever the client sent). */
async function referredDocument(yifa: Yifa, documentId: unknown) {
  if (typeof documentId !== 'string') return null;
  const { subjectType, facet } = incidentalReviewEntry(yifa);
  const row = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .innerJoin('agencies', 'agencies.id', 'procedure_cases.agency_id')
    .select(['procedure_cases.title', 'procedure_cases.status', 'agencies.name as drafter'])
    .where('procedure_cases.id', '=', documentId)
    .where('procedure_cases.procedure', '=', subjectType)
    .executeTakeFirst();
  return row ? { title: row.title, drafter: row.drafter, challengeable: facet.challengeable.includes(row.status) } : null;
}

/**
 * 附带审查 carried to the document's register (the kit's facet): every referral recorded on its
 * document, and every ruling. Idempotent there, so a retry completes what a failure left.
 */
async function carryIncidentalReviews(yifa: Yifa, req: Request, r: Reconsideration) {
  const reviews = r.incidentalReviews ?? [];
  if (!reviews.length) return;
  const { facet } = incidentalReviewEntry(yifa);
  const body = await reviewingBody(yifa, r.agencyId);
  for (const x of reviews) {
    const reviewing = {
      subjectType: RECONSIDERATIONS.proc.subjectType,
      recordName: RECONSIDERATIONS.proc.recordName,
      path: RECONSIDERATIONS.path,
      id: r.id,
      referral: x.referral,
      number: r.acceptance?.number ?? null,
    };
    await facet.refer(yifa, req, x.documentId, { reviewing, on: x.on, body, clauses: x.clauses, points: x.points });
    if (x.ruling)
      await facet.rule(yifa, req, x.documentId, { reviewing, on: x.ruling.on, body, lawful: x.ruling.lawful, reason: x.ruling.reason });
  }
}

/** The respondent's answer carries the bundle the server assembled, whatever the client sent. */
async function prepare(yifa: Yifa, req: Request, x: { id: string; type: string; payload: unknown }) {
  if (!x.payload || typeof x.payload !== 'object') return x.payload;
  if (x.type === 'reconsideration.refer-normative')
    return { ...x.payload, document: await referredDocument(yifa, (x.payload as { documentId?: unknown }).documentId) };
  if (x.type !== 'reconsideration.file-answer') return x.payload;
  const { state } = await visibleState(yifa, req, RECONSIDERATIONS, x.id);
  return { ...x.payload, bundle: await answerBundle(yifa, state) };
}

/** After the decision: its outcome recorded on the challenged case (idempotent: the facet records a document number once). */
async function afterAction(yifa: Yifa, req: Request, done: { type: string; id: string; state: Reconsideration }) {
  const r = done.state;
  if (done.type === 'reconsideration.refer-normative' || done.type === 'reconsideration.rule-normative')
    return carryIncidentalReviews(yifa, req, r);
  const d = r.decision;
  if (done.type !== 'reconsideration.decide' || !d || !r.challengedCaseId || !d.number) return;
  const outcome = DECISION_TYPES[d.type].outcome;
  if (!outcome) return;
  const { facet } = challengeOf(yifa);
  await facet.recordOutcome(yifa, req, r.challengedCaseId, {
    source: 'reconsideration',
    on: d.on,
    body: await reviewingBody(yifa, r.agencyId),
    documentNumber: d.number,
    outcome,
    reason: d.reason.slice(0, 2000),
    varied: d.varied ? { kinds: ['fine'], fineFen: d.varied.fineFen, confiscationFen: 0 } : null,
    redoBy: d.redoBy,
    reviewingRecord: { subjectType: 'reconsideration', id: r.id },
  });
}

/** What the gates read: the actor's agency, the respondent the payload names, the challenged case's common row. */
async function context(
  trx: Parameters<NonNullable<ServedProcedure<ReconsiderationTypes>['context']>>[0],
  base: Parameters<NonNullable<ServedProcedure<ReconsiderationTypes>['context']>>[1],
  _r: Reconsideration,
  payload: unknown,
): Promise<ReconsiderationContext> {
  const p = (payload && typeof payload === 'object' ? payload : {}) as { respondentAgencyId?: unknown; challengedCaseId?: unknown };
  const uuid = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : null);
  const respondentId = uuid(p.respondentAgencyId);
  const caseId = uuid(p.challengedCaseId);
  const [actor, respondent, challenged] = await Promise.all([
    base.actor.userId
      ? trx
          .selectFrom('users')
          .leftJoin('people', 'people.id', 'users.person_id')
          .select(['users.agency_id', 'users.display_name', 'people.name as person_name'])
          .where('users.id', '=', base.actor.userId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    respondentId
      ? trx
          .selectFrom('agencies')
          .innerJoin('regions', 'regions.id', 'agencies.region_id')
          .select(['agencies.id', 'agencies.name', 'regions.path'])
          .where('agencies.id', '=', respondentId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    caseId
      ? trx
          .selectFrom('procedure_cases')
          .select(['id', 'agency_id', 'status', 'procedure'])
          .where('id', '=', caseId)
          .where('procedure', '=', 'penalty-case')
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return {
    ...base,
    actorAgencyId: actor?.agency_id ?? null,
    actorName: actor?.person_name ?? actor?.display_name ?? '',
    respondent: respondent ? { id: respondent.id, name: respondent.name, regionPath: respondent.path } : null,
    challenged: challenged
      ? { id: challenged.id, agencyId: challenged.agency_id, status: challenged.status, procedure: challenged.procedure }
      : null,
  };
}

/**
 * The cases a reader may read: those of his agency as the 复议机构 (its 复议人员 and the
 * 司法局's supervision) and those naming his agency as the respondent; nothing without an
 * agency. `body` is the column holding the 复议机构; `respondent` the own table's respondent
 * column when the query joins it, else `respondentOf` the common row's id to look it up.
 */
export function casesOfReader(reader: NarrowReader, cols: { body: string } & ({ respondent: string } | { respondentOf: string })) {
  const agencyId = reader.agencyId;
  if (!agencyId) return readsNothing;
  const named =
    'respondent' in cols
      ? sql<SqlBool>`${sql.ref(cols.respondent)} = ${agencyId}`
      : sql<SqlBool>`${sql.ref(cols.respondentOf)} in (select reconsiderations.id from reconsiderations where reconsiderations.respondent_agency_id = ${agencyId})`;
  return sql<SqlBool>`(${sql.ref(cols.body)} = ${agencyId} or ${named})`;
}

export const RECONSIDERATIONS: ServedProcedure<ReconsiderationTypes> = {
  proc: RECONSIDERATION_PROCEDURE,
  series: RECONSIDERATION_SERIES,
  path: '/reconsiderations',
  tag: 'reconsiderations',
  journalPrefix: 'reconsideration',
  personalData: 'reconsideration.personal-data',
  row: {
    title: (r) => `${r.applicant.name}不服${r.respondent.name}：${r.challengedAct.slice(0, 60)}`,
    openedOn: (r) => r.receivedOn,
    closedOn,
    searchText: (r) =>
      [
        r.applicant.name,
        r.respondent.name,
        r.challengedAct,
        r.decision?.number ?? '',
        r.decision ? DECISION_TYPES[r.decision.type].name : '',
      ].join('\n'),
  },
  own: {
    table: 'reconsiderations',
    columns: (r) => ({
      respondent_agency_id: r.respondent.agencyId,
      challenged_case_id: r.challengedCaseId,
      received_on: r.receivedOn,
      received_year: Number(r.receivedOn.slice(0, 4)),
      outcome: r.decision?.type ?? (r.settlement ? 'settled' : null),
      corrected: r.decision && DECISION_TYPES[r.decision.type].corrects ? 1 : 0,
      answer_late: r.answer?.late ? 1 : 0,
      tracking_hash: r.trackingHash ?? null,
    }),
  },
  context,
  // Read by the 复议机构 (its agency: its 复议人员 and the 司法局's supervision) and by the
  // respondent the application names; another department of the county reads none of it.
  readsOnly: (reader) => casesOfReader(reader, { body: 'procedure_cases.agency_id', respondentOf: 'procedure_cases.id' }),
  // The respondent's people act only on their own agency's cases; the 复议机构's on its own.
  // Opening (no respondent yet) is the table's: the 复议机构's people, or the applicant on the portal.
  actsOutside: (ctx, r) =>
    !r.respondent.agencyId || (ctx.actorAgencyId && (ctx.actorAgencyId === r.agencyId || ctx.actorAgencyId === r.respondent.agencyId))
      ? null
      : { message: '您所在单位不是本复议案件的复议机构或者被申请人', citation: article('十九') },
  prepare,
  afterAction,
  deadlines: caseDeadlines,
  documents: reconsiderationDocuments,
  caseFile: (r, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '行政复议案卷',
      caseTitle: `${r.applicant.name}不服${r.respondent.name}行政行为申请行政复议案`,
      fields: [
        ['申请人', r.applicant.name],
        ['被申请人', r.respondent.name],
        ['收到申请日期', { date: r.receivedOn }],
        ['决定书文号', r.decision?.number ?? r.settlement?.number ?? '—'],
        ['结果', r.decision ? DECISION_TYPES[r.decision.type].name : r.settlement ? '调解' : r.termination ? '终止' : '—'],
        ['保管期限', `${FILE_YEARS}年`],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书，附材料 ${r.evidence?.length ?? 0} 项。`],
    manifest: { applicant: r.applicant.name, respondent: r.respondent.name, decisionNumber: r.decision?.number ?? null },
  }),
};

export const RECONSIDERATION_ENTRY = procedureEntry(RECONSIDERATIONS, {
  handle: 'reconsideration.evidence',
  keptUntil: async (yifa, r) => reconsiderationFilesKeptUntil(r, await yifa.calendar.table()),
});
