/**
 * The proof of work an online petition carries (the server's src/procedure/portal-proof.ts):
 * fetch a challenge, find a nonce whose SHA-256 of `challenge:nonce` starts with the zero bits
 * asked. SHA-256 comes from sha256.ts rather than WebCrypto, which a page served over plain
 * HTTP (an intranet address) does not have, and which costs a promise per hash.
 */
import { api } from '../api';
import { sha256Words } from './sha256';

/** Leading zero bits of a digest given as words. */
const zeroBits = (h: Uint32Array) => {
  let n = 0;
  for (const word of h) {
    if (word === 0) n += 32;
    else return n + Math.clz32(word);
  }
  return n;
};

/** Asks a challenge and answers it (undefined when the server asks none). Yields to the page every few thousand hashes. */
export async function provePetition(): Promise<{ challenge: string; nonce: string } | undefined> {
  const { challenge, bits } = await api<{ challenge: string; bits: number }>('GET', '/public/petitions/challenge', undefined, {
    anonymous: true,
  });
  if (bits === 0) return undefined;
  const enc = new TextEncoder();
  for (let n = 0; ; n++) {
    if (zeroBits(sha256Words(enc.encode(`${challenge}:${n}`))) >= bits) return { challenge, nonce: String(n) };
    if (n % 4096 === 4095) await new Promise((r) => setTimeout(r, 0));
  }
}
