/**
 * 事前公开 beyond agencies and officers: each agency's 执法事项清单, 随机抽查事项清单 and one
 * 办事指南 per procedure, versioned. A version is drafted (and edited while a draft) by the
 * agency's staff with a reason, submitted, then reviewed by another person: returned to draft,
 * or published — then it never changes again, the version it replaces is marked superseded,
 * it is issued its 文号 (the kit's document counter, with the 查验码 of its DOCX: issue.ts) and
 * catalogued (政府信息公开目录, 机构职能) through the kit's hook in the same transaction, the
 * replaced version's entry marked withdrawn. Every step is one journal entry on the version
 * with who and why.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError } from '../../platform/http/errors.js';
import { requiredText, optionalText } from '../../platform/http/schemas.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { decodeCursor, keysetAfter, pageOf } from '../../platform/http/pagination.js';
import { publishInCatalog, withdrawFromCatalog } from '../../procedure/catalog.js';
import { dbOf, trxOf, type OpennessListTable } from './tables.js';
import { agencyFor, reach } from './scope.js';
import { issueNumber } from './issue.js';
import { GUIDE_LABELS, INSPECTION_LABELS, POWER_CATEGORIES, POWER_LABELS, PROCEDURE_KINDS } from './labels.js';

export const LIST_SUBJECT = 'openness-list';

/** 《中华人民共和国行政处罚法》第三十九条: the powers, their basis and procedure are published. */
export const ART_39 = '《中华人民共和国行政处罚法》第三十九条';
/** 政府信息公开条例 第二十条: what an agency discloses of itself, its rules and its procedures. */
export const OGI_20 = '《中华人民共和国政府信息公开条例》第二十条';

export const LIST_KINDS = {
  powers: '行政执法事项清单',
  inspections: '随机抽查事项清单',
  guide: '办事指南',
} as const;
export type ListKind = keyof typeof LIST_KINDS;

export const LIST_STATUSES = { draft: '草稿', submitted: '待审核', published: '已发布', superseded: '已被新版本替代' } as const;
export type ListStatus = keyof typeof LIST_STATUSES;

export { PROCEDURE_KINDS } from './labels.js';

const text = (max: number, title: string) => requiredText(max).meta({ title });

export const powerItem = z.strictObject({
  name: text(200, POWER_LABELS.name),
  category: z.enum(POWER_CATEGORIES).meta({ title: POWER_LABELS.category }),
  basis: text(1000, POWER_LABELS.basis),
  procedure: z
    .enum(Object.keys(PROCEDURE_KINDS) as [keyof typeof PROCEDURE_KINDS])
    .meta({ title: POWER_LABELS.procedure, labels: PROCEDURE_KINDS }),
  channels: text(500, POWER_LABELS.channels),
});

export const inspectionItem = z.strictObject({
  item: text(200, INSPECTION_LABELS.item),
  basis: text(1000, INSPECTION_LABELS.basis),
  object: text(200, INSPECTION_LABELS.object),
  method: text(200, INSPECTION_LABELS.method),
  frequency: text(100, INSPECTION_LABELS.frequency),
});

export const guideContent = z.strictObject({
  basis: text(1000, GUIDE_LABELS.basis),
  conditions: text(2000, GUIDE_LABELS.conditions),
  materials: z.array(text(200, GUIDE_LABELS.materials)).min(1).max(50).meta({ title: GUIDE_LABELS.materials }),
  steps: text(2000, GUIDE_LABELS.steps),
  timeLimit: text(200, GUIDE_LABELS.timeLimit),
  fee: text(200, GUIDE_LABELS.fee),
  place: text(300, GUIDE_LABELS.place),
  channels: text(500, GUIDE_LABELS.channels),
});

/** The content of a version, by its kind. */
export const listContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('powers'), items: z.array(powerItem).min(1).max(500) }),
  z.strictObject({ kind: z.literal('inspections'), items: z.array(inspectionItem).min(1).max(500) }),
  z.strictObject({ kind: z.literal('guide'), guide: guideContent }),
]);
export type ListContent = z.infer<typeof listContent>;

