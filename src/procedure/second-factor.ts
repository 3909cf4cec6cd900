/**
 * The second factor a member of the public gives on the portal beside his tracking code: the
 * last four characters of an ID number or a phone he left when filing. Four digits are few, so
 * wrong ones are counted per record and legal day in the database (`portal_factor_failures`,
 * migration 043) — across a restart and every server process — and after MAX_FACTOR_FAILURES
 * the day's attempts stop; the count starts again the next day, or once the right factor is
 * given. Petitions (a 复查 request online) and reconsiderations (an application's progress) use it.
 */
import { z } from 'zod';
import { DomainError } from '../platform/errors.js';
import type { Yifa } from '../platform/yifa.js';

/** The factor as he types it: the last 4 of an ID number (its last may be X) or a phone. */
export const secondFactorSchema = z
  .string()
  .trim()
  .regex(/^[0-9Xx]{4}$/, '请输入身份证号或联系电话的后 4 位（身份证号末位可为 X）');

/** Wrong factors per record and day before the day's refusal. */
export const MAX_FACTOR_FAILURES = 5;

/** The last four characters of each ID number and phone (digits only for a phone), upper case. */
export function factorsOf(people: readonly { idNumber: string | null; phone: string | null }[]): string[] {
  return people
    .flatMap((x) => [x.idNumber, x.phone?.replace(/\D/g, '')])
    .flatMap((v) => (v && v.length >= 4 ? [v.slice(-4).toUpperCase()] : []));
}

async function failuresOn(yifa: Yifa, id: string, today: string): Promise<number> {
  const row = await yifa.db.kysely
    .selectFrom('portal_factor_failures')
    .select('failures')
    .where('record_id', '=', id)
    .where('day', '=', today)
    .executeTakeFirst();
  return row ? Number(row.failures) : 0;
}

/** One more wrong factor, counted in one statement (concurrent attempts each count); earlier days' rows go. */
async function countFailure(yifa: Yifa, id: string, today: string): Promise<number> {
  const at = yifa.clock.now().toISOString();
  return yifa.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('portal_factor_failures').where('day', '<', today).execute();
    const row = await trx
      .insertInto('portal_factor_failures')
      .values({ record_id: id, day: today, failures: 1, last_at: at })
      .onConflict((oc) =>
        oc.columns(['record_id', 'day']).doUpdateSet((eb) => ({ failures: eb('portal_factor_failures.failures', '+', 1), last_at: at })),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return Number(row.failures);
  });
}

/**
 * Checks `given` against the record's factors. Refuses with RATE_LIMITED after too many wrong
 * ones today (`tooMany`), GATE_REFUSED (`noFactor`) when the record holds none, FORBIDDEN —
 * saying how many tries are left today — when it does not match.
 */
export async function verifySecondFactor(
  yifa: Yifa,
  x: { id: string; factors: readonly string[]; given: string; noFactor: string; tooMany: string },
): Promise<void> {
  const today = yifa.clock.today();
  if ((await failuresOn(yifa, x.id, today)) >= MAX_FACTOR_FAILURES) throw new DomainError('RATE_LIMITED', x.tooMany);
  if (!x.factors.length)
    throw new DomainError('GATE_REFUSED', x.noFactor, {
      details: { refusals: [{ message: x.noFactor, citation: null, field: 'verify' }] },
    });
  if (!x.factors.includes(x.given.trim().toUpperCase())) {
    const left = MAX_FACTOR_FAILURES - (await countFailure(yifa, x.id, today));
    throw new DomainError(
      'FORBIDDEN',
      `身份验证未通过：请输入登记的身份证号或联系电话的后 4 位（${left > 0 ? `今天还可尝试 ${left} 次` : '今天的尝试次数已用完，请明天再试'}）`,
    );
  }
  // Proven: the day's count starts again.
  await yifa.db.kysely.deleteFrom('portal_factor_failures').where('record_id', '=', x.id).where('day', '=', today).execute();
}
