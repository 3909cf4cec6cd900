/**
 * Legal dates: calendar days written `YYYY-MM-DD`, meaning the day in China Standard
 * Time. All arithmetic is done in UTC on midnight instants so the server's own time
 * zone never shifts a date.
 */

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date if `s` is a real calendar date in YYYY-MM-DD form (2026-02-30 is not), else undefined. */
export function parseLegalDate(s: string): string | undefined {
  const m = PATTERN.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return s;
}

export function isLegalDate(s: string): boolean {
  return parseLegalDate(s) !== undefined;
}

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/**
 * The date of a UTC-midnight instant, by integer arithmetic (H. Hinnant's civil_from_days):
 * deadline rules walk day by day, and formatting through Date#toISOString was a visible
 * share of every case action. Legal dates are years 1900–2200 (see parseLegalDate).
 */
function fromMs(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: string, n: number): string {
  return fromMs(toMs(date) + n * DAY_MS);
}

/** Same day-of-month n months later; the month's last day when that day does not exist. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** n years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, n: number): string {
  return addMonths(date, 12 * n);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: string): number {
  return new Date(toMs(date)).getUTCDay();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The legal date in China (UTC+8, no daylight saving) at `now` — the installation's clock (platform/clock.ts). */
export function todayInChina(now: Date): string {
  return fromMs(now.getTime() + 8 * 3_600_000);
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
export function weekdayName(date: string): string {
  return WEEKDAYS[weekday(date)]!;
}
