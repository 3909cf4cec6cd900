/**
 * The action table of a 行政复议 case: the 复议机构's steps (县司法局复议人员) and the
 * respondent's (the town's or agency's 负责人 and 执法人员), each with its gates citing the
 * 行政复议法, the numbered document it issues and how it changes the case. Pure; the kit runs it.
 */
import { z } from 'zod';
import { identityChecked, legalDate, optionalText, requiredText as text, phoneNumber } from '../../platform/http/schemas.js';
import { addDays } from '../../calendar/legal-date.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { PUBLIC_ROLE, RECORD_CHECK, atField, sameIndividual, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import { approve, dropRequest, pendingRequest } from '../../procedure/decide.js';
import type { BaseContext } from '../../procedure/served.js';
import { evidenceRows, materialPayload, materialWithdrawal, type EvidenceList } from '../../procedure/evidence.js';
import {
  APPLICANT_KINDS,
  APPROVAL_KINDS,
  APPROVAL_NAMES,
  FORWARDABLE,
  FORWARDABLE_IDS,
  SUSPENSION_GROUNDS,
  SUSPENSION_GROUND_IDS,
  SUSPENSIONS_ENDING_AFTER_60_DAYS,
  TERMINATION_GROUNDS,
  TERMINATION_GROUND_IDS,
  openSuspension,
  unruledReviews,
  terminationCitation,
  CHANNELS,
  CHANNEL_IDS,
  DECISION_TYPES,
  DECISION_TYPE_IDS,
  LATE_EXCEPTIONS,
  LATE_EXCEPTION_IDS,
  MATERIAL_TYPES,
  REFUSAL_GROUNDS,
  REFUSAL_GROUND_IDS,
  SIMPLE_GROUNDS,
  SIMPLE_GROUND_IDS,
  STATUS_NAMES,
  acceptanceFrom,
  article,
  emptyReconsideration,
  statusOf,
  type AnswerBundle,
  type Reconsideration,
  type ReconsiderationStatus,
} from './state.js';

export type ReconsiderationSeries =
  | 'acceptance'
  | 'refusal'
  | 'correction'
  | 'answer-notice'
  | 'hearing'
  | 'decision'
  | 'settlement'
  | 'opinion'
  | 'suspension'
  | 'resumption'
  | 'termination'
  | 'extension';

/** What the gates read besides the BaseContext: the actor's agency, the named respondent and the challenged case. */
export interface ReconsiderationContext extends BaseContext {
  /** The agency of the user acting */
  actorAgencyId: string | null;
  /** His name as the documents give it (the person's, else the user's display name) */
  actorName: string;
  /** The respondent the opening payload names, as the org tree has it */
  respondent: { id: string; name: string; regionPath: string } | null;
  /** The challenged penalty case's common row (procedure_cases), when the payload names one */
  challenged: { id: string; agencyId: string; status: string; procedure: string } | null;
}

export interface ReconsiderationTypes {
  state: Reconsideration;
  context: ReconsiderationContext;
  status: ReconsiderationStatus;
  series: ReconsiderationSeries;
}

const action = <P>(spec: ActionSpec<ReconsiderationTypes, P>) => spec;

/** The county 司法局's 复议人员: the 复议机构's side */
export const BODY = ['county_reconsideration'] as const;
/** The respondent's 负责人 and 执法人员 (of the respondent agency only: `actsOutside`) */
export const RESPONDENT = ['unit_head', 'officer'] as const;
const RESPONDENT_HEAD = ['unit_head'] as const;
/** The head of the 复议机构: approves the +30 days (Art 62) */
export const BODY_HEAD = ['reconsideration_head'] as const;

/** A penalty case whose decision was made (and may be challenged). */
const DECIDED_CASE = ['decided', 'executing', 'closed', 'archived'];

/** A recorded date may not lie in the future or before the application was received. */
function eventDate(date: string, r: Reconsideration, ctx: BaseContext, what: string): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK };
  if (date < r.receivedOn) return { message: `${what}（${date}）不能早于收到申请之日（${r.receivedOn}）`, citation: RECORD_CHECK };
  return null;
}

/** The acceptance decision's last day (Art 30): 5 working days from receipt or the corrected application. */
export const acceptanceDue = (r: Reconsideration, table: BaseContext['table']) =>
  deadlineDue(table, { rule: 'reconsideration.acceptance', from: acceptanceFrom(r) });

/**
 * The decision's last day (Art 62): 60 days (30 simple) from acceptance, the days of every 中止
 * not counted (Art 39; one still open counts until `today`), the approved extension added.
 */
export function decisionDue(r: Reconsideration, table: BaseContext['table'], today: string): string | null {
  if (!r.acceptance) return null;
  return deadlineDue(table, {
    rule: r.acceptance.simple ? 'reconsideration.decision-simple' : 'reconsideration.decision',
    from: r.acceptance.on,
    suspensions: (r.suspensions ?? []).map((x) => ({
      from: x.on,
      to: x.resumedOn ?? (today > x.on ? today : x.on),
      reason: SUSPENSION_GROUNDS[x.ground].name,
    })),
    extensions: r.extension ? [{ days: r.extension.days, reason: r.extension.reason }] : [],
  });
}

/** The respondent's answer due (Arts 48, 54): 10 working days (5 simple) from the copy. */
export const answerDue = (r: Reconsideration, table: BaseContext['table'], copyOn: string) =>
  deadlineDue(table, { rule: r.acceptance?.simple ? 'reconsideration.answer-simple' : 'reconsideration.answer', from: copyOn });

/**
 * The application's window (Art 20): 60 days from knowing of the act; with an obstacle, the
 * days it lasted do not count; if the rights were not told, 60 days from learning them, at
 * most a year from knowing the act. Late without an exception: refused, citing Art 20.
 */
