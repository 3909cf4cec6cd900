/**
 * A request for government information (政府信息公开申请, 政府信息公开条例 2019 Arts 27–45)
 * as its fold sees it: the request as received, the one 补正 notice and its answer, the
 * third-party consultations, the approved extension, and the reply. Pure data; its status
 * is a function of it.
 */
import type { PendingApproval } from '../../procedure/spec.js';
import type { EvidenceItem } from '../../procedure/evidence.js';
import type { LinkedFrom } from '../../procedure/links.js';

export const REGULATION = '《中华人民共和国政府信息公开条例》';
/** 《…条例》第三十六条, or with an item: 第三十六条第（一）项 */
export const article = (n: string, item?: string) => `${REGULATION}第${n}条${item ? `第（${item}）项` : ''}`;

export const CHANNELS = {
  online: '网上申请',
  letter: '信函申请',
  counter: '当面申请',
  fax: '传真申请',
} as const;
export type Channel = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as [Channel, ...Channel[]];

export const APPLICANT_KINDS = { citizen: '公民', organisation: '法人或者其他组织' } as const;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;

export const FORMS = { paper: '纸质', electronic: '电子数据', either: '不限' } as const;
export type Form = keyof typeof FORMS;

/** Grounds for withholding (Arts 14–16) and the article each rests on. */
export const WITHHOLDING_GROUNDS = {
  'state-secret': { name: '依法确定为国家秘密', citation: article('十四') },
  'law-forbids': { name: '法律、行政法规禁止公开', citation: article('十四') },
  security: { name: '公开后可能危及国家安全、公共安全、经济安全、社会稳定', citation: article('十四') },
  'third-party': { name: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', citation: article('十五') },
  internal: { name: '人事管理、后勤管理、内部工作流程等内部事务信息', citation: article('十六') },
  process: { name: '讨论记录、过程稿、磋商信函、请示报告等过程性信息', citation: article('十六') },
  'enforcement-file': { name: '行政执法案卷信息', citation: article('十六') },
} as const;
export type WithholdingGround = keyof typeof WITHHOLDING_GROUNDS;
export const WITHHOLDING_GROUND_IDS = Object.keys(WITHHOLDING_GROUNDS) as [WithholdingGround, ...WithholdingGround[]];

/**
 * The reply types, each its own written form (Arts 36, 37, 39). `withholds`: the reply
 * must name a withholding ground; `refers`: it must say where the applicant should turn.
 */
export const REPLY_TYPES = {
  'already-public': { name: '已主动公开，告知获取方式和途径', citation: article('三十六', '一'), withholds: false, refers: true },
  disclose: { name: '予以公开', citation: article('三十六', '二'), withholds: false, refers: false },
  partial: { name: '部分公开', citation: article('三十七'), withholds: true, refers: false },
  withhold: { name: '不予公开', citation: article('三十六', '三'), withholds: true, refers: false },
  'not-exist': { name: '经检索没有所申请公开信息（信息不存在）', citation: article('三十六', '四'), withholds: false, refers: false },
  'not-held': { name: '不属于本机关负责公开', citation: article('三十六', '五'), withholds: false, refers: true },
  repeat: { name: '重复申请，不予重复处理', citation: article('三十六', '六'), withholds: false, refers: false },
  'other-route': {
    name: '法律、行政法规对信息获取另有规定，告知按规定办理',
    citation: article('三十六', '七'),
    withholds: false,
    refers: true,
  },
  'not-request': {
    name: '以政府信息公开申请形式进行信访、投诉、举报，告知通过相应渠道提出',
    citation: article('三十九'),
    withholds: false,
    refers: true,
  },
} as const;
export type ReplyType = keyof typeof REPLY_TYPES;
export const REPLY_TYPE_IDS = Object.keys(REPLY_TYPES) as [ReplyType, ...ReplyType[]];

export const OPINIONS = { agree: '同意公开', object: '不同意公开', none: '逾期未提出意见' } as const;
export type Opinion = keyof typeof OPINIONS;

/** What a file attached to the request is: the paper application the clerk scanned, the corrected one, the reply's materials. */
export const MATERIAL_TYPES = {
  application: '申请书及身份证明（扫描件）',
  correction: '补正材料',
  reply: '答复材料（公开的信息、送达凭证）',
  other: '其他材料',
} as const;
export type MaterialType = keyof typeof MATERIAL_TYPES;

/** A file attached to the request (the kit's evidence item). */
export interface Material extends EvidenceItem {
  type: MaterialType;
}

export interface Applicant {
  kind: ApplicantKind;
  name: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface Correction {
  seq: number;
  noticeOn: string;
  number: string | null;
  /** Everything to correct, told at once (Art 30) */
  items: string;
  /** The reasonable time the agency gave */
  answerBy: string;
  answeredOn: string | null;
  answer: string | null;
}

export interface Consultation {
  seq: number;
  thirdParty: string;
  matter: string;
  sentOn: string;
  number: string | null;
  answeredOn: string | null;
  opinion: Opinion | null;
  reason: string | null;
}

export interface Reply {
  on: string;
  type: ReplyType;
  text: string;
  ground: WithholdingGround | null;
  /** Where to turn (the responsible agency, the other route, the channel) */
  referTo: string | null;
  number: string | null;
  /** The third party's objection was overridden for the public interest (Art 32) */
  publicInterest: string | null;
}

export interface InformationRequest {
  id: string;
  agencyId: string;
  regionPath: string;
  channel: Channel;
  /** When it counts as received (Art 31) */
  receivedOn: string;
  applicant: Applicant;
  description: string;
  form: Form;
  /** SHA-256 of the applicant's tracking code (the code itself is only ever shown to the applicant) */
  trackingHash: string;
  correction: Correction | null;
  /** Deemed withdrawn: no correction in time (Art 30) */
  withdrawnOn: string | null;
  consultations: Consultation[];
  /** Approved by the head; `until` is the extended due date as fixed then (Art 33) */
  extension: { days: number; reason: string; approvedOn: string; number: string | null; until: string } | null;
  pending: PendingApproval<'extension'>[];
  reply: Reply | null;
  /**
   * The files attached to it. Absent until the first is attached, so a request from before
   * attachments folds to the very state (and state hash) its journal recorded.
   */
  evidence?: Material[];
  /** Routed from a petition (信访工作条例 Art 31): the record it came from, which names this one (absent otherwise) */
  linkedFrom?: LinkedFrom;
}

export const STATUS_NAMES = {
  received: '已登记',
  correcting: '待补正',
  processing: '办理中',
  consulting: '征求第三方意见',
  replied: '已答复',
  withdrawn: '视为撤回',
} as const;
export type RequestStatus = keyof typeof STATUS_NAMES;

export function statusOf(r: InformationRequest): RequestStatus {
  if (r.reply) return 'replied';
  if (r.withdrawnOn) return 'withdrawn';
  if (r.correction && !r.correction.answeredOn) return 'correcting';
  if (r.consultations.some((c) => !c.answeredOn)) return 'consulting';
  if (r.correction || r.consultations.length > 0) return 'processing';
  return 'received';
}

/** The day the reply period starts: receipt, or the corrected request's receipt (Art 30). */
export const replyClockFrom = (r: InformationRequest) => r.correction?.answeredOn ?? r.receivedOn;

export function emptyRequest(id: string, agencyId: string, regionPath: string, today: string): InformationRequest {
  return {
    id,
    agencyId,
    regionPath,
    channel: 'online',
    receivedOn: today,
    applicant: { kind: 'citizen', name: '', idNumber: null, phone: null, email: null, address: null },
    description: '',
    form: 'either',
    trackingHash: '',
    correction: null,
    withdrawnOn: null,
    consultations: [],
    extension: null,
    pending: [],
    reply: null,
  };
}
