/**
 * 案卷评查 before archiving: an automatic pre-check of a case against a score sheet of
 * veto items (any failure fails the file) and form/substance items with points (LAW §7.1,
 * after the common provincial sheets). The sheet is data an agency may replace; each item's
 * check is a pure function of the case (and of the agency's 音像记录事项清单).
 *
 * An open case is checked only against the items its stage already requires: each check
 * names the step from which it applies (`dueFrom`, the typed table `SHEET_STAGES`), so a
 * case that has not reached its decision is not failed for the decision's items; those are
 * reported apart (`pending`) and the score is over the items due. A closed case owes every
 * item; that is what the archive gate scores. An archived case also carries the deductions
 * its head acknowledged at archiving. Shown to the case unit and the supervisor; the archive
 * action is refused on a failed veto item, and on other failures when the agency chose
 * "refuse".
 */
import { DECISION_OUTCOMES, type RecordingScene } from '../../../law/penalty.js';
import { amountDueFen, type PenaltyCase } from '../penalty-case.js';
import { requiredRecordings } from '../recordings.js';

export type SheetSection = 'veto' | 'form' | 'substance';
export const SECTION_NAMES = { veto: '否决项', form: '卷面（形式）', substance: '内容（实体、程序）' } as const satisfies Record<
  SheetSection,
  string
>;

/**
 * The steps of a case from which an item can be asked of it, in the order a general case
 * reaches them. A closed case has reached them all (whatever it skipped, it owes).
 */
export type SheetStage = 'registered' | 'filed' | 'reported' | 'decided' | 'served' | 'closed';

export const SHEET_STAGES = {
  registered: { name: '案件登记', reached: () => true },
  // The simple procedure opens decided: it has no filing of its own.
  filed: { name: '立案', reached: (c) => !!c.filedOn || c.procedure === 'simple' },
  reported: { name: '调查终结', reached: (c) => !!c.proposal || !!c.decision },
  decided: { name: '作出决定', reached: (c) => !!c.decision },
  served: { name: '送达决定书', reached: (c) => !!c.service },
  closed: { name: '结案', reached: (c) => !!c.closedOn },
} as const satisfies Record<SheetStage, { name: string; reached: (c: PenaltyCase) => boolean }>;

/** Has the case reached the step from which an item applies? */
export const stageReached = (c: PenaltyCase, stage: SheetStage) => !!c.closedOn || SHEET_STAGES[stage].reached(c);

/** What a check may look at besides the case: the agency's settings it depends on. */
export interface SheetFacts {
  /** 音像记录事项清单 */
  recordingRequired: readonly RecordingScene[];
}

/** One check of the catalogue: what it looks at, from which step, and by default where it sits on the sheet. */
interface SheetCheck {
  section: SheetSection;
  text: string;
  points: number;
  /** The step from which the item is owed: before it, the item is pending, never failed */
  dueFrom: SheetStage;
  /** null when the item holds; otherwise what is missing */
  check: (c: PenaltyCase, f: SheetFacts) => string | null;
}

/** A row of an agency's sheet (settings): which check, in which section, for how many points. */
export interface SheetRow {
  item: SheetCheckId;
  section: SheetSection;
  points: number;
}

const general = (c: PenaltyCase) => c.procedure === 'general';
const penalises = (c: PenaltyCase) => !!c.decision && DECISION_OUTCOMES[c.decision.outcome].penalises;

