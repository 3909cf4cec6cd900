/**
 * A 行政复议 case (行政复议法, revised 2023, in force 2024-01-01) as its fold sees it: the
 * application as received by the county's 复议机构 with its window (Art 20) and any recorded
 * exception, the one 补正 notice, acceptance (or 不予受理, or deemed acceptance after 5 working
 * days, Art 30), the copy to the 被申请人 and its 书面答复 with the answer bundle assembled from
 * the challenged case, the hearing, an extension, a settlement (调解书) or the decision, and an
 * 意见书 with the respondent's correction report. Pure data; its status is a function of it.
 */
import type { EvidenceItem } from '../../procedure/evidence.js';
import type { ChallengedEvidence } from '../../procedure/challenge.js';
import type { ChangeOutcome } from '../../law/penalty.js';
import type { PendingApproval } from '../../procedure/spec.js';

export const LAW = '《中华人民共和国行政复议法》';
/** 《行政复议法》第二十条, or with a paragraph: 第二十条第二款 */
export const article = (n: string, paragraph?: string) => `${LAW}第${n}条${paragraph ? `第${paragraph}款` : ''}`;

export const CHANNELS = {
  letter: '邮寄（信函）',
  counter: '当面递交',
  online: '网上申请',
  forwarded: '通过作出处罚决定的行政机关提交（转送）',
} as const;
export type Channel = keyof typeof CHANNELS;
export const CHANNEL_IDS = Object.keys(CHANNELS) as [Channel, ...Channel[]];

export const APPLICANT_KINDS = { citizen: '公民', organisation: '法人或者其他组织' } as const;

/** Why an application made after the 60 days is still in time (Art 20 第二款、第三款). */
export const LATE_EXCEPTIONS = {
  obstacle: { name: '因不可抗力或者其他正当理由耽误法定申请期限（自障碍消除之日起继续计算）', citation: article('二十', '二') },
  'rights-not-told': {
    name: '行政机关未告知申请行政复议的权利、机关和期限（自知道或者应当知道之日起计算，最长一年）',
    citation: article('二十', '三'),
  },
} as const;
export type LateException = keyof typeof LATE_EXCEPTIONS;
export const LATE_EXCEPTION_IDS = Object.keys(LATE_EXCEPTIONS) as [LateException, ...LateException[]];

/** When the simple procedure applies (Art 53). */
export const SIMPLE_GROUNDS = {
  'on-the-spot': '被申请行政复议的行政行为是当场作出',
  'small-amount': '被申请行政复议的行政行为是警告或者通报批评，或者涉及款额三千元以下',
  disclosure: '属于政府信息公开案件',
  consent: '当事人各方同意适用简易程序',
} as const;
export type SimpleGround = keyof typeof SIMPLE_GROUNDS;
export const SIMPLE_GROUND_IDS = Object.keys(SIMPLE_GROUNDS) as [SimpleGround, ...SimpleGround[]];

/** Why an application is not accepted (Art 30), each with its article. */
export const REFUSAL_GROUNDS = {
  late: { name: '超过法定申请期限且无正当理由', citation: article('二十') },
  'not-reviewable': { name: '不属于行政复议范围', citation: `${article('十一')}、${article('十二')}` },
  'no-interest': { name: '申请人与被申请行政复议的行政行为没有利害关系', citation: article('三十', '一') },
  'already-sued': { name: '已向人民法院提起行政诉讼并已受理', citation: article('二十九') },
  'not-this-body': { name: '不属于本机关管辖', citation: article('二十四') },
} as const;
export type RefusalGround = keyof typeof REFUSAL_GROUNDS;
export const REFUSAL_GROUND_IDS = Object.keys(REFUSAL_GROUNDS) as [RefusalGround, ...RefusalGround[]];

/** Which penalties an application may be filed through the penalising agency for (Art 32). */
export const FORWARDABLE = {
  'on-the-spot': '当场作出的行政处罚决定',
  camera: '依据电子技术监控设备记录的违法事实作出的行政处罚决定',
} as const;
export type Forwardable = keyof typeof FORWARDABLE;
export const FORWARDABLE_IDS = Object.keys(FORWARDABLE) as [Forwardable, ...Forwardable[]];

