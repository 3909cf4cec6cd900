/**
 * The witnesses whose cosignatures this server accepts: YIFA_TRUSTED_WITNESSES names a
 * text file of Ed25519 public keys in PEM (SPKI, "-----BEGIN PUBLIC KEY-----"), one block
 * per witness, as each witness serves at GET /api/v1/journal/public-key. Blank lines and
 * lines starting with # may stand between blocks; a # line right before a block names
 * that witness for people (the witness's own name travels with each cosignature).
 *
 * The file is read again when it changes, so adding a witness needs no restart.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { keyIdOf } from './checkpoint.js';

export interface TrustedWitness {
  keyId: string;
  /** From the # line before its block, if any */
  label: string | null;
  /** SPKI DER: keys are compared by these bytes, not by the short key id */
  der: Buffer;
}

let cache: { file: string; stamp: string; witnesses: TrustedWitness[] } | undefined;

/** The trusted witnesses, or none when no file is set. A malformed file is an error, never "trust nobody" in silence. */
export function trustedWitnesses(file: string | undefined): TrustedWitness[] {
  if (!file) return [];
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch (e) {
    throw new Error(`YIFA_TRUSTED_WITNESSES 指定的文件 ${file} 无法读取：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (cache?.file === file && cache.stamp === stamp) return cache.witnesses;
  const witnesses = parseTrustedWitnesses(readFileSync(file, 'utf8'), file);
  cache = { file, stamp, witnesses };
  return witnesses;
}

export function parseTrustedWitnesses(text: string, file: string): TrustedWitness[] {
  const out: TrustedWitness[] = [];
  const lines = text.split(/\r?\n/);
  let label: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      label = line.slice(1).trim() || null;
      continue;
    }
    if (line !== '-----BEGIN PUBLIC KEY-----') throw new Error(`${file} 第 ${i + 1} 行：应为注释（# 开头）或 -----BEGIN PUBLIC KEY-----`);
    const end = lines.findIndex((l, j) => j > i && l.trim() === '-----END PUBLIC KEY-----');
    if (end < 0) throw new Error(`${file} 第 ${i + 1} 行起的公钥缺少 -----END PUBLIC KEY-----`);
    const key = publicKeyOf(lines.slice(i, end + 1).join('\n'), `${file} 第 ${i + 1} 行`);
    out.push({ keyId: keyIdOf(key), label, der: spkiDer(key) });
    label = null;
    i = end;
  }
  return out;
}

/** An Ed25519 public key from PEM, or a clear error naming `where`. */
export function publicKeyOf(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (e) {
    throw new Error(`${where}：不是有效的 PEM 公钥（${(e as Error).message}）`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${where}：不是 Ed25519 公钥（实为 ${key.asymmetricKeyType ?? '未知'}）`);
  return key;
}

export function spkiDer(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' });
}
