/**
 * Journal verification on PostgreSQL reads a binary COPY stream and hashes each tuple's
 * wire bytes as the leaf encoding. These tests build such a stream byte by byte (as
 * PostgreSQL documents the format) and cut it at every position: the leaves must equal
 * the verifier's own string-based encoding, whatever the chunking.
 */
import { describe, expect, it } from 'vitest';
import { CopyTuples } from '../../src/journal/verify-range.js';
import { LEAF_COLUMNS, actionLeafHash, actionLeafHashOfEncodedFields, type ActionRow } from '../../src/journal/verifier/index.js';

const rows: ActionRow[] = [0, 1, 2].map((seq) => ({
  seq,
  id: `id-${seq}`,
  type: seq === 1 ? 'penalty.decide' : 'org.person.create',
  actor_user_id: seq === 2 ? null : 'u1',
  actor_role: 'officer',
  actor_agency_id: 'a1',
  subject_type: 'penalty-case',
  subject_id: `c${seq}`,
  region_path: '/县/妙泉镇/',
  occurred_at: '2026-11-25T03:00:00.000Z',
  received_at: '2026-11-25T03:00:01.000Z',
  idempotency_key: null,
  payload: JSON.stringify({ 事实: '露天焚烧秸秆'.repeat(seq + 1) }),
  result: seq === 0 ? null : '{}',
}));

function field(value: string | null): Buffer {
  const len = Buffer.alloc(4);
  if (value === null) {
    len.writeInt32BE(-1);
    return len;
  }
  const bytes = Buffer.from(value, 'utf8');
  len.writeInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

/** A binary COPY stream of the rows, each tuple its leaf columns (seq as text) and the stored leaf hash. */
function copyStream(stored: (row: ActionRow) => string): Buffer {
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const tuples = rows.map((row) => {
    const count = Buffer.alloc(2);
    count.writeInt16BE(LEAF_COLUMNS.length + 1);
    const values = LEAF_COLUMNS.map((c) => row[c as keyof ActionRow]);
    return Buffer.concat([count, ...values.map((v) => field(v === null ? null : String(v))), field(stored(row))]);
  });
  return Buffer.concat([header, ...tuples, Buffer.from([0xff, 0xff])]);
}

function parseInChunks(stream: Buffer, cuts: number[]) {
  const parser = new CopyTuples();
  const out = { seqs: [] as number[], leaves: [] as string[], stored: [] as string[], types: [] as string[] };
  let from = 0;
  for (const to of [...cuts, stream.length]) {
    const batch = parser.parse(stream.subarray(from, to));
    out.seqs.push(...batch.seqs);
    out.leaves.push(...batch.leaves.map((l) => l.toString('hex')));
    out.stored.push(...batch.stored);
    batch.seqs.forEach((_, i) => out.types.push(batch.typeAt(i)));
    from = to;
  }
  return { ...out, ended: parser.ended };
}

describe('binary COPY tuples as journal leaves', () => {
  const expected = rows.map((r) => actionLeafHash(r).toString('hex'));
  const stream = copyStream((r) => actionLeafHash(r).toString('hex'));

  it('hashes each tuple to the leaf the verifier computes from the row, cut at any byte', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const got = parseInChunks(stream, [cut]);
      expect(got).toEqual({ seqs: [0, 1, 2], leaves: expected, stored: expected, types: rows.map((r) => r.type), ended: true });
    }
  });

  it('reads a stream that arrives one byte at a time', () => {
    const got = parseInChunks(
      stream,
      Array.from({ length: stream.length - 1 }, (_, i) => i + 1),
    );
    expect(got.leaves).toEqual(expected);
    expect(got.ended).toBe(true);
  });

  it('shows a stored hash that does not match, and a stream that stops early', () => {
    const tampered = copyStream((r) => (r.seq === 1 ? '0'.repeat(64) : actionLeafHash(r).toString('hex')));
    const got = parseInChunks(tampered, []);
    expect(got.stored[1]).not.toBe(got.leaves[1]);
    expect(parseInChunks(stream.subarray(0, stream.length - 2), []).ended).toBe(false);
  });

  it('refuses a stream that is not binary COPY, or a tuple with other columns', () => {
    expect(() => new CopyTuples().parse(Buffer.from('COPY 3\n'.repeat(4)))).toThrow(/not a binary COPY/);
    const wrong = Buffer.from(stream);
    wrong.writeInt16BE(3, 19);
    expect(() => new CopyTuples().parse(wrong)).toThrow(/3 columns/);
  });

  it('refuses encoded fields that are not exactly the 14 leaf fields', () => {
    const fields = Buffer.concat(LEAF_COLUMNS.map((c) => field(String(rows[0]![c as keyof ActionRow] ?? ''))));
    expect(() => actionLeafHashOfEncodedFields(fields.subarray(0, fields.length - 1))).toThrow(/truncated|add up/);
    expect(() => actionLeafHashOfEncodedFields(Buffer.concat([fields, field('x')]))).toThrow(/add up/);
  });
});
