/**
 * 裁量基准 (Art 34) as data: for each violation type, the statutory fine range of its legal
 * basis and the circumstances (情节) with the penalties each allows. `weighPenalty` checks a
 * penalty against both and against the party's age and mitigating grounds (Arts 30–32):
 * what the law forbids is refused whatever reason is written; going above the benchmark or
 * outside its kinds is allowed only with a written reason, which the legal reviewer sees and
 * which makes the case major under the default review catalog. Pure.
 */
import {
  AGE_OF_RESPONSIBILITY,
  LIGHTENINGS,
  MITIGATING_GROUNDS,
  PENALTY_KINDS,
  cite,
  type Lightening,
  type MitigatingGround,
  type PartyKind,
  type PenaltyKind,
} from '../../law/penalty.js';
import type { Refusal } from '../../procedure/spec.js';
import { yuan } from './money.js';

export interface FineRange {
  min: number;
  max: number;
}

export interface Circumstance {
  id: string;
  /** 轻微 / 一般 / 较重 / 严重 … */
  name: string;
  description: string;
  kinds: PenaltyKind[];
  /** Fine range in fen per party kind, inclusive; absent when no fine is allowed. */
  fineFen?: Partial<Record<PartyKind, FineRange>>;
}

export interface ViolationType {
  id: string;
  name: string;
  /** 执法类别 the violation belongs to; officers need a certificate for it. */
  field: string;
  /** 违法依据 */
  violates: string;
  /** 处罚依据 */
  penalisedBy: string;
  /** The fine range `penalisedBy` sets, per party kind (absent: it sets none, or the agency has not entered it) */
  statutoryFineFen?: Partial<Record<PartyKind, FineRange>>;
  /** 2 or 5 years (Art 36): does it concern life, health or financial security? */
  seriousHarmPossible: boolean;
  circumstances: Circumstance[];
}

export interface ProposedPenalty {
  partyKind: PartyKind;
  kinds: readonly PenaltyKind[];
  fineFen: number;
}

/**
 * Where a proposal goes beyond its circumstance: a kind it does not include, a fine it does not
 * set, a fine above its range. Empty when inside the benchmark. (A fine below the range is a
 * 减轻, which needs a ground rather than a reason: `weighPenalty`.)
 */
export function discretionProblems(c: Circumstance, p: ProposedPenalty): string[] {
  const out: string[] = [];
  for (const k of p.kinds) if (!c.kinds.includes(k)) out.push(`"${c.name}"情节不包括${PENALTY_KINDS[k].name}`);
  if (p.kinds.includes('fine')) {
    const range = c.fineFen?.[p.partyKind];
    if (!range) out.push(`"${c.name}"情节对该类当事人不设罚款`);
    else if (p.fineFen > range.max)
      out.push(`罚款 ${yuan(p.fineFen)} 元高于“${c.name}”情节的幅度（${yuan(range.min)}–${yuan(range.max)} 元）`);
  }
  return out;
}

/** A benchmark table is loaded only when every violation type and circumstance makes sense. */
export function validateBenchmarks(types: readonly ViolationType[]): void {
  const ids = new Set<string>();
  for (const t of types) {
    if (ids.has(t.id)) throw new Error(`裁量基准中违法行为编号“${t.id}”重复`);
    ids.add(t.id);
    if (t.circumstances.length === 0) throw new Error(`违法行为“${t.name}”未设置任何情节`);
    const cids = new Set<string>();
    for (const c of t.circumstances) {
      if (cids.has(c.id)) throw new Error(`违法行为“${t.name}”的情节编号“${c.id}”重复`);
      cids.add(c.id);
      for (const [kind, r] of Object.entries(c.fineFen ?? {})) {
        if (!(r.min >= 0 && r.max >= r.min)) throw new Error(`违法行为“${t.name}”情节“${c.name}”对${kind}的罚款幅度无效`);
        const law = t.statutoryFineFen?.[kind as PartyKind];
        if (law && (r.min < law.min || r.max > law.max))
          throw new Error(`违法行为“${t.name}”情节“${c.name}”的罚款幅度超出${t.penalisedBy}规定的幅度`);
      }
    }
  }
}

// ——— weighing a penalty: the law's range, the benchmark, the party's age and grounds ———

