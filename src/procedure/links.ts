/**
 * A record of one procedure that opens a record in another, linked both ways (a petition that
 * belongs in a legal procedure becomes a 依申请公开 request, a dispute, a 案源): the routing
 * record names the route; the receiving procedure's registry entry says it receives that route
 * (`ProcedureEntry.receives`) and opens its record — in the routing action's own transaction
 * (the kit's `followUp`), so the two are kept or lost together. No module imports another: the
 * router reaches the receiver through `yifa.procedures`.
 */
import { z } from 'zod';
import { identityChecked, requiredText as text, phoneNumber } from '../platform/http/schemas.js';
import type { Yifa } from '../platform/yifa.js';
import type { AuthContext, Request } from '../platform/security/request.js';
import type { Kysely } from 'kysely';
import type { Trx } from '../journal/journal.js';
import type { Database } from '../platform/db/schema.js';
import type { HolidayTable } from '../calendar/holiday-table.js';
import { RECORD_CHECK, type Refusal } from './spec.js';

/** The legal procedures a record may be routed into, when the receiving side is in yifa. */
export const LINK_ROUTES = {
  penalty: '行政处罚案源（投诉举报）',
  mediation: '人民调解',
  disclosure: '政府信息公开申请',
} as const;
export type LinkRoute = keyof typeof LINK_ROUTES;
export const LINK_ROUTE_IDS = Object.keys(LINK_ROUTES) as [LinkRoute, ...LinkRoute[]];

/** A person or unit a routed matter is about: a 案源's party, a dispute's other side. */
export const linkPartySchema = z
  .strictObject({
    kind: z.enum(['citizen', 'organisation']).meta({ title: '类型', labels: { citizen: '自然人', organisation: '法人或者其他组织' } }),
    name: text(100).meta({ title: '姓名或名称' }),
    // Checked against the kind (GB 11643 / GB 32100), the wrong character named.
    idNumber: z.string().trim().toUpperCase().max(18, '不能超过 18 位').nullable().meta({ title: '身份证号或统一社会信用代码' }),
    phone: phoneNumber.nullable().meta({ title: '联系电话' }),
    address: text(200).meta({ title: '住所（地址）' }),
  })
  .superRefine(identityChecked);
export type LinkParty = z.infer<typeof linkPartySchema>;

/** An identified party: a mediation agreement names each party by his ID (人民调解法 Art 29). */
const identifiedParty = linkPartySchema.superRefine((p, ctx) => {
  if (!p.idNumber)
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '人民调解须核实当事人身份，请填写身份证号或统一社会信用代码' });
});

/**
 * What each route needs beyond the routing record, typed by the router's form and read by the
 * receiver: a 案源 names the 执法类别 and whom the matter is about; a dispute its other side.
 */
export const LINK_DETAILS = {
  penalty: z.strictObject({
    field: text(50).meta({ title: '执法类别', widget: 'enforcement-field' }),
    party: linkPartySchema.meta({ title: '被反映的单位或个人（案源当事人）' }),
  }),
  mediation: z.strictObject({ otherParty: identifiedParty.meta({ title: '对方当事人' }) }),
  disclosure: z.strictObject({}),
} as const satisfies Record<LinkRoute, z.ZodObject>;
export type LinkDetails<R extends LinkRoute = LinkRoute> = z.infer<(typeof LINK_DETAILS)[R]>;

/** A record as its link names it: which procedure, where its page is, and which record. */
export interface LinkedRef {
  subjectType: string;
  recordName: string;
  /** Under /api/v1 (and the console): `/information-requests` */
  path: string;
  id: string;
}

/** What the receiving record keeps of where it came from (shown on its page). */
export interface LinkedFrom extends LinkedRef {
  /** The routing record's number (登记号), as its documents name it */
  number: string | null;
  on: string;
  reason: string;
}

export const linkedRefSchema = z
  .strictObject({
    subjectType: z.string().min(1).max(60).meta({ title: '程序类型' }),
    recordName: z.string().min(1).max(60).meta({ title: '程序名称' }),
    path: z
      .string()
      .regex(/^\/[a-z-]+$/)
      .meta({ title: '程序路径' }),
    id: z.uuid().meta({ title: '记录编号' }),
  })
  .meta({ title: '转入的记录', widget: 'hidden' });

