/**
 * Witnessing over HTTP. As a witnessed log: POST /journal/cosignatures takes a trusted
 * witness's cosignature of one of this journal's own checkpoints. As a witness: GET
 * /journal/witnessed hands out the latest checkpoint of another log it cosigned, for that
 * log's `yifa journal verify --checkpoint URL`. GET /journal/witness is the console's view.
 */
import { type KeyObject, randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import { DomainError } from '../platform/errors.js';
import { serviceRequest } from '../platform/http/request.js';
import { keyIdOf } from './checkpoint.js';
import { publicKeyOf, spkiDer, trustedWitnesses } from './trusted-witnesses.js';
import { verifyCosignature } from './verifier/index.js';
import { latestCosigned, witnessOverview, witnessedRecord } from './witness-store.js';

const cosignatureInput = z.strictObject({
  size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/, '须为 64 位小写十六进制'),
  /** Unix seconds, as in the signed message */
  time: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, '须为 64 字节 Ed25519 签名的 base64'),
  witness: z.strictObject({
    name: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\r\n]+$/, '须为一行'),
    publicKeyPem: z.string().min(1).max(2000),
  }),
});

export const witnessRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['journal'];
    const publicLimit = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };

    app.post(
      '/journal/cosignatures',
      {
        schema: { tags, summary: '提交见证签名（仅接受受信任见证方对本日志检查点的签名）', body: cosignatureInput },
        config: publicLimit,
      },
      async (req, reply) => {
        const stored = await acceptCosignature(yifa, req.body);
        return reply.status(201).send(stored);
      },
    );

    app.get(
      '/journal/witnessed',
      {
        schema: {
          tags,
          summary: '本系统见证过的某日志的最新检查点（含本系统的见证签名）',
          querystring: z.strictObject({ origin: z.string().min(1).max(300) }),
        },
        config: publicLimit,
      },
      async (req) => {
        const row = await latestCosigned(yifa.db.kysely, req.query.origin);
        if (!row) throw new DomainError('NOT_FOUND', `本系统尚未见证过日志“${req.query.origin}”`);
        return witnessedRecord(row, { name: yifa.journal.origin, keyId: yifa.journal.keyId, publicKeyPem: yifa.journal.publicKeyPem });
      },
    );

    app.get('/journal/witness', { schema: { tags, summary: '见证状态：谁见证了本日志；本系统见证的日志及告警' } }, async (req) => {
      await serviceRequest(yifa, req, 'journal.read');
      return {
        self: { name: yifa.journal.origin, keyId: yifa.journal.keyId },
        trust: trustSummary(yifa),
        ...(await witnessOverview(yifa.db.kysely)),
      };
    });
  };

type CosignatureInput = z.infer<typeof cosignatureInput>;

/**
 * Keeps a cosignature only from a trusted witness, only of a checkpoint this journal
 * signed (same size and root), and only if it verifies against the witness's key.
 * Not journaled: it is self-authenticating, and journaling it would grow the journal
 * the witness just cosigned, so a witness would never see a journal at rest.
 */
async function acceptCosignature(yifa: Yifa, input: CosignatureInput) {
  let key: KeyObject;
  try {
    key = publicKeyOf(input.witness.publicKeyPem, '见证方公钥');
  } catch (e) {
    throw new DomainError('INVALID_INPUT', (e as Error).message);
  }
  const keyId = keyIdOf(key);
  requireTrusted(yifa, spkiDer(key), keyId);
  const cp = await yifa.journal.checkpointAt(input.size);
  if (!cp || cp.rootHash !== input.rootHash) {
    throw new DomainError(
      'CHECKPOINT_UNKNOWN',
      `本日志没有规模为 ${input.size}、根哈希为 ${input.rootHash.slice(0, 16)}… 的签名检查点：见证方见到的不是本日志签发的检查点`,
    );
  }
  if (!verifyCosignature(cp.body, input.time, Buffer.from(input.signature, 'base64'), input.witness.publicKeyPem)) {
    throw new DomainError('SIGNATURE_INVALID', `见证签名不能用见证方公钥 ${keyId} 验证`);
  }
  const row = {
    id: randomUUID(),
    size: input.size,
    root_hash: input.rootHash,
    witness_name: input.witness.name,
    witness_key_id: keyId,
    witness_public_key_pem: input.witness.publicKeyPem,
    cosign_time: input.time,
    signature: input.signature,
    received_at: yifa.clock.now().toISOString(),
  };
  await yifa.db.kysely.insertInto('journal_cosignatures').values(row).execute();
  return { accepted: true, id: row.id, size: row.size, witnessKeyId: keyId };
}

function requireTrusted(yifa: Yifa, der: Buffer, keyId: string): void {
  const file = yifa.config.trustedWitnessesFile;
  if (!file) throw new DomainError('WITNESS_UNTRUSTED', '本系统未配置受信任的见证方（YIFA_TRUSTED_WITNESSES），不接受见证签名');
  if (!trustedWitnesses(file).some((w) => w.der.equals(der))) {
    throw new DomainError(
      'WITNESS_UNTRUSTED',
      `见证方公钥 ${keyId} 不在本系统信任的见证方名单中（YIFA_TRUSTED_WITNESSES），见证签名未被接受`,
    );
  }
}

/** For the console's empty state: is any witness trusted, and is the file readable. */
function trustSummary(yifa: Yifa): { configured: boolean; witnesses: { keyId: string; label: string | null }[]; error: string | null } {
  const file = yifa.config.trustedWitnessesFile;
  if (!file) return { configured: false, witnesses: [], error: null };
  try {
    return { configured: true, witnesses: trustedWitnesses(file).map((w) => ({ keyId: w.keyId, label: w.label })), error: null };
  } catch (e) {
    return { configured: true, witnesses: [], error: (e as Error).message };
  }
}
