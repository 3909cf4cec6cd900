/**
 * 结案 and 归档: what must be done before a case closes, and what stands between the
 * closed case and the archive (the 案卷评查 sheet and the required recordings).
 */
import { z } from 'zod';
import { DECISION_OUTCOMES, GATE_CITATIONS } from '../../../law/penalty.js';
import type { GateContext } from '../gates.js';
import { RECORD_CHECK, type Refusal, atField } from '../../../procedure/spec.js';
import { scoreCase } from '../case-file/review-sheet.js';
import { requiredRecordings } from '../recordings.js';
import { amountDueFen, overpaidFen, type PenaltyCase } from '../penalty-case.js';
import { yuanText } from '../../../journal/readable.js';
import { REFUND_CITATION } from './after-decision.js';
import { fullyPaid } from './execution.js';
import { onTheSpotOutstanding } from './simple.js';
import { uncheckedOrders } from './correction-order.js';
import { action, dated, eventDate, HEAD, OFFICER, text, type ActionSpec } from './shared.js';

/** No national 评查 standard exists (LAW.md §7.1): the agency's sheet (its settings) is a local rule, named so. */
const CASE_REVIEW_STANDARD = '行政执法案卷评查标准（地方规定，评查表在执法设置中配置）';

/**
 * What stands between a closed case and the archive: the 案卷评查 sheet (veto items always
 * refuse; other items refuse or warn as the agency chose) and the required audio-visual
 * recordings (refuse or warn, likewise). Warnings must be acknowledged and are kept.
 */
function archiveCheck(c: PenaltyCase, ctx: GateContext): { refusals: Refusal[]; warnings: string[]; citation: string } {
  const sheet = scoreCase(c, ctx.settings, { every: true });
  // A missing recording answers to its own rule (archiveWithoutRecording) below, not to the sheet's.
  const missing = sheet.missing.filter((m) => m.id !== 'recordings').map((m) => `${m.text}：${m.problem}`);
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

function closingRefusals(c: PenaltyCase): (Refusal | null)[] {
  if (!c.decision) return [{ message: '尚未作出决定', citation: RECORD_CHECK }];
  const penalises = DECISION_OUTCOMES[c.decision.outcome].penalises;
  return [
    !c.service ? { message: '决定书尚未送达', citation: GATE_CITATIONS.service } : null,
    penalises && amountDueFen(c.decision) > 0 && !fullyPaid(c) && !c.courtApplication
      ? { message: '罚没款尚未缴清，也未申请人民法院强制执行', citation: '《中华人民共和国行政处罚法》第七十二条' }
      : null,
    c.seizures.some((s) => !s.releasedOn) ? { message: '尚有未解除的查封、扣押', citation: GATE_CITATIONS.seizure } : null,
    c.pending.length > 0 ? { message: '尚有待审批的申请', citation: RECORD_CHECK } : null,
    ...onTheSpotOutstanding(c),
    uncheckedOrders(c),
    overpaidFen(c) > 0 ? { message: `尚有多缴的罚没款 ${yuanText(overpaidFen(c))} 未退还`, citation: REFUND_CITATION } : null,
  ];
}

/** 结案, 归档. */
export const CLOSING_ACTIONS = {
  'penalty.close': action({
    title: '结案',
    roles: OFFICER,
    from: ['decided', 'executing'],
    payload: z.strictObject({ on: dated('结案日期'), report: text(5000).meta({ title: '结案报告' }) }),
    // Offered once the case may close; the guard still lists every reason at once.
    requires: (c) => closingRefusals(c).find((r) => r !== null) ?? null,
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '结案日期')), ...closingRefusals(c)],
    apply: (c, p) => ({ ...c, closedOn: p.on, closingReport: p.report }),
  }),

  'penalty.archive': action({
    title: '归档',
    roles: HEAD,
    from: ['closed'],
    payload: z.strictObject({ on: dated('归档日期'), acknowledgeWarnings: z.boolean().meta({ title: '已知悉评查提示' }) }),
    guard: (c, p, ctx) => {
      const check = archiveCheck(c, ctx);
      return [
        atField('on', eventDate(p.on, c, ctx, '归档日期')),
        ...check.refusals,
        check.warnings.length && !p.acknowledgeWarnings
          ? { message: `归档前请确认知悉以下问题：${check.warnings.join('；')}`, citation: check.citation }
          : null,
      ];
    },
    derive: (c, _p, ctx) => archiveCheck(c, ctx).warnings,
    apply: (c, p, m) => ({ ...c, archivedOn: p.on, archiveWarnings: m.derived as string[] }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
