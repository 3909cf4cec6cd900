/**
 * Document numbers per procedure, on both engines: two procedures of one agency that both name
 * a series (`transfer`, `correction`) each number theirs 1, 2, 3 — neither leaves gaps in the
 * other's — and each record reads back its own series ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { allocateNumber, issuedTo } from '../../src/procedure/numbering.js';

describe.each(ENGINES)('document numbers on %s', (engine) => {
  let t: TestApp;
  let agency: { id: string; doc_prefix: string };
  beforeAll(async () => {
    t = await startTestApp(engine);
    agency = await t.yifa.db.kysely
      .selectFrom('agencies')
      .select(['id', 'doc_prefix'])
      .where('name', '=', '秀山县妙泉镇人民政府')
      .executeTakeFirstOrThrow();
  });
  afterAll(async () => t.close());

  const issue = (subjectType: string, id: string, series: string, word: string) =>
    t.yifa.db.kysely.transaction().execute((trx) =>
      allocateNumber(trx, {
        agency,
        series,
        word,
        year: 2031,
        subject: { type: subjectType, id },
        actionType: `${subjectType}.act`,
        at: '2031-01-02T00:00:00.000Z',
      }),
    );

  it('numbers each procedure’s series on its own, without gaps', async () => {
    expect(await issue('penalty-case', 'c1', 'transfer', '移字')).toBe(`${agency.doc_prefix}移字〔2031〕第1号`);
    expect(await issue('petition', 'p1', 'transfer', '信转字')).toBe(`${agency.doc_prefix}信转字〔2031〕第1号`);
    expect(await issue('penalty-case', 'c2', 'transfer', '移字')).toBe(`${agency.doc_prefix}移字〔2031〕第2号`);
    expect(await issue('petition', 'p2', 'transfer', '信转字')).toBe(`${agency.doc_prefix}信转字〔2031〕第2号`);
    expect(await issue('reconsideration', 'r1', 'correction', '复补字')).toBe(`${agency.doc_prefix}复补字〔2031〕第1号`);
    expect((await issuedTo(t.yifa.db.kysely, { type: 'petition', id: 'p2' })).map((d) => d.series)).toEqual(['transfer']);
    expect((await issuedTo(t.yifa.db.kysely, { type: 'penalty-case', id: 'c2' })).map((d) => d.series)).toEqual(['transfer']);
  });
});
