/**
 * Personal data (个人信息) in records and in the journal's payloads: one list of the fields
 * that identify or reach a natural person, and one mask. Every read path that may show such
 * a field to a reader without the right to see it passes through maskPersonal — the
 * person API, the penalty case's party, and the journal — so they cannot drift apart.
 */

/** Why personal fields are withheld from readers who do not need them. */
export const PERSONAL_INFORMATION_CITATION =
  '《中华人民共和国个人信息保护法》第六条、第三十四条（处理个人信息应限于实现处理目的的最小范围）';

/** Keys that hold personal data wherever they occur: 身份证号/统一社会信用代码, 电话, 住址. */
export const PERSONAL_FIELDS = ['idNumber', 'phone', 'address', 'email'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** What a masked field shows (its presence stays visible: the reader knows something is withheld). */
export const MASKED = '***';

const personal = new Set<string>(PERSONAL_FIELDS);

/** A copy of `value` with every non-empty personal field, at any depth, replaced by MASKED. */
export function maskPersonal<T>(value: T): T {
  if (Array.isArray(value)) return value.map(maskPersonal) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = personal.has(k) && v !== null && v !== '' && v !== undefined ? MASKED : maskPersonal(v);
  }
  return out as T;
}

/** A journal mask that shows personal fields only when `visible` says the reader may see them. */
export function personalMask<R>(visible: (reader: R, entry: { payload: unknown; result: unknown }) => boolean) {
  return (entry: { payload: unknown; result: unknown }, reader: R) =>
    visible(reader, entry) ? entry : { payload: maskPersonal(entry.payload), result: maskPersonal(entry.result) };
}
