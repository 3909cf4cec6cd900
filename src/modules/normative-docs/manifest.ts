/**
 * 行政规范性文件 from draft to cleanup, and the legal adviser's desk (重大行政决策 and contracts
 * reviewed as a procedure of their own; one queue of every legal review), served by the
 * procedure kit.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleManifest } from '../../platform/module.js';
import type { ProjectionReplayer } from '../../journal/verify-projections.js';
import type { Yifa } from '../../platform/yifa.js';
import { fieldsOf, line } from '../../journal/readable.js';
import { procedureRoutes } from '../../procedure/routes.js';
import { journalPolicyOf } from '../../procedure/service.js';
import { commonReplayer } from '../../procedure/replayer.js';
import { NORMATIVE_DOCS, NORMATIVE_ENTRY } from './procedure.js';
import { LEGAL_REVIEWS, LEGAL_REVIEW_ENTRY } from './legal-review.js';
import { normativeRoutes } from './routes.js';
import { deskRoutes } from './desk.js';
import { seedDemoNormative } from './demo.js';
import * as normative from './migrations/031-normative-documents.js';
import * as search from './migrations/045-normative-search.js';

export const NORMATIVE_PERMISSIONS = {
  'normative.read': '查看、办理行政规范性文件',
  'legal-review.read': '查看、办理合法性审核（法律顾问工作台）',
  'legal-review.training.manage': '登记法制审核培训',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof NORMATIVE_PERMISSIONS, true> {}
}

const routes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (app) => {
    // Its own static paths first: /normative-documents/evaluation-due is not a document's id.
    await app.register(normativeRoutes(yifa));
    await app.register(deskRoutes(yifa));
    await app.register(procedureRoutes(yifa, NORMATIVE_DOCS));
    await app.register(procedureRoutes(yifa, LEGAL_REVIEWS));
  };

export const normativeManifest = {
  id: 'normative-docs',
  name: '行政规范性文件与合法性审核',
  permissions: NORMATIVE_PERMISSIONS,
  grants: {
    // The town's office drafts; the head deliberates, signs, publishes, files and decides on validity.
    officer: ['normative.read', 'legal-review.read'],
    unit_head: ['normative.read', 'legal-review.read'],
    // The legal adviser reviews everything.
    legal_reviewer: ['normative.read', 'legal-review.read'],
    // The county's supervision reads the documents and the review rates.
    supervisor: ['normative.read', 'legal-review.read'],
    admin: ['legal-review.read', 'legal-review.training.manage'],
  },
  migrations: { '031-normative-documents': normative, '045-normative-search': search },
  routes,
  journalPolicies: {
    [NORMATIVE_DOCS.proc.subjectType]: journalPolicyOf(NORMATIVE_DOCS),
    [LEGAL_REVIEWS.proc.subjectType]: journalPolicyOf(LEGAL_REVIEWS),
    // A reviewer's training names him and the course: no personal data beyond his name.
    'legal-review-training': { readPermission: 'legal-review.read', mask: (entry) => entry },
  },
  actionTexts: {
    'legal-review.training.register': {
      title: '登记法制审核培训',
      summary: ({ payload }) =>
        line([
          ['培训', fieldsOf(payload).title],
          ['结业日期', fieldsOf(payload).completedOn],
        ]),
    },
  },
  projectionReplayers: (db) => [
    commonReplayer(db, NORMATIVE_DOCS.proc) as ProjectionReplayer,
    commonReplayer(db, LEGAL_REVIEWS.proc) as ProjectionReplayer,
  ],
  procedures: [NORMATIVE_ENTRY, LEGAL_REVIEW_ENTRY],
  menu: [
    { key: 'normative-documents', label: '行政规范性文件', path: '/console/normative-documents', permission: 'normative.read', order: 52 },
    {
      key: 'normative-evaluation',
      label: '规范性文件评估清理',
      path: '/console/normative-evaluation',
      permission: 'normative.read',
      order: 53,
    },
    { key: 'legal-reviews', label: '合法性审查事项', path: '/console/legal-reviews', permission: 'legal-review.read', order: 54 },
    { key: 'legal-desk', label: '法律顾问工作台', path: '/console/legal-desk', permission: 'legal-review.read', order: 55 },
  ],
  // After the town (its head, officers and legal adviser) exists.
  demo: {
    order: 45,
    seed: async (yifa) => {
      await seedDemoNormative(yifa);
    },
  },
} satisfies ModuleManifest;
