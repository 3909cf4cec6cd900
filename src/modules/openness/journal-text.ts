/** How the journal names the openness module's actions and tells their payloads. */
import type { ActionTexts } from '../../journal/readable.js';
import { LIST_KINDS, type ListKind } from './lists.js';
import { CATALOG_CATEGORIES, type CatalogCategory } from '../../procedure/catalog.js';

type P = Record<string, unknown>;
const p = (e: { payload: unknown }) => (e.payload ?? {}) as P;
const note = (e: { payload: unknown }) => (p(e).note ? `：${String(p(e).note)}` : '');
/** The 文号 a publication issued (its entry's result). */
const issued = (e: { result: unknown }) => {
  const number = (e.result as { number?: unknown } | null)?.number;
  return typeof number === 'string' ? `，出具${number}` : '';
};

export const OPENNESS_ACTION_TEXTS = {
  'openness.list.draft': {
    title: '起草清单新版本',
    summary: (e) =>
      `${LIST_KINDS[p(e).kind as ListKind] ?? ''}${p(e).topic ? `（${String(p(e).topic)}）` : ''}，理由：${String(p(e).reason)}`,
  },
  'openness.list.edit': { title: '修改清单草稿', summary: (e) => `理由：${String(p(e).reason)}` },
  'openness.list.submit': { title: '清单提交审核', summary: () => '提交审核' },
  'openness.list.publish': { title: '审核发布清单', summary: (e) => `同意发布${note(e)}${issued(e)}` },
  'openness.list.return': { title: '清单退回修改', summary: (e) => `退回修改${note(e)}` },
  'openness.explanation.draft': { title: '起草以案释法', summary: (e) => String(p(e).title ?? '') },
  'openness.explanation.edit': { title: '修改以案释法', summary: (e) => String(p(e).title ?? '') },
  'openness.explanation.submit': { title: '以案释法提交审批', summary: () => '提交负责人审批' },
  'openness.explanation.approve': { title: '批准以案释法', summary: (e) => `批准${note(e)}` },
  'openness.explanation.return': { title: '以案释法退回修改', summary: (e) => `退回修改${note(e)}` },
  'openness.explanation.publish': { title: '发布以案释法', summary: (e) => `发布于 ${String(p(e).publishedOn)}${issued(e)}` },
  'openness.catalog.project': {
    title: '编入公开目录',
    summary: (e) => `${CATALOG_CATEGORIES[p(e).category as CatalogCategory]?.name ?? ''}：${String(p(e).title)}`,
  },
  'openness.catalog.add': {
    title: '登记公开目录条目',
    summary: (e) => `${CATALOG_CATEGORIES[p(e).category as CatalogCategory]?.name ?? ''}：${String(p(e).title)}`,
  },
} as const satisfies ActionTexts;
