import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * PostgreSQL: an append in one round trip. The writer computes the action's leaf on the
 * tree size it expects and sends the row; the function takes the journal's append lock
 * (held to the end of the transaction), reads the last position and its leaf hash and,
 * when they are what the writer expected, inserts the row. Otherwise it inserts nothing
 * and returns the real size and last leaf, and the writer rebuilds the row on them while
 * the lock keeps the tree still. The lock is then held for one round trip and the commit,
 * not for a read, a hash in the application and an insert.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`CREATE FUNCTION yifa_journal_append(
      expected_last_leaf text,
      p_seq bigint, p_id text, p_type text, p_actor_user_id text, p_actor_role text, p_actor_agency_id text,
      p_subject_type text, p_subject_id text, p_region_path text, p_occurred_at text, p_received_at text,
      p_idempotency_key text, p_payload text, p_result text, p_leaf_hash text, p_nodes text)
    RETURNS TABLE (appended boolean, size bigint, last_leaf text) LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
      current_size bigint := 0;
      current_last text := NULL;
    BEGIN
      PERFORM pg_advisory_xact_lock(7424601);
      SELECT a.seq + 1, a.leaf_hash INTO current_size, current_last FROM actions a ORDER BY a.seq DESC LIMIT 1;
      IF current_size IS NULL THEN current_size := 0; END IF;
      IF current_size <> p_seq OR current_last IS DISTINCT FROM expected_last_leaf THEN
        RETURN QUERY SELECT false, current_size, current_last;
        RETURN;
      END IF;
      INSERT INTO actions (seq, id, type, actor_user_id, actor_role, actor_agency_id, subject_type, subject_id, region_path,
        occurred_at, received_at, idempotency_key, payload, result, leaf_hash, nodes)
      VALUES (p_seq, p_id, p_type, p_actor_user_id, p_actor_role, p_actor_agency_id, p_subject_type, p_subject_id, p_region_path,
        p_occurred_at, p_received_at, p_idempotency_key, p_payload, p_result, p_leaf_hash, p_nodes);
      RETURN QUERY SELECT true, p_seq + 1, p_leaf_hash;
    END $$`.execute(db);
}
