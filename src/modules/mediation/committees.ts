/**
 * 人民调解委员会 and 调解小组 (人民调解法 Arts 8–9, 34): who sits on each committee, its chair
 * and term, and the composition the law asks for — 3 to 9 members, a woman among them, a
 * member of the smaller ethnic group(s) in a multi-ethnic area — warned of, never blocked
 * (a committee short of a member still mediates while it is completed). A mediator is a
 * person of the org's people who sits on the committee.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Database } from '../../platform/db/schema.js';
import type { Request } from '../../platform/security/request.js';
import { inScope, scopeFilter } from '../../platform/security/scope.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { legalDate, requiredText as text } from '../../platform/http/schemas.js';
import { addDays } from '../../calendar/legal-date.js';
import { CITE, COMMITTEE_KINDS, COMMITTEE_KIND_IDS, MAX_MEMBERS, MIN_MEMBERS, TERM_YEARS, type CommitteeKind } from './law.js';

export const POSITIONS = { chair: '主任', deputy: '副主任', member: '委员' } as const;
export type Position = keyof typeof POSITIONS;
export const GENDERS = { female: '女', male: '男' } as const;
export type Gender = keyof typeof GENDERS;

/** The module's own tables (beside mediation_disputes, which the kit writes and the platform's schema names). */
export type CommitteeTables = {
  mediation_committees: {
    id: string;
    agency_id: string;
    region_id: string;
    region_path: string;
    name: string;
    kind: string;
    term_start: string;
    term_end: string;
    multi_ethnic: number;
    created_by: string | null;
    created_at: string;
  };
  mediation_members: { committee_id: string; person_id: string; position: string; gender: string; minority: number };
  mediation_groups: { id: string; committee_id: string; name: string; leader_person_id: string | null; created_at: string };
};

export const tablesOf = (db: Kysely<Database>) => db.withTables<CommitteeTables>();

export const memberSchema = z.strictObject({
  personId: z.string().min(1).max(64).meta({ title: '人员' }),
  position: z.enum(Object.keys(POSITIONS) as [Position, ...Position[]]).meta({ title: '职务', labels: POSITIONS }),
  gender: z.enum(Object.keys(GENDERS) as [Gender, ...Gender[]]).meta({ title: '性别', labels: GENDERS }),
  minority: z.boolean().default(false).meta({ title: '少数民族' }),
});

export const committeeInput = z.strictObject({
  name: text(100).meta({ title: '名称' }),
  kind: z.enum(COMMITTEE_KIND_IDS).meta({ title: '类别', labels: COMMITTEE_KINDS }),
  regionId: z.string().min(1).max(64).meta({ title: '所在区划' }),
  termStart: legalDate.meta({ title: '本届任期起始日期' }),
  multiEthnic: z.boolean().default(false).meta({ title: '多民族居住地区' }),
  members: z.array(memberSchema).min(1, '至少登记一名委员').max(30).meta({ title: '委员' }),
  groups: z
    .array(z.strictObject({ name: text(100).meta({ title: '小组名称' }), leaderPersonId: z.string().min(1).max(64).nullable() }))
    .max(50)
    .default([])
    .meta({ title: '调解小组' }),
});
export type CommitteeInput = z.infer<typeof committeeInput>;

export const groupInput = z.strictObject({
  name: text(100).meta({ title: '小组名称' }),
  leaderPersonId: z.string().min(1).max(64).nullable().meta({ title: '组长' }),
});

/** What the law asks of a committee's composition that this one lacks (Art 8): warnings, each with its article. */
export function compositionWarnings(members: readonly { gender: string; minority: boolean }[], multiEthnic: boolean) {
  const out: { message: string; citation: string }[] = [];
  if (members.length < MIN_MEMBERS || members.length > MAX_MEMBERS)
    out.push({ message: `委员 ${members.length} 人，人民调解委员会由委员 3 至 9 人组成`, citation: CITE.composition });
  if (!members.some((m) => m.gender === 'female')) out.push({ message: '委员中没有妇女成员，应当有妇女成员', citation: CITE.composition });
  if (multiEthnic && !members.some((m) => m.minority))
    out.push({ message: '多民族居住地区的委员中没有人数较少民族的成员，应当有', citation: CITE.composition });
  return out;
}

