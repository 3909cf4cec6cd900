/**
 * The simple procedure (简易程序): one action opens the case, decides it on the spot and
 * serves the decision — as strictly as the general procedure where the law applies to both:
 * the 裁量基准 and the party's age and grounds (Arts 30–34), the 告知 and the party's
 * statement (Arts 44–45, 52). Then what the law asks after it: cash taken on the spot handed
 * in and banked (Arts 68–71), and the decision filed with the agency (Art 52).
 */
import { z } from 'zod';
import { optionalText } from '../../../platform/http/schemas.js';
import { RECORD_CHECK, atField, type Refusal } from '../../../procedure/spec.js';
import {
  CASH_CITATIONS,
  CASH_COLLECTION_GROUND_IDS,
  CASH_COLLECTION_GROUNDS,
  GATE_CITATIONS,
  SMALL_CASH_FINE_FEN,
  cite,
} from '../../../law/penalty.js';
import { yuanText } from '../../../journal/readable.js';
import { secondFine, simpleProcedureAllowed, twoCertifiedOfficers, violationTypeFits, type GateContext } from '../gates.js';
import { weighCase, type PenaltyWeighed } from '../mitigation.js';
import type { CashCollection, Party, PenaltyCase } from '../penalty-case.js';
import {
  action,
  dated,
  enforcementField,
  eventDate,
  mitigatingFacts,
  namesOf,
  OFFICER,
  officers,
  partySchema,
  penalty,
  text,
  violationTypeId,
  type ActionSpec,
} from './shared.js';

const onTheSpotSchema = z.strictObject({
  party: partySchema,
  field: enforcementField,
  on: dated('决定日期'),
  place: text(200).meta({ title: '地点' }),
  officers,
  violationTypeId,
  circumstanceId: z.string().min(1, '请选择情节').max(40).meta({ title: '情节（裁量基准）', widget: 'circumstance' }),
  facts: text(2000).meta({ title: '违法事实' }),
  basis: text(1000).meta({ title: '依据' }),
  told: z.boolean().meta({ title: '已当场告知违法事实、理由、依据和陈述、申辩的权利' }),
  statement: optionalText(1000).meta({ title: '当事人的陈述、申辩（未提出的留空）' }),
  statementReply: optionalText(1000).meta({ title: '对陈述、申辩的复核意见' }),
  ...penalty,
  mitigation: mitigatingFacts,
  signed: z.boolean().meta({ title: '当事人已签收' }),
  refusalNote: optionalText(500).meta({ title: '拒签情况说明' }),
  cashCollected: z.boolean().meta({ title: '当场收缴罚款' }),
  cashGround: z
    .enum(CASH_COLLECTION_GROUND_IDS)
    .nullable()
    .meta({ title: '当场收缴的情形', labels: namesOf(CASH_COLLECTION_GROUNDS) }),
  cashGroundNote: optionalText(300).meta({ title: '当场收缴情形的说明' }),
  receiptNumber: optionalText(50).meta({ title: '罚款专用票据号码' }),
  landedOn: dated('抵岸日期（在水上收缴的）').nullable().optional(),
  secondFineBasis: optionalText(300).default(null).meta({ title: '同一违法行为再次罚款的法律依据（法律另有规定的，如按日连续处罚）' }),
});
type OnTheSpotPayload = z.infer<typeof onTheSpotSchema>;

function weighed(p: OnTheSpotPayload, ctx: GateContext): PenaltyWeighed {
  const vt = ctx.settings.violationType(p.violationTypeId);
  return weighCase(
    vt,
    vt?.circumstances.find((x) => x.id === p.circumstanceId),
    p.party as Party,
    p.on,
    p,
    p.mitigation,
  );
}

/** The 裁量基准 on the spot (Art 34): the circumstance exists, the penalty is inside it, and the law's bounds hold. */
function discretionOnTheSpot(p: OnTheSpotPayload, ctx: GateContext): Refusal[] {
  const vt = ctx.settings.violationType(p.violationTypeId);
  if (!vt) return [];
  if (!vt.circumstances.some((x) => x.id === p.circumstanceId))
    return [{ message: `违法行为“${vt.name}”的裁量基准中没有该情节`, citation: cite('第三十四条'), field: 'circumstanceId' }];
  const { weighing } = weighed(p, ctx);
  return [
    ...weighing.refusals,
    weighing.outsideBenchmark.length > 0
      ? {
          message: `当场处罚应当在裁量基准的幅度内：${weighing.outsideBenchmark.join('；')}。确需超出的，请适用普通程序并经法制审核`,
          citation: cite('第三十四条'),
          field: 'fineFen',
        }
      : null,
  ].filter((r): r is Refusal => r !== null);
}

