/**
 * The action table of a petition (信访事项): who may take each step, from which statuses, with
 * what payload, under which gates (each citing 《信访工作条例》 or RECORD_CHECK), which numbered
 * document it issues and how it changes the petition. Pure; the kit runs it.
 */
import {
  LINK_DETAILS,
  LINK_ROUTES,
  LINK_ROUTE_IDS,
  linkedRefSchema,
  type LinkDetails,
  type LinkRoute,
  type LinkedRef,
} from '../../procedure/links.js';
import { z } from 'zod';
import { legalDate, personalIdNumber, requiredText as text, optionalText, phoneNumber } from '../../platform/http/schemas.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { approve, dropRequest, pendingRequest } from '../../procedure/decide.js';
import { PUBLIC_ROLE, RECORD_CHECK, sameIndividual, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { BaseContext } from '../../procedure/served.js';
import type { MergeTarget } from './duplicates.js';
import { evidenceRows, materialPayload, materialWithdrawal, type EvidenceList } from '../../procedure/evidence.js';
import { SEPARATION_OF_DUTIES } from '../../law/penalty.js';
import {
  AGREEMENT_KINDS,
  CATEGORIES,
  CATEGORY_IDS,
  CHANNELS,
  CHANNEL_IDS,
  LEGAL_ROUTES,
  LEGAL_ROUTE_IDS,
  MAX_REPRESENTATIVES,
  NOTE_KINDS,
  ORAL,
  OUTCOMES,
  OUTCOME_IDS,
  RATINGS,
  REVIEW_OUTCOMES,
  SOURCES,
  STATUS_NAMES,
  article,
  emptyPetition,
  statusOf,
  type Petition,
  type PetitionStatus,
  type AgreementKind,
  type NoteKind,
  type Review,
  type MergedInto,
  ATTACHMENT_TYPES,
  type Attachment,
} from './state.js';

export type PetitionSeries =
  | 'registration'
  | 'acceptance'
  | 'decline'
  | 'route'
  | 'transfer'
  | 'extension-notice'
  | 'opinion'
  | 'review'
  | 'recheck'
  | 'agreement';

/** What the gates learn of the earlier petition a repeat names (`repeatOf`): its status, or that no such petition exists. */
export interface PetitionContext extends BaseContext {
  prior?: { status: PetitionStatus; number: string } | null;
  /** The petition a merge names to keep (null: none in the agency has that number) */
  mergeTarget?: MergeTarget | null;
  /** The petition the kept one's note names as merged into it */
  mergeSource?: { id: string; number: string; mergedInto: string | null } | null;
}

export interface PetitionTypes {
  state: Petition;
  context: PetitionContext;
  status: PetitionStatus;
  series: PetitionSeries;
}

const action = <P>(spec: ActionSpec<PetitionTypes, P>) => spec;

const CLERK = ['petition_clerk'] as const;
/** What the head approves: a handling extension (Art 34), a merge of petitions by different petitioners. */
const APPROVAL_NAMES = { extension: '延长办理期限', merge: '合并重复信访' } as const;
const APPROVAL_KINDS = Object.keys(APPROVAL_NAMES) as [keyof typeof APPROVAL_NAMES, ...(keyof typeof APPROVAL_NAMES)[]];
const HEAD = ['unit_head'] as const;
/** The petitioner on the portal (online, with no account), or the clerk registering what came by visit, letter or phone */
const PETITIONER_OR_CLERK = [PUBLIC_ROLE, 'petition_clerk'] as const;

export const petitionerSchema = z
  .strictObject({
    name: text(50).meta({ title: '姓名' }),
    idNumber: personalIdNumber.nullable().meta({ title: '身份证号' }),
    phone: phoneNumber.nullable().meta({ title: '联系电话' }),
    address: text(200).meta({ title: '住址' }),
  })
  .meta({ title: '信访人' });

/** A petition as it is registered (Art 19, 21, 22): who, what, why, about which place; the server adds the tracking code's hash. */
export const registerSchema = z.strictObject({
  channel: z.enum(CHANNEL_IDS).meta({ title: '信访形式', labels: CHANNELS }),
  source: z.enum(['direct', 'transferred']).meta({ title: '来源', labels: SOURCES }),
  receivedOn: legalDate.meta({ title: '收到信访事项日期' }),
  // More than five are accepted by the schema so the gate can refuse them with Art 20.
  petitioners: z
    .array(petitionerSchema)
    .min(1, '至少登记一名信访人')
    .max(50, '最多登记 50 人')
    .meta({ title: '信访人（多人走访的，为推选的代表）' }),
  groupSize: z.number().int().min(2, '多人信访至少 2 人').max(10000).nullable().meta({ title: '多人走访的总人数' }),
  request: text(2000).meta({ title: '信访请求', widget: 'textarea' }),
  factsAndReasons: text(5000).meta({ title: '事实和理由', widget: 'textarea' }),
  category: z.enum(CATEGORY_IDS).meta({ title: '问题类别', labels: CATEGORIES }),
  place: text(100).meta({ title: '问题发生地（村、社区或地点）' }),
  oralConfirmed: z.boolean().meta({ title: '口头信访已如实记录并经信访人确认' }),
  repeatOf: z.string().trim().min(1, '不能为空').max(60).nullable().meta({ title: '同一事项此前的信访登记号（重复信访时填写）' }),
  trackingHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ title: '查询码摘要', widget: 'hidden' }),
});

