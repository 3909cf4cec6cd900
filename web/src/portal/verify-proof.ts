/**
 * The verify page's own check, run in the reader's browser (issue 13 §7): that the journal
 * entry which issued a document is included (RFC 9162 §2.1.3.2) in the tree whose root the
 * checkpoint names, and that the checkpoint is signed (Ed25519) by the key the server
 * publishes. WebCrypto only (SHA-256 and Ed25519); nothing of the server is imported, so
 * what the browser checks is this file, not the server's word. The same function runs in
 * the store test on the API's answer and on tampered copies.
 */

export interface InclusionProof {
  seq: number;
  leafHash: string;
  treeSize: number;
  path: string[];
  checkpoint: { body: string; signature: string; keyId: string };
  publicKeyPem: string;
}

export interface ProofCheck {
  ok: boolean;
  /** Each step in Chinese, as the page lists them */
  steps: { label: string; ok: boolean }[];
  /** The first 8 hex digits of SHA-256 of the public key (as `yifa journal` prints it) */
  keyId: string | null;
  /** The checkpoint's time, when its body parsed */
  timestamp: string | null;
}

type Bytes = Uint8Array<ArrayBuffer>;
const hexBytes = (hex: string): Bytes | null => {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
};
const base64Bytes = (b64: string): Bytes | null => {
  try {
    const s = atob(b64);
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
};
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

async function sha256(...parts: Uint8Array[]): Promise<Bytes> {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
}
const children = (l: Uint8Array, r: Uint8Array) => sha256(Uint8Array.of(1), l, r);

/** RFC 9162 §2.1.3.2: the root the inclusion path leads to from leaf `index` in a tree of `size`, or null when the path does not fit. */
async function rootFromPath(leaf: Bytes, index: number, size: number, path: Bytes[]): Promise<Bytes | null> {
  if (!(Number.isSafeInteger(index) && index >= 0 && index < size)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await children(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
    } else r = await children(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/** The checkpoint body: origin, size, base64 root, `timestamp <RFC 3339>`, each line ended by a newline. */
function parseBody(body: string): { size: number; root: Bytes; timestamp: string } | null {
  const lines = body.split('\n');
  if (lines.length !== 5 || lines[4] !== '' || !lines[0]) return null;
  if (!/^(0|[1-9]\d*)$/.test(lines[1]!)) return null;
  const root = base64Bytes(lines[2]!);
  const ts = /^timestamp (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)$/.exec(lines[3]!);
  if (root?.length !== 32 || !ts) return null;
  return { size: Number(lines[1]), root, timestamp: ts[1]! };
}

function spkiOf(pem: string): Bytes | null {
  const m = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  return m ? base64Bytes(m[1]!.replace(/\s+/g, '')) : null;
}

export async function checkInclusionProof(p: InclusionProof): Promise<ProofCheck> {
  const steps: ProofCheck['steps'] = [];
  const body = parseBody(p.checkpoint.body);
  const spki = spkiOf(p.publicKeyPem);
  const keyId = spki ? toHex(await sha256(spki)).slice(0, 8) : null;

  let signed = false;
  if (body && spki) {
    try {
      const key = await crypto.subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify']);
      const sig = base64Bytes(p.checkpoint.signature);
      signed = !!sig && (await crypto.subtle.verify({ name: 'Ed25519' }, key, sig, new TextEncoder().encode(p.checkpoint.body)));
    } catch {
      signed = false;
    }
  }
  steps.push({ label: '检查点的 Ed25519 签名与平台公布的公钥相符', ok: signed });
  steps.push({ label: '签名公钥的指纹与检查点所记一致', ok: keyId !== null && keyId === p.checkpoint.keyId });

  const sized = !!body && body.size === p.treeSize;
  steps.push({ label: '包含证明针对的正是该检查点的日志规模', ok: sized });

  const leaf = hexBytes(p.leafHash);
  const path = p.path.map(hexBytes);
  let included = false;
  if (body && leaf && leaf.length === 32 && path.every((h) => h && h.length === 32)) {
    const root = await rootFromPath(leaf, p.seq, body.size, path as Bytes[]);
    included = !!root && equal(root, body.root);
  }
  steps.push({ label: '签发该文书的日志条目经 Merkle 路径可推算出检查点的根哈希', ok: included });

  return { ok: steps.every((s) => s.ok), steps, keyId, timestamp: body?.timestamp ?? null };
}
