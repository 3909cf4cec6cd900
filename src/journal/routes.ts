import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import { DomainError, notFound } from '../platform/errors.js';
import { serviceRequest } from '../platform/http/request.js';
import { journalDenied, requireUser } from '../platform/http/auth.js';
import type { Request } from '../platform/security/request.js';
import { decodeCursor, pageOf, pageQuery } from '../platform/http/pagination.js';
import { scopeFilter } from '../platform/security/scope.js';
import { narrowedActions } from '../procedure/read-scope.js';
import type { Action } from './journal.js';
import { readableEntry, type JournalReadPolicies, type JournalReader } from './read-policy.js';
import { witnessRoutes } from './witness-routes.js';
import { entryViews } from './entries.js';
import { canonicalJson } from './canonical.js';
import { LEAF_FIELDS, LEAF_FORMAT } from './leaf.js';

const seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Why the stored entry is not shown whole to a reader who sees its payload masked. */
export const RAW_WITHHELD = '该条记录含您无权查看的个人信息，原始记录不予显示；其叶哈希与包含证明仍可核验。';

/**
 * Whether the reader may see this entry at all: in his scope of the whole journal
 * (journal.read), or on a record of a procedure he may read (its 全过程记录: the
 * procedure's own check, which journals a refusal).
 */
async function mayReach(yifa: Yifa, req: Request, a: Action): Promise<boolean> {
  if (req.auth.permissions.has('journal.read')) {
    const inScope = await yifa.db.kysely
      .selectFrom('actions')
      .select('seq')
      .where('seq', '=', Number(a.seq))
      .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'actor_user_id' }))
      .where(narrowedActions(req.auth, yifa.procedures))
      .executeTakeFirst();
    if (inScope) return true;
  }
  const entry = yifa.procedures.find((p) => p.proc.subjectType === a.subject_type);
  if (!entry || a.subject_id === null || !req.auth.permissions.has(entry.proc.permissions.read as never)) return false;
  return entry.visible(yifa, req, a.subject_id).then(
    () => true,
    () => false,
  );
}

/** The stored fields of an entry, as its leaf encodes them (leaf.ts): what a verifier rebuilds the leaf hash from. */
const leafFieldsOf = (a: Action) => Object.fromEntries(LEAF_FIELDS.map((f) => [f, f === 'seq' ? Number(a.seq) : a[f]]));

