/**
 * The action table of an information request: who may take each step, from which
 * statuses, with what payload, under which gates (each citing the regulation), which
 * numbered document it issues and how it changes the request. Pure; the kit runs it.
 */
import { z } from 'zod';
import { identityChecked, legalDate, requiredText as text, optionalText, phoneNumber } from '../../platform/http/schemas.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import { approve, dropRequest, pendingRequest } from '../../procedure/decide.js';
import { nthWorkingDayAfter } from '../../procedure/deadlines.js';
import { PUBLIC_ROLE, RECORD_CHECK, atField, sameIndividual, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { BaseContext } from '../../procedure/served.js';
import { evidenceRows, materialPayload, materialWithdrawal, type EvidenceList } from '../../procedure/evidence.js';
import { linkedFromGate, linkedFromSchema } from '../../procedure/links.js';
import { SEPARATION_OF_DUTIES } from '../../law/penalty.js';
import {
  APPLICANT_KINDS,
  CHANNELS,
  CHANNEL_IDS,
  FORMS,
  MATERIAL_TYPES,
  OPINIONS,
  REPLY_TYPES,
  REPLY_TYPE_IDS,
  STATUS_NAMES,
  WITHHOLDING_GROUNDS,
  WITHHOLDING_GROUND_IDS,
  article,
  emptyRequest,
  replyClockFrom,
  statusOf,
  type InformationRequest,
  type Material,
  type RequestStatus,
} from './state.js';

export type RequestSeries = 'correction' | 'consultation' | 'extension-notice' | 'reply';

export interface RequestTypes {
  state: InformationRequest;
  context: BaseContext;
  status: RequestStatus;
  series: RequestSeries;
}

const action = <P>(spec: ActionSpec<RequestTypes, P>) => spec;

const CLERK = ['disclosure_clerk'] as const;
const HEAD = ['unit_head'] as const;
/** The applicant on the portal (with the tracking code), or the clerk recording what the applicant handed in */
const APPLICANT_OR_CLERK = [PUBLIC_ROLE, 'disclosure_clerk'] as const;
const OPEN: RequestStatus[] = ['received', 'processing', 'consulting'];

const applicantSchema = z
  .strictObject({
    kind: z.enum(Object.keys(APPLICANT_KINDS) as ['citizen', 'organisation']).meta({ title: '申请人类型', labels: APPLICANT_KINDS }),
    name: text(100).meta({ title: '申请人姓名或名称' }),
    // Checked against the kind below (GB 11643 / GB 32100), the wrong character named.
    idNumber: z.string().trim().max(18, '不能超过 18 位').meta({ title: '身份证号或统一社会信用代码' }),
    phone: phoneNumber.nullable().meta({ title: '联系电话' }),
    email: z.email('电子邮箱格式不正确').max(100).nullable().meta({ title: '电子邮箱' }),
    address: optionalText(200).meta({ title: '通信地址' }),
  })
  .superRefine(identityChecked)
  .meta({ title: '申请人' });

/** What a request says (Art 29) and how it came; the server adds the tracking code's hash. */
export const submitSchema = z.strictObject({
  channel: z.enum(CHANNEL_IDS).meta({ title: '申请方式', labels: CHANNELS }),
  receivedOn: legalDate.meta({ title: '收到申请日期' }),
  applicant: applicantSchema,
  description: text(2000).meta({ title: '所需信息的名称、文号或者便于查询的其他特征性描述', widget: 'textarea' }),
  form: z.enum(Object.keys(FORMS) as ['paper', 'electronic', 'either']).meta({ title: '获取信息的方式和载体形式', labels: FORMS }),
  trackingHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ title: '查询码摘要', widget: 'hidden' }),
  // A request routed from a petition (信访工作条例 Art 31): the petition it came from (links.ts, checked by the gate).
  linkedFrom: linkedFromSchema.optional(),
});

/** A recorded date may not lie in the future or before the request was received. */
function eventDate(date: string, r: InformationRequest, ctx: BaseContext, what: string): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK };
  if (date < r.receivedOn) return { message: `${what}（${date}）不能早于收到申请之日（${r.receivedOn}）`, citation: RECORD_CHECK };
  return null;
}

