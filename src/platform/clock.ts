/**
 * The one clock of an installation. Every service takes "now" from it — an action's
 * receivedAt, the legal "today" of a gate, a session's expiry, a certificate's standing —
 * so that a test, or the demo's history acting on past days, moves all of them at once
 * by setting `source`. Timers and caches that only measure elapsed time keep their own.
 */
import { todayInChina } from '../calendar/legal-date.js';

export class Clock {
  constructor(public source: () => Date = () => new Date()) {}

  now(): Date {
    return this.source();
  }

  /** The legal date in China now (YYYY-MM-DD). */
  today(): string {
    return todayInChina(this.source());
  }
}