/** The last day of a term begun on `start` (Art 9: three years). */
export function termEnd(start: string): string {
  const [y, m, d] = start.split('-');
  return addDays(`${Number(y) + TERM_YEARS}-${m}-${d === '29' && m === '02' ? '28' : d}`, -1);
}

/** A committee as the gates read it: its region, its members. */
export interface CommitteeFacts {
  id: string;
  name: string;
  agencyId: string;
  regionPath: string;
  memberIds: string[];
  memberNames: Record<string, string>;
}

export async function committeeFacts(db: Kysely<Database>, id: string): Promise<CommitteeFacts | null> {
  const t = tablesOf(db);
  const c = await t
    .selectFrom('mediation_committees')
    .select(['id', 'name', 'agency_id', 'region_path'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) return null;
  const members = await t
    .selectFrom('mediation_members')
    .innerJoin('people', 'people.id', 'mediation_members.person_id')
    .select(['people.id', 'people.name'])
    .where('mediation_members.committee_id', '=', id)
    .execute();
  return {
    id: c.id,
    name: c.name,
    agencyId: c.agency_id,
    regionPath: c.region_path,
    memberIds: members.map((m) => m.id),
    memberNames: Object.fromEntries(members.map((m) => [m.id, m.name])),
  };
}

/** Registers a committee with its members and groups (journaled); its composition's warnings come back with it. */
export async function createCommittee(yifa: Yifa, req: Request, input: CommitteeInput) {
  const agencyId = req.auth.user.agencyId;
  if (!agencyId) throw new AppError('FORBIDDEN', '您的账号没有所属单位，不能登记人民调解委员会');
  const region = await yifa.db.kysely.selectFrom('regions').select(['id', 'path']).where('id', '=', input.regionId).executeTakeFirst();
  if (!region) throw invalid('所在区划不存在');
  if (!inScope(req.auth.scope, { regionPath: region.path })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'mediation-committee', id: input.regionId, regionPath: region.path });
    throw notFound('区划');
  }
  const chairs = input.members.filter((m) => m.position === 'chair').length;
  if (chairs !== 1) throw new AppError('INVALID_INPUT', `人民调解委员会设主任一人（现为 ${chairs} 人）`, { citation: CITE.composition });
  const personIds = [...new Set([...input.members.map((m) => m.personId), ...input.groups.flatMap((g) => g.leaderPersonId ?? [])])];
  if (personIds.length < input.members.length) throw invalid('同一人不能重复登记为委员');
  const found = await yifa.db.kysely.selectFrom('people').select('id').where('id', 'in', personIds).execute();
  if (found.length !== personIds.length) throw invalid('委员或组长须为已登记的人员');
  const id = randomUUID();
  const end = termEnd(input.termStart);
  const done = await yifa.journal.perform(
    {
      type: 'mediation.committee.create',
      actor: req.auth.actor,
      subject: { type: 'mediation-committee', id, regionPath: region.path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      const t = tablesOf(trx);
      const dup = await t.selectFrom('mediation_committees').select('id').where('name', '=', input.name).executeTakeFirst();
      if (dup) throw new AppError('CONFLICT', `已有名为“${input.name}”的人民调解委员会`);
      const at = yifa.clock.now().toISOString();
      await t
        .insertInto('mediation_committees')
        .values({
          id,
          agency_id: agencyId,
          region_id: region.id,
          region_path: region.path,
          name: input.name,
          kind: input.kind,
          term_start: input.termStart,
          term_end: end,
          multi_ethnic: input.multiEthnic ? 1 : 0,
          created_by: req.auth.user.id,
          created_at: at,
        })
        .execute();
      await t
        .insertInto('mediation_members')
        .values(
          input.members.map((m) => ({
            committee_id: id,
            person_id: m.personId,
            position: m.position,
            gender: m.gender,
            minority: m.minority ? 1 : 0,
          })),
        )
        .execute();
      if (input.groups.length)
        await t
          .insertInto('mediation_groups')
          .values(
            input.groups.map((g) => ({
              id: randomUUID(),
              committee_id: id,
              name: g.name,
              leader_person_id: g.leaderPersonId,
              created_at: at,
            })),
          )
          .execute();
      return { id, termEnd: end };
    },
  );
  return { id: done.result.id, termEnd: done.result.termEnd, warnings: compositionWarnings(input.members, input.multiEthnic) };
}

