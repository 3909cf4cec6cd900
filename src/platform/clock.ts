/**
 * The one clock of an installation. Every service takes "now" from it — an action's
 * receivedAt, the legal "today" of a gate, a session's expiry, a certificate's standing —
 * so that a test, or the demo's history acting on past days, moves all of them at once
 * by setting `source`. Timers and caches that only measure elapsed time keep their own.
 */
import { todayInChina } from '../calendar/legal-date.js';
import type { Config } from './config.js';

export class Clock {
  constructor(public source: () => Date = () => new Date()) {}

  /**
   * A training installation's clock (YIFA_CLOCK): it starts at `start` and runs on with real
   * time, and an administrator may move it forward (never back: the journal's times only
   * grow). `training` holds how far it is ahead of real time.
   */
  static trainingFrom(start: Date): Clock {
    const clock = new Clock();
    const training = { offsetMs: start.getTime() - Date.now() };
    clock.training = training;
    clock.source = () => new Date(Date.now() + training.offsetMs);
    return clock;
  }

  /** Set on a training clock only: how far it runs ahead of real time. */
  training: { offsetMs: number } | null = null;

  /** Moves a training clock forward by whole days. */
  advance(days: number): void {
    if (!this.training) throw new Error('only a training clock can be moved');
    if (!(Number.isInteger(days) && days > 0)) throw new Error('a training clock moves forward by whole days');
    this.training.offsetMs += days * 86_400_000;
  }

  now(): Date {
    return this.source();
  }

  /** The legal date in China now (YYYY-MM-DD). */
  today(): string {
    return todayInChina(this.source());
  }
}

/**
 * The clock a server runs on: real time, or a training clock from YIFA_CLOCK — only for a
 * demo (`--demo`) or training (YIFA_TRAINING=1) installation, never for one whose records
 * count (a refusal in words, to print).
 */
export function clockFor(config: Pick<Config, 'trainingClock' | 'training'>, demo: boolean): Clock | string {
  if (!config.trainingClock) return new Clock();
  if (!demo && !config.training)
    return '设置了 YIFA_CLOCK，但这不是示范或培训部署：培训时钟只能与 --demo 一起使用，或同时设置 YIFA_TRAINING=1（见 README）。正式部署请去掉 YIFA_CLOCK。';
  return Clock.trainingFrom(config.trainingClock);
}
