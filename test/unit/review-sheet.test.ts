/**
 * 案卷评查 by stage: an open case is scored only on the items its stage requires (the others
 * pending, never failed), a closed case on every item, an archived case with the deductions
 * its head acknowledged; and the archive gate still scores the closed case against everything.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings } from '../../src/modules/enforcement/settings.js';
import {
  DEFAULT_SHEET,
  SHEET_CHECK_IDS,
  SHEET_CHECKS,
  SHEET_STAGES,
  scoreCase,
} from '../../src/modules/enforcement/case-file/review-sheet.js';
import { emptyCase, PENALTY_ACTIONS } from '../../src/modules/enforcement/workflow.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import type { GateContext } from '../../src/modules/enforcement/gates.js';

const settings = loadSettings(DEFAULT_SETTINGS);
const fresh = (): PenaltyCase => emptyCase('c1', 'a1', '/1/', '2026-03-02');

/** A general case taken step by step, each stage adding what a lawful case has by then. */
function filed(): PenaltyCase {
  return { ...fresh(), field: '综合行政执法', officers: ['p1', 'p2'], filedOn: '2026-03-03', filingNumber: '妙泉立字〔2026〕第1号' };
}
function reported(): PenaltyCase {
  const c = filed();
  return {
    ...c,
    records: [
      {
        seq: 3,
        kind: 'inquiry',
        on: '2026-03-04',
        place: '镇政府',
        officers: ['p1', 'p2'],
        subject: '王某',
        summary: '询问',
        number: null,
      },
    ],
    proposal: {
      version: 1,
      facts: '占道经营',
      basis: '《城市市容和环境卫生管理条例》第三十六条',
      outcome: 'penalty',
      kinds: ['fine'],
      fineFen: 50_000,
      confiscationFen: 0,
      major: false,
      hearingEligible: false,
      collectiveRequired: false,
      catalogRow: null,
      outsideBenchmark: [],
      discretionReason: null,
      circumstanceId: null,
    } as unknown as PenaltyCase['proposal'],
  };
}
function decided(): PenaltyCase {
  const c = reported();
  return {
    ...c,
    notice: {
      servedOn: '2026-03-05',
      version: 1,
      method: 'direct',
      hearingOffered: false,
      number: '妙泉罚告字〔2026〕第1号',
      told: { kinds: ['fine'], fineFen: 50_000, confiscationFen: 0 },
    },
    decision: {
      on: '2026-03-12',
      version: 1,
      outcome: 'penalty',
      kinds: ['fine'],
      fineFen: 50_000,
      confiscationFen: 0,
      number: '妙泉罚决字〔2026〕第1号',
    },
  };
}
function closed(): PenaltyCase {
  const c = decided();
  return {
    ...c,
    service: { on: '2026-03-13', method: 'post', completeOn: '2026-03-13', recipient: '王某', refusedToSign: false },
    payments: [{ on: '2026-03-20', amountFen: 50_000 }],
    closedOn: '2026-03-21',
    closingReport: '已缴清',
  };
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const totalPoints = DEFAULT_SHEET.reduce((n, r) => n + r.points, 0);

describe('the 案卷评查 sheet by stage', () => {
  it('the default sheet has every check once and 100 points; every check names a step it applies from', () => {
    expect(DEFAULT_SHEET.map((r) => r.item)).toEqual(SHEET_CHECK_IDS);
    expect(totalPoints).toBe(100);
    for (const id of SHEET_CHECK_IDS) expect(Object.keys(SHEET_STAGES)).toContain(SHEET_CHECKS[id].dueFrom);
  });

  it('a brand-new case fails no veto item and loses no point: what it has not reached is pending', () => {
    const check = scoreCase(fresh(), settings);
    expect(check.vetoFailed).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(check.score).toBe(check.outOf);
    expect(check.outOf).toBeGreaterThan(0);
    expect(check.passed).toBe(true);
    // the veto items wait for their steps, named
    expect(ids(check.pending)).toEqual(
      expect.arrayContaining(['two-officers', 'facts', 'evidence', 'procedure', 'reasoned', 'performance']),
    );
    expect(check.pending.find((p) => p.id === 'facts')!.dueFromName).toBe('调查终结');
    expect(check.pending.find((p) => p.id === 'receipts')!.dueFromName).toBe('送达决定书');
    expect(check.outOf + check.pending.reduce((n, p) => n + p.points, 0)).toBe(totalPoints);
    // listed in the order the case will reach their steps
    expect([...new Set(check.pending.map((p) => p.dueFromName))]).toEqual(['立案', '调查终结', '作出决定', '送达决定书', '结案']);
  });

  it('the same new case scored against everything (as the archive gate does) fails its veto items', () => {
    const check = scoreCase(fresh(), settings, { every: true });
    expect(ids(check.vetoFailed)).toEqual(['evidence', 'facts', 'two-officers']);
    expect(check.score).toBe(0);
    expect(check.outOf).toBe(totalPoints);
    expect(check.pending).toEqual([]);
  });

  it('each stage owes what it has reached: a case under investigation is not failed for its decision', () => {
    const investigating = scoreCase(filed(), settings);
    expect(investigating.vetoFailed).toEqual([]);
    expect(investigating.missing).toEqual([]);
    expect(ids(investigating.pending)).toEqual(
      expect.arrayContaining(['facts', 'evidence', 'report', 'receipts', 'separation', 'reasoned', 'performance']),
    );
    expect(ids(investigating.pending)).not.toContain('two-officers');

    // Filed without two officers: the veto item is due and fails, in red.
    const alone = scoreCase({ ...filed(), officers: ['p1'] }, settings);
    expect(ids(alone.vetoFailed)).toEqual(['two-officers']);
    expect(alone.score).toBe(0);

    // Decided but not yet served or paid: service and payment are pending, not deducted.
    const d = scoreCase(decided(), settings);
    expect(d.missing).toEqual([]);
    expect(ids(d.pending)).toEqual(['performance', 'receipts', 'seizure-released', 'separation']);
    // A decided case without its report's facts fails the veto item (its step was reached).
    const noFacts = scoreCase({ ...decided(), proposal: { ...decided().proposal!, facts: '' } }, settings);
    expect(ids(noFacts.vetoFailed)).toEqual(['facts']);
  });

  it('a closed case owes every item: nothing pending, the score out of the whole sheet', () => {
    const check = scoreCase(closed(), settings);
    expect(check.pending).toEqual([]);
    expect(check.outOf).toBe(totalPoints);
    expect(check).toEqual(scoreCase(closed(), settings, { every: true }));
    const unpaid = scoreCase({ ...closed(), payments: [] }, settings);
    expect(ids(unpaid.missing)).toEqual(['separation']);
    expect(unpaid.score).toBe(totalPoints - SHEET_CHECKS.separation.points);
  });

  it('a required step without its recording is a deduction as soon as it happened', () => {
    const inspected: PenaltyCase = {
      ...filed(),
      records: [
        {
          seq: 3,
          kind: 'inspection',
          on: '2026-03-04',
          place: '某村',
          officers: ['p1', 'p2'],
          subject: '现场',
          summary: '检查',
          number: null,
        },
      ],
    };
    const check = scoreCase(inspected, settings);
    expect(ids(check.missing)).toEqual(['recordings']);
    expect(check.missing[0]!.problem).toContain('缺少音像记录：现场检查（2026-03-04，某村）');
    expect(check.score).toBe(check.outOf - SHEET_CHECKS.recordings.points);
    // An agency that requires no recording of inspections: nothing is owed.
    expect(scoreCase(inspected, { ...settings, recordingRequired: [] }).missing).toEqual([]);
  });

  it('an archived case shows the deduction acknowledged at archiving in its score, never 100 beside it', () => {
    const onTheSpot: PenaltyCase = {
      ...closed(),
      procedure: 'simple',
      proposal: null,
      notice: null,
      filedOn: null,
      filingNumber: null,
      records: [],
      onTheSpot: { place: '集镇', signed: true, refusalNote: null },
      service: { on: '2026-03-02', method: 'direct', completeOn: '2026-03-02', recipient: '王某', refusedToSign: false },
      archivedOn: '2026-03-25',
      archiveWarnings: ['缺少音像记录：当场处罚（2026-03-02）'],
    };
    const check = scoreCase(onTheSpot, settings);
    expect(check.acknowledged).toEqual(['缺少音像记录：当场处罚（2026-03-02）']);
    expect(check.passed).toBe(false);
    expect(ids(check.missing)).toEqual(['recordings']);
    expect(check.score).toBeLessThan(100);
    expect(check.score).toBe(totalPoints - SHEET_CHECKS.recordings.points);
    // An acknowledged problem the agency's sheet does not price still keeps the file from reading as passed.
    const unpriced = scoreCase(onTheSpot, { ...settings, reviewSheet: DEFAULT_SHEET.filter((r) => r.item !== 'recordings') });
    expect(unpriced.passed).toBe(false);
    expect(unpriced.acknowledged).toHaveLength(1);
  });
});

describe('the archive gate is unchanged in effect', () => {
  const archive = PENALTY_ACTIONS['penalty.archive'];
  const ctx = (over: Partial<typeof settings> = {}) =>
    ({ today: '2026-03-30', settings: { ...settings, ...over } }) as unknown as GateContext;
  const refusals = (c: PenaltyCase, x: GateContext, acknowledge = false) =>
    archive.guard!(c, { on: '2026-03-30', acknowledgeWarnings: acknowledge }, x).filter(Boolean);

  it('refuses a closed file with a failed veto item, whatever is acknowledged', () => {
    const r = refusals({ ...closed(), officers: ['p1'] }, ctx({ archiveWhenIncomplete: 'warn' }), true);
    expect(r.map((x) => x!.message).join()).toContain('否决项未通过');
  });

  it('weighs a missing recording under its own rule, not the sheet’s: warned (kept), or refused with the recording article', () => {
    const inspected: PenaltyCase = {
      ...closed(),
      records: [
        {
          seq: 3,
          kind: 'inspection',
          on: '2026-03-04',
          place: '某村',
          officers: ['p1', 'p2'],
          subject: '现场',
          summary: '检查',
          number: null,
        },
      ],
    };
    // The sheet refuses incomplete files, recordings only warn: acknowledging is enough, and the warning is the recording's.
    expect(refusals(inspected, ctx({ archiveWhenIncomplete: 'refuse', archiveWithoutRecording: 'warn' }), true)).toEqual([]);
    const unacknowledged = refusals(inspected, ctx({ archiveWhenIncomplete: 'refuse', archiveWithoutRecording: 'warn' }));
    expect(unacknowledged).toHaveLength(1);
    expect(unacknowledged[0]!.message).toContain('缺少音像记录');
    expect(unacknowledged[0]!.message).not.toContain('音像记录事项清单所列环节');
    expect(archive.derive!(inspected, { on: '2026-03-30', acknowledgeWarnings: true }, ctx())).toEqual([
      '缺少音像记录：现场检查（2026-03-04，某村）',
    ]);
    const refused = refusals(inspected, ctx({ archiveWithoutRecording: 'refuse' }), true);
    expect(refused.map((x) => x!.message).join()).toContain('音像记录不全');
  });

  it('refuses, or warns about, the other deductions as the agency chose', () => {
    const unpaid = { ...closed(), payments: [] };
    expect(refusals(unpaid, ctx({ archiveWhenIncomplete: 'refuse' }), true)[0]!.message).toContain('案卷评查未通过');
    expect(refusals(unpaid, ctx({ archiveWhenIncomplete: 'warn' }), true)).toEqual([]);
    expect(refusals(closed(), ctx())).toEqual([]);
  });
});
