/**
 * A petition (信访事项, 《信访工作条例》2022) as its fold sees it: registered before anything
 * else, routed (受理 / 不予受理 into a legal procedure / 转送 / 交办), handled within its limits
 * (investigation, an optional hearing, an approved extension) to a 信访处理意见书, then the
 * petitioner's 复查 and 复核 and his satisfaction ratings. Pure data; its status is a function
 * of it.
 */
import type { LinkDetails, LinkRoute, LinkedRef } from '../../procedure/links.js';
import type { PendingApproval } from '../../procedure/spec.js';
import type { EvidenceItem } from '../../procedure/evidence.js';

export const REGULATION = '《信访工作条例》';
/** 《信访工作条例》第二十三条 */
export const article = (n: string) => `${REGULATION}第${n}条`;

export const CHANNELS = { visit: '走访', letter: '来信', phone: '来电', online: '网上信访' } as const;
export type Channel = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as [Channel, ...Channel[]];
/** Channels where the petitioner speaks and the clerk writes it down (Art 19). */
export const ORAL: readonly Channel[] = ['visit', 'phone'];

/** Where the item came from: the petitioner himself, or the 信访部门 transferring or assigning it (Art 22, 23). */
export const SOURCES = { direct: '信访人直接提出', transferred: '上级信访部门转送、交办' } as const;
export type Source = keyof typeof SOURCES;

/** Art 20: at most five representatives of a group visit. */
export const MAX_REPRESENTATIVES = 5;

export const CATEGORIES = {
  'land-acquisition': '征地拆迁',
  'land-reclamation': '土地复垦',
  'land-contract': '农村土地承包',
  'social-security': '劳动和社会保障',
  construction: '城乡建设',
  environment: '生态环境',
  'civil-affairs': '民政救助',
  'law-related': '涉法涉诉',
  other: '其他',
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];

/**
 * Why a petition is not accepted: the legal procedure it belongs in instead (Art 31(1)–(5)),
 * or a matter already concluded by 复核 (Art 36). The petitioner is told which and why.
 */
export const LEGAL_ROUTES = {
  litigation: { name: '向人民法院提起诉讼', citation: article('三十一') },
  reconsideration: { name: '申请行政复议', citation: article('三十一') },
  arbitration: { name: '申请仲裁（劳动人事争议、农村土地承包经营纠纷）', citation: article('三十一') },
  adjudication: { name: '申请行政裁决、行政确认', citation: article('三十一') },
  penalty: { name: '通过投诉举报由执法机关依行政处罚程序处理', citation: article('三十一') },
  licence: { name: '依行政许可程序办理', citation: article('三十一') },
  concluded: { name: '已经复核终结，同一事实和理由不再受理', citation: article('三十六') },
} as const;
export type LegalRoute = keyof typeof LEGAL_ROUTES;
export const LEGAL_ROUTE_IDS = Object.keys(LEGAL_ROUTES) as [LegalRoute, ...LegalRoute[]];

/** The three outcomes of a 信访处理意见书 (Art 32). */
export const OUTCOMES = {
  support: '支持（请求事实清楚，符合法律、法规、规章或者其他有关规定）',
  explain: '解释说明（请求合理但缺乏法律依据）',
  reject: '不予支持（请求缺乏事实根据或者不符合法律、法规、规章或者其他有关规定）',
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_IDS = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]];
/** The outcome's short name, for lists and the public page. */
export const OUTCOME_NAMES: Record<Outcome, string> = { support: '支持', explain: '解释说明', reject: '不予支持' };

/** What a 复查 or 复核 body decides about the opinion below it. */
export const REVIEW_OUTCOMES = { uphold: '维持原处理意见', change: '撤销或者变更原处理意见' } as const;
export type ReviewOutcome = keyof typeof REVIEW_OUTCOMES;

