/** The proof of work a portal filing carries (src/procedure/portal-proof.ts), solved as the filer's browser would. */
import { leadingZeroBits, proofDigest } from '../../src/procedure/portal-proof.js';
import type { Client } from './app.js';

/** The first nonce whose digest with the challenge has the bits asked. */
export function solve(x: { challenge: string; bits: number }): { challenge: string; nonce: string } {
  for (let n = 0; ; n++)
    if (leadingZeroBits(proofDigest(x.challenge, String(n))) >= x.bits) return { challenge: x.challenge, nonce: String(n) };
}

export async function solvedProof(client: Client): Promise<{ challenge: string; nonce: string }> {
  const res = await client.get('/api/v1/public/petitions/challenge');
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  return solve(res.json());
}
