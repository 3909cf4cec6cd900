/**
 * The modules of this installation, one line each. A new module is its folder (with its
 * manifest.ts) and one line here; the root (root.ts) assembles the rest.
 */
import type { ModuleManifest } from '../platform/module.js';
import { orgManifest } from '../modules/org/manifest.js';
import { enforcementManifest } from '../modules/enforcement/manifest.js';
import { evidenceManifest } from '../modules/evidence/manifest.js';
import { disclosureManifest } from '../modules/disclosure/manifest.js';
import { informationRequestsManifest } from '../modules/information-requests/manifest.js';
import { petitionsManifest } from '../modules/petitions/manifest.js';
import { mediationManifest } from '../modules/mediation/manifest.js';
import { villagesManifest } from '../modules/villages/manifest.js';
import { normativeManifest } from '../modules/normative-docs/manifest.js';
import { reconsiderationManifest } from '../modules/reconsideration/manifest.js';
import { opennessManifest } from '../modules/openness/manifest.js';
import { litigationManifest } from '../modules/litigation/manifest.js';

export const MODULES: readonly ModuleManifest[] = [
  orgManifest,
  enforcementManifest,
  evidenceManifest,
  disclosureManifest,
  informationRequestsManifest,
  petitionsManifest,
  mediationManifest,
  villagesManifest,
  normativeManifest,
  reconsiderationManifest,
  opennessManifest,
  litigationManifest,
];
