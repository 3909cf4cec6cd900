/**
 * 人民调解 as the kit serves it: its table (actions.ts), the committee its gates read and the
 * narrower scope a mediator acts in (his committee's disputes only), how a dispute is listed,
 * its deadlines, its documents, its case file and the columns its statistics count by.
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { procedureEntry } from '../../procedure/service.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { CATEGORIES, CITE } from './law.js';
import { DISPUTE_PROCEDURE, committeeOf, confirmationDue, targetDue, type DisputeTypes } from './actions.js';
import { committeeFacts, tablesOf } from './committees.js';
import { screeningItemFacts } from './screening-tables.js';
import { DISPUTE_SERIES, disputeDocuments } from './documents.js';
import { OUTCOMES, closedOn, type Dispute } from './state.js';

/** The dispute's deadlines: the mediation's target (a duty), and the parties' 30 days for 司法确认 (a window). */
function disputeDeadlines(d: Dispute, at: { table: Parameters<typeof deadlineList>[0]; today: string }) {
  const { out, duty, window } = deadlineList(at.table, at.today);
  const declined = !!d.consent && !d.consent.agreed;
  duty('mediation.target', d.registeredOn, targetDue(d, at.table), !!d.outcome || declined);
  const due = confirmationDue(d, at.table);
  if (d.outcome && due) window('mediation.judicial-confirmation', d.outcome.on, due, !!d.confirmation);
  return out;
}

/** What the statistics count: written, oral, ended — or declined, when a party refused. */
const outcomeColumn = (d: Dispute) => (d.consent && !d.consent.agreed ? 'declined' : (d.outcome?.kind ?? null));

export const DISPUTES: ServedProcedure<DisputeTypes> = {
  proc: DISPUTE_PROCEDURE,
  series: DISPUTE_SERIES,
  path: '/disputes',
  tag: 'disputes',
  journalPrefix: 'dispute',
  personalData: 'mediation.personal-data',
  row: {
    title: (d) => `${d.parties.map((p) => p.name).join('与')}${CATEGORIES[d.category]}`,
    openedOn: (d) => d.registeredOn,
    closedOn,
    searchText: (d) =>
      [...d.parties.map((p) => p.name), d.committeeName, CATEGORIES[d.category], d.facts, d.points, d.outcome?.number ?? ''].join('\n'),
  },
  own: {
    table: 'mediation_disputes',
    columns: (d) => ({
      committee_id: d.committeeId,
      region_path: d.regionPath,
      created_by: d.registeredBy,
      registered_on: d.registeredOn,
      category: d.category,
      source: d.source,
      outcome: outcomeColumn(d),
      outcome_on: d.consent && !d.consent.agreed ? d.consent.on : (d.outcome?.on ?? null),
      amount_fen: d.outcome && d.outcome.kind !== 'ended' ? d.outcome.amountFen : 0,
      kind: 'people',
      screening_item_id: d.screening?.itemId ?? null,
      criminal_risk: d.riskReports.length > 0 || d.screening?.criminalRisk ? 1 : 0,
      mass_risk: d.screening?.massRisk ? 1 : 0,
    }),
  },
  async context(trx, base, s, payload) {
    const personId = base.actor.personId;
    const actorCommittees = personId
      ? (await tablesOf(trx).selectFrom('mediation_members').select('committee_id').where('person_id', '=', personId).execute()).map(
          (r) => r.committee_id,
        )
      : [];
    // The payload as parsed, or null when it failed to parse (the runner refuses it next).
    const id = s.committeeId || committeeOf(payload as { committeeId: string | null } | null, actorCommittees);
    const itemId = s.committeeId ? undefined : (payload as { screeningItemId?: string } | null)?.screeningItemId;
    return {
      ...base,
      committee: id ? await committeeFacts(trx, id) : null,
      actorCommittees,
      screeningItem: itemId ? await screeningItemFacts(trx, itemId) : null,
    };
  },
  // A mediator acts only on the disputes of a committee he sits on (fail closed: no person, no committee, no action).
  // A dispute routed in by another record (the 信访部门's referral, Art 18) is registered by the one
  // who routes it: its gate checks that record names this one, so no one else passes as a referrer.
  actsOutside: (ctx, s) => {
    if (!ctx.committee) return s.committeeId ? { message: '纠纷所属的人民调解委员会不存在', citation: null } : null;
    if (!s.committeeId && ctx.linkSource?.found && ctx.linkSource.namesThis) return null;
    const personId = ctx.actor.personId;
    return personId && ctx.committee.memberIds.includes(personId)
      ? null
      : { message: `您不是${ctx.committee.name}的人民调解员，不能办理该委员会的纠纷`, citation: CITE.designation };
  },
  deadlines: disputeDeadlines,
  documents: disputeDocuments,
  caseFile: (d, dc) => ({
    cover: {
      agencyName: d.committeeName || dc.agencyName,
      heading: '人民调解卷宗',
      caseTitle: `${d.parties.map((p) => p.name).join('与')}${CATEGORIES[d.category]}`,
      fields: [
        ['调解委员会', d.committeeName],
        ['协议书编号', d.outcome?.number ?? '—'],
        ['登记日期', { date: d.registeredOn }],
        ['结案日期', { date: closedOn(d) }],
        ['调解结果', d.outcome ? OUTCOMES[d.outcome.kind] : d.consent && !d.consent.agreed ? '当事人拒绝调解' : '—'],
        ['保管期限', '10年'],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书。`],
    manifest: { committee: d.committeeName, agreementNumber: d.outcome?.number ?? null },
  }),
};

export const DISPUTE_ENTRY = procedureEntry(DISPUTES);
