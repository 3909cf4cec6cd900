/**
 * 以案释法 (谁执法谁普法): staff explain the law through a closed case. The case is reached
 * through the kit's registry (`yifa.procedures`), never by importing its module: its state read
 * in the writer's scope and proven, the facts taken from what the procedure publishes
 * (`Procedure.publications`: the publication of its decision), the party through the disclosure module's masks (`publicParty`:
 * 张某某, ID number, phone and address never), the articles cited as structured citations
 * (`《法名》第X条`). A case still open is refused; a text naming the party or carrying his ID
 * number or phone is refused; the head (another person) approves; only an approved
 * explanation is published, to the portal and into the catalog (以案释法), with its 文号 (issue.ts).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { optionalText, requiredText } from '../../platform/http/schemas.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { decodeCursor, keysetAfter, pageOf } from '../../platform/http/pagination.js';
import { publishInCatalog } from '../../procedure/catalog.js';
import type { PublicationFacts } from '../../procedure/spec.js';
import type { ProcedureEntry } from '../../procedure/registry.js';
import { publicParty } from '../disclosure/masks.js';
import { dbOf, trxOf, type CaseExplanationTable } from './tables.js';
import { reach } from './scope.js';
import { issueNumber } from './issue.js';

export const EXPLANATION_SUBJECT = 'case-explanation';

/** 政府信息公开条例 第十五条: personal privacy is not disclosed. */
export const OGI_15 = '《中华人民共和国政府信息公开条例》第十五条';

export const EXPLANATION_STATUSES = { draft: '草稿', submitted: '待审批', approved: '已批准', published: '已发布' } as const;
export type ExplanationStatus = keyof typeof EXPLANATION_STATUSES;

export const citation = z.strictObject({
  law: requiredText(100).meta({ title: '法律法规名称' }),
  article: requiredText(50)
    .regex(/^第[一二三四五六七八九十百千零〇两\d]+条/, '条文须写作“第X条”，可带款、项')
    .meta({ title: '条款' }),
  excerpt: optionalText(2000).optional().meta({ title: '条文内容' }),
});
export type Citation = z.infer<typeof citation>;

export const draftBody = z.strictObject({
  caseId: z.string().uuid(),
  title: requiredText(100).meta({ title: '标题' }),
  body: requiredText(10000).meta({ title: '释法说理' }),
  /** Absent: the articles of the decision's 处罚依据 */
  citations: z.array(citation).min(1).max(20).optional(),
});
export const explanationEditBody = z.strictObject({
  title: requiredText(100).meta({ title: '标题' }),
  body: requiredText(10000).meta({ title: '释法说理' }),
  citations: z.array(citation).min(1).max(20),
});
export const approvalBody = z.strictObject({
  approve: z.boolean().meta({ title: '是否批准' }),
  note: optionalText(500).meta({ title: '审批意见' }),
});

/** The articles a 处罚依据 cites: 《法名》第X条(第X款). */
export function citationsIn(basis: string): Citation[] {
  const out: Citation[] = [];
  for (const m of basis.matchAll(/《([^》]{1,100})》((?:第[一二三四五六七八九十百千零〇两\d]+[条款项](?:、)?)+)/g)) {
    for (const article of m[2]!.split('、').filter(Boolean)) out.push({ law: m[1]!, article, excerpt: null });
  }
  return out;
}

/** The case as the public may read it: the party masked. */
export interface PublicCaseFacts {
  number: string | null;
  party: ReturnType<typeof publicParty>;
  violationType: string;
  penalty: string;
  basis: string;
  agencyName: string;
  decidedOn: string;
}

const maskedFacts = (f: PublicationFacts): PublicCaseFacts => ({
  number: f.number,
  party: publicParty(f.party, []),
  violationType: f.violationType,
  penalty: f.penalty,
  basis: f.basis,
  agencyName: f.agencyName,
  decidedOn: f.decidedOn,
});

/** What of the party must never appear in the text: a natural person's name, every ID number, phone and address, a representative's name. */
function personalStrings(f: PublicationFacts): string[] {
  const p = f.party;
  const out = [p.idNumber, p.phone, p.address, p.representative];
  if (p.kind === 'natural' || p.minor) out.push(p.name);
  return out.filter((s): s is string => !!s && s.trim().length >= 2);
}

