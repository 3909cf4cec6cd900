/**
 * 信访事项 as the kit serves it: its table (actions.ts), how a petition is listed, its
 * deadlines from the catalog, its documents and case file, its own columns, and the one
 * fact its gates read from another record (the earlier petition a repeat names).
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { procedureEntry } from '../../procedure/service.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { PETITION_PROCEDURE, handlingDue, type PetitionContext, type PetitionTypes } from './actions.js';
import { PETITION_SERIES, petitionDocuments } from './documents.js';
import {
  CATEGORIES,
  CHANNELS,
  OUTCOME_NAMES,
  STATUS_NAMES,
  closedOn,
  petitionerNames,
  type Petition,
  type PetitionStatus,
} from './state.js';

/** The petition's deadlines (RULES.md `petition.*`): notice, misroute objection, handling (extended), 复查 and 复核 windows and replies. */
function petitionDeadlines(p: Petition, at: { table: Parameters<typeof deadlineList>[0]; today: string }) {
  const { out, duty, window } = deadlineList(at.table, at.today);
  const due = (rule: Parameters<typeof deadlineDue>[1]['rule'], from: string) => deadlineDue(at.table, { rule, from });
  const r = p.routing;
  duty('petition.acceptance-notice', p.receivedOn, due('petition.acceptance-notice', p.receivedOn), !!r || !!p.objection);
  if (p.source === 'transferred')
    window('petition.misroute-objection', p.receivedOn, due('petition.misroute-objection', p.receivedOn), !!r || !!p.objection);
  if (r && (r.kind === 'accept' || r.kind === 'assign')) {
    const done = r.kind === 'accept' ? !!p.opinion : !!p.report;
    const original = handlingDue(p, at.table);
    if (p.extension) {
      duty('petition.handling', r.on, original, true);
      duty('petition.handling-extension', original, p.extension.until, done);
    } else duty('petition.handling', r.on, original, done);
  }
  const o = p.opinion;
  if (o) window('petition.review-request', o.servedOn, due('petition.review-request', o.servedOn), !!p.review);
  if (p.review) {
    duty('petition.review-reply', p.review.requestedOn, due('petition.review-reply', p.review.requestedOn), !!p.review.reply);
    const reply = p.review.reply;
    if (reply) window('petition.recheck-request', reply.servedOn, due('petition.recheck-request', reply.servedOn), !!p.recheck);
  }
  if (p.recheck)
    duty('petition.recheck-reply', p.recheck.requestedOn, due('petition.recheck-reply', p.recheck.requestedOn), !!p.recheck.reply);
  return out;
}

/** The earlier petition a repeat names, as the acceptance gate reads it: its status, or null when none has that number. */
async function priorPetition(trx: Parameters<NonNullable<ServedProcedure<PetitionTypes>['context']>>[0], p: Petition) {
  if (!p.repeatOf) return {};
  const row = await trx
    .selectFrom('petitions')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
    .select(['procedure_cases.status', 'petitions.number'])
    .where('petitions.number', '=', p.repeatOf)
    .where('petitions.id', '!=', p.id)
    .executeTakeFirst();
  const prior: PetitionContext['prior'] = row ? { status: row.status as PetitionStatus, number: row.number ?? p.repeatOf } : null;
  return { prior };
}

export const PETITIONS: ServedProcedure<PetitionTypes> = {
  proc: PETITION_PROCEDURE,
  series: PETITION_SERIES,
  path: '/petitions',
  tag: 'petitions',
  journalPrefix: 'petition',
  personalData: 'petition.personal-data',
  row: {
    title: (p) => `${petitionerNames(p)}：${p.request.slice(0, 60)}`,
    openedOn: (p) => p.receivedOn,
    closedOn,
    searchText: (p) =>
      [
        petitionerNames(p),
        p.number ?? '',
        p.request,
        p.place,
        CATEGORIES[p.category],
        CHANNELS[p.channel],
        p.opinion ? OUTCOME_NAMES[p.opinion.outcome] : '',
      ].join('\n'),
  },
  // A petition registered at the counter, by letter or by phone gets a tracking code too, given to the petitioner.
  onOpen: (payload) => {
    const trackingCode = newTrackingCode();
    const fields = payload && typeof payload === 'object' ? payload : {};
    return { payload: { ...fields, trackingHash: trackingHashOf(trackingCode) }, reveal: { trackingCode } };
  },
  // Its gates read the earlier petition a repeat names (after 复核 it is refused).
  context: async (trx, base, s) => ({ ...base, ...(await priorPetition(trx, s)) }),
  own: {
    table: 'petitions',
    columns: (p) => ({
      tracking_hash: p.trackingHash,
      number: p.number,
      channel: p.channel,
      category: p.category,
      place: p.place,
      outcome: p.opinion?.outcome ?? null,
    }),
  },
  deadlines: petitionDeadlines,
  documents: petitionDocuments,
  caseFile: (p, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '信访事项办理案卷',
      caseTitle: `${petitionerNames(p)}反映${CATEGORIES[p.category]}问题`,
      fields: [
        ['信访人', petitionerNames(p)],
        ['登记号', p.number ?? '—'],
        ['收到日期', { date: p.receivedOn }],
        ['办结日期', { date: closedOn(p) }],
        ['处理意见', p.opinion ? OUTCOME_NAMES[p.opinion.outcome] : '—'],
        ['状态', STATUS_NAMES[PETITION_PROCEDURE.status(p)]],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书，调查核实记录 ${p.notes.length} 份。`],
    manifest: { petitioners: petitionerNames(p), number: p.number },
  }),
};

/** Petitions as the rest of yifa reaches them (the journal's names, the 工作台); they keep no evidence files yet. */
export const PETITION_ENTRY = procedureEntry(PETITIONS);
