/**
 * 案卷评查 before archiving: an automatic pre-check of a case against a score sheet of
 * veto items (any failure fails the file) and form/substance items with points (LAW §7.1,
 * after the common provincial sheets). The sheet is data an agency may replace; each item's
 * check is a pure function of the case. Shown to the case unit and the supervisor; the
 * archive action is refused on a failed veto item, and on other failures when the agency
 * chose "refuse".
 */
import { DECISION_OUTCOMES } from '../../../law/penalty.js';
import { amountDueFen, type PenaltyCase } from '../penalty-case.js';

export type SheetSection = 'veto' | 'form' | 'substance';
export const SECTION_NAMES = { veto: '否决项', form: '卷面（形式）', substance: '内容（实体、程序）' } as const satisfies Record<
  SheetSection,
  string
>;

/** One check of the catalogue: what it looks at and, by default, where it sits on the sheet. */
interface SheetCheck {
  section: SheetSection;
  text: string;
  points: number;
  /** null when the item holds; otherwise what is missing */
  check: (c: PenaltyCase) => string | null;
}

/** A row of an agency's sheet (settings): which check, in which section, for how many points. */
export interface SheetRow {
  item: SheetCheckId;
  section: SheetSection;
  points: number;
}

const general = (c: PenaltyCase) => c.procedure === 'general';
const penalises = (c: PenaltyCase) => !!c.decision && DECISION_OUTCOMES[c.decision.outcome].penalises;

/** Every check yifa can make, keyed by a stable id; the default sheet has veto items and 20 form / 80 substance points. */
export const SHEET_CHECKS = {
  'two-officers': {
    section: 'veto',
    points: 0,
    text: '执法人员不少于两人且具备执法资格',
    check: (c) => (c.officers.length >= 2 ? null : '执法人员少于两人'),
  },
  facts: {
    section: 'veto',
    points: 0,
    text: '事实清楚',
    check: (c) => (c.procedure === 'simple' || c.proposal?.facts ? null : '没有调查终结报告认定的违法事实'),
  },
  evidence: {
    section: 'veto',
    points: 0,
    text: '证据充分',
    check: (c) => (c.procedure === 'simple' || c.records.length + c.evidence.length > 0 ? null : '卷内没有笔录或证据'),
  },
  procedure: {
    section: 'veto',
    points: 0,
    text: '程序合法（告知、听证、法制审核、集体讨论）',
    check: (c) => {
      if (!general(c) || !c.decision || !c.proposal) return null;
      if (penalises(c) && !c.notice) return '未履行事先告知程序';
      if (c.hearing && !c.hearing.reportedOn) return '听证未结束即作出决定';
      return null;
    },
  },
  // Form items yifa itself guarantees (documents come from templates, the file is assembled in order and paginated);
  // they stay on the sheet so the score reads like the provincial one.
  template: { section: 'form', points: 4, text: '使用统一的执法文书格式', check: () => null },
  numbered: {
    section: 'form',
    points: 4,
    text: '文书编号完整（立案、告知、决定）',
    check: (c) => {
      if (c.procedure === 'simple') return c.decision?.number ? null : '当场处罚决定书没有编号';
      const missing = [
        !c.filingNumber && '立案审批表',
        penalises(c) && !c.notice?.number && '告知书',
        c.decision && !c.decision.number && '决定书',
      ].filter(Boolean);
      return missing.length ? `缺少文号：${missing.join('、')}` : null;
    },
  },
  'one-file': { section: 'form', points: 4, text: '一案一卷，封面、卷内目录规范', check: () => null },
  order: { section: 'form', points: 4, text: '按立案、调查、审查、决定、送达、执行顺序排列', check: () => null },
  pages: { section: 'form', points: 4, text: '逐页编号（右下角）', check: () => null },
  'filing-approved': {
    section: 'substance',
    points: 10,
    text: '立案经审批且及时',
    check: (c) => (!general(c) || c.filedOn ? null : '没有立案审批'),
  },
  'preservation-timely': {
    section: 'substance',
    points: 8,
    text: '先行登记保存在七个工作日内作出处理决定',
    check: (c) => (c.preservations.every((p) => p.decidedOn) ? null : '先行登记保存的证据未作出处理决定'),
  },
  'seizure-released': {
    section: 'substance',
    points: 8,
    text: '查封扣押依法解除或处理',
    check: (c) => (c.seizures.every((s) => s.releasedOn) ? null : '查封、扣押未解除'),
  },
  report: {
    section: 'substance',
    points: 8,
    text: '有调查终结报告',
    check: (c) => (!general(c) || c.proposal ? null : '没有调查终结报告'),
  },
  'notice-hearing': {
    section: 'substance',
    points: 10,
    text: '告知、听证程序规范',
    check: (c) => {
      if (!general(c) || !penalises(c)) return null;
      if (!c.notice) return '没有行政处罚告知书';
      if (c.hearing && !c.hearing.reportedOn && !c.hearing.partyAbsent) return '听证未完成';
      return null;
    },
  },
  recheck: {
    section: 'substance',
    points: 6,
    text: '对当事人陈述、申辩进行复核',
    check: (c) => (c.statements.length === 0 || c.recheck ? null : '陈述、申辩未复核'),
  },
  receipts: { section: 'substance', points: 10, text: '每份文书有送达回证', check: (c) => (c.service ? null : '决定书没有送达记录') },
  separation: {
    section: 'substance',
    points: 6,
    text: '罚缴分离，有缴款凭证',
    check: (c) =>
      !c.decision || amountDueFen(c.decision) === 0 || c.payments.length > 0 || c.courtAppliedOn ? null : '没有缴款凭证，也未申请强制执行',
  },
  reasoned: {
    section: 'substance',
    points: 6,
    text: '决定书说理充分（载明事实、证据、依据和裁量理由）',
    check: (c) =>
      c.procedure === 'simple' || (c.proposal?.basis && (c.proposal.outsideBenchmark.length === 0 || c.proposal.discretionReason))
        ? null
        : '缺少依据或超出裁量基准的理由',
  },
  performance: {
    section: 'substance',
    points: 8,
    text: '有履行情况记录（结案报告）',
    check: (c) => (c.closedOn && c.closingReport ? null : '没有结案报告'),
  },
} as const satisfies Record<string, SheetCheck>;

