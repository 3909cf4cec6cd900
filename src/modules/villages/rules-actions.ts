/**
 * The action table of a village's 村规民约: the village committee drafts and consults, the
 * village meeting adopts (quorum and majority of 村民委员会组织法 Arts 22 and 26), the town
 * reviews the content against the law (Art 27; 妇女权益保障法 Arts 55, 56, 61, 75) and, once it
 * passes, files (备案) it; the village publishes it and records how it is carried out. Every
 * gate cites its article or says it only checks the record. Pure; the kit runs it.
 */
import { z } from 'zod';
import { legalDate, requiredText as text } from '../../platform/http/schemas.js';
import { RECORD_CHECK, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { VillageContext } from './context.js';
import type { VillageMeeting } from './meeting-state.js';
import {
  CITE,
  IMPLEMENTATION_TOPICS,
  IMPLEMENTATION_TOPIC_IDS,
  MEETING_KINDS,
  MEETING_KIND_IDS,
  QUORUM_BASES,
  QUORUM_BASIS_IDS,
  REVIEW_CITATIONS,
  REVIEW_POINTS,
  REVIEW_POINT_IDS,
  attendanceRefusals,
  carried,
  majorityCitation,
  voteRefusal,
  type ReviewPoint,
} from './law.js';
import {
  STATUS_NAMES,
  emptyRules,
  inForce,
  lastReview,
  latest,
  statusOf,
  type RulesStatus,
  type RulesVersion,
  type VillageRules,
} from './rules-state.js';

export type RulesSeries = 'review' | 'filing';

export interface RulesContext extends VillageContext {
  /** For an opening: the village's existing record, if it has one */
  existing: string | null;
  /** The meeting an adoption names, as recorded */
  meeting: VillageMeeting | null;
}

export interface RulesTypes {
  state: VillageRules;
  context: RulesContext;
  status: RulesStatus;
  series: RulesSeries;
}

const action = <P>(spec: ActionSpec<RulesTypes, P>) => spec;

const CLERK = ['village_clerk'] as const;
const TOWN = ['justice_office'] as const;

/** The rules' text, kept exactly as entered (not trimmed): any script, up to 200,000 characters. */
export const ruleText = z
  .string()
  .max(200_000, '不能超过 200000 个字')
  .refine((s) => s.trim().length > 0, '不能为空');

const count = (title: string) => z.number().int('须为整数').min(0, '不能为负').max(100_000, '人数过大').meta({ title });

export const votesSchema = z
  .strictObject({ for: count('同意'), against: count('反对'), abstain: count('弃权') })
  .meta({ title: '表决结果' });

/** A recorded date may not lie in the future, nor before `from`. */
function dated(
  date: string,
  ctx: { today: string },
  what: string,
  from: { on: string; what: string } | null,
  field = 'on',
): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field };
  if (from && date < from.on) return { message: `${what}（${date}）不能早于${from.what}（${from.on}）`, citation: RECORD_CHECK, field };
  return null;
}

const draftSchema = {
  title: text(100).meta({ title: '名称（如《妙泉村村规民约》）' }),
  text: ruleText.meta({ title: '村规民约全文（按“第X条”或编号分条）', widget: 'textarea' }),
  draftNote: text(4000).meta({ title: '起草说明（修订理由和主要内容）', widget: 'textarea' }),
  draftedOn: legalDate.meta({ title: '起草日期' }),
};

export const openSchema = z.strictObject({
  villageId: z.string().min(1).max(64).meta({ title: '村（行政村）', widget: 'village' }),
  ...draftSchema,
});

const newVersion = (no: number, p: { title: string; text: string; draftNote: string; draftedOn: string }): RulesVersion => ({
  no,
  title: p.title,
  text: p.text,
  draftedOn: p.draftedOn,
  draftNote: p.draftNote,
  earlierDrafts: [],
  consultations: [],
  adoption: null,
  reviews: [],
  filing: null,
  publishedOn: null,
  supersededOn: null,
});

/** The state with its latest version changed by `f`. */
const withLatest = (r: VillageRules, f: (v: RulesVersion) => RulesVersion): VillageRules => ({
  ...r,
  versions: [...r.versions.slice(0, -1), f(latest(r))],
});