/** 当场收缴 (Arts 68–70): a fine of ¥100 or less, or a recorded ground; always the 专用票据. */
function cashRefusals(p: OnTheSpotPayload): (Refusal | null)[] {
  if (!p.cashCollected) return [];
  if (p.fineFen === 0) return [{ message: '没有罚款，无需当场收缴', citation: RECORD_CHECK, field: 'cashCollected' }];
  const ground = p.cashGround ?? (p.fineFen <= SMALL_CASH_FINE_FEN ? 'small' : null);
  return [
    !ground
      ? {
          message: `罚款 ${yuanText(p.fineFen)} 超过一百元，只有记录了“不当场收缴事后难以执行”或者“边远、水上、交通不便地区缴款确有困难”的情形，才能当场收缴；否则请当事人到指定银行或者通过电子支付系统缴纳`,
          citation: cite('第六十八条、第六十九条'),
          field: 'cashGround',
        }
      : null,
    ground === 'small' && p.fineFen > SMALL_CASH_FINE_FEN
      ? {
          message: `罚款 ${yuanText(p.fineFen)} 不是一百元以下的罚款`,
          citation: CASH_COLLECTION_GROUNDS.small.citation,
          field: 'cashGround',
        }
      : null,
    ground && ground !== 'small' && !p.cashGroundNote
      ? {
          message: `请写明“${CASH_COLLECTION_GROUNDS[ground].name}”的具体情况`,
          citation: CASH_COLLECTION_GROUNDS[ground].citation,
          field: 'cashGroundNote',
        }
      : null,
    !p.receiptNumber
      ? {
          message: '当场收缴罚款的，必须向当事人出具财政部门统一制发的专用票据，请填写票据号码',
          citation: CASH_CITATIONS.receipt,
          field: 'receiptNumber',
        }
      : null,
    p.landedOn && p.landedOn < p.on ? { message: '抵岸日期不能早于收缴日期', citation: RECORD_CHECK, field: 'landedOn' } : null,
  ];
}

function cashOf(p: OnTheSpotPayload): CashCollection | null {
  if (!p.cashCollected) return null;
  return {
    ground: p.cashGround ?? 'small',
    groundNote: p.cashGroundNote,
    receiptNumber: p.receiptNumber ?? '',
    collectedOn: p.on,
    landedOn: p.landedOn ?? null,
    handedInOn: null,
    bankedOn: null,
    bankReceipt: null,
  };
}

const cashOfCase = (c: PenaltyCase) => c.onTheSpot?.cash ?? null;

