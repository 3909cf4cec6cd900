/**
 * Masking you can account for (after Alaveteli's accountable redaction): each field of a publication has a type, and the
 * type says what the public sees of it. The public read path (`publicDecision`) is the only
 * way a publication reaches the portal, the open-data API and the feed, so no page can forget
 * a mask. Staff read the facts whole in the console. A manual redaction, beyond the typed
 * masks, names its editor and its reason and is journaled (service.ts).
 */
import {
  ENFORCEMENT_CATEGORIES,
  WITHDRAWAL_KINDS,
  type EnforcementCategory,
  type PublicationFacts,
  type WithdrawalKind,
} from '../../procedure/spec.js';

/**
 * - `shown`: as it is;
 * - `person-name`: a natural person's name, as 张某某 (surname kept);
 * - `never`: never published (身份证号, 电话, 住址; a minor's identity).
 */
export type MaskType = 'shown' | 'person-name' | 'never';

type PartyField = keyof Omit<PublicationFacts['party'], 'kind' | 'minor'>;

/** What the public sees of each of the party's fields, by the party's kind. */
export const PARTY_MASKS = {
  natural: { name: 'person-name', idNumber: 'never', phone: 'never', address: 'never', representative: 'never' },
  organisation: { name: 'shown', idNumber: 'never', phone: 'never', address: 'never', representative: 'person-name' },
} as const satisfies Record<PublicationFacts['party']['kind'], Record<PartyField, MaskType>>;

export const PARTY_KIND_NAMES = { natural: '自然人', organisation: '法人或者其他组织' } as const;

/** The fields a manual redaction may cover, with their Chinese names. */
export const REDACTABLE_FIELDS = {
  party: '当事人',
  violationType: '违法行为类型',
  penalty: '处罚内容',
  basis: '处罚依据',
} as const;
export type RedactableField = keyof typeof REDACTABLE_FIELDS;

/** What each 决定类别's decision, its conclusion and its basis are called where the public reads them. */
export const CATEGORY_LABELS = {
  penalty: { decision: '行政处罚决定', conclusion: '处罚内容', basis: '处罚依据' },
  'coercive-measure': { decision: '行政强制措施决定', conclusion: '强制措施', basis: '实施依据' },
} as const satisfies Record<EnforcementCategory, { decision: string; conclusion: string; basis: string }>;

/** What stands where something was taken out. */
export const REDACTED = '［已遮盖］';
export const MINOR_PARTY = '未成年人（依法不予公开）';

export interface Redaction {
  field: RedactableField;
  /** The words taken out of the field; null: the whole field */
  text: string | null;
  reason: string;
  editor: { userId: string; name: string };
  on: string;
}

/** Two-character surnames kept whole (欧阳某); every other name keeps its first character. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '司徒',
  '司空',
  '澹台',
  '公冶',
  '申屠',
  '呼延',
]);

/** 张三丰 → 张某某, 王五 → 王某, 欧阳修 → 欧阳某. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  const surname = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, surname).join('') + '某'.repeat(Math.max(1, chars.length - surname));
}

export function applyMask(type: MaskType, value: string | null): string | null {
  if (value === null || value === '') return null;
  if (type === 'shown') return value;
  if (type === 'person-name') return maskPersonName(value);
  return null;
}

/** A field with the redactions of it applied. */
function redacted(field: RedactableField, value: string, redactions: readonly Redaction[]): string {
  let out = value;
  for (const r of redactions.filter((x) => x.field === field)) {
    if (r.text === null) return REDACTED;
    out = out.split(r.text).join(REDACTED);
  }
  return out;
}

/** The party as the public sees it: the typed masks, a minor withheld altogether. */
export function publicParty(p: PublicationFacts['party'], redactions: readonly Redaction[]) {
  const masks = PARTY_MASKS[p.kind];
  const name = p.minor ? MINOR_PARTY : (applyMask(masks.name, p.name) ?? '');
  const representative = p.minor ? null : applyMask(masks.representative, p.representative);
  return {
    kind: p.kind,
    kindName: PARTY_KIND_NAMES[p.kind],
    name: redacted('party', name, redactions),
    representative: representative === null ? null : redacted('party', representative, redactions),
  };
}

export interface PublicDecision {
  id: string;
  /** 决定类别: 行政处罚, 行政强制措施 */
  category: EnforcementCategory;
  categoryName: string;
  number: string | null;
  party: ReturnType<typeof publicParty>;
  violationType: string;
  penalty: string;
  basis: string;
  agency: { id: string; name: string };
  decidedOn: string;
  releasedOn: string | null;
  status: 'published' | 'withdrawn';
  statusName: string;
  withdrawal: { kind: WithdrawalKind; kindName: string; reason: string; on: string } | null;
  /** Fields with words taken out by hand (the reasons stay with staff and in the journal) */
  redactedFields: string[];
}

