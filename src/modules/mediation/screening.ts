/**
 * 矛盾纠纷排查台账: a committee (or one of its groups) screens its area on a day, named people
 * doing it, and records the disputes and risks it found — grade, category, the people
 * involved, whether it may turn into a criminal case (民转刑) or a mass incident
 * (群体性事件/上访), whether it may turn violent. Each item is then resolved on the spot, taken
 * into mediation (a dispute registered through the procedure's own register action, which
 * links it: mediation_disputes.screening_item_id), or routed to 信访, an enforcement agency or
 * the police, the receiving side named. A possibly violent item needs its report to the police
 * recorded (who, when, to whom) before the round closes (人民调解法 Art 25).
 *
 * A mediator records the rounds of the committees he sits on (fail closed, like his disputes);
 * readers see the rounds of their data scope, and a refusal is journaled.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Database } from '../../platform/db/schema.js';
import type { Request } from '../../platform/security/request.js';
import { inScope, scopeFilter } from '../../platform/security/scope.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { legalDate, requiredText as text, optionalText } from '../../platform/http/schemas.js';
import { decodeCursor, keysetAfter, pageOf, pageQuery } from '../../platform/http/pagination.js';
import { RECORD_CHECK } from '../../procedure/spec.js';
import { openRecord } from '../../procedure/service.js';
import {
  CATEGORIES,
  CATEGORY_IDS,
  CITE,
  DISPOSITIONS,
  GRADES,
  GRADE_IDS,
  ROUTES,
  ROUTE_IDS,
  type Category,
  type Disposition,
  type Grade,
  type Route,
} from './law.js';
import { committeeFacts, tablesOf as committeeTables } from './committees.js';
import { screeningTables as tables, type ScreeningTables } from './screening-tables.js';
import { DISPUTES } from './procedure.js';
import { registerSchema } from './actions.js';

/** The journal's subject type for a screening round. */
export const SCREENING_SUBJECT = 'mediation-screening';

export const itemInput = z.strictObject({
  grade: z.enum(GRADE_IDS).meta({ title: '风险等级', labels: GRADES }),
  category: z.enum(CATEGORY_IDS).meta({ title: '纠纷类别', labels: CATEGORIES }),
  people: text(500).meta({ title: '涉及人员' }),
  description: text(2000).meta({ title: '矛盾纠纷或风险情况' }),
  criminalRisk: z.boolean().default(false).meta({ title: '可能民转刑' }),
  massRisk: z.boolean().default(false).meta({ title: '可能引发群体性事件或上访' }),
  violent: z.boolean().default(false).meta({ title: '可能激化（暴力）' }),
});
export type ItemInput = z.infer<typeof itemInput>;

export const screeningInput = z.strictObject({
  committeeId: z.string().min(1).max(64).nullable().default(null).meta({ title: '调解委员会（不填：本人所在的调解委员会）' }),
  groupId: z.string().min(1).max(64).nullable().default(null).meta({ title: '调解小组' }),
  screenedOn: legalDate.meta({ title: '排查日期' }),
  screeners: z.array(text(30)).min(1, '至少写明一名排查人员').max(20).meta({ title: '排查人员' }),
  scopeNote: text(500).meta({ title: '排查范围' }),
  items: z.array(itemInput).max(50).default([]).meta({ title: '排查发现的矛盾纠纷和风险' }),
});
export type ScreeningInput = z.infer<typeof screeningInput>;

/** A moment as the police report records it: a date and the hour. */
const minute = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DDTHH:mm');

export const policeReportInput = z.strictObject({
  at: minute.meta({ title: '报告时间' }),
  by: text(30).meta({ title: '报告人' }),
  to: text(100).meta({ title: '接报的公安机关（派出所）及接报人' }),
  note: optionalText(1000).meta({ title: '报告内容和已采取的措施' }),
});

export const disposeInput = z
  .strictObject({
    disposition: z.enum(['resolved', 'routed']).meta({ title: '处置方式', labels: { resolved: '当场化解', routed: '移交其他部门' } }),
    on: legalDate.meta({ title: '处置日期' }),
    routeTo: z.enum(ROUTE_IDS).nullable().default(null).meta({ title: '移交', labels: ROUTES }),
    receiver: optionalText(100).default(null).meta({ title: '接收单位和接收人' }),
    note: text(1000).meta({ title: '处置情况' }),
  })
  .superRefine((p, ctx) => {
    if (p.disposition === 'routed' && !p.routeTo)
      ctx.addIssue({ code: 'custom', path: ['routeTo'], message: '移交其他部门须写明移交去向' });
    if (p.disposition === 'routed' && !p.receiver)
      ctx.addIssue({ code: 'custom', path: ['receiver'], message: '移交其他部门须写明接收单位和接收人' });
    if (p.disposition === 'resolved' && (p.routeTo || p.receiver))
      ctx.addIssue({ code: 'custom', path: ['routeTo'], message: '当场化解的不填移交去向和接收人' });
  });

