/**
 * Projections proven against the journal, the pure parts: canonical JSON (the stored text
 * the hash covers), the check without replay, the proof of a legacy row by replay, and the
 * step-by-step comparison `yifa journal verify` runs, on a toy procedure and on the
 * penalty case's own fold.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../src/journal/canonical.js';
import {
  ProjectionMismatch,
  differences,
  proveProjection,
  sealedVerdict,
  sha256Hex,
  stateHashOf,
  type StoredProjection,
} from '../../src/journal/projection.js';
import { compareRecord, type ProjectionReplayer, type SubjectEntry } from '../../src/journal/verify-projections.js';
import { caseStates, scopeColumns } from '../../src/modules/enforcement/projection.js';
import { PENALTY_PROCEDURE } from '../../src/modules/enforcement/workflow.js';
import { fold } from '../../src/procedure/decide.js';
import { foldEntriesOf } from '../../src/procedure/replayer.js';

/** canonicalJson as it was first written (map/filter/sort/join): the loop version must encode alike. */
function referenceJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('non-finite');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(referenceJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(typeof value);
  }
}

const outcome = (f: () => string) => {
  try {
    return f();
  } catch {
    return 'threw';
  }
};

describe('canonical JSON', () => {
  it('encodes every value exactly as the first version did', () => {
    const values = fc.letrec((tie) => ({
      value: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.double(), tie('object'), tie('array')),
      object: fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 6 }),
      array: fc.array(tie('value'), { maxLength: 5 }),
    })).value;
    fc.assert(
      fc.property(values, (v) => {
        expect(outcome(() => canonicalJson(v))).toBe(outcome(() => referenceJson(v)));
      }),
      { numRuns: 2000 },
    );
  });
});

const state = { id: 'c1', decision: { fineFen: 20_000_000, number: '妙泉罚决字〔2026〕第1号' }, officers: ['p1', 'p2'] };
const text = canonicalJson(state);
const hash = sha256Hex(text);
const row = (over: Partial<StoredProjection> = {}): StoredProjection => ({
  id: 'c1',
  state: text,
  stateHash: hash,
  actionCount: 3,
  ...over,
});
const sealed = JSON.stringify({ stateHash: hash, position: 2 });

describe('the check without replay', () => {
  it('proves a row whose state hashes to its state_hash, the hash the last action recorded, after as many actions', () => {
    expect(stateHashOf(state)).toBe(hash);
    expect(stateHashOf({ officers: ['p1', 'p2'], decision: { number: state.decision.number, fineFen: 20_000_000 }, id: 'c1' })).toBe(hash);
    expect(sealedVerdict(row(), { stateHash: hash, position: 2 })).toEqual({ proven: true });
    // The same content stored in another key order and spacing is the same state.
    expect(sealedVerdict(row({ state: JSON.stringify(state, null, 2) }), { stateHash: hash, position: 2 })).toEqual({ proven: true });
  });

  it('names each way a row can be changed outside the journal', () => {
    const fined = canonicalJson({ ...state, decision: { ...state.decision, fineFen: 2_000_000 } });
    expect(sealedVerdict(row({ state: fined }), { stateHash: hash })).toMatchObject({ kind: 'state-altered' });
    // Changed and re-hashed so the row agrees with itself: the journal still disagrees.
    expect(sealedVerdict(row({ state: fined, stateHash: sha256Hex(fined) }), { stateHash: hash })).toMatchObject({ kind: 'hash-mismatch' });
    expect(sealedVerdict(row({ stateHash: null }), { stateHash: hash })).toMatchObject({ kind: 'hash-missing' });
    expect(sealedVerdict(row({ actionCount: 7 }), { stateHash: hash, position: 2 })).toMatchObject({ kind: 'count-mismatch' });
    expect(sealedVerdict(row(), null)).toMatchObject({ kind: 'no-actions' });
    expect(sealedVerdict(row({ state: '{"id":' }), { stateHash: hash })).toMatchObject({ kind: 'state-altered' });
  });

  it('leaves a row whose last action predates stateHash to a replay', () => {
    expect(sealedVerdict(row({ stateHash: null }), {})).toEqual({ unsealed: true });
  });
});

