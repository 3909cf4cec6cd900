/**
 * The deadline engine: RULES.md "How to count", exactly, for every rule of the catalog.
 * Pure: it reads only the holiday table it is given. Each answer explains itself —
 * which days were skipped and why, which make-up working days were counted, where a
 * deadline was moved — and warns when a year it touched has no holiday data.
 */
import { DEADLINE_RULES, UNIT_NAMES, type DeadlineRuleId, type DeadlineUnit } from '../law/deadline-rules.js';
import { addDays, addMonths, addYears, parseLegalDate, weekday, weekdayName, yearOf } from './legal-date.js';
import { isWorkingDay, type HolidayTable } from './holiday-table.js';

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`日期无效：${value}（须为存在的日期，格式 YYYY-MM-DD）`);
  }
}

export class UnknownRuleError extends Error {
  constructor(readonly rule: string) {
    super(`未知的期限规则：${rule}`);
  }
}

export interface Suspension {
  from: string;
  to: string;
  reason: string;
}

export interface DeadlineInput {
  rule: DeadlineRuleId;
  from: string;
  /** Recorded 中止 intervals (inclusive): their days do not count. */
  suspensions?: Suspension[];
  /** Locally configured counts for configurable rules. */
  overrides?: Partial<Record<DeadlineRuleId, number>>;
  /** Recorded, approved extensions: their days are added to the count. */
  extensions?: { days: number; reason: string }[];
}

/** A day, or a run of days with the same reason, that the count skipped or noted. */
export interface DeadlineStep {
  date: string;
  to?: string;
  counted: boolean;
  reason: string;
}

export interface DeadlineResult {
  rule: DeadlineRuleId;
  title: string;
  from: string;
  due: string;
  count: number;
  unit: DeadlineUnit;
  citation: string;
  explanation: { summary: string; steps: DeadlineStep[] };
  warnings: string[];
}

export function isDeadlineRuleId(s: string): s is DeadlineRuleId {
  return Object.hasOwn(DEADLINE_RULES, s);
}

/** Collects steps, merging consecutive days with the same reason into one run. */
class Steps {
  readonly list: DeadlineStep[] = [];
  add(date: string, counted: boolean, reason: string) {
    const last = this.list[this.list.length - 1];
    if (last && last.counted === counted && last.reason === reason && addDays(last.to ?? last.date, 1) === date) last.to = date;
    else this.list.push({ date, counted, reason });
  }
}

interface Counting {
  table: HolidayTable;
  steps: Steps;
  suspensions: Suspension[];
  years: Set<number>;
}

function suspensionOf(c: Counting, date: string): Suspension | undefined {
  return c.suspensions.find((s) => s.from <= date && date <= s.to);
}

function restReason(c: Counting, date: string): string {
  const mark = c.table.mark(date);
  return mark ? `${mark.name}（法定休假日）` : '周末';
}

/** Is `date` a working day? Notes the year so missing data can be warned about. */
function working(c: Counting, date: string): boolean {
  c.years.add(yearOf(date));
  return isWorkingDay(c.table, date);
}

/** The n-th working day strictly after `from`, skipping suspended days. */
function nthWorkingDayAfter(c: Counting, from: string, n: number): string {
  let d = from;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    const s = suspensionOf(c, d);
    if (s) c.steps.add(d, false, `中止：${s.reason}`);
    else if (!working(c, d)) c.steps.add(d, false, restReason(c, d));
    else {
      counted++;
      if (weekday(d) === 0 || weekday(d) === 6) c.steps.add(d, true, `${c.table.mark(d)?.name ?? '调休补班'}（补班日，计入）`);
    }
  }
  return d;
}

/** `from` + n calendar days, not counting suspended days. */
function nthDayAfter(c: Counting, from: string, n: number): string {
  let d = from;
  for (let counted = 0; counted < n; ) {
    d = addDays(d, 1);
    const s = suspensionOf(c, d);
    if (s) c.steps.add(d, false, `中止：${s.reason}`);
    else counted++;
  }
  return d;
}

/** Adds the suspended days after `from` (for month counts, which are not day by day). */
function extendBySuspensions(c: Counting, from: string, end: string): string {
  let d = end;
  for (const s of c.suspensions) {
    const start = s.from > from ? s.from : addDays(from, 1);
    if (start > s.to) continue;
    const days = Math.round((Date.parse(s.to) - Date.parse(start)) / 86_400_000) + 1;
    c.steps.add(start, false, `中止：${s.reason}`);
    d = addDays(d, days);
  }
  return d;
}

/** A deadline landing on a rest day moves to the next working day (民事诉讼法第八十五条). */
function moveToWorkingDay(c: Counting, date: string): string {
  let d = date;
  while (!working(c, d)) {
    c.steps.add(d, false, `${restReason(c, d)}，期限顺延`);
    d = addDays(d, 1);
  }
  return d;
}