export function windowRefusal(
  p: { receivedOn: string; knewOn: string; lateException: { kind: keyof typeof LATE_EXCEPTIONS; from: string; to: string | null } | null },
  table: BaseContext['table'],
): Refusal | null {
  const due = deadlineDue(table, { rule: 'reconsideration.application', from: p.knewOn });
  if (p.receivedOn <= due) return null;
  const e = p.lateException;
  if (!e)
    return {
      message: `申请期限（知道该行政行为之日 ${p.knewOn} 起六十日，至 ${due}）已过；超过期限的，须登记法定的例外情形`,
      citation: article('二十'),
      field: 'lateException',
    };
  if (e.kind === 'obstacle') {
    if (!e.to) return { message: '须写明障碍消除之日', citation: LATE_EXCEPTIONS.obstacle.citation, field: 'lateException.to' };
    const resumed = deadlineDue(table, {
      rule: 'reconsideration.application',
      from: p.knewOn,
      suspensions: [{ from: e.from, to: e.to, reason: '不可抗力或者其他正当理由' }],
    });
    return p.receivedOn > resumed
      ? {
          message: `扣除障碍期间后，申请期限至 ${resumed} 届满，仍已超过`,
          citation: LATE_EXCEPTIONS.obstacle.citation,
          field: 'lateException',
        }
      : null;
  }
  const fromLearning = deadlineDue(table, { rule: 'reconsideration.application', from: e.from });
  const yearCap = addDays(p.knewOn, 365);
  if (p.receivedOn > yearCap)
    return {
      message: `自知道行政行为内容之日起最长不得超过一年（至 ${yearCap}）`,
      citation: LATE_EXCEPTIONS['rights-not-told'].citation,
      field: 'lateException',
    };
  return p.receivedOn > fromLearning
    ? {
        message: `自知道申请复议的权利之日（${e.from}）起六十日（至 ${fromLearning}）已过`,
        citation: LATE_EXCEPTIONS['rights-not-told'].citation,
        field: 'lateException',
      }
    : null;
}

/**
 * An application filed through the penalising agency (Art 32): only for an on-the-spot or a
 * camera-based penalty, received by that agency before it forwarded it, and forwarded before the
 * 复议机构 received it; any other channel carries no forwarding.
 */
function forwardingRefusals(p: {
  channel: string;
  receivedOn: string;
  forwarding: { agencyReceivedOn: string; forwardedOn: string } | null;
}): (Refusal | null)[] {
  const f = p.forwarding;
  if (p.channel !== 'forwarded')
    return [f ? { message: '只有经行政机关转送的申请登记转送情况', citation: RECORD_CHECK, field: 'forwarding' } : null];
  if (!f)
    return [{ message: '经作出处罚决定的行政机关转送的，须写明其收到申请和转送的日期', citation: article('三十二'), field: 'forwarding' }];
  return [
    f.agencyReceivedOn > f.forwardedOn
      ? { message: '转送之日不能早于该机关收到申请之日', citation: RECORD_CHECK, field: 'forwarding.forwardedOn' }
      : null,
    f.forwardedOn > p.receivedOn
      ? { message: '复议机构收到申请之日不能早于转送之日', citation: RECORD_CHECK, field: 'forwarding.forwardedOn' }
      : null,
  ];
}

const applicantSchema = z
  .strictObject({
    kind: z.enum(['citizen', 'organisation']).meta({ title: '申请人类型', labels: APPLICANT_KINDS }),
    name: text(100).meta({ title: '申请人姓名或名称' }),
    idNumber: z.string().trim().max(18, '不能超过 18 位').meta({ title: '身份证号或统一社会信用代码' }),
    phone: phoneNumber.nullable().meta({ title: '联系电话' }),
    address: optionalText(200).meta({ title: '通信地址' }),
  })
  .superRefine(identityChecked)
  .meta({ title: '申请人' });

export const receiveSchema = z.strictObject({
  channel: z.enum(CHANNEL_IDS).meta({ title: '申请方式', labels: CHANNELS }),
  receivedOn: legalDate.meta({ title: '收到申请日期' }),
  applicant: applicantSchema,
  respondentAgencyId: z.uuid('请选择被申请人').meta({ title: '被申请人（作出行政行为的机关）', widget: 'agency' }),
  challengedCaseId: z.uuid().nullable().meta({ title: '被申请复议的处罚决定（本系统办理的案件）', widget: 'challenged-case' }),
  challengedAct: text(500).meta({ title: '被申请复议的行政行为（决定书文号及内容）', widget: 'textarea' }),
  knewOn: legalDate.meta({ title: '知道该行政行为之日（如决定书送达之日）' }),
  requests: text(2000).meta({ title: '行政复议请求', widget: 'textarea' }),
  reasons: text(5000).meta({ title: '主要事实和理由', widget: 'textarea' }),
  lateException: z
    .strictObject({
      kind: z.enum(LATE_EXCEPTION_IDS).meta({
        title: '超过期限的例外情形',
        labels: Object.fromEntries(LATE_EXCEPTION_IDS.map((k) => [k, LATE_EXCEPTIONS[k].name])),
      }),
      reason: text(1000).meta({ title: '情况说明', widget: 'textarea' }),
      from: legalDate.meta({ title: '障碍发生之日（或知道申请复议权利之日）' }),
      to: legalDate.nullable().meta({ title: '障碍消除之日' }),
    })
    .nullable()
    .meta({ title: '超过六十日申请期限的例外情形（第二十条）' }),
  forwarding: z
    .strictObject({
      kind: z.enum(FORWARDABLE_IDS).meta({ title: '被申请复议的处罚决定', labels: FORWARDABLE }),
      agencyReceivedOn: legalDate.meta({ title: '作出处罚决定的行政机关收到申请之日' }),
      forwardedOn: legalDate.meta({ title: '转送之日' }),
    })
    .nullable()
    .default(null)
    .meta({ title: '通过作出处罚决定的行政机关提交的（第三十二条）' }),
});

/** What an applicant fills on the portal (no channel, date or challenged case: the server and the 复议机构 know those), with the code's hash the server adds. */
export const onlineSchema = z.strictObject({
  applicant: applicantSchema,
  respondentAgencyId: receiveSchema.shape.respondentAgencyId,
  challengedAct: receiveSchema.shape.challengedAct,
  knewOn: receiveSchema.shape.knewOn,
  requests: receiveSchema.shape.requests,
  reasons: receiveSchema.shape.reasons,
  lateException: receiveSchema.shape.lateException,
  trackingHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ title: '查询码摘要', widget: 'hidden' }),
});

const thisProcedure = (): Procedure<ReconsiderationTypes> => RECONSIDERATION_PROCEDURE;

const MATERIALS: EvidenceList<Reconsideration, NonNullable<Reconsideration['evidence']>[number]> = {
  items: (r) => r.evidence ?? [],
  withItems: (r, evidence) => ({ ...r, evidence }),
  words: { item: '材料', record: '本复议案件' },
};
const materials = evidenceRows<ReconsiderationTypes>(MATERIALS);
const ANY_STATUS = Object.keys(STATUS_NAMES) as ReconsiderationStatus[];
/** Accepted and not yet ended: the review runs */
const UNDER_REVIEW: ReconsiderationStatus[] = ['accepted', 'answering', 'reviewing'];

