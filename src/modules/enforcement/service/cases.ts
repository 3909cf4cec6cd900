/**
 * Penalty-case use cases. Every change is one journaled action that runs the workflow
 * table: role and status, payload validation, the gates, the document number, then the
 * fold — all in one transaction, so a refused action changes nothing. The projection row
 * in `penalty_cases` is the fold's latest state plus the columns lists filter on.
 */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../../platform/yifa.js';
import type { AlertContext } from '../../../journal/projection.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import type { Request } from '../../../platform/security/request.js';
import type { Role } from '../../../platform/security/access.js';
import { offers, upcoming, type Offer, type Upcoming } from '../../../procedure/decide.js';
import {
  checkAction as checkProcedureAction,
  refuseUnproven,
  runAction as runProcedureAction,
  visibleRecord,
  type Target,
} from '../../../procedure/runner.js';
import type { Refusal } from '../../../procedure/spec.js';
import { subjectActions } from '../../../procedure/service.js';
import type { CaseDeadline } from '../../../procedure/deadlines.js';
import type { Within } from '../../../procedure/links.js';
import { decisionRefusals, type GateContext } from '../gates.js';
import { latePayment } from '../workflow/execution.js';
import { PENALTY_PROCEDURE, type OPENING_ACTIONS, type PenaltyActionType } from '../workflow.js';
import { STATUS_NAMES, isSuspended, statusOf, type LatePayment, type PenaltyCase, type PenaltyStatus } from '../penalty-case.js';
import { caseDeadlines } from '../case-deadlines.js';
import { DOCUMENT_SERIES, type DocumentSeries } from '../documents/series.js';
import { scoreCase, type SheetResult } from '../case-file/review-sheet.js';
import { requiredRecordings, type RequiredRecording } from '../recordings.js';
import { gateContext } from './gate-context.js';
import { penaltyStore, readCaseContext, type IssuedDocument } from './store.js';
import { caseRow, caseRowWithLast, proveCase, replayFrom, SUBJECT_TYPE } from './proof.js';

/** Opens a case: 案源登记 (general procedure) or an on-the-spot decision (simple procedure). */
export async function openCase(yifa: Yifa, req: Request, type: (typeof OPENING_ACTIONS)[number], payload: unknown): Promise<CaseView> {
  const agencyId = req.auth.user.agencyId;
  if (!agencyId) throw new AppError('FORBIDDEN', '您的账号没有所属执法主体，不能登记案件');
  return runAction(yifa, req, { isNew: true, id: randomUUID(), agencyId }, type, payload);
}

export async function performAction(yifa: Yifa, req: Request, caseId: string, type: string, payload: unknown): Promise<CaseView> {
  return runAction(yifa, req, { isNew: false, id: caseId }, type, payload);
}

/**
 * Opens a case inside another action's transaction (a petition routed into a 案源, links.ts):
 * the same runner and gates, appended after that action and kept or lost with it. The calendar
 * is the one that action read (inside its transaction nothing else may be read on SQLite).
 */
export async function openCaseWithin(yifa: Yifa, req: Request, within: Within, target: { id: string; agencyId: string }, payload: unknown) {
  await runProcedureAction(
    yifa,
    req,
    PENALTY_RUNNER,
    penaltyStore(yifa, within.table),
    { isNew: true, ...target },
    'penalty.register',
    payload,
    false,
    {
      within: within.trx,
    },
  );
}

/** 检查: would the action be taken now, with this payload? The same refusals as taking it; nothing is kept. */
export async function checkCaseAction(yifa: Yifa, req: Request, caseId: string, type: string, payload: unknown) {
  const store = penaltyStore(yifa, await yifa.calendar.table());
  return checkProcedureAction(yifa, req, PENALTY_RUNNER, store, { isNew: false, id: caseId }, type, payload);
}

/** The kit's runner for penalty cases: the procedure and its series' words. */
const PENALTY_RUNNER = { proc: PENALTY_PROCEDURE, series: DOCUMENT_SERIES };

/** One action through the kit; the case page's view is built from what the action left, without reading it back. */
async function runAction(yifa: Yifa, req: Request, target: Target, type: string, rawPayload: unknown): Promise<CaseView> {
  const store = penaltyStore(yifa, await yifa.calendar.table());
  const done = await runProcedureAction(yifa, req, PENALTY_RUNNER, store, target, type, rawPayload);
  if (done.replayed) return getCase(yifa, req, done.id);
  const documents = [
    ...done.loaded.documents,
    ...(done.issued ? [{ series: done.issued.series, number: done.issued.number, action_type: type, issued_at: done.issued.at }] : []),
  ];
  return caseView(done.next, done.ctx, { agencyName: done.loaded.agency.name, documents, roles: req.auth.roles, deadlines: done.saved });
}

/** A case read by the system (no user scope), proven against the journal; INTEGRITY_ERROR (alerted) when it is not. */
export async function provenCaseState(yifa: Yifa, id: string, via: AlertContext['via']): Promise<PenaltyCase> {
  const found = await caseRowWithLast(yifa.db.engine, yifa.db.kysely, id);
  if (!found) throw notFound('案件');
  return proveCase(yifa.db.kysely, found.row, found.lastResult, { reread: false }).catch((e) => refuseUnproven(yifa, e, { via }));
}

