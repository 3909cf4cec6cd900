/**
 * 行政处罚法 (2021) as data: the kinds of penalty, the limits of the simple procedure,
 * the evidence types, how a case may start and how documents may be served — each
 * with its article. Pure; read by the enforcement workflow, the documents and the UI.
 * Numbers the law leaves to local rules are settings (modules/enforcement/settings.ts).
 */

export const PENALTY_LAW = '《中华人民共和国行政处罚法》';
export const COMPULSION_LAW = '《中华人民共和国行政强制法》';
export const cite = (articles: string) => `${PENALTY_LAW}${articles}`;

export type PartyKind = 'citizen' | 'organisation';
export const PARTY_KINDS = { citizen: '公民', organisation: '法人或者其他组织' } as const satisfies Record<PartyKind, string>;

/**
 * Kinds of penalty (Art 9), mildest first; `severity` orders them for the review catalog.
 * `hearing`: a penalty of this kind must be offered a hearing whatever its amount (Art 63).
 */
export const PENALTY_KINDS = {
  warning: { name: '警告', severity: 1, monetary: false, hearing: false },
  criticism: { name: '通报批评', severity: 2, monetary: false, hearing: false },
  fine: { name: '罚款', severity: 3, monetary: true, hearing: false },
  'confiscate-gains': { name: '没收违法所得', severity: 4, monetary: true, hearing: false },
  'confiscate-property': { name: '没收非法财物', severity: 5, monetary: true, hearing: false },
  'suspend-licence': { name: '暂扣许可证件', severity: 6, monetary: false, hearing: false },
  'restrict-production': { name: '限制开展生产经营活动', severity: 7, monetary: false, hearing: false },
  'demote-qualification': { name: '降低资质等级', severity: 8, monetary: false, hearing: true },
  'revoke-licence': { name: '吊销许可证件', severity: 9, monetary: false, hearing: true },
  'suspend-business': { name: '责令停产停业', severity: 10, monetary: false, hearing: true },
  close: { name: '责令关闭', severity: 11, monetary: false, hearing: true },
  'restrict-practice': { name: '限制从业', severity: 12, monetary: false, hearing: true },
} as const satisfies Record<string, { name: string; severity: number; monetary: boolean; hearing: boolean }>;
export type PenaltyKind = keyof typeof PENALTY_KINDS;
export const PENALTY_KIND_IDS = Object.keys(PENALTY_KINDS) as [PenaltyKind, ...PenaltyKind[]];

/** Art 51: the simple (on-the-spot) procedure, in fen. */
export const SIMPLE_PROCEDURE = {
  maxFineFen: { citizen: 20_000, organisation: 300_000 } as const satisfies Record<PartyKind, number>,
  kinds: ['warning', 'fine'] as const satisfies readonly PenaltyKind[],
  citation: cite('第五十一条'),
};

/** Art 72: 加处罚款, 3% of the fine a day, never more than the fine. */
export const LATE_PENALTY = { ratePerDay: 0.03, citation: cite('第七十二条') };

/** Art 72: the late penalty owed `daysLate` days after the payment deadline, in fen. */
export function latePenaltyFen(fineFen: number, daysLate: number): number {
  if (daysLate <= 0 || fineFen <= 0) return 0;
  return Math.min(fineFen, Math.round(fineFen * LATE_PENALTY.ratePerDay * daysLate));
}

