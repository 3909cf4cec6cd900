/**
 * What a procedure is, as data: its actions (who, from which statuses, what payload, which
 * gates, which numbered document, what change) and its state as a fold over them. Every
 * procedure of yifa — penalty cases, information requests, and those to come — is one
 * `Procedure` value; the kit (decide.ts, runner.ts, routes.ts) runs any of them the same way.
 */
import type { CatalogFacts } from './catalog.js';
import type { z } from 'zod';
import type { EvidenceList } from './evidence.js';

/**
 * What a refusal cites when it checks what was entered against the record itself (a date in
 * the future, a request already pending, nothing to approve): no statute words such a check,
 * so it cites none — said once here, not as an empty string at each refusal.
 */
export const RECORD_CHECK = null;

/**
 * The role of a member of the public acting on the portal (an applicant with a tracking
 * code). No account holds it; the portal's routes act in it.
 */
export const PUBLIC_ROLE = 'public';
/** The user id the portal's requests carry (no account row has it): what the public sends is looked up by record, not by user. */
export const PUBLIC_USER_ID = 'public';
/** Its Chinese name, as the journal names who acted. */
export const PUBLIC_ROLE_NAME = '申请人（公开门户）';

/** Why an action is refused, and the article refused under (or RECORD_CHECK). */
export interface Refusal {
  message: string;
  citation: string | typeof RECORD_CHECK;
  /** The payload field at fault (`officers`, `party.idNumber`), where there is one: the form shows the refusal there */
  field?: string;
}

/** The refusal `r` (if any) at the payload field `field`: the form shows it there. */
export const atField = (field: string, r: Refusal | null): Refusal | null => (r ? { ...r, field } : null);

/** Who took an action, as separation of duties compares them (a user, and the person the user is). */
export interface ActorRef {
  userId: string | null;
  personId: string | null;
}

/** Is `a` the same individual as `b` (the same account, or the same person through another account)? */
export const sameIndividual = (a: ActorRef, b: ActorRef) =>
  (a.userId !== null && a.userId === b.userId) || (a.personId !== null && a.personId === b.personId);

/** The individual who took an action. */
export const actorOf = (m: Pick<ActionMeta, 'actorUserId' | 'actorPersonId'>): ActorRef => ({
  userId: m.actorUserId,
  personId: m.actorPersonId,
});

/**
 * How the console shows a field of an action's payload, set beside its schema with zod's
 * `.meta()`. z.toJSONSchema keeps meta, so it reaches the console in the action's JSON Schema
 * (`GET <path>/dictionaries`), where one generic form (web/src/console/procedure/SchemaForm.tsx)
 * reads it; the meta changes nothing the server accepts.
 */
export interface FieldMeta {
  /** The field's Chinese label; every field has one (test/unit/field-meta.test.ts) */
  title?: string;
  /** The Chinese names of an enum's values (for an array of an enum, of its items' values) */
  labels?: Record<string, string>;
  widget?: Widget;
  /** Where the form starts (JSON Schema's `default`; the server fills in nothing) */
  default?: unknown;
}

/**
 * The widgets the form draws itself:
 * - `textarea`: a long text;
 * - `hidden`: not shown — an enum of one value is sent as it is, anything else is the server's to fill;
 * - `yuan`: an amount kept in fen (分), entered in yuan (元);
 * - `checklist`: an object of items, each a checkbox (its yes/no) and a short note (its text), named by the item's title.
 */
export type FormWidget = 'textarea' | 'hidden' | 'yuan' | 'checklist';

/**
 * The widgets whose options the page supplies from what it knows:
 * - `person`: a person of the agency (several, for an array);
 * - `enforcement-field`: a 执法类别, those of the agency's 裁量基准 suggested (free text accepted);
 * - `violation-type`: a violation type of the agency's 裁量基准, of the 执法类别 at hand;
 * - `circumstance`: a circumstance (情节) of the case's violation type;
 * - `consultation`: a consultation of the record still waiting for its answer;
 * - `challenge`: a 附带审查 of the record still waiting for its answer or its ruling;
 * - `normative-document`: a published 规范性文件 (the one a 行政复议's 附带审查 names);
 * - `referral`: a 附带审查 the record referred, still waiting for its ruling;
 * - `evidence`: an evidence item of the record not withdrawn;
 * - `committee`: a 人民调解委员会 the user sits on;
 * - `village`: a village (行政村) in the user's data scope;
 * - `agency`: an agency of the installation (a 行政复议's 被申请人);
 * - `challenged-case`: a decided record whose act may be challenged (the penalty case a 行政复议 reviews);
 * - `penalty-case`: a penalty case of the user's own agency (the one a 行政调解 arises from).
 */
export type PageWidget =
  | 'person'
  | 'enforcement-field'
  | 'violation-type'
  | 'circumstance'
  | 'consultation'
  | 'challenge'
  | 'normative-document'
  | 'referral'
  | 'evidence'
  | 'committee'
  | 'village'
  | 'agency'
  | 'challenged-case'
  | 'penalty-case';