export const newVersionBody = z.strictObject({
  agencyId: z.string().min(1).max(64),
  /** The procedure a 办事指南 guides through (its Chinese name); none for the two lists */
  topic: optionalText(100).optional(),
  content: listContent,
  reason: requiredText(500).meta({ title: '修订理由' }),
});
export const editBody = z.strictObject({ content: listContent, reason: requiredText(500).meta({ title: '修改理由' }) });
export const reviewBody = z.strictObject({
  decision: z.enum(['publish', 'return']).meta({ title: '审核意见', labels: { publish: '同意发布', return: '退回修改' } }),
  note: optionalText(500).meta({ title: '审核说明' }),
});

const titleOf = (agencyName: string, kind: ListKind, topic: string) =>
  kind === 'guide' ? `${agencyName}${topic}办事指南` : `${agencyName}${LIST_KINDS[kind]}`;

export function listView(r: OpennessListTable) {
  const kind = r.kind as ListKind;
  const status = r.status as ListStatus;
  return {
    id: r.id,
    agencyId: r.agency_id,
    kind,
    kindName: LIST_KINDS[kind],
    topic: r.topic || null,
    version: Number(r.version),
    status,
    statusName: LIST_STATUSES[status],
    title: r.title,
    content: JSON.parse(r.content) as ListContent,
    reason: r.reason,
    draftedBy: r.drafted_by_name,
    draftedOn: r.drafted_on,
    reviewedBy: r.reviewed_by_name,
    reviewNote: r.review_note,
    publishedOn: r.published_on,
    supersededOn: r.superseded_on,
    indexNumber: r.index_number,
    number: r.number,
  };
}

/** Every version of the same list, newest first (the history). */
async function versionsOf(yifa: Yifa, r: OpennessListTable) {
  const rows = await dbOf(yifa)
    .selectFrom('openness_lists')
    .selectAll()
    .where('agency_id', '=', r.agency_id)
    .where('kind', '=', r.kind)
    .where('topic', '=', r.topic)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((v) => ({
    id: v.id,
    version: Number(v.version),
    status: v.status,
    statusName: LIST_STATUSES[v.status as ListStatus],
    reason: v.reason,
    draftedBy: v.drafted_by_name,
    draftedOn: v.drafted_on,
    reviewedBy: v.reviewed_by_name,
    publishedOn: v.published_on,
    supersededOn: v.superseded_on,
  }));
}

export async function visibleList(yifa: Yifa, req: Request, id: string, act: boolean) {
  const row = await dbOf(yifa).selectFrom('openness_lists').selectAll().where('id', '=', id).executeTakeFirst();
  await reach(req, row, LIST_SUBJECT, '清单或指南', act);
  return row!;
}

export async function getList(yifa: Yifa, req: Request, id: string) {
  const row = await visibleList(yifa, req, id, false);
  return { ...listView(row), history: await versionsOf(yifa, row) };
}

export interface ListFilters {
  agencyId?: string;
  kind?: ListKind;
  status?: ListStatus;
  limit: number;
  cursor?: string;
}

export async function listLists(yifa: Yifa, req: Request, f: ListFilters) {
  let q = dbOf(yifa)
    .selectFrom('openness_lists')
    .selectAll()
    .where(scopeFilter(req.auth.scope, { path: 'region_path' }));
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['drafted_on', 'id'], after, 'desc'));
  const rows = await q
    .orderBy('drafted_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.drafted_on, r.id], listView);
}

const refuse = (message: string, citation?: string) => new AppError('CONFLICT', message, citation ? { citation } : {});

