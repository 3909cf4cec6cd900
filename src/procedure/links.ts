/**
 * A record of one procedure that opens a record in another, linked both ways (a petition that
 * belongs in a legal procedure becomes a 依申请公开 request, a dispute, a 案源): the routing
 * record names the route; the receiving procedure's registry entry says it receives that route
 * (`ProcedureEntry.receives`) and opens its record — in the routing action's own transaction
 * (the kit's `followUp`), so the two are kept or lost together. No module imports another: the
 * router reaches the receiver through `yifa.procedures`.
 */
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import type { Request } from '../platform/security/request.js';
import type { Trx } from '../journal/journal.js';
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
export interface LinkRequest {
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
  /** The unit or person the matter is about (a 案源's party), if named */
  about: string | null;
  /** The router's tracking hash, when the same code should track the new record too */
  trackingHash: string | null;
}

/** The routing action's transaction and the calendar it was taken with: a receiver reads nothing else. */
export interface Within {
  trx: Trx;
  table: HolidayTable;
}

/** A procedure that receives routed records: opens one inside the routing action's transaction. */
export interface LinkReceiver {
  route: LinkRoute;
  open(yifa: Yifa, req: Request, within: Within, x: LinkRequest): Promise<void>;
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

export async function linkSourceIn(trx: Trx, payload: unknown, target: { id: string; agencyId: string }): Promise<LinkSource | null> {
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
