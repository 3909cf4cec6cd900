/**
 * 行政调解 as its fold sees it: a dispute tied to an agency's administrative work (the town
 * government's or a department's — compensation after a public-order case, a land-contract
 * quarrel the township is asked to settle) that the agency's own staff mediate, in the agency's
 * name. Its legal bases are the statutes that give an agency the power to mediate; its
 * documents carry the agency's seal, not a committee's. No 司法确认 (人民调解法 Art 33 covers
 * only a 人民调解 agreement). Pure data; its status is a function of it.
 */
import type { Category } from './law.js';
import { PERFORMANCE, type Outcome, type Party, type Performance, type Session, type Visit } from './state.js';

/**
 * The statutes under which an agency mediates (not in LAW.md §5, which covers 人民调解: each
 * as the statute is commonly quoted). Each says who may mediate what.
 */
export const ADMIN_BASES = {
  publicOrder: {
    name: '治安案件调解',
    // The 2012 text's article; the 2025 revision (in force 2026-01-01) keeps the rule, its number is not verified here.
    cite: '《中华人民共和国治安管理处罚法》（2012年修正）第九条',
    text: '因民间纠纷引起的打架斗殴或者损毁他人财物等违反治安管理行为，情节较轻的，公安机关可以调解处理；经调解达成协议的，不予处罚；未达成协议或者达成协议后不履行的，依法处罚，并告知当事人可以就民事争议依法向人民法院提起民事诉讼',
  },
  traffic: {
    name: '交通事故损害赔偿调解',
    cite: '《中华人民共和国道路交通安全法》第七十四条',
    text: '对交通事故损害赔偿的争议，当事人可以请求公安机关交通管理部门调解，也可以直接向人民法院提起民事诉讼；经调解未达成协议或者调解书生效后不履行的，当事人可以向人民法院提起民事诉讼',
  },
  landContract: {
    name: '农村土地承包经营纠纷调解',
    cite: '《中华人民共和国农村土地承包经营纠纷调解仲裁法》第三条、第七条',
    text: '发生农村土地承包经营纠纷的，当事人可以自行和解，也可以请求村民委员会、乡（镇）人民政府等调解；村民委员会、乡（镇）人民政府应当加强农村土地承包经营纠纷的调解工作，帮助当事人达成协议解决纠纷',
  },
  landRights: {
    name: '土地权属争议调处',
    cite: '《中华人民共和国土地管理法》第十四条',
    text: '土地所有权和使用权争议，由当事人协商解决；协商不成的，由人民政府处理；个人之间、个人与单位之间的争议，由乡级人民政府或者县级以上人民政府处理',
  },
  civil: {
    name: '民间纠纷处理',
    cite: '《民间纠纷处理办法》（司法部令第1号）第二条、第三条',
    text: '司法助理员是基层人民政府的司法行政工作人员，具体负责处理民间纠纷的工作；基层人民政府处理的民间纠纷，即公民之间有关人身、财产权益和其他日常生活中发生的纠纷',
  },
} as const;
export type AdminBasis = keyof typeof ADMIN_BASES;
export const ADMIN_BASIS_IDS = Object.keys(ADMIN_BASES) as [AdminBasis, ...AdminBasis[]];
export const ADMIN_BASIS_LABELS = Object.fromEntries(
  ADMIN_BASIS_IDS.map((b) => [b, `${ADMIN_BASES[b].name}（${ADMIN_BASES[b].cite}）`]),
) as Record<AdminBasis, string>;

/** Where a 行政调解 comes from: the parties ask, or the agency offers it in the course of its work. */
export const ADMIN_SOURCES = { application: '当事人申请', initiative: '依职权主动调解' } as const;
export type AdminSource = keyof typeof ADMIN_SOURCES;
export const ADMIN_SOURCE_IDS = Object.keys(ADMIN_SOURCES) as [AdminSource, ...AdminSource[]];

/** The penalty case a mediation arises from, as the procedure registry's common row named it when registered. */
export interface LinkedCase {
  procedure: string;
  id: string;
  title: string;
}

export interface AdminMediation {
  id: string;
  agencyId: string;
  regionPath: string;
  /** The mediating agency, by name (its documents are in its name, under its seal) */
  agencyName: string;
  registeredBy: string | null;
  registeredOn: string;
  source: AdminSource;
  basis: AdminBasis;
  category: Category;
  parties: Party[];
  facts: string;
  points: string;
  /** The administrative case it arises from (a penalty case), if any */
  penaltyCase: LinkedCase | null;
  consent: { on: string; agreed: boolean; refusedBy: string | null; note: string } | null;
  /** The agency's staff who mediate (主持调解的工作人员), by name */
  hosts: string[];
  sessions: Session[];
  outcome: Outcome | null;
  visits: Visit[];
}

export const ADMIN_STATUS_NAMES = {
  registered: '已登记（待征询意愿）',
  mediating: '调解中',
  agreed: '已达成协议（履行中）',
  performed: '协议已履行',
  ended: '调解终止',
  declined: '当事人拒绝调解',
} as const;
export type AdminStatus = keyof typeof ADMIN_STATUS_NAMES;

export function adminStatusOf(m: AdminMediation): AdminStatus {
  if (m.consent && !m.consent.agreed) return 'declined';
  if (m.outcome?.kind === 'ended') return 'ended';
  if (m.outcome) return m.visits.some((v) => v.performance === 'full') ? 'performed' : 'agreed';
  return m.consent ? 'mediating' : 'registered';
}

export function adminClosedOn(m: AdminMediation): string | null {
  if (m.consent && !m.consent.agreed) return m.consent.on;
  if (m.outcome?.kind === 'ended') return m.outcome.on;
  return m.visits.find((v) => v.performance === 'full')?.on ?? null;
}

export const performanceName = (p: Performance) => PERFORMANCE[p];

export function emptyAdminMediation(id: string, agencyId: string, regionPath: string, today: string): AdminMediation {
  return {
    id,
    agencyId,
    regionPath,
    agencyName: '',
    registeredBy: null,
    registeredOn: today,
    source: 'application',
    basis: 'civil',
    category: 'other',
    parties: [],
    facts: '',
    points: '',
    penaltyCase: null,
    consent: null,
    hosts: [],
    sessions: [],
    outcome: null,
    visits: [],
  };
}