export type SheetCheckId = keyof typeof SHEET_CHECKS;
export const SHEET_CHECK_IDS = Object.keys(SHEET_CHECKS) as [SheetCheckId, ...SheetCheckId[]];

/** The sheet an agency starts with: every check, in its default section and points. */
export const DEFAULT_SHEET: SheetRow[] = SHEET_CHECK_IDS.map((item) => ({
  item,
  section: SHEET_CHECKS[item].section,
  points: SHEET_CHECKS[item].points,
}));

export interface SheetResult {
  passed: boolean;
  score: number;
  vetoFailed: { id: string; text: string; problem: string }[];
  missing: { id: string; section: SheetSection; text: string; points: number; problem: string }[];
}

export function scoreCase(c: PenaltyCase, sheet: readonly SheetRow[]): SheetResult {
  const vetoFailed: SheetResult['vetoFailed'] = [];
  const missing: SheetResult['missing'] = [];
  let score = 0;
  for (const row of sheet) {
    const item = { id: row.item, section: row.section, points: row.points, text: SHEET_CHECKS[row.item].text };
    const problem = (SHEET_CHECKS[row.item] as SheetCheck).check(c);
    if (item.section === 'veto') {
      if (problem) vetoFailed.push({ id: item.id, text: item.text, problem });
      continue;
    }
    if (problem) missing.push({ id: item.id, section: item.section, text: item.text, points: item.points, problem });
    else score += item.points;
  }
  return { passed: vetoFailed.length === 0 && missing.length === 0, score: vetoFailed.length ? 0 : score, vetoFailed, missing };
}
