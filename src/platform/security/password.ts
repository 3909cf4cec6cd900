/**
 * Password hashing with scrypt (node:crypto), stored as
 * `scrypt$N$r$p$salt$hash` (base64) so parameters can be raised later.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// scrypt needs 128 * N * r bytes: 32 MiB at these parameters; node's default cap is 32 MiB.
const MAXMEM = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('base64'));
  return dummyHash;
}

/** The weakest zxcvbn score a new password may have: 3 = "safely unguessable" against online and throttled attacks. */
export const MIN_PASSWORD_SCORE = 3;

/** Why zxcvbn found a password guessable, in words a user can act on (its warning keys). */
const WEAKNESS: Record<string, string> = {
  topTen: '属于最常见的密码',
  topHundred: '属于最常见的密码',
  common: '属于常见密码',
  similarToCommon: '与常见密码相似',
  straightRow: '是键盘上相邻的一排按键',
  keyPattern: '是键盘上的按键图案',
  simpleRepeat: '有重复的字符',
  extendedRepeat: '有重复的字符组',
  sequences: '有连续的字母或数字（如 abc、123）',
  recentYears: '主要由年份组成',
  dates: '主要由日期组成',
  wordByItself: '主要是一个单词',
  namesByThemselves: '主要是人名或姓氏',
  commonNames: '主要是常见人名或姓氏',
  userInputs: '含有用户名或姓名',
};

type Estimator = { check(password: string, userInputs?: (string | number)[]): { score: number; feedback: { warning: string | null } } };
let estimator: Promise<Estimator> | undefined;

/**
 * zxcvbn with the common-password dictionary and keyboard layouts, built on first use
 * (the dictionaries take about 100 ms to load and are needed only when a password is set).
 * Levenshtein matching stays off: it costs some 100 ms of event-loop time per check.
 */
function strengthEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }),
  );
  return estimator;
}

/**
 * Password rule for new passwords: a clear Chinese message when it is too weak, else
 * undefined. Besides length and character classes, zxcvbn must rate it at least
 * MIN_PASSWORD_SCORE, with the user's own names counted as known to an attacker.
 */
export async function passwordProblem(
  password: string,
  user: { username?: string; displayName?: string } = {},
): Promise<string | undefined> {
  if (password.length < 10) return '密码至少 10 位';
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (user.username && password.toLowerCase().includes(user.username.toLowerCase())) return '密码不能包含用户名';
  const inputs = [user.username, user.displayName].filter((s): s is string => Boolean(s));
  const result = (await strengthEstimator()).check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = result.feedback.warning ? WEAKNESS[result.feedback.warning] : undefined;
  return why
    ? `密码太容易被猜到（${why}），请换一个更复杂的密码`
    : '密码太容易被猜到（如常见密码、键盘序列、重复字符），请换一个更复杂的密码';
}

/** A random password that satisfies passwordProblem (for the demo logins). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(14);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${s}7x`;
}
