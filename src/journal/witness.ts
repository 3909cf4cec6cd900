/**
 * This installation as a witness of another yifa's journal (C2SP tlog-witness, in yifa's
 * own HTTP API): fetch the other log's key and latest checkpoint, check the signature
 * against the key pinned at first contact, check the checkpoint extends every checkpoint
 * of that log this witness cosigned before (RFC 6962 consistency proof from the other
 * side, verified here with the independent verifier), then cosign it, push the
 * cosignature back, and keep it. Any inconsistency is an alert: journaled, kept, and
 * shown in red on the console; nothing is cosigned.
 *
 * A witness that saw the log at size N catches a later deletion of its tail (together
 * with the checkpoints over it) and any rewrite of its first N entries, even by someone
 * holding the other side's database and its signing key.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../platform/db/database.js';
import type { WitnessCosignatureTable, WitnessPinTable } from '../platform/db/schema.js';
import { canonicalJson } from './canonical.js';
import { keyIdOf } from './checkpoint.js';
import { SYSTEM_ACTOR, type Journal } from './journal.js';
import { RemoteError, fetchJson } from './remote.js';
import { publicKeyOf, spkiDer } from './trusted-witnesses.js';
import { currentPins, latestCosigned, witnessedRecord, type WitnessedRecord } from './witness-store.js';
import { parseCheckpointBody, verifyCheckpointSignature, verifyConsistency, type CheckpointBody } from './verifier/index.js';

export type AlertKind = 'key-changed' | 'origin-changed' | 'bad-signature' | 'size-decreased' | 'root-differs' | 'inconsistent';

export type WitnessResult =
  | { outcome: 'cosigned'; record: WitnessedRecord }
  | { outcome: 'alert'; kind: AlertKind; message: string; origin: string; url: string }
  /** Nothing could be concluded (unreachable, an error answer, a malformed one): no alert, nothing cosigned. */
  | { outcome: 'incomplete'; message: string };

export interface WitnessOptions {
  /** Key id (8 hex) an administrator confirmed out of band: accept the other side's new key and pin it. */
  acceptKeyId?: string;
}

