/**
 * A tracking code (查询码) for whoever filed on the portal (an applicant, a petitioner):
 * random, shown once, stored only as its SHA-256. Every procedure with a public tracking
 * page uses these.
 */
import { createHash, randomBytes } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters from a 32-letter alphabet without look-alikes: 80 random bits, grouped for reading. */
export function newTrackingCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

/** The code as stored: SHA-256 of its canonical form (upper case, no separators). */
export const trackingHashOf = (code: string) =>
  createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .digest('hex');