function refusePersonal(f: PublicationFacts, texts: string[]) {
  const all = texts.join('\n');
  const found = personalStrings(f).some((s) => all.includes(s));
  if (found) {
    throw new AppError('GATE_REFUSED', '以案释法不得出现当事人的姓名、身份证号、电话、住址等个人信息，请以“张某某”等方式指代', {
      citation: OGI_15,
    });
  }
}

type CaseRef = { entry: ProcedureEntry; facts: PublicationFacts; agencyId: string; regionPath: string };

/** The closed case, reached through the registry in the writer's scope, and the facts it publishes. */
async function closedCase(yifa: Yifa, req: Request, caseId: string): Promise<CaseRef> {
  const common = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .select(['procedure', 'closed_on', 'agency_id', 'region_path'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  const entry = common && yifa.procedures.find((e) => e.proc.subjectType === common.procedure && e.proc.publications);
  if (!common || !entry) throw notFound('案件');
  if (!req.auth.permissions.has(entry.proc.permissions.read as never)) {
    await req.denied(
      { reason: '无权查看该类案件', permission: entry.proc.permissions.read },
      { type: common.procedure, id: caseId, regionPath: common.region_path },
    );
    throw notFound('案件');
  }
  const { state } = await entry.visible(yifa, req, caseId);
  if (!common.closed_on) {
    throw new AppError('CONFLICT', `该${entry.proc.recordName}尚未结案，不能据以撰写以案释法`);
  }
  const agency = await yifa.db.kysely.selectFrom('agencies').select('name').where('id', '=', common.agency_id).executeTakeFirst();
  const names = (await entry.publicationNames?.(yifa, common.agency_id)) ?? {};
  // The newest decision: one revoked with an order to decide again is followed by the new one.
  const facts = entry.proc.publications!(state, { agencyName: agency?.name ?? '', names })
    .filter((f) => f.category === 'penalty')
    .at(-1);
  if (!facts)
    throw new AppError('CONFLICT', `该${entry.proc.recordName}未作出予以公开的行政处罚决定或不予行政处罚决定，不能据以撰写以案释法`);
  if (facts.withdrawnBecause) throw new AppError('CONFLICT', `该决定已于 ${facts.withdrawnBecause.on} 被改变或撤销，不能据以撰写以案释法`);
  return { entry, facts, agencyId: common.agency_id, regionPath: common.region_path };
}

export function explanationView(r: CaseExplanationTable) {
  const status = r.status as ExplanationStatus;
  return {
    id: r.id,
    agencyId: r.agency_id,
    caseId: r.case_id,
    status,
    statusName: EXPLANATION_STATUSES[status],
    title: r.title,
    facts: JSON.parse(r.facts) as PublicCaseFacts,
    body: r.body,
    citations: JSON.parse(r.citations) as Citation[],
    draftedBy: r.drafted_by_name,
    draftedOn: r.drafted_on,
    approvedBy: r.approved_by_name,
    approvedOn: r.approved_on,
    approvalNote: r.approval_note,
    publishedOn: r.published_on,
    indexNumber: r.index_number,
    number: r.number,
  };
}

export async function visibleExplanation(yifa: Yifa, req: Request, id: string, act: boolean) {
  const row = await dbOf(yifa).selectFrom('case_explanations').selectAll().where('id', '=', id).executeTakeFirst();
  await reach(req, row, EXPLANATION_SUBJECT, '以案释法', act);
  return row!;
}

export async function getExplanation(yifa: Yifa, req: Request, id: string) {
  return explanationView(await visibleExplanation(yifa, req, id, false));
}

export async function listExplanations(yifa: Yifa, req: Request, f: { status?: ExplanationStatus; limit: number; cursor?: string }) {
  let q = dbOf(yifa)
    .selectFrom('case_explanations')
    .selectAll()
    .where(scopeFilter(req.auth.scope, { path: 'region_path' }));
  if (f.status) q = q.where('status', '=', f.status);
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['drafted_on', 'id'], after, 'desc'));
  const rows = await q
    .orderBy('drafted_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.drafted_on, r.id], explanationView);
}

/** The closed cases of publishing procedures in the reader's scope, newest closed first: what an explanation may be written from. */
export async function closedCases(yifa: Yifa, req: Request, f: { limit: number; cursor?: string }) {
  const procedures = yifa.procedures
    .filter((e) => e.proc.publications && req.auth.permissions.has(e.proc.permissions.read as never))
    .map((e) => e.proc.subjectType);
  if (procedures.length === 0) return { items: [], next: null };
  let q = yifa.db.kysely
    .selectFrom('procedure_cases')
    .select(['id', 'procedure', 'title', 'closed_on', 'agency_id'])
    .where('procedure', 'in', procedures)
    .where('closed_on', 'is not', null)
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }));
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['closed_on', 'id'], after, 'desc'));
  const rows = await q
    .orderBy('closed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(
    rows,
    f.limit,
    (r) => [r.closed_on!, r.id],
    (r) => ({ id: r.id, procedure: r.procedure, title: r.title, closedOn: r.closed_on, agencyId: r.agency_id }),
  );
}

