/** 组织机构与人员: the org tree, people and 执法证, users, roles and sessions, as the platform sees the module. */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { Yifa } from '../../platform/yifa.js';
import { ROLES } from './roles.js';
import { orgRoutes } from './routes.js';
import { sessionRoutes } from './session-routes.js';
import { resolveSession } from './sessions.js';
import { ORG_JOURNAL_POLICIES } from './journal-policy.js';
import { ORG_ACTION_TEXTS } from './journal-text.js';
import { DEMO_LOGINS, demoTownPresent, seedDemoTown } from './demo.js';
import * as loginThrottle from './migrations/013-login-throttle.js';

export const ORG_PERMISSIONS = {
  'org.read': '查看组织机构与人员',
  'org.manage': '维护区划、执法主体、科室与人员',
  'certificate.manage': '管理执法证与法律职业资格',
  'user.manage': '管理用户、角色与数据权限',
  'login-log.read': '查看登录日志',
  'person.personal-data': '查看身份证号、电话等个人信息',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof ORG_PERMISSIONS, true> {}
  interface RoleRegistry extends Record<keyof typeof ROLES, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    await app.register(sessionRoutes(yifa));
    await app.register(orgRoutes(yifa));
  };

export const orgManifest = {
  id: 'org',
  name: '组织机构与人员',
  permissions: ORG_PERMISSIONS,
  roles: ROLES,
  // Each role's org permissions, and the journal's and the calendar's (the platform's services name no role).
  grants: {
    admin: [
      'org.read',
      'org.manage',
      'certificate.manage',
      'user.manage',
      'calendar.manage',
      'clock.manage',
      'journal.read',
      'login-log.read',
      'person.personal-data',
    ],
    officer: ['org.read'],
    unit_head: ['org.read', 'journal.read'],
    legal_reviewer: ['org.read'],
    justice_office: ['org.read', 'journal.read'],
    mediator: ['org.read'],
    petition_clerk: ['org.read'],
    disclosure_clerk: ['org.read'],
    supervisor: ['org.read', 'journal.read', 'login-log.read'],
  },
  migrations: { '013-login-throttle': loginThrottle },
  routes,
  journalPolicies: ORG_JOURNAL_POLICIES,
  actionTexts: ORG_ACTION_TEXTS,
  menu: [
    { key: 'dashboard', label: '工作台', path: '/console/dashboard', permission: 'org.read', order: 10 },
    { key: 'regions', label: '区划', path: '/console/regions', permission: 'org.read', order: 40 },
    { key: 'agencies', label: '执法主体', path: '/console/agencies', permission: 'org.read', order: 50 },
    { key: 'people', label: '人员', path: '/console/people', permission: 'org.read', order: 60 },
    { key: 'certificates', label: '执法证', path: '/console/certificates', permission: 'org.read', order: 70 },
    { key: 'users', label: '用户与角色', path: '/console/users', permission: 'user.manage', order: 80 },
    { key: 'login-log', label: '登录日志', path: '/console/login-log', permission: 'login-log.read', order: 110 },
  ],
  // The town first: everything else happens in it.
  demo: { order: 10, present: demoTownPresent, seed: seedDemoTown, logins: DEMO_LOGINS },
  authenticate: (yifa) => (token) => resolveSession(yifa, token),
} satisfies ModuleManifest;