/** A recorded date may not lie in the future, nor before `floor` (the petition's receipt, or the step it answers). */
function eventDate(date: string, floor: string, ctx: BaseContext, what: string, floorName = '收到信访事项之日'): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field: 'on' };
  if (date < floor) return { message: `${what}（${date}）不能早于${floorName}（${floor}）`, citation: RECORD_CHECK, field: 'on' };
  return null;
}

/** The handling's due date before any extension: 60 days from acceptance (Art 34). */
export const handlingDue = (p: Petition, table: BaseContext['table'], extraDays = 0) =>
  deadlineDue(table, {
    rule: 'petition.handling',
    from: p.routing?.on ?? p.receivedOn,
    ...(extraDays > 0 ? { extensions: [{ days: extraDays, reason: '经批准延长' }] } : {}),
  });

/** The last day a 复查 (Art 35) or 复核 (Art 36) may be asked for. */
const requestWindow = (table: BaseContext['table'], rule: 'petition.review-request' | 'petition.recheck-request', from: string) =>
  deadlineDue(table, { rule, from });

const thisProcedure = (): Procedure<PetitionTypes> => PETITION_PROCEDURE;

// Routing late is not refused: the 15-day duty is the agency's, and an overdue notice shows in every queue (Art 23, 44).
const routeOn = legalDate.meta({ title: '告知日期' });

const reviewRequestSchema = (what: string) =>
  z.strictObject({
    on: legalDate.meta({ title: `收到${what}请求日期` }),
    body: text(100).meta({ title: `${what}机关` }),
    reason: text(2000).meta({ title: `${what}请求和理由`, widget: 'textarea' }),
  });
const reviewReplySchema = (what: string) =>
  z.strictObject({
    on: legalDate.meta({ title: `${what}意见日期` }),
    servedOn: legalDate.meta({ title: '送达信访人日期' }),
    outcome: z.enum(['uphold', 'change']).meta({ title: `${what}结论`, labels: REVIEW_OUTCOMES }),
    text: text(5000).meta({ title: `${what}意见（事实、理由和依据）`, widget: 'textarea' }),
  });
const replyGuard = (rv: Review | null, p: { on: string; servedOn: string }, ctx: BaseContext) => [
  rv ? eventDate(p.on, rv.requestedOn, ctx, '意见日期', '收到请求之日') : null,
  p.servedOn < p.on ? { message: '送达日期不能早于意见日期', citation: RECORD_CHECK, field: 'servedOn' } : null,
  p.servedOn > ctx.today ? { message: '送达日期不能晚于今天', citation: RECORD_CHECK, field: 'servedOn' } : null,
];
const replyOf = (p: z.infer<ReturnType<typeof reviewReplySchema>>, number: string | null) => ({
  on: p.on,
  servedOn: p.servedOn,
  outcome: p.outcome,
  text: p.text,
  number,
});

const ratingOf = (p: Petition): 'opinion' | 'review' | 'recheck' => (p.recheck?.reply ? 'recheck' : p.review?.reply ? 'review' : 'opinion');

/** The files a petition holds: the letter's scan, photos, written materials the petitioner handed in (Art 19). */
export const ATTACHMENTS: EvidenceList<Petition, Attachment> = {
  items: (p) => p.attachments ?? [],
  withItems: (p, attachments) => ({ ...p, attachments }),
  words: { item: '材料', record: '本信访事项' },
};
const attachments = evidenceRows<PetitionTypes>(ATTACHMENTS);
/** Materials come with the petition and after it (a 复查 request's letter): any status. */
const ANY_STATUS = Object.keys(STATUS_NAMES) as PetitionStatus[];

const mergeSchema = z.strictObject({
  into: text(60).meta({ title: '保留的信访事项登记号（本件并入该件）' }),
  reason: text(1000).meta({ title: '合并理由（同一信访人、同一事项）', widget: 'textarea' }),
});

