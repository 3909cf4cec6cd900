/**
 * 执法证 standing, derived from the register and today's legal date (pure).
 * An officer appears on the public list only while the certificate is in force:
 * state 有效, inside its validity, and not failed at 年审.
 */
import type { AnnualReview, CertificateState } from '../../platform/db/schema.js';

export const EXPIRY_WARNING_DAYS = 90;

export const CERTIFICATE_STATES = { valid: '有效', suspended: '暂扣', revoked: '注销' } as const satisfies Record<CertificateState, string>;
export const ANNUAL_REVIEWS = { passed: '已通过', pending: '待年审', failed: '未通过' } as const satisfies Record<AnnualReview, string>;

export type Standing = 'in-force' | 'expiring' | 'expired' | 'not-yet-valid' | 'suspended' | 'revoked' | 'review-failed';

export const STANDINGS = {
  'in-force': '有效',
  expiring: '即将到期',
  expired: '已过期',
  'not-yet-valid': '未生效',
  suspended: '暂扣',
  revoked: '注销',
  'review-failed': '年审未通过',
} as const satisfies Record<Standing, string>;

export interface CertificateFacts {
  state: CertificateState;
  annualReview: AnnualReview;
  issuedOn: string;
  expiresOn: string;
}

function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function standingOf(c: CertificateFacts, today: string): { standing: Standing; daysLeft: number } {
  const daysLeft = daysFrom(today, c.expiresOn);
  const standing: Standing =
    c.state === 'revoked'
      ? 'revoked'
      : c.state === 'suspended'
        ? 'suspended'
        : c.annualReview === 'failed'
          ? 'review-failed'
          : today < c.issuedOn
            ? 'not-yet-valid'
            : today > c.expiresOn
              ? 'expired'
              : daysLeft <= EXPIRY_WARNING_DAYS
                ? 'expiring'
                : 'in-force';
  return { standing, daysLeft };
}

/** May the holder act (and be listed publicly) today? */
export function inForce(c: CertificateFacts, today: string): boolean {
  const s = standingOf(c, today).standing;
  return s === 'in-force' || s === 'expiring';
}
