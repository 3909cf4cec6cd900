/**
 * The penalty-case workflow: one row per action — who may take it, in which statuses,
 * what its payload is, which gates guard it, which numbered document it issues, and how
 * it changes the case. The table is exhaustive (`satisfies Record<PenaltyActionType, …>`)
 * and pure: the service runs it inside the journal's transaction.
 */
import { z } from 'zod';
import { legalDate } from '../../platform/http/schemas.js';
import { addDays } from '../../calendar/legal-date.js';
import {
  CASE_SOURCE_IDS,
  cite,
  DECISION_OUTCOMES,
  DECISION_OUTCOME_IDS,
  EVIDENCE_TYPE_IDS,
  GATE_CITATIONS,
  PENALTY_KINDS,
  PENALTY_KIND_IDS,
  RECORDING_SCENE_IDS,
  REVIEW_POINT_IDS,
  SEPARATION_OF_DUTIES,
  SERVICE_METHODS,
  SERVICE_METHOD_IDS,
  type PenaltyKind,
  type ReviewPoint,
} from '../../law/penalty.js';
import type { Role } from '../../platform/security/access.js';
import {
  chairIsNotInvestigator,
  decisionRefusals,
  dueDate,
  hearingEligible,
  hearingNoticeInTime,
  hearingRequestInTime,
  heavierThanNoticed,
  reviewerQualified,
  simpleProcedureAllowed,
  twoCertifiedOfficers,
  violationTypeFits,
  withinLimitation,
  type GateContext,
} from './gates.js';
import {
  RECORD_CHECK,
  actorOf,
  sameIndividual,
  type ActionMeta,
  type ActionSpec as KitActionSpec,
  type PendingApproval,
  type Procedure,
  type Refusal,
} from '../../procedure/spec.js';
import { approve, dropRequest, pendingRequest } from '../../procedure/decide.js';
import { nthWorkingDayAfter } from '../../procedure/deadlines.js';
import { discretionProblems } from './discretion.js';
import type { DocumentSeries } from './documents/series.js';
import { scoreCase } from './case-file/review-sheet.js';
import { requiredRecordings } from './recordings.js';
import {
  amountDueFen,
  APPROVAL_KINDS,
  isSuspended,
  paidFen,
  statusOf,
  STATUS_NAMES,
  type ApprovalKind,
  type EvidenceFile,
  type Party,
  type PenaltyCase,
  type PenaltyStatus,
  type ProposedDecision,
} from './penalty-case.js';

// ——— payload building blocks ———

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const personId = z.string().min(1).max(64);
const officers = z.array(personId).min(2, '执法人员不得少于两人').max(10);
const fen = z.number().int('金额以分为单位，须为整数').min(0, '金额不能为负数').max(100_000_000_000, '金额超出合理范围');

export const partySchema = z.strictObject({
  kind: z.enum(['citizen', 'organisation']),
  name: text(100),
  idNumber: z
    .string()
    .trim()
    .regex(/^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})$/, '身份证号须为 18 位，统一社会信用代码须为 18 位')
    .nullable(),
  address: text(200),
  phone: z
    .string()
    .regex(/^[\d-]{7,20}$/, '电话号码格式不正确')
    .nullable(),
  representative: text(50).nullable(),
});

const penalty = {
  kinds: z.array(z.enum(PENALTY_KIND_IDS)).max(PENALTY_KIND_IDS.length),
  fineFen: fen,
  confiscationFen: fen,
};

// ——— the spec of one action ———

/** The types the penalty procedure is written over (the kit's ProcedureTypes). */
export interface PenaltyTypes {
  state: PenaltyCase;
  context: GateContext;
  status: PenaltyStatus;
  series: DocumentSeries;
}

export type ActionSpec<P> = KitActionSpec<PenaltyTypes, P>;
export type { ActionMeta };

const action = <P>(spec: ActionSpec<P>) => spec;

/** The payload a request carried, as its approval reads it. */
const _requested = <P>(r: PendingApproval) => r.payload as P;

const OFFICER: Role[] = ['officer', 'unit_head'];
const HEAD: Role[] = ['unit_head'];
const OPEN_GENERAL: PenaltyStatus[] = ['investigating', 'investigated', 'in-review', 'notified', 'hearing'];

/** A recorded event may not lie in the future or before the case began. */
function eventDate(date: string, c: Pick<PenaltyCase, 'registeredOn'>, ctx: GateContext, what: string): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK };
  if (date < c.registeredOn) return { message: `${what}（${date}）不能早于案源登记日（${c.registeredOn}）`, citation: RECORD_CHECK };
  return null;
}

/** The procedure, for the rows that approve and refuse requests (annotated: its table's type does not depend on it). */
const thisProcedure = (): Procedure<PenaltyTypes> => PENALTY_PROCEDURE;

const pending = (c: PenaltyCase, kind: ApprovalKind): PendingApproval | undefined => pendingRequest(thisProcedure(), c, kind);

const noPending = (c: PenaltyCase, kind: ApprovalKind): Refusal | null =>
  pending(c, kind) ? { message: '已有同类申请等待负责人审批', citation: RECORD_CHECK } : null;

