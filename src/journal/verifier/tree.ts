/**
 * Independent RFC 6962 / RFC 9162 verification: the hashing, a streaming tree builder,
 * and the inclusion (RFC 9162 §2.1.3.2) and consistency (§2.1.4.2) proof checks.
 * Imports nothing but node:crypto; shares no code with the writer.
 */
import { createHash, hash } from 'node:crypto';

export function leafHashOf(data: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.of(0)).update(data).digest();
}

// One buffer and a one-shot hash: this runs once per leaf when a whole journal is verified.
const pair = Buffer.alloc(65);
function hashChildren(left: Buffer, right: Buffer): Buffer {
  pair[0] = 0x01;
  left.copy(pair, 1);
  right.copy(pair, 33);
  return hash('sha256', pair, 'buffer');
}

/** Root of a growing sequence of leaf hashes in O(log n) memory. */
export class TreeBuilder {
  // stack[i] is the root of a perfect subtree; heights strictly decrease along the stack.
  private readonly stack: Buffer[] = [];
  private readonly heights: number[] = [];
  private count = 0;

  add(leafHash: Buffer): void {
    let hash = leafHash;
    let height = 0;
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === height) {
      hash = hashChildren(this.stack.pop()!, hash);
      this.heights.pop();
      height++;
    }
    this.stack.push(hash);
    this.heights.push(height);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  root(): Buffer {
    return rootOfFrontier(this.stack);
  }

  /** The perfect subtrees covering what was added, largest (leftmost) first. */
  frontier(): Buffer[] {
    return [...this.stack];
  }
}

/**
 * The root of a tree given its frontier: perfect subtrees of strictly decreasing size,
 * left to right (RFC 6962 MTH folded from the right). Frontiers of consecutive ranges
 * concatenate, which lets slices of a journal be hashed apart and joined.
 */
export function rootOfFrontier(nodes: readonly Buffer[]): Buffer {
  if (nodes.length === 0) return createHash('sha256').digest();
  let acc = nodes[nodes.length - 1]!;
  for (let i = nodes.length - 2; i >= 0; i--) acc = hashChildren(nodes[i]!, acc);
  return acc;
}

/** RFC 9162 §2.1.3.2: does `proof` show leaf `index` in the tree of `size` with `root`? */
export function verifyInclusion(leafHash: Buffer, index: number, size: number, proof: Buffer[], root: Buffer): boolean {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `size1` is a prefix of the tree of `size2`? */
export function verifyConsistency(size1: number, size2: number, root1: Buffer, root2: Buffer, proof: Buffer[]): boolean {
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (!(size1 > 0 && size1 < size2) || proof.length === 0) return false;
  // If size1 is a power of two, the old root itself starts the path.
  const path = Number.isInteger(Math.log2(size1)) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}
