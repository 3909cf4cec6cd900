/**
 * The action table of a 行政应诉 case: the defending agency's legal staff (法制审核人员) and its
 * 负责人 register the complaint copy, answer within 15 days, name who appears at each hearing
 * (the 负责人, or the agency's own staff under a 授权委托书 with a 情况说明: a lawyer alone is
 * refused), record the hearings, the judgment or ruling with its appeal window, the decision to
 * appeal or not, the judgment becoming effective, its performance and a 司法建议 with the reply.
 * Each gate cites its article; pure, the kit runs it.
 */
import { z } from 'zod';
import { identityChecked, legalDate, optionalText, requiredText as text, phoneNumber } from '../../platform/http/schemas.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { RECORD_CHECK, atField, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { BaseContext } from '../../procedure/served.js';
import {
  ABSENCE_REASONS,
  ABSENCE_REASON_IDS,
  CHALLENGED_KINDS,
  CHALLENGED_KIND_IDS,
  HEAD_POSTS,
  HEAD_POST_IDS,
  INSTANCES,
  JUDGMENT_TYPES,
  JUDGMENT_TYPE_IDS,
  MANDATORY_GROUNDS,
  MANDATORY_GROUND_IDS,
  PLAINTIFF_KINDS,
  RULING_TYPES,
  RULING_TYPE_IDS,
  STATUS_NAMES,
  article,
  emptyLawsuit,
  interpretation,
  statusOf,
  type AnswerBundle,
  type Hearing,
  type Instance,
  type Judgment,
  type JudgmentType,
  type Lawsuit,
  type LawsuitStatus,
  type RulingType,
} from './state.js';

/** The 授权委托书 and the 情况说明 issued with it share its number (one action, one series). */
export type LawsuitSeries = 'answer' | 'power-of-attorney' | 'suggestion-reply';

/** What the gates read besides the BaseContext: the actor's agency and the records the registration names. */
export interface LawsuitContext extends BaseContext {
  actorAgencyId: string | null;
  /** The challenged penalty case's common row */
  challenged: { id: string; agencyId: string; status: string } | null;
  /** The reconsideration named, with its respondent and the case it reviewed */
  reconsideration: { id: string; status: string; respondentAgencyId: string; challengedCaseId: string | null } | null;
}

export interface LawsuitTypes {
  state: Lawsuit;
  context: LawsuitContext;
  status: LawsuitStatus;
  series: LawsuitSeries;
}

const action = <P>(spec: ActionSpec<LawsuitTypes, P>) => spec;

/** The defending agency's 法制审核人员 and 负责人 (of that agency only: `actsOutside`) */
export const DEFENDANT = ['legal_reviewer', 'unit_head'] as const;
/** Who signs for the agency: the 授权委托书, the 情况说明, the decision to appeal, the reply to a 司法建议 */
const HEAD = ['unit_head'] as const;

const DECIDED_CASE = ['decided', 'executing', 'closed', 'archived'];
const OPEN: LawsuitStatus[] = ['answering', 'in-court', 'judged', 'appealed'];
const ANY: LawsuitStatus[] = Object.keys(STATUS_NAMES) as LawsuitStatus[];

/** The warning every answer carries (Arts 34, 67). */
export const LATE_EVIDENCE_WARNING = `被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状（${article('六十七')}）；被告不提供或者无正当理由逾期提供证据，视为没有相应证据（${article('三十四')}）。`;

/** A recorded date may not lie in the future nor before the copy of the complaint was received. */
function eventDate(date: string, l: Lawsuit, ctx: BaseContext, what: string): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK };
  if (date < l.filedOn) return { message: `${what}（${date}）不能早于立案日期（${l.filedOn}）`, citation: RECORD_CHECK };
  return null;
}

/** The answer's last day: 15 days from the copy (Art 67; `litigation.answer`). */
export const answerDueOf = (table: BaseContext['table'], copyReceivedOn: string) =>
  deadlineDue(table, { rule: 'litigation.answer', from: copyReceivedOn });

