/**
 * Canonical JSON: object keys sorted, no whitespace, only JSON values. Payloads are
 * stored in this form so the same content always hashes to the same leaf, and projection
 * states (projection.ts) so that the stored text is what their hash covers.
 *
 * Written as loops that append to one string: every action encodes its payload and its
 * case's state (a few kB), and the map/filter/sort/join version took about twice as long.
 * test/unit/projection.test.ts checks it against that version on random values.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? arrayJson(value) : objectJson(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

function arrayJson(a: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    if (i > 0) out += ',';
    // A hole in a sparse array stays empty, as Array.prototype.map left it.
    if (i in a) out += canonicalJson(a[i]);
  }
  return out + ']';
}

/**
 * Keys encoded once: states and payloads use a few hundred names over and over, and
 * JSON.stringify of each was a quarter of the time. Bounded, for payloads with keys of
 * their own.
 */
const keyJson = new Map<string, string>();

function encodedKey(k: string): string {
  let json = keyJson.get(k);
  if (json === undefined) {
    json = JSON.stringify(k);
    if (keyJson.size < 10_000) keyJson.set(k, json);
  }
  return json;
}

function objectJson(o: Record<string, unknown>): string {
  // The default sort compares UTF-16 code units, as the comparator `a < b` does.
  const keys = Object.keys(o).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    out += (first ? '' : ',') + encodedKey(k) + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
}
