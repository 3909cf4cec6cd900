/**
 * Whom a record waits on, as procedure_cases keeps it (waiting_roles, waiting_step): the roles
 * that may take one of its expected next steps (decide.ts `waitingFor`), written
 * ` head legal_reviewer ` so that "waits on role r" is one `like '% r %'` over the
 * 工作台's partial index, and that step in words.
 */
import type { Kysely } from 'kysely';
import { waitingFor } from './decide.js';
import type { Procedure } from './spec.js';

// biome-ignore lint/suspicious/noExplicitAny: any procedure
type AnyProcedure = Procedure<any, string>;

/**
 * The columns' values for a record in state `s` (null: it waits on no one). The roles it
 * waits on, and the people (`@` and their id) where it waits on its own assignees.
 */
export function waitingColumns(proc: AnyProcedure, s: object): { waiting_roles: string | null; waiting_step: string | null } {
  const { roles, people, step } = waitingFor(proc, s);
  const tokens = [...roles, ...people.map(personToken)];
  return tokens.length ? { waiting_roles: ` ${tokens.join(' ')} `, waiting_step: step } : { waiting_roles: null, waiting_step: null };
}

const personToken = (personId: string) => `@${personId}`;

/** The pattern that finds records waiting on `role`. */
export const waitingOn = (role: string) => `% ${role} %`;

/** The pattern that finds records waiting on the person himself (he is one of their assignees). */
export const waitingOnPerson = (personId: string) => `% ${personToken(personId)} %`;

/**
 * Fills waiting_roles for a procedure's existing records (its module's migration): each
 * open record's state, as `states` reads them (id and canonical JSON), folded no further.
 */
export async function backfillWaiting(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema
  db: Kysely<any>,
  proc: AnyProcedure,
  states: AsyncIterable<{ id: string; state: string }> | Iterable<{ id: string; state: string }>,
): Promise<void> {
  for await (const r of states) {
    const waiting = readable(() => waitingColumns(proc, JSON.parse(r.state)));
    // A state this code cannot read (not a fold of the journal: a row written by hand) is left
    // for its next action to fill, and for `journal verify` to report meanwhile.
    if (!waiting) continue;
    if (waiting.waiting_roles) await db.updateTable('procedure_cases').set(waiting).where('id', '=', r.id).execute();
  }
}

function readable<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
