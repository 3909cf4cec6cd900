/**
 * 回避 (Art 43): an officer or a reviewer with a direct interest in the case withdraws, on the
 * party's application or of his own motion, and the agency's head decides. An officer who
 * withdraws leaves the case with another certified officer in his place; a reviewer who
 * withdraws may not give the case's legal review. The decision either way is kept.
 */
import { z } from 'zod';
import { cite } from '../../../law/penalty.js';
import { RECORD_CHECK, atField, type Refusal } from '../../../procedure/spec.js';
import { twoCertifiedOfficers, type GateContext } from '../gates.js';
import type { PenaltyCase, Recusal } from '../penalty-case.js';
import { action, dated, eventDate, noPending, OFFICER, OPEN_GENERAL, personId, text, type ActionSpec } from './shared.js';

export const RECUSAL_CITATION = cite('第四十三条');
export const RECUSAL_ROLES = { officer: '执法人员', reviewer: '法制审核人员' } as const;
const APPLICANTS = { party: '当事人申请', self: '本人申请' } as const;

const recusalSchema = z.strictObject({
  on: dated('申请日期'),
  personId: personId.meta({ title: '申请回避的人员', widget: 'person' }),
  role: z.enum(['officer', 'reviewer']).meta({ title: '其在本案中的职责', labels: RECUSAL_ROLES }),
  applicant: z.enum(['party', 'self']).meta({ title: '申请人', labels: APPLICANTS }),
  reason: text(1000).meta({ title: '回避理由（与本案有直接利害关系或者有其他关系，可能影响公正执法的情形）' }),
  replacementId: personId.nullable().meta({ title: '接替的执法人员（执法人员回避的）', widget: 'person' }),
});
type RecusalRequest = z.infer<typeof recusalSchema>;

/** The officers the case has once the officer withdrawn is replaced. */
const officersAfter = (c: PenaltyCase, p: Pick<RecusalRequest, 'personId' | 'replacementId'>) =>
  c.officers.map((id) => (id === p.personId && p.replacementId ? p.replacementId : id));

function requestRefusals(c: PenaltyCase, p: RecusalRequest, ctx: GateContext): (Refusal | null)[] {
  const recused = c.recusals.some((r) => r.personId === p.personId && r.decision === 'withdrawn');
  if (recused) return [{ message: `${ctx.nameOf(p.personId)}已经回避`, citation: RECUSAL_CITATION, field: 'personId' }];
  if (p.role === 'reviewer')
    return [
      c.officers.includes(p.personId)
        ? { message: '该人员是本案执法人员，请按“执法人员”申请回避', citation: RECORD_CHECK, field: 'role' }
        : null,
      p.replacementId
        ? { message: '法制审核人员回避的，由其他审核人员审核，无需指定接替的执法人员', citation: RECORD_CHECK, field: 'replacementId' }
        : null,
    ];
  if (!c.officers.includes(p.personId)) return [{ message: '该人员不是本案的执法人员', citation: RECORD_CHECK, field: 'personId' }];
  if (!p.replacementId)
    return [
      { message: '执法人员回避的，须指定接替的执法人员（本案执法人员不得少于两人）', citation: cite('第四十二条'), field: 'replacementId' },
    ];
  return [
    c.officers.includes(p.replacementId) ? { message: '接替人员已是本案执法人员', citation: RECORD_CHECK, field: 'replacementId' } : null,
    atField('replacementId', twoCertifiedOfficers(officersAfter(c, p), c, ctx)),
  ];
}

/** At the head's approval: the officers the case will have are still certified (Art 42). */
export function recusalApproval(c: PenaltyCase, payload: unknown, ctx: GateContext): Refusal | null {
  const p = payload as RecusalRequest;
  return p.role === 'officer' && p.replacementId ? twoCertifiedOfficers(officersAfter(c, p), c, ctx) : null;
}

/** The head refused the request: kept, with his reason. */
export function refusedRecusal(c: PenaltyCase, reason: string, on: string): PenaltyCase['recusals'] {
  const req = c.pending.find((x) => x.kind === 'recusal');
  if (!req) return c.recusals;
  const p = req.payload as RecusalRequest;
  return [...c.recusals, { ...recusalOf(p), decidedOn: on, decision: 'refused', headReason: reason, number: null }];
}

const recusalOf = (p: RecusalRequest): Omit<Recusal, 'decidedOn' | 'decision' | 'headReason' | 'number'> => ({
  appliedOn: p.on,
  personId: p.personId,
  role: p.role,
  applicant: p.applicant,
  reason: p.reason,
  replacementId: p.replacementId,
});

/** A reviewer who withdrew gives no opinion on the case. */
export const recusedReviewer = (c: PenaltyCase, actorPersonId: string | null): Refusal | null =>
  actorPersonId && c.recusals.some((r) => r.personId === actorPersonId && r.decision === 'withdrawn')
    ? { message: '您已在本案回避，不能出具法制审核意见', citation: RECUSAL_CITATION }
    : null;

export const RECUSAL_ACTIONS = {
  'penalty.request-recusal': action({
    title: '登记回避申请',
    roles: OFFICER,
    from: ['filing', ...OPEN_GENERAL],
    payload: recusalSchema,
    requires: (c) =>
      c.officers.length === 0
        ? { message: '本案尚未确定执法人员（立案审批后方可申请回避）', citation: RECORD_CHECK }
        : noPending(c, 'recusal'),
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '申请日期')), ...requestRefusals(c, p, ctx)],
    approval: {
      kind: 'recusal',
      onApproved: (c, p, m) => ({
        ...c,
        officers: officersAfter(c, p),
        recusals: [...c.recusals, { ...recusalOf(p), decidedOn: m.today, decision: 'withdrawn', headReason: null, number: m.number }],
      }),
    },
    apply: (c) => c,
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;

export { APPLICANTS as RECUSAL_APPLICANTS };
