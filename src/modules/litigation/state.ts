/**
 * A 行政诉讼 in which the town or agency is the 被告 (行政应诉), as its fold sees it: the
 * complaint copy registered with its court and 案号 and the act it challenges (a penalty case of
 * yifa, the reconsideration that reviewed it, or an act named in words); the 答辩状 with the
 * evidence and 规范性文件 relied on, due 15 days after the copy (行政诉讼法 Art 67); the
 * court's hearings and who appeared for the agency (its 负责人, or its own staff under a sealed
 * 授权委托书 with a 情况说明; 法释〔2018〕1号 Arts 128–132); the judgment or ruling, the appeal
 * window and the decision to appeal or not; the second instance; performance of the effective
 * judgment and a 司法建议 with its reply. Pure data; its status is a function of it.
 */
import type { ChallengedEvidence } from '../../procedure/challenge.js';
import type { ChangeOutcome } from '../../law/penalty.js';

export const LAW = '《中华人民共和国行政诉讼法》';
/** 《行政诉讼法》第六十七条, or with a paragraph */
export const article = (n: string, paragraph?: string) => `${LAW}第${n}条${paragraph ? `第${paragraph}款` : ''}`;
/** 《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》(法释〔2018〕1号) */
export const INTERPRETATION = '《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》（法释〔2018〕1号）';
export const interpretation = (n: string) => `${INTERPRETATION}第${n}条`;

export const PLAINTIFF_KINDS = { citizen: '公民', organisation: '法人或者其他组织' } as const;

/** What the suit challenges: a penalty decision of yifa, the reconsideration decision that upheld it (共同被告, Art 26), or an act named only in words. */
export const CHALLENGED_KINDS = {
  'penalty-case': '本系统办理的行政处罚决定',
  reconsideration: '经行政复议的行政处罚决定（复议维持，共同被告）',
  other: '其他行政行为（文字登记）',
} as const;
export type ChallengedKind = keyof typeof CHALLENGED_KINDS;
export const CHALLENGED_KIND_IDS = Object.keys(CHALLENGED_KINDS) as [ChallengedKind, ...ChallengedKind[]];

/** Why the 负责人 must appear (法释〔2018〕1号 Art 129 第一款 and the court's written notice). */
export const MANDATORY_GROUNDS = {
  'public-interest': '涉及重大公共利益',
  'public-attention': '社会高度关注',
  'mass-incident': '可能引发群体性事件',
  'court-notice': '人民法院书面建议行政机关负责人出庭',
} as const;
export type MandatoryGround = keyof typeof MANDATORY_GROUNDS;
export const MANDATORY_GROUND_IDS = Object.keys(MANDATORY_GROUNDS) as [MandatoryGround, ...MandatoryGround[]];

/** Who counts as the 负责人 (法释〔2018〕1号 Art 128 第一款). */
export const HEAD_POSTS = { head: '正职负责人', deputy: '副职负责人', 'in-charge': '参与分管的其他负责人' } as const;
export type HeadPost = keyof typeof HEAD_POSTS;
export const HEAD_POST_IDS = Object.keys(HEAD_POSTS) as [HeadPost, ...HeadPost[]];

/** Why the 负责人 cannot appear (the 情况说明's grounds; 法释〔2018〕1号 Art 129 第二款). */
export const ABSENCE_REASONS = {
  'force-majeure': '不可抗力',
  accident: '意外事件',
  'official-duty': '需要履行他人不能代替的公务',
  other: '其他正当事由',
} as const;
export type AbsenceReason = keyof typeof ABSENCE_REASONS;
export const ABSENCE_REASON_IDS = Object.keys(ABSENCE_REASONS) as [AbsenceReason, ...AbsenceReason[]];

/**
 * Judgments (行政诉讼法 Arts 69–78): `lost` when the judgment goes against the agency (the
 * 败诉率's numerator), `outcome` what it does to a penalty decision (the penalty case's
 * CHANGE_OUTCOMES), null where it has none to change.
 */
