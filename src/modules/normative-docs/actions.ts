/**
 * The action table of a 行政规范性文件 (LAW.md §6): who may take each step, from which
 * statuses, with what payload, under which gates (each citing 国办发〔2018〕115号/37号, 行政处罚法
 * Art 16 and its siblings, or the local rules), which numbered document it issues and how it
 * changes the document. A step taken out of order is refused with the step it skipped and
 * the rule that requires it (`requires`), not merely "not in this status". Pure; the kit runs it.
 */
import { z } from 'zod';
import { legalDate, optionalText, requiredText as text } from '../../platform/http/schemas.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { DEADLINE_RULES } from '../../law/deadline-rules.js';
import { addDays, addMonths } from '../../calendar/legal-date.js';
import { RECORD_CHECK, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { BaseContext } from '../../procedure/served.js';
import { reviewingRefSchema, sameReferral } from '../../procedure/incidental-review.js';
import {
  BLOCKING_ITEMS,
  CHECKLIST,
  CHECK_ITEMS,
  CITE,
  CLEANUP_RESULTS,
  DEFAULT_EFFECT_DAYS,
  OPINIONS,
  VALIDITY_YEARS,
  isProvisionalTitle,
  type CheckItem,
  type CleanupResult,
  type OpinionKind,
} from './law.js';
import {
  STATUS_NAMES,
  currentRegistration,
  currentVersion,
  emptyDoc,
  lastReview,
  reviewPassed,
  statusOf,
  type DocStatus,
  type NormativeDoc,
  type Registration,
} from './state.js';

export type DocSeries = 'normative-review' | 'normative-registration' | 'normative-cleanup';

/** What the gates read besides the BaseContext: the acting reviewer, as the people register names him. */
export interface NormativeContext extends BaseContext {
  /** The actor's name and qualification (法律职业资格证书编号, or a registered legal-review training); null: no person */
  reviewer: { name: string; qualification: string | null } | null;
  /** For a 附带审查 the payload says a 复议 case referred: whether that case names the referral of this document */
  referralNamed: boolean;
}

export interface NormativeTypes {
  state: NormativeDoc;
  context: NormativeContext;
  status: DocStatus;
  series: DocSeries;
}

const action = <P>(spec: ActionSpec<NormativeTypes, P>) => spec;

/** The town's office drafts; the head (机关负责人) deliberates, signs, publishes and decides on validity and cleanup. */
const DRAFTER = ['officer', 'unit_head'] as const;
const HEAD = ['unit_head'] as const;
const REVIEWER = ['legal_reviewer'] as const;
/**
 * The 复议机构 (the reconsideration module's role) records the 附带审查 it refers from its case
 * and its ruling, through the kit's facet; the drafting body records one referred by a 复议机关
 * outside yifa by hand.
 */
const REVIEWING_BODY = ['county_reconsideration'] as const;
/** A document can be challenged as the basis of an act once it was published, in force or not since. */
const CHALLENGEABLE: DocStatus[] = ['published', 'lapsed', 'repealed', 'invalid'];

/** The statuses before the collective deliberation: a later step tried in them is refused with what it skipped. */
const BEFORE_DELIBERATION: DocStatus[] = ['drafting', 'consulting', 'to-review', 'reviewing', 'returned', 'reviewed'];

/**
 * A text kept exactly as entered (never trimmed): any script, any length up to 200,000
 * characters (a request body holds at most 1 MiB).
 */
export const documentText = z
  .string()
  .max(200_000, '正文不能超过 200000 个字')
  .refine((s) => s.trim().length > 0, { message: '正文不能为空' });

const dated = (title: string) => legalDate.meta({ title });

/** A recorded date may not lie in the future or before the draft. */
function eventDate(date: string, d: NormativeDoc, ctx: BaseContext, what: string, field = 'on'): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field };
  if (d.draftedOn && date < d.draftedOn)
    return { message: `${what}（${date}）不能早于起草日期（${d.draftedOn}）`, citation: RECORD_CHECK, field };
  return null;
}

