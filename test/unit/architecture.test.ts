/**
 * The layout's rules, read from the source: nothing below the composition root imports a
 * module; a module imports another only through the shared parts listed here; and every
 * service takes "now" from the installation's clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** The files under src/ that `file` imports (static, re-exported, dynamic, type-only alike). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(SRC, resolve(SRC, dirname(file), s)).replace(/\.js$/, '.ts'));
}

const FILES = sourceFiles(SRC);
const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(file)?.[1];

/**
 * Today's imports of one module by another: the part imported, who may import it, and why.
 * A new cross-module import must be added here deliberately (or go through the platform).
 */
const SHARED_PARTS: Record<string, { importers: string[]; why: string }> = {
  'modules/org/certificates.ts': { importers: ['enforcement'], why: 'a gate checks that the officers hold a 执法证 in force' },
  'modules/org/sessions.ts': {
    importers: [
      'enforcement',
      'information-requests',
      'petitions',
      'mediation',
      'disclosure',
      'villages',
      'normative-docs',
      'reconsideration',
      'openness',
      'litigation',
    ],
    why: "the demo's cases, requests, petitions, disputes, publications, village records, normative documents, reconsiderations and lawsuits act as the demo town's users (contextOfUser)",
  },
  'modules/org/service/people.ts': {
    importers: ['mediation', 'reconsideration'],
    why: "the demo's mediation committees seat the town's people as members, and the county's 复议人员 is a person of its 司法局 (createPerson)",
  },
  'modules/org/service/users.ts': {
    importers: ['mediation', 'villages', 'reconsideration'],
    why: "each demo committee's mediator, the demo's village clerks and the county's 复议人员 get their logins (createUser)",
  },
  'modules/disclosure/masks.ts': {
    importers: ['openness'],
    why: '以案释法 anonymises the party with the disclosure masks (publicParty), the single mask functions',
  },
  'modules/evidence/demo.ts': {
    importers: ['enforcement', 'information-requests'],
    why: "the demo's cases and requests carry the demo's evidence files and scans",
  },
};

describe('the layout', () => {
  it('finds the source', () => {
    expect(FILES).toContain('platform/yifa.ts');
    expect(importsOf('app/modules.ts')).toContain('modules/org/manifest.ts');
  });

  it('nothing below the composition root imports a module or the root', () => {
    const below = FILES.filter((f) => /^(platform|journal|calendar|procedure|law)\//.test(f));
    const upward = below.flatMap((f) =>
      importsOf(f)
        .filter((t) => /^(modules|app|cli)\//.test(t))
        .map((t) => `${f} → ${t}`),
    );
    expect(upward).toEqual([]);
  });

  it('modules import neither the root nor the CLI', () => {
    const upward = FILES.filter(moduleOf).flatMap((f) =>
      importsOf(f)
        .filter((t) => /^(app|cli)\//.test(t))
        .map((t) => `${f} → ${t}`),
    );
    expect(upward).toEqual([]);
  });

  it('a module imports another only through the shared parts listed', () => {
    const crossing = FILES.flatMap((f) => importsOf(f).map((t) => ({ f, t, from: moduleOf(f), to: moduleOf(t) }))).filter(
      ({ from, to }) => from && to && from !== to,
    );
    const unlisted = crossing.filter(({ from, t }) => !SHARED_PARTS[t]?.importers.includes(from!)).map(({ f, t }) => `${f} → ${t}`);
    expect(unlisted).toEqual([]);
    // The list holds only what is used: a part no longer imported leaves it.
    expect(Object.keys(SHARED_PARTS).filter((part) => !crossing.some(({ t }) => t === part))).toEqual([]);
  });
});

describe('one clock', () => {
  /** Where reading the machine's time is right: the clock's default source, a cache's age, and the CLI. */
  const MAY_READ_THE_MACHINE = ['platform/clock.ts', 'platform/http/projection-cache.ts'];

  it('services take now from yifa.clock, never from new Date(), Date.now() or todayInChina()', () => {
    const offenders = FILES.filter((f) => !f.startsWith('cli/') && !MAY_READ_THE_MACHINE.includes(f)).flatMap((f) =>
      readFileSync(join(SRC, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/new Date\(\)|Date\.now\(\)|todayInChina\(\)/.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
