/**
 * The API client: same-origin cookies, the session's CSRF token on every change, an
 * Idempotency-Key on every POST/PATCH/PUT, and errors as ApiError with the server's
 * stable code and Chinese message.
 */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly citation?: string) {
    super(message);
  }
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (method !== 'DELETE') headers['idempotency-key'] = crypto.randomUUID();
  }
  const res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    if (res.status === 401 && location.pathname.startsWith('/console') && !location.pathname.startsWith('/console/login')) {
      location.assign(`/console/login?next=${encodeURIComponent(location.pathname)}`);
    }
    throw new ApiError(res.status, e.code ?? 'INTERNAL', e.message ?? `请求失败（${res.status}）`, e.citation);
  }
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
