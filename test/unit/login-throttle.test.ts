import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/platform/security/client-address.js';
import { KeyedQueue } from '../../src/platform/security/keyed-queue.js';
import { LOGIN_THROTTLE, PASSWORD_CHANGE_THROTTLE, waitAfter, throttledError } from '../../src/modules/org/throttle.js';
import { errorBody, statusOf } from '../../src/platform/http/errors.js';

describe('the address a client is throttled under', () => {
  it('is the IPv4 address, also when a dual-stack socket reports it as IPv4-mapped IPv6', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7');
  });
  it('is the /64 of an IPv6 address, however the address is written', () => {
    const key = '2001:db8:85a3:8d3::/64';
    expect(addressKey('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe(key);
    expect(addressKey('2001:0db8:85a3:08d3::1')).toBe(key);
    expect(addressKey('2001:DB8:85A3:8D3:ffff::')).toBe(key);
    expect(addressKey('2001:db8:85a3:8d4::1')).not.toBe(key);
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
  it('leaves anything that is not an address as it is', () => {
    expect(addressKey('unknown')).toBe('unknown');
  });
});

describe('progressive waits', () => {
  it('lets the free guesses through at once, then waits 1 s, doubling up to the cap', () => {
    const r = LOGIN_THROTTLE.accountAtAddress;
    expect([0, 4, 5, 6, 7, 8].map((n) => waitAfter(r, n))).toEqual([0, 0, 1000, 2000, 4000, 8000]);
    expect(waitAfter(r, 14)).toBe(512_000);
    expect(waitAfter(r, 15)).toBe(600_000);
    expect(waitAfter(r, 1000)).toBe(600_000);
    expect(waitAfter(LOGIN_THROTTLE.account, 9)).toBe(0);
    expect(waitAfter(LOGIN_THROTTLE.account, 10)).toBe(1000);
    expect(waitAfter(LOGIN_THROTTLE.account, 10_000)).toBe(60_000);
    expect(waitAfter(LOGIN_THROTTLE.address, 20)).toBe(1000);
    expect(waitAfter(PASSWORD_CHANGE_THROTTLE, 2)).toBe(0);
    expect(waitAfter(PASSWORD_CHANGE_THROTTLE, 3)).toBe(1000);
  });
  it('refuses with 429 RATE_LIMITED, a Chinese message and the seconds to wait', () => {
    const e = throttledError('login', 1500);
    expect(statusOf(e)).toBe(429);
    expect(errorBody(e)).toEqual({
      error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请 2 秒后再试', details: { retryAfterSeconds: 2 } },
    });
    expect(throttledError('login', 600_000).message).toBe('登录尝试过于频繁，请 10 分钟后再试');
    expect(throttledError('password-change', 4000).message).toBe('原密码错误次数过多，请 4 秒后再试');
  });
});

describe('KeyedQueue', () => {
  it('runs tasks sharing a key one at a time, in order, and forgets idle keys', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}-`);
      return name;
    };
    const results = await Promise.all([
      q.run(['address:a', 'account:x'], task('1', 20)),
      q.run(['address:b', 'account:x'], task('2', 1)),
      q.run(['address:c', 'account:y'], task('3', 1)),
      q
        .run(['address:a', 'account:z'], async () => {
          throw new Error('4 fails');
        })
        .catch((e: Error) => e.message),
      q.run(['address:a', 'account:z'], task('5', 1)),
    ]);
    expect(results).toEqual(['1', '2', '3', '4 fails', '5']);
    // 1 and 2 share account x: 2 starts after 1 ends. 3 shares nothing and runs alongside.
    expect(log.indexOf('2+')).toBeGreaterThan(log.indexOf('1-'));
    expect(log.indexOf('3-')).toBeLessThan(log.indexOf('1-'));
    // 5 shares address a with 1 and with 4, which failed: it still runs, after 1.
    expect(log.indexOf('5+')).toBeGreaterThan(log.indexOf('1-'));
    expect(q.size).toBe(0);
  });
});
