/**
 * From the proposal to the decision: 法制审核, 告知 and the party's 陈述、申辩, the hearing,
 * 集体讨论, and the decision itself (its gates: gates.ts decisionRefusals).
 */
import { z } from 'zod';
import {
  DECISION_OUTCOMES,
  GATE_CITATIONS,
  REVIEW_CONCLUSIONS,
  REVIEW_POINT_IDS,
  REVIEW_POINTS,
  SEPARATION_OF_DUTIES,
  type ReviewPoint,
} from '../../../law/penalty.js';
import {
  chairIsNotInvestigator,
  decisionRefusals,
  decisionWaitsOnCase,
  decisionWaitsOnDay,
  hearingNoticeInTime,
  hearingRequestInTime,
  reviewerQualified,
  secondFine,
} from '../gates.js';
import { RECORD_CHECK, sameIndividual, atField } from '../../../procedure/spec.js';
import { sameDecisionAgain } from './after-decision.js';
import { recusedReviewer } from './recusal.js';
import {
  action,
  consentOnFile,
  dated,
  eventDate,
  HEAD,
  OFFICER,
  personId,
  publicNoticeRefusal,
  serviceMethod,
  text,
  type ActionSpec,
} from './shared.js';

/** The review's points, each passed or not with a note; every point starts as passed. */
const reviewPoints = z
  .strictObject(
    Object.fromEntries(
      REVIEW_POINT_IDS.map((k) => [
        k,
        z
          .strictObject({
            ok: z.boolean().meta({ title: '符合规定', default: true }),
            note: text(1000).meta({ title: '审查意见', default: '经审查符合规定' }),
          })
          .meta({ title: REVIEW_POINTS[k] }),
      ]),
    ) as Record<ReviewPoint, z.ZodObject<{ ok: z.ZodBoolean; note: z.ZodString }>>,
  )
  .meta({ title: '审核要点', widget: 'checklist' });

