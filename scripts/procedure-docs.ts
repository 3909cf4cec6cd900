/**
 * Writes docs/procedures/<name>.md for every procedure, from its action table:
 *   node bin/run-ts.mjs scripts/procedure-docs.ts      (npm run docs:procedures)
 * test/unit/procedure-docs.test.ts fails when a page differs from what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROCEDURES } from './procedure-docs/procedures.js';
import { renderProcedure } from './procedure-docs/render.js';

export const DOCS_DIR = join('docs', 'procedures');

mkdirSync(DOCS_DIR, { recursive: true });
for (const p of PROCEDURES) {
  const path = join(DOCS_DIR, p.file);
  writeFileSync(path, renderProcedure(p));
  console.log(`wrote ${path}`);
}
