/**
 * The gates of a penalty case (LAW "Hard gates"): pure checks over the case, the
 * action's payload and what the server knows (today, the calendar, the certificate
 * register, the agency's settings). Each refusal names its article. The workflow table
 * (workflow.ts) says which gates guard which action.
 */
import { deadlineDue } from '../../calendar/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import type { DeadlineRuleId } from '../../law/deadline-rules.js';
import {
  cite,
  DECISION_OUTCOMES,
  GATE_CITATIONS,
  PARTY_KINDS,
  PENALTY_KINDS,
  SIMPLE_PROCEDURE,
  type PartyKind,
  type PenaltyKind,
} from '../../law/penalty.js';
import { inForce, type CertificateFacts } from '../org/certificates.js';
import type { LoadedSettings } from './settings.js';
import { noticeReceivedOn, redoPending, reviewPassed, severity, type PenaltyCase } from './penalty-case.js';
import type { EvidenceContext } from '../../procedure/evidence.js';
import type { LinkSource } from '../../procedure/links.js';
import { yuan } from './money.js';
import { RECORD_CHECK, type Refusal } from '../../procedure/spec.js';
import { nthWorkingDayAfter } from '../../procedure/deadlines.js';

export interface Certificate extends CertificateFacts {
  number: string;
  field: string;
  area: string;
}

/** What the gates read besides the case and the payload (an attached file's upload included: EvidenceContext). */
export interface GateContext extends EvidenceContext {
  /** The legal date the server received the action */
  today: string;
  table: HolidayTable;
  settings: LoadedSettings;
  /** In-force checks use the register as it stands today */
  certificatesOf(personId: string): readonly Certificate[];
  nameOf(personId: string): string;
  /** The case's region and its ancestors: a certificate's 执法区域 covers the case if it names one of them */
  regionNames: readonly string[];
  actor: { personId: string | null; userId: string | null; legalQualification: string | null };
  /** Fines in force in other cases for the same act of the same party (Art 29) */
  sameActFines: readonly SameActFine[];
  /** For a 案源 routed from another record (`linkedFrom`): whether that record exists and names this case */
  linkSource?: LinkSource | null;
}

export interface SameActFine {
  caseId: string;
  decisionNumber: string | null;
  fineFen: number;
}

/**
 * 一事不再罚 (Art 29): one act of one party is fined once. A second fine stands only where a
 * law provides for it (e.g. 按日连续处罚), and that provision is recorded.
 */
export function secondFine(fineFen: number, basis: string | null | undefined, ctx: Pick<GateContext, 'sameActFines'>): Refusal | null {
  if (fineFen === 0 || ctx.sameActFines.length === 0 || basis) return null;
  const numbers = ctx.sameActFines.map((f) => f.decisionNumber ?? f.caseId).join('、');
  return refuse(`当事人的同一违法行为已被处以罚款（${numbers}），不得给予两次以上罚款；法律另有规定的，请填写其依据`, cite('第二十九条'));
}

const refuse = (message: string, citation: string): Refusal => ({ message, citation });

/** The due date of a rule from `from`, with locally configured counts and recorded suspensions. */
export function dueDate(
  ctx: Pick<GateContext, 'table'>,
  rule: DeadlineRuleId,
  from: string,
  extensions: { days: number; reason: string }[] = [],
  suspensions: { from: string; to: string; reason: string }[] = [],
): string {
  return deadlineDue(ctx.table, { rule, from, suspensions, extensions });
}

// ——— officers (Arts 42, 55; 行政强制法 18) ———

/**
 * At least two officers, each holding a certificate in force today for the case's field and
 * area, and none who has withdrawn from the case (回避, Art 43): his part in it has ended.
 */