/** Art 46: the eight statutory kinds of evidence. */
export const EVIDENCE_TYPES = {
  documentary: '书证',
  physical: '物证',
  audiovisual: '视听资料',
  electronic: '电子数据',
  witness: '证人证言',
  'party-statement': '当事人的陈述',
  'expert-opinion': '鉴定意见',
  'inspection-record': '勘验笔录、现场笔录',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

/**
 * 音像记录事项: the scenes of enforcement that are recorded on audio-visual media
 * (行政执法全过程记录 guidance; 行政处罚法第四十七条). Each agency's list says which of them
 * require a recording.
 */
export const RECORDING_SCENES = {
  inspection: '现场检查',
  sampling: '抽样取证',
  preservation: '先行登记保存',
  seizure: '查封扣押',
  demolition: '强制拆除',
  hearing: '听证',
  'on-the-spot': '当场处罚',
  'service-direct': '直接送达',
  'service-left': '留置送达',
  'service-notice': '公告送达',
  'complaint-call': '投诉举报电话',
  inquiry: '询问',
} as const;
export type RecordingScene = keyof typeof RECORDING_SCENES;
export const RECORDING_SCENE_IDS = Object.keys(RECORDING_SCENES) as [RecordingScene, ...RecordingScene[]];
export const EVIDENCE_TYPE_IDS = Object.keys(EVIDENCE_TYPES) as [EvidenceType, ...EvidenceType[]];

/** Where a case comes from (案源). */
export const CASE_SOURCES = {
  complaint: '投诉举报',
  patrol: '巡查发现',
  assigned: '上级交办',
  referral: '部门移送',
  petition: '信访转办',
} as const;
export type CaseSource = keyof typeof CASE_SOURCES;
export const CASE_SOURCE_IDS = Object.keys(CASE_SOURCES) as [CaseSource, ...CaseSource[]];

/**
 * Service of documents (Art 61 and 民事诉讼法 Arts 87–95). `completesAfterDays`: service by
 * public notice is complete 30 days after the notice (民诉法 Art 95).
 */
export const SERVICE_METHODS = {
  direct: { name: '直接送达', completesAfterDays: 0, needsConsent: false },
  left: { name: '留置送达', completesAfterDays: 0, needsConsent: false },
  post: { name: '邮寄送达', completesAfterDays: 0, needsConsent: false },
  electronic: { name: '电子送达', completesAfterDays: 0, needsConsent: true },
  'public-notice': { name: '公告送达', completesAfterDays: 30, needsConsent: false },
} as const satisfies Record<string, { name: string; completesAfterDays: number; needsConsent: boolean }>;
export type ServiceMethod = keyof typeof SERVICE_METHODS;
export const SERVICE_METHOD_IDS = Object.keys(SERVICE_METHODS) as [ServiceMethod, ...ServiceMethod[]];

/** Art 57 outcomes of a general-procedure case, and Art 33's grounds for no penalty. */
export const DECISION_OUTCOMES = {
  penalty: { name: '给予行政处罚', citation: cite('第五十七条第一款第一项'), penalises: true },
  'no-penalty-minor': {
    name: '违法行为轻微并及时改正，没有造成危害后果，不予行政处罚',
    citation: cite('第三十三条第一款'),
    penalises: false,
  },
  'no-penalty-first': {
    name: '初次违法且危害后果轻微并及时改正，不予行政处罚（首违不罚）',
    citation: cite('第三十三条第一款'),
    penalises: false,
  },
  'no-penalty-no-fault': { name: '当事人有证据足以证明没有主观过错，不予行政处罚', citation: cite('第三十三条第二款'), penalises: false },
  'no-penalty-under-14': {
    name: '不满十四周岁的未成年人有违法行为，不予行政处罚，责令监护人加以管教',
    citation: cite('第三十条'),
    penalises: false,
  },
  'no-penalty-incapacity': {
    name: '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为，不予行政处罚，责令监护人严加看管和治疗',
    citation: cite('第三十一条'),
    penalises: false,
  },
  'not-established': { name: '违法事实不能成立，不予行政处罚', citation: cite('第五十七条第一款第三项'), penalises: false },
  transfer: { name: '违法行为涉嫌犯罪，移送司法机关', citation: cite('第五十七条第一款第四项、第二十七条'), penalises: false },
} as const satisfies Record<string, { name: string; citation: string; penalises: boolean }>;
export type DecisionOutcome = keyof typeof DECISION_OUTCOMES;
export const DECISION_OUTCOME_IDS = Object.keys(DECISION_OUTCOMES) as [DecisionOutcome, ...DecisionOutcome[]];

/**
 * The outcomes that let a violation go unpunished although it happened (Arts 30, 31, 33):
 * each needs the education given recorded (Art 33 第三款), and the two of Arts 30–31 the
 * order to the guardian.
 */
export const EXEMPTIONS = [
  'no-penalty-minor',
  'no-penalty-first',
  'no-penalty-no-fault',
  'no-penalty-under-14',
  'no-penalty-incapacity',
] as const satisfies readonly DecisionOutcome[];
export const isExemption = (o: DecisionOutcome) => (EXEMPTIONS as readonly DecisionOutcome[]).includes(o);
export const EDUCATION_CITATION = cite('第三十三条第三款');

/** Art 30: the ages at the time of the act that change the penalty. */
export const AGE_OF_RESPONSIBILITY = { none: 14, full: 18, citation: cite('第三十条') } as const;

/**
 * The circumstances that lighten a penalty (从轻) or take it below the range (减轻), a closed
 * list: Art 30 (a minor of 14 to 18, read from the age, never chosen), Art 31 (diminished
 * capacity: the law says 可以, so it allows but does not force a lighter penalty) and Art 32's
 * five (应当). Each chosen one is recorded with its evidence.
 */
export const MITIGATING_GROUNDS = {
  minor: { name: '已满十四周岁不满十八周岁的未成年人有违法行为', mandatory: true, citation: cite('第三十条') },
  'limited-capacity': {
    name: '尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为',
    mandatory: false,
    citation: cite('第三十一条'),
  },
  'eliminated-harm': { name: '主动消除或者减轻违法行为危害后果', mandatory: true, citation: cite('第三十二条第一项') },
  coerced: { name: '受他人胁迫或者诱骗实施违法行为', mandatory: true, citation: cite('第三十二条第二项') },
  confessed: { name: '主动供述行政机关尚未掌握的违法行为', mandatory: true, citation: cite('第三十二条第三项') },
  meritorious: { name: '配合行政机关查处违法行为有立功表现', mandatory: true, citation: cite('第三十二条第四项') },
  'other-law': { name: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的', mandatory: true, citation: cite('第三十二条第五项') },
} as const satisfies Record<string, { name: string; mandatory: boolean; citation: string }>;
export type MitigatingGround = keyof typeof MITIGATING_GROUNDS;
/** The grounds an officer records (the minor's is read from the age). */
export const CHOSEN_GROUND_IDS = [
  'limited-capacity',
  'eliminated-harm',
  'coerced',
  'confessed',
  'meritorious',
  'other-law',
] as const satisfies readonly MitigatingGround[];

/** 从轻 stays inside the range; 减轻 goes below it (the words of Art 32). */
export const LIGHTENINGS = { lighter: '从轻处罚', reduced: '减轻处罚' } as const;
export type Lightening = keyof typeof LIGHTENINGS;

/**
 * 当场收缴罚款 (Arts 68–69): when an officer may take the fine in cash on the spot. A fine of
 * ¥100 or less needs no further ground; the others are recorded with what makes them so.
 */
export const CASH_COLLECTION_GROUNDS = {
  small: { name: '依法给予一百元以下罚款', citation: cite('第六十八条第一项') },
  'hard-to-enforce': { name: '不当场收缴事后难以执行', citation: cite('第六十八条第二项') },
  remote: {
    name: '在边远、水上、交通不便地区，当事人到指定的银行或者通过电子支付系统缴纳罚款确有困难，经当事人提出',
    citation: cite('第六十九条'),
  },
} as const satisfies Record<string, { name: string; citation: string }>;
export type CashCollectionGround = keyof typeof CASH_COLLECTION_GROUNDS;
export const CASH_COLLECTION_GROUND_IDS = Object.keys(CASH_COLLECTION_GROUNDS) as [CashCollectionGround, ...CashCollectionGround[]];
/** Art 68(1)'s ceiling, in fen. */
export const SMALL_CASH_FINE_FEN = 10_000;
/** Arts 70–71: the receipt, and the cash handed in and banked. */
export const CASH_CITATIONS = { receipt: cite('第七十条'), payIn: cite('第七十一条、第八十五条') } as const;

/**
 * What a party may do against a decision (行政复议法 Arts 20, 23; 行政诉讼法 Art 46): an
 * on-the-spot penalty must first go to reconsideration (复议前置); any other decision may go to
 * reconsideration within 60 days or to court within 6 months.
 */
/** Where a decision was challenged, and by whom it was changed. */
export const CHANGE_SOURCES = { reconsideration: '行政复议', litigation: '行政诉讼', self: '自行纠错' } as const;
export type ChangeSource = keyof typeof CHANGE_SOURCES;

/**
 * What a 复议决定, a judgment or the agency's own correction does to a decision, with the
 * article for each forum. `effect`: the decision stands, its penalty is changed, it is gone
 * (revoked or void: nothing is owed), gone with an order to decide again, or it stands but is
 * declared unlawful. All but `stands` withdraw the published decision (Art 48).
 */
export const CHANGE_OUTCOMES = {
  upheld: {
    name: '维持（驳回复议申请、驳回诉讼请求）',
    effect: 'stands',
    reconsideration: '《中华人民共和国行政复议法》第六十八条、第六十九条',
    litigation: '《中华人民共和国行政诉讼法》第六十九条',
  },
  varied: {
    name: '变更',
    effect: 'varied',
    reconsideration: '《中华人民共和国行政复议法》第六十三条',
    litigation: '《中华人民共和国行政诉讼法》第七十七条',
  },
  revoked: {
    name: '撤销',
    effect: 'gone',
    reconsideration: '《中华人民共和国行政复议法》第六十四条',
    litigation: '《中华人民共和国行政诉讼法》第七十条',
  },
  'revoked-redo': {
    name: '撤销并责令重新作出',
    effect: 'redo',
    reconsideration: '《中华人民共和国行政复议法》第六十四条',
    litigation: '《中华人民共和国行政诉讼法》第七十条、第七十一条',
  },
  unlawful: {
    name: '确认违法',
    effect: 'unlawful',
    reconsideration: '《中华人民共和国行政复议法》第六十五条',
    litigation: '《中华人民共和国行政诉讼法》第七十四条',
  },
  void: {
    name: '确认无效',
    effect: 'gone',
    reconsideration: '《中华人民共和国行政复议法》第六十七条',
    litigation: '《中华人民共和国行政诉讼法》第七十五条',
  },
} as const satisfies Record<
  string,
  { name: string; effect: 'stands' | 'varied' | 'gone' | 'redo' | 'unlawful'; reconsideration: string; litigation: string }
>;
export type ChangeOutcome = keyof typeof CHANGE_OUTCOMES;
export const CHANGE_OUTCOME_IDS = Object.keys(CHANGE_OUTCOMES) as [ChangeOutcome, ...ChangeOutcome[]];
/** Art 75 第二款: the agency corrects its own errors; Art 58: with a legal review. */
export const SELF_CORRECTION_CITATION = cite('第七十五条第二款、第五十八条');
/** Art 48: a published decision changed, revoked, found unlawful or void is withdrawn within 3 working days. */
export const WITHDRAWAL_CITATION = cite('第四十八条第二款');

export const REMEDIES = {
  reconsiderationFirst: '《中华人民共和国行政复议法》第二十三条第一款第二项',
  either: '《中华人民共和国行政复议法》第二十条；《中华人民共和国行政诉讼法》第四十六条',
} as const;

/** Art 58's grounds for a mandatory legal review, beyond the agency's catalog. */
export const REVIEW_GROUNDS = {
  'public-interest': '涉及重大公共利益',
  heard: '直接关系当事人或者第三人重大权益，经过听证程序',
  complex: '案件情况疑难复杂、涉及多个法律关系',
  'other-law': '法律、法规规定应当进行法制审核',
} as const;
export type ReviewGround = keyof typeof REVIEW_GROUNDS;

/** LAW §1.3: what the legal reviewer answers, each with a note. */
export const REVIEW_POINTS = {
  body: '执法主体是否合法，是否超越法定权限',
  officers: '执法人员是否具备执法资格',
  procedure: '执法程序是否合法，当事人告知、陈述申辩、听证等权利是否得到保障',
  facts: '案件事实是否清楚，证据是否合法、充分',
  law: '适用法律、法规、规章是否准确',
  discretion: '是否正确适用裁量基准，处理结果是否适当',
  abuse: '是否存在超越职权、滥用职权情形',
  documents: '执法文书是否齐全、规范',
  crime: '是否涉嫌犯罪需要移送司法机关',
  other: '其他合法性、合理性问题（含当事人基本情况是否准确）',
} as const;
export type ReviewPoint = keyof typeof REVIEW_POINTS;
export const REVIEW_POINT_IDS = Object.keys(REVIEW_POINTS) as [ReviewPoint, ...ReviewPoint[]];

export const REVIEW_CONCLUSIONS = {
  agree: '同意',
  comments: '提出意见',
  return: '退回补充',
} as const;
export type ReviewConclusion = keyof typeof REVIEW_CONCLUSIONS;

/** Citations of the gates the server enforces. */
/** Separation of incompatible duties: who asks for an approval (or proposes a decision) does not give it. */
export const SEPARATION_OF_DUTIES = '《行政事业单位内部控制规范（试行）》（财会〔2012〕21号）第十二条第一项（不相容岗位相互分离）';

export const GATE_CITATIONS = {
  officers: `${cite('第四十二条、第五十五条')}；${COMPULSION_LAW}第十八条`,
  notice: cite('第四十四条、第六十二条'),
  hearingWindow: cite('第六十四条、第八十五条'),
  hearingOffered: cite('第六十三条、第六十四条'),
  hearingRecord: cite('第六十五条'),
  review: cite('第五十八条'),
  collective: cite('第五十七条第二款'),
  simple: SIMPLE_PROCEDURE.citation,
  decisionLimit: cite('第六十条'),
  limitation: cite('第三十六条'),
  statement: cite('第四十五条'),
  preservation: cite('第五十六条'),
  seizure: `${COMPULSION_LAW}第二十五条`,
  service: cite('第六十一条'),
  electronicService: cite('第六十一条第二款'),
  publicNotice: `${cite('第六十一条第一款')}；《中华人民共和国民事诉讼法》第九十五条`,
  reminder: `${COMPULSION_LAW}第五十四条`,
  courtEnforcement: `${COMPULSION_LAW}第五十三条`,
  reviewer: cite('第五十八条第二款'),
  latePenalty: LATE_PENALTY.citation,
  chair: cite('第六十四条第四项'),
  recording: cite('第四十七条'),
} as const;
