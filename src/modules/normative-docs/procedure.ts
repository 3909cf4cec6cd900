/**
 * 行政规范性文件 as the kit serves it: its table (actions.ts), the reviewer's qualification its
 * review gate reads, how a document is listed and found, its deadlines (备案, the evaluation
 * before expiry), its documents and case file, and its own columns (what the portal's search
 * and the evaluation queue read).
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { actOnRecord, procedureEntry, provenRecord } from '../../procedure/service.js';
import { namesReferral, reviewingRefSchema, sameReferral, type IncidentalReviewFacet } from '../../procedure/incidental-review.js';
import type { Trx } from '../../journal/journal.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { NORMATIVE_PROCEDURE, evaluationFrom, type NormativeContext, type NormativeTypes } from './actions.js';
import { DOC_SERIES, normativeDocuments } from './documents.js';
import { qualificationOf } from './qualifications.js';
import { searchColumns } from './search.js';
import { STATUS_NAMES, closedOn, currentRegistration, statusOf, type NormativeDoc } from './state.js';

/** The document's deadlines: 备案 within the configured period of publication, and the evaluation before its validity ends. */
function docDeadlines(d: NormativeDoc, at: { table: Parameters<typeof deadlineList>[0]; today: string }) {
  const { out, duty } = deadlineList(at.table, at.today);
  const first = d.registrations[0];
  if (first) duty('normative.filing', first.on, deadlineDue(at.table, { rule: 'normative.filing', from: first.on }), !!d.filing);
  for (const c of d.challenges)
    duty(
      'reconsideration.incidental-answer',
      c.receivedOn,
      deadlineDue(at.table, { rule: 'reconsideration.incidental-answer', from: c.receivedOn }),
      !!c.answer,
      c.caseNumber ?? c.by,
    );
  const r = currentRegistration(d);
  // The evaluation (renew or let lapse) opens `normative.evaluation` before the validity ends, and is due by its end.
  if (r) duty('normative.evaluation', evaluationFrom(r), r.expiresOn, statusOf(d) !== 'published', r.number);
  return out;
}

export const NORMATIVE_DOCS: ServedProcedure<NormativeTypes> = {
  proc: NORMATIVE_PROCEDURE,
  series: DOC_SERIES,
  path: '/normative-documents',
  tag: 'normative-documents',
  journalPrefix: 'normative-document',
  // A normative document names no private person: the permission to read is enough.
  personalData: 'normative.read',
  row: {
    title: (d) => d.title,
    openedOn: (d) => d.draftedOn,
    closedOn,
    searchText: (d) => [d.title, d.drafter, ...d.registrations.map((r) => r.number), d.legalBasis].join('\n'),
  },
  context: async (trx, base, d, payload): Promise<NormativeContext> => ({
    ...base,
    reviewer: base.actor.personId ? await qualificationOf(trx, base.actor.personId) : null,
    referralNamed: await referralNamedIn(trx, payload, d.id),
  }),
  own: {
    table: 'normative_documents',
    columns: (d) => {
      const r = currentRegistration(d);
      const status = statusOf(d);
      return {
        title: d.title,
        region_path: d.regionPath,
        number: r?.number ?? null,
        status,
        published_on: d.registrations[0]?.on ?? null,
        effective_on: r?.effectiveOn ?? null,
        expires_on: r?.expiresOn ?? null,
        evaluation_from: r && status === 'published' ? evaluationFrom(r) : null,
        filed_on: d.filing?.on ?? null,
        ended_on: closedOn(d),
        provisional: d.provisional ? 1 : 0,
        ...searchColumns(d.title, r?.number ?? null),
      };
    },
  },
  deadlines: docDeadlines,
  documents: normativeDocuments,
  caseFile: (d, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '行政规范性文件制定档案',
      caseTitle: d.title,
      fields: [
        ['起草单位', d.drafter],
        ['统一编号', d.registrations.map((r) => r.number).join('、') || '—'],
        ['起草日期', { date: d.draftedOn }],
        ['发布日期', { date: d.registrations[0]?.on ?? null }],
        ['状态', STATUS_NAMES[statusOf(d)]],
        ['版本数', String(d.versions.length)],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书，正文 ${d.versions.length} 个版本。`],
    manifest: { title: d.title, numbers: d.registrations.map((r) => r.number) },
  }),
};

/** Does the 复议 case the payload names (`reviewing`) keep this referral of this document? Read in the action's transaction. */
async function referralNamedIn(trx: Trx, payload: unknown, documentId: string): Promise<boolean> {
  const parsed = reviewingRefSchema.safeParse((payload as { reviewing?: unknown } | null)?.reviewing);
  if (!parsed.success) return false;
  const row = await trx
    .selectFrom('procedure_cases')
    .select('state')
    .where('id', '=', parsed.data.id)
    .where('procedure', '=', parsed.data.subjectType)
    .executeTakeFirst();
  return namesReferral(row?.state, parsed.data.referral, documentId);
}

/**
 * The document as a 复议机构 reaches it (the kit's incidental-review facet): the referral and
 * the ruling recorded through this procedure's own actions, as the 复议机构's user, once each
 * (a retry finds them recorded).
 */
const INCIDENTAL_REVIEW: IncidentalReviewFacet = {
  challengeable: ['published', 'lapsed', 'repealed', 'invalid'],
  async refer(yifa, req, id, x) {
    const { state } = await provenRecord(yifa, NORMATIVE_DOCS, id, 'request');
    if (state.challenges.some((c) => sameReferral(c.reviewing, x.reviewing))) return;
    await actOnRecord(yifa, { ...req, idempotencyKey: null }, NORMATIVE_DOCS, id, 'normative.receive-challenge', {
      on: x.on,
      by: x.body,
      caseNumber: x.reviewing.number,
      clauses: x.clauses,
      points: x.points,
      reviewing: x.reviewing,
    });
  },
  async rule(yifa, req, id, x) {
    const { state } = await provenRecord(yifa, NORMATIVE_DOCS, id, 'request');
    const c = state.challenges.find((y) => sameReferral(y.reviewing, x.reviewing));
    if (!c || c.ruling) return;
    await actOnRecord(yifa, { ...req, idempotencyKey: null }, NORMATIVE_DOCS, id, 'normative.record-ruling', {
      challenge: c.seq,
      on: x.on,
      lawful: x.lawful,
      reason: x.reason,
      reviewing: x.reviewing,
    });
  },
};

export const NORMATIVE_ENTRY = { ...procedureEntry(NORMATIVE_DOCS), incidentalReview: INCIDENTAL_REVIEW };
