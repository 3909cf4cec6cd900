/**
 * 责令改正 (Art 28 第一款): every penalty also orders the party to correct the violation, at
 * once or by a date where it continues. The order is a numbered 责令（限期）改正通知书 whose
 * date is tracked; once it has passed the officers go back and record whether the party
 * corrected (复查). A case does not close with an order nobody checked.
 */
import { z } from 'zod';
import { cite } from '../../../law/penalty.js';
import { RECORD_CHECK, atField, type Refusal } from '../../../procedure/spec.js';
import type { PenaltyCase, PenaltyStatus } from '../penalty-case.js';
import { action, dated, eventDate, OFFICER, text, type ActionSpec } from './shared.js';

export const CORRECTION_CITATION = cite('第二十八条第一款');

/** From the filing on (a continuing violation is ordered to stop at once) to the execution of the decision. */
const ORDERING: PenaltyStatus[] = ['investigating', 'investigated', 'in-review', 'notified', 'hearing', 'decided', 'executing'];

/** Orders not yet checked, for closing to refuse. */
export const uncheckedOrders = (c: PenaltyCase): Refusal | null => {
  const open = c.correctionOrders.filter((o) => !o.recheck);
  return open.length > 0
    ? { message: `责令改正（${open.map((o) => o.number ?? `第${o.seq + 1}项`).join('、')}）尚未复查`, citation: CORRECTION_CITATION }
    : null;
};

export const CORRECTION_ORDER_ACTIONS = {
  'penalty.order-correction': action({
    title: '责令（限期）改正',
    roles: OFFICER,
    from: ORDERING,
    payload: z.strictObject({
      on: dated('责令日期'),
      order: text(1000).meta({ title: '责令改正的内容' }),
      by: dated('改正期限（至）'),
    }),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '责令日期')),
      p.by < p.on ? { message: `改正期限（${p.by}）不能早于责令之日（${p.on}）`, citation: CORRECTION_CITATION, field: 'by' } : null,
    ],
    issues: () => 'correction-order',
    apply: (c, p, m) => ({
      ...c,
      correctionOrders: [
        ...c.correctionOrders,
        { seq: c.correctionOrders.length, on: p.on, order: p.order, by: p.by, number: m.number, recheck: null },
      ],
    }),
  }),

  'penalty.recheck-correction': action({
    title: '复查改正情况',
    roles: OFFICER,
    from: [...ORDERING, 'closed'],
    payload: z.strictObject({
      seq: z.number().int().min(0).meta({ title: '责令改正（序号）' }),
      on: dated('复查日期'),
      corrected: z.boolean().meta({ title: '已按期改正' }),
      findings: text(2000).meta({ title: '复查情况' }),
    }),
    requires: (c) => (c.correctionOrders.some((o) => !o.recheck) ? null : { message: '没有待复查的责令改正', citation: RECORD_CHECK }),
    guard: (c, p, ctx) => {
      const o = c.correctionOrders[p.seq];
      if (!o) return [{ message: '没有该项责令改正', citation: RECORD_CHECK, field: 'seq' }];
      return [
        o.recheck ? { message: '该项责令改正已经复查', citation: RECORD_CHECK, field: 'seq' } : null,
        atField('on', eventDate(p.on, c, ctx, '复查日期')),
        p.on < o.on ? { message: '复查不能早于责令改正', citation: RECORD_CHECK, field: 'on' } : null,
        // Before the date only a correction already made can be found; a failure to correct only after it.
        !p.corrected && p.on <= o.by
          ? { message: `改正期限至 ${o.by}，期限届满前不能认定未改正`, citation: CORRECTION_CITATION, field: 'corrected' }
          : null,
      ];
    },
    apply: (c, p) => ({
      ...c,
      correctionOrders: c.correctionOrders.map((o) =>
        o.seq === p.seq ? { ...o, recheck: { on: p.on, corrected: p.corrected, findings: p.findings } } : o,
      ),
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