export async function draftExplanation(yifa: Yifa, req: Request, input: z.infer<typeof draftBody>) {
  const c = await closedCase(yifa, req, input.caseId);
  const own = req.auth.user.agencyId;
  if (own !== null && own !== c.agencyId) {
    await req.denied({ reason: '不是本机关的案件' }, { type: c.entry.proc.subjectType, id: input.caseId, regionPath: c.regionPath });
    throw notFound('案件');
  }
  const citations = input.citations ?? citationsIn(c.facts.basis);
  if (citations.length === 0) throw new AppError('INVALID_INPUT', '请写明所释的法律条文（处罚依据中未找到“《法名》第X条”）');
  refusePersonal(c.facts, [input.title, input.body, ...citations.map((x) => x.excerpt ?? '')]);
  const id = randomUUID();
  await yifa.journal.perform(
    {
      type: 'openness.explanation.draft',
      actor: req.auth.actor,
      subject: { type: EXPLANATION_SUBJECT, id, regionPath: c.regionPath },
      idempotencyKey: req.idempotencyKey,
      payload: { record: { type: c.entry.proc.subjectType, id: input.caseId }, title: input.title, citations },
    },
    async (trx) => {
      await trxOf(trx)
        .insertInto('case_explanations')
        .values({
          id,
          agency_id: c.agencyId,
          region_path: c.regionPath,
          case_type: c.entry.proc.subjectType,
          case_id: input.caseId,
          status: 'draft',
          title: input.title,
          facts: JSON.stringify(maskedFacts(c.facts)),
          body: input.body,
          citations: JSON.stringify(citations),
          drafted_by: req.auth.user.id,
          drafted_by_name: req.auth.user.displayName,
          drafted_on: yifa.clock.today(),
          approved_by_name: null,
          approved_on: null,
          approval_note: null,
          published_on: null,
          index_number: null,
          number: null,
        })
        .execute();
    },
  );
  return getExplanation(yifa, req, id);
}

