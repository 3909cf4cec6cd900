/**
 * Verification by QR code (issue 13 §7): what the portal's verify page shows for a document's
 * 查验码. The authoritative summary — for a published 行政处罚决定书, the decision as the public
 * read path serves it (masked, withdrawn shown with its reason); for any other document only
 * its title, number, issuing agency, date and standing — and the inclusion proof of the
 * journal entry that issued it at the latest signed checkpoint, which the page checks in the
 * browser (web/src/portal/verify-proof.ts) against the checkpoint's Ed25519 signature.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { DomainError } from '../../platform/errors.js';
import { formatVerificationCode, normaliseVerificationCode } from '../../platform/security/public-codes.js';
import { issuedByCode } from '../../procedure/documents/verification.js';
import { catalogWithdrawal } from '../../procedure/catalog.js';
import { todayInChina } from '../../calendar/legal-date.js';
import { publicDecisionOfDocument } from './service.js';

/** One answer for a code that cannot be one and for a code nobody was given: no oracle. */
export const unknownCode = () =>
  new DomainError(
    'NOT_FOUND',
    '未找到该查验码对应的文书。请核对查验码（12 位字母和数字，不区分大小写）；如仍未找到，该文书可能不是本平台出具的。',
  );

export const DOCUMENT_STATUS_NAMES = {
  issued: '本平台已出具',
  published: '已出具，公示中',
  withdrawn: '已撤回',
  lapsed: '已出具，已失效',
} as const;

/** The journal entry that issued the document: the action of its type on its record whose result holds its number. */
async function issuingEntry(yifa: Yifa, d: { subject_type: string; case_id: string; action_type: string; number: string }) {
  const rows = await yifa.db.kysely
    .selectFrom('actions')
    .select(['seq', 'leaf_hash', 'result', 'occurred_at'])
    .where('subject_type', '=', d.subject_type)
    .where('subject_id', '=', d.case_id)
    .where('type', '=', d.action_type)
    .orderBy('seq')
    .execute();
  return rows.find((r) => r.result !== null && (JSON.parse(r.result) as { number?: unknown }).number === d.number);
}

export async function verifyDocument(yifa: Yifa, typed: string) {
  const code = normaliseVerificationCode(typed);
  if (!code) throw unknownCode();
  const d = await issuedByCode(yifa.db.kysely, code);
  if (!d) throw unknownCode();
  const [decision, lapsed, entry, checkpoint] = await Promise.all([
    publicDecisionOfDocument(yifa, { type: d.subject_type, id: d.case_id }, d.number),
    // A catalogued document no longer in force: a list version superseded by the next.
    catalogWithdrawal(yifa.db.kysely, { type: d.subject_type, id: d.case_id }),
    issuingEntry(yifa, d),
    yifa.journal.latestCheckpoint(),
  ]);
  const withdrawn = decision?.status === 'withdrawn';
  const status = withdrawn ? 'withdrawn' : decision ? 'published' : lapsed ? 'lapsed' : 'issued';
  const seq = entry ? Number(entry.seq) : null;
  const proven = entry && checkpoint && seq !== null && seq < checkpoint.size;
  return {
    code: formatVerificationCode(code),
    document: {
      title: d.title ?? yifa.naming.actions[d.action_type]?.title ?? '文书',
      number: d.number,
      agency: d.agency_name,
      procedure: yifa.naming.records[d.subject_type]?.name ?? null,
      issuedOn: decision?.decidedOn ?? todayInChina(new Date(d.issued_at)),
    },
    status,
    statusName:
      withdrawn && decision?.withdrawal
        ? `已撤回（${decision.withdrawal.kindName}）`
        : lapsed
          ? `${DOCUMENT_STATUS_NAMES.lapsed}（${lapsed.reason}）`
          : DOCUMENT_STATUS_NAMES[status],
    withdrawal: decision?.withdrawal ?? null,
    /** Since when and why a catalogued document is no longer in force; null otherwise */
    lapsed,
    /** The published decision as the public sees it (masked); null for any other document */
    decision,
    /** The journal entry that issued it, proven included in the latest signed checkpoint; null while no checkpoint covers it yet */
    proof: proven
      ? {
          seq,
          leafHash: entry.leaf_hash,
          treeSize: checkpoint.size,
          path: (await yifa.journal.inclusionProof(seq, checkpoint.size)).map((h) => h.toString('hex')),
          checkpoint: { body: checkpoint.body, signature: checkpoint.signature, keyId: checkpoint.keyId },
          publicKeyPem: yifa.journal.publicKeyPem,
        }
      : null,
  };
}

export const verifyRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/public/verify/:code',
      {
        schema: {
          tags: ['public'],
          summary: '文书查验：按查验码（二维码）查询文书的权威摘要、是否撤回，以及签发记录在签名检查点中的包含证明',
          params: z.strictObject({ code: z.string().min(1).max(32) }),
        },
        config: { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } },
      },
      async (req) => verifyDocument(yifa, req.params.code),
    );
  };
