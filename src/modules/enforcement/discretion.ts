/**
 * 裁量基准 (Art 34) as data: for each violation type, the circumstances (情节) and the
 * penalties each allows. A proposal is checked against the chosen circumstance; one
 * outside it is allowed only with a written reason, which the legal reviewer sees and
 * which makes the case major under the default review catalog. Pure.
 */
import { PENALTY_KINDS, type PartyKind, type PenaltyKind } from '../../law/penalty.js';
import { yuan } from './money.js';

export interface Circumstance {
  id: string;
  /** 轻微 / 一般 / 较重 / 严重 … */
  name: string;
  description: string;
  kinds: PenaltyKind[];
  /** Fine range in fen per party kind, inclusive; absent when no fine is allowed. */
  fineFen?: Partial<Record<PartyKind, { min: number; max: number }>>;
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
  /** 2 or 5 years (Art 36): does it concern life, health or financial security? */
  seriousHarmPossible: boolean;
  circumstances: Circumstance[];
}

export interface ProposedPenalty {
  partyKind: PartyKind;
  kinds: PenaltyKind[];
  fineFen: number;
}

/** Problems with a proposal against its circumstance; empty when inside the benchmark. */
export function discretionProblems(c: Circumstance, p: ProposedPenalty): string[] {
  const out: string[] = [];
  for (const k of p.kinds) if (!c.kinds.includes(k)) out.push(`"${c.name}"情节不包括${PENALTY_KINDS[k].name}`);
  if (p.kinds.includes('fine')) {
    const range = c.fineFen?.[p.partyKind];
    if (!range) out.push(`"${c.name}"情节对该类当事人不设罚款`);
    else if (p.fineFen < range.min || p.fineFen > range.max) {
      out.push(`罚款 ${yuan(p.fineFen)} 元超出“${c.name}”情节的幅度（${yuan(range.min)}–${yuan(range.max)} 元）`);
    }
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
      }
    }
  }
}
