/**
 * What each agency sets locally for its penalty cases (LAW "Configurable per deployment"):
 * the 较大数额 that triggers a hearing, the window for 陈述申辩, the 法制审核目录, the
 * 裁量基准, when collective discussion is required, and how the archive check treats
 * a failed item. Defaults follow LAW.md; every change is a journaled action.
 */
import { z } from 'zod';
import { PENALTY_KIND_IDS, RECORDING_SCENE_IDS } from '../../law/penalty.js';
import { DEFAULT_REQUIRED_SCENES } from './recordings.js';
import { DEFAULT_REVIEW_CATALOG, loadReviewCatalog, type CatalogRow, type ReviewCatalog } from './review-catalog.js';
import { validateBenchmarks, type ViolationType } from './discretion.js';
import { DEMO_BENCHMARKS } from './benchmarks-demo.js';
import { DEFAULT_SHEET, SHEET_CHECK_IDS } from './case-file/review-sheet.js';

const fen = z.number().int().min(0).max(100_000_000_000);
const partyKinds = z.array(z.enum(['citizen', 'organisation'])).min(1);

/** A fine range per party kind, in fen. */
const fineRanges = z
  .strictObject({
    citizen: z.strictObject({ min: fen, max: fen }).optional(),
    organisation: z.strictObject({ min: fen, max: fen }).optional(),
  })
  .optional();

const catalogRow = z.strictObject({
  id: z.string().min(1).max(40),
  label: z.string().min(1).max(200),
  materials: z.string().max(500).optional(),
  fields: z.array(z.string().min(1).max(50)).min(1).optional(),
  partyKinds: partyKinds.optional(),
  amountFen: z.strictObject({ min: fen.nullable(), max: fen.nullable() }).optional(),
  severestKinds: z.array(z.enum(PENALTY_KIND_IDS)).min(1).optional(),
  heard: z.boolean().optional(),
  transfer: z.boolean().optional(),
  outsideBenchmark: z.boolean().optional(),
});

const circumstance = z.strictObject({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(20),
  description: z.string().max(500),
  kinds: z.array(z.enum(PENALTY_KIND_IDS)).min(1),
  fineFen: fineRanges,
});

const violationType = z.strictObject({
  id: z.string().min(1).max(60),
  name: z.string().min(1).max(200),
  field: z.string().min(1).max(50),
  violates: z.string().min(1).max(500),
  penalisedBy: z.string().min(1).max(500),
  statutoryFineFen: fineRanges,
  seriousHarmPossible: z.boolean(),
  circumstances: z.array(circumstance).min(1).max(10),
});

const sheetRow = z.strictObject({
  item: z.enum(SHEET_CHECK_IDS),
  section: z.enum(['veto', 'form', 'substance']),
  points: z.number().int().min(0).max(100),
});

/** The 案卷评查 sheet: each check at most once; veto items carry no points; at most 100 points in all. */
const reviewSheet = z
  .array(sheetRow)
  .min(1)
  .max(50)
  .refine((rows) => new Set(rows.map((r) => r.item)).size === rows.length, '评查表中同一评查项只能出现一次')
  .refine((rows) => rows.every((r) => r.section !== 'veto' || r.points === 0), '否决项不计分，分值应为 0')
  .refine((rows) => rows.reduce((n, r) => n + r.points, 0) <= 100, '评查表总分不能超过 100 分');

export const enforcementSettingsSchema = z.strictObject({
  /** 较大数额 (Art 63): fines at or above these are offered a hearing. */
  hearingFineFen: z.strictObject({ citizen: fen, organisation: fen }),
  /** 没收较大数额违法所得、较大价值非法财物 (Art 63). */
  hearingConfiscationFen: z.strictObject({ citizen: fen, organisation: fen }),
  /** Working days the party has to state and defend after 告知 (no national figure). */
  statementWindowWorkingDays: z.number().int().min(3).max(15),
  /** Art 57: collective discussion for major cases (always for complex ones). */
  collectiveDiscussionForMajor: z.boolean(),
  /** Archive with failed form/substance items: refuse, or warn and record. Veto items always refuse. */
  archiveWhenIncomplete: z.enum(['refuse', 'warn']),
  /** The 案卷评查 score sheet checked before archiving. */
  reviewSheet,
  /** 音像记录事项清单: the scenes that must be recorded on audio-visual media. */
  recordingRequired: z
    .array(z.enum(RECORDING_SCENE_IDS))
    .max(RECORDING_SCENE_IDS.length)
    .refine((xs) => new Set(xs).size === xs.length, '音像记录事项不能重复'),
  /** Archive a case with a required recording missing: refuse, or warn and record. */
  archiveWithoutRecording: z.enum(['refuse', 'warn']),
  /** Years the evidence files of an archived case are kept (set locally; no national figure). */
  evidenceRetentionYears: z.strictObject({ general: z.number().int().min(1).max(100), simple: z.number().int().min(1).max(100) }),
  /**
   * Art 60: the 90 days change only where a law, regulation or 规章 says so. The provision the
   * agency applies and what it allows, step by step (null: none applies, no extension).
   */
  decisionExtension: z
    .strictObject({
      basis: z.string().min(4).max(300),
      steps: z
        .array(z.strictObject({ maxDays: z.number().int().min(1).max(365), by: z.enum(['head', 'collective']) }))
        .min(1)
        .max(5),
    })
    .nullable(),
  reviewCatalog: z.array(catalogRow).max(100),
  benchmarks: z.array(violationType).max(500),
});

export type EnforcementSettings = z.infer<typeof enforcementSettingsSchema>;

export const DEFAULT_SETTINGS: EnforcementSettings = {
  // 较大数额 is set by each province; these follow common township practice — configure them.
  hearingFineFen: { citizen: 1_000_000, organisation: 10_000_000 },
  hearingConfiscationFen: { citizen: 1_000_000, organisation: 10_000_000 },
  statementWindowWorkingDays: 5,
  collectiveDiscussionForMajor: true,
  archiveWhenIncomplete: 'refuse',
  reviewSheet: DEFAULT_SHEET,
  recordingRequired: DEFAULT_REQUIRED_SCENES,
  archiveWithoutRecording: 'warn',
  evidenceRetentionYears: { general: 30, simple: 10 },
  // LAW.md's sector example (市场监管): 30 days with the head's approval, then a collective
  // discussion sets a further reasonable period. Set the provision the agency actually applies.
  decisionExtension: {
    basis: '《市场监督管理行政处罚程序规定》第六十四条',
    steps: [
      { maxDays: 30, by: 'head' },
      { maxDays: 90, by: 'collective' },
    ],
  },
  reviewCatalog: DEFAULT_REVIEW_CATALOG,
  benchmarks: DEMO_BENCHMARKS,
};

/** Settings ready to use: the catalog loaded (overlaps refused) and benchmarks checked. */
export interface LoadedSettings extends EnforcementSettings {
  catalog: ReviewCatalog;
  violationType(id: string): ViolationType | undefined;
}

export function loadSettings(s: EnforcementSettings): LoadedSettings {
  const catalog = loadReviewCatalog(s.reviewCatalog as CatalogRow[]);
  validateBenchmarks(s.benchmarks as ViolationType[]);
  const byId = new Map((s.benchmarks as ViolationType[]).map((t) => [t.id, t]));
  return { ...s, catalog, violationType: (id) => byId.get(id) };
}
