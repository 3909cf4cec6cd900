/**
 * The project's documents stand on their own: whoever has the repository has everything
 * they point to. Every relative link of README*.md and docs/**\/*.md names a file or
 * folder that exists inside the repository (never above its root), and no document sends
 * the reader to notes kept outside it (`../shared/…`, a spec file by name) instead of
 * stating the facts. Every setting the code reads from the environment is documented in both
 * READMEs.
 */
import { existsSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownUnder(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.(ts|mjs|js)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const DOCS = [
  ...readdirSync(ROOT)
    .filter((f) => /^README.*\.md$/.test(f))
    .map((f) => join(ROOT, f)),
  ...markdownUnder(join(ROOT, 'docs')),
];

/** `[text](target)` and `![alt](target)`, without their title; code blocks left out (they show code, not links). */
function linksIn(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** Markdown files the repository has, by name (`README.md`): a document may name those, and no other. */
const KNOWN_NAMES = new Set([...DOCS, ...readdirSync(ROOT).map((f) => join(ROOT, f))].map((f) => f.split(sep).pop()!));

describe('the documents stand on their own', () => {
  it('finds the documents', () => {
    expect(DOCS.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['README.md', 'README.zh-CN.md', 'docs/architecture.md']));
  });

  it.each(DOCS.map((f) => [relative(ROOT, f), f]))('%s: every relative link names a file inside the repository', (_, file) => {
    const bad: string[] = [];
    for (const target of linksIn(readFileSync(file, 'utf8'))) {
      if (isExternal(target) || target.startsWith('#')) continue;
      const path = decodeURIComponent(target.split('#')[0]!);
      const to = path.startsWith('/') ? join(ROOT, path) : resolve(dirname(file), path);
      const inside = relative(ROOT, to);
      if (inside.startsWith('..') || resolve(ROOT, inside) !== to) bad.push(`${target}: outside the repository`);
      else if (!existsSync(to)) bad.push(`${target}: no such file`);
      else if (target.endsWith('/') && !statSync(to).isDirectory()) bad.push(`${target}: not a folder`);
    }
    expect(bad).toEqual([]);
  });

  it.each(DOCS.map((f) => [relative(ROOT, f), f]))('%s: refers to no notes kept outside the repository', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const outside = [...text.matchAll(/(?:\.\.\/)+shared\/[^\s`)]*|\/work\/[^\s`)]*|\bshared\/spec\b/g)].map((m) => m[0]);
    const unknownFiles = [...text.matchAll(/(?<![\w.-])[A-Z][A-Z0-9-]*\.md\b/g)].map((m) => m[0]).filter((n) => !KNOWN_NAMES.has(n));
    expect([...outside, ...unknownFiles]).toEqual([]);
  });

  it('documents every environment variable the code reads, in both READMEs', () => {
    const code = ['src', 'bin'].flatMap((d) => sourcesUnder(join(ROOT, d))).map((f) => readFileSync(f, 'utf8'));
    const read = new Set(code.flatMap((t) => [...t.matchAll(/\benv(?:\.|\[['"])([A-Z][A-Z0-9_]{2,})/g)].map((m) => m[1]!)));
    read.delete('VITEST'); // set by the test runner itself, not a setting
    expect(read.size).toBeGreaterThan(10);
    for (const readme of ['README.md', 'README.zh-CN.md']) {
      const text = readFileSync(join(ROOT, readme), 'utf8');
      expect(
        [...read].filter((v) => !text.includes(`\`${v}\``)),
        readme,
      ).toEqual([]);
    }
  });
});