export function twoCertifiedOfficers(
  officers: readonly string[],
  c: Pick<PenaltyCase, 'field'> & Partial<Pick<PenaltyCase, 'recusals'>>,
  ctx: GateContext,
): Refusal | null {
  const distinct = [...new Set(officers)];
  if (distinct.length < 2) return refuse('执法人员不得少于两人', GATE_CITATIONS.officers);
  const withdrawn = distinct.find((id) => c.recusals?.some((r) => r.personId === id && r.decision === 'withdrawn'));
  if (withdrawn) return refuse(`${ctx.nameOf(withdrawn)}已在本案回避，不能再从事本案执法活动`, cite('第四十三条'));
  for (const personId of distinct) {
    const certs = ctx.certificatesOf(personId);
    const ok = certs.some(
      (cert) => inForce(cert, ctx.today) && cert.field === c.field && ctx.regionNames.some((n) => cert.area.includes(n)),
    );
    if (!ok) {
      const why = certs.length === 0 ? '未取得行政执法证件' : `没有在有效期内、执法类别为“${c.field}”且执法区域覆盖本案的执法证件`;
      return refuse(`${ctx.nameOf(personId)}${why}，不能从事本案执法活动`, GATE_CITATIONS.officers);
    }
  }
  return null;
}

// ——— limitation (Art 36) ———

export function withinLimitation(actOn: string, seriousHarm: boolean, ctx: GateContext): Refusal | null {
  const rule = seriousHarm ? 'penalty.limitation-serious' : 'penalty.limitation';
  const end = deadlineDue(ctx.table, { rule, from: actOn });
  if (ctx.today > end) {
    return refuse(
      `违法行为发生（终了）于 ${actOn}，已超过${seriousHarm ? '五' : '二'}年追责时效（截至 ${end}），不再给予行政处罚`,
      GATE_CITATIONS.limitation,
    );
  }
  return null;
}

// ——— simple procedure (Art 51) ———

export function simpleProcedureAllowed(partyKind: PartyKind, kinds: readonly PenaltyKind[], fineFen: number): Refusal | null {
  const other = kinds.filter((k) => !(SIMPLE_PROCEDURE.kinds as readonly PenaltyKind[]).includes(k));
  if (other.length > 0)
    return refuse(
      `简易程序只能给予警告或者罚款，不能给予${other.map((k) => PENALTY_KINDS[k].name).join('、')}，请适用普通程序`,
      SIMPLE_PROCEDURE.citation,
    );
  const max = SIMPLE_PROCEDURE.maxFineFen[partyKind];
  if (fineFen > max)
    return refuse(
      `对${PARTY_KINDS[partyKind]}当场罚款不得超过 ${yuan(max)} 元（拟罚 ${yuan(fineFen)} 元），请适用普通程序`,
      SIMPLE_PROCEDURE.citation,
    );
  if (kinds.includes('fine') !== fineFen > 0) return refuse('罚款金额与处罚种类不一致', SIMPLE_PROCEDURE.citation);
  return null;
}

// ——— before the decision (Arts 44, 45, 57, 58, 60, 62–65) ———

/** Every gate that stands between the case and a decision with this outcome, in the order a user meets them. */
export function decisionRefusals(c: PenaltyCase, ctx: GateContext): Refusal[] {
  if (!c.proposal) return [refuse('尚未提交调查终结报告，不能作出决定', GATE_CITATIONS.notice)];
  return [...decisionLimitPassed(c, ctx), ...decisionWaitsOnCase(c), ...statementWindowOpen(c, ctx)];
}

/** What the case itself still lacks before a decision: the notice and the party's answers, the review, the discussion. */
export function decisionWaitsOnCase(c: PenaltyCase): Refusal[] {
  const p = c.proposal;
  if (!p) return [refuse('尚未提交调查终结报告，不能作出决定', GATE_CITATIONS.notice)];
  const out: Refusal[] = [];
  if (DECISION_OUTCOMES[p.outcome].penalises) out.push(...noticeRefusals(c));
  if (p.major && !reviewPassed(c)) {
    out.push(refuse('本案属于重大执法决定，法制审核未通过（或审核后处理意见已修改），不得作出决定', GATE_CITATIONS.review));
  }
  if (p.collectiveRequired && !(c.collective && c.collective.version === p.version)) {
    out.push(refuse('本案情节复杂或属重大违法行为，应当由行政机关负责人集体讨论决定', GATE_CITATIONS.collective));
  }
  return out;
}

