/**
 * Who is asking, as every use case sees it: the session's user, roles, permissions, data
 * scope and journal actor (AuthContext), and the request around it (Request), which also
 * journals a refusal. The HTTP layer builds both (auth.ts, request.ts).
 */
import type { Permission, Role } from './access.js';
import type { Scope } from './scope.js';
import type { Actor } from '../../journal/journal.js';

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    personId: string | null;
    agencyId: string | null;
    regionId: string;
    regionPath: string;
  };
  roles: Role[];
  permissions: Set<Permission>;
  scope: Scope;
  actor: Actor;
}

/** The subject of a refused access, as the journal records it. */
export interface RefusedSubject {
  type: string;
  id: string;
  regionPath?: string | null;
}

export interface Request {
  auth: AuthContext;
  idempotencyKey?: string | null;
  /** Journals a refusal; supplied by the HTTP layer. */
  denied: (detail: Record<string, unknown>, subject?: RefusedSubject) => Promise<void>;
}