/** Every check yifa can make, keyed by a stable id; the default sheet has veto items and 14 form / 86 substance points. */
export const SHEET_CHECKS = {
  'two-officers': {
    dueFrom: 'filed',
    section: 'veto',
    points: 0,
    text: '执法人员不少于两人且具备执法资格',
    check: (c) => (c.officers.length >= 2 ? null : '执法人员少于两人'),
  },
  facts: {
    dueFrom: 'reported',
    section: 'veto',
    points: 0,
    text: '事实清楚',
    check: (c) => (c.procedure === 'simple' || c.proposal?.facts ? null : '没有调查终结报告认定的违法事实'),
  },
  evidence: {
    dueFrom: 'reported',
    section: 'veto',
    points: 0,
    text: '证据充分',
    check: (c) => (c.procedure === 'simple' || c.records.length + c.evidence.length > 0 ? null : '卷内没有笔录或证据'),
  },
  procedure: {
    dueFrom: 'decided',
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
  // they stay on the sheet so the score reads like the provincial one, with fewer points than a hand-made file's.
  template: { dueFrom: 'registered', section: 'form', points: 2, text: '使用统一的执法文书格式', check: () => null },
  numbered: {
    dueFrom: 'filed',
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
  'one-file': { dueFrom: 'registered', section: 'form', points: 4, text: '一案一卷，封面、卷内目录规范', check: () => null },
  order: { dueFrom: 'registered', section: 'form', points: 2, text: '按立案、调查、审查、决定、送达、执行顺序排列', check: () => null },
  pages: { dueFrom: 'registered', section: 'form', points: 2, text: '逐页编号（右下角）', check: () => null },
  'filing-approved': {
    dueFrom: 'filed',
    section: 'substance',
    points: 10,
    text: '立案经审批且及时',
    check: (c) => (!general(c) || c.filedOn ? null : '没有立案审批'),
  },
  'preservation-timely': {
    dueFrom: 'reported',
    section: 'substance',
    points: 8,
    text: '先行登记保存在七个工作日内作出处理决定',
    check: (c) => (c.preservations.every((p) => p.decidedOn) ? null : '先行登记保存的证据未作出处理决定'),
  },
  'seizure-released': {
    dueFrom: 'closed',
    section: 'substance',
    points: 8,
    text: '查封扣押依法解除或处理',
    check: (c) => (c.seizures.every((s) => s.releasedOn) ? null : '查封、扣押未解除'),
  },
  report: {
    dueFrom: 'decided',
    section: 'substance',
    points: 8,
    text: '有调查终结报告',
    check: (c) => (!general(c) || c.proposal ? null : '没有调查终结报告'),
  },
  'notice-hearing': {
    dueFrom: 'decided',
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
    dueFrom: 'decided',
    section: 'substance',
    points: 6,
    text: '对当事人陈述、申辩进行复核',
    check: (c) => (c.statements.length === 0 || c.recheck ? null : '陈述、申辩未复核'),
  },
  receipts: {
    dueFrom: 'served',
    section: 'substance',
    points: 10,
    text: '每份文书有送达回证',
    check: (c) => (c.service ? null : '决定书没有送达记录'),
  },
  separation: {
    dueFrom: 'closed',
    section: 'substance',
    points: 6,
    text: '罚缴分离，有缴款凭证',
    check: (c) =>
      !c.decision || amountDueFen(c.decision) === 0 || c.payments.length > 0 || c.courtApplication
        ? null
        : '没有缴款凭证，也未申请强制执行',
  },
  reasoned: {
    dueFrom: 'decided',
    section: 'substance',
    points: 6,
    text: '决定书说理充分（载明事实、证据、依据和裁量理由）',
    check: (c) =>
      c.procedure === 'simple' || (c.proposal?.basis && (c.proposal.outsideBenchmark.length === 0 || c.proposal.discretionReason))
        ? null
        : '缺少依据或超出裁量基准的理由',
  },
  // A step the agency requires on audio-visual media is owed its recording from the moment it happened. The archive
  // gate weighs it under its own rule (archiveWithoutRecording); on the sheet it costs what the agency gives it.
  recordings: {
    dueFrom: 'registered',
    section: 'substance',
    points: 6,
    text: '音像记录事项清单所列环节有音像记录',
    check: (c, f) => {
      const gaps = requiredRecordings(c, f.recordingRequired).filter((r) => !r.covered);
      return gaps.length ? `缺少音像记录：${gaps.map((g) => g.title).join('；')}` : null;
    },
  },
  performance: {
    dueFrom: 'closed',
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

interface SheetItem {
  id: SheetCheckId;
  section: SheetSection;
  text: string;
  points: number;
}

export interface SheetResult {
  /** Every item due holds and nothing was acknowledged at archiving */
  passed: boolean;
  /** The points of the items due that hold (0 when a veto item fails) */
  score: number;
  /** The points of the items due: what the score is out of now (the sheet's total once the case is closed) */
  outOf: number;
  vetoFailed: { id: string; text: string; problem: string }[];
  missing: (SheetItem & { problem: string })[];
  /** Items the case's stage does not require yet, with the step from which each applies */
  pending: (SheetItem & { dueFrom: SheetStage; dueFromName: string })[];
  /** An archived case: the problems its head acknowledged at archiving (kept in the case) */
  acknowledged: string[];
}

/**
 * The case against the agency's sheet: the items its stage requires are scored, the others
 * are pending. `every` scores every item whatever the stage (the archive gate).
 */
export function scoreCase(
  c: PenaltyCase,
  settings: SheetFacts & { reviewSheet: readonly SheetRow[] },
  opts: { every?: boolean } = {},
): SheetResult {
  const vetoFailed: SheetResult['vetoFailed'] = [];
  const missing: SheetResult['missing'] = [];
  const pending: SheetResult['pending'] = [];
  let score = 0;
  let outOf = 0;
  for (const row of settings.reviewSheet) {
    const check = SHEET_CHECKS[row.item] as SheetCheck;
    const item = { id: row.item, section: row.section, points: row.points, text: check.text };
    if (!opts.every && !stageReached(c, check.dueFrom)) {
      pending.push({ ...item, dueFrom: check.dueFrom, dueFromName: SHEET_STAGES[check.dueFrom].name });
      continue;
    }
    const problem = check.check(c, settings);
    if (item.section === 'veto') {
      if (problem) vetoFailed.push({ id: item.id, text: item.text, problem });
      continue;
    }
    outOf += item.points;
    if (problem) missing.push({ ...item, problem });
    else score += item.points;
  }
  // What comes later reads in the order the case will reach it.
  const stages = Object.keys(SHEET_STAGES);
  pending.sort((a, b) => stages.indexOf(a.dueFrom) - stages.indexOf(b.dueFrom));
  const acknowledged = c.archivedOn ? c.archiveWarnings : [];
  return {
    passed: vetoFailed.length === 0 && missing.length === 0 && acknowledged.length === 0,
    score: vetoFailed.length ? 0 : score,
    outOf,
    vetoFailed,
    missing,
    pending,
    acknowledged,
  };
}