/** Taken into mediation: the register action's payload, its committee and parties as the form gives them. */
export const mediateInput = registerSchema.omit({ screeningItemId: true });

export const closeInput = z.strictObject({ on: legalDate.meta({ title: '排查结束日期' }) });

export const listQuery = z.strictObject({
  committee: z.string().min(1).max(64).optional(),
  from: legalDate.optional(),
  to: legalDate.optional(),
  open: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

/** A refusal with its article (none: a record check), and the field it is about. */
const refused = (message: string, citation: string | null, field?: string) =>
  new AppError('GATE_REFUSED', message, { ...(citation ? { citation } : {}), ...(field ? { details: { field } } : {}) });

function notFuture(date: string, today: string, what: string, field: string) {
  if (date > today) throw refused(`${what}（${date}）不能晚于今天（${today}）`, RECORD_CHECK, field);
}

/**
 * The committee the actor records for: the one named, or his only one; refused (and the
 * refusal journaled) unless he sits on it — a mediator screens for his own committee only.
 */
async function actingCommittee(yifa: Yifa, req: Request, committeeId: string | null) {
  const personId = req.auth.user.personId;
  const mine = personId
    ? (
        await committeeTables(yifa.db.kysely)
          .selectFrom('mediation_members')
          .select('committee_id')
          .where('person_id', '=', personId)
          .execute()
      ).map((r) => r.committee_id)
    : [];
  const id = committeeId ?? (mine.length === 1 ? mine[0]! : null);
  if (!id) throw invalid('您不在或同时在多个人民调解委员会，请选择排查的调解委员会');
  const c = await committeeFacts(yifa.db.kysely, id);
  if (!c) throw notFound('人民调解委员会');
  if (!inScope(req.auth.scope, { regionPath: c.regionPath }) || !personId || !c.memberIds.includes(personId)) {
    await req.denied({ reason: '不是该人民调解委员会的调解员' }, { type: 'mediation-committee', id: c.id, regionPath: c.regionPath });
    throw new AppError('FORBIDDEN', `您不是${c.name}的人民调解员，不能记录该委员会的排查`, { citation: CITE.designation });
  }
  return c;
}

/** A round as its reader may see it, or 404 (a refusal journaled when it lies outside his scope). */
async function visibleRound(yifa: Yifa, req: Request, id: string) {
  const r = await tables(yifa.db.kysely).selectFrom('mediation_screenings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('排查记录');
  if (!inScope(req.auth.scope, { regionPath: r.region_path, createdBy: r.created_by ?? undefined })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: SCREENING_SUBJECT, id, regionPath: r.region_path });
    throw notFound('排查记录');
  }
  return r;
}

/** The round, for an action on it: visible, its committee's mediator acting, still open. */
async function roundToAct(yifa: Yifa, req: Request, id: string) {
  const r = await visibleRound(yifa, req, id);
  await actingCommittee(yifa, req, r.committee_id);
  if (r.closed_on) throw refused(`本次排查已于 ${r.closed_on} 结束，不能再修改`, RECORD_CHECK);
  return r;
}

const itemRow = (screeningId: string, seq: number, i: ItemInput) => ({
  id: randomUUID(),
  screening_id: screeningId,
  seq,
  grade: i.grade,
  category: i.category,
  people: i.people,
  description: i.description,
  criminal_risk: i.criminalRisk ? 1 : 0,
  mass_risk: i.massRisk ? 1 : 0,
  violent: i.violent ? 1 : 0,
  police_reported_at: null,
  police_reported_by: null,
  police_reported_to: null,
  police_note: null,
  disposition: null,
  disposed_on: null,
  route_to: null,
  receiver: null,
  disposition_note: null,
});

/** Records a screening round with what it found (journaled). */
export async function createScreening(yifa: Yifa, req: Request, input: ScreeningInput) {
  const c = await actingCommittee(yifa, req, input.committeeId);
  notFuture(input.screenedOn, yifa.clock.today(), '排查日期', 'screenedOn');
  if (input.groupId) {
    const g = await committeeTables(yifa.db.kysely)
      .selectFrom('mediation_groups')
      .select('committee_id')
      .where('id', '=', input.groupId)
      .executeTakeFirst();
    if (!g || g.committee_id !== c.id) throw invalid(`所选调解小组不属于${c.name}`);
  }
  const id = randomUUID();
  await yifa.journal.perform(
    {
      type: 'mediation.screening.create',
      actor: req.auth.actor,
      subject: { type: SCREENING_SUBJECT, id, regionPath: c.regionPath },
      idempotencyKey: req.idempotencyKey,
      payload: { ...input, committeeId: c.id },
    },
    async (trx) => {
      const t = tables(trx);
      await t
        .insertInto('mediation_screenings')
        .values({
          id,
          agency_id: c.agencyId,
          committee_id: c.id,
          group_id: input.groupId,
          region_path: c.regionPath,
          screened_on: input.screenedOn,
          screeners: JSON.stringify(input.screeners),
          scope_note: input.scopeNote,
          closed_on: null,
          created_by: req.auth.user.id,
          created_at: yifa.clock.now().toISOString(),
        })
        .execute();
      if (input.items.length)
        await t
          .insertInto('mediation_screening_items')
          .values(input.items.map((i, n) => itemRow(id, n + 1, i)))
          .execute();
    },
  );
  return getScreening(yifa, req, id);
}

/** Adds an item found in an open round (journaled). */
export async function addItem(yifa: Yifa, req: Request, screeningId: string, input: ItemInput) {
  const r = await roundToAct(yifa, req, screeningId);
  await yifa.journal.perform(
    {
      type: 'mediation.screening.add-item',
      actor: req.auth.actor,
      subject: { type: SCREENING_SUBJECT, id: r.id, regionPath: r.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      const t = tables(trx);
      const last = await t
        .selectFrom('mediation_screening_items')
        .select((e) => e.fn.max('seq').as('seq'))
        .where('screening_id', '=', r.id)
        .executeTakeFirst();
      await t
        .insertInto('mediation_screening_items')
        .values(itemRow(r.id, Number(last?.seq ?? 0) + 1, input))
        .execute();
    },
  );
  return getScreening(yifa, req, screeningId);
}

/** The item of a round, checked inside the action's transaction. */
async function itemOf(trx: Kysely<Database>, screeningId: string, itemId: string) {
  const i = await tables(trx)
    .selectFrom('mediation_screening_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('screening_id', '=', screeningId)
    .executeTakeFirst();
  if (!i) throw notFound('排查事项');
  const dispute = await trx.selectFrom('mediation_disputes').select('id').where('screening_item_id', '=', itemId).executeTakeFirst();
  return { ...i, disputeId: dispute?.id ?? null };
}

const disposedAlready = (i: { disposition: string | null; disputeId: string | null }) =>
  i.disputeId
    ? refused('该事项已转入人民调解', RECORD_CHECK)
    : i.disposition
      ? refused(`该事项已处置（${DISPOSITIONS[i.disposition as Disposition] ?? i.disposition}）`, RECORD_CHECK)
      : null;

/** Records the immediate report of a possibly violent item to the police (Art 25; journaled). */
export async function reportToPolice(
  yifa: Yifa,
  req: Request,
  screeningId: string,
  itemId: string,
  input: z.infer<typeof policeReportInput>,
) {
  const r = await roundToAct(yifa, req, screeningId);
  const day = input.at.slice(0, 10);
  notFuture(day, yifa.clock.today(), '报告时间', 'at');
  if (day < r.screened_on) throw refused(`报告时间（${day}）不能早于排查日期（${r.screened_on}）`, RECORD_CHECK, 'at');
  await yifa.journal.perform(
    {
      type: 'mediation.screening.police-report',
      actor: req.auth.actor,
      subject: { type: SCREENING_SUBJECT, id: r.id, regionPath: r.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: { itemId, ...input },
    },
    async (trx) => {
      const i = await itemOf(trx, r.id, itemId);
      if (i.police_reported_at) throw refused(`该事项已于 ${i.police_reported_at.replace('T', ' ')} 报告公安机关`, RECORD_CHECK);
      await tables(trx)
        .updateTable('mediation_screening_items')
        .set({ police_reported_at: input.at, police_reported_by: input.by, police_reported_to: input.to, police_note: input.note })
        .where('id', '=', itemId)
        .execute();
    },
  );
  return getScreening(yifa, req, screeningId);
}

/** Resolved on the spot, or routed elsewhere with the receiving side named (journaled). */
export async function disposeItem(yifa: Yifa, req: Request, screeningId: string, itemId: string, input: z.infer<typeof disposeInput>) {
  const r = await roundToAct(yifa, req, screeningId);
  notFuture(input.on, yifa.clock.today(), '处置日期', 'on');
  if (input.on < r.screened_on) throw refused(`处置日期（${input.on}）不能早于排查日期（${r.screened_on}）`, RECORD_CHECK, 'on');
  await yifa.journal.perform(
    {
      type: 'mediation.screening.dispose',
      actor: req.auth.actor,
      subject: { type: SCREENING_SUBJECT, id: r.id, regionPath: r.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: { itemId, ...input },
    },
    async (trx) => {
      const i = await itemOf(trx, r.id, itemId);
      const already = disposedAlready(i);
      if (already) throw already;
      await tables(trx)
        .updateTable('mediation_screening_items')
        .set({
          disposition: input.disposition,
          disposed_on: input.on,
          route_to: input.routeTo,
          receiver: input.receiver,
          disposition_note: input.note,
        })
        .where('id', '=', itemId)
        .execute();
    },
  );
  return getScreening(yifa, req, screeningId);
}

/**
 * Takes an item into mediation: the dispute is registered by the procedure's own register
 * action, which carries the item (its gate checks the item again in its transaction, and
 * the unique screening_item_id keeps it to one dispute).
 */
export async function mediateItem(yifa: Yifa, req: Request, screeningId: string, itemId: string, input: z.infer<typeof mediateInput>) {
  const r = await roundToAct(yifa, req, screeningId);
  const i = await itemOf(yifa.db.kysely, r.id, itemId);
  const already = disposedAlready(i);
  if (already) throw already;
  const opened = await openRecord(yifa, req, DISPUTES, 'dispute.register', { ...input, screeningItemId: itemId });
  return { disputeId: opened.id, screening: await getScreening(yifa, req, screeningId) };
}

/** Items still in the way of closing the round: undisposed ones, and possibly violent ones not reported to the police. */
export function closingRefusals(
  items: readonly { seq: number; violent: boolean; policeReport: unknown; disposition: Disposition | null }[],
): { message: string; citation: string | null }[] {
  const unreported = items.filter((i) => i.violent && !i.policeReport).map((i) => i.seq);
  const open = items.filter((i) => !i.disposition).map((i) => i.seq);
  return [
    ...(unreported.length
      ? [
          {
            message: `第 ${unreported.join('、')} 项可能激化为治安案件、刑事案件，须先记录向公安机关报告的情况，才能结束排查`,
            citation: CITE.risk,
          },
        ]
      : []),
    ...(open.length ? [{ message: `第 ${open.join('、')} 项尚未处置（当场化解、转入调解或移交）`, citation: RECORD_CHECK }] : []),
  ];
}

/** Closes the round once every item is disposed of and every possibly violent one reported (journaled). */
export async function closeScreening(yifa: Yifa, req: Request, screeningId: string, input: z.infer<typeof closeInput>) {
  const r = await roundToAct(yifa, req, screeningId);
  notFuture(input.on, yifa.clock.today(), '排查结束日期', 'on');
  if (input.on < r.screened_on) throw refused(`排查结束日期（${input.on}）不能早于排查日期（${r.screened_on}）`, RECORD_CHECK, 'on');
  await yifa.journal.perform(
    {
      type: 'mediation.screening.close',
      actor: req.auth.actor,
      subject: { type: SCREENING_SUBJECT, id: r.id, regionPath: r.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      const items = await itemsOf(trx, [r.id]);
      const refusals = closingRefusals(items);
      const first = refusals[0];
      // Every refusal at once, each with its article, as the kit's gates answer (the console lists them).
      if (first)
        throw new AppError('GATE_REFUSED', refusals.map((x) => x.message).join('；'), {
          ...(first.citation ? { citation: first.citation } : {}),
          details: { refusals },
        });
      await tables(trx).updateTable('mediation_screenings').set({ closed_on: input.on }).where('id', '=', r.id).execute();
    },
  );
  return getScreening(yifa, req, screeningId);
}

/** The items of some rounds, with the dispute each went into. */
async function itemsOf(db: Kysely<Database>, ids: string[]) {
  if (!ids.length) return [];
  const rows = await tables(db)
    .selectFrom('mediation_screening_items as i')
    .leftJoin('mediation_disputes as d', 'd.screening_item_id', 'i.id')
    .selectAll('i')
    .select('d.id as dispute_id')
    .where('i.screening_id', 'in', ids)
    .orderBy('i.seq')
    .execute();
  return rows.map((row) => {
    const i = row as ScreeningTables['mediation_screening_items'] & { dispute_id: string | null };
    const disposition = (i.dispute_id ? 'mediation' : i.disposition) as Disposition | null;
    return {
      id: i.id,
      screeningId: i.screening_id,
      seq: Number(i.seq),
      grade: i.grade as Grade,
      gradeName: GRADES[i.grade as Grade] ?? i.grade,
      category: i.category as Category,
      categoryName: CATEGORIES[i.category as Category] ?? i.category,
      people: i.people,
      description: i.description,
      criminalRisk: Number(i.criminal_risk) === 1,
      massRisk: Number(i.mass_risk) === 1,
      violent: Number(i.violent) === 1,
      policeReport: i.police_reported_at
        ? { at: i.police_reported_at, by: i.police_reported_by, to: i.police_reported_to, note: i.police_note }
        : null,
      disposition,
      dispositionName: disposition ? DISPOSITIONS[disposition] : null,
      disposedOn: i.disposed_on,
      routeTo: i.route_to as Route | null,
      routeToName: i.route_to ? (ROUTES[i.route_to as Route] ?? i.route_to) : null,
      receiver: i.receiver,
      note: i.disposition_note,
      disputeId: i.dispute_id,
    };
  });
}

type RoundRow = ScreeningTables['mediation_screenings'] & { committee_name: string; group_name: string | null };

function roundView(r: RoundRow, items: Awaited<ReturnType<typeof itemsOf>>) {
  return {
    id: r.id,
    committeeId: r.committee_id,
    committeeName: r.committee_name,
    groupId: r.group_id,
    groupName: r.group_name,
    screenedOn: r.screened_on,
    screeners: JSON.parse(r.screeners) as string[],
    scopeNote: r.scope_note,
    closedOn: r.closed_on,
    items,
    /** What still stands in the way of closing it (empty: it may be closed) */
    closing: r.closed_on ? [] : closingRefusals(items),
  };
}

const roundQuery = (db: Kysely<Database>) =>
  tables(db)
    .selectFrom('mediation_screenings as s')
    .innerJoin('mediation_committees as c', 'c.id', 's.committee_id')
    .leftJoin('mediation_groups as g', 'g.id', 's.group_id')
    .selectAll('s')
    .select(['c.name as committee_name', 'g.name as group_name']);

export async function getScreening(yifa: Yifa, req: Request, id: string) {
  await visibleRound(yifa, req, id);
  const r = (await roundQuery(yifa.db.kysely).where('s.id', '=', id).executeTakeFirstOrThrow()) as RoundRow;
  return roundView(r, await itemsOf(yifa.db.kysely, [id]));
}

/** The rounds in the reader's scope, newest first, a page at a time. */
export async function listScreenings(yifa: Yifa, req: Request, q: z.infer<typeof listQuery>) {
  let query = roundQuery(yifa.db.kysely).where(scopeFilter(req.auth.scope, { path: 's.region_path', createdBy: 's.created_by' }));
  if (q.committee) query = query.where('s.committee_id', '=', q.committee);
  if (q.from) query = query.where('s.screened_on', '>=', q.from);
  if (q.to) query = query.where('s.screened_on', '<=', q.to);
  if (q.open) query = q.open === 'true' ? query.where('s.closed_on', 'is', null) : query.where('s.closed_on', 'is not', null);
  const key = decodeCursor(q.cursor, 2);
  if (key) query = query.where(keysetAfter(['s.screened_on', 's.id'], key, 'desc'));
  const rows = (await query
    .orderBy('s.screened_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(q.limit + 1)
    .execute()) as RoundRow[];
  const items = await itemsOf(
    yifa.db.kysely,
    rows.slice(0, q.limit).map((r) => r.id),
  );
  return pageOf(
    rows,
    q.limit,
    (r) => [r.screened_on, r.id],
    (r) =>
      roundView(
        r,
        items.filter((i) => i.screeningId === r.id),
      ),
  );
}
