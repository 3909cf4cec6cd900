/** 人民调解: committees, disputes mediated as a procedure of the kit, and their statistics, as the platform sees the module. */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import type { Yifa } from '../../platform/yifa.js';
import { fieldsOf, line } from '../../journal/readable.js';
import { procedureRoutes } from '../../procedure/routes.js';
import { journalPolicyOf } from '../../procedure/service.js';
import { commonReplayer } from '../../procedure/replayer.js';
import { DISPUTES, DISPUTE_ENTRY } from './procedure.js';
import { mediationRoutes } from './routes.js';
import { seedDemoMediation } from './demo.js';
import * as mediation from './migrations/022-mediation.js';

export const MEDIATION_PERMISSIONS = {
  'mediation.read': '查看、办理人民调解纠纷及调解委员会',
  'mediation.personal-data': '查看调解当事人的身份证号、电话和住址',
  'mediation.committee.manage': '登记人民调解委员会和调解小组',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof MEDIATION_PERMISSIONS, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    await app.register(mediationRoutes(yifa));
    await app.register(procedureRoutes(yifa, DISPUTES));
  };

export const mediationManifest = {
  id: 'mediation',
  name: '人民调解',
  permissions: MEDIATION_PERMISSIONS,
  grants: {
    // The mediator runs the dispute (the table's roles) and sees the parties he talks to.
    mediator: ['mediation.read', 'mediation.personal-data'],
    // The 司法所 guides the committees (人民调解委员会组织条例 Art 2) and keeps their roll.
    justice_office: ['mediation.read', 'mediation.committee.manage'],
    // Supervision reads the disputes and the statistics, with the parties' personal data masked.
    supervisor: ['mediation.read'],
  },
  migrations: { '022-mediation': mediation },
  routes,
  journalPolicies: {
    [DISPUTES.proc.subjectType]: journalPolicyOf(DISPUTES),
    // A committee's roll names its members, no personal data.
    'mediation-committee': { readPermission: 'mediation.read', mask: (entry) => entry },
  },
  actionTexts: {
    'mediation.committee.create': {
      title: '登记人民调解委员会',
      summary: ({ payload }) => line([['名称', fieldsOf(payload).name]]),
    },
    'mediation.group.create': { title: '设立调解小组', summary: ({ payload }) => line([['名称', fieldsOf(payload).name]]) },
  },
  projectionReplayers: (db) => [commonReplayer(db, DISPUTES.proc) as ProjectionReplayer],
  procedures: [DISPUTE_ENTRY],
  menu: [
    { key: 'disputes', label: '人民调解', path: '/console/disputes', permission: 'mediation.read', order: 37 },
    { key: 'mediation-statistics', label: '人民调解统计', path: '/console/mediation-statistics', permission: 'mediation.read', order: 38 },
    {
      key: 'mediation-committees',
      label: '人民调解委员会',
      path: '/console/mediation-committees',
      permission: 'mediation.read',
      order: 39,
    },
  ],
  // After the town (its people and the mediator) exists.
  demo: {
    order: 40,
    seed: async (yifa, opts) => {
      await seedDemoMediation(yifa, opts);
    },
  },
} satisfies ModuleManifest;
