/**
 * 行政调解 as the kit serves it (a sibling of 人民调解 on the kit, not a path of the same
 * procedure: another actor — the agency's staff, not a committee's mediator —, another scope —
 * the agency's own, not the committee's —, other legal bases, documents under the agency's seal,
 * and no 司法确认). Its list row, deadline (the catalog's `mediation.target`), documents, case
 * file, and the columns its statistics count by.
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { ownAgencyReads } from '../../procedure/read-scope.js';
import { procedureEntry } from '../../procedure/service.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { CATEGORIES } from './law.js';
import { OUTCOMES } from './state.js';
import { ADMIN_MEDIATION_PROCEDURE, PENALTY_CASE, type AdminMediationTypes } from './admin-actions.js';
import { ADMIN_SERIES, adminMediationDocuments } from './admin-documents.js';
import { ADMIN_BASES, adminClosedOn, type AdminMediation } from './admin-state.js';

const title = (m: AdminMediation) => `${m.parties.map((p) => p.name).join('与')}${CATEGORIES[m.category]}`;

/** The statistics' outcome column: written, ended — or declined, when a party refused. */
const outcomeColumn = (m: AdminMediation) => (m.consent && !m.consent.agreed ? 'declined' : (m.outcome?.kind ?? null));

export const ADMIN_MEDIATIONS: ServedProcedure<AdminMediationTypes> = {
  proc: ADMIN_MEDIATION_PROCEDURE,
  series: ADMIN_SERIES,
  path: '/administrative-mediations',
  tag: 'administrative-mediations',
  journalPrefix: 'admin-mediation',
  personalData: 'mediation.administrative',
  // An agency reads and acts on its own mediations only, whatever its region scope.
  readsOnly: ownAgencyReads,
  row: {
    title,
    openedOn: (m) => m.registeredOn,
    closedOn: adminClosedOn,
    searchText: (m) =>
      [
        ...m.parties.map((p) => p.name),
        m.agencyName,
        CATEGORIES[m.category],
        m.facts,
        m.points,
        m.outcome?.number ?? '',
        m.penaltyCase?.title ?? '',
      ].join('\n'),
  },
  own: {
    table: 'administrative_mediations',
    columns: (m) => ({
      agency_id: m.agencyId,
      region_path: m.regionPath,
      created_by: m.registeredBy,
      registered_on: m.registeredOn,
      category: m.category,
      source: m.source,
      outcome: outcomeColumn(m),
      outcome_on: m.consent && !m.consent.agreed ? m.consent.on : (m.outcome?.on ?? null),
      amount_fen: m.outcome && m.outcome.kind !== 'ended' ? m.outcome.amountFen : 0,
      penalty_case_id: m.penaltyCase?.id ?? null,
    }),
  },
  async context(trx, base, _m, payload) {
    const user = base.actor.userId
      ? await trx.selectFrom('users').select('agency_id').where('id', '=', base.actor.userId).executeTakeFirst()
      : undefined;
    const raw = (payload as { penaltyCaseId?: unknown } | null)?.penaltyCaseId;
    const caseId = typeof raw === 'string' && raw.trim() ? raw.trim() : null;
    // The penalty case through the kit's common table (the procedure registry's rows), never the enforcement module.
    const row = caseId
      ? await trx
          .selectFrom('procedure_cases')
          .select(['id', 'title', 'agency_id', 'status'])
          .where('procedure', '=', PENALTY_CASE)
          .where('id', '=', caseId)
          .executeTakeFirst()
      : undefined;
    return {
      ...base,
      actorAgencyId: user?.agency_id ?? null,
      penaltyCase: row ? { procedure: PENALTY_CASE, id: row.id, title: row.title, agencyId: row.agency_id, status: row.status } : null,
    };
  },
  // Only the mediating agency's own staff act (fail closed: a user of no agency acts on nothing).
  actsOutside: (ctx) =>
    ctx.actorAgencyId && ctx.actorAgencyId === ctx.agency.id
      ? null
      : { message: '行政调解由调解机关本机关的工作人员办理，您不能办理其他机关的行政调解', citation: null },
  deadlines: (m, at) => {
    const { out, duty } = deadlineList(at.table, at.today);
    const declined = !!m.consent && !m.consent.agreed;
    duty(
      'mediation.target',
      m.registeredOn,
      deadlineDue(at.table, { rule: 'mediation.target', from: m.registeredOn }),
      !!m.outcome || declined,
    );
    return out;
  },
  documents: (m) => adminMediationDocuments(m),
  caseFile: (m, dc) => ({
    cover: {
      agencyName: m.agencyName || dc.agencyName,
      heading: '行政调解卷宗',
      caseTitle: title(m),
      fields: [
        ['调解机关', m.agencyName],
        ['调解依据', ADMIN_BASES[m.basis].cite],
        ['关联案件', m.penaltyCase?.title ?? '—'],
        ['协议书编号', m.outcome?.number ?? '—'],
        ['登记日期', { date: m.registeredOn }],
        ['结案日期', { date: adminClosedOn(m) }],
        ['调解结果', m.outcome ? OUTCOMES[m.outcome.kind] : m.consent && !m.consent.agreed ? '当事人拒绝调解' : '—'],
        ['保管期限', '10年'],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书。`],
    manifest: { agency: m.agencyName, agreementNumber: m.outcome?.number ?? null },
  }),
};

export const ADMIN_MEDIATION_ENTRY = procedureEntry(ADMIN_MEDIATIONS);