/** The days a third party's consultation stops the reply clock (Art 32): until its answer, or at most its 15 working days. */
export function consultationPauses(r: InformationRequest, table: BaseContext['table']) {
  return r.consultations.map((c) => ({
    from: c.sentOn,
    to: c.answeredOn ?? deadlineDue(table, { rule: 'disclosure.third-party-opinion', from: c.sentOn }),
    reason: `征求第三方（${c.thirdParty}）意见`,
  }));
}

/** The reply's due date before any extension (Art 33): 20 working days from receipt (or the corrected request), consultations not counted. */
export const originalReplyDue = (r: InformationRequest, table: BaseContext['table']) =>
  deadlineDue(table, { rule: 'disclosure.request-reply', from: replyClockFrom(r), suspensions: consultationPauses(r, table) });

/** 补正 is told within 7 working days of receipt, all at once (Art 30): too late on `on`? */
function correctionTooLate(r: InformationRequest, table: HolidayTable, on: string): Refusal | null {
  const latest = deadlineDue(table, { rule: 'disclosure.request-correction-notice', from: r.receivedOn });
  return on > latest ? { message: `补正须在收到申请之日起 7 个工作日内（${latest} 前）一次性告知`, citation: article('三十') } : null;
}

/** The applicant's time to correct not yet over on `on`: the request is not yet deemed withdrawn (Art 30). */
const correctionStillOpen = (r: InformationRequest, on: string): Refusal | null =>
  r.correction && on <= r.correction.answerBy
    ? { message: `补正期限（${r.correction.answerBy}）届满前不能视为放弃申请`, citation: article('三十') }
    : null;

const thisProcedure = (): Procedure<RequestTypes> => INFORMATION_REQUEST_PROCEDURE;

/** The files attached to a request: the applicant's letter or form as scanned, the reply's materials. */
const MATERIALS: EvidenceList<InformationRequest, Material> = {
  items: (r) => r.evidence ?? [],
  withItems: (r, evidence) => ({ ...r, evidence }),
  words: { item: '材料', record: '本申请' },
};
const materials = evidenceRows<RequestTypes>(MATERIALS);
/** Files come with the request and go out with the reply and after it (a delivery receipt): any status. */
const ANY_STATUS = Object.keys(STATUS_NAMES) as RequestStatus[];