export interface PenaltyToWeigh {
  partyKind: PartyKind;
  kinds: readonly PenaltyKind[];
  fineFen: number;
  /** 周岁 at the time of the act; null when unknown (an organisation, or no birth date) */
  ageAtAct: number | null;
  /** The grounds recorded (Arts 31–32); a minor's (Art 30) is read from the age */
  grounds: readonly MitigatingGround[];
}

export interface Weighing {
  /** What the law forbids: refused whatever reason is written */
  refusals: Refusal[];
  /** Above the benchmark or outside its kinds: allowed with a written reason */
  outsideBenchmark: string[];
  /** Every ground that applies, the minor's included */
  grounds: MitigatingGround[];
  lightening: Lightening | null;
}

const FINE_FIELD = 'fineFen';

/**
 * The penalty weighed against the statute's range, the circumstance's benchmark and the
 * mitigating grounds. 从轻 is read as the lower half of the range that applies (the
 * circumstance's, else the statute's), as provincial benchmark rules commonly define it;
 * 减轻 as below it, which needs a ground.
 */
export function weighPenalty(vt: ViolationType | undefined, circumstance: Circumstance | undefined, p: PenaltyToWeigh): Weighing {
  const grounds = [...new Set<MitigatingGround>([...(isMinor(p.ageAtAct) ? (['minor'] as const) : []), ...p.grounds])];
  const mandatory = grounds.filter((g) => MITIGATING_GROUNDS[g].mandatory);
  const groundCitation = [...new Set(grounds.map((g) => MITIGATING_GROUNDS[g].citation))].join('；');
  const refusals: Refusal[] = [];
  if (p.ageAtAct !== null && p.ageAtAct < AGE_OF_RESPONSIBILITY.none) {
    refusals.push({
      message: `当事人实施违法行为时${p.ageAtAct}周岁，不满十四周岁的，不予行政处罚，责令监护人加以管教`,
      citation: AGE_OF_RESPONSIBILITY.citation,
    });
    return { refusals, outsideBenchmark: [], grounds, lightening: null };
  }
  const fines = p.kinds.includes('fine');
  const law = vt?.statutoryFineFen?.[p.partyKind];
  const bench = circumstance?.fineFen?.[p.partyKind];
  let lightening: Lightening | null = grounds.length > 0 ? 'lighter' : null;
  if (fines && law && p.fineFen > law.max) {
    refusals.push({
      message: `罚款 ${yuan(p.fineFen)} 元超过${vt!.penalisedBy}规定的最高额（${yuan(law.max)} 元），无论何种理由都不得超出法定幅度`,
      citation: vt!.penalisedBy,
      field: FINE_FIELD,
    });
  }
  const floor = Math.max(law?.min ?? 0, bench?.min ?? 0);
  if (fines && p.fineFen < floor) {
    if (grounds.length === 0) {
      const below =
        law && p.fineFen < law.min
          ? `${vt!.penalisedBy}规定的最低额（${yuan(law.min)} 元）`
          : `“${circumstance!.name}”情节的幅度（${yuan(bench!.min)}–${yuan(bench!.max)} 元）`;
      refusals.push({
        message: `罚款 ${yuan(p.fineFen)} 元低于${below}：只有具备依法从轻、减轻处罚的情形（并有证据）的，才可以减轻处罚`,
        citation: `${cite('第三十二条')}${law && p.fineFen < law.min ? `；${vt!.penalisedBy}` : ''}`,
        field: FINE_FIELD,
      });
    } else lightening = 'reduced';
  }
  const range = bench ?? law;
  if (fines && mandatory.length > 0 && range && range.max > range.min) {
    const middle = Math.floor((range.min + range.max) / 2);
    if (p.fineFen > middle) {
      refusals.push({
        message: `当事人有${mandatory.map((g) => `“${MITIGATING_GROUNDS[g].name}”`).join('、')}的情形，应当${LIGHTENINGS.lighter}或者${LIGHTENINGS.reduced}：罚款不得高于幅度（${yuan(range.min)}–${yuan(range.max)} 元）的中间值 ${yuan(middle)} 元`,
        citation: groundCitation,
        field: FINE_FIELD,
      });
    }
  }
  const outsideBenchmark = circumstance ? discretionProblems(circumstance, p) : [];
  return { refusals, outsideBenchmark, grounds, lightening };
}

const isMinor = (age: number | null) => age !== null && age >= AGE_OF_RESPONSIBILITY.none && age < AGE_OF_RESPONSIBILITY.full;
