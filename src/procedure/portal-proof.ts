/**
 * A small proof of work before a filing from the portal counts (a petition online): the server
 * hands out a signed challenge; the filer's browser finds a nonce whose SHA-256 with the
 * challenge starts with `bits` zero bits (about 2^bits hashes: a second or two on a phone at
 * 16), and sends it with the filing. Cheap for one person, costly for a script sending
 * thousands — and, unlike a limit per address alone, it does not shut out real petitioners
 * who share an address (a village office, a mobile network). No outside service is asked.
 *
 * Stateless until used: the challenge carries its issue time and an HMAC under a key this
 * process made at start (a restart voids outstanding challenges: the page fetches a new one).
 * A used challenge is remembered until it expires, so one proof files once.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import { invalid } from '../platform/http/errors.js';

/** How long a challenge may be used after it is issued. */
const LIFETIME_MS = 15 * 60 * 1000;
/** The most a configuration may ask (beyond it a phone would work for minutes). */
const MAX_BITS = 24;

export const proofSchema = z
  .strictObject({
    challenge: z.string().max(200),
    nonce: z.string().regex(/^[0-9]{1,16}$/, '验证数据格式不正确'),
  })
  .meta({ title: '人机验证' });
export type Proof = z.infer<typeof proofSchema>;

interface ProofState {
  key: Buffer;
  /** Used challenges and when each expires */
  used: Map<string, number>;
}
const states = new WeakMap<Yifa, ProofState>();
const stateOf = (yifa: Yifa): ProofState => {
  const found = states.get(yifa);
  if (found) return found;
  const made = { key: randomBytes(32), used: new Map<string, number>() };
  states.set(yifa, made);
  return made;
};

export const proofBits = (yifa: Yifa) => Math.min(yifa.config.portalProofBits, MAX_BITS);

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** A fresh challenge, and how many leading zero bits its answer needs. */
export function issueChallenge(yifa: Yifa) {
  const issued = yifa.clock.now().getTime();
  const bits = proofBits(yifa);
  const body = `${issued}.${bits}.${randomBytes(12).toString('base64url')}`;
  return { challenge: `${body}.${sign(stateOf(yifa).key, body)}`, bits, expiresAt: new Date(issued + LIFETIME_MS).toISOString() };
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let n = 0;
  for (const byte of digest) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

/** The digest a nonce answers with. */
export const proofDigest = (challenge: string, nonce: string) => createHash('sha256').update(`${challenge}:${nonce}`).digest();

/** Refuses (400, at the field `proof`) a proof that is forged, expired, used already or short of its bits; marks a good one used. */
export function checkProof(yifa: Yifa, proof: Proof | undefined): void {
  if (proofBits(yifa) === 0) return;
  const refuse = (why: string) => invalid(`人机验证未通过：${why}，请刷新页面后重新提交`, [{ path: 'proof', message: why }]);
  if (!proof) throw refuse('缺少验证数据');
  const s = stateOf(yifa);
  const parts = proof.challenge.split('.');
  if (parts.length !== 4) throw refuse('验证数据无效');
  const [issuedText, bitsText, random, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(s.key, `${issuedText}.${bitsText}.${random}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('验证数据无效或已过期');
  const now = yifa.clock.now().getTime();
  const expires = Number(issuedText) + LIFETIME_MS;
  if (!(expires > now)) throw refuse('验证已过期');
  for (const [c, at] of s.used) if (at <= now) s.used.delete(c);
  if (s.used.has(proof.challenge)) throw refuse('该验证已经使用过');
  if (leadingZeroBits(proofDigest(proof.challenge, proof.nonce)) < Number(bitsText)) throw refuse('验证计算结果不正确');
  s.used.set(proof.challenge, expires);
}
