import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';

describe('YIFA_TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ YIFA_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ YIFA_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });
  it('takes a hop count or a list of proxy addresses, CIDRs and range names', () => {
    expect(loadConfig({ YIFA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ YIFA_TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });
  it('refuses "true" (any client could claim any address) and anything that is not an address, in Chinese', () => {
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', ',']) {
      expect(() => loadConfig({ YIFA_TRUST_PROXY: bad }), bad).toThrow(/YIFA_TRUST_PROXY 须为代理的跳数/);
    }
  });
});
