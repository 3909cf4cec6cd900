/**
 * 行政规范性文件 as the kit serves it: its table (actions.ts), the reviewer's qualification its
 * review gate reads, how a document is listed and found, its deadlines (备案, the evaluation
 * before expiry), its documents and case file, and its own columns (what the portal's search
 * and the evaluation queue read).
 */
import type { ServedProcedure } from '../../procedure/served.js';
import { procedureEntry } from '../../procedure/service.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { NORMATIVE_PROCEDURE, evaluationFrom, type NormativeContext, type NormativeTypes } from './actions.js';
import { DOC_SERIES, normativeDocuments } from './documents.js';
import { qualificationOf } from './qualifications.js';
import { CITE } from './law.js';
import { STATUS_NAMES, closedOn, currentRegistration, statusOf, type NormativeDoc } from './state.js';

/** The document's deadlines: 备案 within the configured period of publication, and the evaluation before its validity ends. */
function docDeadlines(d: NormativeDoc, at: { table: Parameters<typeof deadlineList>[0]; today: string }) {
  const { out, duty } = deadlineList(at.table, at.today);
  const first = d.registrations[0];
  if (first) duty('normative.filing', first.on, deadlineDue(at.table, { rule: 'normative.filing', from: first.on }), !!d.filing);
  const r = currentRegistration(d);
  if (r) {
    const before = out.length;
    duty('normative.validity', evaluationFrom(r), r.expiresOn, statusOf(d) !== 'published', r.number);
    // The duty is the evaluation (renew or let lapse) before the validity ends: its own words.
    out[before] = { ...out[before]!, title: '有效期届满前评估，决定延续或者失效（届满前 6 个月起）', citation: CITE.local };
  }
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
  context: async (trx, base, _s, _payload): Promise<NormativeContext> => ({
    ...base,
    reviewer: base.actor.personId ? await qualificationOf(trx, base.actor.personId) : null,
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

export const NORMATIVE_ENTRY = procedureEntry(NORMATIVE_DOCS);
