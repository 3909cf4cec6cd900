/**
 * The holiday table in the database: statutory rest days and 调休 make-up working
 * days per year. Seeded once from the `chinese-days` package; an administrator adds
 * or corrects a year when the State Council publishes its notice. Deadlines read an
 * in-memory copy, reloaded after every change.
 */
import type { Db } from '../platform/db/database.js';
import type { Journal, Actor } from '../journal/journal.js';
import { SYSTEM_ACTOR } from '../journal/journal.js';
import { conflict, invalid } from '../platform/errors.js';
import { InMemoryHolidayTable, holidayRowsFromChineseDays, type HolidayTable } from './holiday-table.js';
import { parseLegalDate } from './legal-date.js';
import type { Clock } from '../platform/clock.js';

export interface HolidayDay {
  date: string;
  kind: 'rest' | 'workday';
  name: string;
}

/**
 * How long a server trusts its copy of the table. A change made through this server
 * reloads it at once; one made through another server sharing the database (or the
 * CLI) is seen within this time.
 */
export const HOLIDAY_TABLE_SECONDS = 30;

export class CalendarStore {
  private cached: { table: InMemoryHolidayTable; loadedAt: number } | undefined;
  /** Milliseconds on a monotonic clock, for the cache's age only (tests move it); dates come from `clock`. */
  now: () => number = () => performance.now();

  constructor(
    private readonly db: Db,
    private readonly journal: Journal,
    private readonly clock: Clock,
  ) {}

  /** The table deadlines are computed with (cached; reloaded after changes, and every HOLIDAY_TABLE_SECONDS). */
  async table(): Promise<HolidayTable> {
    const now = this.now();
    if (this.cached && now - this.cached.loadedAt < HOLIDAY_TABLE_SECONDS * 1000) return this.cached.table;
    const [rows, years] = await Promise.all([
      this.db.kysely.selectFrom('holidays').select(['date', 'kind', 'name']).execute(),
      this.db.kysely.selectFrom('holiday_years').select('year').execute(),
    ]);
    const table = new InMemoryHolidayTable(
      rows,
      years.map((y) => Number(y.year)),
    );
    // The same content keeps the same table object, so what is remembered per table (due dates) stays.
    this.cached = { table: this.cached?.table.equals(table) ? this.cached.table : table, loadedAt: now };
    return this.cached.table;
  }

  /** Seeds every year the package covers, once, when the table is empty. Returns the years seeded. */
  async seedIfEmpty(): Promise<number[]> {
    const any = await this.db.kysely.selectFrom('holiday_years').select('year').limit(1).executeTakeFirst();
    if (any) return [];
    const { years, rows } = holidayRowsFromChineseDays();
    await this.journal.perform(
      { type: 'calendar.seed', actor: SYSTEM_ACTOR, payload: { source: 'chinese-days', years, days: rows.length } },
      async (trx) => {
        const at = this.clock.now().toISOString();
        for (let i = 0; i < rows.length; i += 500) {
          await trx
            .insertInto('holidays')
            .values(rows.slice(i, i + 500).map((r) => ({ ...r, year: Number(r.date.slice(0, 4)) })))
            .execute();
        }
        await trx
          .insertInto('holiday_years')
          .values(
            years.map((year) => ({ year, source: 'chinese-days', note: '依国务院办公厅历年部分节假日安排的通知录入', updated_at: at })),
          )
          .execute();
        return { years };
      },
    );
    this.cached = undefined;
    return years;
  }

  async years() {
    const rows = await this.db.kysely
      .selectFrom('holiday_years')
      .leftJoin('holidays', 'holidays.year', 'holiday_years.year')
      .select(({ fn }) => [
        'holiday_years.year',
        'holiday_years.source',
        'holiday_years.note',
        'holiday_years.updated_at',
        fn.count<number>('holidays.date').as('days'),
      ])
      .groupBy(['holiday_years.year', 'holiday_years.source', 'holiday_years.note', 'holiday_years.updated_at'])
      .orderBy('holiday_years.year', 'desc')
      .execute();
    return rows.map((r) => ({ year: Number(r.year), source: r.source, note: r.note, updatedAt: r.updated_at, days: Number(r.days) }));
  }

  async year(year: number): Promise<{ year: number; known: boolean; days: HolidayDay[] }> {
    const known = await this.db.kysely.selectFrom('holiday_years').select('year').where('year', '=', year).executeTakeFirst();
    const days = await this.db.kysely
      .selectFrom('holidays')
      .select(['date', 'kind', 'name'])
      .where('year', '=', year)
      .orderBy('date')
      .execute();
    return { year, known: Boolean(known), days };
  }

  /** Replaces a year's rest days and make-up working days (one journaled action). */
  async setYear(actor: Actor, idempotencyKey: string | null, year: number, days: HolidayDay[], note: string) {
    for (const d of days) {
      if (!parseLegalDate(d.date)) throw invalid(`日期 ${d.date} 无效`);
      if (Number(d.date.slice(0, 4)) !== year) throw invalid(`日期 ${d.date} 不属于 ${year} 年`);
    }
    const dates = new Set(days.map((d) => d.date));
    if (dates.size !== days.length) throw conflict('同一日期出现了两次');
    const out = await this.journal.perform(
      { type: 'calendar.year.set', actor, idempotencyKey, payload: { year, note, days } },
      async (trx) => {
        await trx.deleteFrom('holidays').where('year', '=', year).execute();
        if (days.length)
          await trx
            .insertInto('holidays')
            .values(days.map((d) => ({ ...d, year })))
            .execute();
        await trx.deleteFrom('holiday_years').where('year', '=', year).execute();
        await trx.insertInto('holiday_years').values({ year, source: 'admin', note, updated_at: this.clock.now().toISOString() }).execute();
        return { year, days: days.length };
      },
    );
    this.cached = undefined;
    return out.result;
  }
}
