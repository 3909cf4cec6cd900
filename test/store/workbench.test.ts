/**
 * The 工作台 reads every procedure at once from the common table. Its counts and its queue
 * must agree with each procedure's own list (a different query, over penalty_cases for the
 * penalty case), for every demo role, within that role's permissions and data scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { Clock } from '../../src/platform/clock.js';
import { PENALTY_ACTIONS } from '../../src/modules/enforcement/workflow.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

interface Listed {
  id: string;
  dueState: 'ok' | 'warning' | 'overdue' | null;
  nextDue: string | null;
}
interface Count {
  procedure: string;
  path: string;
  overdue: number;
  warning: number;
}
interface Due {
  procedure: string;
  path: string;
  id: string;
  nextDue: string;
  nextRuleTitle: string | null;
  dueState: string;
}

/** Every page of a list, followed by its cursor. */
async function allPages<T>(c: Client, url: string): Promise<T[]> {
  const out: T[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await c.get(`${url}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; next: string | null };
    out.push(...page.items);
    cursor = page.next;
  }
  return out;
}

const ROLES = ['zhifa1', 'fuzeren', 'fazhi', 'gongkai', 'xinfang', 'jiandu', 'admin', 'sifasuo'] as const;

describe.each(ENGINES)('the 工作台 across procedures on %s', (engine) => {
  let t: TestApp;
  const users = {} as Record<(typeof ROLES)[number], Client>;
  const personOf: Record<string, string | null> = {};
  beforeAll(async () => {
    // The demo year up to a fixed day, on which it has records overdue and records due soon.
    t = await startTestApp(engine, { cases: true, clock: new Clock(at('2026-06-15')) });
    for (const u of ROLES) users[u] = await t.login(u);
    const accounts = (await users.admin.get('/api/v1/users?limit=200')).json().items as { username: string; personId: string | null }[];
    for (const a of accounts) personOf[a.username] = a.personId;
  });
  afterAll(async () => t.close());

  it('counts and queues what each procedure’s own list shows, for every role', async () => {
    const seen = new Set<string>();
    for (const u of ROLES) {
      const c = users[u];
      const bench = (await c.get('/api/v1/workbench')).json() as { today: string; procedures: Count[] };
      expect(bench.today).toBe('2026-06-15');
      const queue = await allPages<Due>(c, '/api/v1/workbench/due?within=soon');
      const expectedQueue: { procedure: string; id: string; nextDue: string }[] = [];
      for (const p of bench.procedures) {
        seen.add(p.procedure);
        const listed = await allPages<Listed>(c, `/api/v1${p.path}`);
        const overdue = listed.filter((r) => r.dueState === 'overdue');
        const warning = listed.filter((r) => r.dueState === 'warning');
        expect({ user: u, p: p.procedure, overdue: p.overdue, warning: p.warning }).toEqual({
          user: u,
          p: p.procedure,
          overdue: overdue.length,
          warning: warning.length,
        });
        for (const r of [...overdue, ...warning]) expectedQueue.push({ procedure: p.procedure, id: r.id, nextDue: r.nextDue! });
      }
      // The queue holds exactly those records, most overdue first, whatever the procedure.
      expect(queue.map((q) => `${q.procedure}/${q.id}`).sort()).toEqual(expectedQueue.map((q) => `${q.procedure}/${q.id}`).sort());
      const dues = queue.map((q) => q.nextDue);
      expect(dues).toEqual([...dues].sort());
      expect(queue.every((q) => q.dueState === 'overdue' || q.dueState === 'warning')).toBe(true);
      expect(queue.every((q) => bench.procedures.some((p) => p.procedure === q.procedure))).toBe(true);
    }
    // Every procedure was on someone's 工作台 (those with nothing in them too: the test town has no disputes, reviews, documents or villages' records).
    expect([...seen].sort()).toEqual([
      'admin-mediation',
      'dispute',
      'information-request',
      'lawsuit',
      'legal-review',
      'normative-document',
      'penalty-case',
      'petition',
      'reconsideration',
      'village-meeting',
      'village-rules',
    ]);
  });

  it('lists as 待我办理 exactly the records on which the user has an expected next step (now or once its day comes; an officers’ step only on his own cases), for every role', async () => {
    let waiting = 0;
    let othersCases = 0;
    for (const u of ROLES) {
      const c = users[u];
      const bench = (await c.get('/api/v1/workbench')).json() as { procedures: (Count & { todo: number })[] };
      const todo = await allPages<{ procedure: string; id: string; step: string; since: string }>(c, '/api/v1/workbench/todo');
      const expected: string[] = [];
      for (const p of bench.procedures) {
        const listed = await allPages<Listed>(c, `/api/v1${p.path}`);
        for (const r of listed) {
          const view = (await c.get(`/api/v1${p.path}/${r.id}`)).json() as {
            allowedActions: { type: string; next: boolean }[];
            upcoming: { type: string }[];
            case?: { officers: string[] };
          };
          // An officers' step on a case that has its officers waits on them alone.
          const mine = (type: string) => {
            const officers = view.case?.officers ?? [];
            const officersStep = (PENALTY_ACTIONS as Record<string, { roles: readonly string[] }>)[type]?.roles.includes('officer');
            return !officersStep || officers.length === 0 || officers.includes(personOf[u]!);
          };
          // An expected step offered now, or one the day still holds back (举行听证 on its date).
          const steps = [...view.allowedActions.filter((o) => o.next), ...view.upcoming];
          if (steps.some((o) => mine(o.type))) expected.push(`${p.procedure}/${r.id}`);
          else if (steps.length) othersCases++;
        }
        expect({ user: u, p: p.procedure, todo: p.todo }).toEqual({
          user: u,
          p: p.procedure,
          todo: todo.filter((t) => t.procedure === p.procedure).length,
        });
      }
      expect({ user: u, todo: todo.map((t) => `${t.procedure}/${t.id}`).sort() }).toEqual({ user: u, todo: expected.sort() });
      // Longest waiting first, each saying what it waits for.
      expect(todo.map((t) => t.since)).toEqual(todo.map((t) => t.since).sort());
      for (const t of todo) expect(t.step.length).toBeGreaterThan(0);
      waiting += todo.length;
    }
    // The demo year leaves work waiting on several roles (not a vacuous comparison).
    expect(waiting).toBeGreaterThan(10);
    // …and officers' steps on colleagues' cases that a role-wide queue would have listed.
    expect(othersCases).toBeGreaterThan(0);
    const head = await allPages<{ step: string }>(users.fuzeren, '/api/v1/workbench/todo');
    expect(head.some((t) => t.step.startsWith('审批：'))).toBe(true);
    const reviewer = await allPages<{ step: string }>(users.fazhi, '/api/v1/workbench/todo');
    expect(reviewer.some((t) => t.step === '出具法制审核意见')).toBe(true);
    // The 信访干部 has petitions to route and to answer; the head, a petition's extension to approve.
    const petitions = await allPages<{ procedure: string; step: string }>(users.xinfang, '/api/v1/workbench/todo');
    expect(petitions.some((t) => t.procedure === 'petition' && t.step.includes('受理并书面告知'))).toBe(true);
    expect(petitions.some((t) => t.procedure === 'petition' && t.step.includes('出具信访处理意见书'))).toBe(true);
    expect(head.some((t) => t.step === '审批：延长办理期限')).toBe(true);
  });

  it('shows each role only the procedures it may read, and nothing to a role that may read none', async () => {
    const procedures = async (u: (typeof ROLES)[number]) =>
      ((await users[u].get('/api/v1/workbench')).json().procedures as Count[]).map((p) => p.procedure).sort();
    // The town's officers and head answer the county's 行政复议 as 被申请人.
    expect(await procedures('zhifa1')).toEqual([
      'admin-mediation',
      'legal-review',
      'normative-document',
      'penalty-case',
      'reconsideration',
    ]);
    expect(await procedures('gongkai')).toEqual(['information-request']);
    expect(await procedures('fuzeren')).toEqual([
      'admin-mediation',
      'information-request',
      'lawsuit',
      'legal-review',
      'normative-document',
      'penalty-case',
      'petition',
      'reconsideration',
    ]);
    expect(await procedures('jiandu')).toEqual([
      'dispute',
      'information-request',
      'lawsuit',
      'legal-review',
      'normative-document',
      'penalty-case',
      'petition',
      'reconsideration',
      'village-meeting',
      'village-rules',
    ]);
    expect(await procedures('xinfang')).toEqual(['petition']);
    expect(await procedures('sifasuo')).toEqual(['dispute', 'village-meeting', 'village-rules']);
    // The administrator keeps the reviewers' training register, so reads the legal reviews (none here).
    expect(await procedures('admin')).toEqual(['legal-review']);
    expect((await users.admin.get('/api/v1/workbench/due?within=all')).json()).toEqual({ items: [], next: null });
    // Asking for a procedure one may not read gives nothing, not an error that confirms it exists.
    expect((await users.zhifa1.get('/api/v1/workbench/due?within=all&procedure=information-request')).json().items).toEqual([]);
  });

  it('queues every open duty with its rule, most overdue first, page by page', async () => {
    const c = users.fuzeren;
    const overdue = await allPages<Due>(c, '/api/v1/workbench/due?within=overdue');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((q) => q.dueState === 'overdue' && q.nextDue < '2026-06-15')).toBe(true);
    const all = await allPages<Due>(c, '/api/v1/workbench/due?within=all');
    expect(all.slice(0, overdue.length)).toEqual(overdue);
    expect(new Set(all.map((q) => q.procedure))).toEqual(new Set(['penalty-case', 'information-request', 'petition']));
    expect(all.every((q) => q.nextRuleTitle)).toBe(true);
    // Three at a time gives the same queue.
    const paged: Due[] = [];
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = (
        await c.get(`/api/v1/workbench/due?within=all&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json() as { items: Due[]; next: string | null };
      paged.push(...page.items);
      cursor = page.next;
    }
    expect(paged).toEqual(all);
    const onlyRequests = await allPages<Due>(c, '/api/v1/workbench/due?within=all&procedure=information-request');
    expect(onlyRequests).toEqual(all.filter((q) => q.procedure === 'information-request'));
  });

  it('refuses bad input with a Chinese message and a stable code, and strangers with 401', async () => {
    const bad = await users.fuzeren.get('/api/v1/workbench/due?within=later');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_INPUT');
    const unknown = await users.fuzeren.get('/api/v1/workbench/due?procedure=nothing');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/没有这种程序/);
    const cursor = await users.fuzeren.get('/api/v1/workbench/due?cursor=abc');
    expect(cursor.statusCode).toBe(400);
    expect((await t.anonymous().get('/api/v1/workbench')).statusCode).toBe(401);
    expect((await t.anonymous().get('/api/v1/workbench/due')).statusCode).toBe(401);
  });
});
