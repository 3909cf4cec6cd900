/**
 * The law of 村规民约 and village meetings as the module cites it (LAW.md §11, checked
 * against the text of 村民委员会组织法 as revised 2018-12-29 and 妇女权益保障法 as revised
 * 2022-10-30): the quorum and majority of each kind of meeting, the limits on a rule's
 * content the town reviews against, and 村务公开. Pure.
 */

export const ORGANIC_LAW = '《中华人民共和国村民委员会组织法》';
export const WOMEN_LAW = '《中华人民共和国妇女权益保障法》';
export const PENALTY_LAW = '《中华人民共和国行政处罚法》';
export const GUIDANCE = '民政部等《关于做好村规民约和居民公约工作的指导意见》（2018年）';

const organic = (n: string, para?: string) => `${ORGANIC_LAW}第${n}条${para ? `第${para}款` : ''}`;
const women = (n: string, para?: string) => `${WOMEN_LAW}第${n}条${para ? `第${para}款` : ''}`;

/** The articles each step rests on, named once. */
export const CITE = {
  /** 村民会议: more than half of the adults, or representatives of two thirds of the households; decisions by more than half of those present */
  villagersQuorum: organic('二十二', '一'),
  /** Matters the 村民会议 may authorise the 村民代表会议 to decide */
  authorisation: organic('二十四', '二'),
  /** The 村民代表会议 decides what the 村民会议 authorised it to */
  representatives: organic('二十五', '一'),
  /** Its members: 村民代表 at least four fifths, women representatives at least one third */
  composition: organic('二十五', '二'),
  /** 村民代表会议: two thirds of its members; decisions by more than half of those present; held every quarter */
  representativesQuorum: organic('二十六', '二'),
  quarterly: organic('二十六', '一'),
  /** The 村民会议 makes and amends the rules and files them with the township government */
  adoption: organic('二十七', '一'),
  /** Not against the Constitution, laws, regulations and state policy; no infringement of personal, democratic or property rights */
  limits: organic('二十七', '二'),
  /** The township government orders a rule that breaks the limits corrected */
  correction: organic('二十七', '三'),
  /** 村务公开 of what the meetings decided */
  publicity: organic('三十', '二'),
  /** Meeting records belong to the 村务档案 */
  archive: organic('三十四'),
  /** Women's equal rights in the collective: membership, land, income, compensation, homesteads */
  womenEqual: women('五十五', '一'),
  /** No rule may take women's collective rights for being unmarried, married (外嫁), divorced or widowed */
  marriedOut: women('五十六', '一'),
  /** Freedom of marriage */
  marriage: women('六十一'),
  /** The township government orders correction of rules infringing women's rights */
  womenCorrection: women('七十五', '二'),
  /** Penalties are set by laws, regulations and rules only */
  penalties: `${PENALTY_LAW}第十六条`,
  /** Drafting with the villagers' opinions sought */
  consultation: GUIDANCE,
} as const;

export const MEETING_KINDS = { villagers: '村民会议', representatives: '村民代表会议' } as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
export const MEETING_KIND_IDS = Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]];

/** What a 村民会议's quorum is counted against: the adults, or the households (Art 22). */
export const QUORUM_BASES = { adults: '本村十八周岁以上村民', households: '本村户数（户代表参加）' } as const;
export type QuorumBasis = keyof typeof QUORUM_BASES;
export const QUORUM_BASIS_IDS = Object.keys(QUORUM_BASES) as [QuorumBasis, ...QuorumBasis[]];

/** A meeting's attendance as recorded: who could attend (adults, households or members) and who did. */
export interface Attendance {
  kind: MeetingKind;
  /** For a 村民会议; a 村民代表会议 counts its members */
  basis: QuorumBasis | null;
  /** 应到: the adults, the households or the meeting's members */
  entitled: number;
  /** 实到 */
  present: number;
}

export interface Votes {
  for: number;
  against: number;
  abstain: number;
}

/** The quorum in words and whether the attendance meets it: 过半数 of the adults, 三分之二 of the households or the members. */
export function quorum(a: Attendance): { met: boolean; rule: string; citation: string } {
  if (a.kind === 'representatives')
    return { met: a.present * 3 >= a.entitled * 2, rule: '村民代表会议组成人员三分之二以上参加', citation: CITE.representativesQuorum };
  if (a.basis === 'households')
    return { met: a.present * 3 >= a.entitled * 2, rule: '本村三分之二以上的户的代表参加', citation: CITE.villagersQuorum };
  return { met: a.present * 2 > a.entitled, rule: '本村十八周岁以上村民过半数参加', citation: CITE.villagersQuorum };
}

