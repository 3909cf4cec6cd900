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
import { DISPUTE_RECEIVER } from './linked.js';
import { ADMIN_MEDIATIONS, ADMIN_MEDIATION_ENTRY } from './admin-procedure.js';
import { mediationRoutes } from './routes.js';
import { seedDemoMediation } from './demo.js';
import * as mediation from './migrations/022-mediation.js';
import * as screening from './migrations/028-mediation-screening.js';
import * as administrative from './migrations/042-mediation-administrative.js';
import * as statisticsOrder from './migrations/044-mediation-statistics-order.js';
import { SCREENING_SUBJECT } from './screening.js';

export const MEDIATION_PERMISSIONS = {
  'mediation.read': '查看、办理人民调解纠纷及调解委员会',
  'mediation.personal-data': '查看调解当事人的身份证号、电话和住址',
  'mediation.committee.manage': '登记人民调解委员会和调解小组',
  'mediation.screening': '记录矛盾纠纷排查台账（本人所在调解委员会）',
  'mediation.roster': '登记平安志愿者及其活动',
  'mediation.administrative': '办理本机关的行政调解（含当事人个人信息）',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof MEDIATION_PERMISSIONS, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    await app.register(mediationRoutes(yifa));
    await app.register(procedureRoutes(yifa, DISPUTES));
    await app.register(procedureRoutes(yifa, ADMIN_MEDIATIONS));
  };

export const mediationManifest = {
  id: 'mediation',
  name: '人民调解',
  permissions: MEDIATION_PERMISSIONS,
  grants: {
    // The mediator runs the dispute (the table's roles) and sees the parties he talks to.
    mediator: ['mediation.read', 'mediation.personal-data', 'mediation.screening', 'mediation.roster'],
    // The 司法所 guides the committees (人民调解委员会组织条例 Art 2) and keeps their roll.
    justice_office: ['mediation.read', 'mediation.committee.manage', 'mediation.roster'],
    // Supervision reads the disputes and the statistics, with the parties' personal data masked.
    supervisor: ['mediation.read'],
    // 行政调解 is the agency's own work: its officers and its head run it (and only their agency's: readsOnly = ownAgencyReads).
    officer: ['mediation.administrative'],
    unit_head: ['mediation.administrative'],
  },
  migrations: {
    '022-mediation': mediation,
    '028-mediation-screening': screening,
    '042-mediation-administrative': administrative,
    '044-mediation-statistics-order': statisticsOrder,
  },
  routes,
  journalPolicies: {
    [DISPUTES.proc.subjectType]: journalPolicyOf(DISPUTES),
    [ADMIN_MEDIATIONS.proc.subjectType]: journalPolicyOf(ADMIN_MEDIATIONS),
    // A committee's roll names its members, no personal data.
    'mediation-committee': { readPermission: 'mediation.read', mask: (entry) => entry },
    // A round names the people involved as the ledger does (names, no ID numbers): readers of mediation see them.
    [SCREENING_SUBJECT]: { readPermission: 'mediation.read', mask: (entry) => entry },
    // A volunteer's entry carries his phone number: personal data.
    'mediation-volunteer': { readPermission: 'mediation.personal-data', mask: (entry) => entry },
    'mediation-volunteer-activity': { readPermission: 'mediation.read', mask: (entry) => entry },
    // A mediator's qualifications and trainings: no personal data beyond his name.
    mediator: { readPermission: 'mediation.read', mask: (entry) => entry },
  },
  actionTexts: {
    'mediation.committee.create': {
      title: '登记人民调解委员会',
      summary: ({ payload }) => line([['名称', fieldsOf(payload).name]]),
    },
    'mediation.group.create': { title: '设立调解小组', summary: ({ payload }) => line([['名称', fieldsOf(payload).name]]) },
    'mediation.screening.create': {
      title: '登记矛盾纠纷排查',
      summary: ({ payload }) =>
        line([
          ['排查日期', fieldsOf(payload).screenedOn],
          ['排查范围', fieldsOf(payload).scopeNote],
        ]),
    },
    'mediation.screening.add-item': { title: '补记排查事项', summary: ({ payload }) => line([['涉及人员', fieldsOf(payload).people]]) },
    'mediation.screening.police-report': {
      title: '向公安机关报告（排查事项）',
      summary: ({ payload }) =>
        line([
          ['报告时间', fieldsOf(payload).at],
          ['接报', fieldsOf(payload).to],
        ]),
    },
    'mediation.screening.dispose': { title: '处置排查事项', summary: ({ payload }) => line([['处置日期', fieldsOf(payload).on]]) },
    'mediation.screening.close': { title: '结束排查', summary: ({ payload }) => line([['结束日期', fieldsOf(payload).on]]) },
    'mediation.volunteer.create': { title: '登记平安志愿者', summary: ({ payload }) => line([['姓名', fieldsOf(payload).name]]) },
    'mediation.volunteer.leave': {
      title: '平安志愿者退出',
      summary: ({ payload }) =>
        line([
          ['退出日期', fieldsOf(payload).leftOn],
          ['原因', fieldsOf(payload).reason],
        ]),
    },
    'mediation.volunteer.activity': { title: '登记平安志愿者活动', summary: ({ payload }) => line([['日期', fieldsOf(payload).heldOn]]) },
    'mediation.mediator.qualification': { title: '登记调解员资格', summary: ({ payload }) => line([['名称', fieldsOf(payload).title]]) },
    'mediation.mediator.training': { title: '登记调解员培训', summary: ({ payload }) => line([['内容', fieldsOf(payload).topic]]) },
  },
  projectionReplayers: (db) => [
    commonReplayer(db, DISPUTES.proc) as ProjectionReplayer,
    commonReplayer(db, ADMIN_MEDIATIONS.proc) as ProjectionReplayer,
  ],
  // 人民调解 receives petitions routed into it (信访工作条例 Art 31; src/procedure/links.ts).
  procedures: [{ ...DISPUTE_ENTRY, receives: DISPUTE_RECEIVER }, ADMIN_MEDIATION_ENTRY],
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
    { key: 'dispute-screenings', label: '矛盾纠纷排查', path: '/console/dispute-screenings', permission: 'mediation.read', order: 46 },
    { key: 'mediation-volunteers', label: '平安志愿者', path: '/console/mediation-volunteers', permission: 'mediation.read', order: 47 },
    { key: 'mediators', label: '人民调解员', path: '/console/mediators', permission: 'mediation.read', order: 48 },
    {
      key: 'administrative-mediations',
      label: '行政调解',
      path: '/console/administrative-mediations',
      permission: 'mediation.administrative',
      order: 49,
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