const reviewItems = z
  .strictObject(
    Object.fromEntries(
      REVIEW_POINT_IDS.map((k) => [
        k,
        z
          .strictObject({
            ok: z.boolean().meta({ title: '符合', default: true }),
            note: text(1000).meta({ title: '审查意见', default: '经审查符合规定' }),
          })
          .meta({ title: REVIEW_POINTS[k] }),
      ]),
    ) as Record<ReviewPoint, z.ZodObject<{ ok: z.ZodBoolean; note: z.ZodString }>>,
  )
  .meta({ title: '合法性审查要点', widget: 'checklist' });

const adoptSchema = z.strictObject({
  on: legalDate.meta({ title: '会议日期' }),
  kind: z.enum(MEETING_KIND_IDS).meta({ title: '表决会议', labels: MEETING_KINDS }),
  basis: z.enum(QUORUM_BASIS_IDS).nullable().meta({ title: '村民会议应到人数的计算（村民代表会议不填）', labels: QUORUM_BASES }),
  authorisation: z
    .string()
    .trim()
    .max(1000, '不能超过 1000 个字')
    .nullable()
    .meta({ title: '村民会议的授权（村民代表会议表决时填写）', widget: 'textarea' }),
  meetingId: z.string().min(1).max(64).nullable().meta({ title: '会议记录（已在本系统登记的会议）' }),
  entitled: count('应到人数（十八周岁以上村民数、户数或代表会议组成人员数）'),
  present: count('实到人数'),
  votes: votesSchema,
});

/** An adoption's refusals: the meeting as recorded (if named), the authorisation, the quorum, the count and the majority. */
function adoptionRefusals(r: VillageRules, p: z.infer<typeof adoptSchema>, ctx: RulesContext): (Refusal | null)[] {
  const v = latest(r);
  const a = { kind: p.kind, basis: p.kind === 'villagers' ? (p.basis ?? 'adults') : null, entitled: p.entitled, present: p.present };
  const votes = voteRefusal(p.votes, p.present);
  return [
    dated(p.on, ctx, '会议日期', { on: v.draftedOn, what: '起草日期' }),
    v.consultations.length === 0 ? { message: '村规民约草案尚未征求村民意见，不能提交表决', citation: CITE.consultation } : null,
    p.kind === 'representatives' && !p.authorisation
      ? { message: '村民代表会议表决村规民约须经村民会议授权，请填写授权情况', citation: CITE.authorisation, field: 'authorisation' }
      : null,
    ...attendanceRefusals(a),
    votes,
    !votes && !carried(p.votes, p.present)
      ? {
          message: `表决未获通过：同意${p.votes.for}票，未超过实到${p.present}人的半数`,
          citation: majorityCitation(p.kind),
          field: 'votes',
        }
      : null,
    ...meetingRefusals(r, p, ctx.meeting),
  ];
}

/** A named meeting must be this village's, on that day, of that kind and attendance, with a decision on these rules. */
function meetingRefusals(r: VillageRules, p: z.infer<typeof adoptSchema>, m: VillageMeeting | null): (Refusal | null)[] {
  if (!p.meetingId) return [];
  const at = (message: string): Refusal => ({ message, citation: RECORD_CHECK, field: 'meetingId' });
  if (!m || m.villageId !== r.villageId) return [at('所选会议记录不存在或不是本村的会议')];
  const decision = m.decisions.find((d) => d.rulesId === r.id);
  return [
    m.heldOn !== p.on || m.kind !== p.kind ? at(`所选会议（${m.heldOn}${MEETING_KINDS[m.kind]}）与填写的日期或会议类型不一致`) : null,
    m.entitled !== p.entitled || m.present !== p.present ? at(`会议记录的应到${m.entitled}人、实到${m.present}人与填写的人数不一致`) : null,
    !decision ? at('所选会议没有表决本村规民约的决定') : null,
    decision &&
    (decision.votes.for !== p.votes.for || decision.votes.against !== p.votes.against || decision.votes.abstain !== p.votes.abstain)
      ? at('会议记录的表决票数与填写的票数不一致')
      : null,
  ];
}

