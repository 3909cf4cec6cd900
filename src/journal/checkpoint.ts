/**
 * Signed checkpoints, writer side. The signed bytes are a C2SP tlog-checkpoint body —
 * origin, tree size, base64 root hash, then one extension line with the UTC time —
 * never JSON. Ed25519 via node:crypto; the key lives in the data directory, or at
 * YIFA_SIGNING_KEY_FILE outside it (production), mode 0600 either way.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  created: boolean;
}

/**
 * A witness's cosignature of another log's checkpoint, in the C2SP tlog-cosignature/v1
 * form: the witness signs "cosignature/v1", the time (Unix seconds) and the checkpoint
 * body, so the signature says "at this time I had checked this tree is consistent with
 * everything I saw of this log before".
 */
export function cosignatureMessage(body: string, time: number): string {
  if (!Number.isSafeInteger(time) || time < 0) throw new Error('cosignature time must be a non-negative integer');
  return `cosignature/v1\ntime ${time}\n${body}`;
}

export function signCosignature(privateKey: KeyObject, body: string, time: number): Buffer {
  return sign(null, Buffer.from(cosignatureMessage(body, time), 'utf8'), privateKey);
}

/**
 * Loads the deployment's signing key. With `keyFile` (YIFA_SIGNING_KEY_FILE) the key is
 * read from there and must exist: it is kept away from the data directory on purpose, so
 * a missing file is a mistake to report, not a reason to make a new key. Without it the
 * key is in the data directory and created on first start.
 */
export function loadOrCreateSigningKey(dataDir: string, keyFile?: string): SigningKey {
  if (keyFile) return loadSigningKeyFile(keyFile, dataDir);
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
  return { ...readSigningKey(file), created };
}

function loadSigningKeyFile(file: string, dataDir: string): SigningKey {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new Error(
      `YIFA_SIGNING_KEY_FILE 指定的签名密钥文件 ${path} 不存在：请把原有的 ${SIGNING_KEY_FILE} 移到该处（chmod 600），新部署可用 openssl genpkey -algorithm ed25519 -out ${path} 生成`,
    );
  }
  // A copy left in the data directory undoes the point of moving the key: whoever can
  // rewrite the database and the data directory could sign a rewritten journal with it.
  const copy = resolve(dataDir, SIGNING_KEY_FILE);
  if (copy !== path && existsSync(copy)) {
    throw new Error(
      `已设置 YIFA_SIGNING_KEY_FILE（${path}），但数据目录中仍有签名密钥 ${copy}：能改写数据目录的人可用它重新签名被改写的日志。请确认两者是同一把密钥后删除数据目录中的副本`,
    );
  }
  return { ...readSigningKey(path), created: false };
}

/** Refuses a key file readable by others (a leaked key lets anyone sign a false history) and any key but Ed25519. */
function readSigningKey(file: string): Omit<SigningKey, 'created'> {
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077)
    throw new Error(`签名密钥文件 ${file} 的权限为 ${mode.toString(8)}，同组或其他用户可以访问；请执行 chmod 600 ${file} 后重启`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch (e) {
    throw new Error(`签名密钥文件 ${file} 不是 PEM 格式的私钥：${(e as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`签名密钥文件 ${file} 不是 Ed25519 私钥（实为 ${privateKey.asymmetricKeyType ?? '未知'}）`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}