export const journalRoutes =
  (yifa: Yifa, policies: JournalReadPolicies): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['journal'];
    const publicLimit = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };

    app.get('/journal/public-key', { schema: { tags, summary: '日志检查点签名公钥（Ed25519）' }, config: publicLimit }, async () => ({
      algorithm: 'Ed25519',
      keyId: yifa.journal.keyId,
      origin: yifa.journal.origin,
      publicKeyPem: yifa.journal.publicKeyPem,
    }));

    app.get('/journal/checkpoint', { schema: { tags, summary: '最新签名检查点' }, config: publicLimit }, async () => {
      const cp = await yifa.journal.checkpoint();
      if (!cp) throw new DomainError('NOT_FOUND', '日志为空，尚无检查点');
      return cp;
    });

    app.get(
      '/journal/proofs/inclusion',
      {
        schema: { tags, summary: '包含证明（RFC 6962）', querystring: z.strictObject({ seq, size: seq.optional() }) },
        config: publicLimit,
      },
      async (req) => {
        const cp = req.query.size === undefined ? await yifa.journal.checkpoint() : await yifa.journal.checkpointAt(req.query.size);
        if (!cp) throw new DomainError('NOT_FOUND', '该规模的签名检查点不存在');
        if (req.query.seq >= cp.size) throw new DomainError('INVALID_INPUT', `序号 ${req.query.seq} 不在规模为 ${cp.size} 的树中`);
        const action = await yifa.journal.action(req.query.seq);
        if (!action) throw notFound('日志条目');
        const proof = await yifa.journal.inclusionProof(req.query.seq, cp.size);
        return {
          seq: req.query.seq,
          treeSize: cp.size,
          leafHash: action.leaf_hash,
          proof: proof.map((h) => h.toString('hex')),
          checkpoint: cp,
        };
      },
    );

    // `from` may be any size: a witness asks from the size it saw last, and this server may
    // no longer have (or never have had) a checkpoint there. `to` must be signed, so the
    // proof always ends at a root this journal committed to.
    app.get(
      '/journal/proofs/consistency',
      {
        schema: {
          tags,
          summary: '一致性证明（RFC 6962）：from 为任意规模，to 须为已签名检查点的规模',
          querystring: z.strictObject({ from: seq, to: seq }),
        },
        config: publicLimit,
      },
      async (req) => {
        const { from, to } = req.query;
        if (from > to || from === 0) throw new DomainError('INVALID_INPUT', '须满足 0 < from ≤ to');
        const [a, b] = await Promise.all([yifa.journal.checkpointAt(from), yifa.journal.checkpointAt(to)]);
        if (!b) throw new DomainError('NOT_FOUND', `规模 ${to} 处没有签名检查点（to 须为已签名检查点的规模）`);
        const proof = await yifa.journal.consistencyProof(from, to).catch((e: Error) => {
          throw new DomainError('CONFLICT', `无法由存储的节点构造一致性证明（${e.message}）：日志可能已损坏，请运行 yifa journal verify`);
        });
        return { from: a ?? null, fromSize: from, to: b, proof: proof.map((h) => h.toString('hex')) };
      },
    );

    await base.register(witnessRoutes(yifa));

    app.get(
      '/journal/actions',
      {
        schema: {
          tags,
          summary: '操作日志（按数据权限过滤，新在前）',
          querystring: z.strictObject({
            type: z.string().max(64).optional(),
            subjectType: z.string().max(32).optional(),
            subjectId: z.string().max(64).optional(),
            ...pageQuery,
          }),
        },
      },
      async (req) => {
        const { auth } = await serviceRequest(yifa, req, 'journal.read');
        let q = yifa.db.kysely
          .selectFrom('actions')
          .selectAll()
          .where(scopeFilter(auth.scope, { path: 'region_path', createdBy: 'actor_user_id' }))
          .where(narrowedActions(auth, yifa.procedures));
        if (req.query.type) q = q.where('type', '=', req.query.type);
        if (req.query.subjectType) q = q.where('subject_type', '=', req.query.subjectType);
        if (req.query.subjectId) q = q.where('subject_id', '=', req.query.subjectId);
        const after = decodeCursor(req.query.cursor, 1);
        if (after) q = q.where('seq', '<', Number(after[0]));
        const rows = await q
          .orderBy('seq', 'desc')
          .limit(req.query.limit + 1)
          .execute();
        const reader: JournalReader = { permissions: auth.permissions, agencyId: auth.user.agencyId };
        const page = pageOf(
          rows,
          req.query.limit,
          (r) => [Number(r.seq)],
          (r) => r,
        );
        return { ...page, items: await entryViews(yifa, page.items, (a, raw) => readableEntry(policies, a.subject_type, raw, reader)) };
      },
    );

    // The auditor's view of one entry: the stored fields its leaf is built from, and its
    // inclusion proof at the latest signed checkpoint. A reader who sees the payload masked
    // gets the proof and the hash but not the stored fields (they hold what he may not read).
    app.get(
      '/journal/actions/:seq/raw',
      { schema: { tags, summary: '日志条目的原始记录与包含证明（审计用）', params: z.strictObject({ seq }) } },
      async (req) => {
        const auth = requireUser(req);
        const r: Request = { auth, idempotencyKey: null, denied: (detail, subject) => journalDenied(yifa, req, 'scope', detail, subject) };
        const a = await yifa.journal.action(req.params.seq);
        if (!a || !(await mayReach(yifa, r, a))) throw notFound('日志条目');
        const raw = { payload: JSON.parse(a.payload) as unknown, result: a.result === null ? null : (JSON.parse(a.result) as unknown) };
        const seen = readableEntry(policies, a.subject_type, raw, { permissions: auth.permissions, agencyId: auth.user.agencyId });
        const whole =
          !seen.withheld &&
          canonicalJson(seen.payload) === canonicalJson(raw.payload) &&
          canonicalJson(seen.result) === canonicalJson(raw.result);
        const [view] = await entryViews(yifa, [a], () => seen);
        const cp = await yifa.journal.checkpoint();
        const included = cp && Number(a.seq) < cp.size;
        return {
          entry: view!,
          leaf: whole ? { format: LEAF_FORMAT, fields: leafFieldsOf(a) } : null,
          leafWithheld: whole ? null : (seen.withheld?.message ?? RAW_WITHHELD),
          leafHash: a.leaf_hash,
          inclusion: included
            ? {
                treeSize: cp.size,
                proof: (await yifa.journal.inclusionProof(Number(a.seq), cp.size)).map((h) => h.toString('hex')),
                checkpoint: cp,
              }
            : null,
        };
      },
    );
  };
