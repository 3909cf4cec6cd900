/**
 * Throttling of password guesses. It replaces a hard lockout, which let anyone lock any
 * account (five wrong passwords) and told them that the account existed.
 *
 * LOGIN: every attempt is checked against three counts of recent failures; the longest
 * wait applies.
 *
 *   count (LOGIN_THROTTLE)      guesses   then waits          at most  failures of the last  restarts after
 *                              at once
 *   accountAtAddress                5   1 s, 2 s, 4 s, …     10 min   24 hours              a login of the account from that address
 *   address (any account)          20   1 s, 2 s, 4 s, …      5 min   1 hour                —
 *   account (any address)          10   1 s, 2 s, 4 s, …      1 min   1 hour                —   (not applied at a known address)
 *
 * - A failure is a login with a wrong password, an unknown username or an inactive
 *   account: the client gets the same answer for all three, so they must count alike.
 * - After n failures in a count, the next attempt must wait
 *   min(firstWait × 2^(n − free), maxWait) after the newest of them once n ≥ free:
 *   `free` guesses come at once, the next after 1 s, then 2 s, 4 s, …
 * - An attempt inside its wait is refused with 429 RATE_LIMITED and logged as
 *   'throttled', without checking its password. It is no guess, so it does not count:
 *   hammering during a wait does not lengthen it.
 * - Counts are keyed by the username as typed and the client's address (addressKey:
 *   IPv6 by /64), never by whether the account exists, so a wait reveals nothing.
 * - A known address is one from which the account logged in within KNOWN_ADDRESS_DAYS.
 *
 * Why a stranger cannot keep the owner out: guesses from one address fill the first two
 * counts for that address only; the owner at another address is not slowed by them. The
 * third count is the only one a stranger can push onto the owner: it is gentle (at most
 * a minute), and the owner's usual addresses ignore it. It is there so that many
 * addresses together (a botnet) get at most about one guess a minute per account.
 *
 * CHANGING ONE'S OWN PASSWORD (PASSWORD_CHANGE_THROTTLE): wrong old passwords of one
 * user, 3 at once, then 1 s, 2 s, 4 s, … at most 10 min, failures of the last 24 hours,
 * restarting after a change. It slows someone who found a session open and tries to
 * take the account over by guessing its password.
 *
 * The counts are read from the login log, so they hold across restarts and across
 * several servers on one database. Within one server, attempts sharing a count run one
 * at a time (KeyedQueue), so a burst cannot read one count many times at once.
 */
import type { Kysely } from 'kysely';
import type { Database, LoginOutcome } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/errors.js';

export interface ThrottleRule {
  /** Guesses allowed without a wait. */
  free: number;
  /** The wait after the `free`-th failure; each further failure doubles it. */
  firstWaitSeconds: number;
  /** The wait never grows beyond this. */
  maxWaitSeconds: number;
  /** Failures older than this are forgotten. */
  windowMinutes: number;
}

export type LoginCount = 'accountAtAddress' | 'address' | 'account';

export const LOGIN_THROTTLE = {
  accountAtAddress: { free: 5, firstWaitSeconds: 1, maxWaitSeconds: 600, windowMinutes: 24 * 60 },
  address: { free: 20, firstWaitSeconds: 1, maxWaitSeconds: 300, windowMinutes: 60 },
  account: { free: 10, firstWaitSeconds: 1, maxWaitSeconds: 60, windowMinutes: 60 },
} as const satisfies Record<LoginCount, ThrottleRule>;

export const PASSWORD_CHANGE_THROTTLE = {
  free: 3,
  firstWaitSeconds: 1,
  maxWaitSeconds: 600,
  windowMinutes: 24 * 60,
} as const satisfies ThrottleRule;

/** An address the account logged in from within this many days is exempt from the per-account count. */
export const KNOWN_ADDRESS_DAYS = 90;

/** The outcomes that are guesses at a login. */
export const LOGIN_FAILURES = ['bad-password', 'unknown-user', 'inactive'] as const satisfies readonly LoginOutcome[];

/** Milliseconds the next attempt must wait after the newest of `failures` failures. */
export function waitAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.firstWaitSeconds * 2 ** (failures - rule.free), rule.maxWaitSeconds) * 1000;
}

