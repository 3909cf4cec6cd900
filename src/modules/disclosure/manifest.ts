/** 行政执法公示: the public portal's lists and the published decisions, as the platform sees the module. */
import type { ModuleManifest } from '../../platform/module.js';
import type { FastifyPluginAsync } from 'fastify';
import { publicRoutes } from './routes.js';
import { publicationRoutes } from './publication-routes.js';
import { verifyRoutes } from './verify.js';
import { partyViewRoutes } from './party-view.js';
import { startPublicationTimer } from './sync.js';
import { DISCLOSURE_ACTION_TEXTS } from './journal-text.js';
import { seedDemoPublications } from './demo.js';
import * as publications from './migrations/027-disclosure-publications.js';
import * as publicationKeys from './migrations/047-publication-keys.js';

export const DISCLOSURE_PERMISSIONS = {
  'disclosure.read': '查看行政执法决定公示事项',
  'disclosure.publish': '审核发布、人工遮盖和撤回行政执法决定公示',
  'disclosure.settings': '设置公示展示期限',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof DISCLOSURE_PERMISSIONS, true> {}
}

export const disclosureManifest = {
  id: 'disclosure',
  name: '行政执法公示',
  permissions: DISCLOSURE_PERMISSIONS,
  grants: {
    admin: ['disclosure.read', 'disclosure.settings'],
    officer: ['disclosure.read'],
    // The head releases what his agency decided; the legal reviewer checks it before release.
    unit_head: ['disclosure.read', 'disclosure.publish', 'disclosure.settings'],
    legal_reviewer: ['disclosure.read', 'disclosure.publish'],
    disclosure_clerk: ['disclosure.read'],
    // Supervision sees what is overdue.
    supervisor: ['disclosure.read'],
  },
  // 047: a record publishes each of its decisions, one row per key.
  migrations: { '027-disclosure-publications': publications, '047-publication-keys': publicationKeys },
  routes: (yifa) => {
    const plugins = [publicRoutes(yifa), publicationRoutes(yifa), verifyRoutes(yifa), partyViewRoutes(yifa)];
    const all: FastifyPluginAsync = async (app) => {
      for (const p of plugins) await app.register(p);
    };
    return all;
  },
  journalPolicies: { publication: { readPermission: 'disclosure.read', mask: (entry) => entry } },
  actionTexts: DISCLOSURE_ACTION_TEXTS,
  timers: [{ id: 'publication-projection', start: (yifa, log) => startPublicationTimer(yifa, log) }],
  menu: [{ key: 'publications', label: '行政执法决定公示', path: '/console/publications', permission: 'disclosure.read', order: 41 }],
  // After the penalty cases (20): their decisions' publications, released, withdrawn and overdue.
  demo: { order: 41, seed: async (yifa) => seedDemoPublications(yifa) },
} satisfies ModuleManifest;