/** What every merge needs of the petition it keeps: it exists in the agency, is another one, and was not itself merged. */
function mergeGates(s: Petition, into: string, ctx: PetitionContext): (Refusal | null)[] {
  const t = ctx.mergeTarget;
  if (!t) return [{ message: `本单位没有登记号为“${into}”的信访事项`, citation: RECORD_CHECK, field: 'into' }];
  return [
    t.id === s.id ? { message: '不能将信访事项并入其自身', citation: RECORD_CHECK, field: 'into' } : null,
    t.mergedInto
      ? { message: `信访事项 ${t.number} 本身已并入其他信访事项，请并入保留的那一件`, citation: RECORD_CHECK, field: 'into' }
      : null,
  ];
}

/** The merge as the duplicate records it; the target's id comes from the gates' read, kept in the journal (`derived`). */
const mergedInto = (p: { into: string; reason: string }, m: { today: string; derived: unknown }, by: MergedInto['by']): MergedInto => {
  const t = m.derived as { id: string; number: string };
  return { id: t.id, number: t.number, on: m.today, reason: p.reason, by };
};
const targetRef = (ctx: PetitionContext) => (ctx.mergeTarget ? { id: ctx.mergeTarget.id, number: ctx.mergeTarget.number } : null);

/** The routing action of each route into a procedure in yifa, keyed by the route (one action each, so each form asks only for what its route needs). */
export const ROUTE_ACTIONS = {
  disclosure: 'petition.route-to-disclosure',
  penalty: 'petition.route-to-case-source',
  mediation: 'petition.route-to-mediation',
} as const satisfies Record<LinkRoute, string>;
const ROUTE_ACTION_TYPES: readonly string[] = Object.values(ROUTE_ACTIONS);
export const isRouteAction = (type: string) => ROUTE_ACTION_TYPES.includes(type);
export const routeOfAction = (type: string) => LINK_ROUTE_IDS.find((r) => ROUTE_ACTIONS[r] === type);

/** Routing into `route`: the day (today), the reason told to the petitioner, what the route needs, and the record the server names. */
function routeAction<R extends LinkRoute>(route: R, title: string) {
  return action({
    title,
    roles: CLERK,
    from: ['registered'],
    payload: z.strictObject({
      on: routeOn,
      reason: text(2000).meta({ title: '转入的理由（告知信访人）', widget: 'textarea' }),
      ...LINK_DETAILS[route].shape,
      // The server names the record it opens (prepare): never the client.
      linkedTo: linkedRefSchema.optional(),
    }),
    guard: (s, p, ctx) => [
      eventDate(p.on, s.receivedOn, ctx, '告知日期'),
      p.on !== ctx.today ? { message: '转入法定程序当日办理，告知日期应为今天', citation: RECORD_CHECK, field: 'on' } : null,
      p.linkedTo
        ? null
        : {
            message: `本平台没有受理“${LINK_ROUTES[route]}”的程序，请以不予受理告知法定途径`,
            citation: article('三十一'),
            field: 'reason',
          },
    ],
    issues: () => 'route',
    apply: (s, p, m) => {
      const { on, reason, linkedTo, ...details } = p as { on: string; reason: string; linkedTo?: LinkedRef } & LinkDetails;
      return {
        ...s,
        routing: { kind: 'procedure', on, number: m.number, route, reason, details },
        ...(linkedTo ? { linkedTo } : {}),
      };
    },
  });
}