/** 当场处罚, and what follows it. */
export const SIMPLE_ACTIONS = {
  'penalty.on-the-spot': action({
    title: '当场作出行政处罚决定（简易程序）',
    roles: OFFICER,
    from: 'opens',
    payload: onTheSpotSchema,
    guard: (_c, p, ctx) => [
      p.on !== ctx.today ? { message: '当场处罚决定的日期须为今天', citation: GATE_CITATIONS.simple } : null,
      atField('violationTypeId', violationTypeFits(p.violationTypeId, p.field, ctx)),
      simpleProcedureAllowed(p.party.kind, p.kinds, p.fineFen),
      p.confiscationFen > 0 ? { message: '简易程序不能没收财物', citation: GATE_CITATIONS.simple } : null,
      p.kinds.length === 0 ? { message: '须选择警告或者罚款', citation: GATE_CITATIONS.simple } : null,
      secondFine(p.fineFen, p.secondFineBasis, ctx),
      ...discretionOnTheSpot(p, ctx),
      atField('officers', twoCertifiedOfficers(p.officers, { field: p.field }, ctx)),
      !p.told
        ? {
            message: '当场作出行政处罚决定前，应当告知当事人违法事实、处罚的理由和依据，以及陈述、申辩的权利',
            citation: cite('第四十四条、第五十二条'),
            field: 'told',
          }
        : null,
      p.statement && !p.statementReply
        ? { message: '当事人提出了陈述、申辩，应当听取并复核，请记录复核意见', citation: GATE_CITATIONS.statement, field: 'statementReply' }
        : null,
      !p.signed && !p.refusalNote
        ? { message: '当事人拒绝签收的，应当在决定书上注明', citation: cite('第五十二条'), field: 'refusalNote' }
        : null,
      ...cashRefusals(p),
    ],
    issues: () => 'on-the-spot',
    // The age and grounds as weighed today, kept in the journal: a replay needs no settings.
    derive: (_c, p, ctx) => weighed(p, ctx).mitigation,
    apply: (c, p, m) => ({
      ...c,
      procedure: 'simple',
      party: p.party as Party,
      field: p.field,
      violationTypeId: p.violationTypeId,
      actOn: p.on,
      officers: p.officers,
      onTheSpot: {
        place: p.place,
        signed: p.signed,
        refusalNote: p.refusalNote,
        circumstanceId: p.circumstanceId,
        statement: p.statement,
        statementReply: p.statementReply,
        mitigation: m.derived as PenaltyWeighed['mitigation'],
        cash: cashOf(p),
        filedOn: null,
      },
      proposal: null,
      decision: { on: p.on, version: 0, outcome: 'penalty', kinds: p.kinds, fineFen: p.fineFen, confiscationFen: 0, number: m.number },
      service: { on: p.on, method: p.signed ? 'direct' : 'left', completeOn: p.on, recipient: p.party.name, refusedToSign: !p.signed },
      payments: p.cashCollected ? [{ on: p.on, amountFen: p.fineFen }] : [],
      source: { kind: 'patrol', summary: p.facts, receivedOn: p.on },
    }),
  }),

  'penalty.hand-in-cash': action({
    title: '当场收缴的罚款交至行政机关',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({ on: dated('交款日期'), receivedBy: text(50).meta({ title: '行政机关收款人' }) }),
    requires: (c) =>
      cashOfCase(c) && !cashOfCase(c)!.handedInOn ? null : { message: '没有待交至行政机关的当场收缴罚款', citation: RECORD_CHECK },
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '交款日期')),
      p.on < cashOfCase(c)!.collectedOn ? { message: '交款日期不能早于收缴日期', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    apply: (c, p) => withCash(c, { handedInOn: p.on }),
  }),

  'penalty.bank-cash': action({
    title: '当场收缴的罚款缴付指定银行',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({ on: dated('缴付日期'), bankReceipt: text(100).meta({ title: '银行缴款凭证号' }) }),
    requires: (c) => {
      const cash = cashOfCase(c);
      if (!cash || cash.bankedOn) return { message: '没有待缴付银行的当场收缴罚款', citation: RECORD_CHECK };
      return cash.handedInOn ? null : { message: '当场收缴的罚款尚未交至行政机关', citation: CASH_CITATIONS.payIn };
    },
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '缴付日期')),
      p.on < cashOfCase(c)!.handedInOn!
        ? { message: '缴付银行的日期不能早于交至行政机关的日期', citation: RECORD_CHECK, field: 'on' }
        : null,
    ],
    apply: (c, p) => withCash(c, { bankedOn: p.on, bankReceipt: p.bankReceipt }),
  }),

  'penalty.file-on-the-spot': action({
    title: '当场处罚决定报所属行政机关备案',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({ on: dated('备案日期') }),
    requires: (c) => (c.onTheSpot && !c.onTheSpot.filedOn ? null : { message: '没有待备案的当场处罚决定', citation: RECORD_CHECK }),
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '备案日期'))],
    apply: (c, p) => ({ ...c, onTheSpot: { ...c.onTheSpot!, filedOn: p.on } }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;

const withCash = (c: PenaltyCase, change: Partial<CashCollection>): PenaltyCase => ({
  ...c,
  onTheSpot: { ...c.onTheSpot!, cash: { ...c.onTheSpot!.cash!, ...change } },
});

/** What an on-the-spot case still owes the law before it closes: the 备案 and the cash banked. */
export function onTheSpotOutstanding(c: PenaltyCase): Refusal[] {
  const s = c.onTheSpot;
  if (!s) return [];
  const out: Refusal[] = [];
  // Cases decided before the 备案 was kept (no `filedOn` field) are not held back by it.
  if (s.filedOn === null) out.push({ message: '当场处罚决定尚未报所属行政机关备案', citation: cite('第五十二条') });
  if (s.cash && !s.cash.bankedOn) out.push({ message: '当场收缴的罚款尚未交至行政机关并缴付指定银行', citation: CASH_CITATIONS.payIn });
  return out;
}
