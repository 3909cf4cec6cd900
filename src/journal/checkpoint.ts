/**
 * Signed checkpoints, writer side. The signed bytes are a C2SP tlog-checkpoint body —
 * origin, tree size, base64 root hash, then one extension line with the UTC time —
 * never JSON. Ed25519 via node:crypto; the key lives in the data directory, mode 0600.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hash } from './merkle.js';

export const SIGNING_KEY_FILE = 'journal-signing-key.pem';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Hash;
  timestamp: string;
  body: string;
  signature: Buffer;
  keyId: string;
}

export function checkpointBody(origin: string, size: number, root: Hash, timestamp: string): string {
  if (!origin || /\n/.test(origin)) throw new Error('checkpoint origin must be one non-empty line');
  if (!Number.isSafeInteger(size) || size < 0) throw new Error('checkpoint size must be a non-negative integer');
  if (root.length !== 32) throw new Error('checkpoint root must be 32 bytes');
  return `${origin}\n${size}\n${root.toString('base64')}\ntimestamp ${timestamp}\n`;
}

export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(raw).digest('hex').slice(0, 8);
}

export function signCheckpoint(privateKey: KeyObject, origin: string, size: number, root: Hash, timestamp: string): Checkpoint {
  const body = checkpointBody(origin, size, root, timestamp);
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKey);
  return { origin, size, rootHash: root, timestamp, body, signature, keyId: keyIdOf(createPublicKey(privateKey)) };
}

/**
 * Loads the deployment's signing key, creating it on first start. Refuses a key file
 * readable by others: a leaked key lets anyone sign a false history.
 */
export function loadOrCreateSigningKey(dataDir: string): { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SIGNING_KEY_FILE);
  let created = false;
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      created = true;
    } catch (e) {
      // Another process created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`签名密钥文件 ${file} 的权限为 ${mode.toString(8)}，其他用户可读；请执行 chmod 600 后重启`);
  const privateKey = createPrivateKey(readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), created };
}
