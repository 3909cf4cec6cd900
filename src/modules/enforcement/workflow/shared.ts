/**
 * What every stage of the penalty workflow is written with: the payload's building blocks,
 * the spec of one action (the kit's, over the penalty case's types), who may act, and the
 * checks most rows share (a recorded date, a request already waiting).
 */
import { z } from 'zod';
import { identityChecked, legalDate, requiredText, phoneNumber } from '../../../platform/http/schemas.js';
import { birthDateOf, idNumberProblem } from '../../../platform/identity/numbers.js';
import {
  CHOSEN_GROUND_IDS,
  cite,
  GATE_CITATIONS,
  MITIGATING_GROUNDS,
  PARTY_KINDS,
  PENALTY_KIND_IDS,
  PENALTY_KINDS,
  SERVICE_METHOD_IDS,
  SERVICE_METHODS,
  type ServiceMethod,
} from '../../../law/penalty.js';
import type { Role } from '../../../platform/security/access.js';
import type { GateContext } from '../gates.js';
import { RECORD_CHECK, type ActionSpec as KitActionSpec, type PendingApproval, type Refusal } from '../../../procedure/spec.js';
import type { DocumentSeries } from '../documents/series.js';
import type { ApprovalKind, PenaltyCase, PenaltyStatus, ServiceAttempt } from '../penalty-case.js';

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
    phone: phoneNumber.nullable().meta({ title: '联系电话' }),
    representative: text(50).nullable().meta({ title: '法定代表人（负责人）' }),
    birthDate: legalDate.nullable().optional().meta({ title: '出生日期（无身份证号码的公民填写）' }),
  })
  .superRefine(identityChecked)
  .superRefine(birthDateAgreesWithId)
  .meta({ title: '当事人' });

/** A recorded birth date must say what the 身份证号 says: the age decides the penalty (Art 30). */
function birthDateAgreesWithId(p: { kind: string; idNumber: string | null; birthDate?: string | null }, ctx: z.RefinementCtx): void {
  if (p.kind !== 'citizen' || !p.birthDate || !p.idNumber || idNumberProblem(p.idNumber)) return;
  const stated = birthDateOf(p.idNumber);
  if (stated !== p.birthDate)
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: `出生日期 ${p.birthDate} 与身份证号码所载的 ${stated} 不符（年龄决定能否处罚及从轻、减轻，《中华人民共和国行政处罚法》第三十条）`,
    });
}

/** The grounds for a lighter penalty an officer records (Arts 31–32), each with its evidence, none twice. */
export const mitigatingFacts = z
  .array(
    z
      .strictObject({
        ground: z.enum(CHOSEN_GROUND_IDS).meta({ title: '情形', labels: namesOf(MITIGATING_GROUNDS) }),
        evidence: z
          .string()
          .trim()
          .min(2, `须写明证明该情形的证据（${cite('第三十二条')}）`)
          .max(500, '不能超过 500 个字')
          .meta({ title: '证据' }),
      })
      .meta({ title: '从轻、减轻情形' }),
  )
  .max(CHOSEN_GROUND_IDS.length)
  .refine((xs) => new Set(xs.map((x) => x.ground)).size === xs.length, '同一从轻、减轻情形只能记录一次')
  .default([])
  .meta({ title: '从轻、减轻处罚的情形（行政处罚法第三十一条、第三十二条）' });

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
/**
 * 公告送达 is the last resort (民事诉讼法 Art 95): only when the party cannot be found or the
 * other methods have failed, each failure recorded for this document since it was made.
 */
export function publicNoticeRefusal(
  c: PenaltyCase,
  document: ServiceAttempt['document'],
  method: ServiceMethod,
  since: string,
): Refusal | null {
  if (method !== 'public-notice') return null;
  const failed = c.serviceAttempts.filter((a) => a.document === document && a.on >= since);
  return failed.length > 0
    ? null
    : {
        message: '公告送达须在直接送达、留置送达、邮寄送达等方式无法送达后采用：请先登记送达未成功的情况',
        citation: GATE_CITATIONS.publicNotice,
        field: 'method',
      };
}

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
