/**
 * The people around mediation besides the committees' roll (issue 14 §1): the 平安志愿者 of
 * each village with their activities (patrols, screenings, publicity), and each mediator's
 * qualifications and training (人民调解法 Arts 13–14: mediators have adequate education,
 * policy and legal knowledge; the county 司法行政 department trains them regularly). A reader
 * sees those of his data scope; a record outside it is refused and the refusal journaled.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Database } from '../../platform/db/schema.js';
import type { Request } from '../../platform/security/request.js';
import { inScope, scopeFilter } from '../../platform/security/scope.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { legalDate, requiredText as text, optionalText, phoneNumber } from '../../platform/http/schemas.js';
import { decodeCursor, keysetAfter, pageOf, pageQuery } from '../../platform/http/pagination.js';
import { tablesOf as committeeTables, type CommitteeTables } from './committees.js';
import { article } from './law.js';
import { RECORD_CHECK } from '../../procedure/spec.js';

export const ACTIVITY_KINDS = { patrol: '治安巡逻', screening: '矛盾纠纷排查', publicity: '法治宣传' } as const;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;
export const QUALIFICATION_KINDS = {
  certificate: '人民调解员证',
  legal: '法律职业资格',
  grade: '人民调解员等级评定',
  other: '其他资格',
} as const;
export type QualificationKind = keyof typeof QUALIFICATION_KINDS;

/** 人民调解法 Art 14: mediators' qualities, and the county 司法行政 department's regular training. */
export const CITE_MEDIATORS = `${article('十四')}`;

type RosterTables = CommitteeTables & {
  mediation_volunteers: {
    id: string;
    agency_id: string;
    region_id: string;
    region_path: string;
    group_id: string | null;
    name: string;
    phone: string | null;
    joined_on: string;
    left_on: string | null;
    /** Why he left (migration 042) */
    left_reason: string | null;
    created_by: string | null;
    created_at: string;
  };
  mediation_volunteer_activities: {
    id: string;
    region_path: string;
    kind: string;
    held_on: string;
    place: string;
    summary: string;
    volunteer_ids: string;
    created_by: string | null;
    created_at: string;
  };
  mediation_qualifications: {
    id: string;
    person_id: string;
    kind: string;
    title: string;
    issuer: string;
    issued_on: string;
    number: string | null;
    created_at: string;
  };
  mediation_trainings: {
    id: string;
    person_id: string;
    held_on: string;
    organiser: string;
    topic: string;
    hours: number;
    created_at: string;
  };
};
const tables = (db: Kysely<Database>) => db.withTables<RosterTables>();

const CITIZEN_NAME = /^[\p{Script=Han}A-Za-z·• ]{2,30}$/u;

export const volunteerInput = z.strictObject({
  name: z.string().trim().regex(CITIZEN_NAME, '姓名须为 2–30 个汉字或字母').meta({ title: '姓名' }),
  phone: phoneNumber.nullable().default(null).meta({ title: '联系电话' }),
  regionId: z.string().min(1).max(64).meta({ title: '所在村（社区）' }),
  groupId: z.string().min(1).max(64).nullable().default(null).meta({ title: '所在调解小组' }),
  joinedOn: legalDate.meta({ title: '加入日期' }),
});

export const activityInput = z.strictObject({
  kind: z.enum(Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]]).meta({ title: '活动类型', labels: ACTIVITY_KINDS }),
  heldOn: legalDate.meta({ title: '活动日期' }),
  place: text(200).meta({ title: '地点' }),
  summary: text(2000).meta({ title: '活动情况' }),
  volunteerIds: z.array(z.string().min(1).max(64)).min(1, '至少一名志愿者').max(100).meta({ title: '参加的志愿者' }),
});

export const qualificationInput = z.strictObject({
  kind: z
    .enum(Object.keys(QUALIFICATION_KINDS) as [QualificationKind, ...QualificationKind[]])
    .meta({ title: '类别', labels: QUALIFICATION_KINDS }),
  title: text(100).meta({ title: '名称' }),
  issuer: text(100).meta({ title: '颁发机关' }),
  issuedOn: legalDate.meta({ title: '取得日期' }),
  number: optionalText(60).default(null).meta({ title: '证书编号' }),
});