/** The 规范性文件 a referral names, as the server found it (prepare): whatever the client sent is replaced. */
const referredDocument = z
  .strictObject({
    title: z.string().max(300).meta({ title: '文件名称' }),
    drafter: z.string().max(100).meta({ title: '制定机关' }),
    challengeable: z.boolean().meta({ title: '已发布' }),
  })
  .nullable()
  .default(null)
  .meta({ title: '规范性文件', widget: 'hidden' });

const bundleSchema = z
  .strictObject({
    caseId: z.string().meta({ title: '被申请复议的案件' }),
    number: z.string().nullable().meta({ title: '决定书文号' }),
    decidedOn: z.string().nullable().meta({ title: '决定日期' }),
    facts: z.string().nullable().meta({ title: '认定的事实' }),
    basis: z.string().nullable().meta({ title: '法律依据' }),
    normativeDocuments: z.string().nullable().meta({ title: '所依据的规范性文件' }),
    evidence: z
      .array(
        z
          .strictObject({
            seq: z.number().int().meta({ title: '序号' }),
            type: z.string().meta({ title: '证据种类' }),
            title: z.string().meta({ title: '证据名称' }),
            collectedOn: z.string().nullable().meta({ title: '收集日期' }),
            sha256: z.string().nullable().meta({ title: '文件 SHA-256' }),
            fileName: z.string().nullable().meta({ title: '文件名' }),
            afterDecision: z.boolean().meta({ title: '作出决定后收集' }),
            withdrawn: z.boolean().meta({ title: '已撤回' }),
          })
          .meta({ title: '证据' }),
      )
      .meta({ title: '证据清单' }),
  })
  .nullable()
  .meta({ title: '答复材料（由系统从被申请复议的案件生成）', widget: 'hidden' });

