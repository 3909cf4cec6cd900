/**
 * The action table of a dispute under 人民调解: who may take each step, from which statuses,
 * with what payload, under which gates (each citing 人民调解法 or the 司法确认 rules), which
 * numbered document it issues and how it changes the dispute. Pure; the kit runs it.
 */
import { z } from 'zod';
import { legalDate, identityChecked, requiredText as text, optionalText, phoneNumber } from '../../platform/http/schemas.js';
import { deadlineDue } from '../../calendar/deadlines.js';
import { RECORD_CHECK, atField, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { BaseContext } from '../../procedure/served.js';
import { linkedFromGate, linkedFromSchema } from '../../procedure/links.js';
import type { CommitteeFacts } from './committees.js';
import type { ScreeningItemFacts } from './screening-tables.js';
import { CATEGORIES, CATEGORY_IDS, CITE, REFERRERS, REFERRER_IDS, SOURCES, SOURCE_IDS } from './law.js';
import {
  COURT_RESULTS,
  PARTY_KINDS,
  PERFORMANCE,
  STATUS_NAMES,
  emptyDispute,
  statusOf,
  type Dispute,
  type DisputeStatus,
  type PartyKind,
  type ScreeningLink,
} from './state.js';

export type DisputeSeries = 'agreement' | 'termination';

/** What the gates read besides the BaseContext: the dispute's committee and its members, as they are now. */
export interface MediationContext extends BaseContext {
  committee: CommitteeFacts | null;
  /** The committees the actor sits on (a registration without a committee goes to his, when he sits on one) */
  actorCommittees: string[];
  /** The screening ledger's item a registration takes into mediation, as it is now (null: none named, or not found) */
  screeningItem: ScreeningItemFacts | null;
}

export interface DisputeTypes {
  state: Dispute;
  context: MediationContext;
  status: DisputeStatus;
  series: DisputeSeries;
}

const action = <P>(spec: ActionSpec<DisputeTypes, P>) => spec;

const MEDIATOR = ['mediator'] as const;

/** A citizen's name: 2–30 letters (汉字 or Latin, with the middle dot of minority and foreign names). */
const CITIZEN_NAME = /^[\p{Script=Han}A-Za-z·• ]{2,30}$/u;

/** A party of a dispute (either procedure's): a citizen's name and 居民身份证号码, or an organisation's 统一社会信用代码, checked. */
export const partySchema = z
  .strictObject({
    kind: z.enum(Object.keys(PARTY_KINDS) as [PartyKind, ...PartyKind[]]).meta({ title: '当事人类型', labels: PARTY_KINDS }),
    name: text(100).meta({ title: '姓名或名称' }),
    idNumber: z.string().trim().toUpperCase().min(1, '不能为空').meta({ title: '身份证号或统一社会信用代码' }),
    phone: phoneNumber.nullable().meta({ title: '联系电话' }),
    address: optionalText(200).meta({ title: '住址' }),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'citizen' && !CITIZEN_NAME.test(p.name))
      ctx.addIssue({ code: 'custom', path: ['name'], message: '自然人姓名须为 2–30 个汉字或字母' });
    identityChecked(p, ctx);
  })
  .meta({ title: '当事人' });

export const registerSchema = z.strictObject({
  committeeId: z.string().min(1).max(64).nullable().meta({ title: '调解委员会（不填：本人所在的调解委员会）', widget: 'committee' }),
  registeredOn: legalDate.meta({ title: '登记日期' }),
  source: z.enum(SOURCE_IDS).meta({ title: '纠纷来源', labels: SOURCES }),
  referredBy: z.enum(REFERRER_IDS).nullable().meta({ title: '移送机关', labels: REFERRERS }),
  category: z.enum(CATEGORY_IDS).meta({ title: '纠纷类别', labels: CATEGORIES }),
  // Two sides, each a group of fields the console's form draws (a dispute of more sides is registered by its two main ones).
  partyA: partySchema.meta({ title: '一方当事人（申请人）' }),
  partyB: partySchema.meta({ title: '对方当事人' }),
  facts: text(4000).meta({ title: '纠纷简要事实', widget: 'textarea' }),
  points: text(2000).meta({ title: '争议焦点', widget: 'textarea' }),
  // Set by the screening ledger's 转入调解 (screening.ts), never typed in the form.
  screeningItemId: z.string().min(1).max(64).optional().meta({ title: '排查台账事项', widget: 'hidden' }),
  // Set by a petition's routing into 人民调解 (linked.ts), never typed in the form.
  linkedFrom: linkedFromSchema.optional(),
});

