/**
 * One error shape for the whole API:
 * {"error": {"code": "STABLE_CODE", "message": "中文说明", "citation"?: "…", "details"?: …}}
 * A DomainError (platform/errors.ts) answers with the status its code maps to here.
 */
import { DomainError, type ErrorCode } from '../errors.js';

export { conflict, invalid, notFound, type ErrorCode } from '../errors.js';
/** The modules' name for DomainError (their services throw it; it is the same class). */
export { DomainError as AppError };

export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  CSRF_TOKEN_MISSING: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GATE_REFUSED: 409,
  /** No longer sent: accounts are not locked, guesses are throttled (RATE_LIMITED, modules/org/throttle.ts). Kept: codes are never removed. */
  ACCOUNT_LOCKED: 429,
  /** Too many requests, or a login / password change inside its throttling wait (details.retryAfterSeconds, Retry-After) */
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  /** An upload's content does not have the SHA-256 the client declared */
  HASH_MISMATCH: 422,
  /** A chunk sent at another offset than the upload has reached */
  UPLOAD_OFFSET_MISMATCH: 409,
  /** A file whose bytes are not of the type it claims */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A Range header outside the file */
  RANGE_NOT_SATISFIABLE: 416,
  /** A cosignature from a witness whose key is not in YIFA_TRUSTED_WITNESSES */
  WITNESS_UNTRUSTED: 403,
  /** A cosignature of a checkpoint (size and root) this journal never signed */
  CHECKPOINT_UNKNOWN: 409,
  /** A signature that does not verify against the key sent with it */
  SIGNATURE_INVALID: 422,
  INTERNAL: 500,
  /**
   * A record's stored projection is not what its journal proves (changed outside yifa):
   * nothing is rendered or done from it. 500, not 409: the fault is in the server's data,
   * no change to the request can resolve it, and monitoring that pages on 5xx should fire.
   */
  INTEGRITY_ERROR: 500,
} as const satisfies Record<ErrorCode, number>;

export function statusOf(e: DomainError): number {
  return ERROR_STATUS[e.code];
}

export function errorBody(e: DomainError) {
  return { error: { code: e.code, message: e.message, ...e.extra } };
}
