/**
 * Chinese documents quote with “ ” (GB/T 15834), never the ASCII ". Every 文书 of every demo
 * penalty case, information request and petition is rendered as its DOCX, and one case file of each
 * procedure as its PDF, and none contains an ASCII double quote: neither the templates nor
 * the demo's own texts that flow into them. The demo covers every document kind the three
 * procedures issue (checked below, so a kind the demo stops reaching is noticed).
 * Runs on the embedded database only: the texts do not depend on the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';

/** Every kind of document `caseDocuments` and `requestDocuments` issue (a document's id up to its ':'). */
const PENALTY_KINDS = [
  'filing',
  'inquiry',
  'inspection',
  'evidence',
  'preservation',
  'investigation-report',
  'notice',
  'statement',
  'hearing-notice',
  'hearing-record',
  'hearing-report',
  'review-application',
  'review-opinion',
  'collective',
  'decision',
  'recusal',
  'correction-order',
  'correction-recheck',
  'service',
  'reminder',
  'court-application',
  'closing',
];
const REQUEST_KINDS = ['registration', 'correction', 'consultation', 'extension-notice', 'reply'];
const PETITION_KINDS = [
  'registration',
  'acceptance',
  'decline',
  'route',
  'transfer',
  'extension-notice',
  'opinion',
  'agreement',
  'review',
  'recheck',
];

const kindOf = (id: string) => id.split(':')[0]!;
const quotesIn = (text: string) => text.split('\n').filter((l) => l.includes('"'));

async function allOf<T>(c: Client, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; next: string | null };
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

function pdfText(zip: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'yifa-quotes-'));
  try {
    writeFileSync(join(dir, 'case-file.pdf'), unzipSync(zip)['case-file.pdf']!);
    return execFileSync('pdftotext', [join(dir, 'case-file.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the quotes in generated documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { cases: true });
  }, 120_000);
  afterAll(async () => t?.close());

  /** Renders every document of every record at `base`; returns the kinds seen and the largest record. */
  const everyDocument = async (c: Client, base: string) => {
    const kinds = new Set<string>();
    const found: string[] = [];
    let largest = { id: '', documents: -1 };
    for (const r of await allOf<{ id: string }>(c, base)) {
      const docs = (await c.get(`${base}/${r.id}/documents`)).json().items as { id: string; title: string }[];
      if (docs.length > largest.documents) largest = { id: r.id, documents: docs.length };
      for (const d of docs) {
        kinds.add(kindOf(d.id));
        const res = await c.get(`${base}/${r.id}/documents/${d.id}/docx`);
        expect(res.statusCode, res.body).toBe(200);
        for (const line of quotesIn(docxText(res.rawPayload))) found.push(`${d.title} (${r.id} ${d.id}): ${line}`);
      }
    }
    return { kinds, found, largest: largest.id };
  };

  it('every penalty case document and a case file quote with “ ”', async () => {
    const jiandu = await t.login('jiandu');
    const { kinds, found, largest } = await everyDocument(jiandu, '/api/v1/penalty-cases');
    expect(found).toEqual([]);
    expect([...kinds].sort()).toEqual([...PENALTY_KINDS].sort());
    const zip = await jiandu.get(`/api/v1/penalty-cases/${largest}/case-file`);
    expect(zip.statusCode).toBe(200);
    expect(quotesIn(pdfText(zip.rawPayload))).toEqual([]);
  }, 120_000);

  it('every information request document and a case file quote with “ ”', async () => {
    const gongkai = await t.login('gongkai');
    const { kinds, found, largest } = await everyDocument(gongkai, '/api/v1/information-requests');
    expect(found).toEqual([]);
    expect([...kinds].sort()).toEqual([...REQUEST_KINDS].sort());
    const zip = await gongkai.get(`/api/v1/information-requests/${largest}/case-file`);
    expect(zip.statusCode).toBe(200);
    expect(quotesIn(pdfText(zip.rawPayload))).toEqual([]);
  }, 120_000);

  it('every petition document and a case file quote with “ ”', async () => {
    const xinfang = await t.login('xinfang');
    const { kinds, found, largest } = await everyDocument(xinfang, '/api/v1/petitions');
    expect(found).toEqual([]);
    expect([...kinds].sort()).toEqual([...PETITION_KINDS].sort());
    const zip = await xinfang.get(`/api/v1/petitions/${largest}/case-file`);
    expect(zip.statusCode).toBe(200);
    const text = pdfText(zip.rawPayload);
    expect(text).toContain('信访事项复核意见书');
    expect(quotesIn(text)).toEqual([]);
  }, 120_000);
});
