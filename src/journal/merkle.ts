/**
 * RFC 6962 Merkle tree, writer side: hashing (§2.1), appending with a compact range
 * ("frontier"), and inclusion (§2.1.1) and consistency (§2.1.2) proofs built from
 * stored perfect subtrees. Pure; storage is behind NodeReader.
 */
import { createHash } from 'node:crypto';

export type Hash = Buffer;

export function leafHash(data: Uint8Array): Hash {
  return createHash('sha256').update(Buffer.of(0x00)).update(data).digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(Buffer.of(0x01)).update(left).update(right).digest();
}

/** MTH({}) = SHA-256() */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** A perfect subtree: 2^level leaves starting at leaf index*2^level. level 0 = a leaf hash. */
export interface StoredNode {
  level: number;
  index: number;
  hash: Hash;
}

/** The compact range [0, size): one perfect subtree per set bit of size, largest (leftmost) first. */
export interface Frontier {
  size: number;
  nodes: StoredNode[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, nodes: [] };

/** Appends one leaf; returns the new frontier and the perfect subtrees (level ≥ 1) it completed. */
export function appendLeaf(frontier: Frontier, leaf: Hash): { frontier: Frontier; completed: StoredNode[] } {
  const nodes = [...frontier.nodes];
  const completed: StoredNode[] = [];
  let carry: StoredNode = { level: 0, index: frontier.size, hash: leaf };
  // Like binary addition: merge equal-sized rightmost subtrees.
  while (nodes.length > 0 && nodes[nodes.length - 1]!.level === carry.level) {
    const left = nodes.pop()!;
    carry = { level: carry.level + 1, index: Math.floor(left.index / 2), hash: nodeHash(left.hash, carry.hash) };
    completed.push(carry);
  }
  nodes.push(carry);
  return { frontier: { size: frontier.size + 1, nodes }, completed };
}

/** MTH of the whole tree from its frontier: fold right to left. */
export function rootOf(frontier: Frontier): Hash {
  const n = frontier.nodes;
  if (n.length === 0) return EMPTY_ROOT;
  let acc = n[n.length - 1]!.hash;
  for (let i = n.length - 2; i >= 0; i--) acc = nodeHash(n[i]!.hash, acc);
  return acc;
}

/** Positions of the frontier's perfect subtrees for a tree of `size` leaves. */
export function frontierPositions(size: number): { level: number; index: number }[] {
  const out: { level: number; index: number }[] = [];
  let start = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      out.push({ level, index: start / width });
      start += width;
    }
  }
  return out;
}

/** Read access to stored perfect-subtree hashes (level 0 = leaf hashes). */
export interface NodeReader {
  node(level: number, index: number): Promise<Hash> | Hash;
}

/** Largest power of two strictly less than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// Sizes may exceed 2^31, so no bitwise tricks.
function isPowerOfTwo(n: number): boolean {
  return n > 0 && Number.isInteger(Math.log2(n));
}

/**
 * MTH(D[start:end]). The RFC algorithms only ask for ranges whose start is a multiple
 * of the largest power of two ≤ their length, so the range splits into perfect subtrees.
 */
export async function subtreeRoot(reader: NodeReader, start: number, end: number): Promise<Hash> {
  const n = end - start;
  if (n <= 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && start % n === 0) return reader.node(Math.log2(n), start / n);
  const k = splitPoint(n);
  return nodeHash(await subtreeRoot(reader, start, start + k), await subtreeRoot(reader, start + k, end));
}

/** RFC 6962 §2.1.1 PATH(m, D[0:n]) for the tree of `treeSize` leaves. */
export async function inclusionProof(reader: NodeReader, leafIndex: number, treeSize: number): Promise<Hash[]> {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) throw new RangeError(`leaf ${leafIndex} not in tree of size ${treeSize}`);
  const path = async (m: number, start: number, end: number): Promise<Hash[]> => {
    const n = end - start;
    if (n === 1) return [];
    const k = splitPoint(n);
    if (m < k) return [...(await path(m, start, start + k)), await subtreeRoot(reader, start + k, end)];
    return [...(await path(m - k, start + k, end)), await subtreeRoot(reader, start, start + k)];
  };
  return path(leafIndex, 0, treeSize);
}

/** RFC 6962 §2.1.2 PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
export async function consistencyProof(reader: NodeReader, oldSize: number, newSize: number): Promise<Hash[]> {
  if (!(oldSize > 0 && oldSize <= newSize)) throw new RangeError(`no consistency proof from ${oldSize} to ${newSize}`);
  const sub = async (m: number, start: number, end: number, complete: boolean): Promise<Hash[]> => {
    const n = end - start;
    if (m === n) return complete ? [] : [await subtreeRoot(reader, start, end)];
    const k = splitPoint(n);
    if (m <= k) return [...(await sub(m, start, start + k, complete)), await subtreeRoot(reader, start + k, end)];
    return [...(await sub(m - k, start + k, end, false)), await subtreeRoot(reader, start, start + k)];
  };
  return sub(oldSize, 0, newSize, true);
}
