/** YIFA_CLOCK read from the environment, allowed only for demo and training installations; the training clock runs and moves forward. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { Clock, clockFor } from '../../src/platform/clock.js';

describe('the training clock', () => {
  it('reads YIFA_CLOCK as a date at 09:00 China time or a date and time with its offset, and refuses anything else', () => {
    expect(loadConfig({ YIFA_CLOCK: '2026-03-01' }).trainingClock?.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(loadConfig({ YIFA_CLOCK: '2026-03-01T20:30:00+08:00' }).trainingClock?.toISOString()).toBe('2026-03-01T12:30:00.000Z');
    expect(loadConfig({}).trainingClock).toBeUndefined();
    for (const bad of ['2026-02-30x', 'tomorrow', '2026-03-01 09:00'])
      expect(() => loadConfig({ YIFA_CLOCK: bad }), bad).toThrow(/YIFA_CLOCK 须为日期/);
  });

  it('is refused unless the installation is a demo or a training one', () => {
    const start = new Date('2026-03-01T01:00:00Z');
    expect(clockFor({ trainingClock: start, training: false }, false)).toMatch(/不是示范或培训部署/);
    expect((clockFor({ trainingClock: start, training: false }, true) as Clock).training).not.toBeNull();
    expect((clockFor({ trainingClock: start, training: true }, false) as Clock).today()).toBe('2026-03-01');
    expect((clockFor({ trainingClock: undefined, training: false }, false) as Clock).training).toBeNull();
  });

  it('runs from its start and moves forward by whole days only', () => {
    const clock = Clock.trainingFrom(new Date('2026-03-01T01:00:00Z'));
    expect(clock.now().getTime() - Date.parse('2026-03-01T01:00:00Z')).toBeLessThan(5_000);
    clock.advance(90);
    expect(clock.today()).toBe('2026-05-30');
    expect(() => clock.advance(0)).toThrow();
    expect(() => clock.advance(-1)).toThrow();
    expect(() => new Clock().advance(1)).toThrow();
  });
});