/** 法制审核, 告知, 陈述申辩, 听证, 集体讨论, 决定. */
export const DECISION_ACTIONS = {
  'penalty.submit-review': action({
    title: '提请法制审核',
    roles: OFFICER,
    from: ['investigated', 'notified'],
    payload: z.strictObject({ on: dated('送审日期'), materials: text(2000).meta({ title: '送审材料' }) }),
    requires: (c) => (c.proposal?.major ? null : { message: '本案不属于重大执法决定，无需法制审核', citation: GATE_CITATIONS.review }),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '送审日期')),
      c.hearing && !c.hearing.reportedOn
        ? { message: '听证结束并提交听证报告后再提请法制审核', citation: GATE_CITATIONS.hearingRecord }
        : null,
    ],
    apply: (c, p) => ({
      ...c,
      reviews: [...c.reviews, { version: c.proposal!.version, submittedOn: p.on, materials: p.materials, opinion: null }],
    }),
  }),

  'penalty.review-opinion': action({
    title: '出具法制审核意见',
    roles: ['legal_reviewer'],
    from: ['in-review'],
    payload: z.strictObject({
      on: dated('审核日期'),
      conclusion: z.enum(['agree', 'comments', 'return']).meta({ title: '审核结论', labels: REVIEW_CONCLUSIONS }),
      points: reviewPoints,
      text: text(5000).meta({ title: '审核意见' }),
    }),
    guard: (c, p, ctx) => [
      reviewerQualified(ctx),
      recusedReviewer(c, ctx.actor.personId),
      atField('on', eventDate(p.on, c, ctx, '审核日期')),
      p.conclusion === 'agree' && Object.values(p.points).some((x) => !x.ok)
        ? { message: '审核要点中有未通过的项目，不能出具“同意”意见', citation: GATE_CITATIONS.review }
        : null,
      ctx.actor.personId && c.officers.includes(ctx.actor.personId)
        ? { message: '本案调查人员不能担任本案的法制审核人员', citation: GATE_CITATIONS.review }
        : null,
    ],
    issues: () => 'review-opinion',
    apply: (c, p, m) => ({
      ...c,
      reviews: c.reviews.map((r, i) =>
        i === c.reviews.length - 1
          ? {
              ...r,
              opinion: {
                on: p.on,
                reviewerPersonId: m.actorPersonId ?? '',
                conclusion: p.conclusion,
                points: p.points,
                text: p.text,
                number: m.number,
              },
            }
          : r,
      ),
    }),
  }),

  'penalty.serve-notice': action({
    title: '送达行政处罚告知书',
    roles: OFFICER,
    from: ['investigated', 'notified'],
    payload: z.strictObject({ servedOn: dated('送达日期'), method: serviceMethod, consentOnFile }),
    requires: (c) =>
      !c.proposal || !DECISION_OUTCOMES[c.proposal.outcome].penalises
        ? { message: '处理意见为不予处罚或移送的，无需告知', citation: GATE_CITATIONS.notice }
        : c.notice?.version === c.proposal.version
          ? { message: '当前处理意见已经告知', citation: GATE_CITATIONS.notice }
          : null,
    guard: (c, p, ctx) => [
      atField('servedOn', eventDate(p.servedOn, c, ctx, '送达日期')),
      p.method === 'electronic' && !p.consentOnFile
        ? { message: '电子送达须经当事人同意并签订确认书', citation: GATE_CITATIONS.electronicService }
        : null,
      publicNoticeRefusal(c, 'notice', p.method, c.proposal!.on),
      c.reviews.at(-1) && !c.reviews.at(-1)!.opinion
        ? { message: '法制审核中，请待审核意见出具后再告知', citation: GATE_CITATIONS.review }
        : null,
    ],
    issues: () => 'notice',
    apply: (c, p, m) => ({
      ...c,
      notice: {
        servedOn: p.servedOn,
        version: c.proposal!.version,
        method: p.method,
        hearingOffered: c.proposal!.hearingEligible,
        number: m.number,
        told: { kinds: c.proposal!.kinds, fineFen: c.proposal!.fineFen, confiscationFen: c.proposal!.confiscationFen },
      },
      waivedOn: null,
    }),
  }),

  'penalty.record-statement': action({
    title: '记录当事人陈述、申辩',
    roles: OFFICER,
    from: ['notified', 'hearing'],
    payload: z.strictObject({ on: dated('陈述申辩日期'), summary: text(10_000).meta({ title: '陈述、申辩内容' }) }),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '陈述申辩日期')),
      c.notice && p.on < c.notice.servedOn ? { message: '陈述、申辩不能早于告知', citation: GATE_CITATIONS.notice } : null,
    ],
    apply: (c, p) => ({ ...c, statements: [...c.statements, { on: p.on, summary: p.summary }], recheck: null }),
  }),

  'penalty.recheck-statement': action({
    title: '复核陈述、申辩意见',
    roles: OFFICER,
    from: ['notified', 'hearing'],
    payload: z.strictObject({
      on: dated('复核日期'),
      adopted: z.boolean().meta({ title: '采纳陈述、申辩意见' }),
      reasoning: text(5000).meta({ title: '复核理由' }),
    }),
    requires: (c) => (c.statements.length === 0 ? { message: '当事人没有提出陈述、申辩', citation: GATE_CITATIONS.statement } : null),
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '复核日期'))],
    apply: (c, p) => ({ ...c, recheck: { on: p.on, adopted: p.adopted, reasoning: p.reasoning } }),
  }),

  'penalty.waive-rights': action({
    title: '当事人明确放弃陈述、申辩和听证',
    roles: OFFICER,
    from: ['notified'],
    payload: z.strictObject({ on: dated('放弃日期'), statement: text(1000).meta({ title: '当事人声明' }) }),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '放弃日期')),
      c.notice && p.on < c.notice.servedOn ? { message: '放弃权利不能早于告知', citation: GATE_CITATIONS.notice } : null,
    ],
    apply: (c, p) => ({ ...c, waivedOn: p.on }),
  }),

  'penalty.request-hearing': action({
    title: '登记当事人听证要求',
    roles: OFFICER,
    from: ['notified'],
    payload: z.strictObject({ requestedOn: dated('当事人提出听证要求日期') }),
    requires: (c) =>
      !c.notice?.hearingOffered
        ? { message: '本案拟作出的处罚不属于应当告知听证权利的情形', citation: GATE_CITATIONS.hearingOffered }
        : c.hearing
          ? { message: '已登记听证要求', citation: RECORD_CHECK }
          : c.waivedOn
            ? { message: '当事人已明确放弃听证', citation: GATE_CITATIONS.hearingOffered }
            : null,
    guard: (c, p, ctx) => [
      atField('requestedOn', eventDate(p.requestedOn, c, ctx, '听证要求日期')),
      hearingRequestInTime(c, p.requestedOn, ctx),
    ],
    apply: (c, p) => ({
      ...c,
      hearing: {
        requestedOn: p.requestedOn,
        noticeServedOn: null,
        date: null,
        place: null,
        chairPersonId: null,
        number: null,
        heldOn: null,
        partyAbsent: false,
        agents: [],
        record: null,
        reportedOn: null,
        report: null,
      },
    }),
  }),

  'penalty.notify-hearing': action({
    title: '送达听证通知书',
    roles: OFFICER,
    from: ['hearing'],
    payload: z.strictObject({
      servedOn: dated('听证通知送达日期'),
      hearingDate: dated('听证日期'),
      place: text(200).meta({ title: '听证地点' }),
      chairPersonId: personId.meta({ title: '听证主持人', widget: 'person' }),
      public: z.boolean().meta({ title: '公开举行' }),
    }),
    requires: (c) => (c.hearing?.heldOn ? { message: '听证已经举行', citation: RECORD_CHECK } : null),
    guard: (c, p, ctx) => [
      atField('servedOn', eventDate(p.servedOn, c, ctx, '听证通知送达日期')),
      hearingNoticeInTime(p.servedOn, p.hearingDate, ctx),
      chairIsNotInvestigator(c, p.chairPersonId, ctx),
    ],
    issues: () => 'hearing-notice',
    apply: (c, p, m) => ({
      ...c,
      hearing: {
        ...c.hearing!,
        noticeServedOn: p.servedOn,
        date: p.hearingDate,
        place: p.place,
        chairPersonId: p.chairPersonId,
        number: m.number,
      },
    }),
  }),

  'penalty.hold-hearing': action({
    title: '举行听证并制作听证笔录',
    roles: OFFICER,
    from: ['hearing'],
    payload: z.strictObject({
      heldOn: dated('听证日期'),
      partyAbsent: z.boolean().meta({ title: '当事人无正当理由未出席' }),
      agents: z.array(text(50)).max(2, '当事人及其代理人不得超过二人').meta({ title: '当事人及其代理人（至多两人）' }),
      record: text(20_000).meta({ title: '听证笔录' }),
      signed: z.boolean().meta({ title: '当事人已签字' }),
      refusalNote: text(500).nullable().meta({ title: '拒签情况说明' }),
    }),
    requires: (c) =>
      !c.hearing?.date
        ? { message: '尚未送达听证通知书', citation: GATE_CITATIONS.hearingWindow }
        : c.hearing.heldOn || c.hearing.partyAbsent
          ? { message: '听证已经举行', citation: RECORD_CHECK }
          : null,
    when: (c, ctx) =>
      c.hearing?.date && ctx.today < c.hearing.date
        ? { message: `听证定于 ${c.hearing.date} 举行，届时再记录`, citation: GATE_CITATIONS.hearingWindow }
        : null,
    guard: (c, p, ctx) => [
      c.hearing?.date && p.heldOn < c.hearing.date
        ? { message: `听证应于通知的日期（${c.hearing.date}）举行`, citation: GATE_CITATIONS.hearingWindow }
        : null,
      atField('heldOn', eventDate(p.heldOn, c, ctx, '听证日期')),
      !p.signed && !p.refusalNote
        ? { message: '当事人或其代理人拒绝签字的，应当由听证主持人在笔录中注明', citation: GATE_CITATIONS.hearingRecord }
        : null,
    ],
    apply: (c, p) => ({
      ...c,
      hearing: { ...c.hearing!, heldOn: p.heldOn, partyAbsent: p.partyAbsent, agents: p.agents, record: p.record },
    }),
  }),

  'penalty.report-hearing': action({
    title: '提交听证报告',
    roles: OFFICER,
    from: ['hearing'],
    payload: z.strictObject({ on: dated('报告日期'), report: text(10_000).meta({ title: '听证报告' }) }),
    requires: (c) => (c.hearing?.heldOn ? null : { message: '听证尚未举行', citation: GATE_CITATIONS.hearingRecord }),
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '报告日期'))],
    apply: (c, p) => ({ ...c, hearing: { ...c.hearing!, reportedOn: p.on, report: p.report } }),
  }),

  'penalty.collective-discussion': action({
    title: '负责人集体讨论',
    roles: HEAD,
    from: ['investigated', 'notified'],
    payload: z.strictObject({
      on: dated('讨论日期'),
      participants: z.array(text(50)).min(3, '集体讨论应有三名以上负责人参加').max(20).meta({ title: '参加人员（三人以上）' }),
      conclusion: text(5000).meta({ title: '讨论结论' }),
    }),
    requires: (c) => (c.proposal ? null : { message: '尚无调查终结报告', citation: GATE_CITATIONS.collective }),
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '讨论日期'))],
    apply: (c, p) => ({
      ...c,
      collective: { on: p.on, version: c.proposal!.version, participants: p.participants, conclusion: p.conclusion },
    }),
  }),

  'penalty.decide': action({
    title: '作出决定',
    roles: HEAD,
    from: ['investigated', 'notified'],
    payload: z.strictObject({
      on: dated('决定日期'),
      reasoning: text(10_000).meta({ title: '决定理由' }),
      paymentInstructions: text(1000).nullable().meta({ title: '缴款方式' }),
    }),
    guard: (c, p, ctx) => [
      p.on !== ctx.today ? { message: `决定日期须为今天（${ctx.today}）：决定以系统收到的日期为准`, citation: RECORD_CHECK } : null,
      c.proposal?.proposedBy && sameIndividual(c.proposal.proposedBy, ctx.actor)
        ? { message: '调查终结报告（处理意见）由您本人提出，须由其他负责人作出决定', citation: SEPARATION_OF_DUTIES }
        : null,
      ...decisionRefusals(c, ctx),
      sameDecisionAgain(c),
      secondFine(c.proposal?.outcome === 'penalty' ? c.proposal.fineFen : 0, c.proposal?.secondFineBasis, ctx),
    ],
    // Offered only once nothing stands in the way (the page lists what does: decisionBlockers).
    requires: (c) => decisionWaitsOnCase(c)[0] ?? null,
    when: (c, ctx) => decisionWaitsOnDay(c, ctx)[0] ?? null,
    issues: (c) => (c.proposal?.outcome === 'penalty' ? 'decision' : c.proposal?.outcome === 'transfer' ? 'transfer' : 'no-penalty'),
    apply: (c, p, m) => {
      const pr = c.proposal!;
      const decided = {
        ...c,
        decision: {
          on: p.on,
          version: pr.version,
          outcome: pr.outcome,
          kinds: pr.kinds,
          fineFen: pr.fineFen,
          confiscationFen: pr.confiscationFen,
          number: m.number,
        },
      };
      return decided;
    },
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
