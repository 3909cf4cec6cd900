/**
 * The file of a 政府信息公开目录 entry, served to the public (政府信息公开条例 第二十三条: what
 * is disclosed of one's own accord is published where the public can read it): a list version's
 * or a 以案释法's numbered DOCX (documents.ts, with its 查验码), or the PDF registered by hand
 * (the verified upload the entry holds). Only while what the entry catalogues is in force: a
 * superseded version's entry stays in the catalog but its file is no longer served. An entry of
 * a procedure's facet (a normative document's registration) has a page, not a file.
 */
import type { Readable } from 'node:stream';
import type { Yifa } from '../../platform/yifa.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { downloadName } from '../../platform/blobs/sniff.js';
import { catalogDb, type CatalogEntryTable } from '../../procedure/catalog.js';
import { dbOf } from './tables.js';
import { LIST_SUBJECT } from './lists.js';
import { EXPLANATION_SUBJECT } from './explanations.js';
import { DOCX_TYPE, explanationDocument, listDocument, openIssued } from './documents.js';
import { CATALOG_SUBJECT } from './catalog.js';

export interface EntryFile {
  /** A rendered document's bytes, or how to open an uploaded file's stream (so the answer may be cached and sent again) */
  body: Buffer | (() => Readable);
  type: string;
  fileName: string;
}

type Provider = (yifa: Yifa, e: CatalogEntryTable) => Promise<EntryFile | null>;

const docx = async (yifa: Yifa, e: CatalogEntryTable, doc: Parameters<typeof openIssued>[3]): Promise<EntryFile> => {
  const opened = await openIssued(yifa, { type: e.source_type!, id: e.source_id! }, e.agency_id, doc, 'docx');
  return { body: opened.docx!, type: DOCX_TYPE, fileName: `${e.title}${opened.content.number ? `-${opened.content.number}` : ''}.docx` };
};

/** Each kind of entry's file, by the type of record it catalogues. */
const FILES: Readonly<Record<string, Provider>> = {
  [LIST_SUBJECT]: async (yifa, e) => {
    const row = await dbOf(yifa)
      .selectFrom('openness_lists')
      .selectAll()
      .where('id', '=', e.source_id!)
      .where('status', '=', 'published')
      .executeTakeFirst();
    return row ? docx(yifa, e, listDocument(row)) : null;
  },
  [EXPLANATION_SUBJECT]: async (yifa, e) => {
    const row = await dbOf(yifa)
      .selectFrom('case_explanations')
      .selectAll()
      .where('id', '=', e.source_id!)
      .where('status', '=', 'published')
      .executeTakeFirst();
    return row ? docx(yifa, e, explanationDocument(row)) : null;
  },
  [CATALOG_SUBJECT]: async (yifa, e) => {
    if (!e.file_sha256) return null;
    const upload = await yifa.db.kysely
      .selectFrom('uploads')
      .select(['mime'])
      .where('sha256', '=', e.file_sha256)
      .where('completed_at', 'is not', null)
      .where('purged_at', 'is', null)
      .executeTakeFirst();
    if (!upload?.mime || (await yifa.blobs.size(e.file_sha256)) === null) return null;
    const sha256 = e.file_sha256;
    return { body: () => yifa.blobs.read(sha256), type: upload.mime, fileName: downloadName(e.file_name ?? e.title, upload.mime) };
  },
};

/** The entry's file, or 404 in Chinese: an unknown entry, one withdrawn, one without a file. */
export async function publicEntryFile(yifa: Yifa, id: string): Promise<EntryFile> {
  const e = await catalogDb(yifa.db.kysely).selectFrom('catalog_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!e) throw notFound('目录条目');
  if (e.withdrawn_on) {
    throw new AppError(
      'NOT_FOUND',
      `该目录条目所载信息已于 ${e.withdrawn_on} 失效（${e.withdrawn_reason ?? '已停止公开'}），不再提供文件下载，请查阅现行版本`,
      { details: { withdrawnOn: e.withdrawn_on, reason: e.withdrawn_reason } },
    );
  }
  const file = await FILES[e.source_type ?? '']?.(yifa, e);
  if (!file) {
    throw new AppError('NOT_FOUND', `该目录条目没有可下载的文件${e.link ? `，请查看其公开页面 ${e.link}` : ''}`);
  }
  return file;
}
