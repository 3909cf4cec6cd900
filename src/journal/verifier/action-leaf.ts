/**
 * Independent re-implementation of how a yifa journal row becomes a Merkle leaf
 * (format "yifa-action-v1"): the format name and then the 14 fields below in order,
 * each as a 4-byte big-endian length and its UTF-8 bytes; a null field is the
 * length 0xFFFFFFFF with no bytes. The leaf hash is SHA-256(0x00 ‖ those bytes)
 * (RFC 6962 §2.1). Deliberately shares no code with the writer.
 */
import { hash } from 'node:crypto';

const FIELDS = [
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
] as const;

export type ActionRow = { [K in (typeof FIELDS)[number]]: string | number | null };

const FORMAT = 'yifa-action-v1';
const NULL_LENGTH = 0xffffffff;

/** The columns a leaf is made of, in order (for reading rows as arrays). */
export const LEAF_COLUMNS: readonly string[] = FIELDS;

/** Writes the leaf bytes after `offset` bytes of room; one allocation per row (verification is hot). */
function encode(row: ActionRow, offset: number): Buffer {
  return encodeValues(
    FIELDS.map((f) => row[f]),
    offset,
  );
}

function encodeValues(fields: readonly (string | number | null)[], offset: number): Buffer {
  const values: (string | null)[] = [FORMAT];
  for (const f of fields) values.push(f === null ? null : String(f));
  let size = offset;
  for (const v of values) size += 4 + (v === null ? 0 : Buffer.byteLength(v, 'utf8'));
  const out = Buffer.allocUnsafe(size);
  let at = offset;
  for (const v of values) {
    if (v === null) {
      out.writeUInt32BE(NULL_LENGTH, at);
      at += 4;
      continue;
    }
    const n = out.write(v, at + 4, 'utf8');
    out.writeUInt32BE(n, at);
    at += 4 + n;
  }
  return out;
}

export function actionLeafBytes(row: ActionRow): Buffer {
  return encode(row, 0);
}

export function actionLeafHash(row: ActionRow): Buffer {
  return leafHashOfBytes(encode(row, 1));
}

/** The same, for a row read as an array of LEAF_COLUMNS values. */
export function actionLeafHashOfValues(values: readonly (string | number | null)[]): Buffer {
  if (values.length < FIELDS.length) throw new Error('action row: missing columns');
  // Hot path of whole-journal verification: encode into one reused buffer, no allocation per row.
  let need = 1 + 4 + FORMAT.length;
  for (let i = 0; i < FIELDS.length; i++) {
    const v = values[i];
    need += 4 + (v === null ? 0 : 3 * String(v).length);
  }
  if (need > scratch.length) scratch = Buffer.allocUnsafe(2 * need);
  let at = 0;
  scratch[at++] = 0x00; // RFC 6962 leaf prefix
  at = put(scratch, at, FORMAT);
  for (let i = 0; i < FIELDS.length; i++) {
    const v = values[i];
    at = put(scratch, at, v === null ? null : String(v));
  }
  return hash('sha256', scratch.subarray(0, at), 'buffer');
}

let scratch = Buffer.allocUnsafe(16 * 1024);

/** Writes one length-prefixed field at `at` (room checked by the caller: 3 bytes per UTF-16 unit at most). */
function put(out: Buffer, at: number, v: string | null): number {
  if (v === null) {
    out.writeUInt32BE(NULL_LENGTH, at);
    return at + 4;
  }
  const n = out.write(v, at + 4, 'utf8');
  out.writeUInt32BE(n, at);
  return at + 4 + n;
}

function leafHashOfBytes(bytes: Buffer): Buffer {
  bytes[0] = 0x00; // RFC 6962 leaf prefix, in the room left at the front
  return hash('sha256', bytes, 'buffer');
}

const FORMAT_PREFIX = (() => {
  const name = Buffer.from(FORMAT, 'utf8');
  const out = Buffer.alloc(1 + 4 + name.length); // 0x00: RFC 6962 leaf prefix
  out.writeUInt32BE(name.length, 1);
  name.copy(out, 5);
  return out;
})();

/**
 * The leaf hash from the 14 fields already in the leaf encoding (each a 4-byte
 * big-endian length, 0xFFFFFFFF for null, then its bytes), in order — which is how a
 * PostgreSQL binary COPY carries text columns, so verification can hash the wire
 * bytes without decoding them. Refuses bytes that are not exactly 14 such fields.
 */
export function actionLeafHashOfEncodedFields(encoded: Uint8Array): Buffer {
  let at = 0;
  for (let i = 0; i < FIELDS.length; i++) {
    if (at + 4 > encoded.length) throw new Error('action row: truncated field');
    const n = ((encoded[at]! << 24) | (encoded[at + 1]! << 16) | (encoded[at + 2]! << 8) | encoded[at + 3]!) >>> 0;
    at += 4 + (n === NULL_LENGTH ? 0 : n);
  }
  if (at !== encoded.length) throw new Error('action row: field lengths do not add up');
  const need = FORMAT_PREFIX.length + encoded.length;
  if (need > scratch.length) scratch = Buffer.allocUnsafe(2 * need);
  FORMAT_PREFIX.copy(scratch, 0);
  scratch.set(encoded, FORMAT_PREFIX.length);
  return hash('sha256', scratch.subarray(0, need), 'buffer');
}