/** A new version (a draft) of an agency's list: refused while another version of it is still a draft or under review. */
export async function draftVersion(yifa: Yifa, req: Request, input: z.infer<typeof newVersionBody>) {
  const agency = await agencyFor(yifa, req, input.agencyId, true);
  const kind = input.content.kind;
  const topic = kind === 'guide' ? (input.topic ?? '').trim() : '';
  if (kind === 'guide' && !topic) throw new AppError('INVALID_INPUT', '办事指南须写明所指引的事项（topic）');
  if (kind !== 'guide' && input.topic) throw new AppError('INVALID_INPUT', '只有办事指南才写明所指引的事项（topic）');
  const id = randomUUID();
  const today = yifa.clock.today();
  await yifa.journal.perform(
    {
      type: 'openness.list.draft',
      actor: req.auth.actor,
      subject: { type: LIST_SUBJECT, id, regionPath: agency.regionPath },
      idempotencyKey: req.idempotencyKey,
      payload: { agencyId: agency.id, kind, topic: topic || null, reason: input.reason },
    },
    async (trx) => {
      const db = trxOf(trx);
      const versions = await db
        .selectFrom('openness_lists')
        .select(['version', 'status'])
        .where('agency_id', '=', agency.id)
        .where('kind', '=', kind)
        .where('topic', '=', topic)
        .orderBy('version', 'desc')
        .execute();
      const open = versions.find((v) => v.status === 'draft' || v.status === 'submitted');
      if (open) throw refuse(`该清单的第 ${open.version} 版尚${LIST_STATUSES[open.status as ListStatus]}，请先完成或修改该版本`);
      await db
        .insertInto('openness_lists')
        .values({
          id,
          agency_id: agency.id,
          region_path: agency.regionPath,
          kind,
          topic,
          version: Number(versions[0]?.version ?? 0) + 1,
          status: 'draft',
          title: titleOf(agency.name, kind, topic),
          content: JSON.stringify(input.content),
          reason: input.reason,
          drafted_by: req.auth.user.id,
          drafted_by_name: req.auth.user.displayName,
          drafted_on: today,
          reviewed_by_name: null,
          review_note: null,
          published_on: null,
          superseded_on: null,
          index_number: null,
          number: null,
        })
        .execute();
    },
  );
  return getList(yifa, req, id);
}

/**
 * One change of a version in the journal's transaction: the row re-read and `check`ed there (a
 * concurrent change wins, this one is refused whole), then `next` written; what `next` returns
 * is the journal entry's result.
 */
async function change(
  yifa: Yifa,
  req: Request,
  id: string,
  type: string,
  payload: Record<string, unknown>,
  check: (r: OpennessListTable) => AppError | null,
  next: (r: OpennessListTable, trx: Parameters<typeof trxOf>[0]) => Promise<unknown>,
) {
  const row = await visibleList(yifa, req, id, true);
  const first = check(row);
  if (first) throw first;
  await yifa.journal.perform(
    {
      type,
      actor: req.auth.actor,
      subject: { type: LIST_SUBJECT, id, regionPath: row.region_path },
      idempotencyKey: req.idempotencyKey,
      payload,
    },
    async (trx) => {
      const now = await trxOf(trx).selectFrom('openness_lists').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const late = check(now);
      if (late) throw late;
      return next(now, trx);
    },
  );
  return getList(yifa, req, id);
}

const immutable = (r: OpennessListTable) =>
  r.status === 'draft'
    ? null
    : refuse(
        r.status === 'submitted'
          ? '该版本正在审核，不能修改；如需修改，请由审核人退回'
          : `该版本${LIST_STATUSES[r.status as ListStatus]}，已发布的版本不能修改，请起草新版本`,
      );

export function editDraft(yifa: Yifa, req: Request, id: string, input: z.infer<typeof editBody>) {
  return change(
    yifa,
    req,
    id,
    'openness.list.edit',
    { reason: input.reason },
    (r) =>
      immutable(r) ??
      (input.content.kind !== r.kind ? new AppError('INVALID_INPUT', `该版本是${LIST_KINDS[r.kind as ListKind]}，内容类型不符`) : null),
    async (r, trx) => {
      await trxOf(trx)
        .updateTable('openness_lists')
        .set({ content: JSON.stringify(input.content), reason: input.reason })
        .where('id', '=', r.id)
        .execute();
    },
  );
}

export function submitDraft(yifa: Yifa, req: Request, id: string) {
  return change(yifa, req, id, 'openness.list.submit', {}, immutable, async (r, trx) => {
    await trxOf(trx).updateTable('openness_lists').set({ status: 'submitted' }).where('id', '=', r.id).execute();
  });
}

/**
 * The review: returned to draft, or published — the version before it superseded (its catalog
 * entry withdrawn), the new one numbered (its 文号 the journal entry's result, as the verify page
 * reads it) and catalogued with its 索引号. Who drafted a version does not review it.
 */
