/**
 * The penalty-case workflow: one row per action — who may take it, in which statuses,
 * what its payload is, which gates guard it, which numbered document it issues, and how
 * it changes the case. The rows are written by stage (workflow/); this is the one table
 * they make, exhaustive (`satisfies Record<PenaltyActionType, …>`) and pure: the service
 * runs it inside the journal's transaction. The table's order is the order the console
 * offers the actions in and the generated docs list them in.
 */
import { z } from 'zod';
import { SEPARATION_OF_DUTIES } from '../../law/penalty.js';
import { twoCertifiedOfficers, withinLimitation } from './gates.js';
import { RECORD_CHECK, sameIndividual, type Procedure } from '../../procedure/spec.js';
import { approve, dropRequest } from '../../procedure/decide.js';
import { APPROVAL_KINDS, CASE_EVIDENCE, isSuspended, statusOf, STATUS_NAMES, type PenaltyCase } from './penalty-case.js';
import { action, HEAD, OPEN_GENERAL, pending, text, type ActionSpec, type PenaltyTypes } from './workflow/shared.js';
import { FILING_ACTIONS } from './workflow/filing.js';
import { INVESTIGATION_ACTIONS } from './workflow/investigation.js';
import { DECISION_ACTIONS } from './workflow/decision.js';
import { EXECUTION_ACTIONS } from './workflow/execution.js';
import { COURSE_ACTIONS } from './workflow/course.js';
import { CLOSING_ACTIONS } from './workflow/closing.js';
import { SIMPLE_ACTIONS } from './workflow/simple.js';
import { CORRECTION_ORDER_ACTIONS } from './workflow/correction-order.js';
import { RECUSAL_ACTIONS, recusalApproval, refusedRecusal } from './workflow/recusal.js';
import { AFTER_DECISION_ACTIONS, noDecision } from './workflow/after-decision.js';
import { nextSteps } from './workflow/next-steps.js';
import { penaltyPublications } from './publication.js';

/** The procedure, for the rows that approve and refuse requests (annotated: its table's type does not depend on it). */
const thisProcedure = (): Procedure<PenaltyTypes> => PENALTY_PROCEDURE;

/** Which request the head answers. */
const approvalKind = z
  .enum(['filing', 'preservation', 'seizure', 'seizure-extension', 'extension', 'deferral', 'self-correction', 'recusal'])
  .meta({ title: '审批事项', labels: APPROVAL_KINDS });

/** The numbered document approving a request issues. */
const APPROVAL_ISSUES: Partial<Record<z.infer<typeof approvalKind>, PenaltyTypes['series']>> = {
  filing: 'filing',
  preservation: 'preservation',
  seizure: 'seizure',
  'self-correction': 'self-correction',
  recusal: 'recusal',
};

/** The head's answer to any stage's request: these rows act on the whole table, so they sit with it. */
const APPROVAL_ACTIONS = {
  'penalty.approve': action({
    title: '负责人审批同意',
    roles: HEAD,
    from: ['filing', ...OPEN_GENERAL, 'decided', 'executing'],
    whileSuspended: true,
    answers: true,
    payload: z.strictObject({ kind: approvalKind, opinion: text(500).meta({ title: '审批意见' }) }),
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
      if (p.kind === 'self-correction') return [noDecision(c)];
      if (p.kind === 'recusal') return [recusalApproval(c, req.payload, ctx)];
      if (p.kind === 'preservation' || p.kind === 'seizure')
        return [twoCertifiedOfficers((req.payload as { officers: string[] }).officers, c, ctx)];
      return [];
    },
    issues: (_c, p) => APPROVAL_ISSUES[p.kind] ?? null,
    apply: (c, p, m) => approve(thisProcedure(), c, p.kind, m),
  }),

  'penalty.reject': action({
    title: '负责人审批不同意',
    roles: HEAD,
    from: ['filing', ...OPEN_GENERAL, 'decided', 'executing'],
    whileSuspended: true,
    answers: true,
    payload: z.strictObject({ kind: approvalKind, reason: text(500).meta({ title: '不同意的理由' }) }),
    guard: (c, p) => [pending(c, p.kind) ? null : { message: '没有待审批的该类申请', citation: RECORD_CHECK }],
    apply: (c, p, m) => ({
      ...dropRequest(thisProcedure(), c, p.kind),
      declined: p.kind === 'filing' ? { on: m.today, reason: p.reason } : c.declined,
      recusals: p.kind === 'recusal' ? refusedRecusal(c, p.reason, m.today) : c.recusals,
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;

export const PENALTY_ACTIONS = {
  ...FILING_ACTIONS,
  ...APPROVAL_ACTIONS,
  ...INVESTIGATION_ACTIONS,
  ...DECISION_ACTIONS,
  ...EXECUTION_ACTIONS,
  ...CORRECTION_ORDER_ACTIONS,
  ...AFTER_DECISION_ACTIONS,
  ...COURSE_ACTIONS,
  ...RECUSAL_ACTIONS,
  ...CLOSING_ACTIONS,
  ...SIMPLE_ACTIONS,
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;

export type PenaltyActionType = keyof typeof PENALTY_ACTIONS;
export const PENALTY_ACTION_TYPES = Object.keys(PENALTY_ACTIONS) as PenaltyActionType[];
export type PayloadOf<T extends PenaltyActionType> = z.infer<(typeof PENALTY_ACTIONS)[T]['payload']>;

export const isPenaltyActionType = (s: string): s is PenaltyActionType => Object.hasOwn(PENALTY_ACTIONS, s);

/** The actions that open a case. */
export const OPENING_ACTIONS = ['penalty.register', 'penalty.on-the-spot'] as const satisfies readonly PenaltyActionType[];

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
    courtApplication: null,
    closedOn: null,
    closingReport: null,
    archivedOn: null,
    archiveWarnings: [],
    suspensions: [],
    extensions: [],
    pending: [],
    changes: [],
    priorDecisions: [],
    corrections: [],
    refunds: [],
    onTheSpot: null,
    serviceAttempts: [],
    correctionOrders: [],
    recusals: [],
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
  next: nextSteps,
  // The case's two officers (from 立案): its officers' steps wait on them, not on every officer of the town.
  assignees: { role: 'officer', people: (c) => c.officers },
  approvals: {
    pending: (c) => c.pending,
    withPending: (c, pending) => ({ ...c, pending: pending as PenaltyCase['pending'] }),
    kinds: APPROVAL_KINDS,
  },
  evidence: CASE_EVIDENCE,
  publications: penaltyPublications,
};
