/**
 * Evidence as the server gives it for a record of any procedure: its items (the kit's types,
 * imported type-only, so nothing of the server is bundled) and an item's custody.
 */
import type { EvidenceFile, EvidenceItem } from '../../../../src/procedure/evidence';
import type { custodyOf } from '../../../../src/modules/evidence/content';

export type { EvidenceFile, EvidenceItem };

/** GET <path>/:id/evidence/:seq/custody */
export type Custody = Awaited<ReturnType<typeof custodyOf>>;