/** The stored row the public read path takes. */
export interface PublicationRow {
  id: string;
  status: string;
  facts: string;
  redactions: string;
  released_on: string | null;
  withdrawn_on: string | null;
  withdrawal_kind: string | null;
  withdrawal_reason: string | null;
}

/**
 * The one way a publication reaches the public. A withdrawn decision keeps its number, agency,
 * date and why it was withdrawn; what it imposed on whom is no longer shown.
 */
export function publicDecision(row: PublicationRow): PublicDecision {
  const f = JSON.parse(row.facts) as PublicationFacts;
  const redactions = JSON.parse(row.redactions) as Redaction[];
  const withdrawn = row.status === 'withdrawn';
  const kind = row.withdrawal_kind as WithdrawalKind | null;
  const party = publicParty(f.party, redactions);
  return {
    id: row.id,
    category: f.category,
    categoryName: ENFORCEMENT_CATEGORIES[f.category],
    number: f.number,
    party: withdrawn ? { ...party, name: '—', representative: null } : party,
    violationType: redacted('violationType', f.violationType, redactions),
    penalty: withdrawn ? '—' : redacted('penalty', f.penalty, redactions),
    basis: withdrawn ? '—' : redacted('basis', f.basis, redactions),
    agency: { id: f.agencyId, name: f.agencyName },
    decidedOn: f.decidedOn,
    releasedOn: row.released_on,
    status: withdrawn ? 'withdrawn' : 'published',
    statusName: withdrawn ? '已撤回' : '公示中',
    withdrawal:
      withdrawn && kind
        ? { kind, kindName: WITHDRAWAL_KINDS[kind], reason: row.withdrawal_reason ?? '', on: row.withdrawn_on ?? '' }
        : null,
    redactedFields: [...new Set(redactions.map((r) => REDACTABLE_FIELDS[r.field]))],
  };
}

/** The public text a search looks in: what the public sees, never the masked-out fields. */
export function publicSearchText(d: PublicDecision): string {
  return [d.number, d.party.name, d.party.representative, d.violationType, d.penalty, d.basis, d.agency.name].filter(Boolean).join(' ');
}

// ——— the party's audience ———

/** Why the public does not see a field of the party: each mask's ground. */
const MASK_GROUNDS = {
  'person-name': { shows: '只显示姓氏', citation: '《中华人民共和国政府信息公开条例》第十五条' },
  never: { shows: '不公开', citation: '《中华人民共和国政府信息公开条例》第十五条' },
} as const satisfies Record<Exclude<MaskType, 'shown'>, { shows: string; citation: string }>;

const MINOR_GROUND = { shows: '不公开（未成年人）', citation: '《中华人民共和国未成年人保护法》第一百零三条' } as const;

const PARTY_FIELD_NAMES = {
  name: '姓名或者名称',
  idNumber: '身份证件号码',
  phone: '联系电话',
  address: '住址',
  representative: '法定代表人或者负责人',
} as const satisfies Record<PartyField, string>;

export interface MaskedField {
  field: string;
  /** What the public sees of it: null when nothing */
  shownAs: string | null;
  /** How it is masked and on what ground */
  treatment: string;
  citation: string | null;
}

/**
 * What the public does not see of the party's own publication, field by field, with the ground
 * of each mask, and every manual redaction with its reason — the account a party is owed of
 * what is said about him (accountable redaction). His own values are not repeated: he knows them,
 * and the factor he gave proves little more than that he holds the document.
 */
export function maskAccount(
  f: PublicationFacts,
  redactions: readonly Redaction[],
): { fields: MaskedField[]; redactions: { field: string; reason: string; on: string }[] } {
  const masks = PARTY_MASKS[f.party.kind];
  const shown = publicParty(f.party, redactions);
  const fields = (Object.keys(PARTY_FIELD_NAMES) as PartyField[]).flatMap((field): MaskedField[] => {
    if (f.party[field] === null || f.party[field] === '') return [];
    const type = masks[field];
    const ground = f.party.minor ? MINOR_GROUND : type === 'shown' ? null : MASK_GROUNDS[type];
    const shownAs = field === 'name' ? shown.name : field === 'representative' ? shown.representative : null;
    return [{ field: PARTY_FIELD_NAMES[field], shownAs, treatment: ground?.shows ?? '公开', citation: ground?.citation ?? null }];
  });
  return {
    fields,
    redactions: redactions.map((r) => ({ field: REDACTABLE_FIELDS[r.field], reason: r.reason, on: r.on })),
  };
}
