/**
 * The action table of a village meeting's record: the committee's clerk records the meeting
 * (agenda, attendance, each decision and its votes; refused without the quorum of Arts 22
 * and 26, or with more votes than people present) and publishes its decisions under 村务公开
 * (Art 30). Pure; the kit runs it.
 */
import { z } from 'zod';
import { legalDate, requiredText as text } from '../../platform/http/schemas.js';
import { RECORD_CHECK, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { VillageContext } from './context.js';
import {
  CITE,
  MEETING_KINDS,
  MEETING_KIND_IDS,
  QUORUM_BASES,
  QUORUM_BASIS_IDS,
  attendanceRefusals,
  carried,
  voteRefusal,
  womenShortfall,
} from './law.js';
import { MEETING_STATUS_NAMES, emptyMeeting, meetingStatusOf, type MeetingStatus, type VillageMeeting } from './meeting-state.js';
import { votesSchema } from './rules-actions.js';

export interface MeetingContext extends VillageContext {
  /** The 村规民约 records the decisions name, by id: the village each belongs to (absent: no such record) */
  rules: Record<string, { villageId: string }>;
}

export interface MeetingTypes {
  state: VillageMeeting;
  context: MeetingContext;
  status: MeetingStatus;
  series: never;
}

const action = <P>(spec: ActionSpec<MeetingTypes, P>) => spec;
const CLERK = ['village_clerk'] as const;

const count = (title: string) => z.number().int('须为整数').min(0, '不能为负').max(100_000, '人数过大').meta({ title });

const decisionSchema = z
  .strictObject({
    subject: text(500).meta({ title: '议题' }),
    votes: votesSchema,
    rulesId: z.string().min(1).max(64).nullable().meta({ title: '表决的村规民约（议题为村规民约时选择）' }),
  })
  .meta({ title: '决定事项' });

export const recordSchema = z.strictObject({
  villageId: z.string().min(1).max(64).meta({ title: '村（行政村）', widget: 'village' }),
  kind: z.enum(MEETING_KIND_IDS).meta({ title: '会议类型', labels: MEETING_KINDS, default: 'representatives' }),
  heldOn: legalDate.meta({ title: '会议日期' }),
  basis: z.enum(QUORUM_BASIS_IDS).nullable().meta({ title: '村民会议应到人数的计算（村民代表会议不填）', labels: QUORUM_BASES }),
  entitled: count('应到人数（十八周岁以上村民数、户数或代表会议组成人员数）'),
  present: count('实到人数'),
  // Optional in the schema only so that records made before it existed replay; required of a 村民代表会议 by the guard.
  womenMembers: count('组成人员中的妇女村民代表人数（村民代表会议填写）').nullable().optional(),
  convener: text(50).meta({ title: '召集人（主持人）' }),
  place: text(100).meta({ title: '会议地点' }),
  agenda: text(4000).meta({ title: '会议议程', widget: 'textarea' }),
  decisions: z.array(decisionSchema).min(1, '至少记录 1 项决定').max(30, '一次最多记录 30 项决定').meta({ title: '决定事项' }),
  minutes: text(20_000).meta({ title: '会议记录（发言要点）', widget: 'textarea' }),
});

function recordRefusals(p: z.infer<typeof recordSchema>, ctx: MeetingContext): (Refusal | null)[] {
  const basis = p.kind === 'villagers' ? (p.basis ?? 'adults') : null;
  return [
    !ctx.village ? { message: '所选的村不存在或不属于本镇', citation: RECORD_CHECK, field: 'villageId' } : null,
    p.heldOn > ctx.today
      ? { message: `会议日期（${p.heldOn}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field: 'heldOn' }
      : null,
    ...attendanceRefusals({ kind: p.kind, basis, entitled: p.entitled, present: p.present }),
    ...womenRefusals(p),
    ...p.decisions.flatMap((d, i) => [
      voteRefusal(d.votes, p.present, `decisions.${i}.votes`),
      d.rulesId && ctx.rules[d.rulesId]?.villageId !== p.villageId
        ? { message: `第${i + 1}项决定所选的村规民约不是本村的`, citation: RECORD_CHECK, field: `decisions.${i}.rulesId` }
        : null,
    ]),
  ];
}

/** A 村民代表会议 states how many of its members are women (Art 25 ¶2); a 村民会议 does not. */
function womenRefusals(p: z.infer<typeof recordSchema>): (Refusal | null)[] {
  const women = p.womenMembers ?? null;
  if (p.kind === 'villagers')
    return [women !== null ? { message: '村民会议不填写妇女村民代表人数', citation: RECORD_CHECK, field: 'womenMembers' } : null];
  if (women === null)
    return [{ message: '请填写村民代表会议组成人员中的妇女村民代表人数', citation: CITE.composition, field: 'womenMembers' }];
  return [
    women > p.entitled
      ? { message: `妇女村民代表人数（${women}）不能超过组成人员数（${p.entitled}）`, citation: RECORD_CHECK, field: 'womenMembers' }
      : null,
  ];
}

export const MEETING_ACTIONS = {
  'village-meeting.record': action({
    title: '登记会议记录',
    roles: CLERK,
    from: 'opens',
    payload: recordSchema,
    guard: (_m, p, ctx) => recordRefusals(p, ctx),
    derive: (_m, _p, ctx) => ({ villageName: ctx.village?.name ?? '', regionPath: ctx.village?.path ?? '' }),
    apply: (m, p, meta) => {
      const v = meta.derived as { villageName: string; regionPath: string };
      return {
        ...m,
        villageId: p.villageId,
        villageName: v.villageName,
        regionPath: v.regionPath,
        kind: p.kind,
        heldOn: p.heldOn,
        basis: p.kind === 'villagers' ? (p.basis ?? 'adults') : null,
        entitled: p.entitled,
        present: p.present,
        womenMembers: p.kind === 'representatives' ? (p.womenMembers ?? null) : null,
        compositionShortfall: p.kind === 'representatives' && p.womenMembers != null ? womenShortfall(p.entitled, p.womenMembers) : null,
        convener: p.convener,
        place: p.place,
        agenda: p.agenda,
        minutes: p.minutes,
        decisions: p.decisions.map((d, i) => ({
          no: i + 1,
          subject: d.subject,
          votes: d.votes,
          carried: carried(d.votes, p.present),
          rulesId: d.rulesId,
          publicity: null,
        })),
      };
    },
  }),

  'village-meeting.publicize': action({
    title: '村务公开',
    roles: CLERK,
    from: ['recorded', 'publicized'],
    payload: z.strictObject({
      decision: z.number().int().min(1).max(30).meta({ title: '决定事项序号' }),
      on: legalDate.meta({ title: '公开日期' }),
      content: text(4000).meta({ title: '公开内容（决定事项及其实施情况）', widget: 'textarea' }),
    }),
    guard: (m, p, ctx) => {
      const d = m.decisions.find((x) => x.no === p.decision);
      return [
        !d ? { message: `本次会议没有第${p.decision}项决定`, citation: RECORD_CHECK, field: 'decision' } : null,
        d?.publicity ? { message: `第${p.decision}项决定已于${d.publicity.on}公开`, citation: RECORD_CHECK, field: 'decision' } : null,
        p.on > ctx.today ? { message: `公开日期（${p.on}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field: 'on' } : null,
        p.on < m.heldOn ? { message: `公开日期（${p.on}）不能早于会议日期（${m.heldOn}）`, citation: RECORD_CHECK, field: 'on' } : null,
      ];
    },
    apply: (m, p) => ({
      ...m,
      decisions: m.decisions.map((d) => (d.no === p.decision ? { ...d, publicity: { on: p.on, content: p.content } } : d)),
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<MeetingTypes, any>>;

export type MeetingAction = keyof typeof MEETING_ACTIONS;

export const MEETING_PROCEDURE: Procedure<MeetingTypes, MeetingAction> = {
  subjectType: 'village-meeting',
  recordName: '村民代表会议记录',
  permissions: { read: 'village.read' },
  actions: MEETING_ACTIONS,
  empty: (o) => emptyMeeting(o.id, o.agencyId, o.regionPath, o.today),
  status: meetingStatusOf,
  statusNames: MEETING_STATUS_NAMES,
  // Decisions of the meeting are published as they are made (Art 30): what the record waits for.
  next: (m) => (m.decisions.some((d) => !d.publicity) ? ['village-meeting.publicize'] : []),
};

/** The article 村务公开 rests on, for the pages that show it. */
export const PUBLICITY_CITATION = CITE.publicity;
