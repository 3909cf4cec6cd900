/**
 * The simple procedure (简易程序): one action opens the case, decides it on the spot, serves
 * the decision and, when the party pays there, records the payment.
 */
import { z } from 'zod';
import { atField } from '../../../procedure/spec.js';
import { GATE_CITATIONS } from '../../../law/penalty.js';
import { simpleProcedureAllowed, twoCertifiedOfficers, violationTypeFits } from '../gates.js';
import type { Party } from '../penalty-case.js';
import {
  action,
  dated,
  enforcementField,
  OFFICER,
  officers,
  partySchema,
  penalty,
  text,
  violationTypeId,
  type ActionSpec,
} from './shared.js';

/** 当场处罚. */
export const SIMPLE_ACTIONS = {
  'penalty.on-the-spot': action({
    title: '当场作出行政处罚决定（简易程序）',
    roles: OFFICER,
    from: 'opens',
    payload: z.strictObject({
      party: partySchema,
      field: enforcementField,
      on: dated('决定日期'),
      place: text(200).meta({ title: '地点' }),
      officers,
      violationTypeId: violationTypeId.nullable(),
      facts: text(2000).meta({ title: '违法事实' }),
      basis: text(1000).meta({ title: '依据' }),
      ...penalty,
      signed: z.boolean().meta({ title: '当事人已签收' }),
      refusalNote: text(500).nullable().meta({ title: '拒签情况说明' }),
      paidOnSpot: z.boolean().meta({ title: '当场缴纳' }),
    }),
    guard: (_c, p, ctx) => [
      p.on !== ctx.today ? { message: '当场处罚决定的日期须为今天', citation: GATE_CITATIONS.simple } : null,
      violationTypeFits(p.violationTypeId, p.field, ctx),
      simpleProcedureAllowed(p.party.kind, p.kinds, p.fineFen),
      p.confiscationFen > 0 ? { message: '简易程序不能没收财物', citation: GATE_CITATIONS.simple } : null,
      p.kinds.length === 0 ? { message: '须选择警告或者罚款', citation: GATE_CITATIONS.simple } : null,
      atField('officers', twoCertifiedOfficers(p.officers, { field: p.field }, ctx)),
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