/** The proposal an investigation report makes, with what the catalog and settings say about it. */
function propose(c: PenaltyCase, p: ConcludePayload, on: string, ctx: GateContext): Omit<ProposedDecision, 'proposedBy'> {
  const vt = c.violationTypeId ? ctx.settings.violationType(c.violationTypeId) : undefined;
  const circumstance = vt?.circumstances.find((x) => x.id === p.circumstanceId);
  const penalises = DECISION_OUTCOMES[p.outcome].penalises;
  const kinds = penalises ? p.kinds : [];
  const outsideBenchmark =
    penalises && circumstance ? discretionProblems(circumstance, { partyKind: c.party.kind, kinds, fineFen: p.fineFen }) : [];
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
  };
}

const concludeSchema = z.strictObject({
  on: legalDate,
  facts: text(5000),
  evidenceSummary: text(5000),
  outcome: z.enum(DECISION_OUTCOME_IDS),
  ...penalty,
  basis: text(1000),
  circumstanceId: z.string().max(40).nullable(),
  discretionReason: text(2000).nullable(),
  reviewGrounds: z.array(z.enum(['public-interest', 'complex', 'other-law'])).max(3),
});
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

const reviewPoints = z.strictObject(
  Object.fromEntries(REVIEW_POINT_IDS.map((k) => [k, z.strictObject({ ok: z.boolean(), note: text(1000) })])) as Record<
    ReviewPoint,
    z.ZodObject<{ ok: z.ZodBoolean; note: z.ZodString }>
  >,
);

// ——— the table ———

/** No national 评查 standard exists (LAW.md §7.1): the agency's sheet (its settings) is a local rule, named so. */
const CASE_REVIEW_STANDARD = '行政执法案卷评查标准（地方规定，评查表在执法设置中配置）';

/**
 * What stands between a closed case and the archive: the 案卷评查 sheet (veto items always
 * refuse; other items refuse or warn as the agency chose) and the required audio-visual
 * recordings (refuse or warn, likewise). Warnings must be acknowledged and are kept.
 */
function archiveCheck(c: PenaltyCase, ctx: GateContext): { refusals: Refusal[]; warnings: string[]; citation: string } {
  const sheet = scoreCase(c, ctx.settings.reviewSheet);
  const missing = sheet.missing.map((m) => `${m.text}：${m.problem}`);
  const unrecorded = requiredRecordings(c, ctx.settings.recordingRequired)
    .filter((r) => !r.covered)
    .map((r) => `缺少音像记录：${r.title}`);
  const refusals: Refusal[] = [];
  const warnings: string[] = [];
  if (sheet.vetoFailed.length)
    refusals.push({
      message: `案卷评查否决项未通过，不能归档：${sheet.vetoFailed.map((v) => `${v.text}（${v.problem}）`).join('；')}`,
      citation: CASE_REVIEW_STANDARD,
    });
  if (missing.length)
    ctx.settings.archiveWhenIncomplete === 'refuse'
      ? refusals.push({ message: `案卷评查未通过，请补正后归档：${missing.join('；')}`, citation: CASE_REVIEW_STANDARD })
      : warnings.push(...missing);
  if (unrecorded.length)
    ctx.settings.archiveWithoutRecording === 'refuse'
      ? refusals.push({ message: `音像记录不全，不能归档：${unrecorded.join('；')}`, citation: GATE_CITATIONS.recording })
      : warnings.push(...unrecorded);
  const citation = [missing.length && CASE_REVIEW_STANDARD, unrecorded.length && GATE_CITATIONS.recording].filter(Boolean).join('；');
  return { refusals, warnings, citation };
}

