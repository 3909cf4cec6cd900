/**
 * The procedures whose tables are published as docs/procedures/<file>: each with its
 * source, its document series and the sample walk the docs are learned from (observe.ts).
 * A new procedure adds one entry here.
 */
import type { SeriesInfo } from '../../src/procedure/numbering.js';
import { PENALTY_PROCEDURE } from '../../src/modules/enforcement/workflow.js';
import { DOCUMENT_SERIES } from '../../src/modules/enforcement/documents/series.js';
import { INFORMATION_REQUEST_PROCEDURE } from '../../src/modules/information-requests/actions.js';
import { REQUEST_SERIES } from '../../src/modules/information-requests/documents.js';
import type { AnyProcedure, Walk } from './observe.js';
import { PENALTY_WALK } from './penalty-samples.js';
import { INFORMATION_REQUEST_WALK } from './information-request-samples.js';
import { PETITION_PROCEDURE } from '../../src/modules/petitions/actions.js';
import { PETITION_SERIES } from '../../src/modules/petitions/documents.js';
import { PETITION_WALK } from './petition-samples.js';
import { DISPUTE_PROCEDURE } from '../../src/modules/mediation/actions.js';
import { DISPUTE_SERIES } from '../../src/modules/mediation/documents.js';
import { MEDIATION_WALK } from './mediation-samples.js';
import { ADMIN_MEDIATION_PROCEDURE } from '../../src/modules/mediation/admin-actions.js';
import { ADMIN_SERIES } from '../../src/modules/mediation/admin-documents.js';
import { ADMIN_MEDIATION_WALK } from './admin-mediation-samples.js';
import { NORMATIVE_PROCEDURE } from '../../src/modules/normative-docs/actions.js';
import { DOC_SERIES } from '../../src/modules/normative-docs/documents.js';
import { NORMATIVE_WALK } from './normative-samples.js';
import { RECONSIDERATION_PROCEDURE } from '../../src/modules/reconsideration/actions.js';
import { RECONSIDERATION_SERIES } from '../../src/modules/reconsideration/documents.js';
import { RECONSIDERATION_WALK } from './reconsideration-samples.js';

export interface DocumentedProcedure {
  /** The file under docs/procedures/ */
  file: string;
  proc: AnyProcedure;
  /** Where its action table is written */
  source: string;
  series: Record<string, SeriesInfo>;
  // biome-ignore lint/suspicious/noExplicitAny: each walk keeps its own record and context types
  walk: Walk<any, any>;
}

export const PROCEDURES: DocumentedProcedure[] = [
  {
    file: 'penalty-case.md',
    proc: PENALTY_PROCEDURE as AnyProcedure,
    source: 'src/modules/enforcement/workflow.ts',
    series: DOCUMENT_SERIES,
    walk: PENALTY_WALK,
  },
  {
    file: 'information-request.md',
    proc: INFORMATION_REQUEST_PROCEDURE as AnyProcedure,
    source: 'src/modules/information-requests/actions.ts',
    series: REQUEST_SERIES,
    walk: INFORMATION_REQUEST_WALK,
  },
  {
    file: 'petition.md',
    proc: PETITION_PROCEDURE as AnyProcedure,
    source: 'src/modules/petitions/actions.ts',
    series: PETITION_SERIES,
    walk: PETITION_WALK,
  },
  {
    file: 'dispute.md',
    proc: DISPUTE_PROCEDURE as AnyProcedure,
    source: 'src/modules/mediation/actions.ts',
    series: DISPUTE_SERIES,
    walk: MEDIATION_WALK,
  },
  {
    file: 'admin-mediation.md',
    proc: ADMIN_MEDIATION_PROCEDURE as AnyProcedure,
    source: 'src/modules/mediation/admin-actions.ts',
    series: ADMIN_SERIES,
    walk: ADMIN_MEDIATION_WALK,
  },
  {
    file: 'normative-document.md',
    proc: NORMATIVE_PROCEDURE as AnyProcedure,
    source: 'src/modules/normative-docs/actions.ts',
    series: DOC_SERIES,
    walk: NORMATIVE_WALK,
  },
  {
    file: 'reconsideration.md',
    proc: RECONSIDERATION_PROCEDURE as AnyProcedure,
    source: 'src/modules/reconsideration/actions.ts',
    series: RECONSIDERATION_SERIES,
    walk: RECONSIDERATION_WALK,
  },
];
