/**
 * The procedures whose projections are proven against the journal: each module gives its
 * replayer, and the commands (the composition) pass them to the journal's verifier, which
 * knows no module. A new procedure adds its replayer here.
 */
import type { Yifa } from '../platform/yifa.js';
import type { ProjectionReplayer } from '../journal/verify-projections.js';
import { penaltyCaseReplayer } from '../modules/enforcement/projection.js';
import { commonReplayer } from '../procedure/replayer.js';
import { INFORMATION_REQUESTS } from '../modules/information-requests/procedure.js';

export function projectionReplayers(yifa: Yifa): ProjectionReplayer[] {
  return [penaltyCaseReplayer(yifa.db.kysely) as ProjectionReplayer, commonReplayer(yifa.db.kysely, INFORMATION_REQUESTS.proc) as ProjectionReplayer];
}