export const RECONSIDERATION_ACTIONS = {
  'reconsideration.receive': action({
    title: '登记行政复议申请',
    roles: BODY,
    from: 'opens',
    payload: receiveSchema,
    guard: (_r, p, ctx) => [
      p.receivedOn > ctx.today ? { message: '收到申请日期不能晚于今天', citation: RECORD_CHECK, field: 'receivedOn' } : null,
      p.knewOn > p.receivedOn ? { message: '知道行政行为之日不能晚于收到申请之日', citation: RECORD_CHECK, field: 'knewOn' } : null,
      !ctx.respondent ? { message: '没有这个被申请人', citation: RECORD_CHECK, field: 'respondentAgencyId' } : null,
      ctx.respondent?.id === ctx.agency.id
        ? { message: '复议机构不能是被申请人', citation: article('二十四'), field: 'respondentAgencyId' }
        : null,
      p.challengedCaseId && !ctx.challenged ? { message: '没有这个处罚案件', citation: RECORD_CHECK, field: 'challengedCaseId' } : null,
      ctx.challenged && ctx.challenged.agencyId !== p.respondentAgencyId
        ? { message: '被申请复议的案件不是被申请人作出的', citation: article('十九'), field: 'challengedCaseId' }
        : null,
      ctx.challenged && !DECIDED_CASE.includes(ctx.challenged.status)
        ? { message: '该案件尚未作出处罚决定', citation: RECORD_CHECK, field: 'challengedCaseId' }
        : null,
      ...forwardingRefusals(p),
      // Filed through the penalising agency (Art 32): the application was made the day that agency received it.
      windowRefusal({ ...p, receivedOn: p.forwarding?.agencyReceivedOn ?? p.receivedOn }, ctx.table),
    ],
    derive: (_r, p, ctx) => ({
      respondent: ctx.respondent && { agencyId: ctx.respondent.id, name: ctx.respondent.name, regionPath: ctx.respondent.regionPath },
      windowDue: deadlineDue(ctx.table, { rule: 'reconsideration.application', from: p.knewOn }),
    }),
    apply: (r, p, m) => {
      const d = m.derived as { respondent: { agencyId: string; name: string; regionPath: string }; windowDue: string };
      return {
        ...r,
        // The respondent's region: its people see the case in their own scope.
        regionPath: d.respondent.regionPath,
        channel: p.channel,
        receivedOn: p.receivedOn,
        applicant: { ...p.applicant, idNumber: p.applicant.idNumber || null },
        respondent: { agencyId: d.respondent.agencyId, name: d.respondent.name },
        challengedCaseId: p.challengedCaseId,
        challengedAct: p.challengedAct,
        knewOn: p.knewOn,
        windowDue: d.windowDue,
        requests: p.requests,
        reasons: p.reasons,
        lateException: p.lateException,
        ...(p.forwarding ? { forwarding: p.forwarding } : {}),
      };
    },
  }),

  'reconsideration.apply-online': action({
    title: '网上申请行政复议（申请人）',
    roles: [PUBLIC_ROLE],
    from: 'opens',
    payload: onlineSchema,
    guard: (_r, p, ctx) => [
      !p.applicant.idNumber && !p.applicant.phone
        ? {
            message: '请至少填写身份证号（统一社会信用代码）或联系电话之一，查询进度时用于验证身份',
            citation: RECORD_CHECK,
            field: 'applicant.phone',
          }
        : null,
      p.knewOn > ctx.today ? { message: '知道行政行为之日不能晚于今天', citation: RECORD_CHECK, field: 'knewOn' } : null,
      !ctx.respondent ? { message: '没有这个被申请人', citation: RECORD_CHECK, field: 'respondentAgencyId' } : null,
      ctx.respondent?.id === ctx.agency.id
        ? { message: '复议机构不能是被申请人', citation: article('二十四'), field: 'respondentAgencyId' }
        : null,
      windowRefusal({ ...p, receivedOn: ctx.today }, ctx.table),
    ],
    derive: (_r, p, ctx) => ({
      respondent: ctx.respondent && { agencyId: ctx.respondent.id, name: ctx.respondent.name, regionPath: ctx.respondent.regionPath },
      windowDue: deadlineDue(ctx.table, { rule: 'reconsideration.application', from: p.knewOn }),
    }),
    // Received the day it was filed (the server's legal date, not the applicant's word).
    apply: (r, p, m) => {
      const d = m.derived as { respondent: { agencyId: string; name: string; regionPath: string }; windowDue: string };
      return {
        ...r,
        regionPath: d.respondent.regionPath,
        channel: 'online',
        receivedOn: m.today,
        applicant: { ...p.applicant, idNumber: p.applicant.idNumber || null },
        respondent: { agencyId: d.respondent.agencyId, name: d.respondent.name },
        challengedCaseId: null,
        challengedAct: p.challengedAct,
        knewOn: p.knewOn,
        windowDue: d.windowDue,
        requests: p.requests,
        reasons: p.reasons,
        lateException: p.lateException,
        trackingHash: p.trackingHash,
      };
    },
  }),

  'reconsideration.request-correction': action({
    title: '一次性书面通知补正',
    roles: BODY,
    from: ['received'],
    requires: (r) => (r.correction ? { message: '补正只通知一次（已通知过）', citation: article('三十一') } : null),
    payload: z.strictObject({
      on: legalDate.meta({ title: '通知日期' }),
      items: text(3000).meta({ title: '需要补正的全部事项（一次性列明）', widget: 'textarea' }),
    }),
    when: (r, ctx) => {
      const latest = deadlineDue(ctx.table, { rule: 'reconsideration.correction-notice', from: r.receivedOn });
      return ctx.today > latest
        ? { message: `补正通知须在收到申请之日起 5 个工作日内（${latest} 前）发出`, citation: article('三十一') }
        : null;
    },
    guard: (r, p, ctx) => {
      const latest = deadlineDue(ctx.table, { rule: 'reconsideration.correction-notice', from: r.receivedOn });
      return [
        atField('on', eventDate(p.on, r, ctx, '通知日期')),
        p.on > latest ? { message: `补正通知须在 ${latest} 前发出`, citation: article('三十一'), field: 'on' } : null,
      ];
    },
    derive: (_r, p, ctx) => ({ answerBy: deadlineDue(ctx.table, { rule: 'reconsideration.correction-reply', from: p.on }) }),
    issues: () => 'correction',
    apply: (r, p, m) => ({
      ...r,
      correction: {
        seq: m.seq,
        on: p.on,
        number: m.number,
        items: p.items,
        answerBy: (m.derived as { answerBy: string }).answerBy,
        answeredOn: null,
        answer: null,
      },
    }),
  }),

  'reconsideration.answer-correction': action({
    title: '登记申请人补正',
    roles: BODY,
    from: ['correcting'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '收到补正材料日期' }),
      answer: text(3000).meta({ title: '补正内容', widget: 'textarea' }),
      lateReason: optionalText(500).meta({ title: '逾期补正的正当理由' }),
    }),
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '补正日期')),
      r.correction && p.on < r.correction.on ? { message: '补正日期不能早于补正通知', citation: RECORD_CHECK, field: 'on' } : null,
      r.correction && p.on > r.correction.answerBy && !p.lateReason
        ? { message: `补正期限（${r.correction.answerBy}）已过，须写明正当理由`, citation: article('三十一'), field: 'lateReason' }
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

  'reconsideration.deem-withdrawn': action({
    title: '逾期未补正，视为放弃申请',
    roles: BODY,
    from: ['correcting'],
    payload: z.strictObject({ on: legalDate.meta({ title: '认定日期' }) }),
    when: (r, ctx) =>
      r.correction && ctx.today <= r.correction.answerBy
        ? { message: `补正期限（${r.correction.answerBy}）届满前不能视为放弃`, citation: article('三十一') }
        : null,
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '认定日期')),
      r.correction && p.on <= r.correction.answerBy
        ? { message: `补正期限（${r.correction.answerBy}）届满前不能视为放弃`, citation: article('三十一'), field: 'on' }
        : null,
    ],
    apply: (r, p) => ({ ...r, withdrawnOn: p.on }),
  }),

  'reconsideration.accept': action({
    title: '决定受理',
    roles: BODY,
    from: ['received'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '受理日期' }),
      simple: z.boolean().meta({ title: '适用简易程序' }),
      simpleGround: z.enum(SIMPLE_GROUND_IDS).nullable().meta({ title: '适用简易程序的情形（第五十三条）', labels: SIMPLE_GROUNDS }),
      hearingRequired: z.boolean().meta({ title: '重大、疑难、复杂案件（应当组织听证）' }),
    }),
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '受理日期')),
      r.correction?.answeredOn && p.on < r.correction.answeredOn
        ? { message: '受理日期不能早于补正之日', citation: RECORD_CHECK, field: 'on' }
        : null,
      p.simple && !p.simpleGround
        ? { message: '适用简易程序须写明第五十三条的情形', citation: article('五十三'), field: 'simpleGround' }
        : null,
      !p.simple && p.simpleGround ? { message: '普通程序不写简易程序的情形', citation: RECORD_CHECK, field: 'simpleGround' } : null,
      p.simple && p.hearingRequired
        ? { message: '重大、疑难、复杂案件不适用简易程序', citation: `${article('五十三')}、${article('五十')}`, field: 'simple' }
        : null,
    ],
    issues: () => 'acceptance',
    apply: (r, p, m) => ({
      ...r,
      acceptance: {
        on: p.on,
        deemed: false,
        number: m.number,
        simple: p.simple,
        simpleGround: p.simpleGround,
        hearingRequired: p.hearingRequired,
      },
    }),
  }),

  'reconsideration.deem-accepted': action({
    title: '登记视为受理（逾期未作出受理决定）',
    roles: BODY,
    from: ['received'],
    payload: z.strictObject({
      hearingRequired: z.boolean().meta({ title: '重大、疑难、复杂案件（应当组织听证）' }),
    }),
    when: (r, ctx) => {
      const due = acceptanceDue(r, ctx.table);
      return ctx.today <= due ? { message: `审查期限（${due}）届满前应当作出是否受理的决定`, citation: article('三十') } : null;
    },
    derive: (r, _p, ctx) => ({ on: acceptanceDue(r, ctx.table) }),
    // Deemed accepted on the last day of the 5 working days (Art 30): the later clocks run from it.
    apply: (r, p, m) => ({
      ...r,
      acceptance: {
        on: (m.derived as { on: string }).on,
        deemed: true,
        number: null,
        simple: false,
        simpleGround: null,
        hearingRequired: p.hearingRequired,
      },
    }),
  }),

  'reconsideration.refuse': action({
    title: '决定不予受理',
    roles: BODY,
    from: ['received'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '决定日期' }),
      ground: z.enum(REFUSAL_GROUND_IDS).meta({
        title: '不予受理的理由',
        labels: Object.fromEntries(REFUSAL_GROUND_IDS.map((k) => [k, `${REFUSAL_GROUNDS[k].name}（${REFUSAL_GROUNDS[k].citation}）`])),
      }),
      reason: text(2000).meta({ title: '具体说明', widget: 'textarea' }),
    }),
    when: (r, ctx) => {
      const due = acceptanceDue(r, ctx.table);
      return ctx.today > due ? { message: `审查期限（${due}）已过，申请视为受理`, citation: article('三十') } : null;
    },
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '决定日期')),
      p.on > acceptanceDue(r, ctx.table) ? { message: '审查期限已过，申请视为受理', citation: article('三十'), field: 'on' } : null,
      p.ground === 'late' && r.lateException
        ? { message: '申请人已有登记的逾期例外情形，不能以超过期限为由不予受理', citation: article('二十', '二'), field: 'ground' }
        : null,
    ],
    issues: () => 'refusal',
    apply: (r, p, m) => ({ ...r, refusal: { on: p.on, number: m.number, ground: p.ground, reason: p.reason } }),
  }),

  'reconsideration.send-copy': action({
    title: '向被申请人发送申请书副本（答复通知书）',
    roles: BODY,
    from: ['accepted'],
    payload: z.strictObject({ on: legalDate.meta({ title: '发送日期' }) }),
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '发送日期')),
      r.acceptance && p.on < r.acceptance.on ? { message: '发送日期不能早于受理日期', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    derive: (r, p, ctx) => ({ answerDue: answerDue(r, ctx.table, p.on) }),
    issues: () => 'answer-notice',
    apply: (r, p, m) => ({ ...r, copy: { on: p.on, number: m.number, answerDue: (m.derived as { answerDue: string }).answerDue } }),
  }),

  'reconsideration.file-answer': action({
    title: '提交书面答复和证据（被申请人）',
    roles: RESPONDENT,
    from: ['answering'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '提交日期' }),
      text: text(10000).meta({ title: '书面答复', widget: 'textarea' }),
      normativeDocuments: optionalText(2000).meta({ title: '所依据的规范性文件', widget: 'textarea' }),
      bundle: bundleSchema,
    }),
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '提交日期')),
      r.copy && p.on < r.copy.on ? { message: '提交日期不能早于收到申请书副本', citation: RECORD_CHECK, field: 'on' } : null,
      r.challengedCaseId && !p.bundle
        ? { message: '答复须附被申请复议案件的证据、依据（由系统从案件生成）', citation: article('四十八'), field: 'bundle' }
        : null,
    ],
    apply: (r, p) => ({
      ...r,
      answer: {
        on: p.on,
        text: p.text,
        late: !!r.copy && p.on > r.copy.answerDue,
        bundle: { ...(p.bundle ?? emptyBundle()), normativeDocuments: p.normativeDocuments },
      },
    }),
  }),

  'reconsideration.name-attendee': action({
    title: '确定出席听证人员（被申请人负责人或委托人员）',
    roles: RESPONDENT_HEAD,
    from: ['answering', 'reviewing'],
    requires: (r) => (r.hearing && !r.hearing.heldOn ? null : { message: '没有待举行的听证', citation: RECORD_CHECK }),
    payload: z.strictObject({
      headAttends: z.boolean().meta({ title: '负责人出席' }),
      headName: text(50).meta({ title: '负责人姓名、职务' }),
      delegate: optionalText(100).meta({ title: '委托出席人员（姓名、职务）' }),
      reason: optionalText(1000).meta({ title: '负责人不能出席的理由', widget: 'textarea' }),
    }),
    guard: (_r, p) => [
      !p.headAttends && !p.delegate
        ? { message: '负责人不能出席的，应当委托相应的工作人员出席', citation: article('五十一', '三'), field: 'delegate' }
        : null,
      !p.headAttends && !p.reason
        ? { message: '负责人不能出席的，应当说明理由', citation: article('五十一', '三'), field: 'reason' }
        : null,
      p.headAttends && (p.delegate || p.reason)
        ? { message: '负责人出席的，不写委托人员和理由', citation: RECORD_CHECK, field: 'delegate' }
        : null,
    ],
    apply: (r, p) => ({ ...r, attendance: { headAttends: p.headAttends, headName: p.headName, delegate: p.delegate, reason: p.reason } }),
  }),

  'reconsideration.schedule-hearing': action({
    title: '通知听证',
    roles: BODY,
    from: ['answering', 'reviewing'],
    requires: (r) => (r.hearing ? { message: '已通知过听证', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      noticeOn: legalDate.meta({ title: '通知日期' }),
      date: legalDate.meta({ title: '听证日期' }),
      place: text(200).meta({ title: '听证地点' }),
    }),
    guard: (r, p, ctx) => {
      const earliest = deadlineDue(ctx.table, { rule: 'reconsideration.hearing-notice', from: p.noticeOn });
      return [
        atField('noticeOn', eventDate(p.noticeOn, r, ctx, '通知日期')),
        p.date < earliest
          ? { message: `听证应当在举行 5 个工作日前通知，最早可于 ${earliest} 举行`, citation: article('五十一'), field: 'date' }
          : null,
      ];
    },
    issues: () => 'hearing',
    apply: (r, p, m) => ({
      ...r,
      hearing: { noticeOn: p.noticeOn, number: m.number, date: p.date, place: p.place, heldOn: null, record: null },
    }),
  }),

  'reconsideration.hold-hearing': action({
    title: '举行听证',
    roles: BODY,
    from: ['reviewing', 'answering'],
    requires: (r) => (r.hearing && !r.hearing.heldOn ? null : { message: '没有待举行的听证', citation: RECORD_CHECK }),
    when: (r, ctx) =>
      r.hearing && ctx.today < r.hearing.date ? { message: `听证定于 ${r.hearing.date} 举行`, citation: RECORD_CHECK } : null,
    payload: z.strictObject({
      heldOn: legalDate.meta({ title: '举行日期' }),
      record: text(5000).meta({ title: '听证笔录摘要', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [
      atField('heldOn', eventDate(p.heldOn, r, ctx, '举行日期')),
      r.hearing && p.heldOn < r.hearing.date ? { message: '不能早于通知的听证日期', citation: article('五十一'), field: 'heldOn' } : null,
      !r.attendance ? { message: '被申请人尚未确定出席人员（负责人或者委托人员及理由）', citation: article('五十一', '三') } : null,
    ],
    apply: (r, p) => ({ ...r, hearing: r.hearing && { ...r.hearing, heldOn: p.heldOn, record: p.record } }),
  }),

  'reconsideration.request-extension': action({
    title: '申请延长审理期限（报复议机构负责人批准）',
    roles: BODY,
    from: UNDER_REVIEW,
    requires: (r) =>
      r.extension
        ? { message: '审理期限只能延长一次，最多三十日', citation: article('六十二') }
        : r.acceptance?.simple
          ? { message: '简易程序不能延长审理期限（可转为普通程序）', citation: article('六十二') }
          : pendingRequest(thisProcedure(), r, 'extension')
            ? { message: '延期申请尚待复议机构负责人批准', citation: RECORD_CHECK }
            : null,
    payload: z.strictObject({
      days: z.number().int().min(1, '至少延长 1 日').max(30, '延长期限最多不超过三十日').meta({ title: '延长日数' }),
      reason: text(1000).meta({ title: '情况复杂，不能在规定期限内作出决定的理由', widget: 'textarea' }),
    }),
    guard: (r, _p, ctx) => {
      const due = decisionDue(r, ctx.table, ctx.today);
      return [due && ctx.today > due ? { message: `审理期限（${due}）已过，不能再申请延长`, citation: article('六十二') } : null];
    },
    approval: {
      kind: 'extension',
      onApproved: (r, p, m) => {
        const d = m.derived as { until: string; approver: string };
        return {
          ...r,
          extension: { on: m.today, days: p.days, reason: p.reason, approvedBy: d.approver, until: d.until, number: m.number },
        };
      },
    },
    apply: (r) => r,
  }),

  'reconsideration.approve': action({
    title: '复议机构负责人批准',
    roles: BODY_HEAD,
    from: UNDER_REVIEW,
    answers: true,
    payload: z.strictObject({
      kind: z.enum(APPROVAL_KINDS).meta({ title: '审批事项', widget: 'hidden', labels: APPROVAL_NAMES }),
      opinion: text(500).meta({ title: '审批意见' }),
    }),
    guard: (r, p, ctx) => {
      const req = pendingRequest(thisProcedure(), r, p.kind);
      if (!req) return [{ message: `没有待批准的${APPROVAL_NAMES[p.kind]}申请`, citation: RECORD_CHECK }];
      const due = decisionDue(r, ctx.table, ctx.today);
      return [
        ctx.actorAgencyId !== r.agencyId ? { message: '只有本复议机构的负责人可以批准', citation: article('六十二') } : null,
        sameIndividual(req.requestedBy, ctx.actor)
          ? { message: '延期申请由您本人提出，须由复议机构的其他负责人批准', citation: article('六十二') }
          : null,
        due && ctx.today > due ? { message: `审理期限（${due}）已过，不能再批准延长`, citation: article('六十二') } : null,
      ];
    },
    issues: (_r, p) => (p.kind === 'extension' ? 'extension' : null),
    derive: (r, p, ctx) => {
      const days = (pendingRequest(thisProcedure(), r, p.kind)?.payload as { days?: number } | undefined)?.days ?? 0;
      const withExtension: Reconsideration = { ...r, extension: { on: ctx.today, days, reason: '', approvedBy: '', until: '' } };
      return { until: decisionDue(withExtension, ctx.table, ctx.today), approver: ctx.actorName };
    },
    apply: (r, p, m) => approve(thisProcedure(), r, p.kind, m),
  }),

  'reconsideration.reject': action({
    title: '复议机构负责人不批准',
    roles: BODY_HEAD,
    from: UNDER_REVIEW,
    answers: true,
    payload: z.strictObject({
      kind: z.enum(APPROVAL_KINDS).meta({ title: '审批事项', widget: 'hidden', labels: APPROVAL_NAMES }),
      reason: text(500).meta({ title: '不批准的理由' }),
    }),
    guard: (r, _p, ctx) => [
      ctx.actorAgencyId !== r.agencyId ? { message: '只有本复议机构的负责人可以审批', citation: article('六十二') } : null,
    ],
    apply: (r, p) => dropRequest(thisProcedure(), r, p.kind),
  }),

  'reconsideration.suspend': action({
    title: '中止行政复议',
    roles: BODY,
    from: UNDER_REVIEW,
    requires: (r) => (openSuspension(r) ? { message: '本案已经中止', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      on: legalDate.meta({ title: '中止日期' }),
      ground: z.enum(SUSPENSION_GROUND_IDS).meta({
        title: '中止的情形（第三十九条第一款）',
        labels: Object.fromEntries(
          SUSPENSION_GROUND_IDS.map((k) => [k, `${SUSPENSION_GROUNDS[k].name}（第${SUSPENSION_GROUNDS[k].item}项）`]),
        ),
      }),
      reason: text(2000).meta({ title: '具体情况', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => {
      const last = r.suspensions?.at(-1);
      return [
        atField('on', eventDate(p.on, r, ctx, '中止日期')),
        r.acceptance && p.on < r.acceptance.on ? { message: '中止日期不能早于受理日期', citation: RECORD_CHECK, field: 'on' } : null,
        last?.resumedOn && p.on < last.resumedOn
          ? { message: '中止日期不能早于上次恢复审理之日', citation: RECORD_CHECK, field: 'on' }
          : null,
      ];
    },
    issues: () => 'suspension',
    apply: (r, p, m) => ({
      ...r,
      suspensions: [
        ...(r.suspensions ?? []),
        { seq: m.seq, on: p.on, number: m.number, ground: p.ground, reason: p.reason, resumedOn: null, resumeNumber: null },
      ],
    }),
  }),

  'reconsideration.resume': action({
    title: '恢复审理',
    roles: BODY,
    from: UNDER_REVIEW,
    whileSuspended: true,
    requires: (r) => (openSuspension(r) ? null : { message: '本案没有中止', citation: RECORD_CHECK }),
    payload: z.strictObject({
      on: legalDate.meta({ title: '恢复审理日期' }),
      reason: text(1000).meta({ title: '中止的原因已经消除的情况', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => {
      const open = openSuspension(r);
      return [
        atField('on', eventDate(p.on, r, ctx, '恢复审理日期')),
        open && p.on < open.on ? { message: `恢复审理日期不能早于中止日期（${open.on}）`, citation: RECORD_CHECK, field: 'on' } : null,
      ];
    },
    issues: () => 'resumption',
    apply: (r, p, m) => ({
      ...r,
      suspensions: (r.suspensions ?? []).map((x, i, all) =>
        i === all.length - 1 && !x.resumedOn
          ? { ...x, resumedOn: p.on, resumeNumber: m.number, reason: `${x.reason}\n（恢复：${p.reason}）` }
          : x,
      ),
    }),
  }),

  'reconsideration.terminate': action({
    title: '终止行政复议',
    roles: BODY,
    from: ['received', 'correcting', ...UNDER_REVIEW],
    whileSuspended: true,
    payload: z.strictObject({
      on: legalDate.meta({ title: '终止日期' }),
      ground: z.enum(TERMINATION_GROUND_IDS).meta({
        title: '终止的情形（第四十一条）',
        labels: Object.fromEntries(
          TERMINATION_GROUND_IDS.map((k) => [k, `${TERMINATION_GROUNDS[k].name}（第${TERMINATION_GROUNDS[k].item}项）`]),
        ),
      }),
      reason: text(2000).meta({ title: '具体情况', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => {
      const open = openSuspension(r);
      const lapsed = open && SUSPENSIONS_ENDING_AFTER_60_DAYS.includes(open.ground) ? addDays(open.on, 60) : null;
      return [
        atField('on', eventDate(p.on, r, ctx, '终止日期')),
        p.ground === 'suspension-lapsed' && !lapsed
          ? {
              message: '没有因申请人死亡、丧失行为能力或者组织终止而中止的情形',
              citation: terminationCitation('suspension-lapsed'),
              field: 'ground',
            }
          : null,
        p.ground === 'suspension-lapsed' && lapsed && p.on < lapsed
          ? { message: `中止满六十日（${lapsed}）前不能以此终止`, citation: terminationCitation('suspension-lapsed'), field: 'on' }
          : null,
      ];
    },
    issues: () => 'termination',
    apply: (r, p, m) => ({ ...r, termination: { on: p.on, number: m.number, ground: p.ground, reason: p.reason } }),
  }),

  'reconsideration.settle': action({
    title: '调解结案（制作行政复议调解书）',
    roles: BODY,
    from: UNDER_REVIEW,
    payload: z.strictObject({
      on: legalDate.meta({ title: '调解书日期' }),
      terms: text(5000).meta({ title: '调解协议内容', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [atField('on', eventDate(p.on, r, ctx, '调解书日期'))],
    issues: () => 'settlement',
    apply: (r, p, m) => ({ ...r, settlement: { on: p.on, number: m.number, terms: p.terms } }),
  }),

  'reconsideration.refer-normative': action({
    title: '附带审查：通知制定机关答复',
    roles: BODY,
    from: UNDER_REVIEW,
    // Referred while the review is suspended for it (Art 39 ¶1 (9)), or before.
    whileSuspended: true,
    payload: z.strictObject({
      on: legalDate.meta({ title: '通知日期' }),
      documentId: z.uuid().meta({ title: '申请附带审查的规范性文件', widget: 'normative-document' }),
      clauses: text(500).meta({ title: '申请审查的条款' }),
      points: text(5000).meta({ title: '申请人的审查请求和理由', widget: 'textarea' }),
      document: referredDocument,
    }),
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '通知日期')),
      r.acceptance && p.on < r.acceptance.on ? { message: '通知日期不能早于受理日期', citation: RECORD_CHECK, field: 'on' } : null,
      !p.document ? { message: '本平台没有这件规范性文件', citation: RECORD_CHECK, field: 'documentId' } : null,
      p.document && !p.document.challengeable
        ? { message: `《${p.document.title}》尚未发布，不是行政行为所依据的规范性文件`, citation: article('十三'), field: 'documentId' }
        : null,
      unruledReviews(r).some((x) => x.documentId === p.documentId)
        ? { message: '该规范性文件已经通知制定机关，尚待处理', citation: RECORD_CHECK, field: 'documentId' }
        : null,
    ],
    apply: (r, p, m) => ({
      ...r,
      incidentalReviews: [
        ...(r.incidentalReviews ?? []),
        {
          referral: m.seq,
          documentId: p.documentId,
          title: p.document!.title,
          drafter: p.document!.drafter,
          on: p.on,
          clauses: p.clauses,
          points: p.points,
          ruling: null,
        },
      ],
    }),
  }),

  'reconsideration.rule-normative': action({
    title: '附带审查：作出处理',
    roles: BODY,
    from: UNDER_REVIEW,
    whileSuspended: true,
    requires: (r) => (unruledReviews(r).length ? null : { message: '没有待处理的附带审查', citation: article('五十九') }),
    payload: z.strictObject({
      referral: z.number().int().min(1).meta({ title: '附带审查的规范性文件', widget: 'referral' }),
      on: legalDate.meta({ title: '处理日期' }),
      lawful: z.boolean().meta({ title: '相关条款合法（否：决定停止执行该条款，并责令制定机关纠正）' }),
      reason: text(5000).meta({ title: '处理理由（可结合制定机关的书面答复）', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => {
      const x = r.incidentalReviews?.find((y) => y.referral === p.referral);
      return [
        !x ? { message: '没有这项附带审查', citation: RECORD_CHECK, field: 'referral' } : null,
        x?.ruling ? { message: `已于 ${x.ruling.on} 作出处理`, citation: RECORD_CHECK, field: 'referral' } : null,
        atField('on', eventDate(p.on, r, ctx, '处理日期')),
        x && p.on < x.on ? { message: `处理日期不能早于通知制定机关之日（${x.on}）`, citation: RECORD_CHECK, field: 'on' } : null,
      ];
    },
    apply: (r, p) => ({
      ...r,
      incidentalReviews: (r.incidentalReviews ?? []).map((x) =>
        x.referral === p.referral ? { ...x, ruling: { on: p.on, lawful: p.lawful, reason: p.reason } } : x,
      ),
    }),
  }),

  'reconsideration.decide': action({
    title: '作出行政复议决定',
    roles: BODY,
    from: ['reviewing', 'answering'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '决定日期' }),
      type: z.enum(DECISION_TYPE_IDS).meta({
        title: '决定类型',
        labels: Object.fromEntries(DECISION_TYPE_IDS.map((k) => [k, `${DECISION_TYPES[k].name}（${DECISION_TYPES[k].citation}）`])),
      }),
      reason: text(10000).meta({ title: '认定的事实、理由和依据', widget: 'textarea' }),
      redoBy: legalDate.nullable().meta({ title: '责令重新作出（履行）的期限' }),
      variedFineFen: z.number().int().min(0).nullable().meta({ title: '变更后的罚款金额（元）', widget: 'yuan' }),
    }),
    guard: (r, p, ctx) => {
      const noAnswer = r.copy && !r.answer && ctx.today <= r.copy.answerDue;
      const needsHearing = r.acceptance?.hearingRequired && !r.hearing?.heldOn;
      return [
        atField('on', eventDate(p.on, r, ctx, '决定日期')),
        noAnswer ? { message: `被申请人的答复期限（${r.copy!.answerDue}）尚未届满`, citation: article('四十八'), field: 'on' } : null,
        needsHearing ? { message: '重大、疑难、复杂案件应当组织听证', citation: article('五十') } : null,
        ...unruledReviews(r).map((x) => ({
          message: `附带审查的《${x.title}》尚未处理，应当先行处理`,
          citation: `${article('五十六')}、${article('五十九')}`,
        })),
        (p.type === 'revoked-redo' || p.type === 'perform') && !p.redoBy
          ? { message: `“${DECISION_TYPES[p.type].name}”须写明期限`, citation: DECISION_TYPES[p.type].citation, field: 'redoBy' }
          : null,
        p.type === 'varied' && p.variedFineFen === null
          ? { message: '变更的，须写明变更后的罚款金额', citation: DECISION_TYPES.varied.citation, field: 'variedFineFen' }
          : null,
        // An empty amount may come as 0 from the form: only a positive one names a change.
        p.type !== 'varied' && (p.variedFineFen ?? 0) > 0
          ? { message: '只有变更决定写变更后的金额', citation: RECORD_CHECK, field: 'variedFineFen' }
          : null,
        p.type === 'perform' && r.challengedCaseId
          ? { message: '责令履行适用于不履行法定职责；被申请复议的是处罚决定', citation: article('六十六'), field: 'type' }
          : null,
      ];
    },
    issues: () => 'decision',
    apply: (r, p, m) => ({
      ...r,
      decision: {
        on: p.on,
        number: m.number,
        type: p.type,
        reason: p.reason,
        redoBy: p.redoBy,
        varied: p.type === 'varied' ? { fineFen: p.variedFineFen ?? 0 } : null,
      },
    }),
  }),

  'reconsideration.issue-opinion': action({
    title: '制发行政复议意见书',
    roles: BODY,
    from: ['decided', 'settled'],
    requires: (r) => (r.opinion ? { message: '已制发意见书', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      on: legalDate.meta({ title: '制发日期' }),
      text: text(5000).meta({ title: '存在的问题和纠正意见', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [atField('on', eventDate(p.on, r, ctx, '制发日期'))],
    issues: () => 'opinion',
    apply: (r, p, m) => ({ ...r, opinion: { on: p.on, number: m.number, text: p.text } }),
  }),

  'reconsideration.report-correction': action({
    title: '报送纠正情况（被申请人）',
    roles: RESPONDENT_HEAD,
    from: ['decided', 'settled'],
    requires: (r) =>
      !r.opinion
        ? { message: '没有行政复议意见书', citation: RECORD_CHECK }
        : r.correctionReport
          ? { message: '已报送纠正情况', citation: RECORD_CHECK }
          : null,
    payload: z.strictObject({
      on: legalDate.meta({ title: '报送日期' }),
      text: text(5000).meta({ title: '纠正情况', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [
      atField('on', eventDate(p.on, r, ctx, '报送日期')),
      r.opinion && p.on < r.opinion.on ? { message: '不能早于意见书', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    derive: (r, _p, ctx) => ({
      due: r.opinion ? deadlineDue(ctx.table, { rule: 'reconsideration.correction-report', from: r.opinion.on }) : null,
    }),
    apply: (r, p, m) => {
      const due = (m.derived as { due: string | null }).due;
      return { ...r, correctionReport: { on: p.on, text: p.text, late: !!due && p.on > due } };
    },
  }),

  'reconsideration.attach-file': materials.attach({
    title: '附加材料',
    // The 复议机构 keeps the case's file: it attaches what the parties hand in (and so redacts and shares it).
    roles: BODY,
    from: ANY_STATUS,
    whileSuspended: true,
    payload: materialPayload(MATERIAL_TYPES),
  }),

  'reconsideration.withdraw-file': materials.withdraw({
    title: '撤回材料',
    roles: BODY,
    from: ANY_STATUS,
    whileSuspended: true,
    payload: materialWithdrawal,
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<ReconsiderationTypes, any>>;

export type ReconsiderationActionType = keyof typeof RECONSIDERATION_ACTIONS;

export const emptyBundle = (): AnswerBundle => ({
  caseId: '',
  number: null,
  decidedOn: null,
  facts: null,
  basis: null,
  normativeDocuments: null,
  evidence: [],
});

/** The steps a case expects next. */
function nextSteps(r: Reconsideration): ReconsiderationActionType[] {
  if ((r.pending ?? []).length > 0) return ['reconsideration.approve', 'reconsideration.reject'];
  if (openSuspension(r)) return ['reconsideration.resume'];
  switch (statusOf(r)) {
    case 'received':
      return ['reconsideration.accept', 'reconsideration.deem-accepted'];
    case 'correcting':
      return ['reconsideration.answer-correction'];
    case 'accepted':
      return ['reconsideration.send-copy'];
    case 'answering':
      return ['reconsideration.file-answer'];
    case 'reviewing':
      if (r.hearing && !r.hearing.heldOn) return r.attendance ? ['reconsideration.hold-hearing'] : ['reconsideration.name-attendee'];
      if (r.acceptance?.hearingRequired && !r.hearing) return ['reconsideration.schedule-hearing'];
      return ['reconsideration.decide'];
    case 'decided':
    case 'settled':
      return r.opinion && !r.correctionReport ? ['reconsideration.report-correction'] : [];
    case 'refused':
    case 'withdrawn':
    case 'terminated':
      return [];
  }
}

export const RECONSIDERATION_PROCEDURE: Procedure<ReconsiderationTypes, ReconsiderationActionType> = {
  subjectType: 'reconsideration',
  recordName: '行政复议案件',
  permissions: { read: 'reconsideration.read' },
  actions: RECONSIDERATION_ACTIONS,
  empty: (o) => emptyReconsideration(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  next: nextSteps,
  suspended: (r) => !!openSuspension(r),
  approvals: {
    pending: (r) => r.pending ?? [],
    withPending: (r, pending) => ({ ...r, pending: pending as NonNullable<Reconsideration['pending']> }),
    kinds: APPROVAL_NAMES,
  },
  evidence: MATERIALS,
};

export { thisProcedure };
