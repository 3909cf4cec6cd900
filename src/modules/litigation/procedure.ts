/**
 * 行政应诉 as the kit serves it: its table (actions.ts), what its gates read (the actor's
 * agency, the challenged penalty case's common row, the reconsideration named), who may act on a
 * case (the defending agency's own people only), its list row and own columns (the indicators'),
 * its deadlines (the answer's 15 days, the appeal window), its documents and case file; the
 * answer's evidence assembled from the challenged case through its registry entry
 * (`challenge.describe`), and the effective judgment handed back to the case
 * (`challenge.recordOutcome`).
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { procedureEntry, visibleState } from '../../procedure/service.js';
import { deadlineList } from '../../procedure/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import { challengeEntry } from '../../procedure/challenge.js';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { LAWSUIT_PROCEDURE, type LawsuitContext, type LawsuitTypes } from './actions.js';
import { LAWSUIT_SERIES, lawsuitDocuments } from './documents.js';
import {
  JUDGMENT_TYPES,
  RULING_TYPES,
  article,
  decisive,
  lost,
  type AnswerBundle,
  type JudgmentType,
  type Lawsuit,
  type RulingType,
} from './state.js';

/** The answer's 15 days from the copy, and each appeal window of a first-instance judgment or ruling. */
function lawsuitDeadlines(l: Lawsuit, at: { table: HolidayTable; today: string }) {
  const { out, duty, window } = deadlineList(at.table, at.today);
  const ended = !!l.effective;
  duty('litigation.answer', l.copyReceivedOn, l.answerDue, !!l.answer || ended, '被告');
  for (const j of l.judgments) {
    if (!j.appealDue) continue;
    window(
      j.kind === 'judgment' ? 'litigation.appeal-judgment' : 'litigation.appeal-ruling',
      j.servedOn,
      j.appealDue,
      !!l.appealDecision || ended,
    );
  }
  return out;
}

/** The evidence and basis, assembled from the challenged case as it stands (its state proven by its entry). */
export async function answerBundle(yifa: Yifa, l: Lawsuit): Promise<AnswerBundle | null> {
  if (!l.challengedCaseId) return null;
  const { entry, facet } = challengeEntry(yifa);
  const act = await facet.describe(yifa, await entry.proven(yifa, l.challengedCaseId));
  return { caseId: act.id, number: act.number, decidedOn: act.decidedOn, facts: act.facts, basis: act.basis, evidence: act.evidence };
}

/**
 * What the registration form offers: the reader's own agency's decisions that may be challenged
 * (the newest decided penalty cases, through the case's registry entry) and its decided
 * reconsiderations (as respondent), from the common rows.
 */
export async function openOptions(yifa: Yifa, agencyId: string | null) {
  if (!agencyId) return { cases: [], reconsiderations: [] };
  const rows = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .select(['id'])
    .where('procedure', '=', 'penalty-case')
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['decided', 'executing', 'closed', 'archived'])
    .orderBy('opened_on', 'desc')
    .limit(300)
    .execute();
  const { entry, facet } = challengeEntry(yifa);
  const cases = [];
  for (const row of rows) {
    const act = await facet.describe(yifa, await entry.proven(yifa, row.id));
    if (act.number) cases.push({ id: act.id, number: act.number, party: act.party, servedOn: act.servedOn, stands: act.stands });
  }
  const reconsiderations = await yifa.db.kysely
    .selectFrom('reconsiderations as r')
    .innerJoin('procedure_cases as c', 'c.id', 'r.id')
    .select(['r.id', 'c.title', 'r.challenged_case_id'])
    .where('r.respondent_agency_id', '=', agencyId)
    .where('c.status', '=', 'decided')
    .orderBy('r.received_on', 'desc')
    .limit(300)
    .execute();
  return {
    cases,
    reconsiderations: reconsiderations.map((r) => ({ id: r.id, title: r.title, challengedCaseId: r.challenged_case_id })),
  };
}

/** The answer carries the evidence the server assembled, whatever the client sent. */
async function prepare(yifa: Yifa, req: Request, x: { id: string; type: string; payload: unknown }) {
  if (x.type !== 'litigation.file-answer' || !x.payload || typeof x.payload !== 'object') return x.payload;
  const { state } = await visibleState(yifa, req, LAWSUITS, x.id);
  return { ...x.payload, bundle: await answerBundle(yifa, state) };
}

/** The effective judgment's outcome recorded on the challenged penalty case (idempotent: once per 裁判文书号). */
async function afterAction(yifa: Yifa, req: Request, done: { type: string; id: string; state: Lawsuit }) {
  const l = done.state;
  if (done.type !== 'litigation.record-judgment' && done.type !== 'litigation.record-effective') return;
  const j = decisive(l);
  if (!j || !l.challengedCaseId || j.kind !== 'judgment') return;
  const outcome = JUDGMENT_TYPES[j.type as JudgmentType].outcome;
  if (!outcome) return;
  const { facet } = challengeEntry(yifa);
  await facet.recordOutcome(yifa, req, l.challengedCaseId, {
    source: 'litigation',
    on: l.effective?.on ?? j.on,
    body: l.court,
    documentNumber: j.number,
    outcome,
    reason: j.summary.slice(0, 2000),
    varied: j.variedFineFen !== null ? { kinds: ['fine'], fineFen: j.variedFineFen, confiscationFen: 0 } : null,
    redoBy: j.redoBy,
    reviewingRecord: { subjectType: 'lawsuit', id: l.id },
  });
}

