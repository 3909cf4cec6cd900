/**
 * The API client: same-origin cookies, the session's CSRF token on every change, an
 * Idempotency-Key on every POST/PATCH/PUT, and errors as ApiError with the server's
 * stable code and Chinese message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly citation?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}
/** The session's CSRF token, for requests made outside `api` (upload chunks go through XMLHttpRequest for their progress). */
export const currentCsrfToken = () => csrfToken;

/** An API error body (`{error: {code, message, citation?, details?}}`) as ApiError. */
export function apiErrorOf(status: number, data: unknown, fallback = `请求失败（${status}）`): ApiError {
  const e = (data as { error?: { code?: string; message?: string; citation?: string; details?: unknown } } | undefined)?.error ?? {};
  return new ApiError(status, e.code ?? 'INTERNAL', e.message ?? fallback, e.citation, e.details);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface CallOptions {
  /**
   * The Idempotency-Key to send (default: a new one per call). A form keeps one key per
   * submission, so that sending it again after a lost answer does not act twice.
   */
  idempotencyKey?: string;
  /** Without the session cookie: the public portal's calls, which no login may change */
  anonymous?: boolean;
}

export async function api<T>(method: Method, path: string, body?: unknown, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && !opts.anonymous) {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (method !== 'DELETE') headers['idempotency-key'] = opts.idempotencyKey ?? crypto.randomUUID();
  }
  const credentials = opts.anonymous ? 'omit' : 'same-origin';
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    if (res.status === 401 && location.pathname.startsWith('/console') && !location.pathname.startsWith('/console/login')) {
      location.assign(`/console/login?next=${encodeURIComponent(location.pathname)}`);
    }
    throw new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? `请求失败（${res.status}）`, e.citation, e.details);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown, opts?: CallOptions) => api<T>('POST', path, body ?? {}, opts);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The file name a Content-Disposition header gives (RFC 6266: filename* wins over filename). */
export function dispositionFileName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // a malformed encoding falls through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : fallback;
}

/**
 * Downloads a file the API generates (a case file ZIP) and hands it to the browser under
 * the server's file name; a refusal comes back as ApiError like any other call. With
 * `anonymousPost`, the file is asked for by a POST of that body without the session (the
 * portal's documents, whose tracking code belongs in no URL).
 */
export async function download(path: string, fallbackName: string, anonymousPost?: unknown): Promise<string> {
  const res = await fetch(
    `/api/v1${path}`,
    anonymousPost === undefined
      ? { credentials: 'same-origin' }
      : { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(anonymousPost) },
  );
  if (!res.ok) {
    const data = (await res.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string; citation?: string } }
      | undefined;
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? `下载失败（${res.status}）`, e.citation);
  }
  const name = dispositionFileName(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Revoke once the browser has taken the file.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return name;
}
