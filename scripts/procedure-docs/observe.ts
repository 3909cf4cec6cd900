/**
 * What a procedure's table does, learned by running it — so the generated docs cannot say
 * what the code does not do. Scripted paths (scenarios) and a deterministic random walk (a
 * seeded generator, like the property tests) take records through the table by real
 * actions; at every record they reach, every action the status allows is tried with every
 * sample payload under every sample context. Each try that the schema accepts runs the
 * action's guard as the runner would (decide.ts):
 *  - a refusal adds its citation (and its message, numbers and dates blanked) to the action;
 *  - a pass adds the document series `issues` numbers, and — applying the action — the
 *    deadlines that start (open after, absent before) and those it meets (open before, met after).
 *
 * This is a lower bound: an article is listed only if some sample reaches the refusal that
 * cites it (the docs' test requires every guarded action to show at least one), and never
 * one the code does not cite.
 */
import { actionIds, applyAction, decide, opens, unavailable } from '../../src/procedure/decide.js';
import type { Procedure, Refusal } from '../../src/procedure/spec.js';
import { addDays } from '../../src/calendar/legal-date.js';

// biome-ignore lint/suspicious/noExplicitAny: any procedure
export type AnyProcedure = Procedure<any, string>;

/** A deadline as the observer compares them before and after an action. */
export interface DeadlineLike {
  rule: string;
  from: string;
  about?: string;
  state: string;
}

/** A scripted path: each step's action and payload (from the record and the day), `wait` days after the step before. */
export interface Scenario<S> {
  name: string;
  start: string;
  steps: readonly { type: string; wait?: number; payload: (s: S, today: string) => unknown }[];
}

/** How to walk one procedure: its openings, payloads and contexts, and its deadlines. */
export interface Walk<S = unknown, C = unknown> {
  /** The seed and the walk's size (runs × steps per run) */
  seed: number;
  runs: number;
  steps: number;
  /** The first legal date of the runs (each run starts a few days later than the one before) */
  start: string;
  /** The contexts an action is tried under at `today` (the first is the one the walk advances with) */
  contexts: (today: string) => C[];
  /** The sample payloads of `type` on record `s` at `today`, `d` being a date at or before today */
  payloads: (type: string, s: S, today: string, d: string) => unknown[];
  /** The record's deadlines as of `today` */
  deadlines: (s: S, today: string) => DeadlineLike[];
  /** Who takes the actions the walk applies (the contexts' actors are who tries the next one) */
  actor: { personId: string; userId: string };
  /**
   * Paths the walk also takes step by step (each step must pass under the first context), so the
   * long ones — a hearing, a court application — are observed whatever the random runs do.
   */
  scenarios?: readonly Scenario<S>[];
  /** The actions that take a record forward: most steps choose one of these when it passes */
  progress: readonly string[];
  /** An empty record opened at `today` */
  empty: (today: string) => S;
}

/** What running the table showed of one action. */
export interface Observed {
  /** Citation (RECORD_CHECK as null) → the distinct messages refused under it */
  citations: Map<string | null, Set<string>>;
  /** The document series numbered when it passed */
  series: Set<string>;
  /** Deadline rules started / met when it passed */
  starts: Set<string>;
  meets: Set<string>;
  /** How often it was tried (schema accepted) and how often it passed */
  tried: number;
  passed: number;
}

/** A small deterministic generator (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A refusal's message with what varies from record to record (dates, numbers) blanked. */
export const normalized = (message: string) =>
  message
    .replace(/\d{4}-\d{2}-\d{2}/g, '某日')
    .replace(/\d+(\.\d+)?/g, 'N')
    .replace(/N(\s*N)+/g, 'N');

/**
 * The deadlines by rule and subject, the n-th of equal ones numbered so none hides another.
 * Not by start: a deadline whose start moves (a consultation pausing the clock) is the same
 * deadline; one that appears is started, one that turns met is met.
 */
function keyed(list: readonly DeadlineLike[]): Map<string, DeadlineLike> {
  const out = new Map<string, DeadlineLike>();
  for (const d of list) {
    const key = `${d.rule}|${d.about ?? ''}`;
    let n = 0;
    while (out.has(`${key}#${n}`)) n++;
    out.set(`${key}#${n}`, d);
  }
  return out;
}