export const trainingInput = z.strictObject({
  heldOn: legalDate.meta({ title: '培训日期' }),
  organiser: text(100).meta({ title: '组织单位' }),
  topic: text(200).meta({ title: '培训内容' }),
  hours: z.number().int().min(1, '学时至少 1').max(200, '学时过多').meta({ title: '学时' }),
});

export const rosterQuery = z.strictObject({ ...pageQuery });

export const VOLUNTEER_STANDING = { active: '在册', left: '已退出', all: '全部' } as const;
export const volunteerQuery = z.strictObject({
  ...pageQuery,
  standing: z.enum(['active', 'left', 'all']).default('active').meta({ title: '名册', labels: VOLUNTEER_STANDING }),
});

export const leaveInput = z.strictObject({
  leftOn: legalDate.meta({ title: '退出日期' }),
  reason: text(500).meta({ title: '退出原因' }),
});

const notFuture = (date: string, today: string, what: string) => {
  if (date > today) throw new AppError('GATE_REFUSED', `${what}（${date}）不能晚于今天（${today}）`);
};

/** A region the actor may write in: it exists and lies in his scope (a refusal is journaled). */
async function regionInScope(yifa: Yifa, req: Request, regionId: string) {
  const region = await yifa.db.kysely.selectFrom('regions').select(['id', 'path']).where('id', '=', regionId).executeTakeFirst();
  if (!region) throw invalid('所在区划不存在');
  if (!inScope(req.auth.scope, { regionPath: region.path })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'region', id: regionId, regionPath: region.path });
    throw notFound('区划');
  }
  return region;
}

export async function createVolunteer(yifa: Yifa, req: Request, input: z.infer<typeof volunteerInput>) {
  const agencyId = req.auth.user.agencyId;
  if (!agencyId) throw new AppError('FORBIDDEN', '您的账号没有所属单位，不能登记平安志愿者');
  const region = await regionInScope(yifa, req, input.regionId);
  notFuture(input.joinedOn, yifa.clock.today(), '加入日期');
  if (input.groupId) {
    const g = await committeeTables(yifa.db.kysely)
      .selectFrom('mediation_groups')
      .innerJoin('mediation_committees', 'mediation_committees.id', 'mediation_groups.committee_id')
      .select('mediation_committees.region_path')
      .where('mediation_groups.id', '=', input.groupId)
      .executeTakeFirst();
    if (!g || !region.path.startsWith(g.region_path)) throw invalid('所选调解小组不在该村（社区）');
  }
  const id = randomUUID();
  await yifa.journal.perform(
    {
      type: 'mediation.volunteer.create',
      actor: req.auth.actor,
      subject: { type: 'mediation-volunteer', id, regionPath: region.path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      await tables(trx)
        .insertInto('mediation_volunteers')
        .values({
          id,
          agency_id: agencyId,
          region_id: region.id,
          region_path: region.path,
          group_id: input.groupId,
          name: input.name,
          phone: input.phone,
          joined_on: input.joinedOn,
          left_on: null,
          left_reason: null,
          created_by: req.auth.user.id,
          created_at: yifa.clock.now().toISOString(),
        })
        .execute();
    },
  );
  return { id };
}

/**
 * The volunteers of the reader's scope, by village, each with how many activities he took
 * part in: those on the roster today (`standing=active`, the default), those who have left
 * (kept, with the day and the reason), or all.
 */
export async function listVolunteers(yifa: Yifa, req: Request, q: z.infer<typeof volunteerQuery>) {
  const today = yifa.clock.today();
  let query = tables(yifa.db.kysely)
    .selectFrom('mediation_volunteers as v')
    .innerJoin('regions as r', 'r.id', 'v.region_id')
    .select(['v.id', 'v.name', 'v.phone', 'v.joined_on', 'v.left_on', 'v.left_reason', 'v.region_path', 'r.name as region_name'])
    .where(scopeFilter(req.auth.scope, { path: 'v.region_path', createdBy: 'v.created_by' }));
  // Leaving on a day ends his standing after it: he is still on the roster that day.
  if (q.standing === 'active') query = query.where((e) => e.or([e('v.left_on', 'is', null), e('v.left_on', '>=', today)]));
  if (q.standing === 'left') query = query.where('v.left_on', 'is not', null);
  const key = decodeCursor(q.cursor, 2);
  if (key) query = query.where(keysetAfter(['v.region_path', 'v.id'], key));
  const rows = await query
    .orderBy('v.region_path')
    .orderBy('v.id')
    .limit(q.limit + 1)
    .execute();
  const activities = await tables(yifa.db.kysely)
    .selectFrom('mediation_volunteer_activities')
    .select('volunteer_ids')
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }))
    .execute();
  // A volunteer's phone is personal data: shown to those who may see the parties' (mediators), not to supervision.
  const seesPhone = req.auth.permissions.has('mediation.personal-data');
  const count = new Map<string, number>();
  for (const a of activities) for (const v of JSON.parse(a.volunteer_ids) as string[]) count.set(v, (count.get(v) ?? 0) + 1);
  return pageOf(
    rows,
    q.limit,
    (r) => [r.region_path, r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      phone: seesPhone ? r.phone : r.phone && '***',
      regionName: r.region_name,
      joinedOn: r.joined_on,
      leftOn: r.left_on,
      leftReason: r.left_reason,
      activities: count.get(r.id) ?? 0,
    }),
  );
}

