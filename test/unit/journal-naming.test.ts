/**
 * One place names every journal action (src/journal/readable.ts): each type the source
 * journals — a literal `type: '…'` anywhere under src/, each procedure's action table, the
 * kit's document and export actions — has a Chinese title in the root's JOURNAL_NAMING, so
 * a new action without one fails here rather than showing 系统操作 on a clerk's screen.
 * And a summary is told from the payload it is given: masked in, masked out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JOURNAL_NAMING, PROCEDURES } from '../../src/app/root.js';
import { nameEntries, UNKNOWN_ACTION_TITLE, type NamedInput } from '../../src/journal/readable.js';
import { maskPersonal } from '../../src/platform/security/personal-data.js';
import type { Db } from '../../src/platform/db/database.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const HAN = /\p{Script=Han}/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The action types the source journals by a literal: `type: 'org.person.create'` (and the evidence module's download/stream pair). */
function journaledLiterals(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (!/journal\.(record|perform)\(|\.perform\(/.test(text)) continue;
    for (const m of text.matchAll(/\btype: (?:opts\.download \? )?'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'(?: : '([a-z.-]+)')?/g)) {
      found.add(m[1]!);
      if (m[2]) found.add(m[2]);
    }
  }
  return [...found].sort();
}

describe('the journal names every action type', () => {
  it('finds the literals it checks', () => {
    const types = journaledLiterals();
    expect(types).toEqual(
      expect.arrayContaining(['access.denied', 'org.person.create', 'evidence.stream', 'evidence.download', 'calendar.year.set']),
    );
  });

  it.each(journaledLiterals())('%s has a Chinese title', (type) => {
    expect(Object.keys(JOURNAL_NAMING.actions)).toContain(type);
    expect(JOURNAL_NAMING.actions[type]!.title).toMatch(HAN);
  });

  it.each(PROCEDURES.map((p) => [p.proc.subjectType, p] as const))('%s: its actions, document opening and export are titled', (_s, p) => {
    for (const type of [...Object.keys(p.proc.actions), p.documentOpenAction, p.exportAction]) {
      expect(JOURNAL_NAMING.actions[type]?.title, type).toMatch(HAN);
    }
  });

  it('names every role, the portal’s and the system’s included', () => {
    for (const role of ['officer', 'unit_head', 'supervisor', 'public', 'system']) expect(JOURNAL_NAMING.roles[role]).toMatch(HAN);
  });
});

/** A database that no query should reach: these entries name nobody by id. */
const NO_DB = {} as Db;

describe('a summary', () => {
  const register = {
    source: { kind: 'complaint', summary: '群众举报', receivedOn: '2026-03-01' },
    party: {
      kind: 'citizen',
      name: '张某',
      idNumber: '500241199001011236',
      address: '妙泉镇某村1组',
      phone: '13900001111',
      representative: null,
    },
    field: '综合行政执法',
  };
  const entry = (payload: unknown, withheld: NamedInput['withheld'] = null): NamedInput => ({
    type: 'penalty.register',
    actorUserId: null,
    actorRole: 'system',
    payload,
    result: null,
    withheld,
  });

  it('tells the fields by their titles and enum labels', async () => {
    const [named] = await nameEntries(NO_DB, JOURNAL_NAMING, [entry(register)]);
    expect(named!.title).toBe('案源登记');
    expect(named!.summary).toMatch(
      /^案件来源：案源类别 投诉举报，案源情况 群众举报，接收日期 2026-03-01；当事人：当事人类型 公民，名称（姓名） 张某/,
    );
    expect(named!.summary).toContain('500241199001011236'); // the payload as given: a reader who may see it reads it
  });

  it('tells a masked payload masked', async () => {
    const [named] = await nameEntries(NO_DB, JOURNAL_NAMING, [entry(maskPersonal(register))]);
    expect(named!.summary).not.toMatch(/500241199001011236|13900001111|妙泉镇某村1组/);
    expect(named!.summary).toContain('身份证号 / 统一社会信用代码 ***');
  });

  it('says a withheld payload is withheld, and why', async () => {
    const [named] = await nameEntries(NO_DB, JOURNAL_NAMING, [entry(null, { message: '您没有查看该类记录内容的权限' })]);
    expect(named!.summary).toBe('内容不予显示：您没有查看该类记录内容的权限');
  });

  it('names an unknown type neutrally and an anonymous actor as such', async () => {
    const [named] = await nameEntries(NO_DB, JOURNAL_NAMING, [{ ...entry({ x: 1 }), type: 'somebody.new-thing', actorRole: null }]);
    expect(named).toEqual({ title: UNKNOWN_ACTION_TITLE, summary: '', actor: { name: '未登录的访问者', roleName: '未登录' } });
  });
});