const COUNTERS = {
  'working-days': (c, from, n) => nthWorkingDayAfter(c, from, n),
  'earliest-working-day': (c, from, n) => nthWorkingDayAfter(c, from, n),
  'calendar-days': (c, from, n) => moveToWorkingDay(c, nthDayAfter(c, from, n)),
  months: (c, from, n) => moveToWorkingDay(c, extendBySuspensions(c, from, addMonths(from, n))),
  years: (c, from, n) => extendBySuspensions(c, from, addYears(from, n)),
  'months-before': (_c, from, n) => addMonths(from, -n),
  'fixed-date': (_c, from) => `${yearOf(from) + 1}-04-01`,
} as const satisfies Record<DeadlineUnit, (c: Counting, from: string, n: number) => string>;

const HOW = {
  'working-days': '按工作日计算，起算日不计入，节假日不计入，调休补班日计入',
  'earliest-working-day': '按工作日计算最早可行日期，通知之日不计入',
  'calendar-days': '按自然日计算，起算日不计入；期满日为法定休假日的，顺延至其后第一个工作日',
  months: '按月计算，至期满月的对应日（无对应日的为该月末日）；期满日为法定休假日的，顺延至其后第一个工作日',
  years: '按年计算，至期满年的对应日，不因节假日顺延',
  'months-before': '自该日向前按月计算，至规定月数之前的对应日（无对应日的为该月末日），为应当开始办理之日，不因节假日调整',
  'fixed-date': '报告年度次年的4月1日',
} as const satisfies Record<DeadlineUnit, string>;

export function computeDeadline(table: HolidayTable, input: DeadlineInput): DeadlineResult {
  if (!isDeadlineRuleId(input.rule)) throw new UnknownRuleError(input.rule);
  if (!parseLegalDate(input.from)) throw new InvalidDateError(input.from);
  for (const s of input.suspensions ?? []) {
    if (!parseLegalDate(s.from)) throw new InvalidDateError(s.from);
    if (!parseLegalDate(s.to)) throw new InvalidDateError(s.to);
  }
  const rule = DEADLINE_RULES[input.rule];
  const override = input.overrides?.[input.rule];
  if (override !== undefined && (!rule.configurable || !Number.isInteger(override) || override < 1)) {
    throw new Error(`规则 ${rule.id} 的期限不可配置为 ${override}`);
  }
  const extensions = input.extensions ?? [];
  for (const e of extensions) if (!Number.isInteger(e.days) || e.days < 1) throw new Error(`延长期限的天数无效：${e.days}`);
  const count = (override ?? rule.count) + extensions.reduce((sum, e) => sum + e.days, 0);
  const c: Counting = { table, steps: new Steps(), suspensions: input.suspensions ?? [], years: new Set() };
  const due = COUNTERS[rule.unit](c, input.from, count);
  const warnings = [...c.years]
    .sort()
    .filter((y) => !table.hasYear(y))
    .map((y) => `${y}年的节假日与调休数据尚未录入，该年按周一至周五为工作日计算，结果可能不准确；请管理员在“节假日与调休”中录入`);
  const length = rule.unit === 'fixed-date' ? '' : `${count}${UNIT_NAMES[rule.unit]}`;
  const skipped = c.steps.list.filter((s) => !s.counted).length;
  const summary =
    `自 ${input.from}（${rule.from}）起${length ? `计 ${length}` : ''}${extensions.length ? `（含经批准延长的 ${extensions.map((e) => `${e.days}日：${e.reason}`).join('；')}）` : ''}：${HOW[rule.unit]}。` +
    (skipped || c.steps.list.length ? `期间${describeSteps(c.steps.list)}。` : '') +
    `届满日为 ${due}（${weekdayName(due)}）。依据：${rule.citation}。`;
  return {
    rule: input.rule,
    title: rule.title,
    from: input.from,
    due,
    count,
    unit: rule.unit,
    citation: rule.citation,
    explanation: { summary, steps: c.steps.list },
    warnings,
  };
}

function describeSteps(steps: DeadlineStep[]): string {
  return steps.map((s) => `${s.to ? `${s.date} 至 ${s.to}` : s.date} ${s.reason}`).join('；');
}

const dueMemo = new WeakMap<HolidayTable, Map<string, string>>();

/**
 * The due date alone, remembered per holiday table (a new table, after a calendar
 * change, starts afresh): case pages and actions ask for the same deadlines again and
 * again, and walking the calendar day by day with explanations each time was a visible
 * share of every action.
 */
export function deadlineDue(table: HolidayTable, input: DeadlineInput): string {
  let memo = dueMemo.get(table);
  if (!memo) {
    memo = new Map();
    dueMemo.set(table, memo);
  }
  const key = JSON.stringify([
    input.rule,
    input.from,
    input.suspensions ?? [],
    input.extensions ?? [],
    input.overrides?.[input.rule] ?? null,
  ]);
  let due = memo.get(key);
  if (due === undefined) {
    due = computeDeadline(table, input).due;
    if (memo.size >= 100_000) memo.clear();
    memo.set(key, due);
  }
  return due;
}
