/** 行政应诉: the town or agency defending its acts in court, served by the procedure kit, as the platform sees the module. */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import type { Yifa } from '../../platform/yifa.js';
import { procedureRoutes } from '../../procedure/routes.js';
import { journalPolicyOf } from '../../procedure/service.js';
import { commonReplayer } from '../../procedure/replayer.js';
import { LAWSUITS, LAWSUIT_ENTRY } from './procedure.js';
import { litigationRoutes } from './routes.js';
import { seedDemoLawsuits } from './demo.js';
import * as lawsuits from './migrations/036-lawsuits.js';

export const LITIGATION_PERMISSIONS = {
  'litigation.read': '查看、办理行政应诉案件（本机关为被告的）',
  'litigation.personal-data': '查看行政诉讼原告的身份证号、电话和住所',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof LITIGATION_PERMISSIONS, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    await app.register(litigationRoutes(yifa));
    await app.register(procedureRoutes(yifa, LAWSUITS));
  };

export const litigationManifest = {
  id: 'litigation',
  name: '行政应诉',
  permissions: LITIGATION_PERMISSIONS,
  grants: {
    // The agency's legal staff and its head defend (in their region's scope; acting only on their own agency's lawsuits).
    legal_reviewer: ['litigation.read', 'litigation.personal-data'],
    unit_head: ['litigation.read', 'litigation.personal-data'],
    // Supervision reads the lawsuits and the indicators, personal data masked.
    supervisor: ['litigation.read'],
  },
  migrations: { '036-lawsuits': lawsuits },
  routes,
  journalPolicies: { [LAWSUITS.proc.subjectType]: journalPolicyOf(LAWSUITS) },
  projectionReplayers: (db) => [commonReplayer(db, LAWSUITS.proc) as ProjectionReplayer],
  procedures: [LAWSUIT_ENTRY],
  menu: [
    { key: 'lawsuits', label: '行政应诉', path: '/console/lawsuits', permission: 'litigation.read', order: 44 },
    { key: 'litigation-indicators', label: '应诉指标', path: '/console/litigation-indicators', permission: 'litigation.read', order: 45 },
  ],
  // After the penalty cases and the reconsiderations (the decisions sued are the penalty cases').
  demo: { order: 46, seed: async (yifa) => void (await seedDemoLawsuits(yifa)) },
} satisfies ModuleManifest;