/** The validity a document may have: 3 or 5 years, or 1 or 2 for 暂行/试行. */
function validityGate(provisional: boolean, years: number): Refusal | null {
  const allowed: readonly number[] = VALIDITY_YEARS[provisional ? 'provisional' : 'regular'];
  return allowed.includes(years)
    ? null
    : {
        message: `${provisional ? '暂行、试行的规范性文件有效期为 1 年或 2 年' : '规范性文件有效期为 3 年或 5 年'}，不能为 ${years} 年`,
        citation: CITE.local,
        field: 'validityYears',
      };
}

// ——— what each later step needs, with its source ———

const needsScope = (d: NormativeDoc): Refusal | null =>
  !d.scope ? { message: '尚未作出是否属于行政规范性文件的判断（应审必审，内部文件除外）', citation: CITE.scope } : null;

const needsComment = (d: NormativeDoc): Refusal | null =>
  !d.comment?.closed ? { message: '尚未完成公开征求意见（须记录征求意见期限、意见及采纳情况）', citation: CITE.making } : null;

const needsFairCompetition = (d: NormativeDoc): Refusal | null =>
  d.marketActivity && !d.fairCompetition?.passed
    ? {
        message: d.fairCompetition ? '公平竞争审查未通过，修改后重新审查' : '涉及经营者经济活动的，须先进行公平竞争审查',
        citation: CITE.fairCompetition,
      }
    : null;

const needsReview = (d: NormativeDoc): Refusal | null => {
  if (!lastReview(d)) return { message: '未经合法性审核的，不得提交集体讨论或者发布', citation: CITE.review };
  if (!lastReview(d)!.opinion) return { message: '合法性审核尚未出具意见', citation: CITE.review };
  if (!reviewPassed(d)) return { message: '合法性审核意见为不同意，修改后须重新提请审核，不得提交集体讨论或者发布', citation: CITE.review };
  if (statusOf(d) === 'to-review') return { message: '审核后正文已修改，须就修改后的文本重新提请合法性审核', citation: CITE.review };
  const r = lastReview(d)!;
  if (r.opinion!.opinion === 'agree-with-changes' && r.version === currentVersion(d).seq)
    return { message: `审核意见为修改后同意，须按审核意见修改（${r.opinion!.clauses}）后再提交集体讨论`, citation: CITE.review };
  return null;
};

const needsDeliberation = (d: NormativeDoc): Refusal | null =>
  needsReview(d) ??
  (!d.deliberation
    ? { message: '未经集体讨论决定的，不得签发、发布', citation: CITE.making }
    : !d.deliberation.adopted
      ? { message: '集体讨论未通过', citation: CITE.making }
      : null);

const needsSignature = (d: NormativeDoc): Refusal | null =>
  needsDeliberation(d) ?? (!d.signed ? { message: '尚未由机关负责人签发，不得登记发布', citation: CITE.making } : null);

/** The 6 months before the current registration's expiry, to its last day: when the evaluation and renewal may be made. */
export const evaluationFrom = (r: Registration) => addMonths(r.expiresOn, -DEADLINE_RULES['normative.evaluation'].count);

// ——— the review checklist ———

const checklist = z
  .strictObject(
    Object.fromEntries(
      CHECK_ITEMS.map((k) => [
        k,
        z
          .strictObject({
            yes: z.boolean().meta({ title: '是', default: false }),
            note: text(1000).meta({ title: '审查意见', default: '经审查，未发现此类问题' }),
          })
          .meta({ title: CHECKLIST[k].title }),
      ]),
    ) as Record<CheckItem, z.ZodObject<{ yes: z.ZodBoolean; note: z.ZodString }>>,
  )
  .meta({ title: '审核要点', widget: 'checklist' });

/** A "yes" to creating a penalty, licence, compulsory measure or fee blocks the document, each with its article. */
function blockingGate(p: { opinion: OpinionKind; checklist: Record<CheckItem, { yes: boolean }> }): Refusal[] {
  if (p.opinion === 'disagree') return [];
  return BLOCKING_ITEMS.filter((k) => p.checklist[k].yes).map((k) => ({
    message: `审核要点“${CHECKLIST[k].title}”为“是”：规范性文件不得设定，只能出具“不同意”意见`,
    citation: CHECKLIST[k].citation,
    field: `checklist.${k}`,
  }));
}