export const PETITION_ACTIONS = {
  'petition.register': action({
    title: '登记信访事项',
    roles: PETITIONER_OR_CLERK,
    from: 'opens',
    payload: registerSchema,
    guard: (_s, p, ctx) => [
      p.receivedOn > ctx.today ? { message: '收到信访事项日期不能晚于今天', citation: RECORD_CHECK, field: 'receivedOn' } : null,
      p.channel === 'online' && p.receivedOn !== ctx.today
        ? { message: '网上信访以提交之日为收到之日', citation: article('二十一'), field: 'receivedOn' }
        : null,
      p.channel === 'visit' && p.petitioners.length > MAX_REPRESENTATIVES
        ? {
            message: `多人采用走访形式提出同一信访事项的，应当推选代表，代表人数不超过 ${MAX_REPRESENTATIVES} 人（本次登记 ${p.petitioners.length} 人）`,
            citation: article('二十'),
            field: 'petitioners',
          }
        : null,
      p.channel !== 'visit' && p.groupSize !== null
        ? { message: '推选代表的总人数只适用于多人走访', citation: article('二十'), field: 'groupSize' }
        : null,
      p.groupSize !== null && p.groupSize < p.petitioners.length
        ? { message: '多人走访的总人数不能少于登记的代表人数', citation: RECORD_CHECK, field: 'groupSize' }
        : null,
      ORAL.includes(p.channel) && !p.oralConfirmed
        ? { message: '信访人口头提出信访事项的，应当如实记录，并经信访人确认', citation: article('十九'), field: 'oralConfirmed' }
        : null,
      !ORAL.includes(p.channel) && p.oralConfirmed
        ? { message: `${CHANNELS[p.channel]}不是口头信访，无需确认记录`, citation: RECORD_CHECK, field: 'oralConfirmed' }
        : null,
      p.source === 'transferred' && p.channel === 'online'
        ? { message: '上级转送、交办的信访事项不是信访人网上提出的', citation: RECORD_CHECK, field: 'source' }
        : null,
    ],
    issues: () => 'registration',
    apply: (s, p, m) => ({
      ...s,
      number: m.number,
      channel: p.channel,
      source: p.source,
      receivedOn: p.receivedOn,
      petitioners: p.petitioners,
      groupSize: p.groupSize,
      request: p.request,
      factsAndReasons: p.factsAndReasons,
      category: p.category,
      place: p.place,
      oralConfirmed: p.oralConfirmed,
      repeatOf: p.repeatOf,
      trackingHash: p.trackingHash,
    }),
  }),

  'petition.accept': action({
    title: '受理并书面告知',
    roles: CLERK,
    from: ['registered'],
    payload: z.strictObject({ on: routeOn }),
    guard: (s, p, ctx) => [
      eventDate(p.on, s.receivedOn, ctx, '告知日期'),
      s.repeatOf && ctx.prior === null
        ? { message: `没有登记号为“${s.repeatOf}”的信访事项`, citation: RECORD_CHECK, field: 'repeatOf' }
        : null,
      ctx.prior?.status === 'rechecked'
        ? {
            message: `同一信访事项（${ctx.prior.number}）已经复核，信访人以同一事实和理由再次提出的，不再受理`,
            citation: article('三十六'),
          }
        : null,
      ctx.prior && ['accepted', 'reviewing', 'rechecking', 'assigned'].includes(ctx.prior.status)
        ? { message: `同一信访事项（${ctx.prior.number}）正在办理期限内，不再重复受理`, citation: article('十九') }
        : null,
    ],
    issues: () => 'acceptance',
    apply: (s, p, m) => ({ ...s, routing: { kind: 'accept', on: p.on, number: m.number } }),
  }),

  'petition.merge': action({
    title: '作为重复信访并入同一信访人的信访事项',
    roles: CLERK,
    from: ['registered'],
    payload: mergeSchema,
    guard: (s, p, ctx) => {
      const gates = mergeGates(s, p.into, ctx);
      if (gates.some(Boolean)) return gates;
      return [
        ctx.mergeTarget?.samePetitioner
          ? null
          : {
              message: '两件信访事项的信访人不同（身份证号或姓名和电话均不一致），合并须报负责人批准（“申请合并（报负责人批准）”）',
              citation: RECORD_CHECK,
              field: 'into',
            },
      ];
    },
    derive: (_s, _p, ctx) => targetRef(ctx),
    apply: (s, p, m) => ({ ...s, mergedInto: mergedInto(p, m, 'same-petitioner') }),
  }),

  'petition.request-merge': action({
    title: '申请合并重复信访（报负责人批准）',
    roles: CLERK,
    from: ['registered'],
    payload: mergeSchema,
    requires: (s) =>
      pendingRequest(thisProcedure(), s, 'merge') ? { message: '已有合并申请等待负责人批准', citation: RECORD_CHECK } : null,
    guard: (s, p, ctx) => mergeGates(s, p.into, ctx),
    approval: {
      kind: 'merge',
      onApproved: (s, p, m) => ({ ...s, mergedInto: mergedInto(p, m, 'head') }),
    },
    apply: (s) => s,
  }),

  'petition.note-merged': action({
    title: '登记并入本件的重复信访',
    roles: [...CLERK, ...HEAD],
    from: (Object.keys(STATUS_NAMES) as PetitionStatus[]).filter((x) => x !== 'merged'),
    payload: z.strictObject({ number: text(60).meta({ title: '并入本件的信访事项登记号' }) }),
    guard: (s, p, ctx) => {
      const src = ctx.mergeSource;
      return [
        src?.mergedInto === s.id ? null : { message: `信访事项“${p.number}”没有并入本件`, citation: RECORD_CHECK, field: 'number' },
        src && (s.merged ?? []).some((x) => x.id === src.id)
          ? { message: `信访事项 ${src.number} 并入本件已经登记`, citation: RECORD_CHECK, field: 'number' }
          : null,
      ];
    },
    derive: (_s, _p, ctx) => (ctx.mergeSource ? { id: ctx.mergeSource.id, number: ctx.mergeSource.number } : null),
    // Only noted: the kept petition's limits run on from its own receipt and acceptance.
    apply: (s, _p, m) => ({ ...s, merged: [...(s.merged ?? []), { ...(m.derived as { id: string; number: string }), on: m.today }] }),
  }),

  // A verified upload of the clerk's own (type sniffed, size within the platform's limits), named by its hash.
  'petition.attach-file': attachments.attach({
    title: '附加信访材料（信件扫描件、照片等）',
    roles: CLERK,
    from: ANY_STATUS,
    payload: materialPayload(ATTACHMENT_TYPES),
  }),

  // The petitioner's own, sent through the portal with his tracking code and second factor: a
  // file the portal verified for this petition (the kit's portal-uploads.ts), named by its hash.
  // Not for a petition merged into another: its materials go to the one kept.
  'petition.submit-material': attachments.attach({
    title: '信访人补充材料（网上）',
    roles: [PUBLIC_ROLE],
    from: ANY_STATUS.filter((x) => x !== 'merged'),
    payload: materialPayload(ATTACHMENT_TYPES),
  }),

  // What the file holds stays in it: the head may only mark an item withdrawn, with the reason.
  'petition.withdraw-file': attachments.withdraw({
    title: '撤回信访材料',
    roles: HEAD,
    from: ANY_STATUS,
    payload: materialWithdrawal,
  }),

  'petition.decline': action({
    title: '不予受理，告知法定途径',
    roles: CLERK,
    from: ['registered'],
    payload: z.strictObject({
      on: routeOn,
      route: z.enum(LEGAL_ROUTE_IDS).meta({
        title: '不予受理的情形（应当通过的法定途径）',
        labels: Object.fromEntries(LEGAL_ROUTE_IDS.map((k) => [k, LEGAL_ROUTES[k].name])),
      }),
      reason: text(2000).meta({ title: '不予受理的理由（告知信访人）', widget: 'textarea' }),
    }),
    guard: (s, p, ctx) => [
      eventDate(p.on, s.receivedOn, ctx, '告知日期'),
      p.route === 'concluded' && ctx.prior?.status !== 'rechecked'
        ? { message: '只有登记了已经复核终结的同一信访事项，才能以“已经复核终结”不予受理', citation: article('三十六'), field: 'route' }
        : null,
    ],
    issues: () => 'decline',
    apply: (s, p, m) => ({ ...s, routing: { kind: 'decline', on: p.on, number: m.number, route: p.route, reason: p.reason } }),
  }),

  // Art 31: a matter that belongs in a legal procedure the receiving side runs in yifa is routed
  // into it — the record is opened there in this action's transaction (the kit's followUp and
  // links.ts), both records name each other, and the petitioner is told which route and why.
  'petition.route-to-disclosure': routeAction('disclosure', '转为政府信息公开申请（本平台）'),
  'petition.route-to-case-source': routeAction('penalty', '转为行政处罚案源（本平台）'),
  'petition.route-to-mediation': routeAction('mediation', '转入人民调解（本平台）'),

  'petition.transfer': action({
    title: '转送有权处理的机关',
    roles: CLERK,
    from: ['registered'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '转送日期' }),
      to: text(100).meta({ title: '有权处理的机关' }),
      reason: text(1000).meta({ title: '转送理由（告知信访人）', widget: 'textarea' }),
    }),
    guard: (s, p, ctx) => [eventDate(p.on, s.receivedOn, ctx, '转送日期')],
    issues: () => 'transfer',
    apply: (s, p, m) => ({ ...s, routing: { kind: 'transfer', on: p.on, number: m.number, to: p.to, reason: p.reason } }),
  }),

  'petition.assign': action({
    title: '交办并要求报送办结报告',
    roles: CLERK,
    from: ['registered'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '交办日期' }),
      to: text(100).meta({ title: '承办单位' }),
      reason: text(1000).meta({ title: '交办要求', widget: 'textarea' }),
    }),
    guard: (s, p, ctx) => [eventDate(p.on, s.receivedOn, ctx, '交办日期')],
    issues: () => 'transfer',
    apply: (s, p, m) => ({ ...s, routing: { kind: 'assign', on: p.on, number: m.number, to: p.to, reason: p.reason } }),
  }),

  'petition.record-report': action({
    title: '登记承办单位办结报告',
    roles: CLERK,
    from: ['assigned'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '收到办结报告日期' }),
      text: text(5000).meta({ title: '办结报告内容', widget: 'textarea' }),
    }),
    guard: (s, p, ctx) => [eventDate(p.on, s.routing?.on ?? s.receivedOn, ctx, '收到日期', '交办之日')],
    apply: (s, p) => ({ ...s, report: { on: p.on, text: p.text } }),
  }),

  'petition.object-misroute': action({
    title: '对转送错误提出异议',
    roles: CLERK,
    from: ['registered'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '提出异议日期' }),
      reason: text(1000).meta({ title: '异议理由（不属于本机关职责的依据）', widget: 'textarea' }),
    }),
    requires: (s) =>
      s.source === 'transferred' ? null : { message: '只有上级转送、交办的信访事项才能提出转送异议', citation: article('二十三') },
    guard: (s, p, ctx) => {
      const due = deadlineDue(ctx.table, { rule: 'petition.misroute-objection', from: s.receivedOn });
      return [
        eventDate(p.on, s.receivedOn, ctx, '提出异议日期'),
        p.on > due ? { message: `应当自收到转送之日起 5 个工作日内（${due} 前）提出异议`, citation: article('二十三'), field: 'on' } : null,
      ];
    },
    apply: (s, p) => ({ ...s, objection: { on: p.on, reason: p.reason } }),
  }),

  'petition.add-note': action({
    title: '记录调查核实情况',
    roles: CLERK,
    from: ['accepted'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '日期' }),
      kind: z.enum(Object.keys(NOTE_KINDS) as [NoteKind, ...NoteKind[]]).meta({ title: '方式', labels: NOTE_KINDS }),
      text: text(5000).meta({ title: '调查核实情况', widget: 'textarea' }),
    }),
    guard: (s, p, ctx) => [eventDate(p.on, s.routing?.on ?? s.receivedOn, ctx, '日期', '受理之日')],
    apply: (s, p, m) => ({ ...s, notes: [...s.notes, { seq: m.seq, on: p.on, kind: p.kind, text: p.text }] }),
  }),

  'petition.hold-hearing': action({
    title: '举行听证（重大、复杂、疑难事项）',
    roles: CLERK,
    from: ['accepted'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '听证日期' }),
      participants: text(1000).meta({ title: '参加人员' }),
      summary: text(5000).meta({ title: '听证情况', widget: 'textarea' }),
    }),
    requires: (s) => (s.hearing ? { message: '本事项已经举行听证', citation: RECORD_CHECK } : null),
    guard: (s, p, ctx) => [eventDate(p.on, s.routing?.on ?? s.receivedOn, ctx, '听证日期', '受理之日')],
    apply: (s, p) => ({ ...s, hearing: { on: p.on, participants: p.participants, summary: p.summary } }),
  }),

  'petition.request-extension': action({
    title: '申请延长办理期限',
    roles: CLERK,
    from: ['accepted'],
    payload: z.strictObject({
      days: z.number().int().min(1, '至少延长 1 日').max(30, '延长期限不得超过 30 日').meta({ title: '延长日数' }),
      reason: text(1000).meta({ title: '延期理由（告知信访人）', widget: 'textarea' }),
    }),
    requires: (s) =>
      s.extension
        ? { message: '办理期限已经延长过，延长期限不得超过 30 日', citation: article('三十四') }
        : pendingRequest(thisProcedure(), s, 'extension')
          ? { message: '已有延期申请等待负责人批准', citation: RECORD_CHECK }
          : null,
    guard: (s, _p, ctx) => {
      const due = handlingDue(s, ctx.table);
      return [ctx.today > due ? { message: `办理期限（${due}）已过，不能再申请延期`, citation: article('三十四') } : null];
    },
    approval: {
      kind: 'extension',
      onApproved: (s, p, m) => ({
        ...s,
        extension: { days: p.days, reason: p.reason, approvedOn: m.today, number: m.number, until: (m.derived as { until: string }).until },
      }),
    },
    apply: (s) => s,
  }),

  'petition.approve': action({
    title: '负责人批准',
    roles: HEAD,
    from: ['registered', 'accepted'],
    answers: true,
    payload: z.strictObject({
      kind: z.enum(APPROVAL_KINDS).meta({ title: '审批事项', widget: 'hidden', labels: APPROVAL_NAMES }),
      opinion: text(500).meta({ title: '审批意见' }),
    }),
    guard: (s, p, ctx) => {
      const req = pendingRequest(thisProcedure(), s, p.kind);
      if (!req) return [{ message: `没有待批准的${APPROVAL_NAMES[p.kind]}申请`, citation: RECORD_CHECK }];
      const into = (req.payload as { into?: string }).into ?? '';
      return [
        sameIndividual(req.requestedBy, ctx.actor)
          ? {
              message: `${APPROVAL_NAMES[p.kind]}申请由您本人提出，须由其他负责人批准`,
              citation: p.kind === 'extension' ? `${article('三十四')}；${SEPARATION_OF_DUTIES}` : SEPARATION_OF_DUTIES,
            }
          : null,
        // The kept petition is read again now: it may have been merged itself since the request.
        ...(p.kind === 'merge' ? mergeGates(s, into, ctx) : []),
      ];
    },
    issues: (_s, p) => (p.kind === 'extension' ? 'extension-notice' : null),
    derive: (s, p, ctx) => {
      if (p.kind === 'merge') return targetRef(ctx);
      const days = (pendingRequest(thisProcedure(), s, p.kind)?.payload as { days: number } | undefined)?.days ?? 0;
      return { until: handlingDue(s, ctx.table, days) };
    },
    apply: (s, p, m) => approve(thisProcedure(), s, p.kind, m),
  }),

  'petition.reject': action({
    title: '负责人不批准',
    roles: HEAD,
    from: ['registered', 'accepted'],
    answers: true,
    payload: z.strictObject({
      kind: z.enum(APPROVAL_KINDS).meta({ title: '审批事项', widget: 'hidden', labels: APPROVAL_NAMES }),
      reason: text(500).meta({ title: '不批准的理由' }),
    }),
    apply: (s, p) => dropRequest(thisProcedure(), s, p.kind),
  }),

  'petition.issue-opinion': action({
    title: '出具信访处理意见书',
    roles: CLERK,
    from: ['accepted'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '意见书日期' }),
      servedOn: legalDate.meta({ title: '送达信访人日期' }),
      outcome: z.enum(OUTCOME_IDS).meta({ title: '处理意见', labels: OUTCOMES }),
      facts: text(5000).meta({ title: '查明的事实', widget: 'textarea' }),
      basis: text(2000).meta({ title: '法律、法规、规章或者其他有关规定依据', widget: 'textarea' }),
      text: text(5000).meta({ title: '处理意见和理由', widget: 'textarea' }),
    }),
    guard: (s, p, ctx) => [
      eventDate(p.on, s.routing?.on ?? s.receivedOn, ctx, '意见书日期', '受理之日'),
      p.servedOn < p.on ? { message: '送达日期不能早于意见书日期', citation: RECORD_CHECK, field: 'servedOn' } : null,
      p.servedOn > ctx.today ? { message: '送达日期不能晚于今天', citation: RECORD_CHECK, field: 'servedOn' } : null,
      pendingRequest(thisProcedure(), s, 'extension') ? { message: '延期申请尚待负责人批准', citation: RECORD_CHECK } : null,
    ],
    issues: () => 'opinion',
    apply: (s, p, m) => ({
      ...s,
      opinion: { on: p.on, servedOn: p.servedOn, outcome: p.outcome, facts: p.facts, basis: p.basis, text: p.text, number: m.number },
    }),
  }),

  // Art 33: within its powers the handling body may mediate, or the parties settle; the
  // agreement, numbered, takes the place of an opinion and ends the handling. Consensual, so
  // no 复查 follows it.
  'petition.record-agreement': action({
    title: '达成调解（和解）协议',
    roles: CLERK,
    from: ['accepted'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '协议日期' }),
      kind: z.enum(Object.keys(AGREEMENT_KINDS) as [AgreementKind, ...AgreementKind[]]).meta({ title: '协议书', labels: AGREEMENT_KINDS }),
      parties: text(500).meta({ title: '协议各方（信访人和对方）' }),
      terms: text(5000).meta({ title: '协议内容', widget: 'textarea' }),
      performance: text(1000).meta({ title: '履行方式和期限', widget: 'textarea' }),
    }),
    guard: (s, p, ctx) => [
      eventDate(p.on, s.routing?.on ?? s.receivedOn, ctx, '协议日期', '受理之日'),
      pendingRequest(thisProcedure(), s, 'extension') ? { message: '延期申请尚待负责人批准', citation: RECORD_CHECK } : null,
    ],
    issues: () => 'agreement',
    apply: (s, p, m) => ({
      ...s,
      agreement: { on: p.on, kind: p.kind, number: m.number, parties: p.parties, terms: p.terms, performance: p.performance },
    }),
  }),

  'petition.request-review': action({
    title: '登记复查请求',
    // The clerk records one made in writing or in person; the petitioner makes his own online (code and second factor).
    roles: PETITIONER_OR_CLERK,
    from: ['answered'],
    payload: reviewRequestSchema('复查'),
    guard: (s, p, ctx) => {
      const served = s.opinion?.servedOn ?? s.receivedOn;
      const last = requestWindow(ctx.table, 'petition.review-request', served);
      return [
        eventDate(p.on, served, ctx, '收到复查请求日期', '处理意见书送达之日'),
        p.on > last
          ? { message: `信访人应当自收到处理意见书之日起 30 日内（${last} 前）请求复查`, citation: article('三十五'), field: 'on' }
          : null,
      ];
    },
    apply: (s, p) => ({ ...s, review: { requestedOn: p.on, body: p.body, reason: p.reason, reply: null } }),
  }),

  'petition.review-reply': action({
    title: '出具复查意见书',
    roles: CLERK,
    from: ['reviewing'],
    payload: reviewReplySchema('复查'),
    guard: (s, p, ctx) => replyGuard(s.review, p, ctx),
    issues: () => 'review',
    apply: (s, p, m) => ({ ...s, review: s.review && { ...s.review, reply: replyOf(p, m.number) } }),
  }),

  'petition.request-recheck': action({
    title: '登记复核请求',
    roles: PETITIONER_OR_CLERK,
    from: ['reviewed'],
    payload: reviewRequestSchema('复核'),
    guard: (s, p, ctx) => {
      const served = s.review?.reply?.servedOn ?? s.receivedOn;
      const last = requestWindow(ctx.table, 'petition.recheck-request', served);
      return [
        eventDate(p.on, served, ctx, '收到复核请求日期', '复查意见送达之日'),
        p.on > last
          ? { message: `信访人应当自收到复查意见之日起 30 日内（${last} 前）请求复核`, citation: article('三十六'), field: 'on' }
          : null,
      ];
    },
    apply: (s, p) => ({ ...s, recheck: { requestedOn: p.on, body: p.body, reason: p.reason, reply: null } }),
  }),

  'petition.recheck-reply': action({
    title: '出具复核意见书',
    roles: CLERK,
    from: ['rechecking'],
    payload: reviewReplySchema('复核'),
    guard: (s, p, ctx) => replyGuard(s.recheck, p, ctx),
    issues: () => 'recheck',
    apply: (s, p, m) => ({ ...s, recheck: s.recheck && { ...s.recheck, reply: replyOf(p, m.number) } }),
  }),

  'petition.rate': action({
    title: '登记信访人满意度评价',
    roles: PETITIONER_OR_CLERK,
    from: ['answered', 'reviewed', 'rechecked'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '评价日期' }),
      rating: z.enum(Object.keys(RATINGS) as ['satisfied', 'basically-satisfied', 'dissatisfied']).meta({ title: '评价', labels: RATINGS }),
      comment: optionalText(500).meta({ title: '意见和建议', widget: 'textarea' }),
    }),
    requires: (s) =>
      s.ratings.some((r) => r.of === ratingOf(s)) ? { message: '信访人已对本次处理意见作出评价', citation: article('二十一') } : null,
    guard: (s, p, ctx) => [eventDate(p.on, s.opinion?.on ?? s.receivedOn, ctx, '评价日期', '处理意见书日期')],
    apply: (s, p) => ({ ...s, ratings: [...s.ratings, { on: p.on, of: ratingOf(s), rating: p.rating, comment: p.comment }] }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<PetitionTypes, any>>;

export type PetitionActionType = keyof typeof PETITION_ACTIONS;

/** The steps a petition expects next: the head's answer to a pending extension first, then its status's. */
const NEXT_BY_STATUS: Record<PetitionStatus, PetitionActionType[]> = {
  registered: ['petition.accept', 'petition.decline', 'petition.transfer', 'petition.assign'],
  merged: [],
  accepted: ['petition.issue-opinion', 'petition.record-agreement'],
  assigned: ['petition.record-report'],
  reviewing: ['petition.review-reply'],
  rechecking: ['petition.recheck-reply'],
  declined: [],
  routed: [],
  transferred: [],
  reported: [],
  objected: [],
  answered: [],
  settled: [],
  reviewed: [],
  rechecked: [],
};
const nextSteps = (s: Petition): PetitionActionType[] =>
  s.pending.length > 0 ? ['petition.approve', 'petition.reject'] : NEXT_BY_STATUS[statusOf(s)];

export const PETITION_PROCEDURE: Procedure<PetitionTypes, PetitionActionType> = {
  subjectType: 'petition',
  recordName: '信访事项',
  permissions: { read: 'petition.read' },
  actions: PETITION_ACTIONS,
  empty: (o) => emptyPetition(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  next: nextSteps,
  approvals: {
    pending: (s) => s.pending,
    withPending: (s, pending) => ({ ...s, pending: pending as Petition['pending'] }),
    kinds: APPROVAL_NAMES,
  },
  evidence: ATTACHMENTS,
};
