/**
 * The action table of a 行政调解: the mediating agency's own staff (执法人员, 负责人) take
 * every step, never a committee's mediator; each gate cites the statute the agency mediates
 * under (admin-state.ts ADMIN_BASES) or is a check against the record. Its agreement and its
 * termination are numbered in the agency's own series. Pure; the kit runs it.
 */
import { z } from 'zod';
import { legalDate, requiredText as text } from '../../platform/http/schemas.js';
import { RECORD_CHECK, type ActionSpec, type Procedure, type Refusal } from '../../procedure/spec.js';
import type { BaseContext } from '../../procedure/served.js';
import { CATEGORIES, CATEGORY_IDS } from './law.js';
import {
  agreedOutcome,
  agreementTerms,
  declinePayload,
  declineRefusals,
  declinedConsent,
  endPayload,
  endRefusals,
  endedOutcome,
  eventDate,
  followUpPayload,
  followUpRefusals,
  partySchema,
  sessionOf,
  sessionPayload,
  visitOf,
} from './actions.js';
import {
  ADMIN_BASES,
  ADMIN_BASIS_IDS,
  ADMIN_BASIS_LABELS,
  ADMIN_SOURCES,
  ADMIN_SOURCE_IDS,
  ADMIN_STATUS_NAMES,
  adminStatusOf,
  emptyAdminMediation,
  type AdminMediation,
  type AdminStatus,
  type LinkedCase,
} from './admin-state.js';

export type AdminSeries = 'agreement' | 'termination';

/** The procedure registry's subject type of the records a 行政调解 may arise from. */
export const PENALTY_CASE = 'penalty-case';

/** What the gates read besides the BaseContext: the actor's agency, and the penalty case the registration names. */
export interface AdminMediationContext extends BaseContext {
  /** The agency the acting user belongs to (null: none) — only its staff act on its mediations */
  actorAgencyId: string | null;
  /** The common row of the penalty case the payload names (null: none named, or not found) */
  penaltyCase: (LinkedCase & { agencyId: string; status: string }) | null;
}

export interface AdminMediationTypes {
  state: AdminMediation;
  context: AdminMediationContext;
  status: AdminStatus;
  series: AdminSeries;
}

const action = <P>(spec: ActionSpec<AdminMediationTypes, P>) => spec;

/** The agency's staff: its law-enforcement officers and its head. */
const STAFF = ['officer', 'unit_head'] as const;

/** The basis the mediation was registered under, as a citation. */
const basisOf = (m: AdminMediation) => ADMIN_BASES[m.basis].cite;

export const adminRegisterSchema = z.strictObject({
  registeredOn: legalDate.meta({ title: '登记日期' }),
  source: z.enum(ADMIN_SOURCE_IDS).meta({ title: '调解来源', labels: ADMIN_SOURCES }),
  basis: z.enum(ADMIN_BASIS_IDS).meta({ title: '调解依据', labels: ADMIN_BASIS_LABELS }),
  category: z.enum(CATEGORY_IDS).meta({ title: '纠纷类别', labels: CATEGORIES }),
  partyA: partySchema.meta({ title: '一方当事人（申请人）' }),
  partyB: partySchema.meta({ title: '对方当事人' }),
  facts: text(4000).meta({ title: '纠纷简要事实（与本机关行政管理职责的关联）', widget: 'textarea' }),
  points: text(2000).meta({ title: '争议焦点', widget: 'textarea' }),
  penaltyCaseId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .nullable()
    .meta({ title: '引起纠纷的行政处罚案件（本机关办理的案件，可不选）', widget: 'penalty-case' }),
});

/** The linked case: it exists (a penalty case of the registry's common table), and is the mediating agency's own. */
function caseGate(p: { penaltyCaseId: string | null; basis: string }, ctx: AdminMediationContext): Refusal | null {
  if (!p.penaltyCaseId) {
    return p.basis === 'publicOrder'
      ? { message: '治安案件调解须关联引起纠纷的治安案件', citation: ADMIN_BASES.publicOrder.cite, field: 'penaltyCaseId' }
      : null;
  }
  const c = ctx.penaltyCase;
  if (!c) return { message: '没有该行政处罚案件', citation: RECORD_CHECK, field: 'penaltyCaseId' };
  if (c.agencyId !== ctx.agency.id)
    return {
      message: '该案件不是本机关办理的案件，不能由本机关就其引起的纠纷进行行政调解',
      citation: RECORD_CHECK,
      field: 'penaltyCaseId',
    };
  return null;
}