describe('proveProjection', () => {
  const kind = { subjectType: 'toy', recordName: '测试记录' };
  const unusedReplay = async () => {
    throw new Error('a sealed row needs no replay');
  };

  it('returns the state of a sealed row without replaying', async () => {
    await expect(proveProjection({ ...kind, row: row(), lastResult: sealed, replay: unusedReplay })).resolves.toEqual(state);
  });

  it('proves a legacy row by replay and names what differs when the replay disagrees', async () => {
    const legacy = row({ stateHash: null, state: JSON.stringify(state), id: 'legacy-1' });
    await expect(proveProjection({ ...kind, row: legacy, lastResult: '{}', replay: async () => state })).resolves.toEqual(state);
    const changed = row({
      stateHash: null,
      state: JSON.stringify({ ...state, decision: { ...state.decision, fineFen: 1 } }),
      id: 'legacy-2',
    });
    const e = await proveProjection({ ...kind, row: changed, lastResult: '{}', replay: async () => state }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProjectionMismatch);
    expect((e as ProjectionMismatch).kind).toBe('replay-mismatch');
    expect((e as ProjectionMismatch).message).toContain('测试记录 legacy-2');
    expect((e as ProjectionMismatch).message).toContain('decision.fineFen：日志为 20000000，数据库中为 1');
  });

  it('asks the journal again before refusing a row locked after a wait', async () => {
    const newer = { ...state, officers: ['p1', 'p3'] };
    const newerRow = row({ state: canonicalJson(newer), stateHash: stateHashOf(newer), actionCount: 4 });
    let asked = 0;
    const reread = async () => {
      asked++;
      return JSON.stringify({ stateHash: stateHashOf(newer), position: 3 });
    };
    await expect(
      proveProjection({ ...kind, row: newerRow, lastResult: sealed, rereadLast: reread, replay: unusedReplay }),
    ).resolves.toEqual(newer);
    expect(asked).toBe(1);
  });

  it('refuses a row whose scope columns are not its state', async () => {
    const columnsOf = (s: typeof state) => ({ officer_ids: `,${s.officers.join(',')},` });
    const ok = row({ columns: { officer_ids: ',p1,p2,' } });
    await expect(proveProjection({ ...kind, row: ok, lastResult: sealed, replay: unusedReplay, columnsOf })).resolves.toEqual(state);
    const widened = row({ columns: { officer_ids: ',p1,p2,p9,' } });
    await expect(proveProjection({ ...kind, row: widened, lastResult: sealed, replay: unusedReplay, columnsOf })).rejects.toMatchObject({
      kind: 'column-mismatch',
    });
  });
});

describe('differences', () => {
  it('gives the paths of the first leaves that differ', () => {
    expect(differences({ a: [1, { b: 2 }], c: 'x' }, { a: [1, { b: 3 }], c: 'y' })).toEqual([
      { path: 'a[1].b', expected: 2, found: 3 },
      { path: 'c', expected: 'x', found: 'y' },
    ]);
    expect(differences({ a: 1, u: undefined }, { a: 1 })).toEqual([]);
    expect(differences([1, 2], [1])).toEqual([{ path: '[1]', expected: 2, found: undefined }]);
  });
});

/** A toy procedure: a counter whose actions add to it. */
const counter: ProjectionReplayer<{ total: number }> = {
  subjectType: 'counter',
  recordName: '计数器',
  stateTypes: ['add'],
  openingTypes: ['add'],
  *states(entries) {
    let total = 0;
    for (const e of entries) {
      total += (e.payload as { n: number }).n;
      yield { total };
    }
  },
  rows: async () => [],
  existing: async () => new Set(),
};
const entry = (seq: number, n: number, stateHash?: string): SubjectEntry => ({
  seq,
  type: 'add',
  payload: { n },
  result: stateHash ? { stateHash } : {},
  receivedAt: '2026-03-02T02:00:00.000Z',
});
const counterRow = (total: number, actionCount: number, sealedHash: boolean): StoredProjection => ({
  id: 'k1',
  state: canonicalJson({ total }),
  stateHash: sealedHash ? stateHashOf({ total }) : null,
  actionCount,
});

