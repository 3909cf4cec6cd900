/**
 * The holiday table: which days differ from an ordinary Monday–Friday week.
 * 'rest' = a statutory rest day (a holiday, or a weekday given off by 调休);
 * 'workday' = a 调休补班 make-up working day (usually a Saturday or Sunday).
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { weekday, yearOf } from './legal-date.js';

export type DayMark = { kind: 'rest' | 'workday'; name: string };

export interface HolidayTable {
  mark(date: string): DayMark | undefined;
  hasYear(year: number): boolean;
}

export interface HolidayRow {
  date: string;
  kind: 'rest' | 'workday';
  name: string;
}

export class InMemoryHolidayTable implements HolidayTable {
  private readonly marks = new Map<string, DayMark>();
  private readonly years: Set<number>;
  constructor(rows: Iterable<HolidayRow>, years: Iterable<number>) {
    for (const r of rows) this.marks.set(r.date, { kind: r.kind, name: r.name });
    this.years = new Set(years);
  }
  mark(date: string): DayMark | undefined {
    return this.marks.get(date);
  }
  hasYear(year: number): boolean {
    return this.years.has(year);
  }
  /** The same days, marks and years. */
  equals(other: InMemoryHolidayTable): boolean {
    if (other.marks.size !== this.marks.size || other.years.size !== this.years.size) return false;
    for (const y of this.years) if (!other.years.has(y)) return false;
    for (const [date, m] of this.marks) {
      const o = other.marks.get(date);
      if (!o || o.kind !== m.kind || o.name !== m.name) return false;
    }
    return true;
  }
}

/** A working day is Mon–Fri and not a rest day, or a make-up working day (RULES.md "How to count"). */
export function isWorkingDay(table: HolidayTable, date: string): boolean {
  const mark = table.mark(date);
  if (mark) return mark.kind === 'workday';
  const d = weekday(date);
  return d !== 0 && d !== 6;
}

/**
 * Every rest day and make-up working day the `chinese-days` package knows (2004–2026),
 * named in Chinese: "春节" for a rest day, "春节调休补班" for a make-up day.
 */
export function holidayRowsFromChineseDays(): { years: number[]; rows: HolidayRow[] } {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const chineseName = (v: string) => v.split(',')[1] ?? v;
  const rows: HolidayRow[] = [
    ...Object.entries(data.holidays).map(([date, v]) => ({ date, kind: 'rest' as const, name: chineseName(v) })),
    ...Object.entries(data.workdays).map(([date, v]) => ({ date, kind: 'workday' as const, name: `${chineseName(v)}调休补班` })),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  const years = [...new Set(rows.map((r) => yearOf(r.date)))].sort((a, b) => a - b);
  return { years, rows };
}
