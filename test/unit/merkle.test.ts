/**
 * The Merkle log against the published Certificate Transparency / RFC 6962 test
 * vectors, and writer vs independent verifier on random trees.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  EMPTY_FRONTIER,
  EMPTY_ROOT,
  appendLeaf,
  consistencyProof,
  frontierPositions,
  inclusionProof,
  leafHash,
  nodeHash,
  rootOf,
  type Frontier,
  type Hash,
  type NodeReader,
} from '../../src/journal/merkle.js';
import { TreeBuilder, leafHashOf, verifyConsistency, verifyInclusion } from '../../src/journal/verifier/index.js';

const hex = (h: Buffer) => h.toString('hex');
const buf = (s: string) => Buffer.from(s, 'hex');

// The classic 8-leaf data set of the CT / Trillian test suites.
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(buf);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION = [
  {
    leaf: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 2, size: 3, path: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 1,
    size: 5,
    path: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY = [
  {
    from: 1,
    to: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    path: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    path: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

/** An in-memory store of every perfect subtree, as the database keeps them. */
class MemoryTree implements NodeReader {
  frontier: Frontier = EMPTY_FRONTIER;
  private readonly nodes = new Map<string, Hash>();
  append(leaf: Hash) {
    this.nodes.set(`0/${this.frontier.size}`, leaf);
    const r = appendLeaf(this.frontier, leaf);
    for (const n of r.completed) this.nodes.set(`${n.level}/${n.index}`, n.hash);
    this.frontier = r.frontier;
  }
  node(level: number, index: number): Hash {
    const h = this.nodes.get(`${level}/${index}`);
    if (!h) throw new Error(`asked for a node that is not a stored perfect subtree: ${level}/${index}`);
    return h;
  }
}

function naiveRoot(leaves: Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

function treeOf(n: number): MemoryTree {
  const t = new MemoryTree();
  for (let i = 0; i < n; i++) t.append(leafHash(Buffer.from(`leaf ${i}`)));
  return t;
}

describe('RFC 6962 test vectors', () => {
  it('hashes the empty tree and the 8-leaf set to the published roots', () => {
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const t = new MemoryTree();
    const b = new TreeBuilder();
    LEAVES.forEach((l, i) => {
      t.append(leafHash(l));
      b.add(leafHashOf(l));
      expect(hex(rootOf(t.frontier)), `size ${i + 1}`).toBe(ROOTS[i]);
      expect(hex(b.root())).toBe(ROOTS[i]);
    });
  });

  it('produces and verifies the published inclusion proofs', async () => {
    const t = new MemoryTree();
    LEAVES.forEach((l) => t.append(leafHash(l)));
    for (const v of INCLUSION) {
      const proof = await inclusionProof(t, v.leaf, v.size);
      expect(proof.map(hex)).toEqual(v.path);
      expect(verifyInclusion(leafHashOf(LEAVES[v.leaf]!), v.leaf, v.size, v.path.map(buf), buf(ROOTS[v.size - 1]!))).toBe(true);
    }
  });

  it('produces and verifies the published consistency proofs', async () => {
    const t = new MemoryTree();
    LEAVES.forEach((l) => t.append(leafHash(l)));
    for (const v of CONSISTENCY) {
      expect((await consistencyProof(t, v.from, v.to)).map(hex)).toEqual(v.path);
      expect(verifyConsistency(v.from, v.to, buf(ROOTS[v.from - 1]!), buf(ROOTS[v.to - 1]!), v.path.map(buf))).toBe(true);
    }
  });
});

describe('writer and independent verifier agree (property)', () => {
  it('roots: appendLeaf = TreeBuilder = naive recursion', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { maxLength: 70, size: 'max' }), (datas) => {
        const t = new MemoryTree();
        const b = new TreeBuilder();
        for (const d of datas) {
          t.append(leafHash(d));
          b.add(leafHashOf(d));
        }
        const naive = naiveRoot(datas.map((d) => leafHash(d)));
        expect(hex(rootOf(t.frontier))).toBe(hex(naive));
        expect(hex(b.root())).toBe(hex(naive));
        expect(t.frontier.nodes.map(({ level, index }) => ({ level, index }))).toEqual(frontierPositions(datas.length));
      }),
    );
  });

  it('inclusion proofs verify, and fail for a flipped byte, a wrong index or a wrong size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(31))),
        async ([n, m, byte]) => {
          const t = treeOf(n);
          const root = rootOf(t.frontier);
          const leaf = t.node(0, m);
          const proof = await inclusionProof(t, m, n);
          expect(verifyInclusion(leaf, m, n, proof, root)).toBe(true);
          if (proof.length > 0) {
            const bad = proof.map((p) => Buffer.from(p));
            bad[byte % bad.length]![byte]! ^= 1;
            expect(verifyInclusion(leaf, m, n, bad, root)).toBe(false);
          }
          if (n > 1) expect(verifyInclusion(leaf, (m + 1) % n, n, proof, root)).toBe(false);
          // Against the root of a larger tree, the same proof fails.
          expect(verifyInclusion(leaf, m, n + 1, proof, rootOf(treeOf(n + 1).frontier))).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('consistency proofs verify, and fail when tampered', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n), fc.nat(31))),
        async ([m, n, byte]) => {
          const big = treeOf(n);
          const small = treeOf(m);
          const proof = await consistencyProof(big, m, n);
          const r1 = rootOf(small.frontier);
          const r2 = rootOf(big.frontier);
          expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true);
          if (proof.length > 0) {
            const bad = proof.map((p) => Buffer.from(p));
            bad[byte % bad.length]![byte]! ^= 1;
            expect(verifyConsistency(m, n, r1, r2, bad)).toBe(false);
          }
          if (m < n) expect(verifyConsistency(m, n, r1, r1, proof)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the verifier is independent', () => {
  it('imports only node: modules and its own files', () => {
    const dir = join(import.meta.dirname, '../../src/journal/verifier');
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
        expect(m[1]!.startsWith('node:') || /^\.\/[\w-]+\.js$/.test(m[1]!), `${f} imports ${m[1]}`).toBe(true);
      }
    }
  });
});