export const RATINGS = { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' } as const;
export type Rating = keyof typeof RATINGS;

export const NOTE_KINDS = { visit: '走访调查', interview: '询问当事人', site: '现场勘查', records: '调取资料', other: '其他' } as const;
export type NoteKind = keyof typeof NOTE_KINDS;

export interface Petitioner {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string;
}

export type Routing =
  | { kind: 'accept'; on: string; number: string | null }
  | { kind: 'decline'; on: string; number: string | null; route: LegalRoute; reason: string }
  | { kind: 'transfer' | 'assign'; on: string; number: string | null; to: string; reason: string }
  /** Routed into a legal procedure in yifa (Art 31): the record it opened is `linkedTo` */
  | {
      kind: 'procedure';
      on: string;
      number: string | null;
      route: LinkRoute;
      reason: string;
      /** What the route needed beyond the petition (whom a 案源 is about, a dispute's other side); absent before routes had any */
      details?: LinkDetails;
    };

export interface Note {
  seq: number;
  on: string;
  kind: NoteKind;
  text: string;
}

export interface Opinion {
  on: string;
  /** The day the petitioner received it: the 复查 window runs from it (Art 35) */
  servedOn: string;
  outcome: Outcome;
  facts: string;
  basis: string;
  text: string;
  number: string | null;
}

/** A 复查 (Art 35) or 复核 (Art 36): the request, to which body, and its written reply. */
export interface Review {
  requestedOn: string;
  body: string;
  reason: string;
  reply: { on: string; servedOn: string; outcome: ReviewOutcome; text: string; number: string | null } | null;
}

export interface Petition {
  id: string;
  agencyId: string;
  regionPath: string;
  /** 信访事项登记号, issued at registration */
  number: string | null;
  channel: Channel;
  source: Source;
  receivedOn: string;
  /** One petitioner, or a group's representatives (at most five for a visit, Art 20) */
  petitioners: Petitioner[];
  /** How many people came, where a group visit sent representatives */
  groupSize: number | null;
  request: string;
  factsAndReasons: string;
  category: Category;
  /** The village or place the matter is about */
  place: string;
  /** An oral petition as the clerk wrote it down, confirmed by the petitioner (Art 19) */
  oralConfirmed: boolean;
  /** The registration number of an earlier petition on the same request and facts, when the clerk found one */
  repeatOf: string | null;
  /** SHA-256 of the petitioner's tracking code (the code itself is only ever shown to him) */
  trackingHash: string;
  routing: Routing | null;
  /** This agency's objection to a misrouted transfer (Art 23) */
  objection: { on: string; reason: string } | null;
  notes: Note[];
  hearing: { on: string; participants: string; summary: string } | null;
  /** Approved by the head; `until` is the extended handling due date (Art 34) */
  extension: { days: number; reason: string; approvedOn: string; number: string | null; until: string } | null;
  pending: PendingApproval<'extension' | 'merge'>[];
  opinion: Opinion | null;
  /** The assigned body's 办结报告 (Art 22) */
  report: { on: string; text: string } | null;
  review: Review | null;
  recheck: Review | null;
  ratings: { on: string; of: 'opinion' | 'review' | 'recheck'; rating: Rating; comment: string | null }[];
  // The fields below came after the first petitions were journaled: absent until used, so an
  // older record replays to the same stored state.
  /** Merged as a duplicate into the kept petition (its limits run on; this one's stop) */
  mergedInto?: MergedInto;
  /** The duplicates merged into this one (its own limits are not reset) */
  merged?: { id: string; number: string; on: string }[];
  /** The letter's scan, photos and other files the petitioner handed in (the kit's evidence items) */
  attachments?: Attachment[];
  /** The record of another procedure in yifa it was routed into (the kit's links.ts: that record names this one) */
  linkedTo?: LinkedRef;
  /** Settled by agreement while being handled (Art 33): the 调解协议书 or 和解协议书 in place of an opinion */
  agreement?: Agreement;
}

/** How a duplicate was merged: into which petition, why, and on whose say (the same petitioner, or the head's approval). */
export interface MergedInto {
  id: string;
  number: string;
  on: string;
  reason: string;
  by: 'same-petitioner' | 'head';
}

export const ATTACHMENT_TYPES = { letter: '信访信件（扫描件）', photo: '照片', record: '书面材料', other: '其他' } as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** A file attached to the petition (the kit's evidence item, typed by what the petitioner handed in). */
export interface Attachment extends EvidenceItem {
  type: AttachmentType;
}

/** How a petition handled is settled by agreement (Art 33): mediated by the handling body, or agreed between the parties. */
export const AGREEMENT_KINDS = { mediation: '调解协议书', settlement: '和解协议书' } as const;
export type AgreementKind = keyof typeof AGREEMENT_KINDS;

export interface Agreement {
  on: string;
  kind: AgreementKind;
  number: string | null;
  /** The parties who signed it (the petitioner(s) and the other side) */
  parties: string;
  terms: string;
  /** How and by when it is to be performed */
  performance: string;
}

export const STATUS_NAMES = {
  registered: '已登记',
  merged: '已合并（重复信访）',
  accepted: '已受理（办理中）',
  declined: '不予受理',
  routed: '已转入法定程序',
  transferred: '已转送',
  assigned: '已交办',
  reported: '交办已办结',
  objected: '已提出异议（退回）',
  answered: '已出具处理意见',
  settled: '已达成调解（和解）协议',
  reviewing: '复查中',
  reviewed: '已复查',
  rechecking: '复核中',
  rechecked: '已复核（终结）',
} as const;
export type PetitionStatus = keyof typeof STATUS_NAMES;

export function statusOf(p: Petition): PetitionStatus {
  if (p.mergedInto) return 'merged';
  if (p.objection) return 'objected';
  if (p.recheck) return p.recheck.reply ? 'rechecked' : 'rechecking';
  if (p.review) return p.review.reply ? 'reviewed' : 'reviewing';
  if (p.opinion) return 'answered';
  if (p.agreement) return 'settled';
  const r = p.routing;
  if (!r) return 'registered';
  if (r.kind === 'assign') return p.report ? 'reported' : 'assigned';
  return ({ accept: 'accepted', decline: 'declined', transfer: 'transferred', procedure: 'routed' } as const)[r.kind];
}

/** The day the record closed for now (a 复查 request reopens it). */
export function closedOn(p: Petition): string | null {
  if (p.mergedInto) return p.mergedInto.on;
  if (p.objection) return p.objection.on;
  const last = p.recheck ?? p.review;
  if (last) return last.reply?.on ?? null;
  if (p.opinion) return p.opinion.on;
  if (p.agreement) return p.agreement.on;
  const r = p.routing;
  if (!r || r.kind === 'accept') return null;
  if (r.kind === 'assign') return p.report?.on ?? null;
  return r.on;
}

export const petitionerNames = (p: Petition) => p.petitioners.map((x) => x.name).join('、');

export function emptyPetition(id: string, agencyId: string, regionPath: string, today: string): Petition {
  return {
    id,
    agencyId,
    regionPath,
    number: null,
    channel: 'letter',
    source: 'direct',
    receivedOn: today,
    petitioners: [],
    groupSize: null,
    request: '',
    factsAndReasons: '',
    category: 'other',
    place: '',
    oralConfirmed: false,
    repeatOf: null,
    trackingHash: '',
    routing: null,
    objection: null,
    notes: [],
    hearing: null,
    extension: null,
    pending: [],
    opinion: null,
    report: null,
    review: null,
    recheck: null,
    ratings: [],
  };
}