/** Records an activity of volunteers of one village (journaled): every one in the actor's scope, in the same village, still on the roster. */
export async function createActivity(yifa: Yifa, req: Request, input: z.infer<typeof activityInput>) {
  notFuture(input.heldOn, yifa.clock.today(), '活动日期');
  const ids = [...new Set(input.volunteerIds)];
  const found = await tables(yifa.db.kysely)
    .selectFrom('mediation_volunteers')
    .select(['id', 'name', 'region_path', 'joined_on', 'left_on', 'created_by'])
    .where('id', 'in', ids)
    .execute();
  if (found.length !== ids.length) throw invalid('参加的志愿者须为已登记的平安志愿者');
  const outside = found.find((v) => !inScope(req.auth.scope, { regionPath: v.region_path, createdBy: v.created_by ?? undefined }));
  if (outside) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'mediation-volunteer', id: outside.id, regionPath: outside.region_path });
    throw notFound('平安志愿者');
  }
  const regionPath = found[0]!.region_path;
  if (found.some((v) => v.region_path !== regionPath)) throw invalid('一次活动登记同一村（社区）的志愿者');
  const left = found.filter((v) => v.left_on && v.left_on < input.heldOn);
  if (left.length)
    throw new AppError(
      'GATE_REFUSED',
      `${left.map((v) => `${v.name}已于${v.left_on}退出平安志愿者队伍`).join('；')}，不能登记为${input.heldOn}活动的参加人员`,
    );
  const absent = found.filter((v) => v.joined_on > input.heldOn);
  if (absent.length) throw new AppError('GATE_REFUSED', `${absent.map((v) => v.name).join('、')}在活动日期尚未加入平安志愿者队伍`);
  const id = randomUUID();
  await yifa.journal.perform(
    {
      type: 'mediation.volunteer.activity',
      actor: req.auth.actor,
      subject: { type: 'mediation-volunteer-activity', id, regionPath },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      await tables(trx)
        .insertInto('mediation_volunteer_activities')
        .values({
          id,
          region_path: regionPath,
          kind: input.kind,
          held_on: input.heldOn,
          place: input.place,
          summary: input.summary,
          volunteer_ids: JSON.stringify(ids),
          created_by: req.auth.user.id,
          created_at: yifa.clock.now().toISOString(),
        })
        .execute();
    },
  );
  return { id };
}

/**
 * A volunteer leaves (退出): the day and the reason are kept on his row, never erased; from
 * the day after he is off the active roster and no activity takes him. Refused: someone
 * outside the actor's scope (404, journaled), one who has already left, a day in the future,
 * before he joined, or before an activity he took part in.
 */
