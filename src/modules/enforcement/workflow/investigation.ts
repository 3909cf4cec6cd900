/**
 * 调查取证: inquiries and inspections, evidence, 先行登记保存, 查封、扣押, and the
 * investigation report with its proposal (what the catalog and the agency's settings say
 * about it is fixed when the report is made).
 */
import { z } from 'zod';
import {
  cite,
  DECISION_OUTCOMES,
  DECISION_OUTCOME_IDS,
  EVIDENCE_TYPE_IDS,
  EVIDENCE_TYPES,
  GATE_CITATIONS,
  PENALTY_KINDS,
  RECORDING_SCENE_IDS,
  RECORDING_SCENES,
  REVIEW_GROUNDS,
  AGE_OF_RESPONSIBILITY,
  EDUCATION_CITATION,
  isExemption,
  type PenaltyKind,
} from '../../../law/penalty.js';
import { hearingEligible, heavierThanNoticed, secondFine, twoCertifiedOfficers, type GateContext } from '../gates.js';
import { RECORD_CHECK, actorOf, type Refusal, atField } from '../../../procedure/spec.js';
import { ageAtAct, weighCase, type PenaltyWeighed } from '../mitigation.js';
import { optionalText } from '../../../platform/http/schemas.js';
import type { CaseRecord, PenaltyCase, ProposedDecision } from '../penalty-case.js';
import { CASE_EVIDENCE } from '../penalty-case.js';
import { evidenceRows, fileRef } from '../../../procedure/evidence.js';
import { yuanText } from '../../../journal/readable.js';
import {
  action,
  dated,
  eventDate,
  fen,
  HEAD,
  mitigatingFacts,
  namesOf,
  noPending,
  OFFICER,
  OPEN_GENERAL,
  officers,
  penalty,
  personId,
  text,
  type ActionSpec,
  type PenaltyTypes,
} from './shared.js';

/** 登记证据 and 撤回证据: the kit's evidence rows over the case's list. */
const evidence = evidenceRows<PenaltyTypes>(CASE_EVIDENCE);

/** The proposal weighed: the law's range, the benchmark, the party's age and grounds (discretion.ts, mitigation.ts). */
function weighProposal(c: PenaltyCase, p: ConcludePayload, ctx: GateContext): PenaltyWeighed {
  const vt = c.violationTypeId ? ctx.settings.violationType(c.violationTypeId) : undefined;
  const circumstance = vt?.circumstances.find((x) => x.id === p.circumstanceId);
  const penalises = DECISION_OUTCOMES[p.outcome].penalises;
  return weighCase(vt, circumstance, c.party, c.actOn, penalises ? p : { kinds: [], fineFen: 0 }, p.mitigation);
}

/** The proposal an investigation report makes, with what the catalog and settings say about it. */
function propose(c: PenaltyCase, p: ConcludePayload, on: string, ctx: GateContext): Omit<ProposedDecision, 'proposedBy'> {
  const penalises = DECISION_OUTCOMES[p.outcome].penalises;
  const kinds = penalises ? p.kinds : [];
  const { weighing, mitigation } = weighProposal(c, p, ctx);
  const outsideBenchmark = penalises ? weighing.outsideBenchmark : [];
  const heard = !!c.hearing?.reportedOn;
  const severest = kinds.reduce<PenaltyKind | null>(
    (m, k) => (m === null || PENALTY_KINDS[k].severity > PENALTY_KINDS[m].severity ? k : m),
    null,
  );
  const row = ctx.settings.catalog.match({
    field: c.field,
    partyKind: c.party.kind,
    amountFen: p.fineFen + p.confiscationFen,
    severestKind: severest,
    heard,
    transfer: p.outcome === 'transfer',
    outsideBenchmark: outsideBenchmark.length > 0,
  });
  const major = !!row || p.reviewGrounds.length > 0 || heard;
  return {
    version: (c.proposal?.version ?? 0) + 1,
    on,
    outcome: p.outcome,
    kinds,
    fineFen: penalises ? p.fineFen : 0,
    confiscationFen: penalises ? p.confiscationFen : 0,
    facts: p.facts,
    basis: p.basis,
    circumstanceId: p.circumstanceId,
    outsideBenchmark,
    discretionReason: p.discretionReason,
    reviewGrounds: heard ? [...p.reviewGrounds, 'heard'] : [...p.reviewGrounds],
    catalogRow: row?.id ?? null,
    major,
    hearingEligible: penalises && hearingEligible(c.party.kind, kinds, p.fineFen, p.confiscationFen, ctx.settings),
    collectiveRequired: p.reviewGrounds.includes('complex') || (major && ctx.settings.collectiveDiscussionForMajor),
    mitigation,
    education: p.education ?? null,
    ...(p.secondFineBasis ? { secondFineBasis: p.secondFineBasis } : {}),
    ...(p.illegalGainsFen > 0 ? { illegalGains: { amountFen: p.illegalGainsFen, returnedFen: p.returnedFen } } : {}),
  };
}

