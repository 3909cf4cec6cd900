/**
 * The pure rules of evidence: how long files are kept, which steps of a case must be
 * recorded on audio-visual media and whether they are, and that a record holds a file once.
 */
import { describe, expect, it } from 'vitest';
import { InMemoryHolidayTable, holidayRowsFromChineseDays } from '../../src/calendar/holiday-table.js';
import { emptyCase } from '../../src/modules/enforcement/workflow.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import { purgeable } from '../../src/modules/evidence/retention.js';
import { keptUntil } from '../../src/modules/enforcement/evidence.js';
import { requiredRecordings, DEFAULT_REQUIRED_SCENES } from '../../src/modules/enforcement/recordings.js';
import { duplicateOf, evidenceRows, type EvidenceContext, type EvidenceItem, type EvidenceList } from '../../src/procedure/evidence.js';
import { RECORD_CHECK } from '../../src/procedure/spec.js';

const { years, rows } = holidayRowsFromChineseDays();
const table = new InMemoryHolidayTable(rows, years);
const years10 = { general: 30, simple: 10 };

const archived = (over: Partial<PenaltyCase>): PenaltyCase => ({ ...emptyCase('c1', 'a1', '/x/', '2026-01-05'), ...over });

describe('evidence retention', () => {
  it('holds the files of an open case', () => {
    expect(keptUntil(archived({}), years10, table)).toBeNull();
    expect(purgeable('2099-01-01', [null, '2027-01-01'], '2026-01-05')).toBe(false);
  });

  it('keeps an archived case for its retention years, and never less than the reconsideration and litigation windows', () => {
    const served = { on: '2026-03-02', method: 'direct' as const, completeOn: '2026-03-02', recipient: '王某某', refusedToSign: false };
    const general = archived({ procedure: 'general', service: served, archivedOn: '2026-03-20' });
    expect(keptUntil(general, years10, table)).toBe('2056-03-20');
    // A one-year retention still holds the file until the 6-month litigation window from service has passed.
    expect(keptUntil(general, { general: 1, simple: 1 }, table)).toBe('2027-03-20');
    const late = archived({ procedure: 'general', service: served, archivedOn: '2026-03-03' });
    expect(keptUntil(late, { general: 0, simple: 0 }, table)).toBe('2026-09-02');
    expect(keptUntil(archived({ procedure: 'simple', archivedOn: '2026-01-08' }), years10, table)).toBe('2036-01-08');
  });

  it('purges only when every linking case is past its date, and unlinked uploads after 90 days', () => {
    expect(purgeable('2036-01-09', ['2036-01-08', '2030-01-01'], '2026-01-01')).toBe(true);
    expect(purgeable('2036-01-08', ['2036-01-08'], '2026-01-01')).toBe(false);
    expect(purgeable('2026-04-02', [], '2026-01-01')).toBe(true);
    expect(purgeable('2026-04-01', [], '2026-01-01')).toBe(false);
  });
});

describe('required audio-visual recordings', () => {
  const file = { sha256: 'a'.repeat(64), size: 1, mime: 'video/mp4', fileName: 'v.mp4' };
  const recording = (scene: 'inspection' | 'on-the-spot') => ({
    recorder: 'MQ-01',
    startedAt: '2026-01-05T09:00:00+08:00',
    endedAt: '2026-01-05T09:10:00+08:00',
    scene,
    place: 'x',
    gps: null,
    officers: ['p1'],
  });
  const inspection = (seq: number) => ({
    seq,
    kind: 'inspection' as const,
    on: '2026-01-05',
    place: '某某村',
    officers: ['p1', 'p2'],
    subject: '王某某',
    summary: 'x',
    number: null,
  });

  it('asks a recording of each inspection, linked to that inspection', () => {
    const c = archived({
      records: [inspection(3), inspection(5)],
      evidence: [
        {
          seq: 4,
          type: 'audiovisual',
          title: 'v',
          description: 'd',
          collectedOn: '2026-01-05',
          source: 's',
          file,
          recording: recording('inspection'),
          step: 3,
        },
      ],
    });
    expect(requiredRecordings(c, DEFAULT_REQUIRED_SCENES).map((r) => [r.step, r.covered])).toEqual([
      [3, true],
      [5, false],
    ]);
    // A video without its recording metadata, or of another scene, does not count.
    const other = archived({
      records: [inspection(3)],
      evidence: [
        {
          seq: 4,
          type: 'audiovisual',
          title: 'v',
          description: 'd',
          collectedOn: '2026-01-05',
          source: 's',
          file,
          recording: recording('on-the-spot'),
          step: 3,
        },
      ],
    });
    expect(requiredRecordings(other, DEFAULT_REQUIRED_SCENES)[0]!.covered).toBe(false);
    expect(requiredRecordings(c, [])).toEqual([]);
  });
});

describe('the same file twice in a record', () => {
  type S = { items: EvidenceItem[] };
  type T = { state: S; context: EvidenceContext; status: string; series: string };
  const list: EvidenceList<S> = {
    items: (s) => s.items,
    withItems: (s, items) => ({ ...s, items }),
    words: { item: '材料', record: '本申请' },
  };
  const file = (sha256: string) => ({ sha256, size: 1, mime: 'application/pdf', fileName: 'a.pdf' });
  const item = (seq: number, sha256: string | null, withdrawn = false): EvidenceItem => ({
    seq,
    type: 'application',
    title: `第 ${seq} 份`,
    description: '',
    ...(sha256 ? { file: file(sha256) } : {}),
    ...(withdrawn ? { withdrawn: { on: '2026-03-02', reason: '扫描不清' } } : {}),
  });
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);
  const attach = evidenceRows<T>(list).attach({ title: '附加材料', roles: ['clerk'], from: ['open'], payload: {} as never });
  const ctx: EvidenceContext = { uploadedFile: (sha256) => file(sha256) };
  const refusals = (s: S, sha256: string) =>
    attach.guard!(s, { type: 'application', title: 't', description: '', file: { sha256 } }, ctx).filter((r) => r !== null);

  it('names the item, not withdrawn, that already holds the bytes', () => {
    const s = { items: [item(1, null), item(2, A, true), item(3, A), item(4, B)] };
    expect(duplicateOf(s.items, A)).toEqual({ seq: 3, title: '第 3 份' });
    expect(duplicateOf(s.items, 'c'.repeat(64))).toBeNull();
    expect(refusals(s, A)).toEqual([
      { message: '该文件已登记为本申请材料“第 3 份”（序号 3），不能重复登记；如需更正，请先撤回该项材料', citation: RECORD_CHECK },
    ]);
  });

  it('lets a file be registered again once the item holding it is withdrawn', () => {
    const s = { items: [item(2, A, true)] };
    expect(duplicateOf(s.items, A)).toBeNull();
    expect(refusals(s, A)).toEqual([]);
  });
});