export function reviewVersion(yifa: Yifa, req: Request, id: string, input: z.infer<typeof reviewBody>) {
  const today = yifa.clock.today();
  return change(
    yifa,
    req,
    id,
    input.decision === 'publish' ? 'openness.list.publish' : 'openness.list.return',
    { note: input.note },
    (r) => {
      if (r.status !== 'submitted') return refuse(`该版本${LIST_STATUSES[r.status as ListStatus]}，不在待审核状态`);
      if (r.drafted_by === req.auth.user.id) return refuse('起草人不能审核自己起草的版本');
      if (input.decision === 'return' && !input.note) return new AppError('INVALID_INPUT', '退回修改须写明审核说明');
      return null;
    },
    async (r, trx) => {
      const db = trxOf(trx);
      if (input.decision === 'return') {
        await db.updateTable('openness_lists').set({ status: 'draft', review_note: input.note }).where('id', '=', r.id).execute();
        return null;
      }
      await supersede(trx, r, today);
      const at = yifa.clock.now().toISOString();
      const number = await issueNumber(trx, {
        agencyId: r.agency_id,
        series: r.kind as ListKind,
        subject: { type: LIST_SUBJECT, id: r.id },
        actionType: 'openness.list.publish',
        today,
        at,
      });
      const entry = await publishInCatalog(trx, {
        agencyId: r.agency_id,
        category: 'functions',
        title: `${r.title}（第 ${r.version} 版）`,
        publishedOn: today,
        source: { type: LIST_SUBJECT, id: r.id },
        link: `/portal/openness/lists/${r.id}`,
        at,
      });
      await db
        .updateTable('openness_lists')
        .set({
          status: 'published',
          published_on: today,
          reviewed_by_name: req.auth.user.displayName,
          review_note: input.note,
          index_number: entry.indexNumber,
          number,
        })
        .where('id', '=', r.id)
        .execute();
      return { number, indexNumber: entry.indexNumber };
    },
  );
}

/** The version in force of the same list becomes superseded, and its catalog entry withdrawn (its file no longer served). */
async function supersede(trx: Parameters<typeof trxOf>[0], r: OpennessListTable, today: string) {
  const db = trxOf(trx);
  const replaced = await db
    .selectFrom('openness_lists')
    .select('id')
    .where('agency_id', '=', r.agency_id)
    .where('kind', '=', r.kind)
    .where('topic', '=', r.topic)
    .where('status', '=', 'published')
    .execute();
  if (replaced.length === 0) return;
  const ids = replaced.map((x) => x.id);
  await db.updateTable('openness_lists').set({ status: 'superseded', superseded_on: today }).where('id', 'in', ids).execute();
  await withdrawFromCatalog(trx, { type: LIST_SUBJECT, ids }, { on: today, reason: `已被第 ${r.version} 版替代` });
}

// ——— the public ———

const publicList = (r: OpennessListTable) => {
  const v = listView(r);
  return {
    id: v.id,
    agencyId: v.agencyId,
    kind: v.kind,
    kindName: v.kindName,
    topic: v.topic,
    version: v.version,
    status: v.status,
    statusName: v.status === 'published' ? '现行有效' : '已被新版本替代',
    title: v.title,
    content: v.content,
    reason: v.reason,
    publishedOn: v.publishedOn,
    supersededOn: v.supersededOn,
    indexNumber: v.indexNumber,
    number: v.number,
  };
};

/** The versions in force (published), by agency and kind. */
export async function publicLists(yifa: Yifa, f: { agencyId?: string; kind?: ListKind; limit: number; cursor?: string }) {
  let q = dbOf(yifa).selectFrom('openness_lists').selectAll().where('status', '=', 'published');
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['title', 'id'], after));
  const rows = await q
    .orderBy('title')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.title, r.id], publicList);
}

/** One published (or superseded) version, with the published history of its list. */
export async function publicListById(yifa: Yifa, id: string) {
  const row = await dbOf(yifa)
    .selectFrom('openness_lists')
    .selectAll()
    .where('id', '=', id)
    .where('status', 'in', ['published', 'superseded'])
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '清单或指南不存在或尚未发布');
  const history = (await versionsOf(yifa, row)).filter((v) => v.status === 'published' || v.status === 'superseded');
  return { ...publicList(row), history: history.map(({ draftedBy: _d, reviewedBy: _r, ...h }) => h) };
}
