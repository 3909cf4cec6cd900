/**
 * A legal review (合法性审查) the legal adviser gives outside the normative documents: a
 * 重大行政决策 (重大行政决策程序暂行条例: public participation, expert input and risk assessment
 * before the review; the review given at least 7 working days; then the collective decision)
 * or a contract the town signs. State, table and its service by the kit, in one file: the
 * procedure is small.
 */
import { z } from 'zod';
import { legalDate, optionalText, requiredText as text } from '../../platform/http/schemas.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { addDays } from '../../calendar/legal-date.js';
import { RECORD_CHECK, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { ServedProcedure } from '../../procedure/served.js';
import type { DocumentContent } from '../../procedure/documents/content.js';
import { deadlineList } from '../../procedure/deadlines.js';
import { procedureEntry } from '../../procedure/service.js';
import { OPINIONS, type OpinionKind } from './law.js';
import {
  REVIEW_KINDS,
  REVIEW_POINTS,
  REVIEW_STATUS_NAMES,
  reviewClosedOn,
  reviewStatus,
  type LegalReview,
  type Point,
  type ReviewKind,
  type ReviewStatus,
} from './legal-review-state.js';

import type { NormativeContext } from './actions.js';
import { qualificationOf } from './qualifications.js';

const DECREE = '《重大行政决策程序暂行条例》';
const art = (n: string) => `${DECREE}第${n}条`;
const CONTRACT_CITE = '政府合同合法性审查规定（地方规定）';

export interface ReviewTypes {
  state: LegalReview;
  context: NormativeContext;
  status: ReviewStatus;
  series: 'legal-review-opinion';
}

const action = <P>(spec: ActionSpec<ReviewTypes, P>) => spec;
const dated = (title: string) => legalDate.meta({ title });
const SUBMITTER = ['officer', 'unit_head'] as const;

function eventDate(date: string, r: LegalReview, today: string, what: string, field = 'on'): Refusal | null {
  if (date > today) return { message: `${what}（${date}）不能晚于今天（${today}）`, citation: RECORD_CHECK, field };
  if (date < r.openedOn) return { message: `${what}（${date}）不能早于登记日期（${r.openedOn}）`, citation: RECORD_CHECK, field };
  return null;
}

const majorOnly = (r: LegalReview): Refusal | null =>
  r.kind !== 'major-decision' ? { message: '合同审查无需此步骤', citation: RECORD_CHECK } : null;

/** What a major decision needs before its legality review (Arts 14–25), each with its article. */
function preparation(r: LegalReview): Refusal | null {
  if (r.kind !== 'major-decision') return null;
  if (!r.participation) return { message: '重大行政决策提交合法性审查前须公开征求意见（公众参与）', citation: art('十四') };
  if (!r.experts) return { message: '重大行政决策提交合法性审查前须组织专家论证', citation: art('十九') };
  if (!r.risk) return { message: '重大行政决策提交合法性审查前须进行风险评估', citation: art('二十二') };
  return null;
}

/** The 7th working day after submission: the review may be given no less time (Art 26). */
export const minimumDue = (r: { submission: { on: string } | null }, table: NormativeContext['table']) =>
  r.submission ? deadlineDue(table, { rule: 'major-decision.legality-review', from: r.submission.on }) : null;

const points = z
  .strictObject(
    Object.fromEntries(
      (Object.keys(REVIEW_POINTS) as Point[]).map((k) => [
        k,
        z
          .strictObject({
            ok: z.boolean().meta({ title: '符合规定', default: true }),
            note: text(1000).meta({ title: '审查意见', default: '经审查符合规定' }),
          })
          .meta({ title: REVIEW_POINTS[k] }),
      ]),
    ) as Record<Point, z.ZodObject<{ ok: z.ZodBoolean; note: z.ZodString }>>,
  )
  .meta({ title: '审查要点', widget: 'checklist' });

export const REVIEW_ACTIONS = {
  'legal-review.open': action({
    title: '登记审查事项',
    roles: SUBMITTER,
    from: 'opens',
    payload: z.strictObject({
      kind: z.enum(Object.keys(REVIEW_KINDS) as [ReviewKind, ...ReviewKind[]]).meta({ title: '审查类别', labels: REVIEW_KINDS }),
      title: text(200).meta({ title: '事项名称（决策事项或合同名称）' }),
      department: text(100).meta({ title: '承办单位' }),
      openedOn: dated('登记日期'),
      summary: text(10_000).meta({ title: '事项简介（决策方案要点或合同主要条款）', widget: 'textarea' }),
    }),
    guard: (_r, p, ctx) => [
      p.openedOn > ctx.today
        ? { message: `登记日期（${p.openedOn}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field: 'openedOn' }
        : null,
    ],
    apply: (r, p) => ({ ...r, kind: p.kind, title: p.title, department: p.department, openedOn: p.openedOn, summary: p.summary }),
  }),

  'legal-review.participation': action({
    title: '记录公众参与（公开征求意见）',
    roles: SUBMITTER,
    from: ['preparing'],
    requires: majorOnly,
    payload: z.strictObject({
      from: dated('征求意见开始日期'),
      until: dated('征求意见截止日期'),
      summary: text(5000).meta({ title: '意见及采纳情况', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [
      eventDate(p.from, r, ctx.today, '征求意见开始日期', 'from'),
      p.until > ctx.today ? { message: '征求意见尚未结束', citation: RECORD_CHECK, field: 'until' } : null,
      p.until < addDays(p.from, 30) ? { message: '公开征求意见期限一般不少于 30 日', citation: art('十五'), field: 'until' } : null,
    ],
    apply: (r, p) => ({ ...r, participation: { from: p.from, until: p.until, summary: p.summary } }),
  }),

  'legal-review.experts': action({
    title: '记录专家论证',
    roles: SUBMITTER,
    from: ['preparing'],
    requires: majorOnly,
    payload: z.strictObject({
      on: dated('论证日期'),
      experts: text(500).meta({ title: '参加论证的专家' }),
      summary: text(5000).meta({ title: '论证意见', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [eventDate(p.on, r, ctx.today, '论证日期')],
    apply: (r, p) => ({ ...r, experts: { on: p.on, experts: p.experts, summary: p.summary } }),
  }),

  'legal-review.risk': action({
    title: '记录风险评估',
    roles: SUBMITTER,
    from: ['preparing'],
    requires: majorOnly,
    payload: z.strictObject({
      on: dated('评估日期'),
      level: z.enum(['low', 'medium', 'high']).meta({ title: '风险等级', labels: { low: '低', medium: '中', high: '高' } }),
      summary: text(5000).meta({ title: '评估结论及防范措施', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [eventDate(p.on, r, ctx.today, '评估日期')],
    apply: (r, p) => ({ ...r, risk: { on: p.on, level: p.level, summary: p.summary } }),
  }),

  'legal-review.submit': action({
    title: '提请合法性审查',
    roles: SUBMITTER,
    from: ['preparing'],
    requires: preparation,
    payload: z.strictObject({
      on: dated('送审日期'),
      materials: text(3000).meta({ title: '送审材料', widget: 'textarea' }),
      dueOn: dated('要求完成审查日期'),
    }),
    guard: (r, p, ctx) => {
      const least = deadlineDue(ctx.table, { rule: 'major-decision.legality-review', from: p.on });
      return [
        eventDate(p.on, r, ctx.today, '送审日期'),
        p.dueOn < p.on ? { message: '要求完成日期不能早于送审日期', citation: RECORD_CHECK, field: 'dueOn' } : null,
        r.kind === 'major-decision' && p.dueOn < least
          ? { message: `合法性审查时间一般不少于 7 个工作日，要求完成日期不能早于 ${least}`, citation: art('二十六'), field: 'dueOn' }
          : null,
      ];
    },
    apply: (r, p) => ({ ...r, submission: { on: p.on, materials: p.materials, dueOn: p.dueOn } }),
  }),

  'legal-review.opinion': action({
    title: '出具合法性审查意见',
    roles: ['legal_reviewer'],
    from: ['reviewing'],
    payload: z.strictObject({
      on: dated('审查日期'),
      points,
      opinion: z.enum(Object.keys(OPINIONS) as [OpinionKind, ...OpinionKind[]]).meta({ title: '审查意见', labels: OPINIONS }),
      reasons: text(10_000).meta({ title: '理由', widget: 'textarea' }),
      clauses: optionalText(500).meta({ title: '涉及条款或者事项' }),
    }),
    guard: (r, p, ctx) => [
      !ctx.reviewer?.qualification
        ? {
            message: '出具合法性审查意见的人员应当具备法律职业资格或者经登记的法制审核培训，您的人员信息中均没有',
            citation: r.kind === 'contract' ? CONTRACT_CITE : art('二十七'),
          }
        : null,
      eventDate(p.on, r, ctx.today, '审查日期'),
      r.submission && p.on < r.submission.on ? { message: '审查日期不能早于送审日期', citation: RECORD_CHECK, field: 'on' } : null,
      p.opinion === 'agree' && Object.values(p.points).some((x) => !x.ok)
        ? { message: '审查要点中有不符合规定的项目，不能出具“同意”意见', citation: RECORD_CHECK, field: 'opinion' }
        : null,
      p.opinion !== 'agree' && !p.clauses
        ? { message: '修改后同意或者不同意的，须写明涉及的条款或者事项', citation: RECORD_CHECK, field: 'clauses' }
        : null,
    ],
    issues: () => 'legal-review-opinion',
    derive: (_r, _p, ctx) => ({ name: ctx.reviewer?.name ?? '', qualification: ctx.reviewer?.qualification ?? '' }),
    apply: (r, p, m) => {
      const who = m.derived as { name: string; qualification: string };
      return {
        ...r,
        opinion: {
          on: p.on,
          reviewerPersonId: m.actorPersonId ?? '',
          reviewerName: who.name,
          qualification: who.qualification,
          opinion: p.opinion,
          points: p.points,
          reasons: p.reasons,
          clauses: p.clauses ?? '',
          number: m.number,
        },
      };
    },
  }),

  'legal-review.decide': action({
    title: '集体讨论决定',
    roles: ['unit_head'],
    from: ['preparing', 'reviewing', 'to-decide'],
    requires: (r) =>
      majorOnly(r) ??
      (!r.opinion
        ? { message: '未经合法性审查或者经审查不合法的，不得提交决策机关讨论', citation: art('二十六') }
        : r.opinion.opinion === 'disagree'
          ? { message: '合法性审查意见为不同意，不得提交决策机关讨论', citation: art('二十六') }
          : null),
    payload: z.strictObject({
      on: dated('会议日期'),
      meeting: text(200).meta({ title: '会议名称' }),
      adopted: z.boolean().meta({ title: '决定通过', default: true }),
      minutes: text(10_000).meta({ title: '讨论情况（纪要）', widget: 'textarea' }),
    }),
    guard: (r, p, ctx) => [
      eventDate(p.on, r, ctx.today, '会议日期'),
      r.opinion && p.on < r.opinion.on ? { message: '集体讨论不能早于合法性审查意见', citation: art('三十'), field: 'on' } : null,
    ],
    apply: (r, p) => ({ ...r, decision: { on: p.on, meeting: p.meeting, adopted: p.adopted, minutes: p.minutes } }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<ReviewTypes, any>>;

export type ReviewAction = keyof typeof REVIEW_ACTIONS;

export const REVIEW_PROCEDURE: Procedure<ReviewTypes, ReviewAction> = {
  subjectType: 'legal-review',
  recordName: '合法性审查事项',
  permissions: { read: 'legal-review.read' },
  actions: REVIEW_ACTIONS,
  empty: (o) => ({
    id: o.id,
    agencyId: o.agencyId,
    regionPath: o.regionPath,
    kind: 'contract',
    title: '',
    department: '',
    openedOn: o.today,
    summary: '',
    participation: null,
    experts: null,
    risk: null,
    submission: null,
    opinion: null,
    decision: null,
  }),
  status: reviewStatus,
  statusNames: REVIEW_STATUS_NAMES,
  next: (r) => {
    const s = reviewStatus(r);
    if (s === 'preparing') {
      if (r.kind === 'contract') return ['legal-review.submit'];
      const missing: ReviewAction[] = [];
      if (!r.participation) missing.push('legal-review.participation');
      if (!r.experts) missing.push('legal-review.experts');
      if (!r.risk) missing.push('legal-review.risk');
      return missing.length ? missing : ['legal-review.submit'];
    }
    if (s === 'reviewing') return ['legal-review.opinion'];
    if (s === 'to-decide') return ['legal-review.decide'];
    return [];
  },
};

function opinionDocument(r: LegalReview, dc: { agencyName: string }): DocumentContent | null {
  const o = r.opinion;
  if (!o) return null;
  return {
    id: 'opinion',
    title: r.kind === 'contract' ? '合同合法性审查意见书' : '重大行政决策合法性审查意见书',
    number: o.number,
    date: o.on,
    sealed: true,
    blocks: [
      { kind: 'field', label: '审查事项', value: `${r.title}（${REVIEW_KINDS[r.kind]}）` },
      { kind: 'field', label: '承办单位', value: r.department },
      { kind: 'field', label: '送审日期', value: r.submission?.on ?? '—' },
      {
        kind: 'table',
        header: ['审查要点', '是否符合规定', '审查意见'],
        rows: (Object.keys(REVIEW_POINTS) as Point[]).map((k) => [REVIEW_POINTS[k], o.points[k].ok ? '是' : '否', o.points[k].note]),
      },
      { kind: 'field', label: '审查意见', value: OPINIONS[o.opinion] },
      { kind: 'field', label: '涉及条款或者事项', value: o.clauses || '—' },
      { kind: 'paragraph', heading: '理由', text: o.reasons },
      { kind: 'field', label: '审查人员', value: `${o.reviewerName}（${o.qualification}）` },
      { kind: 'field', label: '审查机构', value: dc.agencyName },
    ],
  };
}

export const LEGAL_REVIEWS: ServedProcedure<ReviewTypes> = {
  proc: REVIEW_PROCEDURE,
  series: { 'legal-review-opinion': { word: '法审意字', title: '合法性审查意见书' } },
  path: '/legal-reviews',
  tag: 'legal-reviews',
  journalPrefix: 'legal-review',
  personalData: 'legal-review.read',
  row: {
    title: (r) => `${REVIEW_KINDS[r.kind]}：${r.title}`,
    openedOn: (r) => r.openedOn,
    closedOn: reviewClosedOn,
    searchText: (r) => [r.title, r.department, REVIEW_KINDS[r.kind], r.opinion?.number ?? ''].join('\n'),
  },
  context: async (trx, base): Promise<NormativeContext> => ({
    ...base,
    reviewer: base.actor.personId ? await qualificationOf(trx, base.actor.personId) : null,
    referralNamed: false,
  }),
  deadlines: (r, at) => {
    const { out, duty } = deadlineList(at.table, at.today);
    const s = r.submission;
    if (s) {
      // The adviser's duty is the date asked for, never sooner than the 7 working days a major decision's review is given.
      const least = minimumDue(r, at.table)!;
      const due = r.kind === 'major-decision' && s.dueOn < least ? least : s.dueOn;
      const before = out.length;
      duty('major-decision.legality-review', s.on, due, !!r.opinion);
      if (r.kind === 'contract') out[before] = { ...out[before]!, title: '合同合法性审查（按要求完成日期）', citation: CONTRACT_CITE };
    }
    return out;
  },
  documents: (r, dc) => [opinionDocument(r, dc)].filter((x): x is DocumentContent => x !== null),
  caseFile: (r, dc) => ({
    cover: {
      agencyName: dc.agencyName,
      heading: '合法性审查档案',
      caseTitle: r.title,
      fields: [
        ['审查类别', REVIEW_KINDS[r.kind]],
        ['承办单位', r.department],
        ['登记日期', { date: r.openedOn }],
        ['审查意见', r.opinion ? OPINIONS[r.opinion.opinion] : '—'],
      ],
    },
    notes: [`本卷共 ${dc.documents.length} 份文书。`],
    manifest: { title: r.title, kind: r.kind },
  }),
};

export const LEGAL_REVIEW_ENTRY = procedureEntry(LEGAL_REVIEWS);