export const RULES_ACTIONS = {
  'village-rules.draft': action({
    title: '起草村规民约',
    roles: CLERK,
    from: 'opens',
    payload: openSchema,
    guard: (_r, p, ctx) => [
      !ctx.village ? { message: '所选的村不存在或不属于本镇', citation: RECORD_CHECK, field: 'villageId' } : null,
      ctx.existing
        ? { message: '该村已有村规民约档案，请在原档案中启动修订（历次版本保存在同一档案中）', citation: RECORD_CHECK, field: 'villageId' }
        : null,
      dated(p.draftedOn, ctx, '起草日期', null, 'draftedOn'),
    ],
    // The village's name and region, as they are now, kept in the journal so a replay needs no read.
    derive: (_r, _p, ctx) => ({ villageName: ctx.village?.name ?? '', regionPath: ctx.village?.path ?? '' }),
    apply: (r, p, m) => {
      const v = m.derived as { villageName: string; regionPath: string };
      return { ...r, villageId: p.villageId, villageName: v.villageName, regionPath: v.regionPath, versions: [newVersion(1, p)] };
    },
  }),

  'village-rules.consult': action({
    title: '征求村民意见',
    roles: CLERK,
    from: ['drafting'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '征求意见日期' }),
      method: text(200).meta({ title: '征求意见方式（入户走访、村民小组会议、公示栏等）' }),
      participants: count('参与村民人数').min(1, '至少 1 人'),
      opinions: text(8000).meta({ title: '村民意见摘要', widget: 'textarea' }),
      response: text(8000).meta({ title: '采纳情况及理由', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [dated(p.on, ctx, '征求意见日期', { on: latest(r).draftedOn, what: '起草日期' })],
    apply: (r, p, m) => withLatest(r, (v) => ({ ...v, consultations: [...v.consultations, { seq: m.seq, ...p }] })),
  }),

  'village-rules.revise': action({
    title: '修改草案',
    roles: CLERK,
    from: ['drafting', 'returned'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '修改日期' }),
      text: ruleText.meta({ title: '修改后的村规民约全文', widget: 'textarea' }),
      note: text(4000).meta({ title: '修改说明（对审查意见或村民意见的处理）', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [
      dated(p.on, ctx, '修改日期', { on: latest(r).draftedOn, what: '起草日期' }),
      p.text === latest(r).text ? { message: '修改后的全文与原草案相同', citation: RECORD_CHECK, field: 'text' } : null,
    ],
    // The earlier draft is kept; a changed text needs a new vote, so the adoption is cleared (it stays in the journal).
    apply: (r, p) =>
      withLatest(r, (v) => ({
        ...v,
        text: p.text,
        earlierDrafts: [...v.earlierDrafts, { text: v.text, replacedOn: p.on, note: p.note }],
        adoption: null,
      })),
  }),

  'village-rules.adopt': action({
    title: '记录会议表决通过',
    roles: CLERK,
    from: ['drafting'],
    payload: adoptSchema,
    guard: adoptionRefusals,
    apply: (r, p, m) =>
      withLatest(r, (v) => ({
        ...v,
        adoption: {
          seq: m.seq,
          on: p.on,
          kind: p.kind,
          basis: p.kind === 'villagers' ? (p.basis ?? 'adults') : null,
          authorisation: p.kind === 'representatives' ? p.authorisation : null,
          meetingId: p.meetingId,
          entitled: p.entitled,
          present: p.present,
          votes: p.votes,
        },
      })),
  }),

  'village-rules.review': action({
    title: '乡镇合法性审查',
    roles: TOWN,
    from: ['adopted'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '审查日期' }),
      items: reviewItems,
      opinion: text(4000).meta({ title: '审查意见（退回的，写明须改正的条款）', widget: 'textarea' }),
      reviewer: text(50).meta({ title: '审查人' }),
    }),
    guard: (r, p, ctx) => [dated(p.on, ctx, '审查日期', { on: latest(r).adoption?.on ?? latest(r).draftedOn, what: '表决日期' })],
    issues: () => 'review',
    // A failed point does not refuse the review: it is the review's finding, and sends the rules back (Art 27 ¶3).
    apply: (r, p, m) =>
      withLatest(r, (v) => ({
        ...v,
        reviews: [
          ...v.reviews,
          {
            seq: m.seq,
            on: p.on,
            number: m.number,
            items: p.items,
            opinion: p.opinion,
            passed: REVIEW_POINT_IDS.every((k) => p.items[k].ok),
            reviewer: p.reviewer,
          },
        ],
      })),
  }),

  'village-rules.file': action({
    title: '备案',
    roles: TOWN,
    from: ['reviewed'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '备案日期' }),
      note: text(1000).meta({ title: '备案说明', default: '经审查，该村规民约符合法律规定，予以备案。' }),
    }),
    guard: (r, p, ctx) => [
      // The status allows it only after a passed review; said again here so the refusal names the law.
      lastReview(latest(r))?.passed ? null : { message: '乡镇审查未通过的村规民约不予备案，应当责令改正', citation: CITE.correction },
      dated(p.on, ctx, '备案日期', { on: lastReview(latest(r))?.on ?? latest(r).draftedOn, what: '审查日期' }),
    ],
    issues: () => 'filing',
    apply: (r, p, m) => withLatest(r, (v) => ({ ...v, filing: { on: p.on, number: m.number, note: p.note } })),
  }),

  'village-rules.publish': action({
    title: '公布施行',
    roles: CLERK,
    from: ['filed'],
    payload: z.strictObject({ on: legalDate.meta({ title: '公布日期' }) }),
    guard: (r, p, ctx) => [dated(p.on, ctx, '公布日期', { on: latest(r).filing?.on ?? latest(r).draftedOn, what: '备案日期' })],
    // The version before it stops being in force the day this one is published.
    apply: (r, p) => ({
      ...r,
      versions: r.versions.map((v, i) =>
        i === r.versions.length - 1 ? { ...v, publishedOn: p.on } : v.publishedOn && !v.supersededOn ? { ...v, supersededOn: p.on } : v,
      ),
    }),
  }),

  'village-rules.start-revision': action({
    title: '启动修订',
    roles: CLERK,
    from: ['in-force'],
    payload: z.strictObject(draftSchema),
    guard: (r, p, ctx) => [
      dated(p.draftedOn, ctx, '起草日期', { on: latest(r).publishedOn ?? r.openedOn, what: '现行版本公布日期' }, 'draftedOn'),
    ],
    apply: (r, p) => ({ ...r, versions: [...r.versions, newVersion(r.versions.length + 1, p)] }),
  }),

  'village-rules.record-implementation': action({
    title: '记录执行情况',
    roles: CLERK,
    from: ['in-force', 'drafting', 'adopted', 'returned', 'reviewed', 'filed'],
    requires: (r) => (inForce(r) ? null : { message: '本村尚无施行中的村规民约', citation: RECORD_CHECK }),
    payload: z.strictObject({
      on: legalDate.meta({ title: '日期' }),
      topic: z.enum(IMPLEMENTATION_TOPIC_IDS).meta({ title: '事项', labels: IMPLEMENTATION_TOPICS }),
      content: text(4000).meta({ title: '执行情况（如婚事新办户数、彩礼金额、宴席桌数）', widget: 'textarea' }),
      outcome: text(2000).meta({ title: '效果与问题', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [dated(p.on, ctx, '日期', { on: inForce(r)?.publishedOn ?? r.openedOn, what: '现行版本公布日期' })],
    apply: (r, p, m) => ({
      ...r,
      implementations: [...r.implementations, { seq: m.seq, version: inForce(r)!.no, ...p }],
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<RulesTypes, any>>;

export type RulesAction = keyof typeof RULES_ACTIONS;

/** What each status expects next. */
const NEXT: Record<RulesStatus, RulesAction[]> = {
  drafting: ['village-rules.consult', 'village-rules.adopt'],
  adopted: ['village-rules.review'],
  returned: ['village-rules.revise'],
  reviewed: ['village-rules.file'],
  filed: ['village-rules.publish'],
  'in-force': [],
};

/** Why the review sent the rules back: each failed point with its article (the console and the documents show them). */
export const failedPoints = (items: Record<ReviewPoint, { ok: boolean; note: string }>) =>
  REVIEW_POINT_IDS.filter((k) => !items[k].ok).map((k) => ({
    point: REVIEW_POINTS[k],
    note: items[k].note,
    citation: REVIEW_CITATIONS[k],
  }));

export const RULES_PROCEDURE: Procedure<RulesTypes, RulesAction> = {
  subjectType: 'village-rules',
  recordName: '村规民约',
  permissions: { read: 'village.read' },
  actions: RULES_ACTIONS,
  empty: (o) => emptyRules(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  next: (r) => NEXT[statusOf(r)],
};
