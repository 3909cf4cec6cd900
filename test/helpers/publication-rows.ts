/**
 * Released penalty-decision publications written straight into `publications`, for the search
 * test and the million-decision benchmark: their search columns built by the module's own
 * `searchRow`, so what is indexed is exactly what the portal serves.
 */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../src/platform/yifa.js';
import { addDays } from '../../src/calendar/legal-date.js';
import type { PublicationFacts } from '../../src/procedure/spec.js';
import { searchRow } from '../../src/modules/disclosure/search.js';

export interface Agency {
  id: string;
  name: string;
  path: string;
}

export interface Decision {
  agency: Agency;
  decidedOn: string;
  number: string;
  party: { natural: boolean; name: string; representative: string | null };
  violationType: string;
  penalty: string;
}

/** The town's agencies, with the region each publishes under. */
export const agenciesOf = (yifa: Yifa): Promise<Agency[]> =>
  yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'regions.path'])
    .orderBy('agencies.id')
    .execute();

/** A decision's publication, released two days after the decision. */
export function publicationRow(d: Decision) {
  const facts: PublicationFacts = {
    key: 'decision',
    category: 'penalty',
    rule: 'penalty.disclosure',
    number: d.number,
    party: {
      kind: d.party.natural ? 'natural' : 'organisation',
      name: d.party.name,
      idNumber: null,
      phone: null,
      address: null,
      representative: d.party.representative,
      minor: false,
    },
    violationType: d.violationType,
    penalty: d.penalty,
    basis: '《中华人民共和国行政处罚法》第二十八条',
    agencyId: d.agency.id,
    agencyName: d.agency.name,
    decidedOn: d.decidedOn,
    withdrawnBecause: null,
  };
  const row = {
    id: randomUUID(),
    subject_type: 'penalty-case',
    subject_id: randomUUID(),
    key: 'decision',
    agency_id: d.agency.id,
    region_path: d.agency.path,
    status: 'released',
    rule: 'penalty.disclosure',
    decided_on: d.decidedOn,
    due_on: addDays(d.decidedOn, 9),
    facts: JSON.stringify(facts),
    party_kind: facts.party.kind,
    violation_type: facts.violationType,
    redactions: '[]',
    released_on: addDays(d.decidedOn, 2),
    withdrawal_due: null,
    withdrawn_on: null,
    withdrawal_kind: null,
    withdrawal_reason: null,
  };
  return { ...row, ...searchRow(row) };
}

/** Writes `decisions` in batches (SQLite binds at most 32,766 values a statement). */
export async function writePublications(yifa: Yifa, decisions: Iterable<Decision>) {
  const batch = yifa.db.engine === 'postgres' ? 1000 : 400;
  let rows: ReturnType<typeof publicationRow>[] = [];
  const flush = async () => {
    if (rows.length) await yifa.db.kysely.insertInto('publications').values(rows).execute();
    rows = [];
  };
  for (const d of decisions) {
    rows.push(publicationRow(d));
    if (rows.length === batch) await flush();
  }
  await flush();
}