export const ADMIN_MEDIATION_ACTIONS = {
  'admin-mediation.register': action({
    title: '登记行政调解',
    roles: STAFF,
    from: 'opens',
    payload: adminRegisterSchema,
    guard: (_m, p, ctx) => [
      p.registeredOn > ctx.today
        ? { message: `登记日期（${p.registeredOn}）不能晚于今天（${ctx.today}）`, citation: RECORD_CHECK, field: 'registeredOn' }
        : null,
      p.partyA.idNumber === p.partyB.idNumber
        ? { message: '双方当事人不能是同一人', citation: RECORD_CHECK, field: 'partyB.idNumber' }
        : null,
      caseGate(p, ctx),
    ],
    derive: (_m, _p, ctx) => ({
      agencyName: ctx.agency.name,
      penaltyCase: ctx.penaltyCase ? { procedure: PENALTY_CASE, id: ctx.penaltyCase.id, title: ctx.penaltyCase.title } : null,
    }),
    apply: (m, p, x) => {
      const d = x.derived as { agencyName: string; penaltyCase: LinkedCase | null };
      return {
        ...m,
        agencyName: d.agencyName,
        registeredBy: x.actorUserId,
        registeredOn: p.registeredOn,
        source: p.source,
        basis: p.basis,
        category: p.category,
        parties: [p.partyA, p.partyB],
        facts: p.facts,
        points: p.points,
        penaltyCase: d.penaltyCase,
      };
    },
  }),

  'admin-mediation.consent': action({
    title: '当事人同意调解',
    roles: STAFF,
    from: ['registered'],
    payload: z.strictObject({
      on: legalDate.meta({ title: '征询日期' }),
      hosts: text(200).meta({ title: '主持调解的工作人员（本机关）' }),
      note: text(1000).meta({ title: '征询情况（各方当事人均自愿接受本机关调解）', widget: 'textarea' }),
    }),
    guard: (m, p, ctx) => [eventDate(p.on, m, ctx, '征询日期')],
    apply: (m, p) => ({
      ...m,
      consent: { on: p.on, agreed: true, refusedBy: null, note: p.note },
      hosts: p.hosts
        .split(/[、，,；;\s]+/)
        .map((h) => h.trim())
        .filter(Boolean),
    }),
  }),

  'admin-mediation.decline': action({
    title: '当事人拒绝调解',
    roles: STAFF,
    from: ['registered', 'mediating'],
    payload: declinePayload,
    guard: declineRefusals,
    // 行政调解 is voluntary: a party's refusal ends it (for a public-order case the agency then decides the case: Art 9).
    apply: (m, p) => ({ ...m, consent: declinedConsent(p) }),
  }),

  'admin-mediation.record-session': action({
    title: '记录调解（行政调解笔录）',
    roles: STAFF,
    from: ['mediating'],
    payload: sessionPayload,
    guard: (m, p, ctx) => [
      eventDate(p.on, m, ctx, '调解日期'),
      m.consent && p.on < m.consent.on ? { message: '调解日期不能早于当事人同意调解之日', citation: RECORD_CHECK, field: 'on' } : null,
    ],
    apply: (m, p, x) => ({ ...m, sessions: [...m.sessions, sessionOf(p, x.seq)] }),
  }),

  'admin-mediation.agreement': action({
    title: '制作行政调解协议书',
    roles: STAFF,
    from: ['mediating'],
    payload: z.strictObject({
      ...agreementTerms,
      on: legalDate.meta({ title: '协议生效日期（各方当事人签名、工作人员签名并加盖本机关印章之日）' }),
      responsibility: text(2000).meta({ title: '当事人各方的责任', widget: 'textarea' }),
      signed: z.boolean().meta({ title: '各方当事人已签名（盖章、按指印），主持调解的工作人员已签名并加盖本机关印章' }),
    }),
    guard: (m, p, ctx) => [
      eventDate(p.on, m, ctx, '协议生效日期'),
      m.sessions.length === 0 ? { message: '尚无调解笔录：应当先记录调解情况', citation: RECORD_CHECK } : null,
      m.sessions.some((s) => s.on > p.on) ? { message: '协议生效日期不能早于调解日期', citation: RECORD_CHECK, field: 'on' } : null,
      p.signed ? null : { message: '行政调解协议书须经各方当事人签名并加盖本机关印章后生效', citation: basisOf(m), field: 'signed' },
    ],
    issues: () => 'agreement',
    apply: (m, p, x) => ({ ...m, outcome: agreedOutcome('written', p, x.number) }),
  }),

  'admin-mediation.end': action({
    title: '终止行政调解',
    roles: STAFF,
    from: ['mediating'],
    payload: endPayload('告知当事人的其他解决途径（民事诉讼、仲裁等）及本机关的后续处理'),
    guard: endRefusals,
    issues: () => 'termination',
    apply: (m, p, x) => ({ ...m, outcome: endedOutcome(p, x.number) }),
  }),

  'admin-mediation.follow-up': action({
    title: '回访（检查协议履行情况）',
    roles: STAFF,
    from: ['agreed'],
    payload: followUpPayload,
    guard: (m, p, ctx) => followUpRefusals(m, p, ctx, RECORD_CHECK),
    apply: (m, p, x) => ({ ...m, visits: [...m.visits, visitOf(p, x.seq)] }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<AdminMediationTypes, any>>;

export type AdminMediationActionType = keyof typeof ADMIN_MEDIATION_ACTIONS;

function nextSteps(m: AdminMediation): AdminMediationActionType[] {
  switch (adminStatusOf(m)) {
    case 'registered':
      return ['admin-mediation.consent', 'admin-mediation.decline'];
    case 'mediating':
      return m.sessions.length === 0 ? ['admin-mediation.record-session'] : ['admin-mediation.agreement', 'admin-mediation.end'];
    case 'agreed':
      return ['admin-mediation.follow-up'];
    case 'performed':
    case 'ended':
    case 'declined':
      return [];
  }
}

export const ADMIN_MEDIATION_PROCEDURE: Procedure<AdminMediationTypes, AdminMediationActionType> = {
  subjectType: 'admin-mediation',
  recordName: '行政调解',
  permissions: { read: 'mediation.administrative' },
  actions: ADMIN_MEDIATION_ACTIONS,
  empty: (o) => emptyAdminMediation(o.id, o.agencyId, o.regionPath, o.today),
  status: adminStatusOf,
  statusNames: ADMIN_STATUS_NAMES,
  next: nextSteps,
};
