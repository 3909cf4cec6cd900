/**
 * The second factor a member of the public gives on the portal beside his tracking code: the
 * last four characters of an ID number or a phone he left when filing. Four digits are few, so
 * failures are counted per record and day and refused after MAX_FAILURES. Petitions (a 复查
 * request online) and reconsiderations (reading an application's progress) use it.
 */
import { DomainError } from '../platform/errors.js';

/** Failed verifications per record and day before the day's refusal. */
export const MAX_FACTOR_FAILURES = 5;
const failures = new Map<string, number>();

/** The last four characters of each ID number and phone (digits only for a phone), upper case. */
export function factorsOf(people: readonly { idNumber: string | null; phone: string | null }[]): string[] {
  return people
    .flatMap((x) => [x.idNumber, x.phone?.replace(/\D/g, '')])
    .flatMap((v) => (v && v.length >= 4 ? [v.slice(-4).toUpperCase()] : []));
}

/**
 * Checks `given` against the record's factors; a wrong one is counted. Refuses with
 * RATE_LIMITED after too many failures today, GATE_REFUSED (`noFactor`) when the record holds
 * none, FORBIDDEN when it does not match.
 */
export function verifySecondFactor(x: {
  id: string;
  today: string;
  factors: readonly string[];
  given: string;
  noFactor: string;
  tooMany: string;
}) {
  const key = `${x.today}:${x.id}`;
  if ((failures.get(key) ?? 0) >= MAX_FACTOR_FAILURES) throw new DomainError('RATE_LIMITED', x.tooMany);
  if (!x.factors.length)
    throw new DomainError('GATE_REFUSED', x.noFactor, {
      details: { refusals: [{ message: x.noFactor, citation: null, field: 'verify' }] },
    });
  if (!x.factors.includes(x.given.trim().toUpperCase())) {
    // Bounded: a day's counts only (older days are dropped as the map grows).
    if (failures.size > 10_000) failures.clear();
    failures.set(key, (failures.get(key) ?? 0) + 1);
    throw new DomainError('FORBIDDEN', '身份验证未通过：请输入登记的身份证号或联系电话的后 4 位');
  }
}