/** What the day says: the limit has passed, or the party's time to answer the notice has not (the day's facts of 作出决定). */
export function decisionWaitsOnDay(c: PenaltyCase, ctx: GateContext): Refusal[] {
  return [...decisionLimitPassed(c, ctx), ...statementWindowOpen(c, ctx)];
}

function decisionLimitPassed(c: PenaltyCase, ctx: GateContext): Refusal[] {
  const limit = decisionLimit(c, ctx);
  return limit && ctx.today > limit
    ? [refuse(`已超过作出处罚决定的期限（${limit}），且没有经批准的延期记录`, GATE_CITATIONS.decisionLimit)]
    : [];
}

/** The party's days to state, defend and ask for a hearing after the notice, not yet over, and not waived. */
function statementWindowOpen(c: PenaltyCase, ctx: GateContext): Refusal[] {
  const n = c.notice;
  const penalises = c.proposal && DECISION_OUTCOMES[c.proposal.outcome].penalises;
  if (!penalises || !n || c.hearing || c.waivedOn) return [];
  const window = Math.max(5, ctx.settings.statementWindowWorkingDays);
  const received = noticeReceivedOn(n);
  const opens = nthWorkingDayAfter(ctx.table, received, window);
  if (ctx.today > opens) return [];
  return [
    refuse(
      `告知书于 ${received} 送达，当事人陈述、申辩和要求听证的期限（${window} 个工作日，至 ${opens}）尚未届满，当事人也未明确放弃`,
      GATE_CITATIONS.hearingWindow,
    ),
  ];
}

/**
 * The 90-day limit counted from 立案, lengthened by approved extensions, stopped by suspensions;
 * after a revocation with an order to decide again, the period the 复议决定 or judgment set.
 */
export function decisionLimit(c: PenaltyCase, ctx: Pick<GateContext, 'table' | 'settings' | 'today'>): string | null {
  const redo = redoPending(c);
  if (redo) return redo.redo!.by;
  if (!c.filedOn) return null;
  return dueDate(ctx, 'penalty.decision', c.filedOn, c.extensions, closedSuspensions(c, ctx.today));
}

export function closedSuspensions(c: Pick<PenaltyCase, 'suspensions'>, today: string) {
  return c.suspensions.map((s) => ({ from: s.from, to: s.to ?? today, reason: s.reason }));
}

function noticeRefusals(c: PenaltyCase): Refusal[] {
  const p = c.proposal!;
  const n = c.notice;
  if (!n)
    return [refuse('作出行政处罚决定之前，应当告知拟作出的处罚内容及事实、理由、依据和陈述、申辩、要求听证的权利', GATE_CITATIONS.notice)];
  if (n.version !== p.version && heavierThanNoticed(c)) {
    return [refuse('调查终结报告修改后的处理意见重于已告知的内容，须重新告知当事人', GATE_CITATIONS.notice)];
  }
  const out: Refusal[] = [];
  if (c.hearing) {
    if (!c.hearing.heldOn && !c.hearing.partyAbsent)
      out.push(refuse('当事人已要求听证，听证结束前不得作出决定', GATE_CITATIONS.hearingOffered));
    else if (!c.hearing.reportedOn) out.push(refuse('听证结束后应当根据听证笔录作出决定：请先提交听证报告', GATE_CITATIONS.hearingRecord));
  }
  if (c.statements.length > 0 && !c.recheck) out.push(refuse('当事人提出了陈述、申辩，应当进行复核', GATE_CITATIONS.statement));
  return out;
}