/** Adds a 调解小组 under a committee (journaled). */
export async function createGroup(yifa: Yifa, req: Request, committeeId: string, input: z.infer<typeof groupInput>) {
  const c = await tablesOf(yifa.db.kysely)
    .selectFrom('mediation_committees')
    .select(['id', 'region_path'])
    .where('id', '=', committeeId)
    .executeTakeFirst();
  if (!c) throw notFound('人民调解委员会');
  if (!inScope(req.auth.scope, { regionPath: c.region_path })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'mediation-committee', id: committeeId, regionPath: c.region_path });
    throw notFound('人民调解委员会');
  }
  const id = randomUUID();
  await yifa.journal.perform(
    {
      type: 'mediation.group.create',
      actor: req.auth.actor,
      subject: { type: 'mediation-committee', id: committeeId, regionPath: c.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      const t = tablesOf(trx);
      const dup = await t
        .selectFrom('mediation_groups')
        .select('id')
        .where('committee_id', '=', committeeId)
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (dup) throw new AppError('CONFLICT', `该委员会已有“${input.name}”`);
      await t
        .insertInto('mediation_groups')
        .values({
          id,
          committee_id: committeeId,
          name: input.name,
          leader_person_id: input.leaderPersonId,
          created_at: yifa.clock.now().toISOString(),
        })
        .execute();
    },
  );
  return { id };
}

/** The committees in the reader's scope, each with its members, groups, term and composition warnings. */
export async function listCommittees(yifa: Yifa, req: Request) {
  const t = tablesOf(yifa.db.kysely);
  const committees = await t
    .selectFrom('mediation_committees')
    .innerJoin('regions', 'regions.id', 'mediation_committees.region_id')
    .select([
      'mediation_committees.id',
      'mediation_committees.name',
      'mediation_committees.kind',
      'mediation_committees.term_start',
      'mediation_committees.term_end',
      'mediation_committees.multi_ethnic',
      'mediation_committees.region_path',
      'regions.name as region_name',
    ])
    .where(scopeFilter(req.auth.scope, { path: 'mediation_committees.region_path', createdBy: 'mediation_committees.created_by' }))
    .orderBy('mediation_committees.region_path')
    .orderBy('mediation_committees.name')
    .execute();
  const ids = committees.map((c) => c.id);
  const [members, groups] = ids.length
    ? await Promise.all([
        t
          .selectFrom('mediation_members')
          .innerJoin('people', 'people.id', 'mediation_members.person_id')
          .select([
            'mediation_members.committee_id',
            'people.id',
            'people.name',
            'mediation_members.position',
            'mediation_members.gender',
            'mediation_members.minority',
          ])
          .where('mediation_members.committee_id', 'in', ids)
          .orderBy('people.name')
          .execute(),
        t
          .selectFrom('mediation_groups')
          .select(['id', 'committee_id', 'name', 'leader_person_id'])
          .where('committee_id', 'in', ids)
          .orderBy('name')
          .execute(),
      ])
    : [[], []];
  const today = yifa.clock.today();
  return {
    items: committees.map((c) => {
      const own = members.filter((m) => m.committee_id === c.id);
      const list = own.map((m) => ({
        personId: m.id,
        name: m.name,
        position: m.position as Position,
        positionName: POSITIONS[m.position as Position] ?? m.position,
        gender: m.gender as Gender,
        minority: Number(m.minority) === 1,
      }));
      return {
        id: c.id,
        name: c.name,
        kind: c.kind as CommitteeKind,
        kindName: COMMITTEE_KINDS[c.kind as CommitteeKind] ?? c.kind,
        regionName: c.region_name,
        termStart: c.term_start,
        termEnd: c.term_end,
        termExpired: c.term_end < today,
        chair: list.find((m) => m.position === 'chair')?.name ?? null,
        members: list,
        groups: groups.filter((g) => g.committee_id === c.id).map((g) => ({ id: g.id, name: g.name, leaderPersonId: g.leader_person_id })),
        warnings: [
          ...compositionWarnings(list, Number(c.multi_ethnic) === 1),
          ...(c.term_end < today ? [{ message: `本届任期已于 ${c.term_end} 届满，应当换届`, citation: CITE.term }] : []),
        ],
      };
    }),
  };
}
