/**
 * The law of 人民调解 as the module cites it (LAW.md §5): the statute's articles, the
 * categories the statistics count by, where a dispute comes from, and the check of a
 * party's ID number. Pure.
 */

export const STATUTE = '《中华人民共和国人民调解法》';
/** 《中华人民共和国人民调解法》第十七条 */
export const article = (n: string) => `${STATUTE}第${n}条`;
/** 最高人民法院关于人民调解协议司法确认程序的若干规定 (法释〔2011〕5号) */
export const CONFIRMATION_RULES = '《最高人民法院关于人民调解协议司法确认程序的若干规定》';

/** The articles each step rests on, named once (LAW.md §5). */
export const CITE = {
  /** Mediation is free of charge */
  free: article('四'),
  /** Committees: 3–9 members, a woman, a member of the smaller ethnic group(s) in multi-ethnic areas */
  composition: article('八'),
  /** Members' term: 3 years */
  term: article('九'),
  /** On application or the committee's own initiative; no mediation if a party expressly refuses */
  start: article('十七'),
  /** Disputes the basic court or the police refer (Art 18) */
  referral: article('十八'),
  /** Mediators designated by the committee or chosen by the parties */
  designation: article('十九'),
  /** The parties' right to refuse or stop mediation */
  partiesRights: article('二十三'),
  /** A dispute that may turn violent is reported to the police */
  risk: article('二十五'),
  /** Mediation that fails is ended, the parties told of the other routes */
  end: article('二十六'),
  /** Mediators record each mediation */
  record: article('二十七'),
  /** The written agreement and its contents */
  agreement: article('二十九'),
  /** An oral agreement takes effect when reached; the mediator records it */
  oral: article('三十'),
  /** The committee supervises performance */
  performance: article('三十一'),
  /** 司法确认: joint application within 30 days of the agreement taking effect */
  confirmation: `${article('三十三')}；《中华人民共和国民事诉讼法》第二百零五条`,
  courtResult: `${CONFIRMATION_RULES}第七条`,
} as const;

/** The categories of disputes the statistics count by (LAW.md §5, the 黄石市司法局 monthly report). */
export const CATEGORIES = {
  family: '婚姻家庭纠纷',
  neighbour: '邻里纠纷',
  homestead: '房屋宅基地纠纷',
  contract: '合同纠纷',
  business: '生产经营纠纷',
  damages: '损害赔偿纠纷',
  land: '山林土地纠纷（含土地承包经营）',
  expropriation: '征地拆迁纠纷',
  environment: '环境污染纠纷',
  labour: '劳动争议纠纷',
  consumer: '消费纠纷',
  medical: '医疗纠纷',
  traffic: '道路交通事故纠纷',
  property: '物业纠纷',
  other: '其他纠纷',
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];

/** Where a dispute comes from (Art 17; referral by the court, police, 信访 or an agency, Art 18). */
export const SOURCES = {
  application: '当事人申请',
  initiative: '主动调解',
  referral: '委托移送',
} as const;
export type Source = keyof typeof SOURCES;
export const SOURCE_IDS = Object.keys(SOURCES) as [Source, ...Source[]];

export const REFERRERS = {
  court: '人民法院',
  police: '公安机关',
  petition: '信访部门',
  agency: '行政机关',
} as const;
export type Referrer = keyof typeof REFERRERS;
export const REFERRER_IDS = Object.keys(REFERRERS) as [Referrer, ...Referrer[]];

export const COMMITTEE_KINDS = {
  town: '乡镇人民调解委员会',
  village: '村（居）民委员会人民调解委员会',
  enterprise: '企业事业单位人民调解委员会',
} as const;
export type CommitteeKind = keyof typeof COMMITTEE_KINDS;
export const COMMITTEE_KIND_IDS = Object.keys(COMMITTEE_KINDS) as [CommitteeKind, ...CommitteeKind[]];

/** Years of a committee's term (Art 9). */
export const TERM_YEARS = 3;
export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 9;

/** How serious a risk the screening found is (the ledger's grades). */
export const GRADES = { general: '一般', larger: '较大', major: '重大' } as const;
export type Grade = keyof typeof GRADES;
export const GRADE_IDS = Object.keys(GRADES) as [Grade, ...Grade[]];

/** Where a found dispute that is not mediated goes, with the receiving side named. */
export const ROUTES = {
  petition: '信访部门',
  enforcement: '行政执法部门（执法案源）',
  police: '公安机关',
} as const;
export type Route = keyof typeof ROUTES;
export const ROUTE_IDS = Object.keys(ROUTES) as [Route, ...Route[]];

/** What became of an item the screening found (a dispute taken into mediation is linked, not a disposition of its own). */
export const DISPOSITIONS = { resolved: '当场化解', mediation: '转入人民调解', routed: '移交其他部门' } as const;
export type Disposition = keyof typeof DISPOSITIONS;
