/**
 * Likely duplicates of a petition being registered (《信访工作条例》第十九条: a request already
 * accepted or being handled is not filed again): earlier petitions of the last months by the
 * same petitioner (his ID number, or his name with his phone) or about the same place, whose
 * request reads alike (character bigrams: Chinese has no spaces to split words on). The
 * candidates come from indexed columns, at most CANDIDATES of them; only those are compared.
 */
import { createHash } from 'node:crypto';
import type { Yifa } from '../../platform/yifa.js';
import type { Trx } from '../../journal/journal.js';
import { scopeFilter, type Scope } from '../../platform/security/scope.js';
import { addMonths } from '../../calendar/legal-date.js';
import { STATUS_NAMES, type PetitionStatus, type Petitioner } from './state.js';

/** How far back a duplicate is looked for. */
export const LOOKBACK_MONTHS = 12;
/** The most earlier petitions compared with one registration (the newest first). */
export const CANDIDATES = 200;
/** How much of a request is kept for comparison. */
const HEAD_CHARS = 200;
/** Suggested when the same petitioner's request is at least this alike, or anyone's about the same place is this alike. */
const SAME_PERSON_SIMILARITY = 0.2;
const SAME_PLACE_SIMILARITY = 0.45;
const MAX_SUGGESTIONS = 5;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The petitioner's keys: of his ID number, and of his name with his phone's digits (null where not given). */
export function petitionerKeys(p: Pick<Petitioner, 'name' | 'idNumber' | 'phone'> | undefined) {
  if (!p) return { person: null, contact: null };
  const phone = p.phone?.replace(/\D/g, '') ?? '';
  return {
    person: p.idNumber ? sha256(`id:${p.idNumber.trim().toUpperCase()}`) : null,
    contact: phone ? sha256(`nc:${p.name.trim()}|${phone}`) : null,
  };
}

/** The request's head as compared: without spaces and punctuation. */
export const requestHead = (request: string) => request.replace(/[\s\p{P}\p{S}]/gu, '').slice(0, HEAD_CHARS);

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice's coefficient over character bigrams: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(requestHead(a));
  const y = bigrams(requestHead(b));
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? 0 : (2 * common) / total;
}

export interface DraftPetition {
  petitioners: Pick<Petitioner, 'name' | 'idNumber' | 'phone'>[];
  place: string;
  request: string;
  /** The petition itself, when it is already registered */
  excludeId?: string | undefined;
}

export interface Suggestion {
  id: string;
  number: string | null;
  receivedOn: string;
  status: string;
  statusName: string;
  title: string;
  place: string;
  samePetitioner: boolean;
  samePlace: boolean;
  similarity: number;
  /** Why it is suggested, in words */
  reasons: string[];
}

/** The likely duplicates of a draft among the petitions in the reader's scope, most likely first. */
export async function suggestDuplicates(yifa: Yifa, scope: Scope, draft: DraftPetition): Promise<Suggestion[]> {
  const keys = draft.petitioners.map(petitionerKeys);
  const persons = keys.flatMap((k) => (k.person ? [k.person] : []));
  const contacts = keys.flatMap((k) => (k.contact ? [k.contact] : []));
  const since = addMonths(yifa.clock.today(), -LOOKBACK_MONTHS);
  const place = draft.place.trim();
  // Three lookups, each on its own index (an OR across them would scan the table), merged.
  const base = () => {
    let q = yifa.db.kysely
      .selectFrom('petitions')
      .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
      .select([
        'petitions.id',
        'petitions.number',
        'petitions.received_on',
        'petitions.place',
        'petitions.person_key',
        'petitions.contact_key',
        'petitions.request_head',
        'procedure_cases.status',
        'procedure_cases.title',
      ])
      .where('petitions.received_on', '>=', since)
      .where('petitions.merged_into', 'is', null)
      .where(scopeFilter(scope, { path: 'procedure_cases.region_path', createdBy: 'procedure_cases.created_by' }));
    if (draft.excludeId) q = q.where('petitions.id', '!=', draft.excludeId);
    return q.orderBy('petitions.received_on', 'desc');
  };
  const found = await Promise.all([
    place ? base().where('petitions.place', '=', place).limit(CANDIDATES).execute() : [],
    persons.length ? base().where('petitions.person_key', 'in', persons).limit(CANDIDATES).execute() : [],
    contacts.length ? base().where('petitions.contact_key', 'in', contacts).limit(CANDIDATES).execute() : [],
  ]);
  const rows = [...new Map(found.flat().map((r) => [r.id, r])).values()];
  return rows
    .map((r) => {
      const samePetitioner = (!!r.person_key && persons.includes(r.person_key)) || (!!r.contact_key && contacts.includes(r.contact_key));
      const samePlace = r.place === place;
      const sim = Math.round(similarity(draft.request, r.request_head ?? '') * 100) / 100;
      const reasons = [
        samePetitioner ? '同一信访人（身份证号或姓名和电话相同）' : null,
        samePlace ? `同一地点（${r.place}）` : null,
        `信访请求相似度 ${Math.round(sim * 100)}%`,
      ].filter((x): x is string => !!x);
      return {
        id: r.id,
        number: r.number,
        receivedOn: r.received_on ?? '',
        status: r.status,
        statusName: STATUS_NAMES[r.status as PetitionStatus] ?? r.status,
        title: r.title,
        place: r.place,
        samePetitioner,
        samePlace,
        similarity: sim,
        reasons,
      };
    })
    .filter((s) => (s.samePetitioner && (s.samePlace || s.similarity >= SAME_PERSON_SIMILARITY)) || s.similarity >= SAME_PLACE_SIMILARITY)
    .sort((a, b) => Number(b.samePetitioner) - Number(a.samePetitioner) || b.similarity - a.similarity)
    .slice(0, MAX_SUGGESTIONS);
}

/** The petition a merge names (by its 登记号) in the same agency, as the merge gates read it. */
export interface MergeTarget {
  id: string;
  number: string;
  status: PetitionStatus;
  /** The petition it was itself merged into, if any */
  mergedInto: string | null;
  /** The same petitioner as the duplicate (its first petitioner's ID number, or name and phone) */
  samePetitioner: boolean;
}

export async function mergeTarget(
  trx: Trx,
  agencyId: string,
  number: string,
  of: { petitioners: Petitioner[] },
): Promise<MergeTarget | null> {
  const row = await trx
    .selectFrom('petitions')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
    .select([
      'petitions.id',
      'petitions.number',
      'petitions.person_key',
      'petitions.contact_key',
      'petitions.merged_into',
      'procedure_cases.status',
    ])
    .where('petitions.number', '=', number.trim())
    .where('procedure_cases.agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) return null;
  const keys = of.petitioners.map(petitionerKeys);
  const samePetitioner = keys.some((k) => (!!k.person && k.person === row.person_key) || (!!k.contact && k.contact === row.contact_key));
  return { id: row.id, number: row.number ?? number, status: row.status as PetitionStatus, mergedInto: row.merged_into, samePetitioner };
}

/** A petition named by its 登记号 in the agency, and the petition it was merged into: what the kept one's note checks. */
export async function mergedSource(trx: Trx, agencyId: string, number: string) {
  const row = await trx
    .selectFrom('petitions')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
    .select(['petitions.id', 'petitions.number', 'petitions.merged_into'])
    .where('petitions.number', '=', number.trim())
    .where('procedure_cases.agency_id', '=', agencyId)
    .executeTakeFirst();
  return row ? { id: row.id, number: row.number ?? number, mergedInto: row.merged_into } : null;
}