/** The gates of taking a screening ledger's item into mediation: it exists, lies in the committee's area, and is not yet disposed of. */
function screeningGate(p: { screeningItemId?: string | undefined }, ctx: MediationContext): Refusal | null {
  if (!p.screeningItemId) return null;
  const i = ctx.screeningItem;
  if (!i) return { message: '排查台账中没有该事项', citation: RECORD_CHECK, field: 'screeningItemId' };
  if (ctx.committee && !i.regionPath.startsWith(ctx.committee.regionPath))
    return { message: `该排查事项不在${ctx.committee.name}的调解范围内`, citation: RECORD_CHECK, field: 'screeningItemId' };
  if (i.mediated) return { message: '该排查事项已转入人民调解', citation: RECORD_CHECK, field: 'screeningItemId' };
  if (i.disposed) return { message: '该排查事项已处置，不能再转入调解', citation: RECORD_CHECK, field: 'screeningItemId' };
  return null;
}

/** A recorded date may not lie in the future or before the dispute was registered (人民调解 and 行政调解 alike). */
export function eventDate(date: string, d: { registeredOn: string }, ctx: BaseContext, what: string, field = 'on'): Refusal | null {
  if (date > ctx.today) return { message: `${what}（${date}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field };
  if (date < d.registeredOn) return { message: `${what}（${date}）不能早于登记日期（${d.registeredOn}）`, citation: RECORD_CHECK, field };
  return null;
}

/** The day the mediation must be finished by (the catalog's mediation.target, configurable). */
export const targetDue = (d: Dispute, table: BaseContext['table']) =>
  deadlineDue(table, { rule: 'mediation.target', from: d.registeredOn });

/** The last day the parties may apply together for 司法确认 (Art 33): 30 days from the written agreement. */
export const confirmationDue = (d: Dispute, table: BaseContext['table']) =>
  d.outcome?.kind === 'written' ? deadlineDue(table, { rule: 'mediation.judicial-confirmation', from: d.outcome.on }) : null;

/** The committee a registration goes to: the one named, or the registering mediator's only one. */
export function committeeOf(payload: { committeeId: string | null } | null, actorCommittees: readonly string[]): string | null {
  return payload?.committeeId ?? (actorCommittees.length === 1 ? actorCommittees[0]! : null);
}

/** What an agreement settles (人民调解 and 行政调解 alike): the day it takes effect, its terms, how and when performed, the amount. */
export const agreementTerms = {
  on: legalDate.meta({ title: '协议生效日期（各方签名、调解员签名并加盖委员会印章之日）' }),
  terms: text(4000).meta({ title: '协议内容（当事人达成的调解协议）', widget: 'textarea' }),
  performance: text(1000).meta({ title: '履行方式和期限', widget: 'textarea' }),
  amountFen: z.number().int().min(0, '金额不能为负').max(100_000_000_00, '金额过大').meta({ title: '协议涉及金额', widget: 'yuan' }),
};

/**
 * What 人民调解 and 行政调解 record alike, each procedure's table taking them under its own
 * roles, statuses and citations: a party's refusal, a session's record, the outcome of a written
 * agreement or of a termination, and a follow-up visit.
 */
interface Mediated {
  registeredOn: string;
  parties: readonly { name: string }[];
  consent: { on: string } | null;
  sessions: readonly { on: string }[];
  outcome: { on: string } | null;
}

export const declinePayload = z.strictObject({
  on: legalDate.meta({ title: '拒绝日期' }),
  refusedBy: text(100).meta({ title: '明确拒绝调解的当事人' }),
  note: text(1000).meta({ title: '情况说明（已告知其他解决途径）', widget: 'textarea' }),
});
export const declineRefusals = (m: Mediated, p: z.infer<typeof declinePayload>, ctx: BaseContext): (Refusal | null)[] => [
  eventDate(p.on, m, ctx, '拒绝日期'),
  m.parties.some((x) => x.name === p.refusedBy)
    ? null
    : { message: `“${p.refusedBy}”不是本纠纷的当事人`, citation: RECORD_CHECK, field: 'refusedBy' },
  m.consent && p.on < m.consent.on ? { message: '拒绝日期不能早于同意调解之日', citation: RECORD_CHECK, field: 'on' } : null,
];
export const declinedConsent = (p: z.infer<typeof declinePayload>) => ({ on: p.on, agreed: false, refusedBy: p.refusedBy, note: p.note });

export const sessionPayload = z.strictObject({
  on: legalDate.meta({ title: '调解日期' }),
  place: text(200).meta({ title: '调解地点' }),
  present: text(500).meta({ title: '参加人员' }),
  record: text(8000).meta({ title: '调解笔录', widget: 'textarea' }),
});
export const sessionOf = (p: z.infer<typeof sessionPayload>, seq: number) => ({
  seq,
  on: p.on,
  place: p.place,
  present: p.present,
  record: p.record,
});

/** Ending without agreement: what failed and the routes the parties were told of (`routes` titled by each procedure). */
export const endPayload = (routes: string) =>
  z.strictObject({
    on: legalDate.meta({ title: '终止日期' }),
    reason: text(2000).meta({ title: '调解不成的情况', widget: 'textarea' }),
    routes: text(2000).meta({ title: routes, widget: 'textarea' }),
  });
export const endRefusals = (m: Mediated, p: { on: string }, ctx: BaseContext): (Refusal | null)[] => [
  eventDate(p.on, m, ctx, '终止日期'),
  m.sessions.some((s) => s.on > p.on) ? { message: '终止日期不能早于调解日期', citation: RECORD_CHECK, field: 'on' } : null,
];

type Terms = { on: string; terms: string; performance: string; amountFen: number };
/** The outcome of an agreement, written (numbered, with each party's responsibility) or oral. */
export const agreedOutcome = (kind: 'written' | 'oral', p: Terms & { responsibility?: string }, number: string | null) => ({
  kind,
  on: p.on,
  number,
  responsibility: p.responsibility ?? null,
  terms: p.terms,
  performance: p.performance,
  amountFen: p.amountFen,
  reason: null,
  routes: null,
});
export const endedOutcome = (p: { on: string; reason: string; routes: string }, number: string | null) => ({
  kind: 'ended' as const,
  on: p.on,
  number,
  responsibility: null,
  terms: null,
  performance: null,
  amountFen: 0,
  reason: p.reason,
  routes: p.routes,
});

export const followUpPayload = z.strictObject({
  on: legalDate.meta({ title: '回访日期' }),
  performance: z.enum(Object.keys(PERFORMANCE) as ['full', 'partial', 'none']).meta({ title: '履行情况', labels: PERFORMANCE }),
  note: text(2000).meta({ title: '回访记录', widget: 'textarea' }),
});
export const followUpRefusals = (m: Mediated, p: { on: string }, ctx: BaseContext, citation: Refusal['citation']): (Refusal | null)[] => [
  eventDate(p.on, m, ctx, '回访日期'),
  m.outcome && p.on < m.outcome.on ? { message: '回访日期不能早于达成协议之日', citation, field: 'on' } : null,
];
export const visitOf = (p: z.infer<typeof followUpPayload>, seq: number) => ({ seq, on: p.on, performance: p.performance, note: p.note });

export const DISPUTE_ACTIONS = {
  'dispute.register': action({
    title: '登记纠纷（受理调解）',
    roles: MEDIATOR,
    from: 'opens',
    payload: registerSchema,
    guard: (_d, p, ctx) => {
      return [
        p.registeredOn > ctx.today
          ? { message: `登记日期（${p.registeredOn}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field: 'registeredOn' }
          : null,
        !ctx.committee
          ? atField(
              'committeeId',
              p.committeeId
                ? { message: '所选人民调解委员会不存在', citation: RECORD_CHECK }
                : { message: '您不在或同时在多个人民调解委员会，请选择受理的调解委员会', citation: RECORD_CHECK },
            )
          : null,
        ctx.committee && ctx.committee.agencyId !== ctx.agency.id
          ? { message: '该人民调解委员会不由本单位指导，不能在此登记', citation: RECORD_CHECK, field: 'committeeId' }
          : null,
        p.source === 'referral' && !p.referredBy
          ? { message: '委托移送的纠纷须写明移送机关', citation: CITE.referral, field: 'referredBy' }
          : null,
        p.source !== 'referral' && p.referredBy
          ? { message: '不是委托移送的纠纷，不填移送机关', citation: RECORD_CHECK, field: 'referredBy' }
          : null,
        p.partyA.idNumber === p.partyB.idNumber
          ? { message: '双方当事人不能是同一人', citation: RECORD_CHECK, field: 'partyB.idNumber' }
          : null,
        screeningGate(p, ctx),
        linkedFromGate(p.linkedFrom, ctx.linkSource),
      ];
    },
    derive: (_d, _p, ctx) => ({
      committeeId: ctx.committee?.id ?? '',
      committeeName: ctx.committee?.name ?? '',
      regionPath: ctx.committee?.regionPath ?? ctx.agency.region_path,
      members: Object.entries(ctx.committee?.memberNames ?? {}).map(([personId, name]) => ({ personId, name })),
      ...(ctx.screeningItem
        ? {
            screening: {
              screeningId: ctx.screeningItem.screeningId,
              itemId: ctx.screeningItem.id,
              criminalRisk: ctx.screeningItem.criminalRisk,
              massRisk: ctx.screeningItem.massRisk,
            },
          }
        : {}),
    }),
    apply: (d, p, m) => {
      const c = m.derived as {
        committeeId: string;
        committeeName: string;
        regionPath: string;
        members: Dispute['committeeMembers'];
        screening?: ScreeningLink;
      };
      return {
        ...d,
        committeeId: c.committeeId,
        committeeName: c.committeeName,
        committeeMembers: c.members,
        regionPath: c.regionPath,
        registeredBy: m.actorUserId,
        registeredOn: p.registeredOn,
        source: p.source,
        referredBy: p.referredBy,
        category: p.category,
        parties: [p.partyA, p.partyB],
        facts: p.facts,
        points: p.points,
        ...(c.screening ? { screening: c.screening } : {}),
        ...(p.linkedFrom ? { linkedFrom: p.linkedFrom } : {}),
      };
    },
  }),

  'dispute.consent': action({
    title: '当事人同意调解',
    roles: MEDIATOR,
    from: ['registered'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '征询日期' }),
      note: text(1000).meta({ title: '征询情况（各方当事人均同意接受调解）', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [eventDate(p.on, d, ctx, '征询日期')],
    apply: (d, p) => ({ ...d, consent: { on: p.on, agreed: true, refusedBy: null, note: p.note } }),
  }),

  'dispute.decline': action({
    title: '当事人拒绝调解（不予调解）',
    roles: MEDIATOR,
    from: ['registered', 'mediating'],
    payload: declinePayload,
    guard: declineRefusals,
    // A party's express refusal ends it (Art 17; and a party may stop a mediation under way, Art 23).
    apply: (d, p) => ({ ...d, consent: declinedConsent(p) }),
  }),

  'dispute.assign-mediators': action({
    title: '指定（选定）调解员',
    roles: MEDIATOR,
    from: ['mediating'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '指定日期' }),
      chosen: z.boolean().meta({ title: '由当事人选择（否：由调解委员会指定）' }),
      personIds: z.array(z.string().min(1).max(64)).min(1, '至少一名调解员').max(5).meta({ title: '调解员', widget: 'person' }),
    }),
    guard: (d, p, ctx) => {
      const members = ctx.committee?.memberIds ?? [];
      const outside = p.personIds.filter((id) => !members.includes(id));
      return [
        eventDate(p.on, d, ctx, '指定日期'),
        outside.length ? { message: `调解员须为${d.committeeName}的人民调解员`, citation: CITE.designation, field: 'personIds' } : null,
      ];
    },
    derive: (_d, p, ctx) => ({ names: p.personIds.map((id) => ctx.committee?.memberNames[id] ?? '') }),
    apply: (d, p, m) => ({
      ...d,
      mediators: { on: p.on, chosen: p.chosen, personIds: p.personIds, names: (m.derived as { names: string[] }).names },
    }),
  }),

  'dispute.record-session': action({
    title: '记录调解（调解笔录）',
    roles: MEDIATOR,
    from: ['mediating'],
    payload: sessionPayload,
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '调解日期'),
      d.mediators ? null : { message: '尚未指定调解员，不能调解', citation: CITE.designation },
      d.consent && p.on < d.consent.on ? { message: '调解日期不能早于当事人同意调解之日', citation: CITE.start, field: 'on' } : null,
    ],
    apply: (d, p, m) => ({ ...d, sessions: [...d.sessions, sessionOf(p, m.seq)] }),
  }),

  'dispute.report-risk': action({
    title: '报告公安机关（可能激化为治安案件、刑事案件）',
    roles: MEDIATOR,
    from: ['registered', 'mediating', 'agreed'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '报告日期' }),
      to: text(100).meta({ title: '报告的公安机关（派出所）' }),
      note: text(2000).meta({ title: '风险情况和已采取的预防措施', widget: 'textarea' }),
    }),
    guard: (d, p, ctx) => [eventDate(p.on, d, ctx, '报告日期')],
    apply: (d, p) => ({ ...d, riskReports: [...d.riskReports, { on: p.on, to: p.to, note: p.note }] }),
  }),

  'dispute.written-agreement': action({
    title: '制作调解协议书',
    roles: MEDIATOR,
    from: ['mediating'],
    payload: z.strictObject({
      ...agreementTerms,
      responsibility: text(2000).meta({ title: '当事人各方的责任', widget: 'textarea' }),
      signed: z.boolean().meta({ title: '各方当事人已签名（盖章、按指印），调解员已签名并加盖人民调解委员会印章' }),
    }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '协议生效日期'),
      d.sessions.length === 0 ? { message: '尚无调解笔录：调解员应当记录调解情况', citation: CITE.record } : null,
      d.sessions.some((s) => s.on > p.on) ? { message: '协议生效日期不能早于调解日期', citation: RECORD_CHECK, field: 'on' } : null,
      p.signed
        ? null
        : {
            message: '调解协议书自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效',
            citation: CITE.agreement,
            field: 'signed',
          },
    ],
    issues: () => 'agreement',
    apply: (d, p, m) => ({ ...d, outcome: agreedOutcome('written', p, m.number) }),
  }),

  'dispute.oral-agreement': action({
    title: '记录口头调解协议',
    roles: MEDIATOR,
    from: ['mediating'],
    payload: z.strictObject({ ...agreementTerms, on: legalDate.meta({ title: '达成协议日期' }) }),
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '达成协议日期'),
      d.sessions.length === 0 ? { message: '尚无调解笔录：调解员应当记录调解情况', citation: CITE.record } : null,
      d.sessions.some((s) => s.on > p.on) ? { message: '达成协议日期不能早于调解日期', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    apply: (d, p) => ({ ...d, outcome: agreedOutcome('oral', p, null) }),
  }),

  'dispute.end': action({
    title: '终止调解',
    roles: MEDIATOR,
    from: ['mediating'],
    payload: endPayload('告知当事人的其他解决途径（仲裁、行政、司法等）'),
    guard: endRefusals,
    issues: () => 'termination',
    apply: (d, p, m) => ({ ...d, outcome: endedOutcome(p, m.number) }),
  }),

  'dispute.follow-up': action({
    title: '回访（检查协议履行情况）',
    roles: MEDIATOR,
    from: ['agreed'],
    payload: followUpPayload,
    guard: (d, p, ctx) => followUpRefusals(d, p, ctx, CITE.performance),
    apply: (d, p, m) => ({ ...d, visits: [...d.visits, visitOf(p, m.seq)] }),
  }),

  'dispute.apply-confirmation': action({
    title: '双方共同申请司法确认',
    roles: MEDIATOR,
    from: ['agreed', 'performed'],
    payload: z.strictObject({
      appliedOn: legalDate.meta({ title: '申请日期' }),
      court: text(100).meta({ title: '受理申请的人民法院' }),
      joint: z.boolean().meta({ title: '双方当事人共同申请' }),
    }),
    requires: (d) =>
      d.outcome?.kind !== 'written'
        ? { message: '只有书面调解协议可以申请司法确认', citation: CITE.confirmation }
        : d.confirmation
          ? { message: '已申请司法确认', citation: RECORD_CHECK }
          : null,
    guard: (d, p, ctx) => {
      const due = confirmationDue(d, ctx.table);
      return [
        eventDate(p.appliedOn, d, ctx, '申请日期', 'appliedOn'),
        d.outcome && p.appliedOn < d.outcome.on
          ? { message: '申请日期不能早于调解协议生效之日', citation: RECORD_CHECK, field: 'appliedOn' }
          : null,
        due && p.appliedOn > due
          ? { message: `司法确认须自调解协议生效之日起三十日内（${due} 前）申请`, citation: CITE.confirmation, field: 'appliedOn' }
          : null,
        p.joint ? null : { message: '司法确认须由双方当事人共同申请', citation: CITE.confirmation, field: 'joint' },
      ];
    },
    apply: (d, p) => ({ ...d, confirmation: { appliedOn: p.appliedOn, court: p.court, result: null, resultOn: null, note: null } }),
  }),

  'dispute.record-court-result': action({
    title: '登记人民法院司法确认结果',
    roles: MEDIATOR,
    from: ['agreed', 'performed'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '裁定日期' }),
      result: z.enum(Object.keys(COURT_RESULTS) as ['confirmed', 'rejected']).meta({ title: '结果', labels: COURT_RESULTS }),
      note: text(1000).meta({ title: '裁定书文号及说明', widget: 'textarea' }),
    }),
    requires: (d) =>
      !d.confirmation
        ? { message: '尚未申请司法确认', citation: RECORD_CHECK }
        : d.confirmation.result
          ? { message: '已登记司法确认结果', citation: RECORD_CHECK }
          : null,
    guard: (d, p, ctx) => [
      eventDate(p.on, d, ctx, '裁定日期'),
      d.confirmation && p.on < d.confirmation.appliedOn
        ? { message: '裁定日期不能早于申请日期', citation: RECORD_CHECK, field: 'on' }
        : null,
    ],
    apply: (d, p) => ({ ...d, confirmation: d.confirmation && { ...d.confirmation, result: p.result, resultOn: p.on, note: p.note } }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<DisputeTypes, any>>;

export type DisputeActionType = keyof typeof DISPUTE_ACTIONS;

/** The steps a dispute expects next in each state. */
function nextSteps(d: Dispute): DisputeActionType[] {
  switch (statusOf(d)) {
    case 'registered':
      return ['dispute.consent', 'dispute.decline'];
    case 'mediating':
      if (!d.mediators) return ['dispute.assign-mediators'];
      return d.sessions.length === 0 ? ['dispute.record-session'] : ['dispute.written-agreement', 'dispute.oral-agreement', 'dispute.end'];
    case 'agreed':
      return d.confirmation && !d.confirmation.result ? ['dispute.follow-up', 'dispute.record-court-result'] : ['dispute.follow-up'];
    case 'performed':
      return d.confirmation && !d.confirmation.result ? ['dispute.record-court-result'] : [];
    case 'ended':
    case 'declined':
      return [];
  }
}

export const DISPUTE_PROCEDURE: Procedure<DisputeTypes, DisputeActionType> = {
  subjectType: 'dispute',
  recordName: '人民调解纠纷',
  permissions: { read: 'mediation.read' },
  actions: DISPUTE_ACTIONS,
  empty: (o) => emptyDispute(o.id, o.agencyId, o.regionPath, o.today),
  status: statusOf,
  statusNames: STATUS_NAMES,
  next: nextSteps,
};
