/** 信访: petitions registered, routed, handled within their limits and trackable by the petitioner, served by the procedure kit. */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import type { Yifa } from '../../platform/yifa.js';
import { procedureRoutes } from '../../procedure/routes.js';
import { journalPolicyOf } from '../../procedure/service.js';
import { commonReplayer } from '../../procedure/replayer.js';
import { PETITIONS, PETITION_ENTRY } from './procedure.js';
import { petitionPortal } from './portal.js';
import { petitionRoutes } from './routes.js';
import { seedDemoPetitions } from './demo.js';
import * as petitions from './migrations/023-petitions.js';
import * as duplicates from './migrations/029-petitions-duplicates.js';
import * as verification from './migrations/043-petitions-verification.js';

export const PETITION_PERMISSIONS = {
  'petition.read': '查看、办理信访事项',
  'petition.personal-data': '查看信访人的身份证号、电话和住址',
  'petition.evidence': '处理信访材料（遮盖、共享及撤销共享）',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof PETITION_PERMISSIONS, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    // Its own static paths first: /petitions/hot-spots is not a petition's id.
    await app.register(petitionRoutes(yifa));
    await app.register(procedureRoutes(yifa, PETITIONS));
    await app.register(petitionPortal(yifa));
  };

export const petitionsManifest = {
  id: 'petitions',
  name: '信访',
  permissions: PETITION_PERMISSIONS,
  grants: {
    // The 信访干部 registers, routes and handles petitions (the table's roles).
    // …and uploads the letters' scans and photos it attaches (the platform's verified upload path).
    petition_clerk: ['petition.read', 'petition.personal-data', 'petition.evidence', 'evidence.upload'],
    // The head approves a handling extension (Art 34).
    unit_head: ['petition.read', 'petition.personal-data'],
    // Supervision reads petitions, with the petitioners' personal data masked.
    supervisor: ['petition.read'],
  },
  migrations: { '023-petitions': petitions, '029-petitions-duplicates': duplicates, '043-petitions-verification': verification },
  routes,
  journalPolicies: { [PETITIONS.proc.subjectType]: journalPolicyOf(PETITIONS) },
  projectionReplayers: (db) => [commonReplayer(db, PETITIONS.proc) as ProjectionReplayer],
  procedures: [PETITION_ENTRY],
  menu: [
    { key: 'petitions', label: '信访事项', path: '/console/petitions', permission: 'petition.read', order: 36 },
    { key: 'petition-hot-spots', label: '信访热点', path: '/console/petition-hot-spots', permission: 'petition.read', order: 50 },
  ],
  // After the town (its 信访干部 and head) exists.
  demo: {
    order: 35,
    seed: async (yifa) => {
      await seedDemoPetitions(yifa);
    },
  },
} satisfies ModuleManifest;
