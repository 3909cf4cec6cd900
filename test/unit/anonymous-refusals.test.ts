/** Which refusals of requests without a session reach the journal: one per address and window, with a count. */
import { describe, expect, it } from 'vitest';
import { AnonymousRefusals } from '../../src/platform/http/auth.js';

describe('anonymous refusals', () => {
  it('journals the first per address in each window and counts the rest into the next', () => {
    const r = new AnonymousRefusals(60_000);
    expect(r.take('10.0.0.1', 0)).toEqual({ unrecorded: 0 });
    expect(r.take('10.0.0.1', 1_000)).toBeNull();
    expect(r.take('10.0.0.1', 59_999)).toBeNull();
    expect(r.take('10.0.0.2', 2_000)).toEqual({ unrecorded: 0 });
    expect(r.take('10.0.0.1', 60_000)).toEqual({ unrecorded: 2 });
    expect(r.take('10.0.0.1', 60_001)).toBeNull();
  });

  it('starts a new window when the clock is set back', () => {
    const r = new AnonymousRefusals(60_000);
    r.take('10.0.0.1', 100_000);
    expect(r.take('10.0.0.1', 50_000)).toEqual({ unrecorded: 0 });
  });

  it('forgets addresses whose window is over when it holds too many', () => {
    const r = new AnonymousRefusals(60_000, 3);
    for (const ip of ['a', 'b', 'c']) r.take(ip, 0);
    expect(r.take('a', 10)).toBeNull(); // counted
    expect(r.take('d', 60_000)).toEqual({ unrecorded: 0 });
    // 'a' was forgotten with its count (which stays unreported): its next refusal starts afresh.
    expect(r.take('a', 60_001)).toEqual({ unrecorded: 0 });
    expect(r.take('d', 60_002)).toBeNull();
  });
});
