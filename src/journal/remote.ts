/**
 * HTTP to another yifa (or wherever an external checkpoint is kept). Answers are read
 * with a time limit and a size limit: the other side is not trusted, and a witness run
 * from cron must end.
 */

const TIMEOUT_MS = 20_000;
/** Checkpoints, keys and proofs are a few kilobytes; a megabyte is far more than any. */
const MAX_BYTES = 1024 * 1024;

/** The other side could not be asked, or answered with an error: nothing can be concluded from it. */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function fetchLimited(
  url: string,
  init: { method?: 'GET' | 'POST'; json?: unknown } = {},
): Promise<{ status: number; text: string }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      headers:
        init.json === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    throw new RemoteError(`无法连接 ${url}：${causeOf(e)}`);
  }
  const text = await readLimited(res, url);
  if (!res.ok) throw new RemoteError(`${url} 答复 HTTP ${res.status}：${errorMessageOf(text)}`, res.status, errorCodeOf(text));
  return { status: res.status, text };
}

export async function fetchJson(url: string, init: { method?: 'GET' | 'POST'; json?: unknown } = {}): Promise<unknown> {
  const { text } = await fetchLimited(url, init);
  try {
    return JSON.parse(text);
  } catch {
    throw new RemoteError(`${url} 的答复不是 JSON`);
  }
}

async function readLimited(res: Response, url: string): Promise<string> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      if (total > MAX_BYTES) throw new RemoteError(`${url} 的答复超过 ${MAX_BYTES} 字节`);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof RemoteError) throw e;
    throw new RemoteError(`读取 ${url} 的答复失败：${causeOf(e)}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function causeOf(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return `${TIMEOUT_MS / 1000} 秒内无答复`;
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

/** yifa answers errors as {"error": {"code", "message"}}; anything else is shown cut short. */
function errorMessageOf(text: string): string {
  try {
    const m = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof m === 'string') return m;
  } catch {
    // not yifa's error shape
  }
  return text.slice(0, 200) || '（无内容）';
}

function errorCodeOf(text: string): string | undefined {
  try {
    const c = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
    return typeof c === 'string' ? c : undefined;
  } catch {
    return undefined;
  }
}