/** How many failures to read: with this many the wait has reached its maximum. */
function failuresNeeded(rule: ThrottleRule): number {
  return rule.free + Math.ceil(Math.log2(rule.maxWaitSeconds / rule.firstWaitSeconds));
}

/** What is left of the wait, given the failures' times newest first. */
function remaining(rule: ThrottleRule, newestFirst: string[], now: Date): number {
  const newest = newestFirst[0];
  if (newest === undefined) return 0;
  return Math.max(0, Date.parse(newest) + waitAfter(rule, newestFirst.length) - now.getTime());
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

interface Count {
  username?: string;
  addressKey?: string;
  outcomes: readonly LoginOutcome[];
  /** Only rows after this instant (ISO) and not after `now` count: a clock set back forgets nothing for good. */
  after: string;
}

async function failureTimes(db: Kysely<Database>, count: Count, rule: ThrottleRule, now: Date): Promise<string[]> {
  let q = db
    .selectFrom('login_log')
    .select('at')
    .where('outcome', 'in', count.outcomes)
    .where('at', '>', count.after)
    .where('at', '<=', now.toISOString());
  if (count.username !== undefined) q = q.where('username', '=', count.username);
  if (count.addressKey !== undefined) q = q.where('address_key', '=', count.addressKey);
  const rows = await q.orderBy('at', 'desc').limit(failuresNeeded(rule)).execute();
  return rows.map((r) => r.at);
}

async function newest(
  db: Kysely<Database>,
  where: { username: string; addressKey?: string; outcome: LoginOutcome; after: string },
  now: Date,
): Promise<string | undefined> {
  let q = db
    .selectFrom('login_log')
    .select('at')
    .where('username', '=', where.username)
    .where('outcome', '=', where.outcome)
    .where('at', '>', where.after)
    .where('at', '<=', now.toISOString());
  if (where.addressKey !== undefined) q = q.where('address_key', '=', where.addressKey);
  return (await q.orderBy('at', 'desc').limit(1).executeTakeFirst())?.at;
}

/**
 * Milliseconds a login of `username` from `addressKey` must still wait (0: it may try
 * now). The same four reads run for every attempt, whether or not the account exists.
 */
export async function loginWait(db: Kysely<Database>, username: string, addressKey: string, now: Date): Promise<number> {
  const rules = LOGIN_THROTTLE;
  const lastLogin = await newest(
    db,
    { username, addressKey, outcome: 'success', after: minutesBefore(now, KNOWN_ADDRESS_DAYS * 24 * 60) },
    now,
  );
  const pair = await failureTimes(
    db,
    {
      username,
      addressKey,
      outcomes: LOGIN_FAILURES,
      after: later(minutesBefore(now, rules.accountAtAddress.windowMinutes), lastLogin),
    },
    rules.accountAtAddress,
    now,
  );
  const address = await failureTimes(
    db,
    { addressKey, outcomes: LOGIN_FAILURES, after: minutesBefore(now, rules.address.windowMinutes) },
    rules.address,
    now,
  );
  const account = await failureTimes(
    db,
    { username, outcomes: LOGIN_FAILURES, after: minutesBefore(now, rules.account.windowMinutes) },
    rules.account,
    now,
  );
  return Math.max(
    remaining(rules.accountAtAddress, pair, now),
    remaining(rules.address, address, now),
    lastLogin === undefined ? remaining(rules.account, account, now) : 0,
  );
}

/** Milliseconds a change of `username`'s own password must still wait (0: it may try now). */
export async function passwordChangeWait(db: Kysely<Database>, username: string, now: Date): Promise<number> {
  const rule = PASSWORD_CHANGE_THROTTLE;
  const windowStart = minutesBefore(now, rule.windowMinutes);
  const lastChange = await newest(db, { username, outcome: 'password-changed', after: windowStart }, now);
  const failures = await failureTimes(db, { username, outcomes: ['bad-old-password'], after: later(windowStart, lastChange) }, rule, now);
  return remaining(rule, failures, now);
}

/** The refusal of an attempt inside its wait; the same for every account, existing or not. */
export function throttledError(kind: 'login' | 'password-change', waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const after = seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  const message = kind === 'login' ? `登录尝试过于频繁，请 ${after}后再试` : `原密码错误次数过多，请 ${after}后再试`;
  return new AppError('RATE_LIMITED', message, { details: { retryAfterSeconds: seconds } });
}
