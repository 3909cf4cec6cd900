/**
 * What every stage of the penalty workflow is written with: the payload's building blocks,
 * the spec of one action (the kit's, over the penalty case's types), who may act, and the
 * checks most rows share (a recorded date, a request already waiting).
 */
import { z } from 'zod';
import { PENALTY_KIND_IDS } from '../../../law/penalty.js';
import type { Role } from '../../../platform/security/access.js';
import type { GateContext } from '../gates.js';
import { RECORD_CHECK, type ActionSpec as KitActionSpec, type PendingApproval, type Refusal } from '../../../procedure/spec.js';
import type { DocumentSeries } from '../documents/series.js';
import type { ApprovalKind, PenaltyCase, PenaltyStatus } from '../penalty-case.js';

// ——— payload building blocks ———

export const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
export const personId = z.string().min(1).max(64);
export const officers = z.array(personId).min(2, '执法人员不得少于两人').max(10);
export const fen = z.number().int('金额以分为单位，须为整数').min(0, '金额不能为负数').max(100_000_000_000, '金额超出合理范围');

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

export const penalty = {
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

export const action = <P>(spec: ActionSpec<P>) => spec;

export const OFFICER: Role[] = ['officer', 'unit_head'];
export const HEAD: Role[] = ['unit_head'];
export const OPEN_GENERAL: PenaltyStatus[] = ['investigating', 'investigated', 'in-review', 'notified', 'hearing'];

/** A recorded event may not lie in the future or before the case began. */
export function eventDate(date: string, c: Pick<PenaltyCase, 'registeredOn'>, ctx: GateContext, what: string): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK };
  if (date < c.registeredOn) return { message: `${what}（${date}）不能早于案源登记日（${c.registeredOn}）`, citation: RECORD_CHECK };
  return null;
}

/** The request of `kind` waiting for the head's approval (the procedure's approvals keep them in `pending`). */
export const pending = (c: PenaltyCase, kind: ApprovalKind): PendingApproval | undefined => c.pending.find((p) => p.kind === kind);

export const noPending = (c: PenaltyCase, kind: ApprovalKind): Refusal | null =>
  pending(c, kind) ? { message: '已有同类申请等待负责人审批', citation: RECORD_CHECK } : null;
