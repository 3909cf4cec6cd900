/**
 * Errors a use case raises, whoever called it (a route, the CLI, a timer): a stable code
 * and a Chinese message, and the article that refused it when a rule did. Nothing here
 * knows HTTP; the HTTP layer maps each code to a status (http/errors.ts).
 * Codes are stable: scripts and the web app switch on them; add, never rename.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'CSRF_TOKEN_MISSING'
  | 'FORBIDDEN'
  | 'OUT_OF_SCOPE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GATE_REFUSED'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'HASH_MISMATCH'
  | 'UPLOAD_OFFSET_MISMATCH'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RANGE_NOT_SATISFIABLE'
  | 'WITNESS_UNTRUSTED'
  | 'CHECKPOINT_UNKNOWN'
  | 'SIGNATURE_INVALID'
  | 'INTERNAL'
  | 'INTEGRITY_ERROR';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { citation?: string; details?: unknown } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在或您无权查看`);
export const conflict = (message: string, details?: unknown) => new DomainError('CONFLICT', message, details ? { details } : {});
export const invalid = (message: string, details?: unknown) => new DomainError('INVALID_INPUT', message, details ? { details } : {});
