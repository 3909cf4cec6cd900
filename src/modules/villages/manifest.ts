/** 村规民约 and 村民代表会议: the villages' rules and their meetings as procedures of the kit, as the platform sees the module. */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import type { Yifa } from '../../platform/yifa.js';
import { procedureRoutes } from '../../procedure/routes.js';
import { journalPolicyOf } from '../../procedure/service.js';
import { commonReplayer } from '../../procedure/replayer.js';
import { VILLAGE_MEETINGS, VILLAGE_MEETINGS_ENTRY, VILLAGE_RULES, VILLAGE_RULES_ENTRY } from './procedures.js';
import { villageRoutes } from './routes.js';
import { seedDemoVillages } from './demo.js';
import * as villages from './migrations/033-villages.js';

export const VILLAGE_PERMISSIONS = {
  'village.read': '查看、办理村规民约和村民代表会议记录（按数据权限）',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof VILLAGE_PERMISSIONS, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    await app.register(villageRoutes(yifa));
    await app.register(procedureRoutes(yifa, VILLAGE_RULES));
    await app.register(procedureRoutes(yifa, VILLAGE_MEETINGS));
  };

export const villagesManifest = {
  id: 'villages',
  name: '村规民约与村民代表会议',
  permissions: VILLAGE_PERMISSIONS,
  grants: {
    // The village committee's clerk (村委会文书, a role org names so accounts can be given it) drafts the rules and records the meetings of his village (his data scope).
    village_clerk: ['org.read', 'village.read'],
    // The 司法所 reviews and files the rules for the township government (村民委员会组织法 Art 27).
    justice_office: ['village.read'],
    // Supervision reads them.
    supervisor: ['village.read'],
  },
  migrations: { '033-villages': villages },
  routes,
  journalPolicies: {
    [VILLAGE_RULES.proc.subjectType]: journalPolicyOf(VILLAGE_RULES),
    [VILLAGE_MEETINGS.proc.subjectType]: journalPolicyOf(VILLAGE_MEETINGS),
  },
  projectionReplayers: (db) => [
    commonReplayer(db, VILLAGE_RULES.proc) as ProjectionReplayer,
    commonReplayer(db, VILLAGE_MEETINGS.proc) as ProjectionReplayer,
  ],
  procedures: [VILLAGE_RULES_ENTRY, VILLAGE_MEETINGS_ENTRY],
  menu: [
    { key: 'village-rules', label: '村规民约', path: '/console/village-rules', permission: 'village.read', order: 56 },
    { key: 'village-meetings', label: '村民代表会议', path: '/console/village-meetings', permission: 'village.read', order: 57 },
    { key: 'village-statistics', label: '村务统计', path: '/console/village-statistics', permission: 'village.read', order: 58 },
  ],
  // After the town (its villages, the 司法所) exists.
  demo: { order: 45, seed: seedDemoVillages },
} satisfies ModuleManifest;
