/**
 * The case begins (general procedure): 案源登记, then the request to 立案 that the head
 * approves (the approval numbers the filing).
 */
import { z } from 'zod';
import { CASE_SOURCE_IDS, CASE_SOURCES, GATE_CITATIONS } from '../../../law/penalty.js';
import { twoCertifiedOfficers, violationTypeFits, withinLimitation } from '../gates.js';
import { RECORD_CHECK, atField } from '../../../procedure/spec.js';
import { linkedFromGate, linkedFromSchema } from '../../../procedure/links.js';
import type { Party } from '../penalty-case.js';
import {
  action,
  dated,
  enforcementField,
  noPending,
  OFFICER,
  officers,
  partySchema,
  text,
  violationTypeId,
  type ActionSpec,
} from './shared.js';

/** 案源登记 and 立案. */
export const FILING_ACTIONS = {
  'penalty.register': action({
    title: '案源登记',
    roles: OFFICER,
    from: 'opens',
    payload: z.strictObject({
      source: z
        .strictObject({
          kind: z.enum(CASE_SOURCE_IDS).meta({ title: '案源类别', labels: CASE_SOURCES }),
          summary: text(2000).meta({ title: '案源情况' }),
          receivedOn: dated('接收日期'),
        })
        .meta({ title: '案件来源' }),
      party: partySchema,
      field: enforcementField,
      // Set by a petition's routing into a 案源 (links.ts), never typed in the form.
      linkedFrom: linkedFromSchema.optional(),
    }),
    guard: (_c, p, ctx) => [
      p.source.receivedOn > ctx.today ? { message: '案源接收日期不能晚于今天', citation: RECORD_CHECK } : null,
      linkedFromGate(p.linkedFrom, ctx.linkSource),
    ],
    apply: (c, p) => ({
      ...c,
      source: p.source,
      party: p.party as Party,
      field: p.field,
      ...(p.linkedFrom ? { linkedFrom: p.linkedFrom } : {}),
    }),
  }),

  'penalty.request-filing': action({
    title: '提请立案审批',
    roles: OFFICER,
    from: ['registered'],
    payload: z.strictObject({
      violationTypeId,
      actOn: dated('违法行为发生（终了）日期'),
      seriousHarm: z.boolean().meta({ title: '涉及生命健康安全、金融安全且有危害后果（五年时效）' }),
      officers,
      summary: text(2000).meta({ title: '案情摘要' }),
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
        atField('officers', twoCertifiedOfficers(p.officers, c, ctx)),
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
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