const uuid = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : null);

/** What the gates read: the actor's agency, the penalty case and the reconsideration the payload names. */
async function context(
  trx: Parameters<NonNullable<ServedProcedure<LawsuitTypes>['context']>>[0],
  base: Parameters<NonNullable<ServedProcedure<LawsuitTypes>['context']>>[1],
  _l: Lawsuit,
  payload: unknown,
): Promise<LawsuitContext> {
  const p = (payload && typeof payload === 'object' ? payload : {}) as { challengedCaseId?: unknown; reconsiderationId?: unknown };
  const reconsiderationId = uuid(p.reconsiderationId);
  const [actor, reconsideration] = await Promise.all([
    base.actor.userId
      ? trx.selectFrom('users').select('agency_id').where('id', '=', base.actor.userId).executeTakeFirst()
      : Promise.resolve(undefined),
    reconsiderationId
      ? trx
          .selectFrom('reconsiderations as r')
          .innerJoin('procedure_cases as c', 'c.id', 'r.id')
          .select(['r.id', 'c.status', 'r.respondent_agency_id', 'r.challenged_case_id'])
          .where('r.id', '=', reconsiderationId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const caseId = uuid(p.challengedCaseId) ?? reconsideration?.challenged_case_id ?? null;
  const challenged = caseId
    ? await trx
        .selectFrom('procedure_cases')
        .select(['id', 'agency_id', 'status'])
        .where('id', '=', caseId)
        .where('procedure', '=', 'penalty-case')
        .executeTakeFirst()
    : undefined;
  return {
    ...base,
    actorAgencyId: actor?.agency_id ?? null,
    challenged: challenged ? { id: challenged.id, agencyId: challenged.agency_id, status: challenged.status } : null,
    reconsideration: reconsideration
      ? {
          id: reconsideration.id,
          status: reconsideration.status,
          respondentAgencyId: reconsideration.respondent_agency_id,
          challengedCaseId: reconsideration.challenged_case_id,
        }
      : null,
  };
}

const FILE_YEARS = 30;

const outcomeName = (l: Lawsuit) => {
  const j = decisive(l);
  if (!j) return null;
  return j.kind === 'judgment' ? JUDGMENT_TYPES[j.type as JudgmentType].name : RULING_TYPES[j.type as RulingType].name;
};

export const LAWSUITS: ServedProcedure<LawsuitTypes> = {
  proc: LAWSUIT_PROCEDURE,
  series: LAWSUIT_SERIES,
  path: '/lawsuits',
  tag: 'lawsuits',
  journalPrefix: 'litigation',
  personalData: 'litigation.personal-data',
  row: {
    title: (l) => `${l.plaintiff.name}诉${l.challengedAct.slice(0, 60)}（${l.caseNumber}）`,
    openedOn: (l) => l.filedOn,
    closedOn: (l) => (l.effective && (!lost(l) || l.performance) ? (l.performance?.on ?? l.effective.on) : null),
    searchText: (l) => [l.plaintiff.name, l.caseNumber, l.court, l.challengedAct, outcomeName(l) ?? ''].join('\n'),
  },
  own: {
    table: 'lawsuits',
    columns: (l) => {
      const held = l.hearings.filter((h) => h.held);
      return {
        agency_id: l.agencyId,
        challenged_case_id: l.challengedCaseId,
        filed_on: l.filedOn,
        filed_year: Number(l.filedOn.slice(0, 4)),
        outcome: decisive(l)?.type ?? null,
        concluded: l.effective ? 1 : 0,
        lost: lost(l) ? 1 : 0,
        answer_late: l.answer?.late ? 1 : 0,
        hearings_held: held.length,
        head_appearances: held.filter((h) => h.held?.head).length,
      };
    },
  },
  context,
  // Only the defending agency's own people act on its lawsuits.
  actsOutside: (ctx, l) =>
    ctx.actorAgencyId && (ctx.actorAgencyId === l.agencyId || !l.caseNumber)
      ? null
      : { message: '您所在单位不是本案的被告', citation: article('二十六') },
  prepare,
  afterAction,
  deadlines: lawsuitDeadlines,
  documents: lawsuitDocuments,
  caseFile: (l, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '行政应诉案卷',
      caseTitle: `${l.plaintiff.name}诉${dc.agencyName}行政诉讼案`,
      fields: [
        ['案号', l.caseNumber],
        ['受理法院', l.court],
        ['原告', l.plaintiff.name],
        ['立案日期', { date: l.filedOn }],
        ['结果', outcomeName(l) ?? '—'],
        ['保管期限', `${FILE_YEARS}年`],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书。`],
    manifest: { plaintiff: l.plaintiff.name, caseNumber: l.caseNumber, court: l.court },
  }),
};

export const LAWSUIT_ENTRY = procedureEntry(LAWSUITS);
