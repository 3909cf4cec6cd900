/**
 * The penalty case as the rest of yifa reaches its records (the procedure kit's registry):
 * its read permission and scope, its proven state, and how long a case holds its evidence
 * files — while open, then through the party's reconsideration (60 days) and litigation
 * (6 months) windows from service, and the agency's retention years after archiving
 * (general procedure 30, simple 10 by default: the national figure is unsettled, LAW.md
 * §1.2, so it is a setting).
 */
import type { HolidayTable } from '../../calendar/holiday-table.js';
import { keptAfterClosing } from '../../procedure/evidence.js';
import type { ProcedureEntry } from '../../procedure/registry.js';
import type { PenaltyCase } from './penalty-case.js';
import { PENALTY_PROCEDURE } from './workflow.js';
import { provenCaseState, visibleCase } from './service/cases.js';
import { settingsFor } from './service/agency-settings.js';
import { publicationNames } from './publication.js';
import { PENALTY_CHALLENGE } from './challenge.js';

/** The last day a case holds its evidence files (null: held, the case is open). */
export function keptUntil(c: PenaltyCase, retentionYears: { general: number; simple: number }, table: HolidayTable): string | null {
  if (!c.archivedOn) return null;
  const servedOn = c.service?.completeOn ?? c.decision?.on ?? c.archivedOn;
  return keptAfterClosing(table, { closedOn: c.archivedOn, servedOn, years: retentionYears[c.procedure] });
}

export const PENALTY_CASES: ProcedureEntry<PenaltyCase> = {
  proc: PENALTY_PROCEDURE,
  path: '/penalty-cases',
  exportAction: 'penalty.case-file.export',
  documentOpenAction: 'penalty.document.open',
  async visible(yifa, req, id) {
    const c = await visibleCase(yifa, req, id);
    return { state: c, regionPath: c.regionPath };
  },
  proven: (yifa, id) => provenCaseState(yifa, id, 'cli'),
  publicationNames: async (yifa, agencyId) => publicationNames(await settingsFor(yifa.db.kysely, agencyId)),
  evidence: {
    // Who may attach evidence redacts and shares it (procedure-authority.test.ts holds the two together).
    handle: 'penalty.act',
    keptUntil: async (yifa, c) =>
      keptUntil(c, (await settingsFor(yifa.db.kysely, c.agencyId)).evidenceRetentionYears, await yifa.calendar.table()),
  },
  challenge: PENALTY_CHALLENGE,
};