/** Why the review is suspended (中止, Art 39 第一款), each with its item. */
export const SUSPENSION_GROUNDS = {
  death: { name: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议', item: '一' },
  incapacity: { name: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议', item: '二' },
  missing: { name: '作为申请人的公民下落不明', item: '三' },
  'organisation-ended': { name: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人', item: '四' },
  'force-majeure': { name: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议', item: '五' },
  settlement: { name: '依法进行调解、和解，申请人和被申请人同意中止', item: '六' },
  interpretation: { name: '案件涉及的法律适用问题需要有权机关作出解释或者确认', item: '七' },
  'other-case': { name: '案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结', item: '八' },
  'normative-review': { name: '申请人对规范性文件提出附带审查或者审查中发现依据不合法（第五十六条、第五十七条）', item: '九' },
  other: { name: '需要中止行政复议的其他情形', item: '十' },
} as const;
export type SuspensionGround = keyof typeof SUSPENSION_GROUNDS;
export const SUSPENSION_GROUND_IDS = Object.keys(SUSPENSION_GROUNDS) as [SuspensionGround, ...SuspensionGround[]];
export const suspensionCitation = (g: SuspensionGround) => `${article('三十九', '一')}第（${SUSPENSION_GROUNDS[g].item}）项`;
/** The suspensions that end the case if they last 60 days (Art 41 第（五）项) */
export const SUSPENSIONS_ENDING_AFTER_60_DAYS: readonly SuspensionGround[] = ['death', 'incapacity', 'organisation-ended'];

/** Why the review ends without a decision (终止, Art 41), each with its item. */
export const TERMINATION_GROUNDS = {
  withdrawn: { name: '申请人撤回行政复议申请，行政复议机构准予撤回', item: '一' },
  'applicant-died': { name: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利', item: '二' },
  'organisation-ended': { name: '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其承受人放弃行政复议权利', item: '三' },
  'criminal-measures': {
    name: '申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施',
    item: '四',
  },
  'suspension-lapsed': { name: '因第三十九条第一款第一项、第二项、第四项中止满六十日，中止的原因仍未消除', item: '五' },
} as const;
export type TerminationGround = keyof typeof TERMINATION_GROUNDS;
export const TERMINATION_GROUND_IDS = Object.keys(TERMINATION_GROUNDS) as [TerminationGround, ...TerminationGround[]];
export const terminationCitation = (g: TerminationGround) => `${article('四十一')}第（${TERMINATION_GROUNDS[g].item}）项`;

/** What the head of the 复议机构 approves: the +30 days of Art 62. */
export const APPROVAL_NAMES = { extension: '延长审理期限' } as const;
export type ApprovalKind = keyof typeof APPROVAL_NAMES;
export const APPROVAL_KINDS = Object.keys(APPROVAL_NAMES) as [ApprovalKind, ...ApprovalKind[]];

/**
 * The decision types (Arts 63–69). `corrects`: it counts toward the 纠错率 (every type but
 * 维持 and 驳回); `outcome`: what it does to a penalty decision (the penalty case's
 * CHANGE_OUTCOMES), null where it has no penalty to change (责令履行 answers a failure to act).
 */
export const DECISION_TYPES = {
  varied: { name: '变更', citation: article('六十三'), corrects: true, outcome: 'varied' },
  revoked: { name: '撤销', citation: article('六十四'), corrects: true, outcome: 'revoked' },
  'revoked-redo': { name: '撤销并责令重新作出', citation: article('六十四'), corrects: true, outcome: 'revoked-redo' },
  unlawful: { name: '确认违法', citation: article('六十五'), corrects: true, outcome: 'unlawful' },
  perform: { name: '责令履行', citation: article('六十六'), corrects: true, outcome: null },
  void: { name: '确认无效', citation: article('六十七'), corrects: true, outcome: 'void' },
  upheld: { name: '维持', citation: article('六十八'), corrects: false, outcome: 'upheld' },
  dismissed: { name: '驳回行政复议请求', citation: article('六十九'), corrects: false, outcome: 'upheld' },
} as const satisfies Record<string, { name: string; citation: string; corrects: boolean; outcome: ChangeOutcome | null }>;
export type DecisionType = keyof typeof DECISION_TYPES;
export const DECISION_TYPE_IDS = Object.keys(DECISION_TYPES) as [DecisionType, ...DecisionType[]];
/** The types counted as 纠错 (the indicators' numerator) */
export const CORRECTING_TYPES = DECISION_TYPE_IDS.filter((t) => DECISION_TYPES[t].corrects);

export interface Applicant {
  kind: keyof typeof APPLICANT_KINDS;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

/** The answer bundle: what the respondent files with its 书面答复, assembled from the challenged case. */
export interface AnswerBundle {
  /** The challenged record (the penalty case) and its decision */
  caseId: string;
  number: string | null;
  decidedOn: string | null;
  facts: string | null;
  basis: string | null;
  /** The normative documents relied on (entered by the respondent) */
  normativeDocuments: string | null;
  evidence: ChallengedEvidence[];
}

/** A 规范性文件 referred for 附带审查, as the 复议 case keeps it. */
export interface IncidentalReview {
  /** The action that referred it (the kit's `referral`) */
  referral: number;
  documentId: string;
  title: string;
  /** 制定机关 */
  drafter: string;
  on: string;
  clauses: string;
  points: string;
  /** Art 59: the clauses lawful, or their execution stopped and the drafting body ordered to correct them */
  ruling: { on: string; lawful: boolean; reason: string } | null;
}

/** The referrals still waiting for the 复议机构's ruling (the decision waits for them: Art 56). */
export const unruledReviews = (r: Reconsideration) => (r.incidentalReviews ?? []).filter((x) => !x.ruling);

export interface Reconsideration {
  id: string;
  /** The 复议机构 (the county 司法局) */
  agencyId: string;
  /** The respondent's region: its people see the case in their scope */
  regionPath: string;
  channel: Channel;
  receivedOn: string;
  applicant: Applicant;
  respondent: { agencyId: string; name: string };
  /** The challenged penalty case, when the act is one of yifa's */
  challengedCaseId: string | null;
  /** The act as the application names it: 决定书文号 and content */
  challengedAct: string;
  /** When the applicant knew of the act (Art 20) */
  knewOn: string;
  /** The 60-day window's end as counted at receipt */
  windowDue: string;
  requests: string;
  reasons: string;
  lateException: { kind: LateException; reason: string; from: string; to: string | null } | null;
  /** SHA-256 of the tracking code an applicant on the portal was shown once; absent for one not made online */
  trackingHash?: string;
  /** Filed through the penalising agency (Art 32): when it received the application and when it forwarded it; absent otherwise */
  forwarding?: { kind: Forwardable; agencyReceivedOn: string; forwardedOn: string };
  correction: {
    seq: number;
    on: string;
    number: string | null;
    items: string;
    answerBy: string;
    answeredOn: string | null;
    answer: string | null;
  } | null;
  withdrawnOn: string | null;
  refusal: { on: string; number: string | null; ground: RefusalGround; reason: string } | null;
  acceptance: {
    on: string;
    /** Deemed accepted: the 复议机构 did not decide within 5 working days (Art 30) */
    deemed: boolean;
    number: string | null;
    simple: boolean;
    simpleGround: SimpleGround | null;
    /** Major, complex or difficult: a hearing is required (Art 50) */
    hearingRequired: boolean;
  } | null;
  copy: { on: string; number: string | null; answerDue: string } | null;
  answer: {
    on: string;
    text: string;
    /** Filed after its 10 (5) working days: the act may be treated as having no evidence (Art 70) */
    late: boolean;
    bundle: AnswerBundle;
  } | null;
  /** Who attends the hearing for the respondent: its 负责人, or a delegate and why (Art 51) */
  attendance: { headAttends: boolean; headName: string; delegate: string | null; reason: string | null } | null;
  hearing: { noticeOn: string; number: string | null; date: string; place: string; heldOn: string | null; record: string | null } | null;
  /** The +30 days of Art 62, as the head of the 复议机构 approved them (the 延期通知书's number) */
  extension: { on: string; days: number; reason: string; approvedBy: string; until: string; number?: string | null } | null;
  /** Requests waiting for the head of the 复议机构; absent until the first */
  pending?: PendingApproval<ApprovalKind>[];
  /** 中止 (Art 39), oldest first: while the last has not resumed, the review waits and its days do not count; absent until the first */
  suspensions?: {
    seq: number;
    on: string;
    number: string | null;
    ground: SuspensionGround;
    reason: string;
    resumedOn: string | null;
    resumeNumber: string | null;
  }[];
  /** 终止 (Art 41); absent unless terminated */
  termination?: { on: string; number: string | null; ground: TerminationGround; reason: string };
  settlement: { on: string; number: string | null; terms: string } | null;
  decision: {
    on: string;
    number: string | null;
    type: DecisionType;
    reason: string;
    redoBy: string | null;
    varied: { fineFen: number } | null;
  } | null;
  opinion: { on: string; number: string | null; text: string } | null;
  correctionReport: { on: string; text: string; late: boolean } | null;
  /**
   * 附带审查 (Arts 13, 56–59): each 规范性文件 referred to its drafting body, and the ruling on it;
   * absent until the first. Kept under the kit's REFERRALS_KEY, so the document's procedure can
   * check a referral it is asked to record (incidental-review.ts).
   */
  incidentalReviews?: IncidentalReview[];
  /** Files (the application letter, the respondent's materials); absent until the first */
  evidence?: (EvidenceItem & { type: MaterialType })[];
}

export const MATERIAL_TYPES = {
  application: '行政复议申请书（扫描件）',
  correction: '补正材料',
  answer: '答复材料',
  hearing: '听证笔录',
  other: '其他材料',
} as const;
export type MaterialType = keyof typeof MATERIAL_TYPES;

export const STATUS_NAMES = {
  received: '待审查',
  correcting: '待补正',
  refused: '不予受理',
  withdrawn: '视为撤回',
  accepted: '已受理（待发送副本）',
  answering: '待被申请人答复',
  reviewing: '审理中',
  settled: '已调解',
  decided: '已决定',
  terminated: '已终止',
} as const;
export type ReconsiderationStatus = keyof typeof STATUS_NAMES;

export function statusOf(r: Reconsideration): ReconsiderationStatus {
  if (r.termination) return 'terminated';
  if (r.decision) return 'decided';
  if (r.settlement) return 'settled';
  if (r.refusal) return 'refused';
  if (r.withdrawnOn) return 'withdrawn';
  if (r.correction && !r.correction.answeredOn) return 'correcting';
  if (!r.acceptance) return 'received';
  if (!r.copy) return 'accepted';
  if (!r.answer) return 'answering';
  return 'reviewing';
}

/** The open 中止, if the review is suspended now. */
export const openSuspension = (r: Reconsideration) => {
  const last = r.suspensions?.at(-1);
  return last && !last.resumedOn ? last : null;
};

/** The day the case ended (decision, 调解书, 不予受理, 视为撤回 or 终止), or null while it runs. */
export const closedOn = (r: Reconsideration) =>
  r.decision?.on ?? r.settlement?.on ?? r.refusal?.on ?? r.withdrawnOn ?? r.termination?.on ?? null;

/** The acceptance clock's start: receipt, or the corrected application's (Art 31). */
export const acceptanceFrom = (r: Reconsideration) => r.correction?.answeredOn ?? r.receivedOn;

export function emptyReconsideration(id: string, agencyId: string, regionPath: string, today: string): Reconsideration {
  return {
    id,
    agencyId,
    regionPath,
    channel: 'letter',
    receivedOn: today,
    applicant: { kind: 'citizen', name: '', idNumber: null, phone: null, address: null },
    respondent: { agencyId: '', name: '' },
    challengedCaseId: null,
    challengedAct: '',
    knewOn: today,
    windowDue: today,
    requests: '',
    reasons: '',
    lateException: null,
    correction: null,
    withdrawnOn: null,
    refusal: null,
    acceptance: null,
    copy: null,
    answer: null,
    attendance: null,
    hearing: null,
    extension: null,
    settlement: null,
    decision: null,
    opinion: null,
    correctionReport: null,
  };
}
