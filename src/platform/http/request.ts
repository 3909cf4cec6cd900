import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { journalDenied, requirePermission } from './auth.js';
import type { Permission } from '../security/access.js';
import type { Request } from '../security/request.js';
import type { Yifa } from '../yifa.js';

const idempotencyKey = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

/** The Idempotency-Key header, validated when present. */
export function idempotencyKeyOf(req: FastifyRequest): string | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return null;
  const parsed = idempotencyKey.safeParse(raw);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', 'Idempotency-Key 须为 8–100 位字母、数字或 ._:- 字符');
  return parsed.data;
}

/** Authorizes the request for `permission` and packages what a use case needs. */
export async function serviceRequest(yifa: Yifa, req: FastifyRequest, permission: Permission | readonly Permission[]): Promise<Request> {
  const auth = await requirePermission(yifa, req, permission);
  return {
    auth,
    idempotencyKey: idempotencyKeyOf(req),
    denied: (detail, subject) => journalDenied(yifa, req, 'scope', detail, subject),
  };
}
