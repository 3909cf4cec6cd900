/**
 * The numbered documents 政务公开 issues: a published version of a 执法事项清单, 随机抽查事项清单
 * or 办事指南, and a published 以案释法. Each gets its 文号 from the kit's document counter
 * (`allocateNumber`, src/procedure/numbering.ts) in the transaction that publishes it — gapless
 * per agency, series and year, a rolled-back publication returning its number — and with it
 * the 查验码 its DOCX carries (docs/verification.md). No numbering of the module's own.
 */
import type { Trx } from '../../journal/journal.js';
import { DomainError } from '../../platform/errors.js';
import { allocateNumber, type SeriesInfo } from '../../procedure/numbering.js';

/** The series, by the kind of what is published: its word in the 文号 and its document's title. */
export const OPENNESS_SERIES = {
  powers: { word: '执清字', title: '行政执法事项清单' },
  inspections: { word: '抽查清字', title: '随机抽查事项清单' },
  guide: { word: '办指字', title: '办事指南' },
  explanation: { word: '释法字', title: '以案释法' },
} as const satisfies Record<string, SeriesInfo>;
export type OpennessSeries = keyof typeof OPENNESS_SERIES;

export interface OpennessIssue {
  agencyId: string;
  series: OpennessSeries;
  /** The record the document is issued to (a list version, an explanation) */
  subject: { type: string; id: string };
  /** The journal action that publishes it: the verify page finds the document's entry by its type and the number in its result */
  actionType: string;
  /** The day of publication (YYYY-MM-DD): its year is the 文号's */
  today: string;
  at: string;
}

/** The next 文号 of the series, issued to the record with its 查验码, in the publishing transaction. */
export async function issueNumber(trx: Trx, x: OpennessIssue): Promise<string> {
  const agency = await trx.selectFrom('agencies').select(['id', 'doc_prefix']).where('id', '=', x.agencyId).executeTakeFirst();
  if (!agency) throw new DomainError('NOT_FOUND', '未找到发布机关');
  const series = OPENNESS_SERIES[x.series];
  return allocateNumber(trx, {
    agency,
    series: x.series,
    word: series.word,
    title: series.title,
    year: Number(x.today.slice(0, 4)),
    subject: x.subject,
    actionType: x.actionType,
    at: x.at,
  });
}