/**
 * 违法所得 (Art 28 第二款): what was gained is confiscated, except what was returned to those
 * it was taken from; the rest must be among what the penalty confiscates.
 */
function illegalGainsRefusals(p: ConcludePayload): (Refusal | null)[] {
  if (p.returnedFen > p.illegalGainsFen)
    return [{ message: '退赔金额不能超过违法所得金额', citation: ILLEGAL_GAINS_CITATION, field: 'returnedFen' }];
  const unreturned = p.illegalGainsFen - p.returnedFen;
  if (unreturned === 0 || !DECISION_OUTCOMES[p.outcome].penalises) return [];
  return [
    !p.kinds.includes('confiscate-gains') || p.confiscationFen < unreturned
      ? {
          message: `违法所得 ${yuanText(p.illegalGainsFen)}${p.returnedFen > 0 ? `（已退赔 ${yuanText(p.returnedFen)}）` : ''}，未退赔的 ${yuanText(unreturned)} 应当予以没收：请选择“没收违法所得”并填写不少于该数额的没收金额`,
          citation: ILLEGAL_GAINS_CITATION,
          field: 'kinds',
        }
      : null,
  ];
}

const ILLEGAL_GAINS_CITATION = cite('第二十八条第二款');

/** Arts 30–31, 33: an exemption that fits the party, with the education (and the guardian's order) recorded. */
function exemptionRefusals(c: PenaltyCase, p: ConcludePayload): (Refusal | null)[] {
  if (!isExemption(p.outcome)) return [];
  const age = ageAtAct(c.party, c.actOn);
  const citation = DECISION_OUTCOMES[p.outcome].citation;
  return [
    !p.education
      ? {
          message:
            p.outcome === 'no-penalty-under-14' || p.outcome === 'no-penalty-incapacity'
              ? '不予行政处罚的，应当对当事人进行教育，并写明责令监护人管教（看管和治疗）的情况'
              : '依法不予行政处罚的，应当对当事人进行教育，请写明教育的内容和方式',
          citation: EDUCATION_CITATION,
          field: 'education',
        }
      : null,
    p.outcome === 'no-penalty-under-14' && c.party.kind !== 'citizen'
      ? { message: '不满十四周岁不予处罚只适用于公民', citation, field: 'outcome' }
      : null,
    p.outcome === 'no-penalty-under-14' && c.party.kind === 'citizen' && age === null
      ? { message: '无法确定当事人违法时的年龄：请补录身份证号码或出生日期', citation, field: 'outcome' }
      : null,
    p.outcome === 'no-penalty-under-14' && age !== null && age >= AGE_OF_RESPONSIBILITY.none
      ? { message: `当事人违法时已满十四周岁（${age} 周岁），不适用此项`, citation, field: 'outcome' }
      : null,
  ];
}