export const PENALTY_ACTIONS = {
  'penalty.register': action({
    title: '案源登记',
    roles: OFFICER,
    from: 'opens',
    payload: z.strictObject({
      source: z.strictObject({ kind: z.enum(CASE_SOURCE_IDS), summary: text(2000), receivedOn: legalDate }),
      party: partySchema,
      field: text(50),
    }),
    guard: (_c, p, ctx) => [p.source.receivedOn > ctx.today ? { message: '案源接收日期不能晚于今天', citation: RECORD_CHECK } : null],
    apply: (c, p) => ({ ...c, source: p.source, party: p.party as Party, field: p.field }),
  }),

  'penalty.request-filing': action({
    title: '提请立案审批',
    roles: OFFICER,
    from: ['registered'],
    payload: z.strictObject({
      violationTypeId: z.string().min(1).max(60),
      actOn: legalDate,
      seriousHarm: z.boolean(),
      officers,
      summary: text(2000),
    }),
    guard: (c, p, ctx) => {
      const vt = ctx.settings.violationType(p.violationTypeId);
      return [
        violationTypeFits(p.violationTypeId, c.field, ctx),
        p.seriousHarm && vt && !vt.seriousHarmPossible
          ? { message: `"${vt.name}"不涉及公民生命健康安全、金融安全，不适用五年追责时效`, citation: GATE_CITATIONS.limitation }
          : null,
        p.actOn > ctx.today ? { message: '违法行为发生日期不能晚于今天', citation: RECORD_CHECK } : null,
        withinLimitation(p.actOn, p.seriousHarm, ctx),
        twoCertifiedOfficers(p.officers, c, ctx),
        noPending(c, 'filing'),
      ];
    },
    approval: {
      kind: 'filing',
      onApproved: (c, p, m) => ({
        ...c,
        violationTypeId: p.violationTypeId,
        actOn: p.actOn,
        seriousHarm: p.seriousHarm,
        officers: p.officers,
        filedOn: m.today,
        filingNumber: m.number,
      }),
    },
    apply: (c) => c,
  }),

  'penalty.approve': action({
    title: '负责人审批同意',
    roles: HEAD,
    from: ['filing', ...OPEN_GENERAL, 'decided', 'executing'],
    whileSuspended: true,
    payload: z.strictObject({
      kind: z.enum(['filing', 'preservation', 'seizure', 'seizure-extension', 'extension', 'deferral']),
      opinion: text(500),
    }),
    guard: (c, p, ctx) => {
      const req = pending(c, p.kind);
      if (!req) return [{ message: '没有待审批的该类申请', citation: RECORD_CHECK }];
      if (req.requestedBy && sameIndividual(req.requestedBy, ctx.actor)) {
        return [{ message: `${APPROVAL_KINDS[p.kind]}申请由您本人提出，须由其他负责人审批`, citation: SEPARATION_OF_DUTIES }];
      }
      if (p.kind === 'filing') {
        const r = req.payload as { actOn: string; seriousHarm: boolean; officers: string[] };
        return [withinLimitation(r.actOn, r.seriousHarm, ctx), twoCertifiedOfficers(r.officers, c, ctx)];
      }
      if (p.kind === 'preservation' || p.kind === 'seizure')
        return [twoCertifiedOfficers((req.payload as { officers: string[] }).officers, c, ctx)];
      return [];
    },
    issues: (_c, p) =>
      p.kind === 'filing' ? 'filing' : p.kind === 'preservation' ? 'preservation' : p.kind === 'seizure' ? 'seizure' : null,
    apply: (c, p, m) => approve(thisProcedure(), c, p.kind, m),
  }),

  'penalty.reject': action({
    title: '负责人审批不同意',
    roles: HEAD,
    from: ['filing', ...OPEN_GENERAL, 'decided', 'executing'],
    whileSuspended: true,
    payload: z.strictObject({
      kind: z.enum(['filing', 'preservation', 'seizure', 'seizure-extension', 'extension', 'deferral']),
      reason: text(500),
    }),
    guard: (c, p) => [pending(c, p.kind) ? null : { message: '没有待审批的该类申请', citation: RECORD_CHECK }],
    apply: (c, p, m) => ({
      ...dropRequest(thisProcedure(), c, p.kind),
      declined: p.kind === 'filing' ? { on: m.today, reason: p.reason } : c.declined,
    }),
  }),

  'penalty.record-inquiry': action({
    title: '制作询问笔录',
    roles: OFFICER,
    from: ['investigating', 'investigated', 'notified'],
    payload: z.strictObject({ on: legalDate, place: text(200), officers, subject: text(100), summary: text(10_000) }),
    guard: (c, p, ctx) => [eventDate(p.on, c, ctx, '询问日期'), twoCertifiedOfficers(p.officers, c, ctx)],
    apply: (c, p, m) => ({
      ...c,
      records: [
        ...c.records,
        {
          seq: m.seq,
          kind: 'inquiry',
          on: p.on,
          place: p.place,
          officers: p.officers,
          subject: p.subject,
          summary: p.summary,
          number: null,
        },
      ],
    }),
  }),

  'penalty.record-inspection': action({
    title: '制作现场检查（勘验）笔录',
    roles: OFFICER,
    from: ['investigating', 'investigated', 'notified'],
    payload: z.strictObject({ on: legalDate, place: text(200), officers, subject: text(100), summary: text(10_000) }),
    guard: (c, p, ctx) => [eventDate(p.on, c, ctx, '检查日期'), twoCertifiedOfficers(p.officers, c, ctx)],
    apply: (c, p, m) => ({
      ...c,
      records: [
        ...c.records,
        {
          seq: m.seq,
          kind: 'inspection',
          on: p.on,
          place: p.place,
          officers: p.officers,
          subject: p.subject,
          summary: p.summary,
          number: null,
        },
      ],
    }),
  }),

  'penalty.add-evidence': action({
    title: '登记证据',
    roles: OFFICER,
    // After the decision only recordings of the process itself (当场处罚, 送达 …) may be added.
    from: ['investigating', 'investigated', 'notified', 'hearing', 'decided', 'executing'],
    payload: z.strictObject({
      type: z.enum(EVIDENCE_TYPE_IDS),
      title: text(200),
      description: text(2000),
      collectedOn: legalDate,
      source: text(200),
      /** The uploaded file, by the SHA-256 the server verified (the hash goes into the journal) */
      file: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 须为 64 位小写十六进制') }).optional(),
      recording: z
        .strictObject({
          recorder: text(50),
          startedAt: z.iso.datetime({ offset: true }),
          endedAt: z.iso.datetime({ offset: true }),
          scene: z.enum(RECORDING_SCENE_IDS),
          place: text(200),
          gps: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable(),
          officers: z.array(personId).min(1).max(10),
        })
        .optional(),
      /** The record (its position in the case) this evidence belongs to */
      step: z.number().int().min(0).nullable().optional(),
    }),
    guard: (c, p, ctx) => [
      eventDate(p.collectedOn, c, ctx, '取证日期'),
      p.file && !ctx.uploadedFile(p.file.sha256)
        ? { message: '证据文件尚未上传完成或不是您上传的，请先上传并等待校验通过', citation: RECORD_CHECK }
        : null,
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
    derive: (_c, p, ctx) => (p.file ? (ctx.uploadedFile(p.file.sha256) ?? null) : null),
    apply: (c, p, m) => ({ ...c, evidence: [...c.evidence, { seq: m.seq, ...p, file: (m.derived as EvidenceFile | null) ?? undefined }] }),
  }),

  'penalty.withdraw-evidence': action({
    title: '撤回证据',
    roles: HEAD,
    from: ['investigating', 'investigated', 'notified', 'hearing'],
    // The item and its file stay in the file as withdrawn (with who and why in the journal); nothing is erased.
    payload: z.strictObject({ seq: z.number().int().min(0), reason: text(500) }),
    guard: (c, p) => {
      const item = c.evidence.find((e) => e.seq === p.seq);
      return [
        item ? null : { message: '本案没有这项证据', citation: RECORD_CHECK },
        item?.withdrawn ? { message: '这项证据已撤回', citation: RECORD_CHECK } : null,
      ];
    },
    apply: (c, p, m) => ({
      ...c,
      evidence: c.evidence.map((e) => (e.seq === p.seq ? { ...e, withdrawn: { on: m.today, reason: p.reason } } : e)),
    }),
  }),

  'penalty.request-preservation': action({
    title: '申请先行登记保存',
    roles: OFFICER,
    from: ['investigating'],
    payload: z.strictObject({ on: legalDate, items: text(2000), reason: text(1000), officers }),
    guard: (c, p, ctx) => [
      eventDate(p.on, c, ctx, '先行登记保存日期'),
      twoCertifiedOfficers(p.officers, c, ctx),
      noPending(c, 'preservation'),
    ],
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
    payload: z.strictObject({ preservationSeq: z.number().int().min(0), on: legalDate, decision: text(1000) }),
    guard: (c, p, ctx) => {
      const x = c.preservations.find((s) => s.seq === p.preservationSeq);
      if (!x) return [{ message: '没有这次先行登记保存', citation: RECORD_CHECK }];
      return [
        x.decidedOn ? { message: '该次先行登记保存已作出处理决定', citation: RECORD_CHECK } : null,
        eventDate(p.on, c, ctx, '处理决定日期'),
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
    payload: z.strictObject({ on: legalDate, items: text(2000), reason: text(1000), basis: text(500), officers }),
    guard: (c, p, ctx) => [eventDate(p.on, c, ctx, '查封扣押日期'), twoCertifiedOfficers(p.officers, c, ctx), noPending(c, 'seizure')],
    approval: {
      kind: 'seizure',
      onApproved: (c, p, m, r) => ({
        ...c,
        seizures: [
          ...c.seizures,
          { seq: r.seq, on: p.on, items: p.items, officers: p.officers, number: m.number, extended: false, releasedOn: null },
        ],
      }),
    },
    apply: (c) => c,
  }),

  'penalty.request-seizure-extension': action({
    title: '申请延长查封、扣押期限',
    roles: OFFICER,
    from: OPEN_GENERAL,
    payload: z.strictObject({ seizureSeq: z.number().int().min(0), reason: text(1000) }),
    guard: (c, p) => {
      const s = c.seizures.find((x) => x.seq === p.seizureSeq);
      return [
        !s || s.releasedOn ? { message: '没有正在进行的这次查封、扣押', citation: RECORD_CHECK } : null,
        s?.extended ? { message: '查封、扣押期限只能延长一次', citation: GATE_CITATIONS.seizure } : null,
        noPending(c, 'seizure-extension'),
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
    payload: z.strictObject({ seizureSeq: z.number().int().min(0), on: legalDate, reason: text(1000) }),
    guard: (c, p, ctx) => {
      const s = c.seizures.find((x) => x.seq === p.seizureSeq);
      return [
        !s || s.releasedOn ? { message: '没有正在进行的这次查封、扣押', citation: RECORD_CHECK } : null,
        eventDate(p.on, c, ctx, '解除日期'),
      ];
    },
    apply: (c, p) => ({ ...c, seizures: c.seizures.map((s) => (s.seq === p.seizureSeq ? { ...s, releasedOn: p.on } : s)) }),
  }),

  'penalty.conclude-investigation': action({
    title: '提交调查终结报告',
    roles: OFFICER,
    from: ['investigating', 'investigated', 'notified'],
    payload: concludeSchema,
    guard: (c, p, ctx) => {
      const vt = c.violationTypeId ? ctx.settings.violationType(c.violationTypeId) : undefined;
      const circumstance = vt?.circumstances.find((x) => x.id === p.circumstanceId);
      const penalises = DECISION_OUTCOMES[p.outcome].penalises;
      const problems =
        penalises && circumstance ? discretionProblems(circumstance, { partyKind: c.party.kind, kinds: p.kinds, fineFen: p.fineFen }) : [];
      const next = { ...c, proposal: { ...propose(c, p, p.on, ctx), proposedBy: ctx.actor } };
      return [
        eventDate(p.on, c, ctx, '报告日期'),
        penaltyConsistent(p),
        c.records.length === 0
          ? { message: '尚无询问笔录或现场检查笔录，调查不能终结', citation: '《中华人民共和国行政处罚法》第五十五条' }
          : null,
        penalises && !circumstance
          ? { message: '给予处罚的，须选择裁量基准中的情节', citation: '《中华人民共和国行政处罚法》第三十四条' }
          : null,
        problems.length > 0 && !p.discretionReason
          ? {
              message: `处理意见超出裁量基准：${problems.join('；')}。超出的须书面说明理由`,
              citation: '《中华人民共和国行政处罚法》第三十四条',
            }
          : null,
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

  'penalty.submit-review': action({
    title: '提请法制审核',
    roles: OFFICER,
    from: ['investigated', 'notified'],
    payload: z.strictObject({ on: legalDate, materials: text(2000) }),
    guard: (c, p, ctx) => [
      eventDate(p.on, c, ctx, '送审日期'),
      c.proposal?.major ? null : { message: '本案不属于重大执法决定，无需法制审核', citation: GATE_CITATIONS.review },
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
    payload: z.strictObject({ on: legalDate, conclusion: z.enum(['agree', 'comments', 'return']), points: reviewPoints, text: text(5000) }),
    guard: (c, p, ctx) => [
      reviewerQualified(ctx),
      eventDate(p.on, c, ctx, '审核日期'),
      p.conclusion === 'agree' && Object.values(p.points).some((x) => !x.ok)
        ? { message: '审核要点中有未通过的项目，不能出具"同意"意见', citation: GATE_CITATIONS.review }
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
    payload: z.strictObject({ servedOn: legalDate, method: z.enum(SERVICE_METHOD_IDS), consentOnFile: z.boolean() }),
    guard: (c, p, ctx) => [
      eventDate(p.servedOn, c, ctx, '送达日期'),
      c.proposal && DECISION_OUTCOMES[c.proposal.outcome].penalises
        ? null
        : { message: '处理意见为不予处罚或移送的，无需告知', citation: GATE_CITATIONS.notice },
      c.notice && c.notice.version === c.proposal?.version ? { message: '当前处理意见已经告知', citation: GATE_CITATIONS.notice } : null,
      p.method === 'electronic' && !p.consentOnFile
        ? { message: '电子送达须经当事人同意并签订确认书', citation: GATE_CITATIONS.electronicService }
        : null,
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
    payload: z.strictObject({ on: legalDate, summary: text(10_000) }),
    guard: (c, p, ctx) => [
      eventDate(p.on, c, ctx, '陈述申辩日期'),
      c.notice && p.on < c.notice.servedOn ? { message: '陈述、申辩不能早于告知', citation: GATE_CITATIONS.notice } : null,
    ],
    apply: (c, p) => ({ ...c, statements: [...c.statements, { on: p.on, summary: p.summary }], recheck: null }),
  }),

  'penalty.recheck-statement': action({
    title: '复核陈述、申辩意见',
    roles: OFFICER,
    from: ['notified', 'hearing'],
    payload: z.strictObject({ on: legalDate, adopted: z.boolean(), reasoning: text(5000) }),
    guard: (c, p, ctx) => [
      eventDate(p.on, c, ctx, '复核日期'),
      c.statements.length === 0 ? { message: '当事人没有提出陈述、申辩', citation: GATE_CITATIONS.statement } : null,
    ],
    apply: (c, p) => ({ ...c, recheck: { on: p.on, adopted: p.adopted, reasoning: p.reasoning } }),
  }),

  'penalty.waive-rights': action({
    title: '当事人明确放弃陈述、申辩和听证',
    roles: OFFICER,
    from: ['notified'],
    payload: z.strictObject({ on: legalDate, statement: text(1000) }),
    guard: (c, p, ctx) => [
      eventDate(p.on, c, ctx, '放弃日期'),
      c.notice && p.on < c.notice.servedOn ? { message: '放弃权利不能早于告知', citation: GATE_CITATIONS.notice } : null,
    ],
    apply: (c, p) => ({ ...c, waivedOn: p.on }),
  }),

  'penalty.request-hearing': action({
    title: '登记当事人听证要求',
    roles: OFFICER,
    from: ['notified'],
    payload: z.strictObject({ requestedOn: legalDate }),
    guard: (c, p, ctx) => [
      eventDate(p.requestedOn, c, ctx, '听证要求日期'),
      hearingRequestInTime(c, p.requestedOn, ctx),
      c.hearing ? { message: '已登记听证要求', citation: RECORD_CHECK } : null,
      c.waivedOn ? { message: '当事人已明确放弃听证', citation: GATE_CITATIONS.hearingOffered } : null,
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
      servedOn: legalDate,
      hearingDate: legalDate,
      place: text(200),
      chairPersonId: personId,
      public: z.boolean(),
    }),
    guard: (c, p, ctx) => [
      eventDate(p.servedOn, c, ctx, '听证通知送达日期'),
      hearingNoticeInTime(p.servedOn, p.hearingDate, ctx),
      chairIsNotInvestigator(c, p.chairPersonId, ctx),
      c.hearing?.heldOn ? { message: '听证已经举行', citation: RECORD_CHECK } : null,
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
      heldOn: legalDate,
      partyAbsent: z.boolean(),
      agents: z.array(text(50)).max(2, '当事人及其代理人不得超过二人'),
      record: text(20_000),
      signed: z.boolean(),
      refusalNote: text(500).nullable(),
    }),
    guard: (c, p, ctx) => [
      c.hearing?.date ? null : { message: '尚未送达听证通知书', citation: GATE_CITATIONS.hearingWindow },
      c.hearing?.date && p.heldOn < c.hearing.date
        ? { message: `听证应于通知的日期（${c.hearing.date}）举行`, citation: GATE_CITATIONS.hearingWindow }
        : null,
      eventDate(p.heldOn, c, ctx, '听证日期'),
      c.hearing?.heldOn || c.hearing?.partyAbsent ? { message: '听证已经举行', citation: RECORD_CHECK } : null,
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
    payload: z.strictObject({ on: legalDate, report: text(10_000) }),
    guard: (c, p, ctx) => [
      c.hearing?.heldOn ? null : { message: '听证尚未举行', citation: GATE_CITATIONS.hearingRecord },
      eventDate(p.on, c, ctx, '报告日期'),
    ],
    apply: (c, p) => ({ ...c, hearing: { ...c.hearing!, reportedOn: p.on, report: p.report } }),
  }),

  'penalty.collective-discussion': action({
    title: '负责人集体讨论',
    roles: HEAD,
    from: ['investigated', 'notified'],
    payload: z.strictObject({
      on: legalDate,
      participants: z.array(text(50)).min(3, '集体讨论应有三名以上负责人参加').max(20),
      conclusion: text(5000),
    }),
    guard: (c, p, ctx) => [
      eventDate(p.on, c, ctx, '讨论日期'),
      c.proposal ? null : { message: '尚无调查终结报告', citation: GATE_CITATIONS.collective },
    ],
    apply: (c, p) => ({
      ...c,
      collective: { on: p.on, version: c.proposal!.version, participants: p.participants, conclusion: p.conclusion },
    }),
  }),

  'penalty.decide': action({
    title: '作出决定',
    roles: HEAD,
    from: ['investigated', 'notified'],
    payload: z.strictObject({ on: legalDate, reasoning: text(10_000), paymentInstructions: text(1000).nullable() }),
    guard: (c, p, ctx) => [
      p.on !== ctx.today ? { message: `决定日期须为今天（${ctx.today}）：决定以系统收到的日期为准`, citation: RECORD_CHECK } : null,
      c.proposal?.proposedBy && sameIndividual(c.proposal.proposedBy, ctx.actor)
        ? { message: '调查终结报告（处理意见）由您本人提出，须由其他负责人作出决定', citation: SEPARATION_OF_DUTIES }
        : null,
      ...decisionRefusals(c, ctx),
    ],
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

  'penalty.serve-decision': action({
    title: '送达决定书',
    roles: OFFICER,
    from: ['decided'],
    payload: z.strictObject({
      servedOn: legalDate,
      method: z.enum(SERVICE_METHOD_IDS),
      recipient: text(100),
      refusedToSign: z.boolean(),
      consentOnFile: z.boolean(),
    }),
    guard: (c, p, ctx) => [
      eventDate(p.servedOn, c, ctx, '送达日期'),
      c.decision && p.servedOn < c.decision.on ? { message: '送达不能早于决定', citation: GATE_CITATIONS.service } : null,
      p.method === 'electronic' && !p.consentOnFile
        ? { message: '电子送达须经当事人同意并签订确认书', citation: GATE_CITATIONS.electronicService }
        : null,
      p.refusedToSign && p.method !== 'left'
        ? { message: '当事人拒绝签收的，应当采用留置送达并记明情况', citation: GATE_CITATIONS.service }
        : null,
    ],
    apply: (c, p) => ({
      ...c,
      service: {
        on: p.servedOn,
        method: p.method,
        completeOn: addDays(p.servedOn, SERVICE_METHODS[p.method].completesAfterDays),
        recipient: p.recipient,
        refusedToSign: p.refusedToSign,
      },
    }),
  }),

  'penalty.record-payment': action({
    title: '登记缴款',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({ on: legalDate, amountFen: fen.min(1, '缴款金额须大于零'), receipt: text(100) }),
    guard: (c, p, ctx) => {
      const due = c.decision ? amountDueFen(c.decision) : 0;
      return [
        eventDate(p.on, c, ctx, '缴款日期'),
        due === 0 ? { message: '本决定没有需要缴纳的款项', citation: RECORD_CHECK } : null,
        paidFen(c) + p.amountFen > due + c.decision!.fineFen
          ? { message: '缴款金额超过应缴罚没款与加处罚款之和', citation: GATE_CITATIONS.latePenalty }
          : null,
      ];
    },
    apply: (c, p) => ({ ...c, payments: [...c.payments, { on: p.on, amountFen: p.amountFen }] }),
  }),

  'penalty.request-deferral': action({
    title: '当事人申请延期或分期缴纳罚款',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({ until: legalDate, instalments: z.number().int().min(1).max(12), reason: text(1000) }),
    guard: (c, p, ctx) => [
      p.until <= ctx.today ? { message: '延期截止日期须晚于今天', citation: '《中华人民共和国行政处罚法》第六十六条' } : null,
      noPending(c, 'deferral'),
    ],
    approval: {
      kind: 'deferral',
      onApproved: (c, p) => ({ ...c, deferral: { until: p.until, instalments: p.instalments } }),
    },
    apply: (c) => c,
  }),

  'penalty.serve-reminder': action({
    title: '送达催告书',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({ servedOn: legalDate }),
    guard: (c, p, ctx) => {
      const due = paymentDue(c, ctx);
      return [
        eventDate(p.servedOn, c, ctx, '催告送达日期'),
        !due || p.servedOn <= due
          ? { message: `缴款期限${due ? `（${due}）` : ''}届满前不能催告`, citation: GATE_CITATIONS.reminder }
          : null,
        fullyPaid(c) ? { message: '罚没款已缴清', citation: RECORD_CHECK } : null,
      ];
    },
    issues: () => 'reminder',
    apply: (c, p, m) => ({ ...c, reminders: [...c.reminders, { servedOn: p.servedOn, number: m.number }] }),
  }),

  'penalty.apply-court': action({
    title: '申请人民法院强制执行',
    roles: HEAD,
    from: ['executing'],
    payload: z.strictObject({ on: legalDate, court: text(100) }),
    guard: (c, p, ctx) => {
      const r = c.reminders.at(-1);
      const earliest = r ? nthWorkingDayAfter(ctx.table, r.servedOn, 10) : null;
      return [
        eventDate(p.on, c, ctx, '申请日期'),
        !r
          ? { message: '申请强制执行前应当催告当事人履行义务', citation: GATE_CITATIONS.reminder }
          : earliest && p.on < earliest
            ? { message: `催告书送达满十个工作日（${earliest}）后当事人仍未履行的，方可申请强制执行`, citation: GATE_CITATIONS.reminder }
            : null,
      ];
    },
    apply: (c, p) => ({ ...c, courtAppliedOn: p.on }),
  }),

  'penalty.suspend': action({
    title: '案件中止',
    roles: HEAD,
    from: OPEN_GENERAL,
    payload: z.strictObject({ from: legalDate, reason: text(1000) }),
    guard: (c, p, ctx) => [
      eventDate(p.from, c, ctx, '中止日期'),
      c.suspensions.some((s) => s.to === null) ? { message: '案件已经中止', citation: RECORD_CHECK } : null,
    ],
    apply: (c, p) => ({ ...c, suspensions: [...c.suspensions, { from: p.from, to: null, reason: p.reason }] }),
  }),

  'penalty.resume': action({
    title: '恢复案件办理',
    roles: HEAD,
    from: OPEN_GENERAL,
    whileSuspended: true,
    payload: z.strictObject({ on: legalDate, reason: text(1000) }),
    guard: (c, p, ctx) => {
      const open = c.suspensions.find((s) => s.to === null);
      return [
        open ? null : { message: '案件没有中止', citation: RECORD_CHECK },
        eventDate(p.on, c, ctx, '恢复日期'),
        open && p.on < open.from ? { message: '恢复日期不能早于中止日期', citation: RECORD_CHECK } : null,
      ];
    },
    // The suspension covers the days up to the one before the case resumes.
    apply: (c, p) => ({
      ...c,
      suspensions: c.suspensions.map((s) => (s.to === null ? { ...s, to: p.on > s.from ? addDays(p.on, -1) : s.from } : s)),
    }),
  }),

  'penalty.request-extension': action({
    title: '申请延长办案期限',
    roles: OFFICER,
    from: OPEN_GENERAL,
    payload: z.strictObject({ days: z.number().int().min(1).max(90), reason: text(1000) }),
    guard: (c) => [noPending(c, 'extension')],
    approval: {
      kind: 'extension',
      onApproved: (c, p, m) => ({ ...c, extensions: [...c.extensions, { days: p.days, reason: p.reason, approvedOn: m.today }] }),
    },
    apply: (c) => c,
  }),

  'penalty.close': action({
    title: '结案',
    roles: OFFICER,
    from: ['decided', 'executing'],
    payload: z.strictObject({ on: legalDate, report: text(5000) }),
    guard: (c, p, ctx) => [eventDate(p.on, c, ctx, '结案日期'), ...closingRefusals(c)],
    apply: (c, p) => ({ ...c, closedOn: p.on, closingReport: p.report }),
  }),

  'penalty.archive': action({
    title: '归档',
    roles: HEAD,
    from: ['closed'],
    payload: z.strictObject({ on: legalDate, acknowledgeWarnings: z.boolean() }),
    guard: (c, p, ctx) => {
      const check = archiveCheck(c, ctx);
      return [
        eventDate(p.on, c, ctx, '归档日期'),
        ...check.refusals,
        check.warnings.length && !p.acknowledgeWarnings
          ? { message: `归档前请确认知悉以下问题：${check.warnings.join('；')}`, citation: check.citation }
          : null,
      ];
    },
    derive: (c, _p, ctx) => archiveCheck(c, ctx).warnings,
    apply: (c, p, m) => ({ ...c, archivedOn: p.on, archiveWarnings: m.derived as string[] }),
  }),

  'penalty.on-the-spot': action({
    title: '当场作出行政处罚决定（简易程序）',
    roles: OFFICER,
    from: 'opens',
    payload: z.strictObject({
      party: partySchema,
      field: text(50),
      on: legalDate,
      place: text(200),
      officers,
      violationTypeId: z.string().min(1).max(60).nullable(),
      facts: text(2000),
      basis: text(1000),
      ...penalty,
      signed: z.boolean(),
      refusalNote: text(500).nullable(),
      paidOnSpot: z.boolean(),
    }),
    guard: (_c, p, ctx) => [
      p.on !== ctx.today ? { message: '当场处罚决定的日期须为今天', citation: GATE_CITATIONS.simple } : null,
      violationTypeFits(p.violationTypeId, p.field, ctx),
      simpleProcedureAllowed(p.party.kind, p.kinds, p.fineFen),
      p.confiscationFen > 0 ? { message: '简易程序不能没收财物', citation: GATE_CITATIONS.simple } : null,
      p.kinds.length === 0 ? { message: '须选择警告或者罚款', citation: GATE_CITATIONS.simple } : null,
      twoCertifiedOfficers(p.officers, { field: p.field }, ctx),
      !p.signed && !p.refusalNote
        ? { message: '当事人拒绝签收的，应当在决定书上注明', citation: '《中华人民共和国行政处罚法》第五十二条' }
        : null,
    ],
    issues: () => 'on-the-spot',
    apply: (c, p, m) => ({
      ...c,
      procedure: 'simple',
      party: p.party as Party,
      field: p.field,
      violationTypeId: p.violationTypeId,
      actOn: p.on,
      officers: p.officers,
      onTheSpot: { place: p.place, signed: p.signed, refusalNote: p.refusalNote },
      proposal: null,
      decision: { on: p.on, version: 0, outcome: 'penalty', kinds: p.kinds, fineFen: p.fineFen, confiscationFen: 0, number: m.number },
      service: { on: p.on, method: p.signed ? 'direct' : 'left', completeOn: p.on, recipient: p.party.name, refusedToSign: !p.signed },
      payments: p.paidOnSpot && p.fineFen > 0 ? [{ on: p.on, amountFen: p.fineFen }] : [],
      source: { kind: 'patrol', summary: p.facts, receivedOn: p.on },
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;

export type PenaltyActionType = keyof typeof PENALTY_ACTIONS;
export const PENALTY_ACTION_TYPES = Object.keys(PENALTY_ACTIONS) as PenaltyActionType[];
export type PayloadOf<T extends PenaltyActionType> = z.infer<(typeof PENALTY_ACTIONS)[T]['payload']>;

export const isPenaltyActionType = (s: string): s is PenaltyActionType => Object.hasOwn(PENALTY_ACTIONS, s);

/** The actions that open a case. */
export const OPENING_ACTIONS = ['penalty.register', 'penalty.on-the-spot'] as const satisfies readonly PenaltyActionType[];

// ——— execution ———

/** The last day to pay: 15 days after service is complete, or the approved deferral. */
export function paymentDue(c: PenaltyCase, ctx: Pick<GateContext, 'table' | 'settings'>): string | null {
  if (!c.service || !c.decision || amountDueFen(c.decision) === 0) return null;
  if (c.deferral) return c.deferral.until;
  return dueDate(ctx, 'penalty.payment', c.service.completeOn);
}

export const fullyPaid = (c: PenaltyCase) => !!c.decision && paidFen(c) >= amountDueFen(c.decision);

function closingRefusals(c: PenaltyCase): (Refusal | null)[] {
  if (!c.decision) return [{ message: '尚未作出决定', citation: RECORD_CHECK }];
  const penalises = DECISION_OUTCOMES[c.decision.outcome].penalises;
  return [
    !c.service ? { message: '决定书尚未送达', citation: GATE_CITATIONS.service } : null,
    penalises && amountDueFen(c.decision) > 0 && !fullyPaid(c) && !c.courtAppliedOn
      ? { message: '罚没款尚未缴清，也未申请人民法院强制执行', citation: '《中华人民共和国行政处罚法》第七十二条' }
      : null,
    c.seizures.some((s) => !s.releasedOn) ? { message: '尚有未解除的查封、扣押', citation: GATE_CITATIONS.seizure } : null,
    c.pending.length > 0 ? { message: '尚有待审批的申请', citation: RECORD_CHECK } : null,
  ];
}

// ——— opening, folding and what may be done now ———

export function emptyCase(id: string, agencyId: string, regionPath: string, registeredOn: string): PenaltyCase {
  return {
    id,
    agencyId,
    regionPath,
    procedure: 'general',
    field: '',
    registeredOn,
    source: { kind: 'patrol', summary: '', receivedOn: registeredOn },
    party: { kind: 'citizen', name: '', idNumber: null, address: '', phone: null, representative: null },
    violationTypeId: null,
    actOn: null,
    seriousHarm: false,
    officers: [],
    filedOn: null,
    filingNumber: null,
    declined: null,
    records: [],
    evidence: [],
    preservations: [],
    seizures: [],
    proposal: null,
    reviews: [],
    notice: null,
    statements: [],
    recheck: null,
    waivedOn: null,
    hearing: null,
    collective: null,
    decision: null,
    service: null,
    payments: [],
    deferral: null,
    reminders: [],
    courtAppliedOn: null,
    closedOn: null,
    closingReport: null,
    archivedOn: null,
    archiveWarnings: [],
    suspensions: [],
    extensions: [],
    pending: [],
    onTheSpot: null,
  };
}

/** The penalty procedure: its table, its empty case and how its status reads, for the kit to run. */
export const PENALTY_PROCEDURE: Procedure<PenaltyTypes, PenaltyActionType> = {
  subjectType: 'penalty-case',
  recordName: '行政处罚案件',
  permissions: { read: 'penalty.read' },
  actions: PENALTY_ACTIONS,
  empty: (o) => emptyCase(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  suspended: isSuspended,
  approvals: {
    pending: (c) => c.pending,
    withPending: (c, pending) => ({ ...c, pending: pending as PenaltyCase['pending'] }),
    kinds: APPROVAL_KINDS,
  },
};