/** The new registration a publication or renewal makes: effective from the day given, for the document's validity (`normative.validity`). */
function registration(
  d: NormativeDoc,
  table: BaseContext['table'],
  on: string,
  effectiveOn: string,
  number: string | null,
  evaluation: string | null,
): Registration {
  const end = deadlineDue(table, { rule: 'normative.validity', from: effectiveOn, overrides: { 'normative.validity': d.validityYears } });
  // Valid through the day before the same date N years on.
  return { number: number ?? '', on, effectiveOn, expiresOn: addDays(end, -1), renewal: evaluation !== null, evaluation };
}

export const draftSchema = z.strictObject({
  title: text(200).meta({ title: '文件名称' }),
  drafter: text(100).meta({ title: '起草单位' }),
  draftedOn: dated('起草日期'),
  explanation: text(20_000).meta({ title: '起草说明（制定目的、依据、主要内容）', widget: 'textarea' }),
  legalBasis: text(5000).meta({ title: '制定依据（法律、法规、规章及上级文件）', widget: 'textarea' }),
  marketActivity: z.boolean().meta({ title: '涉及经营者经济活动（须公平竞争审查）', default: false }),
  provisional: z.boolean().meta({ title: '暂行、试行', default: false }),
  validityYears: z.number().int().min(1).max(5).meta({ title: '有效期（年）', default: 5 }),
  text: documentText.meta({ title: '文件正文（按“第X条”分条）', widget: 'textarea' }),
});

