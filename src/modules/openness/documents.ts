/**
 * The documents 政务公开 issues, as the kit's structured content (one structure feeds the DOCX,
 * the console's print view and the portal's download): a published version of a list or
 * guide, and a published 以案释法 — the party as the public reads him (张某某), never more.
 * Each carries the 文号 the kit issued it when it was published (issue.ts) and, opened, its
 * 查验码 and QR code (`withVerification`). Staff open any version or explanation in their
 * reach that has been published; a draft has no document yet.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { publicUrlOf } from '../../platform/config.js';
import { AppError } from '../../platform/http/errors.js';
import type { Block, DocumentContent } from '../../procedure/documents/content.js';
import { renderDocx } from '../../procedure/documents/docx.js';
import { withVerification } from '../../procedure/documents/verification.js';
import type { OpennessListTable, CaseExplanationTable } from './tables.js';
import { ART_39, LIST_SUBJECT, OGI_20, type ListContent, type ListKind, visibleList } from './lists.js';
import { EXPLANATION_SUBJECT, visibleExplanation, type Citation, type PublicCaseFacts } from './explanations.js';
import { OPENNESS_SERIES } from './issue.js';
import { GUIDE_LABELS, GUIDE_TEXT_FIELDS, INSPECTION_LABELS, POWER_LABELS, PROCEDURE_KINDS, type ProcedureKind } from './labels.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const cnDate = (d: string | null) => {
  if (!d) return '';
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

/** A table block: a numbered row per item, its cells in the labels' order. */
function itemsTable<T extends Record<string, string>>(
  labels: { [K in keyof T]: string },
  items: T[],
  cell = (_k: keyof T, v: string) => v,
): Block {
  const keys = Object.keys(labels) as (keyof T)[];
  return {
    kind: 'table',
    header: ['序号', ...keys.map((k) => labels[k])],
    rows: items.map((x, i) => [String(i + 1), ...keys.map((k) => cell(k, x[k] as string))]),
  };
}

/** Each kind's content as blocks, and the law it is published under. */
const CONTENT_BLOCKS: { [K in ListKind]: { cite: string; blocks: (c: Extract<ListContent, { kind: K }>) => Block[] } } = {
  powers: {
    cite: `${ART_39}、${OGI_20}`,
    blocks: (c) => [itemsTable(POWER_LABELS, c.items, (k, v) => (k === 'procedure' ? PROCEDURE_KINDS[v as ProcedureKind] : v))],
  },
  inspections: {
    cite: OGI_20,
    blocks: (c) => [itemsTable(INSPECTION_LABELS, c.items)],
  },
  guide: {
    cite: OGI_20,
    blocks: (c) => [
      ...GUIDE_TEXT_FIELDS.map((k): Block => ({ kind: 'paragraph', heading: GUIDE_LABELS[k], text: c.guide[k] })),
      { kind: 'paragraph', heading: GUIDE_LABELS.materials, text: c.guide.materials.map((m, i) => `${i + 1}. ${m}`).join('\n') },
    ],
  },
};

/** A published version of a list or guide as its document. */
export function listDocument(r: OpennessListTable): DocumentContent {
  const kind = r.kind as ListKind;
  const content = JSON.parse(r.content) as ListContent;
  const part = CONTENT_BLOCKS[kind] as { cite: string; blocks: (c: ListContent) => Block[] };
  return {
    id: 'list',
    title: `${kind === 'guide' ? `${r.topic}${OPENNESS_SERIES.guide.title}` : OPENNESS_SERIES[kind].title}（第${r.version}版）`,
    number: r.number,
    date: r.published_on,
    sealed: true,
    blocks: [
      { kind: 'field', label: '索引号', value: r.index_number ?? '' },
      { kind: 'field', label: '版本', value: `第${r.version}版，${cnDate(r.published_on)}发布` },
      { kind: 'field', label: '修订说明', value: r.reason },
      ...part.blocks(content),
      { kind: 'paragraph', text: `本${kind === 'guide' ? '办事指南' : '清单'}依据${part.cite}主动公开。` },
    ],
  };
}

/** A published 以案释法 as its document: the case's facts as the public reads them (the party masked). */
export function explanationDocument(r: CaseExplanationTable): DocumentContent {
  const facts = JSON.parse(r.facts) as PublicCaseFacts;
  const citations = JSON.parse(r.citations) as Citation[];
  return {
    id: 'explanation',
    title: OPENNESS_SERIES.explanation.title,
    number: r.number,
    date: r.published_on,
    sealed: true,
    blocks: [
      { kind: 'field', label: '索引号', value: r.index_number ?? '' },
      { kind: 'field', label: '标题', value: r.title },
      { kind: 'field', label: '执法机关', value: facts.agencyName },
      ...(facts.number ? [{ kind: 'field' as const, label: '决定书文号', value: facts.number }] : []),
      { kind: 'field', label: '当事人', value: `${facts.party.name}（${facts.party.kindName}）` },
      { kind: 'field', label: '违法行为类型', value: facts.violationType },
      { kind: 'field', label: '处罚内容', value: facts.penalty },
      { kind: 'field', label: '处罚依据', value: facts.basis },
      { kind: 'field', label: '决定日期', value: cnDate(facts.decidedOn) },
      { kind: 'paragraph', heading: '释法说理', text: r.body },
      {
        kind: 'table',
        header: ['法律法规', '条款', '条文内容'],
        rows: citations.map((c) => [`《${c.law}》`, c.article, c.excerpt ?? '']),
      },
    ],
  };
}

export interface OpenedDocument {
  content: DocumentContent;
  agencyName: string;
  docx?: Buffer;
  /** The name it downloads under */
  fileName: string;
}

/** The document with its 查验码 and QR code, and as DOCX on request. */
export async function openIssued(
  yifa: Yifa,
  subject: { type: string; id: string },
  agencyId: string,
  doc: DocumentContent,
  format: 'json' | 'docx',
): Promise<OpenedDocument> {
  const [content] = (await withVerification(yifa.db.kysely, publicUrlOf(yifa.config), subject, [doc])) as [DocumentContent];
  const agency = await yifa.db.kysely.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirst();
  const agencyName = agency?.name ?? '';
  const fileName = `${content.title}${content.number ? `-${content.number}` : ''}.docx`;
  return { content, agencyName, fileName, ...(format === 'docx' ? { docx: await renderDocx(content, agencyName) } : {}) };
}

const notIssued = (what: string) => new AppError('NOT_FOUND', `该${what}尚未发布，尚未出具文书（文书于发布时编号出具）`);

/** A version's document, for staff in reach: published or superseded (a draft has none). */
export async function openListDocument(yifa: Yifa, req: Request, id: string, format: 'json' | 'docx') {
  const row = await visibleList(yifa, req, id, false);
  if (row.status !== 'published' && row.status !== 'superseded') throw notIssued('版本');
  return openIssued(yifa, { type: LIST_SUBJECT, id }, row.agency_id, listDocument(row), format);
}

/** An explanation's document, for staff in reach, once published. */
export async function openExplanationDocument(yifa: Yifa, req: Request, id: string, format: 'json' | 'docx') {
  const row = await visibleExplanation(yifa, req, id, false);
  if (row.status !== 'published') throw notIssued('以案释法');
  return openIssued(yifa, { type: EXPLANATION_SUBJECT, id }, row.agency_id, explanationDocument(row), format);
}