/** The case as it stands, when the user may see it (a refusal is journaled): no deadlines or documents computed. */
export async function visibleCase(yifa: Yifa, req: Request, id: string): Promise<PenaltyCase> {
  const found = await caseRowWithLast(yifa.db.engine, yifa.db.kysely, id);
  if (!found || !(await visibleRecord(req, SUBJECT_TYPE, found.row))) throw notFound('案件');
  return proveCase(yifa.db.kysely, found.row, found.lastResult, { reread: false }).catch((e) =>
    refuseUnproven(yifa, e, { via: 'request', userId: req.auth.user.id }),
  );
}

export interface CaseView {
  id: string;
  status: PenaltyStatus;
  statusName: string;
  suspended: boolean;
  procedure: PenaltyCase['procedure'];
  agency: { id: string; name: string };
  deadlines: CaseDeadline[];
  /** What the user may do now, the expected next steps first (flagged `next`) */
  allowedActions: Offer<PenaltyActionType>[];
  /** Expected next steps the user may take once the day allows (举行听证 on its date), each with why not today */
  upcoming: Upcoming<PenaltyActionType>[];
  /** What stands between the case and a decision now (empty when it may be decided) */
  decisionBlockers: Refusal[];
  /** 加处罚款 as it stands today, day by day (null while the time to pay runs, or with no fine) */
  latePayment: LatePayment | null;
  case: PenaltyCase;
  /** 案卷评查 pre-check against the items the case's stage requires: the score, what is missing, what comes later */
  fileCheck: SheetResult;
  /** The steps the agency requires to be recorded on audio-visual media, and whether each is */
  recordings: RequiredRecording[];
  /** The numbered documents issued so far */
  documents: { series: DocumentSeries; title: string; number: string; actionType: string; issuedAt: string }[];
}

export async function getCase(yifa: Yifa, req: Request, id: string): Promise<CaseView> {
  const found = await readCaseContext(yifa.db.engine, yifa.db.kysely, id, {
    lock: false,
    people: req.auth.user.personId ? [req.auth.user.personId] : [],
  });
  if (!found || !(await visibleRecord(req, SUBJECT_TYPE, found.row))) throw notFound('案件');
  // Proven before anything is shown: the page, its documents and the case file all come through here.
  const c = await proveCase(yifa.db.kysely, found.row, found.lastResult, { reread: false }).catch((e) =>
    refuseUnproven(yifa, e, { via: 'request', userId: req.auth.user.id }),
  );
  const today = yifa.clock.today();
  const ctx = await gateContext(
    yifa.db.kysely,
    await yifa.calendar.table(),
    c,
    null,
    { personId: req.auth.user.personId, userId: null },
    today,
    found,
  );
  return caseView(c, ctx, { agencyName: found.agency.name, documents: found.documents, roles: req.auth.roles });
}

/** The case page's view of a case, from the case and its gate context (no reads). */
function caseView(
  c: PenaltyCase,
  ctx: GateContext,
  extra: { agencyName: string; documents: IssuedDocument[]; roles: Role[]; deadlines?: CaseDeadline[] },
): CaseView {
  const status = statusOf(c);
  return {
    id: c.id,
    status,
    statusName: STATUS_NAMES[status],
    suspended: isSuspended(c),
    procedure: c.procedure,
    agency: { id: c.agencyId, name: extra.agencyName },
    deadlines: extra.deadlines ?? caseDeadlines(c, ctx),
    allowedActions: offers(PENALTY_PROCEDURE, c, extra.roles, ctx),
    upcoming: upcoming(PENALTY_PROCEDURE, c, extra.roles, ctx),
    decisionBlockers: c.proposal && !c.decision ? decisionRefusals(c, ctx) : [],
    latePayment: latePayment(c, ctx, ctx.today),
    fileCheck: scoreCase(c, ctx.settings),
    recordings: requiredRecordings(c, ctx.settings.recordingRequired),
    case: c,
    documents: extra.documents.map((d) => ({
      series: d.series as DocumentSeries,
      title: DOCUMENT_SERIES[d.series as DocumentSeries].title,
      number: d.number,
      actionType: d.action_type,
      issuedAt: d.issued_at,
    })),
  };
}

/** The case's journal: every action, oldest first. */
export async function caseActions(yifa: Yifa, req: Request, id: string) {
  const row = await caseRow(yifa.db.kysely, id);
  if (!row || !(await visibleRecord(req, SUBJECT_TYPE, row))) throw notFound('案件');
  return subjectActions(yifa.db.kysely, PENALTY_PROCEDURE.subjectType, id);
}

/** Rebuilds a case from the journal alone (the projection must equal it). */
export async function replayCase(yifa: Yifa, id: string): Promise<PenaltyCase> {
  return replayFrom(yifa.db.kysely, id);
}