export async function leaveVolunteer(yifa: Yifa, req: Request, id: string, input: z.infer<typeof leaveInput>) {
  const v = await tables(yifa.db.kysely)
    .selectFrom('mediation_volunteers')
    .select(['id', 'name', 'region_path', 'joined_on', 'left_on', 'created_by'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!v) throw notFound('平安志愿者');
  if (!inScope(req.auth.scope, { regionPath: v.region_path, createdBy: v.created_by ?? undefined })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'mediation-volunteer', id, regionPath: v.region_path });
    throw notFound('平安志愿者');
  }
  const refuse = (message: string, field: string) =>
    new AppError('GATE_REFUSED', message, { details: { refusals: [{ message, citation: RECORD_CHECK, field }] } });
  if (v.left_on) throw new AppError('CONFLICT', `${v.name}已于${v.left_on}退出平安志愿者队伍`);
  notFuture(input.leftOn, yifa.clock.today(), '退出日期');
  if (input.leftOn < v.joined_on) throw refuse(`退出日期（${input.leftOn}）不能早于加入日期（${v.joined_on}）`, 'leftOn');
  const last = await tables(yifa.db.kysely)
    .selectFrom('mediation_volunteer_activities')
    .select(['held_on'])
    .where('region_path', '=', v.region_path)
    .where('held_on', '>', input.leftOn)
    .where('volunteer_ids', 'like', `%"${id.replace(/[%_"]/g, '')}"%`)
    .orderBy('held_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last) throw refuse(`${v.name}参加了${last.held_on}的活动，退出日期不能早于该日`, 'leftOn');
  await yifa.journal.perform(
    {
      type: 'mediation.volunteer.leave',
      actor: req.auth.actor,
      subject: { type: 'mediation-volunteer', id, regionPath: v.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      const done = await tables(trx)
        .updateTable('mediation_volunteers')
        .set({ left_on: input.leftOn, left_reason: input.reason })
        .where('id', '=', id)
        .where('left_on', 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `${v.name}已退出平安志愿者队伍`);
    },
  );
  return { id, leftOn: input.leftOn };
}

/** The activities of the reader's scope, newest first, with the volunteers' names. */
export async function listActivities(yifa: Yifa, req: Request, q: z.infer<typeof rosterQuery>) {
  let query = tables(yifa.db.kysely)
    .selectFrom('mediation_volunteer_activities')
    .selectAll()
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }));
  const key = decodeCursor(q.cursor, 2);
  if (key) query = query.where(keysetAfter(['held_on', 'id'], key, 'desc'));
  const rows = await query
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.volunteer_ids) as string[]))];
  const names = new Map(
    ids.length
      ? (await tables(yifa.db.kysely).selectFrom('mediation_volunteers').select(['id', 'name']).where('id', 'in', ids).execute()).map(
          (v) => [v.id, v.name],
        )
      : [],
  );
  return pageOf(
    rows,
    q.limit,
    (r) => [r.held_on, r.id],
    (r) => ({
      id: r.id,
      kind: r.kind as ActivityKind,
      kindName: ACTIVITY_KINDS[r.kind as ActivityKind] ?? r.kind,
      heldOn: r.held_on,
      place: r.place,
      summary: r.summary,
      volunteers: (JSON.parse(r.volunteer_ids) as string[]).map((v) => names.get(v) ?? v),
    }),
  );
}

/** The mediator, for a record about him: he sits on a committee in the actor's scope (a refusal is journaled). */
async function mediatorInScope(yifa: Yifa, req: Request, personId: string) {
  const seats = await committeeTables(yifa.db.kysely)
    .selectFrom('mediation_members')
    .innerJoin('mediation_committees', 'mediation_committees.id', 'mediation_members.committee_id')
    .select(['mediation_committees.region_path', 'mediation_committees.created_by'])
    .where('mediation_members.person_id', '=', personId)
    .execute();
  if (!seats.length) throw notFound('人民调解员');
  if (!seats.some((s) => inScope(req.auth.scope, { regionPath: s.region_path, createdBy: s.created_by ?? undefined }))) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'person', id: personId, regionPath: seats[0]!.region_path });
    throw notFound('人民调解员');
  }
}