export type Widget = FormWidget | PageWidget;

declare module 'zod' {
  // `.meta()` takes the field meta, typed: a misspelt widget does not compile.
  interface GlobalMeta {
    labels?: Record<string, string>;
    widget?: Widget;
  }
}

/** What the server adds to an action when it takes effect. */
export interface ActionMeta {
  /** The action's position within its record (0 = the opening action): how records and requests are referred to */
  seq: number;
  /** Legal date the server received the action */
  today: string;
  actorPersonId: string | null;
  /** The user who took it (separation of duties compares requester and approver) */
  actorUserId: string | null;
  /** The document number the action issued, if any */
  number: string | null;
  /** What `derive` computed when the action was taken (kept in the journal's result, so a replay needs no settings) */
  derived: unknown;
}

/** A request waiting for the head's approval: the requesting action's payload, kept until then. */
export interface PendingApproval<K extends string = string> {
  kind: K;
  seq: number;
  requestedOn: string;
  /** Who asked: he may not approve it himself */
  requestedBy: ActorRef;
  payload: Record<string, unknown>;
  /** What the request's `derive` computed from the settings of its day (absent when it derives nothing) */
  derived?: unknown;
}

/** The types one procedure is written over. */
export interface ProcedureTypes {
  state: object;
  /** What the gates read besides the state and the payload (today, the calendar, settings, …) */
  context: unknown;
  status: string;
  /** The document series its actions issue */
  series: string;
}

/**
 * One action of a procedure's table.
 * - `from` lists the statuses it may be taken in; `'opens'` marks an action that opens a record.
 * - With `approval`, the action is a request: it waits in the state's pending list until an
 *   approving action calls `approved`, which then applies `onApproved` (see decide.ts).
 */
export interface ActionSpec<T extends ProcedureTypes, P> {
  title: string;
  roles: readonly string[];
  from: readonly T['status'][] | 'opens';
  /** Each field with its FieldMeta (`.meta({ title, labels, widget })`): the console's form is built from it */
  payload: z.ZodType<P>;
  /** May it be taken while the record is suspended (中止)? */
  whileSuspended?: boolean;
  /**
   * A fact of the record the action needs besides its status (恢复办理: the case is
   * suspended; 解除查封: something is seized): without it the action is not offered, and
   * refused if tried (409), with this refusal.
   */
  requires?: (s: T['state']) => Refusal | null;
  /**
   * A fact of the day the action needs (the calendar and today, in the gates' context):
   * 举行听证 not before its date, 催告 only once payment is overdue, 补正 only within its 7
   * working days. Like `requires`, not offered and refused (409) without it; unlike it, the
   * record still waits on the same people (`waitingFor` reads the state only), and a next
   * step held back by the day is shown as coming (`upcoming`).
   */
  when?: (s: T['state'], ctx: T['context']) => Refusal | null;
  /**
   * The action answers a pending request (the head approves or refuses it): it is offered
   * once per pending request, with the payload's `kind` preset to the request's, so the
   * approver never picks what the page already knows.
   */
  answers?: true;
  /** Each refusal names its article, or RECORD_CHECK; null where a check passed */
  guard?: (s: T['state'], p: P, ctx: T['context']) => (Refusal | null)[];
  /** The numbered document it issues */
  issues?: (s: T['state'], p: P) => T['series'] | null;
  /** A request the head approves: its kind, and what approving it does (`m` is the approving action's, `request` the request's) */
  approval?: { kind: string; onApproved: (s: T['state'], p: P, m: ActionMeta, request: PendingApproval) => T['state'] };
  /** What it does to the record's evidence (set by evidence.ts's rows; custody reads it) */
  evidence?: 'attach' | 'withdraw';
  /** Facts computed from the settings at the time (e.g. whether a proposal is major) */
  derive?: (s: T['state'], p: P, ctx: T['context']) => unknown;
  /** The change; for a request, what the request itself changes (usually nothing) */
  apply: (s: T['state'], p: P, m: ActionMeta) => T['state'];
}

/** Where a new record starts. */
export interface Opening {
  id: string;
  agencyId: string;
  regionPath: string;
  /** Legal date of the opening action */
  today: string;
}

/**
 * Why a published decision is taken down (行政处罚法 Art 48): it was changed, revoked, found
 * unlawful or void, or another reason the editor states.
 */
export type WithdrawalKind = 'changed' | 'revoked' | 'unlawful' | 'void' | 'other';
export const WITHDRAWAL_KINDS = {
  changed: '变更',
  revoked: '撤销',
  unlawful: '确认违法',
  void: '确认无效',
  other: '其他',
} as const satisfies Record<WithdrawalKind, string>;

/**
 * 决定类别: what kind of enforcement decision a publication is (国办发〔2018〕118号 lists the
 * 执法类别 among what is published; here 执法类别 already names a case's field, 综合行政执法 …).
 * 行政处罚 (a penalty or a decision not to impose one, 行政处罚法 Art 57) falls due in 7
 * working days, a 行政强制措施 (查封、扣押, 行政强制法 Art 24) in 20.
 */