/** Is the current proposal heavier than the one the party was told of? */
export function heavierThanNoticed(c: PenaltyCase): boolean {
  const p = c.proposal;
  const n = c.notice;
  if (!p || !n) return false;
  const told = n.told;
  return (
    severity(p.kinds, PENALTY_KINDS) > severity(told.kinds, PENALTY_KINDS) ||
    p.fineFen > told.fineFen ||
    p.confiscationFen > told.confiscationFen
  );
}

// ——— hearing (Arts 63–65) ———

export function hearingEligible(
  partyKind: PartyKind,
  kinds: readonly PenaltyKind[],
  fineFen: number,
  confiscationFen: number,
  s: LoadedSettings,
): boolean {
  return (
    kinds.some((k) => PENALTY_KINDS[k].hearing) ||
    (kinds.includes('fine') && fineFen >= s.hearingFineFen[partyKind]) ||
    (confiscationFen >= s.hearingConfiscationFen[partyKind] && confiscationFen > 0)
  );
}

export function hearingRequestInTime(c: PenaltyCase, requestedOn: string, ctx: GateContext): Refusal | null {
  if (!c.notice?.hearingOffered) return refuse('本案拟作出的处罚不属于应当告知听证权利的情形', GATE_CITATIONS.hearingOffered);
  const last = nthWorkingDayAfter(ctx.table, noticeReceivedOn(c.notice), 5);
  if (requestedOn > last)
    return refuse(`当事人应当在告知后五个工作日内（至 ${last}）提出听证要求，${requestedOn} 已逾期`, GATE_CITATIONS.hearingWindow);
  if (requestedOn < c.notice.servedOn) return refuse('听证要求不能早于告知书送达之日', GATE_CITATIONS.hearingWindow);
  return null;
}

export function hearingNoticeInTime(servedOn: string, hearingDate: string, ctx: GateContext): Refusal | null {
  const earliest = deadlineDue(ctx.table, { rule: 'penalty.hearing-earliest', from: servedOn });
  if (hearingDate < earliest)
    return refuse(`听证通知应当在举行听证的七个工作日前送达：${servedOn} 送达，最早可于 ${earliest} 举行`, GATE_CITATIONS.hearingWindow);
  return null;
}

export function chairIsNotInvestigator(c: PenaltyCase, chairPersonId: string, ctx: GateContext): Refusal | null {
  const investigators = new Set([...c.officers, ...c.records.flatMap((r) => r.officers)]);
  if (investigators.has(chairPersonId)) return refuse(`${ctx.nameOf(chairPersonId)}是本案调查人员，不能主持听证`, GATE_CITATIONS.chair);
  return null;
}

// ——— review (Art 58) ———

export function reviewerQualified(ctx: GateContext): Refusal | null {
  if (!ctx.actor.legalQualification)
    return refuse('从事法制审核的人员应当取得国家统一法律职业资格，您的人员信息中没有法律职业资格证书编号', GATE_CITATIONS.reviewer);
  return null;
}

/**
 * The violation type is in the agency's 裁量基准 and belongs to the case's 执法类别. Both
 * check what was entered against the agency's own records (its benchmarks, the case's
 * category), so they cite no article (RECORD_CHECK); the articles behind them are checked by
 * their own gates (certificates for the category, Arts 42, 55; the limitation, Art 36).
 */
export function violationTypeFits(id: string | null | undefined, field: string, ctx: Pick<GateContext, 'settings'>): Refusal | null {
  if (!id) return null;
  const vt = ctx.settings.violationType(id);
  if (!vt) return { message: `裁量基准中没有编号为“${id}”的违法行为`, citation: RECORD_CHECK };
  return vt.field === field
    ? null
    : { message: `违法行为“${vt.name}”属于${vt.field}类，与本案执法类别“${field}”不符`, citation: RECORD_CHECK };
}
