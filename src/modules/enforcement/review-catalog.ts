/**
 * The agency's 法制审核目录 as a decision table with a unique-hit policy: every row is a
 * set of conditions on the facts of a proposed decision, and at most one row may match
 * any case. A table whose rows overlap is refused when it is loaded (with the two rows
 * named), so "which rule made this case major" always has one answer. Pure.
 */
import { PENALTY_KINDS, type PartyKind, type PenaltyKind } from '../../law/penalty.js';

/** The facts of a proposal the catalog looks at. */
export interface ReviewFacts {
  field: string;
  partyKind: PartyKind;
  /** Fine plus confiscated gains and property, in fen. */
  amountFen: number;
  /** The most severe kind of penalty proposed (Art 9 order); null when none. */
  severestKind: PenaltyKind | null;
  heard: boolean;
  transfer: boolean;
  outsideBenchmark: boolean;
}

/**
 * One row. A missing condition matches anything. `amountFen` is the half-open range
 * [min, max): min inclusive, max exclusive, either end open when null.
 */
export interface CatalogRow {
  id: string;
  /** 具体决定项目, shown to the case unit and the reviewer */
  label: string;
  /** 应提交材料 */
  materials?: string;
  fields?: string[];
  partyKinds?: PartyKind[];
  amountFen?: { min: number | null; max: number | null };
  severestKinds?: PenaltyKind[];
  heard?: boolean;
  transfer?: boolean;
  outsideBenchmark?: boolean;
}

export class CatalogOverlapError extends Error {
  constructor(
    readonly a: CatalogRow,
    readonly b: CatalogRow,
  ) {
    super(
      `法制审核目录第“${a.id}”行（${a.label}）与第“${b.id}”行（${b.label}）的条件重叠：同一案件会同时命中两行，请调整条件使各行互不重叠`,
    );
  }
}

const setsMeet = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) => !a || !b || a.some((x) => b.includes(x));
const flagsMeet = (a: boolean | undefined, b: boolean | undefined) => a === undefined || b === undefined || a === b;
function rangesMeet(a: CatalogRow['amountFen'], b: CatalogRow['amountFen']): boolean {
  if (!a || !b) return true;
  const lo = Math.max(a.min ?? -Infinity, b.min ?? -Infinity);
  const hi = Math.min(a.max ?? Infinity, b.max ?? Infinity);
  return lo < hi;
}

/** Can one case match both rows? Every condition must be satisfiable by both at once. */
export function rowsOverlap(a: CatalogRow, b: CatalogRow): boolean {
  return (
    setsMeet(a.fields, b.fields) &&
    setsMeet(a.partyKinds, b.partyKinds) &&
    rangesMeet(a.amountFen, b.amountFen) &&
    setsMeet(a.severestKinds, b.severestKinds) &&
    flagsMeet(a.heard, b.heard) &&
    flagsMeet(a.transfer, b.transfer) &&
    flagsMeet(a.outsideBenchmark, b.outsideBenchmark)
  );
}

export function rowMatches(row: CatalogRow, f: ReviewFacts): boolean {
  if (row.fields && !row.fields.includes(f.field)) return false;
  if (row.partyKinds && !row.partyKinds.includes(f.partyKind)) return false;
  if (row.amountFen) {
    if (row.amountFen.min !== null && f.amountFen < row.amountFen.min) return false;
    if (row.amountFen.max !== null && f.amountFen >= row.amountFen.max) return false;
  }
  if (row.severestKinds && (f.severestKind === null || !row.severestKinds.includes(f.severestKind))) return false;
  if (row.heard !== undefined && row.heard !== f.heard) return false;
  if (row.transfer !== undefined && row.transfer !== f.transfer) return false;
  if (row.outsideBenchmark !== undefined && row.outsideBenchmark !== f.outsideBenchmark) return false;
  return true;
}

export interface ReviewCatalog {
  readonly rows: readonly CatalogRow[];
  /** The one row that makes this case major, or undefined. */
  match(f: ReviewFacts): CatalogRow | undefined;
}

/** Loads a catalog; throws CatalogOverlapError for the first pair of overlapping rows. */
export function loadReviewCatalog(rows: readonly CatalogRow[]): ReviewCatalog {
  const ids = new Set<string>();
  for (const [i, a] of rows.entries()) {
    if (ids.has(a.id)) throw new Error(`法制审核目录行编号“${a.id}”重复`);
    ids.add(a.id);
    if (a.amountFen && a.amountFen.min !== null && a.amountFen.max !== null && a.amountFen.min >= a.amountFen.max) {
      throw new Error(`法制审核目录第“${a.id}”行的金额区间为空（下限须小于上限）`);
    }
    for (const b of rows.slice(i + 1)) if (rowsOverlap(a, b)) throw new CatalogOverlapError(a, b);
  }
  return { rows, match: (f) => rows.find((r) => rowMatches(r, f)) };
}

const SEVERE: PenaltyKind[] = ['demote-qualification', 'revoke-licence', 'suspend-business', 'close', 'restrict-practice'];
const ORDINARY = (Object.keys(PENALTY_KINDS) as PenaltyKind[]).filter((k) => !SEVERE.includes(k));

/**
 * The default catalog, after the township powers of 北京通州 (LAW §1.3, LOCAL-EXAMPLE):
 * cases to be transferred; heard cases; licence revocation, closure and the like; penalties
 * outside the 裁量基准; and fines above ¥5,000 (individual) or ¥50,000 (organisation).
 * Rows are made disjoint by their flags, most specific ground first.
 */
export const DEFAULT_REVIEW_CATALOG: CatalogRow[] = [
  { id: 'transfer', label: '涉嫌犯罪拟移送司法机关的案件', transfer: true, materials: '案件移送书、涉嫌犯罪证据材料' },
  { id: 'heard', label: '经过听证程序作出的行政处罚决定', transfer: false, heard: true, materials: '听证笔录、听证报告' },
  {
    id: 'severe',
    label: '降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业',
    transfer: false,
    heard: false,
    severestKinds: SEVERE,
  },
  {
    id: 'outside-benchmark',
    label: '超出裁量基准作出的行政处罚',
    transfer: false,
    heard: false,
    severestKinds: ORDINARY,
    outsideBenchmark: true,
    materials: '超出裁量基准的书面理由',
  },
  {
    id: 'citizen-amount',
    label: '对个人处以超过5000元的罚款（含没收违法所得、非法财物价值）',
    transfer: false,
    heard: false,
    severestKinds: ORDINARY,
    outsideBenchmark: false,
    partyKinds: ['citizen'],
    amountFen: { min: 500_001, max: null },
  },
  {
    id: 'organisation-amount',
    label: '对单位处以超过50000元的罚款（含没收违法所得、非法财物价值）',
    transfer: false,
    heard: false,
    severestKinds: ORDINARY,
    outsideBenchmark: false,
    partyKinds: ['organisation'],
    amountFen: { min: 5_000_001, max: null },
  },
];