/** The appeal window of a first-instance judgment (15 days) or appealable ruling (10 days) from service (Art 85). */
export function appealDueOf(
  table: BaseContext['table'],
  j: { instance: Instance; kind: 'judgment' | 'ruling'; type: string; servedOn: string },
): string | null {
  if (j.instance !== 'first') return null;
  if (j.kind === 'ruling' && !RULING_TYPES[j.type as RulingType].appealable) return null;
  return deadlineDue(table, { rule: j.kind === 'judgment' ? 'litigation.appeal-judgment' : 'litigation.appeal-ruling', from: j.servedOn });
}

/** The hearing not yet held (the court's latest summons). */
export const pendingHearing = (l: Lawsuit): Hearing | null => {
  const h = l.hearings.at(-1);
  return h && !h.held ? h : null;
};

/** The 负责人 must appear: a ground of Art 129 recorded at filing, or the court's written notice for the hearing. */
export const appearanceMandatory = (l: Lawsuit, h: Hearing | null) => l.mandatoryGrounds.length > 0 || !!h?.courtRecommendsHead;

/** The last judgment or ruling still open to appeal. */
const lastJudgment = (l: Lawsuit): Judgment | null => l.judgments.at(-1) ?? null;

const plaintiffSchema = z
  .strictObject({
    kind: z.enum(['citizen', 'organisation']).meta({ title: '原告类型', labels: PLAINTIFF_KINDS }),
    name: text(100).meta({ title: '原告姓名或名称' }),
    idNumber: z.string().trim().max(18, '不能超过 18 位').meta({ title: '身份证号或统一社会信用代码' }),
    phone: phoneNumber.nullable().meta({ title: '联系电话' }),
    address: optionalText(200).meta({ title: '住所地' }),
  })
  .superRefine(identityChecked)
  .meta({ title: '原告' });

const person = (what: string) =>
  z
    .strictObject({
      name: text(50).meta({ title: '姓名' }),
      post: text(100).meta({ title: what }),
    })
    .meta({ title: '人员' });

export const registerSchema = z.strictObject({
  court: text(100).meta({ title: '受理法院' }),
  caseNumber: text(60).meta({ title: '案号（如（2026）渝0241行初12号）' }),
  filedOn: legalDate.meta({ title: '立案日期' }),
  copyReceivedOn: legalDate.meta({ title: '收到起诉状副本日期' }),
  plaintiff: plaintiffSchema,
  claims: text(3000).meta({ title: '诉讼请求', widget: 'textarea' }),
  challengedKind: z.enum(CHALLENGED_KIND_IDS).meta({ title: '被诉行政行为', labels: CHALLENGED_KINDS }),
  challengedCaseId: z.uuid().nullable().meta({ title: '被诉的处罚决定（本系统办理的案件）', widget: 'challenged-case' }),
  reconsiderationId: z.uuid().nullable().meta({ title: '经过的行政复议案件（复议维持后起诉的）' }),
  challengedAct: text(500).meta({ title: '被诉行政行为（决定书文号及内容）', widget: 'textarea' }),
  mandatoryGrounds: z
    .array(z.enum(MANDATORY_GROUND_IDS))
    .max(MANDATORY_GROUND_IDS.length)
    .meta({ title: '负责人应当出庭的情形（法释〔2018〕1号第一百二十九条）', labels: MANDATORY_GROUNDS }),
});

const bundleSchema = z
  .strictObject({
    caseId: z.string().nullable().meta({ title: '被诉的案件' }),
    number: z.string().nullable().meta({ title: '决定书文号' }),
    decidedOn: z.string().nullable().meta({ title: '决定日期' }),
    facts: z.string().nullable().meta({ title: '认定的事实' }),
    basis: z.string().nullable().meta({ title: '法律依据' }),
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
            afterDecision: z.boolean().meta({ title: '作出行政行为后收集' }),
            withdrawn: z.boolean().meta({ title: '已撤回' }),
          })
          .meta({ title: '证据' }),
      )
      .meta({ title: '证据清单' }),
  })
  .nullable()
  .meta({ title: '证据和依据（由系统从被诉的案件生成）', widget: 'hidden' });

