/**
 * What every stage of the penalty workflow is written with: the payload's building blocks,
 * the spec of one action (the kit's, over the penalty case's types), who may act, and the
 * checks most rows share (a recorded date, a request already waiting).
 */
import { z } from 'zod';
import { identityChecked, legalDate, requiredText } from '../../../platform/http/schemas.js';
import { PARTY_KINDS, PENALTY_KIND_IDS, PENALTY_KINDS, SERVICE_METHOD_IDS, SERVICE_METHODS } from '../../../law/penalty.js';
import type { Role } from '../../../platform/security/access.js';
import type { GateContext } from '../gates.js';
import { RECORD_CHECK, type ActionSpec as KitActionSpec, type PendingApproval, type Refusal } from '../../../procedure/spec.js';
import type { DocumentSeries } from '../documents/series.js';
import type { ApprovalKind, PenaltyCase, PenaltyStatus } from '../penalty-case.js';

// ——— payload building blocks ———
// Each field carries its Chinese title and how the console shows it (FieldMeta, procedure/spec.ts).

/** Texts longer than this are written in a textarea. */
const LONG_TEXT = 500;

export const text = (max: number) => {
  const s = requiredText(max);
  return max > LONG_TEXT ? s.meta({ widget: 'textarea' }) : s;
};
export const personId = z.string().min(1).max(64);
export const officers = z.array(personId).min(2, '执法人员不得少于两人').max(10).meta({ title: '执法人员（两名以上）', widget: 'person' });
export const fen = z
  .number()
  .int('金额以分为单位，须为整数')
  .min(0, '金额不能为负数')
  .max(100_000_000_000, '金额超出合理范围')
  .meta({ widget: 'yuan' });

/** The Chinese names of a dictionary's entries, as an enum's labels. */
export const namesOf = (o: Record<string, { name: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.name]));

export const partySchema = z
  .strictObject({
    kind: z.enum(['citizen', 'organisation']).meta({ title: '当事人类型', labels: PARTY_KINDS }),
    name: text(100).meta({ title: '名称（姓名）' }),
    // Checked against the kind below (GB 11643 / GB 32100), the wrong character named.
    idNumber: z.string().trim().max(18, '不能超过 18 位').nullable().meta({ title: '身份证号 / 统一社会信用代码' }),
    address: text(200).meta({ title: '住所（地址）' }),
    phone: z
      .string()
      .regex(/^[\d-]{7,20}$/, '电话号码格式不正确')
      .nullable()
      .meta({ title: '联系电话' }),
    representative: text(50).nullable().meta({ title: '法定代表人（负责人）' }),
  })
  .superRefine(identityChecked)
  .meta({ title: '当事人' });

export const penalty = {
  kinds: z
    .array(z.enum(PENALTY_KIND_IDS))
    .max(PENALTY_KIND_IDS.length)
    .meta({ title: '处罚种类', labels: namesOf(PENALTY_KINDS) }),
  fineFen: fen.meta({ title: '罚款金额（元）' }),
  confiscationFen: fen.meta({ title: '没收金额（元）' }),
};

/** The case's 执法类别, those of the agency's 裁量基准 suggested. */
export const enforcementField = text(50).meta({ title: '执法类别', widget: 'enforcement-field' });
export const violationTypeId = z.string().min(1).max(60).meta({ title: '违法行为（裁量基准）', widget: 'violation-type' });
export const serviceMethod = z.enum(SERVICE_METHOD_IDS).meta({ title: '送达方式', labels: namesOf(SERVICE_METHODS) });
export const consentOnFile = z.boolean().meta({ title: '已签订电子送达确认书' });
/** A legal date, with its title. */
export const dated = (title: string) => legalDate.meta({ title });

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
