/**
 * Text no field accepts: control characters (tab, line feed and carriage return excepted),
 * Unicode's non-characters U+FFFE/U+FFFF, lone UTF-16 surrogates, and the bidirectional
 * overrides that make a file name or a party's name read differently from what it is.
 * Such text cannot come from a keyboard; stored, it breaks documents, exports and other
 * systems that read them, or hides what a record says. Every request's body, query and
 * path parameters are checked before validation (app.ts), so no field can forget it.
 */

// C0 controls but \t \n \r, DEL and C1 controls; bidi embeddings/overrides/isolates; non-characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this check is for
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface UnsafeText {
  /** Dotted path of the field, e.g. `payload.party.name` */
  path: string;
  reason: string;
}

function problemOf(s: string): string | null {
  if (LONE_SURROGATE.test(s)) return '含有不成对的 UTF-16 代理字符（无效的 Unicode 文本）';
  const m = UNSAFE.exec(s);
  if (m) return `含有不可见的控制字符 U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return null;
}

/**
 * Parsed JSON (plain objects), query strings (fast-querystring's objects, whose prototype
 * is an empty object without one) and path parameters — not a streamed body (an upload's
 * bytes are not text, and a stream's internals are no fields) nor any other class instance.
 */
function isDictionary(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** The first field (or key) of `value` holding text no field accepts; null when all is well. */
export function findUnsafeText(value: unknown, path = ''): UnsafeText | null {
  if (typeof value === 'string') {
    const reason = problemOf(value);
    return reason ? { path, reason } : null;
  }
  if (!value || typeof value !== 'object') return null;
  if (!Array.isArray(value) && !isDictionary(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    const keyReason = problemOf(k);
    if (keyReason) return { path: at, reason: keyReason };
    const inner = findUnsafeText(v, at);
    if (inner) return inner;
  }
  return null;
}
