/**
 * What the normative-document procedure cites (LAW.md §6, RULES.md `normative.*`). Where the
 * national rule is unverified or set locally, the citation says so rather than inventing an
 * article.
 */
export const CITE = {
  /** 应审必审; internal documents out of scope */
  scope: '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）第三条、第四条',
  /** No review, or a failed one: no deliberation, no issue (a local measure's words; the national 115号 sets the mechanism) */
  review: '行政规范性文件合法性审核规定（地方规定，依据国办发〔2018〕115号）',
  /** Public comment, collective deliberation, 三统一, effect 30 days after publication (local measures under 37号) */
  making: '行政规范性文件制定和监督管理规定（地方规定，依据国办发〔2018〕37号）',
  fairCompetition: '《公平竞争审查条例》（国务院令第783号）第二条、第三条',
  penalty: '《中华人民共和国行政处罚法》第十六条',
  licence: '《中华人民共和国行政许可法》第十七条',
  compulsory: '《中华人民共和国行政强制法》第十条',
  fee: '行政规范性文件合法性审核规定（地方规定：不得违法设定收费、增加义务或者减损权利；依据国办发〔2018〕37号）',
  /** Filing, validity and evaluation: local rules, configurable */
  local: '行政规范性文件管理规定（地方规定，期限可配置）',
  incidental: '《中华人民共和国行政复议法》第十三条、第五十六条',
  incidentalAnswer: '《中华人民共和国行政复议法》第五十八条',
  incidentalRuling: '《中华人民共和国行政复议法》第五十九条',
} as const;

/**
 * The checklist of a 合法性审核 (LAW.md §6, typical review points). The first four ask
 * whether the document creates what only a law, regulation or 规章 may: a "yes" to any of
 * them blocks it.
 */
export const CHECKLIST = {
  createsPenalty: { title: '是否设定行政处罚（含罚款）', blocking: true, citation: CITE.penalty },
  createsLicence: { title: '是否设定行政许可', blocking: true, citation: CITE.licence },
  createsCompulsory: { title: '是否设定行政强制措施', blocking: true, citation: CITE.compulsory },
  createsFee: { title: '是否违法设定收费或者增加公民、法人义务、减损其权利', blocking: true, citation: CITE.fee },
  authority: { title: '制定主体是否合法、是否超越法定职权', blocking: false, citation: CITE.review },
  procedure: { title: '是否履行征求意见、公平竞争审查等法定程序', blocking: false, citation: CITE.making },
  conflict: { title: '是否与上位法或者其他规范性文件相抵触', blocking: false, citation: CITE.review },
  drafting: { title: '文字表述、结构是否规范', blocking: false, citation: CITE.review },
} as const;
export type CheckItem = keyof typeof CHECKLIST;
export const CHECK_ITEMS = Object.keys(CHECKLIST) as [CheckItem, ...CheckItem[]];
/** The items a "yes" to which blocks the document (行政处罚法 Art 16 etc.). */
export const BLOCKING_ITEMS = CHECK_ITEMS.filter((k) => CHECKLIST[k].blocking);

export const OPINIONS = { agree: '同意', 'agree-with-changes': '修改后同意', disagree: '不同意' } as const;
export type OpinionKind = keyof typeof OPINIONS;

/** What a periodic 清理 decides about each document. */
export const CLEANUP_RESULTS = { keep: '继续有效', amend: '需要修改', repeal: '废止', invalid: '宣布失效' } as const;
export type CleanupResult = keyof typeof CLEANUP_RESULTS;

/**
 * Validity in years (LAW.md §6, e.g. the 山东省司法厅 measure: 3 or 5 years, 1 or 2 for
 * 暂行/试行). The catalog's `normative.validity` default (5) for a regular document.
 */
export const VALIDITY_YEARS = { regular: [3, 5], provisional: [1, 2] } as const;

/** Is it provisional (暂行/试行), by its title? */
export const isProvisionalTitle = (title: string) => /暂行|试行/u.test(title);

/** Days from publication to effect, by default (LAW.md §6: usually 30). */
export const DEFAULT_EFFECT_DAYS = 30;
