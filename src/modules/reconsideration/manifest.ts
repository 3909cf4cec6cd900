/** 行政复议: the county's 复议机构 and the respondents' answers, served by the procedure kit, as the platform sees the module. */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import type { Yifa } from '../../platform/yifa.js';
import { procedureRoutes } from '../../procedure/routes.js';
import { journalPolicyOf } from '../../procedure/service.js';
import { commonReplayer } from '../../procedure/replayer.js';
import { RECONSIDERATIONS, RECONSIDERATION_ENTRY } from './procedure.js';
import { reconsiderationRoutes } from './routes.js';
import { RECONSIDERATION_HEAD_LOGIN, RECONSIDERATION_LOGIN, seedDemoReconsiderations, seedReconsiderationStaff } from './demo.js';
import * as reconsiderations from './migrations/030-reconsiderations.js';
import * as tracking from './migrations/037-reconsideration-tracking.js';
import { reconsiderationPortal } from './portal.js';

export const RECONSIDERATION_ROLES = {
  county_reconsideration: '县司法局复议人员',
  reconsideration_head: '县司法局复议机构负责人',
} as const;

export const RECONSIDERATION_PERMISSIONS = {
  'reconsideration.read': '查看、办理行政复议案件（复议机构或者被申请人）',
  'reconsideration.personal-data': '查看行政复议申请人的身份证号、电话和住址',
  'reconsideration.evidence': '处理行政复议案件所附材料（遮盖、共享及撤销共享）',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof RECONSIDERATION_PERMISSIONS, true> {}
  interface RoleRegistry extends Record<keyof typeof RECONSIDERATION_ROLES, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    await app.register(reconsiderationRoutes(yifa));
    await app.register(reconsiderationPortal(yifa));
    await app.register(procedureRoutes(yifa, RECONSIDERATIONS));
  };

export const reconsiderationManifest = {
  id: 'reconsideration',
  name: '行政复议',
  roles: RECONSIDERATION_ROLES,
  permissions: RECONSIDERATION_PERMISSIONS,
  grants: {
    // The 复议机构 runs the case and talks to the applicant.
    county_reconsideration: [
      'org.read',
      'evidence.upload',
      'reconsideration.read',
      'reconsideration.personal-data',
      'reconsideration.evidence',
      // 附带审查 (Arts 56–59): it reads the documents it refers and their drafting bodies' answers.
      'normative.read',
    ],
    // The head of the 复议机构 reads the cases and approves the +30 days of Art 62.
    reconsideration_head: ['org.read', 'reconsideration.read', 'reconsideration.personal-data'],
    // The respondent's head and officers answer (in their region's scope; acting only on their own agency's cases).
    unit_head: ['reconsideration.read'],
    officer: ['reconsideration.read'],
    // Supervision reads the cases and the indicators, personal data masked.
    supervisor: ['reconsideration.read'],
  },
  migrations: { '030-reconsiderations': reconsiderations, '037-reconsideration-tracking': tracking },
  routes,
  journalPolicies: { [RECONSIDERATIONS.proc.subjectType]: journalPolicyOf(RECONSIDERATIONS) },
  projectionReplayers: (db) => [commonReplayer(db, RECONSIDERATIONS.proc) as ProjectionReplayer],
  procedures: [RECONSIDERATION_ENTRY],
  menu: [
    { key: 'reconsiderations', label: '行政复议', path: '/console/reconsiderations', permission: 'reconsideration.read', order: 42 },
    {
      key: 'reconsideration-indicators',
      label: '行政复议指标',
      path: '/console/reconsideration-indicators',
      permission: 'reconsideration.read',
      order: 43,
    },
  ],
  // After the penalty cases (their decisions are what is challenged).
  demo: {
    order: 45,
    seed: async (yifa, opts) => {
      await seedReconsiderationStaff(yifa, opts);
      await seedDemoReconsiderations(yifa);
    },
    logins: [
      { username: RECONSIDERATION_LOGIN, role: 'county_reconsideration', roleName: RECONSIDERATION_ROLES.county_reconsideration },
      { username: RECONSIDERATION_HEAD_LOGIN, role: 'reconsideration_head', roleName: RECONSIDERATION_ROLES.reconsideration_head },
    ],
  },
} satisfies ModuleManifest;