/** The least attendance the quorum allows (for the form's hint and the documents). */
export function quorumMinimum(a: Pick<Attendance, 'kind' | 'basis' | 'entitled'>): number {
  if (a.kind === 'representatives' || a.basis === 'households') return Math.ceil((a.entitled * 2) / 3);
  return Math.floor(a.entitled / 2) + 1;
}

/**
 * Women representatives in a 村民代表会议 of `members` (Art 25 ¶2): at least one third. The
 * meeting that was held is recorded either way — a record keeps what happened — and a
 * shortfall is stated on it, for the town to have the composition put right.
 */
export function womenShortfall(members: number, women: number): string | null {
  const least = Math.ceil(members / 3);
  return women * 3 >= members
    ? null
    : `妇女村民代表${women}人，不足村民代表会议组成人员（${members}人）的三分之一（至少${least}人），应当依法调整代表会议组成（${CITE.composition}）`;
}

/** Decisions of either meeting: more than half of those present (Arts 22, 26). */
export const carried = (v: Votes, present: number) => v.for * 2 > present;

export const majorityCitation = (kind: MeetingKind) => (kind === 'representatives' ? CITE.representativesQuorum : CITE.villagersQuorum);

/** The attendance's own consistency and the quorum: refusals, each with its article. */
export function attendanceRefusals(a: Attendance): { message: string; citation: string | null; field: string }[] {
  if (a.present > a.entitled)
    return [{ message: `实到人数（${a.present}）不能超过应到人数（${a.entitled}）`, citation: null, field: 'present' }];
  const q = quorum(a);
  return q.met
    ? []
    : [
        {
          message: `${MEETING_KINDS[a.kind]}须有${q.rule}方可召开：应到${a.entitled}，实到${a.present}，至少应有${quorumMinimum(a)}人参加`,
          citation: q.citation,
          field: 'present',
        },
      ];
}

/** A vote's counts against the attendance: no more votes than people present. */
export function voteRefusal(v: Votes, present: number, field = 'votes'): { message: string; citation: null; field: string } | null {
  const cast = v.for + v.against + v.abstain;
  return cast > present
    ? {
        message: `表决票数合计（同意${v.for}、反对${v.against}、弃权${v.abstain}，共${cast}）超过实到人数（${present}）`,
        citation: null,
        field,
      }
    : null;
}

/**
 * The town's review of a rule (Art 27): each point is checked, and a failed one sends the
 * rule back for correction. The points are those the law names and the defects reviews
 * most often find (LAW.md §11).
 */
export const REVIEW_POINTS = {
  lawful: '不与宪法、法律、法规和国家政策相抵触',
  personalRights: '不侵犯村民的人身权利、民主权利（如限制人身自由、停水停电、取消村民资格）',
  marriageFreedom: '不干涉婚姻自由（如限制结婚、离婚、再婚或以婚嫁为条件）',
  womenEqualRights: '妇女及外嫁女、入赘男方及其子女平等享有集体经济组织成员权益和收益分配',
  noFines: '不设定罚款、没收等处罚（可以规定批评教育、公示等自治措施）',
} as const;
export type ReviewPoint = keyof typeof REVIEW_POINTS;
export const REVIEW_POINT_IDS = Object.keys(REVIEW_POINTS) as [ReviewPoint, ...ReviewPoint[]];

/** The article each review point rests on. */
export const REVIEW_CITATIONS: Record<ReviewPoint, string> = {
  lawful: CITE.limits,
  personalRights: CITE.limits,
  marriageFreedom: `${CITE.marriage}；${CITE.limits}`,
  womenEqualRights: `${CITE.marriedOut}；${CITE.womenEqual}；${CITE.womenCorrection}`,
  noFines: `${CITE.limits}；${CITE.penalties}`,
};

/** What an implementation record is about: the seed's customs reform. */
export const IMPLEMENTATION_TOPICS = {
  'bride-price': '治理高价彩礼',
  ceremonies: '红白事办理标准',
  environment: '人居环境整治',
  other: '其他执行情况',
} as const;
export type ImplementationTopic = keyof typeof IMPLEMENTATION_TOPICS;
export const IMPLEMENTATION_TOPIC_IDS = Object.keys(IMPLEMENTATION_TOPICS) as [ImplementationTopic, ...ImplementationTopic[]];

/** 2026年3月2日 */
export const dateText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
