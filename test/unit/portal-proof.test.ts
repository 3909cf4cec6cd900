/**
 * The portal's proof of work: the browser's own SHA-256 (web/src/portal/sha256.ts) agrees with
 * Node's on inputs of one and of two blocks, and the server counts leading zero bits and
 * accepts a solved challenge once, refusing a forged, an unsolved and an expired one.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Words } from '../../web/src/portal/sha256.js';
import { checkProof, issueChallenge, leadingZeroBits, proofDigest } from '../../src/procedure/portal-proof.js';
import type { Yifa } from '../../src/platform/yifa.js';

const hex = (w: Uint32Array) => [...w].map((x) => x.toString(16).padStart(8, '0')).join('');

describe('the portal proof of work', () => {
  it('hashes as Node does, for every length up to three blocks', () => {
    for (let n = 0; n < 150; n += 7) {
      const bytes = new TextEncoder().encode('信访'.repeat(n).slice(0, n) + 'x'.repeat(n));
      expect(hex(sha256Words(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Buffer.from([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(Buffer.from([0xff]))).toBe(0);
  });

  it('accepts a solved challenge once and refuses a forged, an unsolved and an expired one', () => {
    let now = Date.parse('2026-12-01T02:00:00Z');
    const yifa = { config: { portalProofBits: 8 }, clock: { now: () => new Date(now) } } as unknown as Yifa;
    const { challenge, bits } = issueChallenge(yifa);
    expect(bits).toBe(8);
    let nonce = 0;
    while (leadingZeroBits(proofDigest(challenge, String(nonce))) < bits) nonce++;
    let wrong = 0;
    while (leadingZeroBits(proofDigest(challenge, String(wrong))) >= bits) wrong++;
    expect(() => checkProof(yifa, undefined)).toThrow('缺少验证数据');
    expect(() => checkProof(yifa, { challenge, nonce: String(wrong) })).toThrow('验证计算结果不正确');
    expect(() => checkProof(yifa, { challenge: challenge.replace(/^\d+/, '1'), nonce: String(nonce) })).toThrow('验证数据无效');
    checkProof(yifa, { challenge, nonce: String(nonce) });
    expect(() => checkProof(yifa, { challenge, nonce: String(nonce) })).toThrow('已经使用过');
    const later = issueChallenge(yifa);
    let n2 = 0;
    while (leadingZeroBits(proofDigest(later.challenge, String(n2))) < bits) n2++;
    now += 16 * 60 * 1000;
    expect(() => checkProof(yifa, { challenge: later.challenge, nonce: String(n2) })).toThrow('验证已过期');
    // None asked: anything passes.
    const off = { config: { portalProofBits: 0 }, clock: yifa.clock } as unknown as Yifa;
    expect(() => checkProof(off, undefined)).not.toThrow();
  });
});
