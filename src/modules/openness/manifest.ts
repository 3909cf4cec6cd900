/** 政务公开: 事前公开 lists and guides, 以案释法 and the 政府信息公开目录, as the platform sees the module. */
import type { ModuleManifest } from '../../platform/module.js';
import { opennessRoutes } from './routes.js';
import { OPENNESS_ACTION_TEXTS } from './journal-text.js';
import { startCatalogTimer } from './catalog-sync.js';
import { seedDemoOpenness } from './demo.js';
import { LIST_SUBJECT } from './lists.js';
import { EXPLANATION_SUBJECT } from './explanations.js';
import { CATALOG_SUBJECT } from './catalog.js';
import * as lists from './migrations/040-openness-lists.js';
import * as catalog from './migrations/041-openness-catalog.js';
import * as documents from './migrations/048-openness-documents.js';

export const OPENNESS_PERMISSIONS = {
  'openness.read': '查看事前公开清单、以案释法和政府信息公开目录',
  'openness.edit': '起草和修改事前公开清单、办事指南和以案释法',
  'openness.review': '审核发布事前公开清单，审批以案释法',
  'openness.catalog': '登记政府信息公开目录条目',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof OPENNESS_PERMISSIONS, true> {}
}

export const opennessManifest = {
  id: 'openness',
  name: '政务公开',
  permissions: OPENNESS_PERMISSIONS,
  grants: {
    admin: ['openness.read'],
    // The staff who keep the lists and write from their cases; the head reviews and approves.
    disclosure_clerk: ['openness.read', 'openness.edit', 'openness.catalog'],
    legal_reviewer: ['openness.read', 'openness.edit'],
    officer: ['openness.read', 'openness.edit'],
    unit_head: ['openness.read', 'openness.review', 'openness.catalog'],
    supervisor: ['openness.read'],
  },
  migrations: { '040-openness-lists': lists, '041-openness-catalog': catalog, '048-openness-documents': documents },
  routes: (yifa) => opennessRoutes(yifa),
  journalPolicies: {
    [LIST_SUBJECT]: { readPermission: 'openness.read', mask: (entry) => entry },
    // The explanation's payloads carry its title and citations, never the party (the text is checked before it is kept).
    [EXPLANATION_SUBJECT]: { readPermission: 'openness.read', mask: (entry) => entry },
    [CATALOG_SUBJECT]: { readPermission: 'openness.read', mask: (entry) => entry },
  },
  actionTexts: OPENNESS_ACTION_TEXTS,
  timers: [{ id: 'catalog-projection', start: (yifa, log) => startCatalogTimer(yifa, log) }],
  menu: [
    { key: 'openness-lists', label: '事前公开清单', path: '/console/openness-lists', permission: 'openness.read', order: 61 },
    { key: 'case-explanations', label: '以案释法', path: '/console/case-explanations', permission: 'openness.read', order: 62 },
    { key: 'openness-catalog', label: '政府信息公开目录', path: '/console/openness-catalog', permission: 'openness.read', order: 63 },
  ],
  // After the cases (20), their publications (41) and the normative documents (45).
  demo: { order: 61, seed: async (yifa) => seedDemoOpenness(yifa) },
} satisfies ModuleManifest;