describe('compareRecord (the replay of yifa journal verify)', () => {
  const journal = [entry(10, 2, stateHashOf({ total: 2 })), entry(14, 3, stateHashOf({ total: 5 }))];

  it('accepts a row that is the fold of its journal, sealed or legacy', () => {
    expect(compareRecord(counter, counterRow(5, 2, true), journal)).toBeNull();
    expect(compareRecord(counter, counterRow(5, 2, false), [entry(10, 2), entry(14, 3)])).toBeNull();
  });

  it('names the first action where the replay leaves the recorded hash', () => {
    const m = compareRecord(counter, counterRow(5, 2, true), [
      entry(10, 2, stateHashOf({ total: 2 })),
      entry(14, 3, stateHashOf({ total: 6 })),
    ]);
    expect(m).toMatchObject({ kind: 'fold-diverged', data: { seq: 14 } });
    expect(m!.message).toContain('第 14 条');
  });

  it('names what differs between the replay and the row, and a changed count or a row without journal', () => {
    const changed = compareRecord(counter, counterRow(50, 2, true), journal);
    expect(changed).toMatchObject({ kind: 'replay-mismatch' });
    expect(changed!.message).toContain('计数器 k1');
    expect(changed!.message).toContain('total：日志为 5，数据库中为 50');
    expect(changed!.message).toContain('状态数据及其哈希都');
    expect(compareRecord(counter, counterRow(5, 3, true), journal)).toMatchObject({ kind: 'count-mismatch' });
    expect(compareRecord(counter, counterRow(5, 2, true), [])).toMatchObject({ kind: 'no-actions' });
    expect(compareRecord(counter, { ...counterRow(5, 2, true), stateHash: null }, journal)).toMatchObject({ kind: 'hash-missing' });
  });
});

describe("the penalty case's step-by-step fold", () => {
  const party = { kind: 'citizen', name: '张某某', idNumber: null, address: '秀山县妙泉镇', phone: null, representative: null };
  const base = { caseId: 'c9', agencyId: 'a1', regionPath: '/x/t/', number: null, derived: null, actorPersonId: 'p1' };
  const entries: SubjectEntry[] = [
    {
      seq: 3,
      type: 'penalty.register',
      payload: { source: { kind: 'patrol', summary: '巡查发现', receivedOn: '2026-03-02' }, party, field: '综合行政执法' },
      result: { ...base, status: 'registered' },
      receivedAt: '2026-03-02T02:00:00.000Z',
    },
    {
      seq: 9,
      type: 'penalty.request-filing',
      payload: { violationTypeId: 'straw-burning', actOn: '2026-03-01', seriousHarm: false, officers: ['p1', 'p2'], summary: '焚烧' },
      result: { ...base, status: 'filing' },
      receivedAt: '2026-03-02T03:00:00.000Z',
    },
    // Received just after midnight, China time, but taken on the 2nd: the recorded legal date wins.
    {
      seq: 12,
      type: 'penalty.approve',
      payload: { kind: 'filing', opinion: '同意' },
      result: { ...base, actorPersonId: 'p9', number: '妙泉罚立字〔2026〕第1号', status: 'investigating', today: '2026-03-02' },
      receivedAt: '2026-03-02T16:00:00.050Z',
    },
  ];

  it('ends where the kit fold ends, passing through every state, and the scope columns follow from it', () => {
    const states = [...caseStates(entries)];
    expect(states).toHaveLength(3);
    expect(states[2]).toEqual(fold(PENALTY_PROCEDURE, foldEntriesOf(PENALTY_PROCEDURE, entries)));
    expect(states[2]!.filedOn).toBe('2026-03-02');
    expect(states[1]!.pending).toHaveLength(1);
    expect(scopeColumns(states[2]!)).toEqual({ agency_id: 'a1', region_path: '/x/t/', officer_ids: ',p1,p2,' });
  });
});
