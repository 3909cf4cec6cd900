/** The screening ledger's tables, as the module reads them (migration 028), and what the register gate reads of an item. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { CommitteeTables } from './committees.js';

export type ScreeningTables = CommitteeTables & {
  mediation_screenings: {
    id: string;
    agency_id: string;
    committee_id: string;
    group_id: string | null;
    region_path: string;
    screened_on: string;
    screeners: string;
    scope_note: string;
    closed_on: string | null;
    created_by: string | null;
    created_at: string;
  };
  mediation_screening_items: {
    id: string;
    screening_id: string;
    seq: number;
    grade: string;
    category: string;
    people: string;
    description: string;
    criminal_risk: number;
    mass_risk: number;
    violent: number;
    police_reported_at: string | null;
    police_reported_by: string | null;
    police_reported_to: string | null;
    police_note: string | null;
    disposition: string | null;
    disposed_on: string | null;
    route_to: string | null;
    receiver: string | null;
    disposition_note: string | null;
  };
};

export const screeningTables = (db: Kysely<Database>) => db.withTables<ScreeningTables>();

/** The facts the register action's gate reads about the item a dispute is taken from. */
export interface ScreeningItemFacts {
  id: string;
  screeningId: string;
  regionPath: string;
  disposed: boolean;
  mediated: boolean;
  criminalRisk: boolean;
  massRisk: boolean;
}

export async function screeningItemFacts(db: Kysely<Database>, itemId: string): Promise<ScreeningItemFacts | null> {
  const i = await screeningTables(db)
    .selectFrom('mediation_screening_items as i')
    .innerJoin('mediation_screenings as s', 's.id', 'i.screening_id')
    .select(['i.id', 'i.screening_id', 's.region_path', 'i.disposition', 'i.criminal_risk', 'i.mass_risk'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!i) return null;
  const d = await db.selectFrom('mediation_disputes').select('id').where('screening_item_id', '=', itemId).executeTakeFirst();
  return {
    id: i.id,
    screeningId: i.screening_id,
    regionPath: i.region_path,
    disposed: i.disposition !== null,
    mediated: !!d,
    criminalRisk: Number(i.criminal_risk) === 1,
    massRisk: Number(i.mass_risk) === 1,
  };
}