async function change(
  yifa: Yifa,
  req: Request,
  id: string,
  type: string,
  payload: Record<string, unknown>,
  check: (r: CaseExplanationTable) => AppError | null,
  next: (r: CaseExplanationTable, trx: Parameters<typeof trxOf>[0]) => Promise<unknown>,
) {
  const row = await visibleExplanation(yifa, req, id, true);
  const first = check(row);
  if (first) throw first;
  await yifa.journal.perform(
    {
      type,
      actor: req.auth.actor,
      subject: { type: EXPLANATION_SUBJECT, id, regionPath: row.region_path },
      idempotencyKey: req.idempotencyKey,
      payload,
    },
    async (trx) => {
      const now = await trxOf(trx).selectFrom('case_explanations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const late = check(now);
      if (late) throw late;
      return next(now, trx);
    },
  );
  return getExplanation(yifa, req, id);
}

const statusIs = (r: CaseExplanationTable, s: ExplanationStatus, doing: string) =>
  r.status === s ? null : new AppError('CONFLICT', `该以案释法${EXPLANATION_STATUSES[r.status as ExplanationStatus]}，不能${doing}`);

export async function editExplanation(yifa: Yifa, req: Request, id: string, input: z.infer<typeof explanationEditBody>) {
  const row = await visibleExplanation(yifa, req, id, true);
  // The text is checked against the case's facts as the case holds them now.
  const c = await closedCase(yifa, req, row.case_id);
  refusePersonal(c.facts, [input.title, input.body, ...input.citations.map((x) => x.excerpt ?? '')]);
  return change(
    yifa,
    req,
    id,
    'openness.explanation.edit',
    { title: input.title, citations: input.citations },
    (r) => statusIs(r, 'draft', '修改'),
    async (r, trx) => {
      await trxOf(trx)
        .updateTable('case_explanations')
        .set({ title: input.title, body: input.body, citations: JSON.stringify(input.citations) })
        .where('id', '=', r.id)
        .execute();
    },
  );
}

export const submitExplanation = (yifa: Yifa, req: Request, id: string) =>
  change(
    yifa,
    req,
    id,
    'openness.explanation.submit',
    {},
    (r) => statusIs(r, 'draft', '提交审批'),
    async (r, trx) => {
      await trxOf(trx).updateTable('case_explanations').set({ status: 'submitted' }).where('id', '=', r.id).execute();
    },
  );

/** The head's approval (or return to draft, with a note); not of his own draft. */
export function decideExplanation(yifa: Yifa, req: Request, id: string, input: z.infer<typeof approvalBody>) {
  const today = yifa.clock.today();
  return change(
    yifa,
    req,
    id,
    input.approve ? 'openness.explanation.approve' : 'openness.explanation.return',
    { note: input.note },
    (r) =>
      statusIs(r, 'submitted', '审批') ??
      (r.drafted_by === req.auth.user.id ? new AppError('CONFLICT', '起草人不能审批自己起草的以案释法') : null) ??
      (!input.approve && !input.note ? new AppError('INVALID_INPUT', '退回修改须写明审批意见') : null),
    async (r, trx) => {
      await trxOf(trx)
        .updateTable('case_explanations')
        .set(
          input.approve
            ? { status: 'approved', approved_by_name: req.auth.user.displayName, approved_on: today, approval_note: input.note }
            : { status: 'draft', approval_note: input.note },
        )
        .where('id', '=', r.id)
        .execute();
    },
  );
}

/** Published only once approved: numbered (its 文号 the journal entry's result), to the portal and into the catalog, with its 索引号. */
export function publishExplanation(yifa: Yifa, req: Request, id: string) {
  const today = yifa.clock.today();
  return change(
    yifa,
    req,
    id,
    'openness.explanation.publish',
    { publishedOn: today },
    (r) =>
      r.status === 'approved'
        ? null
        : new AppError(
            'CONFLICT',
            r.status === 'published'
              ? '该以案释法已发布'
              : `该以案释法${EXPLANATION_STATUSES[r.status as ExplanationStatus]}，须经负责人批准后才能发布`,
          ),
    async (r, trx) => {
      const at = yifa.clock.now().toISOString();
      const number = await issueNumber(trx, {
        agencyId: r.agency_id,
        series: 'explanation',
        subject: { type: EXPLANATION_SUBJECT, id: r.id },
        actionType: 'openness.explanation.publish',
        today,
        at,
      });
      const entry = await publishInCatalog(trx, {
        agencyId: r.agency_id,
        category: 'case-explanation',
        title: r.title,
        publishedOn: today,
        source: { type: EXPLANATION_SUBJECT, id: r.id },
        link: `/portal/openness/explanations/${r.id}`,
        at,
      });
      await trxOf(trx)
        .updateTable('case_explanations')
        .set({ status: 'published', published_on: today, index_number: entry.indexNumber, number })
        .where('id', '=', r.id)
        .execute();
      return { number, indexNumber: entry.indexNumber };
    },
  );
}

// ——— the public ———

/** What the public reads of an explanation: the masked facts only, never the case's id. */
const publicExplanation = (r: CaseExplanationTable) => {
  const v = explanationView(r);
  return {
    id: v.id,
    agencyId: v.agencyId,
    title: v.title,
    facts: v.facts,
    body: v.body,
    citations: v.citations,
    publishedOn: v.publishedOn,
    indexNumber: v.indexNumber,
    number: v.number,
  };
};

export async function publicExplanations(yifa: Yifa, f: { limit: number; cursor?: string }) {
  let q = dbOf(yifa).selectFrom('case_explanations').selectAll().where('status', '=', 'published');
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['published_on', 'id'], after, 'desc'));
  const rows = await q
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.published_on!, r.id], publicExplanation);
}

export async function publicExplanationById(yifa: Yifa, id: string) {
  const row = await dbOf(yifa)
    .selectFrom('case_explanations')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw notFound('以案释法');
  return publicExplanation(row);
}