const concludeSchema = z.strictObject({
  on: dated('报告日期'),
  facts: text(5000).meta({ title: '违法事实' }),
  evidenceSummary: text(5000).meta({ title: '证据' }),
  outcome: z.enum(DECISION_OUTCOME_IDS).meta({ title: '处理意见', labels: namesOf(DECISION_OUTCOMES) }),
  ...penalty,
  basis: text(1000).meta({ title: '依据' }),
  circumstanceId: z.string().max(40).nullable().meta({ title: '情节（裁量基准）', widget: 'circumstance' }),
  discretionReason: text(2000).nullable().meta({ title: '超出裁量基准的理由' }),
  secondFineBasis: optionalText(300).default(null).meta({ title: '同一违法行为再次罚款的法律依据（法律另有规定的，如按日连续处罚）' }),
  illegalGainsFen: fen.default(0).meta({ title: '违法所得金额（元，没有的填 0）' }),
  returnedFen: fen.default(0).meta({ title: '其中已依法退赔的金额（元）' }),
  mitigation: mitigatingFacts,
  education: optionalText(1000).optional().meta({ title: '教育情况（不予处罚的）' }),
  reviewGrounds: z
    .array(z.enum(['public-interest', 'complex', 'other-law']))
    .max(3)
    .meta({ title: '其他法制审核情形', labels: REVIEW_GROUNDS }),
});

/** The basis a seizure request kept in its result (absent on requests from before it was kept). */
const keptBasis = (derived: unknown): { basis?: string } =>
  derived && typeof (derived as { basis?: unknown }).basis === 'string' ? { basis: (derived as { basis: string }).basis } : {};

/** A 查封、扣押 of the case, by its position. */
const seizureSeq = z.number().int().min(0).meta({ title: '查封扣押（序号）' });
type ConcludePayload = z.infer<typeof concludeSchema>;

function penaltyConsistent(p: {
  outcome: keyof typeof DECISION_OUTCOMES;
  kinds: PenaltyKind[];
  fineFen: number;
  confiscationFen: number;
}): Refusal | null {
  const penalises = DECISION_OUTCOMES[p.outcome].penalises;
  if (penalises && p.kinds.length === 0) return { message: '给予行政处罚的，须写明处罚种类', citation: GATE_CITATIONS.notice };
  if (!penalises && (p.kinds.length > 0 || p.fineFen > 0 || p.confiscationFen > 0))
    return { message: `"${DECISION_OUTCOMES[p.outcome].name}"不能同时写明处罚种类或金额`, citation: DECISION_OUTCOMES[p.outcome].citation };
  if (p.kinds.includes('fine') !== p.fineFen > 0)
    return { message: '罚款金额与处罚种类不一致：选择罚款须填写金额，填写金额须选择罚款', citation: RECORD_CHECK };
  const confiscates = p.kinds.includes('confiscate-gains') || p.kinds.includes('confiscate-property');
  if (!confiscates && p.confiscationFen > 0) return { message: '未选择没收违法所得或非法财物，不能填写没收金额', citation: RECORD_CHECK };
  return null;
}

/** A 笔录 — of an inquiry or of an inspection, the same in all but its words: when, where, who, what. */
function recordAction(kind: CaseRecord['kind'], title: string, words: { on: string; place: string; subject: string; summary: string }) {
  return action({
    title,
    roles: OFFICER,
    from: ['investigating', 'investigated', 'notified'],
    payload: z.strictObject({
      on: dated(words.on),
      place: text(200).meta({ title: words.place }),
      officers,
      subject: text(100).meta({ title: words.subject }),
      summary: text(10_000).meta({ title: words.summary }),
    }),
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, words.on)), atField('officers', twoCertifiedOfficers(p.officers, c, ctx))],
    apply: (c, p, m) => ({
      ...c,
      records: [
        ...c.records,
        { seq: m.seq, kind, on: p.on, place: p.place, officers: p.officers, subject: p.subject, summary: p.summary, number: null },
      ],
    }),
  });
}