export async function addQualification(yifa: Yifa, req: Request, personId: string, input: z.infer<typeof qualificationInput>) {
  await mediatorInScope(yifa, req, personId);
  notFuture(input.issuedOn, yifa.clock.today(), '取得日期');
  const id = randomUUID();
  await yifa.journal.perform(
    {
      type: 'mediation.mediator.qualification',
      actor: req.auth.actor,
      subject: { type: 'mediator', id: personId },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      await tables(trx)
        .insertInto('mediation_qualifications')
        .values({
          id,
          person_id: personId,
          kind: input.kind,
          title: input.title,
          issuer: input.issuer,
          issued_on: input.issuedOn,
          number: input.number,
          created_at: yifa.clock.now().toISOString(),
        })
        .execute();
    },
  );
  return { id };
}

export async function addTraining(yifa: Yifa, req: Request, personId: string, input: z.infer<typeof trainingInput>) {
  await mediatorInScope(yifa, req, personId);
  notFuture(input.heldOn, yifa.clock.today(), '培训日期');
  const id = randomUUID();
  await yifa.journal.perform(
    {
      type: 'mediation.mediator.training',
      actor: req.auth.actor,
      subject: { type: 'mediator', id: personId },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      await tables(trx)
        .insertInto('mediation_trainings')
        .values({
          id,
          person_id: personId,
          held_on: input.heldOn,
          organiser: input.organiser,
          topic: input.topic,
          hours: input.hours,
          created_at: yifa.clock.now().toISOString(),
        })
        .execute();
    },
  );
  return { id };
}

/**
 * The mediators of the committees in the reader's scope, each with his committees,
 * qualifications, trainings and the hours of the past twelve months; one with no training
 * in that time is warned of (Art 14: regular training), never blocked.
 */
export async function listMediators(yifa: Yifa, req: Request) {
  const seats = await committeeTables(yifa.db.kysely)
    .selectFrom('mediation_members as m')
    .innerJoin('mediation_committees as c', 'c.id', 'm.committee_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.name', 'c.name as committee'])
    .where(scopeFilter(req.auth.scope, { path: 'c.region_path', createdBy: 'c.created_by' }))
    .orderBy('p.name')
    .execute();
  const ids = [...new Set(seats.map((s) => s.id))];
  const [quals, trainings] = ids.length
    ? await Promise.all([
        tables(yifa.db.kysely)
          .selectFrom('mediation_qualifications')
          .selectAll()
          .where('person_id', 'in', ids)
          .orderBy('issued_on')
          .execute(),
        tables(yifa.db.kysely)
          .selectFrom('mediation_trainings')
          .selectAll()
          .where('person_id', 'in', ids)
          .orderBy('held_on', 'desc')
          .execute(),
      ])
    : [[], []];
  const today = yifa.clock.today();
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return {
    items: ids.map((id) => {
      const own = trainings.filter((t) => t.person_id === id);
      const recentHours = own.filter((t) => t.held_on > yearAgo).reduce((a, t) => a + Number(t.hours), 0);
      return {
        personId: id,
        name: seats.find((s) => s.id === id)!.name,
        committees: seats.filter((s) => s.id === id).map((s) => s.committee),
        qualifications: quals
          .filter((q) => q.person_id === id)
          .map((q) => ({
            kind: q.kind,
            kindName: QUALIFICATION_KINDS[q.kind as QualificationKind] ?? q.kind,
            title: q.title,
            issuer: q.issuer,
            issuedOn: q.issued_on,
            number: q.number,
          })),
        trainings: own.map((t) => ({ heldOn: t.held_on, organiser: t.organiser, topic: t.topic, hours: Number(t.hours) })),
        recentHours,
        warnings: recentHours === 0 ? [{ message: '近一年没有参加培训的记录', citation: CITE_MEDIATORS }] : [],
      };
    }),
  };
}