export const linkedFromSchema = z
  .strictObject({
    subjectType: z.string().min(1).max(60).meta({ title: '程序类型' }),
    recordName: z.string().min(1).max(60).meta({ title: '程序名称' }),
    path: z
      .string()
      .regex(/^\/[a-z-]+$/)
      .meta({ title: '程序路径' }),
    id: z.uuid().meta({ title: '记录编号' }),
    number: z.string().max(60).nullable().meta({ title: '转入文书文号' }),
    on: z.iso.date().meta({ title: '转入日期' }),
    reason: z.string().max(2000).meta({ title: '转入理由' }),
  })
  .meta({ title: '转来的记录', widget: 'hidden' });

/** The people and the matter the receiving record starts from. */
export interface LinkRequest<R extends LinkRoute = LinkRoute> {
  /** The new record's id (the routing record already names it) */
  id: string;
  from: LinkedFrom;
  agencyId: string;
  /** How the routing record came in (`online`, `letter`, `visit`, `phone`) */
  channel: string;
  persons: { name: string; idNumber: string | null; phone: string | null; address: string | null }[];
  matter: string;
  facts: string;
  place: string;
  /** The routing record's category as its procedure names it (征地拆迁) */
  topic: string;
  /** What the route needs beyond the routing record (LINK_DETAILS) */
  details: LinkDetails<R>;
  /** The router's tracking hash, when the same code should track the new record too */
  trackingHash: string | null;
}

/** The routing action's transaction and the calendar it was taken with: a receiver reads nothing else. */
export interface Within {
  trx: Trx;
  table: HolidayTable;
}

/**
 * The routing official's request, acting in the receiving procedure's role: the routing
 * action (the 信访 office's) stands for the receiving side's registration, which the receiving
 * gates check against the routing record (LinkSource). Not idempotent by itself: the routing
 * action's key covers both.
 */
export function actingAs(req: Request, role: AuthContext['roles'][number]): Request {
  return { ...req, auth: { ...req.auth, roles: [role] }, idempotencyKey: null };
}

/** A procedure that receives routed records: opens one inside the routing action's transaction. */
export interface LinkReceiver<R extends LinkRoute = LinkRoute> {
  route: R;
  open(yifa: Yifa, req: Request, within: Within, x: LinkRequest<R>): Promise<void>;
}

/** The receiver of a route among the installation's procedures, with the record it opens as a link names it. */
export function receiverOf(
  procedures: readonly { proc: { subjectType: string; recordName: string }; path: string; receives?: LinkReceiver }[],
  route: LinkRoute,
) {
  const entry = procedures.find((e) => e.receives?.route === route);
  return (
    entry && {
      receiver: entry.receives!,
      ref: { subjectType: entry.proc.subjectType, recordName: entry.proc.recordName, path: entry.path },
    }
  );
}

/**
 * The routing record a receiving record names, as its gates check it (in the same transaction
 * the routing action has just written it): it must exist, be of that procedure and agency, and
 * name this record as its link — so no one records a link by hand.
 */
export interface LinkSource {
  /** It exists, of that procedure and of the same agency */
  found: boolean;
  /** It names this record as the one it was routed into */
  namesThis: boolean;
}

export async function linkSourceIn(
  trx: Trx | Kysely<Database>,
  payload: unknown,
  target: { id: string; agencyId: string },
): Promise<LinkSource | null> {
  const parsed = linkedFromSchema.safeParse((payload as { linkedFrom?: unknown } | null)?.linkedFrom);
  if (!parsed.success) return null;
  const from = parsed.data;
  const row = await trx
    .selectFrom('procedure_cases')
    .select(['id', 'agency_id', 'state'])
    .where('id', '=', from.id)
    .where('procedure', '=', from.subjectType)
    .executeTakeFirst();
  // The routing record keeps the link at the top of its state (`linkedTo`), whatever its procedure.
  const linked = row?.state ? (JSON.parse(row.state) as { linkedTo?: LinkedRef }).linkedTo : undefined;
  return { found: !!row && row.agency_id === target.agencyId, namesThis: linked?.id === target.id };
}

/** The gate: a record opened from another must be the one that other record was routed into. */
export function linkedFromGate(from: LinkedFrom | undefined | null, source: LinkSource | null | undefined): Refusal | null {
  if (!from) return null;
  if (!source?.found || !source.namesThis)
    return { message: `${from.recordName}（${from.number ?? from.id}）没有转入本件，不能登记为转来的记录`, citation: RECORD_CHECK };
  return null;
}