/** The URL given for the other yifa, as its base (scheme, host, any path prefix; no trailing slash). */
export function witnessBaseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`不是有效的地址：${raw}（例：https://xiushan.example.gov.cn）`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`地址须以 http:// 或 https:// 开头：${raw}`);
  if (u.search || u.hash) throw new Error(`请给出被见证的 yifa 的根地址，不带查询参数：${raw}`);
  if (/\/api\//.test(`${u.pathname}/`)) throw new Error(`请给出被见证的 yifa 的根地址（不含 /api/…）：${raw}`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

const keyAnswer = z.object({ origin: z.string().min(1).max(300), publicKeyPem: z.string().min(1).max(2000), keyId: z.string().max(64) });
const checkpointAnswer = z.object({ body: z.string().min(1).max(4096), signature: z.string().min(1).max(400) });
const proofAnswer = z.object({ proof: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(128) });

interface Claimed {
  origin: string;
  publicKeyPem: string;
  keyId: string;
  der: Buffer;
  body: string;
  signature: string;
}

export async function witnessLog(db: Db, journal: Journal, rawUrl: string, opts: WitnessOptions = {}): Promise<WitnessResult> {
  const url = witnessBaseUrl(rawUrl);
  try {
    const claimed = await fetchClaim(url);
    if (claimed.der.equals(spkiDer(publicKeyOf(journal.publicKeyPem, '本系统的签名公钥')))) {
      return { outcome: 'incomplete', message: `${url} 是本系统自己的日志（签名公钥相同）：见证须由另一方进行` };
    }
    const pins = await currentPins(db.kysely, url, claimed.origin);
    const keyProblem = pinProblem(pins, claimed, url);
    const accepted = keyProblem !== null && opts.acceptKeyId !== undefined && opts.acceptKeyId.toLowerCase() === claimed.keyId;
    if (keyProblem && !accepted) return alert(journal, url, pins.byUrl?.origin ?? claimed.origin, keyProblem);
    // The key in force: the one pinned for this URL or this origin, unless the new one was just accepted.
    const pin = accepted ? null : (pins.byUrl ?? pins.byOrigin ?? null);
    // A URL seen for the first time is pinned too (even when its origin was pinned at another URL).
    return await checkAndCosign(db, journal, url, claimed, pin, accepted ? 'accepted' : pins.byUrl ? null : 'first-contact');
  } catch (e) {
    if (e instanceof RemoteError) return { outcome: 'incomplete', message: e.message };
    throw e;
  }
}

async function fetchClaim(url: string): Promise<Claimed> {
  const key = parseAnswer(keyAnswer, await fetchJson(`${url}/api/v1/journal/public-key`), `${url}/api/v1/journal/public-key`);
  const cp = parseAnswer(checkpointAnswer, await fetchJson(`${url}/api/v1/journal/checkpoint`), `${url}/api/v1/journal/checkpoint`);
  let publicKey: KeyObject;
  try {
    publicKey = publicKeyOf(key.publicKeyPem, `${url} 的签名公钥`);
  } catch (e) {
    throw new RemoteError((e as Error).message);
  }
  return {
    origin: key.origin,
    publicKeyPem: key.publicKeyPem,
    keyId: keyIdOf(publicKey),
    der: spkiDer(publicKey),
    body: cp.body,
    signature: cp.signature,
  };
}

function parseAnswer<T>(schema: z.ZodType<T>, json: unknown, where: string): T {
  const r = schema.safeParse(json);
  if (!r.success) throw new RemoteError(`${where} 的答复格式不符：${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}

interface Problem {
  kind: AlertKind;
  message: string;
  evidence: Record<string, unknown>;
}

/** A key or origin that differs from what was pinned for this URL or this origin. */
function pinProblem(
  pins: { byUrl: WitnessPinTable | undefined; byOrigin: WitnessPinTable | undefined },
  claimed: Claimed,
  url: string,
): Problem | null {
  const evidence = (pin: WitnessPinTable) => ({
    pinned: { url: pin.url, origin: pin.origin, keyId: pin.key_id, publicKeyPem: pin.public_key_pem, pinnedAt: pin.pinned_at },
    claimed: { url, origin: claimed.origin, keyId: claimed.keyId, publicKeyPem: claimed.publicKeyPem },
  });
  const { byUrl, byOrigin } = pins;
  if (byUrl && byUrl.origin !== claimed.origin) {
    return {
      kind: 'origin-changed',
      message: `${url} 上的日志原名“${byUrl.origin}”，现在自称“${claimed.origin}”：对方被更换或被冒充（确认属实后可用 --accept-key ${claimed.keyId} 接受）`,
      evidence: evidence(byUrl),
    };
  }
  for (const pin of [byUrl, byOrigin]) {
    if (pin && !sameKey(pin.public_key_pem, claimed.der)) {
      return {
        kind: 'key-changed',
        message: `日志“${claimed.origin}”的签名公钥由 ${pin.key_id}（${pin.pinned_at} 锁定）变为 ${claimed.keyId}：拒绝见证。对方被冒充，或更换了密钥（经线下核实后可用 --accept-key ${claimed.keyId} 接受）`,
        evidence: evidence(pin),
      };
    }
  }
  return null;
}

function sameKey(pinnedPem: string, der: Buffer): boolean {
  return spkiDer(publicKeyOf(pinnedPem, '已锁定的公钥')).equals(der);
}

/**
 * With the key settled: the signature, then consistency with the largest checkpoint of
 * this log cosigned before; then cosign. `newPin` says why a pin row is written with it.
 */
async function checkAndCosign(
  db: Db,
  journal: Journal,
  url: string,
  claimed: Claimed,
  pin: WitnessPinTable | null,
  newPin: WitnessPinTable['reason'] | null,
): Promise<WitnessResult> {
  const origin = pin?.origin ?? claimed.origin;
  const keyPem = pin?.public_key_pem ?? claimed.publicKeyPem;
  const claim = { body: claimed.body, signature: claimed.signature, keyId: claimed.keyId };
  if (!verifyCheckpointSignature(claimed.body, Buffer.from(claimed.signature, 'base64'), keyPem)) {
    return alert(journal, url, origin, {
      kind: 'bad-signature',
      message: `日志“${origin}”的最新检查点签名无效（公钥 ${pin?.key_id ?? claimed.keyId}）：检查点被伪造或被改动`,
      evidence: { claimed: claim },
    });
  }
  const body = parseSigned(claimed.body);
  if (!body) throw new RemoteError(`${url} 的检查点正文格式错误`);
  if (body.origin !== origin) {
    return alert(journal, url, origin, {
      kind: 'origin-changed',
      message: `检查点属于日志“${body.origin}”，而该地址与公钥对应的日志名为“${origin}”`,
      evidence: { claimed: claim },
    });
  }
  const last = await latestCosigned(db.kysely, origin);
  const problem = last ? await consistencyProblem(url, origin, last, body, claim) : null;
  if (problem) return alert(journal, url, origin, problem);
  return cosign(journal, url, { ...claimed, origin }, body, newPin);
}

function parseSigned(body: string): CheckpointBody | null {
  try {
    return parseCheckpointBody(body);
  } catch {
    return null;
  }
}

/** Does the claimed tree extend the one cosigned before? */
async function consistencyProblem(
  url: string,
  origin: string,
  last: WitnessCosignatureTable,
  body: CheckpointBody,
  claim: object,
): Promise<Problem | null> {
  const seen = {
    size: last.size,
    rootHash: last.root_hash,
    timestamp: last.timestamp,
    body: last.body,
    signature: last.signature,
    cosignedAt: last.cosigned_at,
  };
  const root = body.rootHash.toString('hex');
  if (body.size < last.size) {
    return {
      kind: 'size-decreased',
      message: `日志“${origin}”的规模从 ${last.size} 条降为 ${body.size} 条 — 日志尾部被删除或回滚（本见证方于 ${last.cosigned_at} 见证过规模 ${last.size}）`,
      evidence: { seen, claimed: claim },
    };
  }
  if (body.size === last.size) {
    if (root === last.root_hash) return null;
    return {
      kind: 'root-differs',
      message: `日志“${origin}”在规模 ${body.size} 处签发了与此前不同的根哈希 — 日志被改写（两份签名检查点均已留存为证据）`,
      evidence: { seen, claimed: claim },
    };
  }
  const where = `${url}/api/v1/journal/proofs/consistency?from=${last.size}&to=${body.size}`;
  const { proof } = parseAnswer(proofAnswer, await fetchJson(where), where);
  const hashes = proof.map((h) => Buffer.from(h, 'hex'));
  if (verifyConsistency(last.size, body.size, Buffer.from(last.root_hash, 'hex'), body.rootHash, hashes)) return null;
  return {
    kind: 'inconsistent',
    message: `日志“${origin}”规模 ${body.size} 的检查点与本见证方见证过的规模 ${last.size} 不一致 — 前 ${last.size} 条记录被改写（一致性证明不成立）`,
    evidence: { seen, claimed: claim, proof },
  };
}

async function alert(journal: Journal, url: string, origin: string, p: Problem): Promise<WitnessResult> {
  const detectedAt = journal.clock().toISOString();
  const row = {
    id: randomUUID(),
    origin,
    url,
    kind: p.kind,
    message: p.message,
    evidence: canonicalJson(p.evidence),
    detected_at: detectedAt,
  };
  await journal.perform(
    {
      type: 'journal.witness.alert',
      actor: SYSTEM_ACTOR,
      subject: { type: 'witnessed-log', id: origin },
      payload: { ...row, evidence: p.evidence },
    },
    async (trx) => {
      await trx.insertInto('witness_alerts').values(row).execute();
      return { id: row.id };
    },
  );
  return { outcome: 'alert', kind: p.kind, message: p.message, origin, url };
}

interface Push {
  pushed: WitnessCosignatureTable['pushed'];
  message: string;
}

async function cosign(
  journal: Journal,
  url: string,
  claimed: Claimed,
  body: CheckpointBody,
  newPin: WitnessPinTable['reason'] | null,
): Promise<WitnessResult> {
  const now = journal.clock();
  const time = Math.floor(now.getTime() / 1000);
  const cosignature = journal.cosign(claimed.body, time).toString('base64');
  const rootHash = body.rootHash.toString('hex');
  const push = await pushCosignature(url, {
    size: body.size,
    rootHash,
    time,
    signature: cosignature,
    witness: { name: journal.origin, publicKeyPem: journal.publicKeyPem },
  });
  const row: WitnessCosignatureTable = {
    id: randomUUID(),
    origin: claimed.origin,
    url,
    size: body.size,
    root_hash: rootHash,
    timestamp: body.timestamp,
    body: claimed.body,
    signature: claimed.signature,
    key_id: claimed.keyId,
    cosign_time: time,
    cosignature,
    cosigned_at: now.toISOString(),
    pushed: push.pushed,
    push_message: push.message,
  };
  const pin = newPin
    ? {
        id: randomUUID(),
        url,
        origin: claimed.origin,
        public_key_pem: claimed.publicKeyPem,
        key_id: claimed.keyId,
        reason: newPin,
        pinned_at: now.toISOString(),
      }
    : null;
  await journal.perform(
    {
      type: 'journal.witness.cosign',
      actor: SYSTEM_ACTOR,
      subject: { type: 'witnessed-log', id: claimed.origin },
      payload: {
        origin: claimed.origin,
        url,
        size: body.size,
        rootHash,
        timestamp: body.timestamp,
        keyId: claimed.keyId,
        cosignTime: time,
        pushed: push.pushed,
        pushMessage: push.message,
        pinned: pin?.reason ?? null,
      },
    },
    async (trx) => {
      if (pin) await trx.insertInto('witness_pins').values(pin).execute();
      await trx.insertInto('witness_cosignatures').values(row).execute();
      return { id: row.id };
    },
  );
  const record = witnessedRecord(row, { name: journal.origin, keyId: journal.keyId, publicKeyPem: journal.publicKeyPem });
  return { outcome: 'cosigned', record: { ...record, url, pushed: push.pushed, pushMessage: push.message } };
}

/** Hands the cosignature to the witnessed server; its answer is kept, whatever it is. */
async function pushCosignature(url: string, cosignature: object): Promise<Push> {
  try {
    await fetchJson(`${url}/api/v1/journal/cosignatures`, { method: 'POST', json: cosignature });
    return { pushed: 'accepted', message: '对方已接受' };
  } catch (e) {
    if (!(e instanceof RemoteError)) throw e;
    const refused = e.status !== undefined && e.status >= 400 && e.status < 500;
    return { pushed: refused ? 'refused' : 'failed', message: e.code ? `${e.code}：${e.message}` : e.message };
  }
}
