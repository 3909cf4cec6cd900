/**
 * The bytes of one journal action that become a Merkle leaf: a versioned,
 * length-prefixed sequence of the row's fields (never ad-hoc JSON), so a court's
 * verifier can rebuild it from the row alone. The independent verifier in
 * ./verifier re-implements this encoding on purpose; a test keeps the two equal.
 */
import type { ActionTable } from '../platform/db/schema.js';

export const LEAF_FORMAT = 'yifa-action-v1';

/** The stored fields of an action, in leaf order. */
export const LEAF_FIELDS = [
  'seq',
  'id',
  'type',
  'actor_user_id',
  'actor_role',
  'actor_agency_id',
  'subject_type',
  'subject_id',
  'region_path',
  'occurred_at',
  'received_at',
  'idempotency_key',
  'payload',
  'result',
] as const satisfies readonly (keyof ActionTable)[];

export type LeafRow = Pick<ActionTable, (typeof LEAF_FIELDS)[number]>;

const NULL_MARK = 0xffffffff;

export function actionLeafBytes(row: LeafRow): Buffer {
  const parts: Buffer[] = [];
  const push = (value: string | null) => {
    const len = Buffer.alloc(4);
    if (value === null) {
      len.writeUInt32BE(NULL_MARK);
      parts.push(len);
      return;
    }
    const bytes = Buffer.from(value, 'utf8');
    len.writeUInt32BE(bytes.length);
    parts.push(len, bytes);
  };
  push(LEAF_FORMAT);
  for (const field of LEAF_FIELDS) {
    const v = row[field];
    push(v === null ? null : String(v));
  }
  return Buffer.concat(parts);
}
