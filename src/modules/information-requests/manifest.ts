/** 政府信息公开申请: requests for government information, served by the procedure kit, as the platform sees the module. */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import type { Yifa } from '../../platform/yifa.js';
import { procedureRoutes } from '../../procedure/routes.js';
import { journalPolicyOf } from '../../procedure/service.js';
import { commonReplayer } from '../../procedure/replayer.js';
import { INFORMATION_REQUESTS, INFORMATION_REQUEST_ENTRY } from './procedure.js';
import { REQUEST_RECEIVER } from './linked.js';
import { informationRequestPortal } from './portal.js';
import { seedDemoInformationRequests } from './demo.js';
import * as informationRequests from './migrations/016-information-requests.js';
import * as requestWaiting from './migrations/021-request-waiting.js';

export const INFORMATION_REQUEST_PERMISSIONS = {
  'information-request.read': '查看、办理政府信息公开申请',
  'information-request.personal-data': '查看政府信息公开申请人的身份证号、电话、邮箱和地址',
  'information-request.evidence': '处理申请所附材料（遮盖、共享及撤销共享）',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof INFORMATION_REQUEST_PERMISSIONS, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    await app.register(procedureRoutes(yifa, INFORMATION_REQUESTS));
    await app.register(informationRequestPortal(yifa));
  };

export const informationRequestsManifest = {
  id: 'information-requests',
  name: '政府信息公开申请',
  permissions: INFORMATION_REQUEST_PERMISSIONS,
  grants: {
    // The clerk attaches the files (the table's roles), and so redacts and shares them.
    disclosure_clerk: ['information-request.read', 'information-request.personal-data', 'information-request.evidence'],
    // The head of the 政府信息公开工作机构 approves extensions (Art 33).
    unit_head: ['information-request.read', 'information-request.personal-data'],
    // Supervision reads requests, with the applicants' personal data masked.
    supervisor: ['information-request.read'],
  },
  migrations: { '016-information-requests': informationRequests, '021-request-waiting': requestWaiting },
  routes,
  journalPolicies: { [INFORMATION_REQUESTS.proc.subjectType]: journalPolicyOf(INFORMATION_REQUESTS) },
  projectionReplayers: (db) => [commonReplayer(db, INFORMATION_REQUESTS.proc) as ProjectionReplayer],
  // …and receives petitions routed into a request (信访工作条例 Art 31; src/procedure/links.ts).
  procedures: [{ ...INFORMATION_REQUEST_ENTRY, receives: REQUEST_RECEIVER }],
  menu: [
    {
      key: 'information-requests',
      label: '政府信息公开申请',
      path: '/console/information-requests',
      permission: 'information-request.read',
      order: 35,
    },
  ],
  // After the town (its clerk and head) exists.
  demo: {
    order: 30,
    seed: async (yifa) => {
      await seedDemoInformationRequests(yifa);
    },
  },
} satisfies ModuleManifest;