export const REQUEST_ACTIONS = {
  'information-request.submit': action({
    title: '提交（登记）政府信息公开申请',
    roles: APPLICANT_OR_CLERK,
    from: 'opens',
    payload: submitSchema,
    guard: (_r, p, ctx) => [
      p.receivedOn > ctx.today ? { message: '收到申请日期不能晚于今天', citation: RECORD_CHECK, field: 'receivedOn' } : null,
      p.channel === 'online' && p.receivedOn !== ctx.today
        ? { message: '网上申请以提交之日为收到申请之日', citation: article('三十一'), field: 'receivedOn' }
        : null,
      !p.applicant.phone && !p.applicant.email && !p.applicant.address
        ? { message: '申请须写明联系方式（电话、电子邮箱或通信地址至少一项）', citation: article('二十九'), field: 'applicant.phone' }
        : null,
      linkedFromGate(p.linkedFrom, ctx.linkSource),
    ],
    apply: (r, p) => ({
      ...(p.linkedFrom ? { linkedFrom: p.linkedFrom } : {}),
      ...r,
      channel: p.channel,
      receivedOn: p.receivedOn,
      applicant: p.applicant,
      description: p.description,
      form: p.form,
      trackingHash: p.trackingHash,
    }),
  }),

  'information-request.request-correction': action({
    title: '一次性告知补正',
    roles: CLERK,
    from: ['received'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '告知日期' }),
      items: text(2000).meta({ title: '需要补正的事项（一次性全部告知）', widget: 'textarea' }),
      answerBy: legalDate.meta({ title: '补正期限' }),
    }),
    when: (r, ctx) => correctionTooLate(r, ctx.table, ctx.today),
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '告知日期')),
      atField('on', correctionTooLate(r, ctx.table, p.on)),
      p.answerBy <= p.on ? atField('answerBy', { message: '补正期限须晚于告知日期', citation: article('三十') }) : null,
    ],
    issues: () => 'correction',
    apply: (r, p, m) => ({
      ...r,
      correction: { seq: m.seq, noticeOn: p.on, number: m.number, items: p.items, answerBy: p.answerBy, answeredOn: null, answer: null },
    }),
  }),

  'information-request.answer-correction': action({
    title: '申请人补正',
    roles: APPLICANT_OR_CLERK,
    from: ['correcting'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '补正日期' }),
      answer: text(2000).meta({ title: '补正内容', widget: 'textarea' }),
      lateReason: optionalText(500).meta({ title: '逾期补正的正当理由' }),
    }),
    guard: (r, p, ctx) => [
      p.on > ctx.today ? { message: '补正日期不能晚于今天', citation: RECORD_CHECK, field: 'on' } : null,
      r.correction && p.on < r.correction.noticeOn
        ? { message: '补正日期不能早于告知补正之日', citation: RECORD_CHECK, field: 'on' }
        : null,
      r.correction && p.on > r.correction.answerBy && !p.lateReason
        ? { message: `补正期限（${r.correction.answerBy}）已过，须说明逾期的正当理由`, citation: article('三十'), field: 'lateReason' }
        : null,
    ],
    apply: (r, p) => ({
      ...r,
      correction: r.correction && {
        ...r.correction,
        answeredOn: p.on,
        answer: p.lateReason ? `${p.answer}\n（逾期理由：${p.lateReason}）` : p.answer,
      },
    }),
  }),

  'information-request.deem-withdrawn': action({
    title: '逾期未补正，视为放弃申请',
    roles: CLERK,
    from: ['correcting'],
    payload: z.strictObject({ on: legalDate.meta({ title: '认定日期' }) }),
    when: (r, ctx) => correctionStillOpen(r, ctx.today),
    guard: (r, p, ctx) => [atField('on', eventDate(p.on, r, ctx, '认定日期')), atField('on', correctionStillOpen(r, p.on))],
    apply: (r, p) => ({ ...r, withdrawnOn: p.on }),
  }),

  'information-request.consult-third-party': action({
    title: '书面征求第三方意见',
    roles: CLERK,
    from: ['received', 'processing', 'consulting'],
    requires: (r) => (r.correction && !r.correction.answeredOn ? { message: '申请人尚未补正', citation: article('三十') } : null),
    payload: z.strictObject({
      sentOn: legalDate.meta({ title: '发出日期' }),
      thirdParty: text(100).meta({ title: '第三方' }),
      matter: text(2000).meta({ title: '征求意见的信息及可能损害的权益', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [atField('sentOn', eventDate(p.sentOn, r, ctx, '发出日期'))],
    issues: () => 'consultation',
    apply: (r, p, m) => ({
      ...r,
      consultations: [
        ...r.consultations,
        {
          seq: m.seq,
          thirdParty: p.thirdParty,
          matter: p.matter,
          sentOn: p.sentOn,
          number: m.number,
          answeredOn: null,
          opinion: null,
          reason: null,
        },
      ],
    }),
  }),

  'information-request.record-opinion': action({
    title: '登记第三方意见',
    roles: CLERK,
    from: ['consulting'],
    payload: z.strictObject({
      consultationSeq: z.number().int().min(0).meta({ title: '征求意见', widget: 'consultation' }),
      on: legalDate.meta({ title: '收到意见（或认定逾期）日期' }),
      opinion: z.enum(Object.keys(OPINIONS) as ['agree', 'object', 'none']).meta({ title: '第三方意见', labels: OPINIONS }),
      reason: optionalText(2000).meta({ title: '理由', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => {
      const c = r.consultations.find((x) => x.seq === p.consultationSeq);
      if (!c || c.answeredOn) return [{ message: '没有等待意见的这次征求意见', citation: RECORD_CHECK }];
      const due = deadlineDue(ctx.table, { rule: 'disclosure.third-party-opinion', from: c.sentOn });
      return [
        atField('on', eventDate(p.on, r, ctx, '日期')),
        p.on < c.sentOn ? { message: '收到意见日期不能早于发出征求意见之日', citation: RECORD_CHECK, field: 'on' } : null,
        p.opinion === 'none' && p.on <= due
          ? {
              message: `第三方有 15 个工作日（至 ${due}）提出意见，届满前不能认定逾期未提出`,
              citation: article('三十二'),
              field: 'opinion',
            }
          : null,
        p.opinion === 'object' && !p.reason
          ? { message: '第三方不同意公开的，应当登记其理由', citation: article('三十二'), field: 'reason' }
          : null,
      ];
    },
    apply: (r, p) => ({
      ...r,
      consultations: r.consultations.map((c) =>
        c.seq === p.consultationSeq ? { ...c, answeredOn: p.on, opinion: p.opinion, reason: p.reason } : c,
      ),
    }),
  }),

  'information-request.request-extension': action({
    title: '申请延长答复期限',
    roles: CLERK,
    from: OPEN,
    payload: z.strictObject({
      days: z.number().int().min(1, '至少延长 1 个工作日').max(20, '延长期限最长不得超过 20 个工作日').meta({ title: '延长工作日数' }),
      reason: text(1000).meta({ title: '延期理由', widget: 'textarea' }),
    }),
    requires: (r) =>
      r.extension
        ? { message: '答复期限已延长过，延长期限最长不得超过 20 个工作日', citation: article('三十三') }
        : pendingRequest(thisProcedure(), r, 'extension')
          ? { message: '已有延期申请等待负责人审批', citation: RECORD_CHECK }
          : null,
    when: (r, ctx) => {
      const due = originalReplyDue(r, ctx.table);
      return ctx.today > due ? { message: `答复期限（${due}）已过，不能再申请延期`, citation: article('三十三') } : null;
    },
    approval: {
      kind: 'extension',
      // The new due date was fixed when the head approved (the approving action's `derive`).
      onApproved: (r, p, m) => ({
        ...r,
        extension: { days: p.days, reason: p.reason, approvedOn: m.today, number: m.number, until: (m.derived as { until: string }).until },
      }),
    },
    apply: (r) => r,
  }),

  'information-request.approve': action({
    title: '负责人同意延期并告知申请人',
    roles: HEAD,
    from: OPEN,
    answers: true,
    payload: z.strictObject({
      kind: z.enum(['extension']).meta({ title: '审批事项', widget: 'hidden', labels: { extension: '延长答复期限' } }),
      opinion: text(500).meta({ title: '审批意见' }),
    }),
    guard: (r, p, ctx) => {
      const req = pendingRequest(thisProcedure(), r, p.kind);
      if (!req) return [{ message: '没有待审批的延期申请', citation: RECORD_CHECK }];
      return [
        sameIndividual(req.requestedBy, ctx.actor)
          ? { message: '延期申请由您本人提出，须由其他负责人审批', citation: `${article('三十三')}；${SEPARATION_OF_DUTIES}` }
          : null,
      ];
    },
    issues: () => 'extension-notice',
    derive: (r, p, ctx) => {
      const days = (pendingRequest(thisProcedure(), r, p.kind)?.payload as { days: number } | undefined)?.days ?? 0;
      return { until: nthWorkingDayAfter(ctx.table, originalReplyDue(r, ctx.table), days) };
    },
    apply: (r, p, m) => approve(thisProcedure(), r, p.kind, m),
  }),

  'information-request.reject': action({
    title: '负责人不同意延期',
    roles: HEAD,
    from: OPEN,
    answers: true,
    payload: z.strictObject({
      kind: z.enum(['extension']).meta({ title: '审批事项', widget: 'hidden', labels: { extension: '延长答复期限' } }),
      reason: text(500).meta({ title: '不同意的理由' }),
    }),
    // The request it refuses is the one pending (`answers`): the only kind is the extension.
    apply: (r, p) => dropRequest(thisProcedure(), r, p.kind),
  }),

  'information-request.reply': action({
    title: '作出答复',
    roles: CLERK,
    from: ['received', 'processing'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '答复日期' }),
      type: z
        .enum(REPLY_TYPE_IDS)
        .meta({ title: '答复类型', labels: Object.fromEntries(REPLY_TYPE_IDS.map((k) => [k, REPLY_TYPES[k].name])) }),
      text: text(5000).meta({ title: '答复内容（公开的信息或获取方式、理由）', widget: 'textarea' }),
      ground: z
        .enum(WITHHOLDING_GROUND_IDS)
        .nullable()
        .meta({
          title: '不予公开的依据',
          labels: Object.fromEntries(
            WITHHOLDING_GROUND_IDS.map((k) => [k, `${WITHHOLDING_GROUNDS[k].name}（${WITHHOLDING_GROUNDS[k].citation}）`]),
          ),
        }),
      referTo: optionalText(500).meta({ title: '告知的机关、途径或渠道' }),
      publicInterest: optionalText(1000).meta({ title: '第三方不同意但决定公开的公共利益理由', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => {
      const type = REPLY_TYPES[p.type];
      const objected = r.consultations.some((c) => c.opinion === 'object');
      // A partial disclosure that withholds the third party's part respects its objection.
      const overridesObjection = p.type === 'disclose' || (p.type === 'partial' && p.ground !== 'third-party');
      return [
        atField('on', eventDate(p.on, r, ctx, '答复日期')),
        r.correction && p.on < (r.correction.answeredOn ?? r.correction.noticeOn)
          ? { message: '答复日期不能早于申请人补正之日', citation: RECORD_CHECK, field: 'on' }
          : null,
        type.withholds && !p.ground
          ? { message: `“${type.name}”须写明不予公开的依据和理由`, citation: type.citation, field: 'ground' }
          : null,
        !type.withholds && p.ground ? { message: `“${type.name}”不能写明不予公开的依据`, citation: type.citation, field: 'ground' } : null,
        type.refers && !p.referTo
          ? { message: `“${type.name}”须告知申请人应当向哪个机关或者通过什么途径、渠道提出`, citation: type.citation, field: 'referTo' }
          : null,
        overridesObjection && objected && !p.publicInterest
          ? {
              message: '第三方不同意公开的，不得公开；认为不公开会对公共利益造成重大影响而决定公开的，须写明理由',
              citation: article('三十二'),
              field: 'publicInterest',
            }
          : null,
      ];
    },
    issues: () => 'reply',
    apply: (r, p, m) => ({
      ...r,
      reply: {
        on: p.on,
        type: p.type,
        text: p.text,
        ground: p.ground,
        referTo: p.referTo,
        number: m.number,
        publicInterest: p.publicInterest,
      },
    }),
  }),

  'information-request.attach-file': materials.attach({
    title: '附加材料',
    roles: CLERK,
    from: ANY_STATUS,
    payload: materialPayload(MATERIAL_TYPES),
  }),

  // What the file holds stays in it: the head may only mark an item withdrawn, with the reason.
  'information-request.withdraw-file': materials.withdraw({
    title: '撤回材料',
    roles: HEAD,
    from: ANY_STATUS,
    payload: materialWithdrawal,
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<RequestTypes, any>>;

export type RequestActionType = keyof typeof REQUEST_ACTIONS;

/** The procedure: its table, empty request and status, for the kit to run. */
/** The steps a request expects next: the head's answer to a pending request first, then its status's. */
const NEXT_BY_STATUS: Record<RequestStatus, RequestActionType[]> = {
  received: ['information-request.reply', 'information-request.request-correction'],
  correcting: ['information-request.answer-correction'],
  processing: ['information-request.reply'],
  consulting: ['information-request.record-opinion'],
  replied: [],
  withdrawn: [],
};
const nextSteps = (r: InformationRequest): RequestActionType[] =>
  r.pending.length > 0 ? ['information-request.approve', 'information-request.reject'] : NEXT_BY_STATUS[statusOf(r)];

export const INFORMATION_REQUEST_PROCEDURE: Procedure<RequestTypes, RequestActionType> = {
  subjectType: 'information-request',
  recordName: '政府信息公开申请',
  permissions: { read: 'information-request.read' },
  actions: REQUEST_ACTIONS,
  empty: (o) => emptyRequest(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  next: nextSteps,
  approvals: {
    pending: (r) => r.pending,
    withPending: (r, pending) => ({ ...r, pending: pending as InformationRequest['pending'] }),
    kinds: { extension: '延长答复期限' },
  },
  evidence: MATERIALS,
};
