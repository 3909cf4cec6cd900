/**
 * The journal as a person reads it: who acted (a name and the role's Chinese name), what
 * the action is called in Chinese, and a short account of what it changed. One place names
 * every action type: the composition root gathers the titles and summaries each module's
 * manifest contributes (a procedure's from its action table), with the platform's own, into
 * one JournalNaming (`yifa.naming`); the global journal and every record's journal read
 * through here. The summary is built from the payload *as the reader may see it* (the read
 * policy's mask, read-policy.ts): a withheld payload says only that it is withheld, and why.
 */
import type { Db } from '../platform/db/database.js';

/** Names of the people a summary mentions, looked up once for a page of entries. */
export interface NameBook {
  /** A person's name (people.id), or undefined when not known */
  person(id: string): string | undefined;
}

/** A short Chinese account of one entry's payload and result (already masked for the reader). */
export type Summarize = (entry: { payload: unknown; result: unknown }, names: NameBook) => string;

/** How one action type reads: its Chinese title and, optionally, how its payload is told. */
export interface ActionText {
  title: string;
  summary?: Summarize;
}

export type ActionTexts = Readonly<Record<string, ActionText>>;

/** Everything the journal needs to name: action types and roles (those with accounts and those without). */
export interface JournalNaming {
  actions: ActionTexts;
  /** Role id → Chinese name: every module's roles, the portal's public role, the system */
  roles: Readonly<Record<string, string>>;
  /** The records of each procedure by subject type: their Chinese name and their path (under /api/v1 and /console) */
  records: Readonly<Record<string, { name: string; path: string }>>;
}

/** What an action of a type nobody named is called: never its code. */
export const UNKNOWN_ACTION_TITLE = '系统操作';
/** The system acting on its own (SYSTEM_ACTOR: seeding, scheduled checks). */
export const SYSTEM_ROLE_NAME = '系统';
/** Who acted without a session (a refused anonymous request). */
const ANONYMOUS = { name: '未登录的访问者', roleName: '未登录' } as const;
/** A role id no module defines (a role since removed): named neutrally, never by its id. */
const UNKNOWN_ROLE_NAME = '其他角色';

export interface ReadableActor {
  name: string;
  roleName: string;
}

export interface ReadableParts {
  title: string;
  summary: string;
  actor: ReadableActor;
}

/** One entry as the namer takes it: the stored actor and the payload the reader may see. */
export interface NamedInput {
  type: string;
  actorUserId: string | null;
  actorRole: string | null;
  payload: unknown;
  result: unknown;
  withheld: { message: string } | null;
}

/** The longest summary shown in a list; the auditor's view has the whole entry. */
const SUMMARY_MAX = 160;

export const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function textOf(naming: JournalNaming, type: string): ActionText {
  return Object.hasOwn(naming.actions, type) ? naming.actions[type]! : { title: UNKNOWN_ACTION_TITLE };
}

/** The display names of the users who acted (users.display_name, else the linked person's name). */
async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.kysely
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .select(['users.id as id', 'users.display_name as displayName', 'people.name as personName'])
    .where('users.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName || r.personName || '用户']));
}

async function personNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.kysely.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function actorOf(naming: JournalNaming, users: Map<string, string>, e: NamedInput): ReadableActor {
  const roleName = e.actorRole === null ? null : Object.hasOwn(naming.roles, e.actorRole) ? naming.roles[e.actorRole]! : UNKNOWN_ROLE_NAME;
  if (e.actorUserId !== null) return { name: users.get(e.actorUserId) ?? '已删除的用户', roleName: roleName ?? UNKNOWN_ROLE_NAME };
  if (roleName === null) return ANONYMOUS;
  // No account: the system, or the portal's public (the applicant): the role is the name.
  return { name: roleName, roleName };
}

function summaryOf(text: ActionText, e: NamedInput, names: NameBook): string {
  if (e.withheld) return `内容不予显示：${e.withheld.message}`;
  if (!text.summary) return '';
  try {
    return shorten(text.summary({ payload: e.payload, result: e.result }, names), SUMMARY_MAX);
  } catch {
    // An old entry whose payload predates its type's present shape: the title still stands.
    return '';
  }
}

/**
 * Titles, summaries and actors of a page of entries. People a summary names are looked up
 * in one query: a first pass collects whom the summaries ask for, the second tells them.
 */
export async function nameEntries(db: Db, naming: JournalNaming, entries: readonly NamedInput[]): Promise<ReadableParts[]> {
  const asked = new Set<string>();
  const collecting: NameBook = {
    person: (id) => {
      asked.add(id);
      return undefined;
    },
  };
  for (const e of entries) summaryOf(textOf(naming, e.type), e, collecting);
  const userIds = [...new Set(entries.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId])))];
  const [users, people] = await Promise.all([userNames(db, userIds), personNames(db, [...asked])]);
  const names: NameBook = { person: (id) => people.get(id) };
  return entries.map((e) => {
    const text = textOf(naming, e.type);
    return { title: text.title, summary: summaryOf(text, e, names), actor: actorOf(naming, users, e) };
  });
}

/** Amounts kept in fen (分), as people read them: ¥12,345.60. */
export function yuanText(fen: number): string {
  const [int, dec] = (Math.abs(fen) / 100).toFixed(2).split('.');
  return `${fen < 0 ? '-' : ''}¥${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** An instant as China's time (the law's dates are China's): 2026-05-03 14:05. */
export function chinaTimeText(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Object fields read from an unknown payload (the payload is whatever its type stored). */
export function fieldsOf(payload: unknown): Record<string, unknown> {
  return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
}

/** `标题：值` parts joined as one line, the empty ones left out. */
export function line(parts: readonly (readonly [string, unknown])[]): string {
  return parts
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => (k ? `${k}：${String(v)}` : String(v)))
    .join('；');
}
