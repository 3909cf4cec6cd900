import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * PostgreSQL: an append that is sent together with its transaction's COMMIT. It appends
 * as yifa_journal_append does, but when the tree is not the one the row was built on it
 * raises (SQLSTATE YJ409) instead of answering: the COMMIT sent after it is then skipped,
 * the transaction rolls back, and the writer performs the action again with the
 * append that rebuilds the row under the lock. The journal lock is then held only while
 * PostgreSQL runs the append and the commit, not for a round trip to the writer.
 *
 * Also: penalty cases leave a fifth of each page free, so that an action that changes no
 * indexed column updates its case in place (a HOT update: no new index entries, the
 * case-search GIN index included).
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`CREATE FUNCTION yifa_journal_append_exact(
      expected_last_leaf text,
      p_seq bigint, p_id text, p_type text, p_actor_user_id text, p_actor_role text, p_actor_agency_id text,
      p_subject_type text, p_subject_id text, p_region_path text, p_occurred_at text, p_received_at text,
      p_idempotency_key text, p_payload text, p_result text, p_leaf_hash text, p_nodes text)
    RETURNS void LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
      r record;
    BEGIN
      SELECT * INTO r FROM yifa_journal_append(expected_last_leaf, p_seq, p_id, p_type, p_actor_user_id, p_actor_role,
        p_actor_agency_id, p_subject_type, p_subject_id, p_region_path, p_occurred_at, p_received_at, p_idempotency_key,
        p_payload, p_result, p_leaf_hash, p_nodes);
      IF NOT r.appended THEN
        RAISE EXCEPTION 'journal position % was taken', p_seq USING ERRCODE = 'YJ409';
      END IF;
    END $$`.execute(db);
  await sql`ALTER TABLE penalty_cases SET (fillfactor = 80)`.execute(db);
}