export type EnforcementCategory = 'penalty' | 'coercive-measure';
export const ENFORCEMENT_CATEGORIES = {
  penalty: '行政处罚',
  'coercive-measure': '行政强制措施',
} as const satisfies Record<EnforcementCategory, string>;

/** The key of the publication of a record's own decision (what 以案释法 explains); its other decisions have keys of their own. */
export const DECISION_KEY = 'decision';

/**
 * What a record publishes under 行政执法公示 (事后公开), as structured fields: the disclosure
 * module renders and masks them (by field type) and never reads the record itself. Personal
 * fields are carried typed so the mask knows them; the public never sees them.
 */
export interface PublicationFacts {
  /**
   * Which of the record's decisions this is, stable across the record's life: one
   * publication per key (`decision`, `coercive-measure:<seq>`)
   */
  key: string;
  category: EnforcementCategory;
  /** The deadline rule of the duty to publish: penalty (and licence) decisions 7 working days, others 20 */
  rule: 'penalty.disclosure' | 'enforcement.disclosure';
  /** 决定书文号 */
  number: string | null;
  party: {
    /** A natural person's name is masked as 张某某; an organisation's is shown */
    kind: 'natural' | 'organisation';
    name: string;
    /** Never shown to the public */
    idNumber: string | null;
    phone: string | null;
    address: string | null;
    /** 法定代表人 / 负责人 of an organisation (a natural person: masked) */
    representative: string | null;
    /** A minor's identity is never published */
    minor: boolean;
  };
  /** 违法行为类型 */
  violationType: string;
  /** 处罚内容; of another decision, what it decided (执法结论: the measure, 不予行政处罚) */
  penalty: string;
  /** 处罚依据; of another decision, its legal basis */
  basis: string;
  agencyId: string;
  agencyName: string;
  /** 作出决定的日期 */
  decidedOn: string;
  /** The decision was later changed, revoked, found unlawful or void: the publication must be withdrawn (3 working days) */
  withdrawnBecause: { kind: WithdrawalKind; on: string; note: string } | null;
}

/** What a procedure's `publication` reads besides its state (the disclosure module supplies it). */
export interface PublicationContext {
  agencyName: string;
  /** Names of the codes the record refers to (violation types of its agency's settings), by id */
  names: Readonly<Record<string, string>>;
}

/**
 * A procedure: the table and how its state reads. `actions` is exhaustive over the
 * procedure's action ids (`satisfies Record<…>` where it is written).
 */
export interface Procedure<T extends ProcedureTypes, A extends string = string> {
  /** The journal's subject type of its records: `penalty-case` */
  subjectType: string;
  /** What one record is called: 行政处罚案件 */
  recordName: string;
  /**
   * Every route of the procedure needs `read` (a role that cannot read cannot reach an action).
   * Acting needs nothing more than a role the action's `roles` list: the table is the one
   * authority over who may act, opening included.
   */
  permissions: { read: string };
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
  actions: Record<A, ActionSpec<T, any>>;
  empty: (o: Opening) => T['state'];
  status: (s: T['state']) => T['status'];
  statusNames: Record<T['status'], string>;
  /** Is the record suspended (中止)? Absent: it never is. */
  suspended?: (s: T['state']) => boolean;
  /**
   * The steps the record expects next in its state, most expected first: the console puts
   * them first and the 工作台 lists the record for whoever may take one. Absent: none stands
   * out.
   */
  next?: (s: T['state']) => readonly A[];
  /**
   * The people a record is assigned to in `role` (a penalty case's two officers): once it has
   * them, a next step that role may take waits on them, not on everyone with the role or
   * above it. Absent: the procedure's records are a shared queue.
   */
  assignees?: { role: string; people: (s: T['state']) => readonly string[] };
  /** Where requests wait for approval (absent: the procedure has none) */
  approvals?: {
    pending: (s: T['state']) => readonly PendingApproval[];
    withPending: (s: T['state'], pending: PendingApproval[]) => T['state'];
    /** The request kinds and their names */
    kinds: Record<string, string>;
  };
  /** Where its records keep their evidence (absent: they keep none); evidence.ts gives the rows that change it */
  evidence?: EvidenceList<T['state']>;
  /**
   * What a record publishes under 行政执法公示: one entry per decision it made that is
   * published (none until then, or when none is), each under its own key. Absent: its records
   * publish nothing. The disclosure module projects it from the journal.
   */
  publications?: (s: T['state'], ctx: PublicationContext) => readonly PublicationFacts[];
  /**
   * What a record puts in the 政府信息公开目录 (catalog.ts): one entry per thing it published
   * (a normative document's each registration), each with a key stable across its life.
   * Absent: nothing. The openness module projects it from the journal.
   */
  catalog?: (s: T['state']) => readonly CatalogFacts[];
}

/** The procedure's action ids. */
// biome-ignore lint/suspicious/noExplicitAny: any procedure
export type ActionIdOf<Pr> = Pr extends Procedure<any, infer A> ? A : never;