/** 调查取证. */
export const INVESTIGATION_ACTIONS = {
  'penalty.record-inquiry': recordAction('inquiry', '制作询问笔录', {
    on: '询问日期',
    place: '询问地点',
    subject: '被询问人',
    summary: '询问内容',
  }),

  'penalty.record-inspection': recordAction('inspection', '制作现场检查（勘验）笔录', {
    on: '检查日期',
    place: '检查（勘验）地点',
    subject: '当事人（被检查人）',
    summary: '检查（勘验）情况',
  }),

  'penalty.add-evidence': evidence.attach({
    title: '登记证据',
    roles: OFFICER,
    // After the decision only recordings of the process itself (当场处罚, 送达 …) may be added.
    from: ['investigating', 'investigated', 'notified', 'hearing', 'decided', 'executing'],
    payload: z.strictObject({
      type: z.enum(EVIDENCE_TYPE_IDS).meta({ title: '证据种类', labels: EVIDENCE_TYPES }),
      title: text(200).meta({ title: '证据名称' }),
      description: text(2000).meta({ title: '证明内容' }),
      collectedOn: dated('取证日期'),
      source: text(200).meta({ title: '来源' }),
      /** The uploaded file, by the SHA-256 the server verified (the hash goes into the journal) */
      file: fileRef.optional(),
      recording: z
        .strictObject({
          recorder: text(50).meta({ title: '录制人或执法记录仪编号' }),
          startedAt: z.iso.datetime({ offset: true }).meta({ title: '开始录制时间' }),
          endedAt: z.iso.datetime({ offset: true }).meta({ title: '结束录制时间' }),
          scene: z.enum(RECORDING_SCENE_IDS).meta({ title: '音像记录事项', labels: RECORDING_SCENES }),
          place: text(200).meta({ title: '录制地点' }),
          gps: z
            .strictObject({
              lat: z.number().min(-90).max(90).meta({ title: '纬度' }),
              lng: z.number().min(-180).max(180).meta({ title: '经度' }),
            })
            .nullable()
            .meta({ title: '定位' }),
          officers: z.array(personId).min(1).max(10).meta({ title: '在场执法人员', widget: 'person' }),
        })
        .meta({ title: '音像记录' })
        .optional(),
      /** The record (its position in the case) this evidence belongs to */
      step: z.number().int().min(0).nullable().optional().meta({ title: '所属笔录（操作序号，可不填）' }),
    }),
    // The kit's row checks first that the file is the user's verified upload.
    guard: (c, p, ctx) => [
      atField('collectedOn', eventDate(p.collectedOn, c, ctx, '取证日期')),
      p.recording && p.recording.endedAt < p.recording.startedAt
        ? { message: '录制结束时间不能早于开始时间', citation: RECORD_CHECK }
        : null,
      p.recording && !p.file ? { message: '音像记录须附录制文件', citation: GATE_CITATIONS.recording } : null,
      p.step != null && !c.records.some((r) => r.seq === p.step)
        ? { message: '所属步骤不存在：请选择本案的一份笔录', citation: RECORD_CHECK }
        : null,
      c.decision && !p.recording
        ? { message: '决定作出后只能补充执法过程的音像记录（如当场处罚、送达），不能再补充证明违法事实的证据', citation: cite('第四十条') }
        : null,
    ],
  }),

  // The item and its file stay in the file as withdrawn (with who and why in the journal); nothing is erased.
  'penalty.withdraw-evidence': evidence.withdraw({
    title: '撤回证据',
    roles: HEAD,
    from: ['investigating', 'investigated', 'notified', 'hearing'],
    payload: z.strictObject({
      seq: z.number().int().min(0).meta({ title: '证据', widget: 'evidence' }),
      reason: text(500).meta({ title: '撤回理由' }),
    }),
  }),

  'penalty.request-preservation': action({
    title: '申请先行登记保存',
    roles: OFFICER,
    from: ['investigating'],
    payload: z.strictObject({
      on: dated('先行登记保存日期'),
      items: text(2000).meta({ title: '物品清单' }),
      reason: text(1000).meta({ title: '理由' }),
      officers,
    }),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '先行登记保存日期')),
      atField('officers', twoCertifiedOfficers(p.officers, c, ctx)),
    ],
    requires: (c) => noPending(c, 'preservation'),
    approval: {
      kind: 'preservation',
      onApproved: (c, p, m, r) => ({
        ...c,
        preservations: [
          ...c.preservations,
          { seq: r.seq, on: p.on, items: p.items, officers: p.officers, number: m.number, decidedOn: null, decision: null },
        ],
      }),
    },
    apply: (c) => c,
  }),

  'penalty.decide-preservation': action({
    title: '对先行登记保存的证据作出处理决定',
    roles: OFFICER,
    from: OPEN_GENERAL,
    payload: z.strictObject({
      preservationSeq: z.number().int().min(0).meta({ title: '先行登记保存（序号）' }),
      on: dated('处理决定日期'),
      decision: text(1000).meta({ title: '处理决定' }),
    }),
    requires: (c) =>
      c.preservations.some((x) => !x.decidedOn) ? null : { message: '没有尚待作出处理决定的先行登记保存', citation: RECORD_CHECK },
    guard: (c, p, ctx) => {
      const x = c.preservations.find((s) => s.seq === p.preservationSeq);
      if (!x) return [{ message: '没有这次先行登记保存', citation: RECORD_CHECK }];
      return [
        x.decidedOn ? { message: '该次先行登记保存已作出处理决定', citation: RECORD_CHECK } : null,
        atField('on', eventDate(p.on, c, ctx, '处理决定日期')),
        p.on < x.on ? { message: '处理决定不能早于先行登记保存', citation: RECORD_CHECK } : null,
      ];
    },
    apply: (c, p) => ({
      ...c,
      preservations: c.preservations.map((x) => (x.seq === p.preservationSeq ? { ...x, decidedOn: p.on, decision: p.decision } : x)),
    }),
  }),

  'penalty.request-seizure': action({
    title: '申请查封、扣押',
    roles: OFFICER,
    from: ['investigating', 'investigated'],
    payload: z.strictObject({
      on: dated('查封扣押日期'),
      items: text(2000).meta({ title: '物品清单' }),
      reason: text(1000).meta({ title: '理由' }),
      basis: text(500).meta({ title: '依据' }),
      officers,
    }),
    requires: (c) => noPending(c, 'seizure'),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '查封扣押日期')),
      atField('officers', twoCertifiedOfficers(p.officers, c, ctx)),
    ],
    // The basis goes into the journal's result with the request, so a seizure asked for before it was kept replays without it.
    derive: (_c, p) => ({ basis: p.basis }),
    approval: {
      kind: 'seizure',
      onApproved: (c, p, m, r) => ({
        ...c,
        seizures: [
          ...c.seizures,
          {
            seq: r.seq,
            on: p.on,
            items: p.items,
            officers: p.officers,
            number: m.number,
            extended: false,
            releasedOn: null,
            ...keptBasis(r.derived),
          },
        ],
      }),
    },
    apply: (c) => c,
  }),

  'penalty.request-seizure-extension': action({
    title: '申请延长查封、扣押期限',
    roles: OFFICER,
    from: OPEN_GENERAL,
    payload: z.strictObject({ seizureSeq, reason: text(1000).meta({ title: '延长理由' }) }),
    requires: (c) =>
      c.seizures.some((x) => !x.releasedOn && !x.extended)
        ? noPending(c, 'seizure-extension')
        : { message: '没有可以延长期限的查封、扣押（期限只能延长一次）', citation: GATE_CITATIONS.seizure },
    guard: (c, p) => {
      const s = c.seizures.find((x) => x.seq === p.seizureSeq);
      return [
        !s || s.releasedOn ? { message: '没有正在进行的这次查封、扣押', citation: RECORD_CHECK } : null,
        s?.extended ? { message: '查封、扣押期限只能延长一次', citation: GATE_CITATIONS.seizure } : null,
      ];
    },
    approval: {
      kind: 'seizure-extension',
      onApproved: (c, p) => ({ ...c, seizures: c.seizures.map((s) => (s.seq === p.seizureSeq ? { ...s, extended: true } : s)) }),
    },
    apply: (c) => c,
  }),

  'penalty.release-seizure': action({
    title: '解除查封、扣押',
    roles: OFFICER,
    from: [...OPEN_GENERAL, 'decided', 'executing'],
    whileSuspended: true,
    payload: z.strictObject({ seizureSeq, on: dated('解除日期'), reason: text(1000).meta({ title: '解除理由' }) }),
    requires: (c) => (c.seizures.some((x) => !x.releasedOn) ? null : { message: '没有正在进行的查封、扣押', citation: RECORD_CHECK }),
    guard: (c, p, ctx) => {
      const s = c.seizures.find((x) => x.seq === p.seizureSeq);
      return [
        !s || s.releasedOn ? { message: '没有正在进行的这次查封、扣押', citation: RECORD_CHECK } : null,
        atField('on', eventDate(p.on, c, ctx, '解除日期')),
      ];
    },
    apply: (c, p) => ({ ...c, seizures: c.seizures.map((s) => (s.seq === p.seizureSeq ? { ...s, releasedOn: p.on } : s)) }),
  }),

  'penalty.conclude-investigation': action({
    title: '提交调查终结报告',
    roles: OFFICER,
    from: ['investigating', 'investigated', 'notified'],
    payload: concludeSchema,
    requires: (c) =>
      c.records.length === 0
        ? { message: '尚无询问笔录或现场检查笔录，调查不能终结', citation: '《中华人民共和国行政处罚法》第五十五条' }
        : null,
    guard: (c, p, ctx) => {
      const vt = c.violationTypeId ? ctx.settings.violationType(c.violationTypeId) : undefined;
      const circumstance = vt?.circumstances.find((x) => x.id === p.circumstanceId);
      const penalises = DECISION_OUTCOMES[p.outcome].penalises;
      const { weighing } = weighProposal(c, p, ctx);
      const next = { ...c, proposal: { ...propose(c, p, p.on, ctx), proposedBy: ctx.actor } };
      return [
        atField('on', eventDate(p.on, c, ctx, '报告日期')),
        penaltyConsistent(p),
        penalises && !circumstance
          ? { message: '给予处罚的，须选择裁量基准中的情节', citation: '《中华人民共和国行政处罚法》第三十四条' }
          : null,
        ...(penalises ? weighing.refusals : []),
        penalises && weighing.outsideBenchmark.length > 0 && !p.discretionReason
          ? {
              message: `处理意见超出裁量基准：${weighing.outsideBenchmark.join('；')}。超出的须书面说明理由`,
              citation: '《中华人民共和国行政处罚法》第三十四条',
            }
          : null,
        ...exemptionRefusals(c, p),
        ...illegalGainsRefusals(p),
        penalises ? secondFine(p.fineFen, p.secondFineBasis, ctx) : null,
        c.statements.length > 0 && heavierThanNoticed(next)
          ? { message: '不得因当事人陈述、申辩而给予更重的处罚', citation: GATE_CITATIONS.statement }
          : null,
        c.preservations.some((x) => !x.decidedOn)
          ? { message: '先行登记保存的证据尚未作出处理决定', citation: GATE_CITATIONS.preservation }
          : null,
      ];
    },
    derive: (c, p, ctx) => propose(c, p, p.on, ctx),
    apply: (c, _p, m) => ({ ...c, proposal: { ...(m.derived as Omit<ProposedDecision, 'proposedBy'>), proposedBy: actorOf(m) } }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
