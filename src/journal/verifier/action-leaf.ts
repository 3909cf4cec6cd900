/**
 * Independent re-implementation of how a yifa journal row becomes a Merkle leaf
 * (format "yifa-action-v1"): the format name and then the 14 fields below in order,
 * each as a 4-byte big-endian length and its UTF-8 bytes; a null field is the
 * length 0xFFFFFFFF with no bytes. The leaf hash is SHA-256(0x00 ‖ those bytes)
 * (RFC 6962 §2.1). Deliberately shares no code with the writer.
 */
import { createHash } from 'node:crypto';

const FIELDS = [
  'seq', 'id', 'type', 'actor_user_id', 'actor_role', 'actor_agency_id', 'subject_type', 'subject_id',
  'region_path', 'occurred_at', 'received_at', 'idempotency_key', 'payload', 'result',
] as const;

export type ActionRow = { [K in (typeof FIELDS)[number]]: string | number | null };

export function actionLeafBytes(row: ActionRow): Buffer {
  const chunks: Buffer[] = [];
  const field = (v: string | number | null) => {
    const head = Buffer.alloc(4);
    if (v === null) {
      head.writeUInt32BE(0xffffffff);
      chunks.push(head);
      return;
    }
    const body = Buffer.from(String(v), 'utf8');
    head.writeUInt32BE(body.length);
    chunks.push(head, body);
  };
  field('yifa-action-v1');
  for (const name of FIELDS) field(row[name]);
  return Buffer.concat(chunks);
}

export function actionLeafHash(row: ActionRow): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(actionLeafBytes(row)).digest();
}
