/** 网上执法办案: administrative penalty cases from 案源 to 归档, as the platform sees the module. */
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import { penaltyCaseRoutes } from './routes.js';
import { ENFORCEMENT_JOURNAL_POLICIES } from './journal-policy.js';
import { penaltyCaseReplayer } from './projection.js';
import { PENALTY_CASES } from './evidence.js';
import { CASE_SOURCE_RECEIVER } from './linked.js';
import { seedDemoCases } from './demo.js';
import * as penaltyCases from './migrations/002-penalty-cases.js';
import * as caseSearch from './migrations/003-case-search.js';
import * as recordingCoverage from './migrations/005-recording-coverage.js';
import * as overdueOrder from './migrations/007-overdue-order.js';
import * as penaltySameAct from './migrations/034-penalty-same-act.js';
import * as projectionStateHash from './migrations/011-projection-state-hash.js';
import * as penaltyWaiting from './migrations/020-penalty-waiting.js';
import * as penaltyWaitingPeople from './migrations/026-penalty-waiting-people.js';

export const ENFORCEMENT_PERMISSIONS = {
  'penalty.read': '查看行政处罚案件',
  'penalty.party-data': '查看案件当事人的身份证号（统一社会信用代码）、电话和住址',
  // Who may take each step of a case (登记 … 归档, 法制审核 included) is the action table's
  // roles (workflow.ts), not a permission; this one covers the case's evidence.
  'penalty.act': '处理案件证据（遮盖、共享及撤销共享）',
  'enforcement.settings': '维护法制审核目录、裁量基准等执法设置',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof ENFORCEMENT_PERMISSIONS, true> {}
}

export const enforcementManifest = {
  id: 'enforcement',
  name: '网上执法办案',
  permissions: ENFORCEMENT_PERMISSIONS,
  grants: {
    admin: ['enforcement.settings'],
    officer: ['penalty.read', 'penalty.party-data', 'penalty.act'],
    unit_head: ['penalty.read', 'penalty.party-data', 'penalty.act', 'enforcement.settings'],
    legal_reviewer: ['penalty.read', 'penalty.party-data'],
    // Supervision (执法监督) reviews whole case files, parties included.
    supervisor: ['penalty.read', 'penalty.party-data'],
  },
  migrations: {
    '002-penalty-cases': penaltyCases,
    '003-case-search': caseSearch,
    '005-recording-coverage': recordingCoverage,
    '007-overdue-order': overdueOrder,
    '011-projection-state-hash': projectionStateHash,
    '020-penalty-waiting': penaltyWaiting,
    '026-penalty-waiting-people': penaltyWaitingPeople,
    '034-penalty-same-act': penaltySameAct,
  },
  routes: penaltyCaseRoutes,
  journalPolicies: ENFORCEMENT_JOURNAL_POLICIES,
  // Its cases' actions are named by their table (the root asks PENALTY_CASES); these are the module's own.
  actionTexts: { 'enforcement.settings.update': { title: '修改执法设置', summary: () => '修改了法制审核目录、裁量基准等执法设置' } },
  projectionReplayers: (db) => [penaltyCaseReplayer(db) as ProjectionReplayer],
  // …and receives petitions routed into a 案源 (信访工作条例 Art 31; src/procedure/links.ts).
  procedures: [{ ...PENALTY_CASES, receives: CASE_SOURCE_RECEIVER }],
  menu: [
    { key: 'penalty-cases', label: '行政处罚案件', path: '/console/penalty-cases', permission: 'penalty.read', order: 20 },
    { key: 'recording-coverage', label: '音像记录覆盖率', path: '/console/recording-coverage', permission: 'penalty.read', order: 30 },
    {
      key: 'enforcement-settings',
      label: '执法设置',
      path: '/console/enforcement-settings',
      permission: 'enforcement.settings',
      order: 32,
    },
  ],
  // A year of cases, after the town that handles them.
  demo: {
    order: 20,
    seed: async (yifa) => {
      await seedDemoCases(yifa);
    },
  },
} satisfies ModuleManifest;
