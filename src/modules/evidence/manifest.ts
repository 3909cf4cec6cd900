/** 执法全过程记录: evidence files of any procedure's records, their custody, integrity and retention, as the platform sees the module. */
import type { ModuleManifest } from '../../platform/module.js';
import { evidenceRoutes } from './routes.js';
import { EVIDENCE_JOURNAL_POLICIES } from './journal-policy.js';
import { EVIDENCE_ACTION_TEXTS } from './journal-text.js';
import { startEvidenceVerifyTimer } from './verify.js';
import * as uploads from './migrations/004-uploads.js';
import * as evidenceRetention from './migrations/006-evidence-retention.js';
import * as evidenceShares from './migrations/008-evidence-shares.js';
import * as shareRevocation from './migrations/014-share-revocation.js';
import * as evidenceOfAnyProcedure from './migrations/018-evidence-of-any-procedure.js';
import * as heldUploads from './migrations/019-held-uploads.js';

export const EVIDENCE_PERMISSIONS = {
  'evidence.upload': '上传证据材料（音视频、照片、扫描件）',
} as const;

declare module '../../platform/security/access.js' {
  interface PermissionRegistry extends Record<keyof typeof EVIDENCE_PERMISSIONS, true> {}
}

export const evidenceManifest = {
  id: 'evidence',
  name: '执法全过程记录',
  permissions: EVIDENCE_PERMISSIONS,
  grants: {
    officer: ['evidence.upload'],
    unit_head: ['evidence.upload'],
    // The clerk scans a paper application and attaches it to the request.
    disclosure_clerk: ['evidence.upload'],
  },
  migrations: {
    '004-uploads': uploads,
    '006-evidence-retention': evidenceRetention,
    '008-evidence-shares': evidenceShares,
    '014-share-revocation': shareRevocation,
    '018-evidence-of-any-procedure': evidenceOfAnyProcedure,
    '019-held-uploads': heldUploads,
  },
  routes: evidenceRoutes,
  journalPolicies: EVIDENCE_JOURNAL_POLICIES,
  actionTexts: EVIDENCE_ACTION_TEXTS,
  timers: [{ id: 'evidence-verify', start: (yifa, log) => startEvidenceVerifyTimer(yifa, yifa.config.evidenceVerifyHours, log) }],
} satisfies ModuleManifest;