export const NORMATIVE_ACTIONS = {
  'normative.draft': action({
    title: '起草规范性文件',
    roles: DRAFTER,
    from: 'opens',
    payload: draftSchema,
    guard: (_d, p, ctx) => [
      p.draftedOn > ctx.today
        ? { message: `起草日期（${p.draftedOn}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field: 'draftedOn' }
        : null,
      isProvisionalTitle(p.title) && !p.provisional
        ? { message: '文件名称含“暂行”或“试行”，应标明为暂行、试行文件（有效期较短）', citation: CITE.local, field: 'provisional' }
        : null,
      validityGate(p.provisional, p.validityYears),
    ],
    apply: (d, p, m) => ({
      ...d,
      title: p.title,
      drafter: p.drafter,
      draftedOn: p.draftedOn,
      explanation: p.explanation,
      legalBasis: p.legalBasis,
      marketActivity: p.marketActivity,
      provisional: p.provisional,
      validityYears: p.validityYears,
      versions: [{ seq: 1, on: m.today, text: p.text, note: '初稿' }],
    }),
  }),

  'normative.scope': action({
    title: '认定是否属于规范性文件',
    roles: DRAFTER,
    from: ['drafting'],
    requires: (d) => (d.scope ? { message: '已经作出认定', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      on: dated('认定日期'),
      inScope: z.boolean().meta({ title: '涉及公民、法人和其他组织权利义务，具有普遍约束力（属于规范性文件）', default: true }),
      reason: text(2000).meta({ title: '认定理由', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [eventDate(p.on, d, ctx, '认定日期')],
    apply: (d, p) => ({ ...d, scope: { on: p.on, inScope: p.inScope, reason: p.reason } }),
  }),

  'normative.amend': action({
    title: '修改文件正文（形成新版本）',
    roles: DRAFTER,
    from: ['drafting', 'consulting', 'to-review', 'returned', 'reviewed'],
    payload: z.strictObject({
      text: documentText.meta({ title: '修改后的正文', widget: 'textarea' }),
      note: text(2000).meta({ title: '修改说明', widget: 'textarea' }),
    }),
    guard: (d, p) => [p.text === currentVersion(d).text ? { message: '正文与当前版本相同', citation: RECORD_CHECK, field: 'text' } : null],
    apply: (d, p, m) => ({ ...d, versions: [...d.versions, { seq: d.versions.length + 1, on: m.today, text: p.text, note: p.note }] }),
  }),

  'normative.open-comment': action({
    title: '公开征求意见',
    roles: DRAFTER,
    from: ['drafting'],
    requires: (d) => needsScope(d) ?? (d.comment ? { message: '已经公开征求意见', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      openedOn: dated('征求意见开始日期'),
      until: dated('征求意见截止日期'),
      channel: text(300).meta({ title: '征求意见方式（公告载体、反馈渠道）' }),
    }),
    guard: (d, p, ctx) => [
      eventDate(p.openedOn, d, ctx, '征求意见开始日期', 'openedOn'),
      p.until <= p.openedOn ? { message: '征求意见截止日期须晚于开始日期', citation: RECORD_CHECK, field: 'until' } : null,
    ],
    apply: (d, p) => ({ ...d, comment: { openedOn: p.openedOn, until: p.until, channel: p.channel, closed: null } }),
  }),

  'normative.add-comment': action({
    title: '登记意见及采纳情况',
    roles: DRAFTER,
    from: ['consulting'],
    payload: z.strictObject({
      on: dated('收到意见日期'),
      from: text(100).meta({ title: '意见提出人' }),
      text: text(5000).meta({ title: '意见内容', widget: 'textarea' }),
      adopted: z.boolean().meta({ title: '采纳', default: false }),
      response: text(2000).meta({ title: '采纳情况及理由', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '收到意见日期'),
      d.comment && p.on < d.comment.openedOn
        ? { message: '收到意见日期不能早于征求意见开始日期', citation: RECORD_CHECK, field: 'on' }
        : null,
    ],
    apply: (d, p) => ({
      ...d,
      comments: [
        ...d.comments,
        { seq: d.comments.length + 1, on: p.on, from: p.from, text: p.text, adopted: p.adopted, response: p.response },
      ],
    }),
  }),

  'normative.close-comment': action({
    title: '结束征求意见',
    roles: DRAFTER,
    from: ['consulting'],
    // The period announced is the public's: it is not cut short.
    when: (d, ctx) =>
      d.comment && ctx.today <= d.comment.until
        ? { message: `征求意见期限至 ${d.comment.until} 届满，期满后方可结束`, citation: CITE.making }
        : null,
    payload: z.strictObject({
      on: dated('结束日期'),
      summary: text(5000).meta({ title: '征求意见情况说明（意见数量、采纳情况）', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '结束日期'),
      d.comment && p.on <= d.comment.until
        ? { message: `结束日期须在征求意见期限（${d.comment.until}）届满之后`, citation: CITE.making, field: 'on' }
        : null,
    ],
    apply: (d, p) => ({ ...d, comment: d.comment && { ...d.comment, closed: { on: p.on, summary: p.summary } } }),
  }),

  'normative.fair-competition': action({
    title: '公平竞争审查',
    roles: DRAFTER,
    from: ['drafting', 'consulting', 'to-review', 'returned'],
    requires: (d) =>
      !d.marketActivity
        ? { message: '文件不涉及经营者经济活动，无需公平竞争审查', citation: CITE.fairCompetition }
        : d.fairCompetition?.passed
          ? { message: '公平竞争审查已经通过', citation: RECORD_CHECK }
          : null,
    payload: z.strictObject({
      on: dated('审查日期'),
      passed: z.boolean().meta({ title: '通过（未含排除、限制竞争的内容）', default: true }),
      note: text(3000).meta({ title: '审查结论', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [eventDate(p.on, d, ctx, '审查日期')],
    apply: (d, p) => ({ ...d, fairCompetition: { on: p.on, passed: p.passed, note: p.note } }),
  }),

  'normative.submit-review': action({
    title: '提请合法性审核',
    roles: DRAFTER,
    from: ['drafting', 'consulting', 'to-review', 'returned'],
    requires: (d) => {
      const missing = needsScope(d) ?? needsComment(d) ?? needsFairCompetition(d);
      if (missing) return missing;
      const r = lastReview(d);
      return r?.opinion?.opinion === 'disagree' && r.version === currentVersion(d).seq
        ? { message: '审核意见为不同意，须先按审核意见修改正文再重新提请审核', citation: CITE.review }
        : null;
    },
    payload: z.strictObject({
      on: dated('送审日期'),
      materials: text(2000).meta({ title: '送审材料（送审稿、起草说明、制定依据、征求意见及采纳情况等）', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [eventDate(p.on, d, ctx, '送审日期')],
    apply: (d, p) => ({ ...d, reviews: [...d.reviews, { submittedOn: p.on, version: currentVersion(d).seq, opinion: null }] }),
  }),

  'normative.review-opinion': action({
    title: '出具合法性审核意见',
    roles: REVIEWER,
    from: ['reviewing'],
    payload: z.strictObject({
      on: dated('审核日期'),
      checklist,
      opinion: z.enum(Object.keys(OPINIONS) as [OpinionKind, ...OpinionKind[]]).meta({ title: '审核意见', labels: OPINIONS }),
      reasons: text(10_000).meta({ title: '理由', widget: 'textarea' }),
      clauses: optionalText(500).meta({ title: '涉及条款（如：第三条、第五条）' }),
    }),
    guard: (d, p, ctx) => [
      !ctx.reviewer?.qualification
        ? {
            message: '出具合法性审核意见的人员应当具备法律职业资格或者经登记的法制审核培训，您的人员信息中均没有',
            citation: CITE.review,
          }
        : null,
      eventDate(p.on, d, ctx, '审核日期'),
      p.on < lastReview(d)!.submittedOn ? { message: '审核日期不能早于送审日期', citation: RECORD_CHECK, field: 'on' } : null,
      p.opinion !== 'agree' && !p.clauses
        ? { message: '修改后同意或者不同意的，须写明涉及的条款', citation: CITE.review, field: 'clauses' }
        : null,
      ...blockingGate(p),
    ],
    issues: () => 'normative-review',
    derive: (_d, _p, ctx) => ({ name: ctx.reviewer?.name ?? '', qualification: ctx.reviewer?.qualification ?? '' }),
    apply: (d, p, m) => {
      const who = m.derived as { name: string; qualification: string };
      const r = lastReview(d)!;
      const opinion = {
        on: p.on,
        reviewerPersonId: m.actorPersonId ?? '',
        reviewerName: who.name,
        qualification: who.qualification,
        opinion: p.opinion,
        checklist: p.checklist,
        reasons: p.reasons,
        clauses: p.clauses ?? '',
        number: m.number,
      };
      return { ...d, reviews: [...d.reviews.slice(0, -1), { ...r, opinion }] };
    },
  }),

  'normative.deliberate': action({
    title: '集体讨论',
    roles: HEAD,
    from: BEFORE_DELIBERATION,
    requires: needsReview,
    payload: z.strictObject({
      on: dated('会议日期'),
      meeting: text(200).meta({ title: '会议名称（如：镇党委会、镇长办公会议）' }),
      present: text(1000).meta({ title: '出席人员' }),
      minutes: text(20_000).meta({ title: '讨论情况（纪要）', widget: 'textarea' }),
      adopted: z.boolean().meta({ title: '讨论通过', default: true }),
    }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '会议日期'),
      p.on < lastReview(d)!.opinion!.on ? { message: '集体讨论不能早于合法性审核意见', citation: CITE.review, field: 'on' } : null,
    ],
    apply: (d, p) => ({
      ...d,
      deliberation: {
        on: p.on,
        meeting: p.meeting,
        present: p.present,
        minutes: p.minutes,
        adopted: p.adopted,
        version: currentVersion(d).seq,
      },
    }),
  }),

  'normative.sign': action({
    title: '签发',
    roles: HEAD,
    from: [...BEFORE_DELIBERATION, 'adopted'],
    requires: needsDeliberation,
    payload: z.strictObject({ on: dated('签发日期'), by: text(50).meta({ title: '签发人' }) }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '签发日期'),
      d.deliberation && p.on < d.deliberation.on ? { message: '签发日期不能早于集体讨论日期', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    apply: (d, p) => ({ ...d, signed: { on: p.on, by: p.by } }),
  }),

  'normative.publish': action({
    title: '统一登记、编号、发布',
    roles: HEAD,
    from: [...BEFORE_DELIBERATION, 'adopted', 'signed'],
    requires: needsSignature,
    payload: z.strictObject({
      on: dated('发布日期'),
      effectiveOn: legalDate.nullable().meta({ title: '施行日期（不填：发布之日起 30 日后施行）' }),
      immediateReason: optionalText(1000).meta({ title: '不满 30 日施行的理由' }),
    }),
    guard: (d, p, ctx) => {
      const effective = p.effectiveOn ?? addDays(p.on, DEFAULT_EFFECT_DAYS);
      return [
        eventDate(p.on, d, ctx, '发布日期'),
        d.signed && p.on < d.signed.on ? { message: '发布日期不能早于签发日期', citation: RECORD_CHECK, field: 'on' } : null,
        effective < p.on ? { message: '施行日期不能早于发布日期', citation: RECORD_CHECK, field: 'effectiveOn' } : null,
        effective < addDays(p.on, DEFAULT_EFFECT_DAYS) && !p.immediateReason
          ? { message: '规范性文件一般自发布之日起 30 日后施行，提前施行的须写明理由', citation: CITE.making, field: 'immediateReason' }
          : null,
      ];
    },
    issues: () => 'normative-registration',
    derive: (d, p, ctx) => registration(d, ctx.table, p.on, p.effectiveOn ?? addDays(p.on, DEFAULT_EFFECT_DAYS), null, null),
    apply: (d, _p, m) => ({ ...d, registrations: [{ ...(m.derived as Registration), number: m.number ?? '' }] }),
  }),

  'normative.file': action({
    title: '报送备案',
    roles: HEAD,
    from: ['published'],
    requires: (d) => (d.filing ? { message: '已经报送备案', citation: RECORD_CHECK } : null),
    payload: z.strictObject({
      on: dated('报送日期'),
      to: text(100).meta({ title: '备案机关（上一级）' }),
      note: text(2000).meta({ title: '报送材料（备案报告、文件正式文本、起草说明、合法性审核意见等）', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '报送日期'),
      p.on < d.registrations[0]!.on ? { message: '报送日期不能早于发布日期', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    apply: (d, p) => ({ ...d, filing: { on: p.on, to: p.to, note: p.note } }),
  }),

  'normative.renew': action({
    title: '评估后延续（重新登记、编号）',
    roles: HEAD,
    from: ['published'],
    when: (d, ctx) => {
      const r = currentRegistration(d)!;
      if (ctx.today < evaluationFrom(r))
        return {
          message: `有效期至 ${r.expiresOn}，届满前 ${DEADLINE_RULES['normative.evaluation'].count} 个月（${evaluationFrom(r)} 起）方可评估延续`,
          citation: CITE.local,
        };
      return ctx.today > r.expiresOn ? { message: `有效期已于 ${r.expiresOn} 届满，文件已失效，不能延续`, citation: CITE.local } : null;
    },
    payload: z.strictObject({
      on: dated('评估日期'),
      evaluation: text(10_000).meta({ title: '评估报告（实施情况、继续施行的必要性）', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [eventDate(p.on, d, ctx, '评估日期')],
    issues: () => 'normative-registration',
    derive: (d, p, ctx) => {
      const r = currentRegistration(d)!;
      return registration(d, ctx.table, p.on, addDays(r.expiresOn, 1), null, p.evaluation);
    },
    apply: (d, _p, m) => ({ ...d, registrations: [...d.registrations, { ...(m.derived as Registration), number: m.number ?? '' }] }),
  }),

  'normative.lapse': action({
    title: '有效期届满失效',
    roles: HEAD,
    from: ['published'],
    when: (d, ctx) => {
      const r = currentRegistration(d)!;
      return ctx.today <= r.expiresOn ? { message: `有效期至 ${r.expiresOn}，届满后方失效`, citation: CITE.local } : null;
    },
    payload: z.strictObject({ on: dated('失效日期'), reason: text(2000).meta({ title: '说明（未经评估延续）' }) }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '失效日期'),
      p.on <= currentRegistration(d)!.expiresOn ? { message: '失效日期须在有效期届满之后', citation: CITE.local, field: 'on' } : null,
    ],
    apply: (d, p) => ({ ...d, lapsed: { on: p.on, reason: p.reason } }),
  }),

  'normative.cleanup': action({
    title: '清理',
    roles: HEAD,
    from: ['published'],
    payload: z.strictObject({
      on: dated('清理日期'),
      result: z
        .enum(Object.keys(CLEANUP_RESULTS) as [CleanupResult, ...CleanupResult[]])
        .meta({ title: '清理结果', labels: CLEANUP_RESULTS }),
      reason: text(3000).meta({ title: '理由', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [eventDate(p.on, d, ctx, '清理日期')],
    // A repeal or a declaration of invalidity is announced in a numbered 清理结果公告.
    issues: (_d, p) => (p.result === 'repeal' || p.result === 'invalid' ? 'normative-cleanup' : null),
    apply: (d, p, m) => ({ ...d, cleanups: [...d.cleanups, { on: p.on, result: p.result, reason: p.reason, number: m.number }] }),
  }),
  'normative.receive-challenge': action({
    title: '登记附带审查（行政复议机关转送）',
    roles: [...DRAFTER, ...REVIEWING_BODY],
    from: CHALLENGEABLE,
    payload: z.strictObject({
      on: dated('收到转送之日'),
      by: text(100).meta({ title: '行政复议机关' }),
      caseNumber: optionalText(60).meta({ title: '行政复议案号' }),
      clauses: text(500).meta({ title: '申请审查的条款' }),
      points: text(5000).meta({ title: '申请人的审查请求和理由', widget: 'textarea' }),
      reviewing: reviewingRefSchema.nullable().default(null),
    }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '收到转送之日'),
      p.reviewing && !ctx.referralNamed
        ? { message: `${p.reviewing.recordName}没有转送本文件附带审查，不能登记`, citation: CITE.incidental }
        : null,
      p.reviewing && d.challenges.some((c) => sameReferral(c.reviewing, p.reviewing))
        ? { message: '该行政复议案件的转送已经登记', citation: RECORD_CHECK }
        : null,
    ],
    apply: (d, p, m) => ({
      ...d,
      challenges: [
        ...d.challenges,
        {
          seq: m.seq,
          receivedOn: p.on,
          by: p.by,
          caseNumber: p.caseNumber,
          reviewing: p.reviewing,
          clauses: p.clauses,
          points: p.points,
          answer: null,
          ruling: null,
        },
      ],
    }),
  }),

  'normative.answer-challenge': action({
    title: '附带审查书面答复',
    roles: DRAFTER,
    from: CHALLENGEABLE,
    requires: (d) => (d.challenges.some((c) => !c.answer) ? null : { message: '没有待答复的附带审查', citation: CITE.incidentalAnswer }),
    payload: z.strictObject({
      challenge: z.number().int().min(1).meta({ title: '答复的附带审查', widget: 'challenge' }),
      on: dated('答复日期'),
      text: text(10_000).meta({ title: '书面答复（相关条款的合法性及理由，附制定依据）', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => {
      const c = d.challenges.find((x) => x.seq === p.challenge);
      return [
        !c ? { message: '没有这项附带审查', citation: RECORD_CHECK, field: 'challenge' } : null,
        c?.answer ? { message: `已于 ${c.answer.on} 答复`, citation: RECORD_CHECK, field: 'challenge' } : null,
        eventDate(p.on, d, ctx, '答复日期'),
        c && p.on < c.receivedOn
          ? { message: `答复日期不能早于收到转送之日（${c.receivedOn}）`, citation: RECORD_CHECK, field: 'on' }
          : null,
      ];
    },
    derive: (d, p, ctx) => {
      const c = d.challenges.find((x) => x.seq === p.challenge)!;
      return { due: deadlineDue(ctx.table, { rule: 'reconsideration.incidental-answer', from: c.receivedOn }) };
    },
    apply: (d, p, m) => {
      const due = (m.derived as { due: string }).due;
      return {
        ...d,
        challenges: d.challenges.map((c) => (c.seq === p.challenge ? { ...c, answer: { on: p.on, text: p.text, late: p.on > due } } : c)),
      };
    },
  }),

  'normative.record-ruling': action({
    title: '登记附带审查处理结果',
    roles: [...DRAFTER, ...REVIEWING_BODY],
    from: CHALLENGEABLE,
    requires: (d) => (d.challenges.some((c) => !c.ruling) ? null : { message: '没有待处理的附带审查', citation: CITE.incidentalRuling }),
    payload: z.strictObject({
      challenge: z.number().int().min(1).meta({ title: '附带审查', widget: 'challenge' }),
      on: dated('处理日期'),
      lawful: z.boolean().meta({ title: '相关条款合法（否：决定停止执行并责令制定机关纠正）' }),
      reason: text(5000).meta({ title: '处理理由', widget: 'textarea' }),
      reviewing: reviewingRefSchema.nullable().default(null),
    }),
    guard: (d, p, ctx) => {
      const c = d.challenges.find((x) => x.seq === p.challenge);
      // A ruling from a 复议 case in yifa is recorded by that case (the facet); one outside yifa by hand.
      const wrongSource = c && (c.reviewing ? !sameReferral(c.reviewing, p.reviewing) || !ctx.referralNamed : !!p.reviewing);
      return [
        !c ? { message: '没有这项附带审查', citation: RECORD_CHECK, field: 'challenge' } : null,
        c?.ruling ? { message: `已于 ${c.ruling.on} 登记处理结果`, citation: RECORD_CHECK, field: 'challenge' } : null,
        wrongSource
          ? {
              message: `该项附带审查由${c!.reviewing?.recordName ?? '本系统以外的行政复议机关'}处理，其结果只能由该案件登记`,
              citation: CITE.incidentalRuling,
            }
          : null,
        eventDate(p.on, d, ctx, '处理日期'),
        c && p.on < c.receivedOn
          ? { message: `处理日期不能早于收到转送之日（${c.receivedOn}）`, citation: RECORD_CHECK, field: 'on' }
          : null,
      ];
    },
    apply: (d, p) => ({
      ...d,
      challenges: d.challenges.map((c) => (c.seq === p.challenge ? { ...c, ruling: { on: p.on, lawful: p.lawful, reason: p.reason } } : c)),
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<NormativeTypes, any>>;

export type NormativeAction = keyof typeof NORMATIVE_ACTIONS;

/** What each status expects next. */
const NEXT: Record<DocStatus, readonly NormativeAction[]> = {
  drafting: ['normative.scope', 'normative.open-comment'],
  internal: [],
  consulting: ['normative.add-comment', 'normative.close-comment'],
  'to-review': ['normative.fair-competition', 'normative.submit-review'],
  reviewing: ['normative.review-opinion'],
  returned: ['normative.amend', 'normative.submit-review'],
  reviewed: ['normative.deliberate'],
  rejected: [],
  adopted: ['normative.sign'],
  signed: ['normative.publish'],
  published: [],
  lapsed: [],
  repealed: [],
  invalid: [],
};

export const NORMATIVE_PROCEDURE: Procedure<NormativeTypes, NormativeAction> = {
  subjectType: 'normative-document',
  recordName: '规范性文件',
  permissions: { read: 'normative.read' },
  actions: NORMATIVE_ACTIONS,
  empty: (o) => emptyDoc(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  next: (d) => {
    // A 附带审查 waits for the drafting body's answer whatever the document's status (Art 58).
    if (d.challenges.some((c) => !c.answer)) return ['normative.answer-challenge'];
    const s = statusOf(d);
    if (s === 'to-review' && !d.marketActivity) return ['normative.submit-review'];
    // Renewal and lapse wait for their day (offered then, listed by the evaluation queue), not on anyone's 待我办理 for years.
    if (s === 'published') return d.filing ? [] : ['normative.file'];
    return NEXT[s];
  },
  // Each registration (the first publication, each renewal) is an entry of the 政府信息公开目录 (法规文件).
  catalog: (d) =>
    d.registrations.map((r) => ({
      key: r.number,
      category: 'regulations' as const,
      title: `${d.title}（${r.number}）`,
      publishedOn: r.on,
      link: `/portal/normative-documents/${d.id}`,
    })),
};