/** Walks the procedure and returns what each action showed. */
export function observe<S extends object, C>(proc: AnyProcedure, walk: Walk<S, C>): Map<string, Observed> {
  const out = new Map<string, Observed>(
    actionIds(proc).map((t) => [t, { citations: new Map(), series: new Set(), starts: new Set(), meets: new Set(), tried: 0, passed: 0 }]),
  );
  const allRoles = [...new Set(actionIds(proc).flatMap((t) => [...proc.actions[t]!.roles]))];
  const rand = prng(walk.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  let seq = 0;
  const cache = new WeakMap<S, { today: string; deadlines: Map<string, DeadlineLike> }>();
  const deadlinesOf = (s: S, today: string) => {
    const hit = cache.get(s);
    if (hit?.today === today) return hit.deadlines;
    const deadlines = keyed(walk.deadlines(s, today));
    cache.set(s, { today, deadlines });
    return deadlines;
  };
  const meta = (today: string, series: unknown, derived: unknown) => {
    seq++;
    return { seq, today, actorPersonId: walk.actor.personId, actorUserId: walk.actor.userId, number: series ? `N${seq}` : null, derived };
  };

  /** Notes a refusal `type` made. */
  const note = (type: string, r: Refusal) => {
    const citations = out.get(type)!.citations;
    const messages = citations.get(r.citation) ?? new Set<string>();
    messages.add(normalized(r.message));
    citations.set(r.citation, messages);
  };
  /** Tries `type` with every payload under every context; returns the records it led to under the first context. */
  function tryAll(s: S, type: string, today: string, d: string): S[] {
    const spec = proc.actions[type]!;
    const seen = out.get(type)!;
    const next: S[] = [];
    const contexts = walk.contexts(today);
    for (const raw of walk.payloads(type, s, today, d)) {
      const parsed = spec.payload.safeParse(raw);
      if (!parsed.success) continue;
      // The action changes the record alike under every context: its deadlines are compared once per payload.
      let compared = false;
      contexts.forEach((ctx, i) => {
        seen.tried++;
        const decision = decide(proc, s, type, parsed.data, ctx);
        if (!decision.ok) {
          for (const r of decision.refusals as Refusal[]) note(type, r);
          return;
        }
        seen.passed++;
        if (decision.series) seen.series.add(decision.series);
        const after = applyAction(proc, s, type, parsed.data, meta(today, decision.series, decision.derived)) as S;
        if (!compared) {
          compared = true;
          const before = deadlinesOf(s, today);
          for (const [key, x] of keyed(walk.deadlines(after, today))) {
            const old = before.get(key);
            if (!old) {
              if (x.state !== 'met') seen.starts.add(x.rule);
            } else if (old.state !== 'met' && x.state === 'met') seen.meets.add(x.rule);
          }
        }
        if (i === 0) next.push(after);
      });
    }
    return next;
  }

  const openings = actionIds(proc).filter((t) => opens(proc, t));
  const others = actionIds(proc).filter((t) => !opens(proc, t));
  /**
   * Tries every action the record's status allows; one its status allows but the record's
   * facts do not (`requires`) is not offered, and its refusal is noted as made.
   */
  const tryOpen = (s: S, today: string) =>
    new Map(
      others
        .filter((t) => {
          const why = unavailable(proc, s, t, allRoles);
          if (why && why.message === proc.actions[t]!.requires?.(s)?.message) note(t, why);
          return why === null;
        })
        .map((t) => [t, tryAll(s, t, today, today)]),
    );

  for (const sc of walk.scenarios ?? []) {
    let today = sc.start;
    let s = walk.empty(today);
    for (const [i, step] of sc.steps.entries()) {
      today = addDays(today, step.wait ?? 0);
      if (i > 0) tryOpen(s, today);
      else for (const t of openings) tryAll(s, t, today, today);
      const where = `scenario "${sc.name}" step ${i} (${step.type})`;
      const why = opens(proc, step.type) ? null : unavailable(proc, s, step.type, allRoles);
      if (why) throw new Error(`${where}: ${why.message}`);
      const payload = proc.actions[step.type]!.payload.parse(step.payload(s, today));
      const decision = decide(proc, s, step.type, payload, walk.contexts(today)[0]!);
      if (!decision.ok) throw new Error(`${where} refused: ${decision.refusals.map((r: Refusal) => r.message).join('；')}`);
      s = applyAction(proc, s, step.type, payload, meta(today, decision.series, decision.derived)) as S;
    }
    tryOpen(s, today);
  }

  for (let run = 0; run < walk.runs; run++) {
    let today = addDays(walk.start, run * 3);
    const opened = tryAll(walk.empty(today), pick(openings), today, today);
    // The other openings are observed on the same empty record.
    for (const t of openings) tryAll(walk.empty(today), t, today, today);
    let s = opened.length ? pick(opened) : undefined;
    if (!s) continue;
    for (let step = 0; step < walk.steps; step++) {
      today = addDays(today, pick([0, 0, 0, 1, 1, 2, 3, 6, 16]));
      const results = tryOpen(s, today);
      const passing = [...results.keys()].filter((t) => results.get(t)!.length > 0);
      if (passing.length === 0) continue;
      // Half the steps move the record to another status when some action can; most others take a step forward.
      const status = proc.status(s);
      const moving = passing.filter((t) => results.get(t)!.some((x) => proc.status(x) !== status));
      const forward = passing.filter((t) => walk.progress.includes(t));
      const r = rand();
      const type = moving.length && r < 0.5 ? pick(moving) : forward.length && r < 0.9 ? pick(forward) : pick(passing);
      const after = results.get(type)!;
      const moved = after.filter((x) => proc.status(x) !== status);
      s = moving.includes(type) && r < 0.5 ? pick(moved) : pick(after);
    }
  }
  return out;
}
