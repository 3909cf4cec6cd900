/**
 * The codes the public holds to check what yifa issued (issue 13 §7, §8):
 *
 * - a document's 查验码: 12 symbols of Crockford's base32 (60 random bits), printed as
 *   `XXXX-XXXX-XXXX` under its QR code so it can be typed by hand. It says nothing about
 *   the document (no date, agency or counter), so codes cannot be enumerated: at the public
 *   rate limit (600 a minute) finding one of a million issued documents takes ~2^40 years.
 * - a 执法证's token: 128 random bits in base64url, only ever scanned.
 */
import { randomBytes, randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or by eye is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 12;

export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** `ABCD-EFGH-JKMN`, as printed. */
export function formatVerificationCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * What a person typed, as stored: case, spaces and hyphens ignored, O read as 0, I and L as
 * 1 (Crockford's rule). Null when it cannot be a code.
 */
export function normaliseVerificationCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

/** 128 random bits, URL-safe: the 执法证 QR code's token. */
export function newCertificateToken(): string {
  return randomBytes(16).toString('base64url');
}

export const CERTIFICATE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
