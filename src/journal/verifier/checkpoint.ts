/**
 * Checkpoint checks for the independent verifier: the signed body is
 * "<origin>\n<size>\n<base64 root>\ntimestamp <RFC 3339>\n", signed with Ed25519, and
 * witnesses' cosignatures of such a body.
 */
import { createPublicKey, verify } from 'node:crypto';

export interface CheckpointBody {
  origin: string;
  size: number;
  rootHash: Buffer;
  timestamp: string;
}

export function parseCheckpointBody(body: string): CheckpointBody {
  const lines = body.split('\n');
  if (lines.length !== 5 || lines[4] !== '') throw new Error('checkpoint body: expected four lines ending with a newline');
  const [origin, size, root, ts] = lines as [string, string, string, string];
  if (!origin) throw new Error('checkpoint body: empty origin');
  if (!/^(0|[1-9]\d*)$/.test(size)) throw new Error('checkpoint body: bad size');
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) throw new Error('checkpoint body: bad root hash');
  const m = /^timestamp (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z)$/.exec(ts);
  if (!m) throw new Error('checkpoint body: bad timestamp line');
  return { origin, size: Number(size), rootHash, timestamp: m[1]! };
}

export function verifyCheckpointSignature(body: string, signature: Buffer, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(body, 'utf8'), createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

/**
 * A witness's cosignature (C2SP tlog-cosignature/v1): Ed25519 over
 * "cosignature/v1\ntime <Unix seconds>\n" followed by the checkpoint body.
 */
export function verifyCosignature(body: string, time: number, signature: Buffer, witnessPublicKeyPem: string): boolean {
  if (!Number.isSafeInteger(time) || time < 0) return false;
  return verifyCheckpointSignature(`cosignature/v1\ntime ${time}\n${body}`, signature, witnessPublicKeyPem);
}