export const JUDGMENT_TYPES = {
  dismissed: { name: '驳回原告诉讼请求', citation: article('六十九'), lost: false, outcome: 'upheld' },
  revoked: { name: '撤销', citation: article('七十'), lost: true, outcome: 'revoked' },
  'revoked-redo': {
    name: '撤销并判决重新作出行政行为',
    citation: `${article('七十')}、${article('七十一')}`,
    lost: true,
    outcome: 'revoked-redo',
  },
  perform: { name: '判决履行法定职责', citation: article('七十二'), lost: true, outcome: null },
  unlawful: { name: '确认违法', citation: article('七十四'), lost: true, outcome: 'unlawful' },
  void: { name: '确认无效', citation: article('七十五'), lost: true, outcome: 'void' },
  varied: { name: '变更', citation: article('七十七'), lost: true, outcome: 'varied' },
  'appeal-dismissed': { name: '驳回上诉，维持原判', citation: article('八十九', '一'), lost: false, outcome: null },
} as const satisfies Record<string, { name: string; citation: string; lost: boolean; outcome: ChangeOutcome | null }>;
export type JudgmentType = keyof typeof JUDGMENT_TYPES;
export const JUDGMENT_TYPE_IDS = Object.keys(JUDGMENT_TYPES) as [JudgmentType, ...JudgmentType[]];

/**
 * Rulings (裁定) that end the case: `appealable` when a party may appeal within 10 days (Art 85;
 * 驳回起诉), `lost` when counted as 败诉 — a withdrawal the court allowed after the agency changed
 * its act (Art 62) counts as lost: the act was corrected because of the suit.
 */
export const RULING_TYPES = {
  'suit-dismissed': { name: '驳回起诉', citation: `${interpretation('六十九')}`, appealable: true, lost: false },
  withdrawn: { name: '准许原告撤诉', citation: article('六十二'), appealable: false, lost: false },
  'withdrawn-after-change': {
    name: '被告改变行政行为后准许原告撤诉',
    citation: article('六十二'),
    appealable: false,
    lost: true,
  },
  terminated: { name: '终结诉讼', citation: interpretation('八十八'), appealable: false, lost: false },
} as const satisfies Record<string, { name: string; citation: string; appealable: boolean; lost: boolean }>;
export type RulingType = keyof typeof RULING_TYPES;
export const RULING_TYPE_IDS = Object.keys(RULING_TYPES) as [RulingType, ...RulingType[]];

export const INSTANCES = { first: '第一审', second: '第二审' } as const;
export type Instance = keyof typeof INSTANCES;

