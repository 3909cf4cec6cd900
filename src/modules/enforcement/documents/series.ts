/**
 * Document number series (文号): one gapless sequence per agency, series and year, e.g.
 * 妙泉罚决字〔2026〕第12号. The counter moves in the transaction of the action that
 * issues the document, so a refused action leaves no gap.
 */
export const DOCUMENT_SERIES = {
  filing: { word: '罚立字', title: '立案审批表' },
  preservation: { word: '登保字', title: '先行登记保存通知书' },
  seizure: { word: '强制字', title: '查封（扣押）决定书' },
  notice: { word: '罚告字', title: '行政处罚告知书' },
  'hearing-notice': { word: '听通字', title: '听证通知书' },
  'review-opinion': { word: '法审字', title: '重大执法决定法制审核意见书' },
  decision: { word: '罚决字', title: '行政处罚决定书' },
  'no-penalty': { word: '不罚字', title: '不予行政处罚决定书' },
  transfer: { word: '移字', title: '涉嫌犯罪案件移送书' },
  'on-the-spot': { word: '当罚字', title: '当场行政处罚决定书' },
  'correction-order': { word: '责改字', title: '责令（限期）改正通知书' },
  recusal: { word: '回避字', title: '回避决定书' },
  reminder: { word: '催字', title: '催告书' },
  'court-application': { word: '执申字', title: '强制执行申请书' },
  correction: { word: '更字', title: '行政处罚决定书更正通知书' },
  'self-correction': { word: '纠字', title: '撤销（变更）行政处罚决定书' },
} as const satisfies Record<string, { word: string; title: string }>;

export type DocumentSeries = keyof typeof DOCUMENT_SERIES;

export function formatDocumentNumber(prefix: string, series: DocumentSeries, year: number, n: number): string {
  return `${prefix}${DOCUMENT_SERIES[series].word}〔${year}〕第${n}号`;
}