const judgmentTypeLabels = {
  ...Object.fromEntries(JUDGMENT_TYPE_IDS.map((k) => [k, `判决：${JUDGMENT_TYPES[k].name}（${JUDGMENT_TYPES[k].citation}）`])),
  ...Object.fromEntries(RULING_TYPE_IDS.map((k) => [k, `裁定：${RULING_TYPES[k].name}（${RULING_TYPES[k].citation}）`])),
};
const VERDICT_IDS = [...JUDGMENT_TYPE_IDS, ...RULING_TYPE_IDS] as [JudgmentType | RulingType, ...(JudgmentType | RulingType)[]];
export const verdictKind = (t: JudgmentType | RulingType): 'judgment' | 'ruling' => (t in JUDGMENT_TYPES ? 'judgment' : 'ruling');

/** The judgment that becomes effective when no appeal is lodged, or at once when none can be. */
const becomesEffective = (j: Judgment) => ({ seq: j.seq, on: j.appealDue ?? j.servedOn });

export const LAWSUIT_ACTIONS = {
  'litigation.register': action({
    title: '登记行政诉讼（收到起诉状副本）',
    roles: DEFENDANT,
    from: 'opens',
    payload: registerSchema,
    guard: (_l, p, ctx) => [
      p.copyReceivedOn > ctx.today ? { message: '收到起诉状副本日期不能晚于今天', citation: RECORD_CHECK, field: 'copyReceivedOn' } : null,
      p.filedOn > p.copyReceivedOn ? { message: '立案日期不能晚于收到起诉状副本日期', citation: RECORD_CHECK, field: 'filedOn' } : null,
      !ctx.actorAgencyId ? { message: '只有被告行政机关的工作人员才能登记应诉案件', citation: article('二十六') } : null,
      p.challengedKind === 'penalty-case' && !p.challengedCaseId
        ? { message: '请选择被诉的处罚决定', citation: RECORD_CHECK, field: 'challengedCaseId' }
        : null,
      p.challengedKind === 'reconsideration' && !p.reconsiderationId
        ? { message: '请写明经过的行政复议案件', citation: RECORD_CHECK, field: 'reconsiderationId' }
        : null,
      p.challengedKind === 'other' && (p.challengedCaseId || p.reconsiderationId)
        ? { message: '文字登记的行政行为不关联本系统的案件', citation: RECORD_CHECK, field: 'challengedKind' }
        : null,
      p.challengedCaseId && !ctx.challenged ? { message: '没有这个处罚案件', citation: RECORD_CHECK, field: 'challengedCaseId' } : null,
      ctx.challenged && ctx.challenged.agencyId !== ctx.actorAgencyId
        ? { message: '被诉的处罚决定不是本机关作出的，本机关不是被告', citation: article('二十六'), field: 'challengedCaseId' }
        : null,
      ctx.challenged && !DECIDED_CASE.includes(ctx.challenged.status)
        ? { message: '该案件尚未作出处罚决定', citation: RECORD_CHECK, field: 'challengedCaseId' }
        : null,
      p.reconsiderationId && !ctx.reconsideration
        ? { message: '没有这个行政复议案件', citation: RECORD_CHECK, field: 'reconsiderationId' }
        : null,
      ctx.reconsideration && ctx.reconsideration.respondentAgencyId !== ctx.actorAgencyId
        ? { message: '该行政复议案件的被申请人不是本机关', citation: article('二十六', '二'), field: 'reconsiderationId' }
        : null,
      ctx.reconsideration && ctx.reconsideration.status !== 'decided'
        ? { message: '该行政复议案件尚未作出复议决定', citation: article('二十六', '二'), field: 'reconsiderationId' }
        : null,
      ctx.reconsideration && p.challengedCaseId && ctx.reconsideration.challengedCaseId !== p.challengedCaseId
        ? { message: '该行政复议案件审查的不是所选的处罚决定', citation: RECORD_CHECK, field: 'reconsiderationId' }
        : null,
    ],
    derive: (_l, p, ctx) => ({
      answerDue: answerDueOf(ctx.table, p.copyReceivedOn),
      // Sued after reconsideration: the case it reviewed is the one challenged.
      challengedCaseId: p.challengedCaseId ?? ctx.reconsideration?.challengedCaseId ?? null,
    }),
    apply: (l, p, m) => {
      const d = m.derived as { answerDue: string; challengedCaseId: string | null };
      return {
        ...l,
        court: p.court,
        caseNumber: p.caseNumber,
        filedOn: p.filedOn,
        copyReceivedOn: p.copyReceivedOn,
        plaintiff: { ...p.plaintiff, idNumber: p.plaintiff.idNumber || null },
        claims: p.claims,
        challengedKind: p.challengedKind,
        challengedCaseId: d.challengedCaseId,
        reconsiderationId: p.reconsiderationId,
        challengedAct: p.challengedAct,
        mandatoryGrounds: [...new Set(p.mandatoryGrounds)],
        answerDue: d.answerDue,
      };
    },
  }),

  'litigation.file-answer': action({
    title: '提交答辩状、证据和依据',
    roles: DEFENDANT,
    from: ['answering'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '提交日期' }),
      text: text(10000).meta({ title: '答辩意见', widget: 'textarea' }),
      normativeDocuments: optionalText(2000).meta({ title: '所依据的规范性文件', widget: 'textarea' }),
      lateReason: optionalText(1000).meta({ title: '逾期提交的正当事由（逾期时填写）', widget: 'textarea' }),
      bundle: bundleSchema,
    }),
    guard: (l, p, ctx) => [
      atField('on', eventDate(p.on, l, ctx, '提交日期')),
      p.on < l.copyReceivedOn ? { message: '提交日期不能早于收到起诉状副本', citation: RECORD_CHECK, field: 'on' } : null,
      l.challengedCaseId && !p.bundle
        ? { message: '答辩须附被诉案件的证据、依据（由系统从案件生成）', citation: article('六十七'), field: 'bundle' }
        : null,
      p.on > l.answerDue && !p.lateReason
        ? {
            message: `答辩期限（${l.answerDue}）已过：逾期提供的证据视为没有相应证据，须写明逾期的正当事由`,
            citation: `${article('三十四')}、${article('六十七')}`,
            field: 'lateReason',
          }
        : null,
      p.on <= l.answerDue && p.lateReason ? { message: '未逾期的，不写逾期事由', citation: RECORD_CHECK, field: 'lateReason' } : null,
    ],
    issues: () => 'answer',
    apply: (l, p, m) => ({
      ...l,
      answer: {
        on: p.on,
        number: m.number,
        text: p.lateReason ? `${p.text}\n（逾期提交的事由：${p.lateReason}）` : p.text,
        normativeDocuments: p.normativeDocuments,
        late: p.on > l.answerDue,
        bundle: p.bundle ?? emptyBundle(),
      },
    }),
  }),

  'litigation.schedule-hearing': action({
    title: '登记开庭传票',
    roles: DEFENDANT,
    from: ['answering', 'in-court', 'appealed'],
    requires: (l) => (pendingHearing(l) ? { message: '上一次开庭尚未登记', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      summonedOn: legalDate.meta({ title: '收到传票日期' }),
      date: legalDate.meta({ title: '开庭日期' }),
      place: text(200).meta({ title: '开庭地点' }),
      courtRecommendsHead: z.boolean().meta({ title: '人民法院书面建议行政机关负责人出庭' }),
    }),
    guard: (l, p, ctx) => [
      atField('summonedOn', eventDate(p.summonedOn, l, ctx, '收到传票日期')),
      p.date < p.summonedOn ? { message: '开庭日期不能早于收到传票日期', citation: RECORD_CHECK, field: 'date' } : null,
    ],
    apply: (l, p, m) => ({
      ...l,
      hearings: [
        ...l.hearings,
        {
          seq: m.seq,
          instance: statusOf(l) === 'appealed' ? 'second' : 'first',
          summonedOn: p.summonedOn,
          date: p.date,
          place: p.place,
          courtRecommendsHead: p.courtRecommendsHead,
          delegation: null,
          held: null,
        },
      ],
    }),
  }),

  'litigation.delegate': action({
    title: '负责人不能出庭：出具授权委托书和情况说明',
    roles: HEAD,
    from: ['answering', 'in-court', 'appealed'],
    requires: (l) => {
      const h = pendingHearing(l);
      if (!h) return { message: '没有待出庭的开庭', citation: RECORD_CHECK };
      return h.delegation ? { message: '本次开庭已出具授权委托书', citation: RECORD_CHECK } : null;
    },
    payload: z.strictObject({
      on: legalDate.meta({ title: '出具日期' }),
      headName: text(50).meta({ title: '不能出庭的负责人（姓名、职务）' }),
      reasonKind: z.enum(ABSENCE_REASON_IDS).meta({ title: '不能出庭的事由', labels: ABSENCE_REASONS }),
      reason: text(1000).meta({ title: '情况说明', widget: 'textarea' }),
      staff: z.array(person('职务')).max(2).meta({ title: '委托出庭的本机关工作人员' }),
      lawyers: z.array(person('律师事务所')).max(1).meta({ title: '另行委托的律师' }),
      authority: text(300).meta({ title: '委托权限（一般代理或者特别授权的具体事项）' }),
    }),
    guard: (l, p, ctx) => [
      atField('on', eventDate(p.on, l, ctx, '出具日期')),
      p.staff.length === 0
        ? {
            message: '行政机关负责人不能出庭的，应当委托本机关相应的工作人员出庭；仅委托律师出庭的，不符合要求',
            citation: `${article('三', '三')}；${interpretation('一百二十八')}`,
            field: 'staff',
          }
        : null,
      p.staff.length + p.lawyers.length > 2
        ? { message: '每一方可以委托一至二人作为诉讼代理人', citation: article('三十一'), field: 'lawyers' }
        : null,
    ],
    issues: () => 'power-of-attorney',
    apply: (l, p, m) => {
      const h = pendingHearing(l)!;
      const delegation = {
        on: p.on,
        number: m.number,
        staff: p.staff,
        lawyers: p.lawyers,
        authority: p.authority,
        headName: p.headName,
        reasonKind: p.reasonKind,
        reason: p.reason,
      };
      return { ...l, hearings: l.hearings.map((x) => (x.seq === h.seq ? { ...x, delegation } : x)) };
    },
  }),

  'litigation.record-hearing': action({
    title: '登记开庭和出庭应诉情况',
    roles: DEFENDANT,
    from: ['answering', 'in-court', 'appealed'],
    requires: (l) => (pendingHearing(l) ? null : { message: '没有待登记的开庭', citation: RECORD_CHECK }),
    when: (l, ctx) => {
      const h = pendingHearing(l);
      return h && ctx.today < h.date ? { message: `定于 ${h.date} 开庭`, citation: RECORD_CHECK } : null;
    },
    payload: z.strictObject({
      heldOn: legalDate.meta({ title: '开庭日期' }),
      headAppeared: z.boolean().meta({ title: '行政机关负责人出庭' }),
      headName: optionalText(50).meta({ title: '出庭负责人姓名（负责人出庭时填写）' }),
      headPost: optionalText(100).meta({ title: '出庭负责人职务' }),
      headRank: z.enum(HEAD_POST_IDS).nullable().meta({ title: '负责人类别', labels: HEAD_POSTS }),
      staff: z.array(person('职务')).max(2).meta({ title: '出庭的本机关工作人员' }),
      lawyers: z.array(person('律师事务所')).max(2).meta({ title: '出庭的律师' }),
      record: text(5000).meta({ title: '庭审情况', widget: 'textarea' }),
    }),
    guard: (l, p, ctx) => {
      const h = pendingHearing(l);
      const named = new Set(h?.delegation?.staff.map((s) => s.name) ?? []);
      const head = p.headAppeared ? p.headName : null;
      return [
        atField('heldOn', eventDate(p.heldOn, l, ctx, '开庭日期')),
        p.headAppeared && !p.headName ? { message: '请填写出庭负责人的姓名', citation: RECORD_CHECK, field: 'headName' } : null,
        p.headAppeared && !p.headRank
          ? { message: '请选择负责人类别（正职、副职或者分管负责人）', citation: interpretation('一百二十八'), field: 'headRank' }
          : null,
        !p.headAppeared && (p.headName || p.headRank)
          ? { message: '负责人未出庭的，不填负责人', citation: RECORD_CHECK, field: 'headName' }
          : null,
        h && p.heldOn < h.date ? { message: `不能早于传票所定的开庭日期（${h.date}）`, citation: RECORD_CHECK, field: 'heldOn' } : null,
        !head && p.staff.length === 0 && p.lawyers.length > 0
          ? {
              message: '仅有律师出庭，不视为行政机关负责人出庭应诉；负责人应当出庭，不能出庭的，应当委托本机关相应的工作人员出庭',
              citation: `${article('三', '三')}；${interpretation('一百二十八')}`,
              field: 'headAppeared',
            }
          : null,
        !head && p.staff.length === 0 && p.lawyers.length === 0
          ? {
              message: '被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托行政机关相应的工作人员出庭',
              citation: article('三', '三'),
              field: 'headAppeared',
            }
          : null,
        !head && p.staff.length > 0 && !h?.delegation
          ? {
              message: '负责人未出庭的，须先出具载明工作人员姓名、职务和代理权限的授权委托书，并提交情况说明',
              citation: `${interpretation('一百二十九')}、${interpretation('一百三十一')}`,
              field: 'staff',
            }
          : null,
        !head && h?.delegation && p.staff.some((s) => !named.has(s.name))
          ? { message: '出庭的工作人员须是授权委托书载明的人员', citation: interpretation('一百三十一'), field: 'staff' }
          : null,
      ];
    },
    apply: (l, p) => {
      const h = pendingHearing(l)!;
      const head = p.headAppeared && p.headName && p.headRank ? { name: p.headName, post: p.headPost ?? '', rank: p.headRank } : null;
      const held = { on: p.heldOn, head, staff: p.staff, lawyers: p.lawyers, record: p.record };
      return { ...l, hearings: l.hearings.map((x) => (x.seq === h.seq ? { ...x, held } : x)) };
    },
  }),

  'litigation.record-judgment': action({
    title: '登记判决或者裁定',
    roles: DEFENDANT,
    from: ['answering', 'in-court', 'appealed'],
    requires: (l) => (pendingHearing(l) ? { message: '已定的开庭尚未登记', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      type: z.enum(VERDICT_IDS).meta({ title: '裁判结果', labels: judgmentTypeLabels }),
      on: legalDate.meta({ title: '裁判日期' }),
      number: text(60).meta({ title: '裁判文书号' }),
      servedOn: legalDate.meta({ title: '送达日期' }),
      summary: text(5000).meta({ title: '裁判理由和主文', widget: 'textarea' }),
      variedFineFen: z.number().int().min(0).nullable().meta({ title: '变更后的罚款金额（元）', widget: 'yuan' }),
      redoBy: legalDate.nullable().meta({ title: '重新作出行政行为（履行）的期限' }),
    }),
    guard: (l, p, ctx) => {
      const second = statusOf(l) === 'appealed';
      return [
        atField('on', eventDate(p.on, l, ctx, '裁判日期')),
        p.servedOn < p.on ? { message: '送达日期不能早于裁判日期', citation: RECORD_CHECK, field: 'servedOn' } : null,
        p.servedOn > ctx.today ? { message: '送达日期不能晚于今天', citation: RECORD_CHECK, field: 'servedOn' } : null,
        statusOf(l) === 'answering' && verdictKind(p.type) === 'judgment'
          ? { message: '被告尚未答辩，不能登记判决', citation: article('六十七'), field: 'type' }
          : null,
        p.type === 'appeal-dismissed' && !second
          ? { message: '驳回上诉只在第二审中作出', citation: article('八十九'), field: 'type' }
          : null,
        p.type === 'suit-dismissed' && second ? { message: '第二审中不登记驳回起诉', citation: RECORD_CHECK, field: 'type' } : null,
        p.type === 'varied' && p.variedFineFen === null
          ? { message: '变更的，须写明变更后的罚款金额', citation: article('七十七'), field: 'variedFineFen' }
          : null,
        p.type !== 'varied' && (p.variedFineFen ?? 0) > 0
          ? { message: '只有变更判决写变更后的金额', citation: RECORD_CHECK, field: 'variedFineFen' }
          : null,
        (p.type === 'revoked-redo' || p.type === 'perform') && !p.redoBy
          ? { message: '判决重新作出或者履行的，须写明期限', citation: JUDGMENT_TYPES[p.type].citation, field: 'redoBy' }
          : null,
        l.judgments.some((j) => j.number === p.number) ? { message: '这份裁判文书已登记', citation: RECORD_CHECK, field: 'number' } : null,
      ];
    },
    derive: (l, p, ctx) => ({
      appealDue: appealDueOf(ctx.table, {
        instance: statusOf(l) === 'appealed' ? 'second' : 'first',
        kind: verdictKind(p.type),
        type: p.type,
        servedOn: p.servedOn,
      }),
    }),
    apply: (l, p, m) => {
      const j: Judgment = {
        seq: m.seq,
        instance: statusOf(l) === 'appealed' ? 'second' : 'first',
        kind: verdictKind(p.type),
        type: p.type,
        on: p.on,
        number: p.number,
        servedOn: p.servedOn,
        summary: p.summary,
        variedFineFen: p.type === 'varied' ? p.variedFineFen : null,
        redoBy: p.redoBy,
        appealDue: (m.derived as { appealDue: string | null }).appealDue,
      };
      // A second-instance judgment is final, and a ruling no one may appeal takes effect when served.
      return { ...l, judgments: [...l.judgments, j], effective: j.appealDue ? null : becomesEffective(j) };
    },
  }),

  'litigation.decide-appeal': action({
    title: '决定是否上诉',
    roles: HEAD,
    from: ['judged'],
    requires: (l) => (l.appealDecision ? { message: '已决定是否上诉', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      on: legalDate.meta({ title: '决定日期' }),
      appeal: z.boolean().meta({ title: '提起上诉' }),
      reason: text(2000).meta({ title: '理由（经集体讨论或者负责人审定）', widget: 'textarea' }),
    }),
    guard: (l, p, ctx) => {
      const j = lastJudgment(l);
      return [
        atField('on', eventDate(p.on, l, ctx, '决定日期')),
        j && p.on < j.servedOn ? { message: '不能早于裁判文书送达', citation: RECORD_CHECK, field: 'on' } : null,
        p.appeal && j?.appealDue && p.on > j.appealDue
          ? {
              message: `上诉期限（${j.appealDue}，${j.kind === 'judgment' ? '判决书送达之日起十五日' : '裁定书送达之日起十日'}）已过`,
              citation: article('八十五'),
              field: 'appeal',
            }
          : null,
      ];
    },
    apply: (l, p) => ({ ...l, appealDecision: { on: p.on, appeal: p.appeal, reason: p.reason } }),
  }),

  'litigation.record-effective': action({
    title: '上诉期满：登记裁判生效或者原告上诉',
    roles: DEFENDANT,
    from: ['judged'],
    requires: (l) =>
      l.appealDecision?.appeal
        ? { message: '本机关已上诉，等待第二审裁判', citation: RECORD_CHECK }
        : !l.appealDecision
          ? { message: '本机关尚未决定是否上诉', citation: RECORD_CHECK }
          : null,
    when: (l, ctx) => {
      const j = lastJudgment(l);
      return j?.appealDue && ctx.today <= j.appealDue
        ? { message: `上诉期限（${j.appealDue}）届满前，裁判尚未发生法律效力`, citation: article('八十五') }
        : null;
    },
    payload: z.strictObject({
      plaintiffAppealed: z.boolean().meta({ title: '原告在上诉期内提起上诉' }),
    }),
    derive: (l) => ({ on: lastJudgment(l)?.appealDue ?? null }),
    apply: (l, p) => {
      const j = lastJudgment(l);
      if (!j) return l;
      return p.plaintiffAppealed ? { ...l, plaintiffAppealedOn: j.appealDue } : { ...l, effective: becomesEffective(j) };
    },
  }),

  'litigation.record-performance': action({
    title: '登记履行生效裁判情况',
    roles: DEFENDANT,
    from: ['performing'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '履行日期' }),
      text: text(3000).meta({ title: '履行情况（如撤销或者重新作出行政行为、退还罚款）', widget: 'textarea' }),
    }),
    guard: (l, p, ctx) => [
      atField('on', eventDate(p.on, l, ctx, '履行日期')),
      l.effective && p.on < l.effective.on ? { message: '不能早于裁判生效', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    apply: (l, p) => ({ ...l, performance: { on: p.on, text: p.text } }),
  }),

  'litigation.record-suggestion': action({
    title: '登记司法建议',
    roles: DEFENDANT,
    from: ANY,
    requires: (l) => (l.suggestion ? { message: '已登记司法建议', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      receivedOn: legalDate.meta({ title: '收到日期' }),
      court: text(100).meta({ title: '提出建议的法院' }),
      number: text(60).meta({ title: '司法建议书编号' }),
      text: text(5000).meta({ title: '建议内容', widget: 'textarea' }),
    }),
    guard: (l, p, ctx) => [atField('receivedOn', eventDate(p.receivedOn, l, ctx, '收到日期'))],
    apply: (l, p) => ({ ...l, suggestion: { receivedOn: p.receivedOn, court: p.court, number: p.number, text: p.text, reply: null } }),
  }),

  'litigation.reply-suggestion': action({
    title: '回复司法建议',
    roles: HEAD,
    from: ANY,
    requires: (l) =>
      !l.suggestion
        ? { message: '没有司法建议', citation: RECORD_CHECK }
        : l.suggestion.reply
          ? { message: '已回复司法建议', citation: RECORD_CHECK }
          : null,
    payload: z.strictObject({
      on: legalDate.meta({ title: '回复日期' }),
      text: text(5000).meta({ title: '采纳和整改情况', widget: 'textarea' }),
    }),
    guard: (l, p, ctx) => [
      atField('on', eventDate(p.on, l, ctx, '回复日期')),
      l.suggestion && p.on < l.suggestion.receivedOn ? { message: '不能早于收到司法建议', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    issues: () => 'suggestion-reply',
    apply: (l, p, m) => ({
      ...l,
      suggestion: l.suggestion && { ...l.suggestion, reply: { on: p.on, number: m.number, text: p.text } },
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<LawsuitTypes, any>>;

export type LawsuitActionType = keyof typeof LAWSUIT_ACTIONS;

export const emptyBundle = (): AnswerBundle => ({ caseId: null, number: null, decidedOn: null, facts: null, basis: null, evidence: [] });

/** The steps a lawsuit expects next. */
function nextSteps(l: Lawsuit): LawsuitActionType[] {
  const h = pendingHearing(l);
  const hearingSteps = (): LawsuitActionType[] => (h ? ['litigation.record-hearing'] : []);
  switch (statusOf(l)) {
    case 'answering':
      return ['litigation.file-answer'];
    case 'in-court':
    case 'appealed':
      return h ? hearingSteps() : ['litigation.record-judgment'];
    case 'judged':
      return l.appealDecision ? ['litigation.record-effective'] : ['litigation.decide-appeal'];
    case 'performing':
      return ['litigation.record-performance'];
    case 'closed':
      return l.suggestion && !l.suggestion.reply ? ['litigation.reply-suggestion'] : [];
  }
}

export const LAWSUIT_PROCEDURE: Procedure<LawsuitTypes, LawsuitActionType> = {
  subjectType: 'lawsuit',
  recordName: '行政应诉案件',
  permissions: { read: 'litigation.read' },
  actions: LAWSUIT_ACTIONS,
  empty: (o) => emptyLawsuit(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  next: nextSteps,
};

export { OPEN as OPEN_STATUSES, INSTANCES };
