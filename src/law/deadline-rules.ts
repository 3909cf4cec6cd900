/**
 * The statutory deadline catalog (RULES.md), declared once with its citations. Ids are
 * stable: add rules, never rename them. `configurable` rules take a locally set count
 * (the default here is the one RULES.md gives).
 */

export type DeadlineUnit =
  | 'working-days' // N-th working day strictly after the start (行政处罚法 85)
  | 'calendar-days' // start + N, moved past rest days (民事诉讼法 85)
  | 'months' // same day N months later, moved past rest days
  | 'years' // start + N years, not moved
  | 'earliest-working-day' // the earliest allowed date: N-th working day after the notice
  | 'fixed-date'; // 1 April of the year after the start

export interface DeadlineRule {
  id: string;
  title: string;
  count: number;
  unit: DeadlineUnit;
  from: string;
  citation: string;
  configurable: boolean;
}

const rule = <const R extends Omit<DeadlineRule, 'configurable'> & { configurable?: boolean }>(r: R) => ({ configurable: false, ...r });

export const DEADLINE_RULES = {
  'penalty.preservation-decision': rule({
    id: 'penalty.preservation-decision',
    title: '对先行登记保存的证据作出处理决定',
    count: 7,
    unit: 'working-days',
    from: '先行登记保存之日',
    citation: '《中华人民共和国行政处罚法》第五十六条、第八十五条',
  }),
  'penalty.hearing-request': rule({
    id: 'penalty.hearing-request',
    title: '当事人提出听证要求',
    count: 5,
    unit: 'working-days',
    from: '行政处罚告知书送达之日',
    citation: '《中华人民共和国行政处罚法》第六十四条、第八十五条',
  }),
  'penalty.hearing-earliest': rule({
    id: 'penalty.hearing-earliest',
    title: '最早可举行听证之日',
    count: 7,
    unit: 'earliest-working-day',
    from: '听证通知送达之日',
    citation: '《中华人民共和国行政处罚法》第六十四条、第八十五条',
  }),
  'penalty.decision': rule({
    id: 'penalty.decision',
    title: '作出行政处罚决定',
    count: 90,
    unit: 'calendar-days',
    from: '立案之日',
    citation: '《中华人民共和国行政处罚法》第六十条',
  }),
  'penalty.service': rule({
    id: 'penalty.service',
    title: '当事人不在场时送达行政处罚决定书',
    count: 7,
    unit: 'working-days',
    from: '作出处罚决定之日',
    citation: '《中华人民共和国行政处罚法》第六十一条、第八十五条',
  }),
  'penalty.payment': rule({
    id: 'penalty.payment',
    title: '缴纳罚款',
    count: 15,
    unit: 'calendar-days',
    from: '收到行政处罚决定书之日',
    citation: '《中华人民共和国行政处罚法》第六十七条',
  }),
  'penalty.on-the-spot-payin': rule({
    id: 'penalty.on-the-spot-payin',
    title: '当场收缴的罚款交至行政机关',
    count: 2,
    unit: 'working-days',
    from: '当场收缴罚款之日（水上收缴的，抵岸之日）',
    citation: '《中华人民共和国行政处罚法》第七十一条、第八十五条',
  }),
  'penalty.on-the-spot-banking': rule({
    id: 'penalty.on-the-spot-banking',
    title: '行政机关将当场收缴的罚款缴付指定的银行',
    count: 2,
    unit: 'working-days',
    from: '罚款交至行政机关之日',
    citation: '《中华人民共和国行政处罚法》第七十一条、第八十五条',
  }),
  'penalty.disclosure': rule({
    id: 'penalty.disclosure',
    title: '公示行政处罚（许可）决定',
    count: 7,
    unit: 'working-days',
    from: '作出决定之日',
    citation: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）',
  }),
  'enforcement.disclosure': rule({
    id: 'enforcement.disclosure',
    title: '公示其他行政执法决定',
    count: 20,
    unit: 'working-days',
    from: '作出决定之日',
    citation: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）',
  }),
  'penalty.disclosure-withdrawal': rule({
    id: 'penalty.disclosure-withdrawal',
    title: '撤回已公开的行政处罚决定并说明理由',
    count: 3,
    unit: 'working-days',
    from: '决定被变更、撤销、确认违法或无效之日',
    citation: '《中华人民共和国行政处罚法》第四十八条、第八十五条',
  }),
  'penalty.limitation': rule({
    id: 'penalty.limitation',
    title: '违法行为追责时效',
    count: 2,
    unit: 'years',
    from: '违法行为发生（或终了）之日',
    citation: '《中华人民共和国行政处罚法》第三十六条',
  }),
  'penalty.limitation-serious': rule({
    id: 'penalty.limitation-serious',
    title: '涉及公民生命健康安全、金融安全且有危害后果的追责时效',
    count: 5,
    unit: 'years',
    from: '违法行为发生（或终了）之日',
    citation: '《中华人民共和国行政处罚法》第三十六条',
  }),
  'penalty.enforcement-reminder': rule({
    id: 'penalty.enforcement-reminder',
    title: '当事人收到催告书后履行义务',
    count: 10,
    unit: 'working-days',
    from: '催告书送达之日',
    citation: '《中华人民共和国行政强制法》第五十四条、第六十九条',
  }),
  'penalty.court-enforcement': rule({
    id: 'penalty.court-enforcement',
    title: '申请人民法院强制执行',
    count: 3,
    unit: 'months',
    from: '当事人申请行政复议、提起行政诉讼的期限届满之日（准予延期缴纳的，自延期届满之日）',
    citation: '《中华人民共和国行政强制法》第五十三条；《中华人民共和国行政处罚法》第七十二条第二款',
  }),
  'penalty.correction-recheck': rule({
    id: 'penalty.correction-recheck',
    title: '复查当事人是否按期改正违法行为',
    count: 5,
    unit: 'working-days',
    from: '责令改正期限届满之日',
    citation: '《中华人民共和国行政处罚法》第二十八条第一款（复查期限由地方规定，可配置）',
    configurable: true,
  }),
  'compulsory.seizure': rule({
    id: 'compulsory.seizure',
    title: '查封、扣押期限届满（可延长一次，不超过三十日）',
    count: 30,
    unit: 'calendar-days',
    from: '实施查封、扣押之日',
    citation: '《中华人民共和国行政强制法》第二十五条',
  }),
  'review.opinion': rule({
    id: 'review.opinion',
    title: '法制审核机构出具审核意见',
    count: 7,
    unit: 'working-days',
    from: '收到送审材料之日',
    citation: '重大执法决定法制审核办法（地方规定，期限可配置）',
    configurable: true,
  }),
  'reconsideration.application': rule({
    id: 'reconsideration.application',
    title: '申请行政复议',
    count: 60,
    unit: 'calendar-days',
    from: '知道或者应当知道该行政行为之日',
    citation: '《中华人民共和国行政复议法》第二十条',
  }),
  'reconsideration.answer': rule({
    id: 'reconsideration.answer',
    title: '被申请人提出书面答复并提交证据',
    count: 10,
    unit: 'working-days',
    from: '收到复议申请书副本之日',
    citation: '《中华人民共和国行政复议法》第四十八条、第八十八条',
  }),
  'reconsideration.answer-simple': rule({
    id: 'reconsideration.answer-simple',
    title: '简易程序中被申请人提出书面答复并提交证据',
    count: 5,
    unit: 'working-days',
    from: '收到复议申请书副本之日',
    citation: '《中华人民共和国行政复议法》第五十四条、第八十八条',
  }),
  'reconsideration.correction-report': rule({
    id: 'reconsideration.correction-report',
    title: '报送依行政复议意见书纠正的情况',
    count: 60,
    unit: 'calendar-days',
    from: '收到行政复议意见书之日',
    citation: '《中华人民共和国行政复议法》第七十六条',
  }),
  'litigation.filing': rule({
    id: 'litigation.filing',
    title: '直接向人民法院提起行政诉讼',
    count: 6,
    unit: 'months',
    from: '知道或者应当知道作出行政行为之日',
    citation: '《中华人民共和国行政诉讼法》第四十六条',
  }),
  'litigation.filing-after-reconsideration': rule({
    id: 'litigation.filing-after-reconsideration',
    title: '不服复议决定提起行政诉讼',
    count: 15,
    unit: 'calendar-days',
    from: '收到复议决定书之日',
    citation: '《中华人民共和国行政诉讼法》第四十五条',
  }),
  'litigation.answer': rule({
    id: 'litigation.answer',
    title: '被告提交答辩状和作出行政行为的证据、依据',
    count: 15,
    unit: 'calendar-days',
    from: '收到起诉状副本之日',
    citation: '《中华人民共和国行政诉讼法》第六十七条',
  }),
  'petition.acceptance-notice': rule({
    id: 'petition.acceptance-notice',
    title: '书面告知信访人是否受理',
    count: 15,
    unit: 'calendar-days',
    from: '收到信访事项之日',
    citation: '《信访工作条例》第二十三条',
  }),
  'petition.misroute-objection': rule({
    id: 'petition.misroute-objection',
    title: '对不属于本机关职责的转送事项提出异议',
    count: 5,
    unit: 'working-days',
    from: '收到转送信访事项之日',
    citation: '《信访工作条例》第二十三条',
  }),
  'petition.handling': rule({
    id: 'petition.handling',
    title: '办结信访事项并出具处理意见书',
    count: 60,
    unit: 'calendar-days',
    from: '受理之日',
    citation: '《信访工作条例》第三十四条',
  }),
  'petition.handling-extension': rule({
    id: 'petition.handling-extension',
    title: '经批准延长的信访办理期限',
    count: 30,
    unit: 'calendar-days',
    from: '原办理期限届满之日',
    citation: '《信访工作条例》第三十四条',
  }),
  'petition.review-request': rule({
    id: 'petition.review-request',
    title: '信访人请求复查',
    count: 30,
    unit: 'calendar-days',
    from: '收到处理意见书之日',
    citation: '《信访工作条例》第三十五条',
  }),
  'petition.review-reply': rule({
    id: 'petition.review-reply',
    title: '提出复查意见',
    count: 30,
    unit: 'calendar-days',
    from: '收到复查请求之日',
    citation: '《信访工作条例》第三十五条',
  }),
  'petition.recheck-request': rule({
    id: 'petition.recheck-request',
    title: '信访人请求复核',
    count: 30,
    unit: 'calendar-days',
    from: '收到复查意见之日',
    citation: '《信访工作条例》第三十六条',
  }),
  'petition.recheck-reply': rule({
    id: 'petition.recheck-reply',
    title: '提出复核意见',
    count: 30,
    unit: 'calendar-days',
    from: '收到复核请求之日',
    citation: '《信访工作条例》第三十六条',
  }),
  'mediation.target': rule({
    id: 'mediation.target',
    title: '调解结束（调解成功或终止）',
    count: 30,
    unit: 'calendar-days',
    from: '登记受理之日',
    citation: '人民调解工作规定（地方规定，如《宁波市人民调解条例》第二十七条；期限可配置）',
    configurable: true,
  }),
  'mediation.judicial-confirmation': rule({
    id: 'mediation.judicial-confirmation',
    title: '双方共同申请司法确认',
    count: 30,
    unit: 'calendar-days',
    from: '调解协议生效之日',
    citation: '《中华人民共和国人民调解法》第三十三条',
  }),
  'normative.filing': rule({
    id: 'normative.filing',
    title: '行政规范性文件报送备案',
    count: 30,
    unit: 'calendar-days',
    from: '公布之日',
    citation: '行政规范性文件备案规定（地方规定，期限可配置）',
    configurable: true,
  }),
  'normative.validity': rule({
    id: 'normative.validity',
    title: '行政规范性文件有效期届满（未经评估延续即失效）',
    count: 5,
    unit: 'years',
    from: '施行之日',
    citation: '行政规范性文件管理规定（地方规定，有效期可配置）',
    configurable: true,
  }),
  'major-decision.legality-review': rule({
    id: 'major-decision.legality-review',
    title: '重大行政决策合法性审查（审查时间不少于此期限）',
    count: 7,
    unit: 'working-days',
    from: '收到送审材料之日',
    citation: '《重大行政决策程序暂行条例》第二十六条',
  }),
  'disclosure.request-reply': rule({
    id: 'disclosure.request-reply',
    title: '答复政府信息公开申请',
    count: 20,
    unit: 'working-days',
    from: '收到申请之日',
    citation: '《中华人民共和国政府信息公开条例》第三十三条',
  }),
  'disclosure.request-correction-notice': rule({
    id: 'disclosure.request-correction-notice',
    title: '一次性告知申请人补正',
    count: 7,
    unit: 'working-days',
    from: '收到申请之日',
    citation: '《中华人民共和国政府信息公开条例》第三十条',
  }),
  'disclosure.request-extension': rule({
    id: 'disclosure.request-extension',
    title: '延期答复政府信息公开申请（经批准并告知申请人）',
    count: 20,
    unit: 'working-days',
    from: '原答复期限届满之日',
    citation: '《中华人民共和国政府信息公开条例》第三十三条',
  }),
  'disclosure.third-party-opinion': rule({
    id: 'disclosure.third-party-opinion',
    title: '第三方提出意见（征求意见时间不计入答复期限）',
    count: 15,
    unit: 'working-days',
    from: '收到征求意见书之日',
    citation: '《中华人民共和国政府信息公开条例》第三十二条',
  }),
  'report.annual-publish': rule({
    id: 'report.annual-publish',
    title: '公开发布法治政府建设年度报告',
    count: 0,
    unit: 'fixed-date',
    from: '报告年度（次年4月1日前）',
    citation: '《法治政府建设与责任落实督察工作规定》第二十四条',
  }),
} as const satisfies Record<string, DeadlineRule>;

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

export const DEADLINE_RULE_IDS = Object.keys(DEADLINE_RULES) as DeadlineRuleId[];

export const UNIT_NAMES = {
  'working-days': '个工作日',
  'calendar-days': '日',
  months: '个月',
  years: '年',
  'earliest-working-day': '个工作日（最早日期）',
  'fixed-date': '固定日期',
} as const satisfies Record<DeadlineUnit, string>;