export interface Plaintiff {
  kind: keyof typeof PLAINTIFF_KINDS;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface Person {
  name: string;
  post: string;
}

/** What the agency files with its 答辩状: the act, its evidence from the challenged case with the files' hashes, the basis and the 规范性文件. */
export interface AnswerBundle {
  caseId: string | null;
  number: string | null;
  decidedOn: string | null;
  facts: string | null;
  basis: string | null;
  evidence: ChallengedEvidence[];
}

export interface Hearing {
  seq: number;
  instance: Instance;
  /** When the summons (传票) was received */
  summonedOn: string;
  date: string;
  place: string;
  /** The court's written recommendation that the 负责人 appear (Art 129) */
  courtRecommendsHead: boolean;
  /** The 授权委托书 and 情况说明 issued for this hearing, when the 负责人 will not appear */
  delegation: {
    on: string;
    number: string | null;
    staff: Person[];
    lawyers: Person[];
    authority: string;
    headName: string;
    reasonKind: AbsenceReason;
    reason: string;
  } | null;
  held: {
    on: string;
    /** The 负责人 who appeared, or null when the agency's staff appeared under the 授权委托书 */
    head: (Person & { rank: HeadPost }) | null;
    staff: Person[];
    lawyers: Person[];
    record: string;
  } | null;
}

export interface Judgment {
  seq: number;
  instance: Instance;
  kind: 'judgment' | 'ruling';
  type: JudgmentType | RulingType;
  on: string;
  /** 裁判文书号 */
  number: string;
  servedOn: string;
  summary: string;
  /** For 变更: the fine as changed */
  variedFineFen: number | null;
  /** For 撤销并重新作出 / 履行: the term */
  redoBy: string | null;
  /** The last day to appeal (15 days for a judgment, 10 for a ruling; Art 85), null when it cannot be appealed */
  appealDue: string | null;
}

export interface Lawsuit {
  id: string;
  /** The 被告: the agency defending */
  agencyId: string;
  regionPath: string;
  court: string;
  /** 案号, e.g. (2026)渝0241行初12号 */
  caseNumber: string;
  /** 立案日期 */
  filedOn: string;
  /** When the 起诉状副本 was received: the answer's 15 days run from it */
  copyReceivedOn: string;
  plaintiff: Plaintiff;
  claims: string;
  challengedKind: ChallengedKind;
  /** The penalty case whose decision is challenged (directly, or through the reconsideration) */
  challengedCaseId: string | null;
  /** The reconsideration that reviewed it, when sued after reconsideration */
  reconsiderationId: string | null;
  challengedAct: string;
  mandatoryGrounds: MandatoryGround[];
  answerDue: string;
  answer: {
    on: string;
    number: string | null;
    text: string;
    normativeDocuments: string | null;
    /** Filed after its 15 days: the evidence counts as none (Arts 34, 67) */
    late: boolean;
    bundle: AnswerBundle;
  } | null;
  hearings: Hearing[];
  judgments: Judgment[];
  /** The agency's decision to appeal the first-instance judgment or ruling, or not */
  appealDecision: { on: string; appeal: boolean; reason: string } | null;
  /** The plaintiff appealed (recorded once the window has run) */
  plaintiffAppealedOn: string | null;
  /** The judgment as it became effective (the one the indicators count) */
  effective: { seq: number; on: string } | null;
  performance: { on: string; text: string } | null;
  suggestion: {
    receivedOn: string;
    court: string;
    number: string;
    text: string;
    reply: { on: string; number: string | null; text: string } | null;
  } | null;
}

export const STATUS_NAMES = {
  answering: '待答辩',
  'in-court': '审理中',
  judged: '已判决（上诉期内）',
  appealed: '二审中',
  performing: '待履行',
  closed: '已结案',
} as const;
export type LawsuitStatus = keyof typeof STATUS_NAMES;

/** Whether a judgment or ruling goes against the agency (败诉). */
export function lostBy(j: Pick<Judgment, 'kind' | 'type'>): boolean {
  return j.kind === 'judgment' ? JUDGMENT_TYPES[j.type as JudgmentType].lost : RULING_TYPES[j.type as RulingType].lost;
}

/**
 * The judgment or ruling that decides the outcome: the effective one, except where a second
 * instance only keeps the first (驳回上诉, or the appeal withdrawn or ended), then the first
 * instance's last. Null until one is effective.
 */
export function decisive(l: Lawsuit): Judgment | null {
  if (!l.effective) return null;
  const j = l.judgments.find((x) => x.seq === l.effective?.seq);
  if (!j) return null;
  const keepsFirst =
    j.instance === 'second' && (j.kind === 'judgment' ? j.type === 'appeal-dismissed' : j.type !== 'withdrawn-after-change');
  return keepsFirst ? (l.judgments.filter((x) => x.instance === 'first').at(-1) ?? j) : j;
}

/** The effective outcome went against the agency (败诉); null while none is effective. */
export function lost(l: Lawsuit): boolean | null {
  const j = decisive(l);
  return j ? lostBy(j) : null;
}

export function statusOf(l: Lawsuit): LawsuitStatus {
  const last = l.judgments.at(-1);
  if (!last) return l.answer ? 'in-court' : 'answering';
  if (!l.effective) return last.instance === 'first' && (l.appealDecision?.appeal || l.plaintiffAppealedOn) ? 'appealed' : 'judged';
  return lost(l) && !l.performance ? 'performing' : 'closed';
}

export function emptyLawsuit(id: string, agencyId: string, regionPath: string, today: string): Lawsuit {
  return {
    id,
    agencyId,
    regionPath,
    court: '',
    caseNumber: '',
    filedOn: today,
    copyReceivedOn: today,
    plaintiff: { kind: 'citizen', name: '', idNumber: null, phone: null, address: null },
    claims: '',
    challengedKind: 'other',
    challengedCaseId: null,
    reconsiderationId: null,
    challengedAct: '',
    mandatoryGrounds: [],
    answerDue: today,
    answer: null,
    hearings: [],
    judgments: [],
    appealDecision: null,
    plaintiffAppealedOn: null,
    effective: null,
    performance: null,
    suggestion: null,
  };
}
