/**
 * The people a penalty form offers, with what matters when choosing an officer: each one's
 * 执法证 (standing, 执法类别, area, expiry). The server's gate decides (a certificate in force
 * today for the case's field and area, 行政处罚法第四十二条); the picker only shows what the
 * gate will look at. People without a valid certificate for the case's field are listed last
 * with a marker, and stay choosable: the server refuses them with its article, and a picker
 * that silently hides someone would leave the user guessing why.
 */
import type { Standing } from '../../../../src/modules/org/certificates';

export interface Person {
  id: string;
  name: string;
  post: string;
}

/** A certificate as GET /certificates lists it (the fields the picker shows). */
export interface PersonCertificate {
  personId: string;
  field: string;
  area: string;
  expiresOn: string;
  standing: Standing;
}

/** What a person's certificate means for the picker: its words, whether the gate can accept it, and its order. */
const STANDING = {
  'in-force': { name: '有效', valid: true, rank: 0 },
  expiring: { name: '即将到期', valid: true, rank: 1 },
  'not-yet-valid': { name: '未生效', valid: false, rank: 2 },
  expired: { name: '已过期', valid: false, rank: 3 },
  'review-failed': { name: '年审未通过', valid: false, rank: 4 },
  suspended: { name: '暂扣', valid: false, rank: 5 },
  revoked: { name: '注销', valid: false, rank: 6 },
} as const satisfies Record<Standing, { name: string; valid: boolean; rank: number }>;

export type CertificateMark = 'valid' | 'expiring' | 'invalid' | 'none';

/** A person's best certificate for the field (any field when the form does not know it yet), and how it reads. */
export function certificateOf(
  certs: readonly PersonCertificate[],
  field: string | null,
): { mark: CertificateMark; label: string; detail: string } {
  if (certs.length === 0) return { mark: 'none', label: '无执法证', detail: '无执法证（未登记行政执法证件）' };
  const ofField = field ? certs.filter((c) => c.field === field) : certs;
  const best = [...(ofField.length ? ofField : certs)].sort(
    (a, b) => STANDING[a.standing].rank - STANDING[b.standing].rank || b.expiresOn.localeCompare(a.expiresOn),
  )[0]!;
  const s = STANDING[best.standing];
  const detail = `执法证${s.name} · ${best.field} · ${best.area} · 有效期至 ${best.expiresOn}`;
  // Certified, but for another 执法类别: the gate will not accept him on this case.
  if (field && !ofField.length) return { mark: 'invalid', label: '执法证类别不符', detail };
  if (!s.valid) return { mark: 'invalid', label: `执法证${s.name}`, detail };
  return { mark: best.standing === 'expiring' ? 'expiring' : 'valid', label: `执法证${s.name}`, detail };
}

const ORDER = { valid: 0, expiring: 1, invalid: 2, none: 3 } as const satisfies Record<CertificateMark, number>;

/**
 * The options of the `person` widget: those who may act first (valid, then expiring), then those
 * without a valid certificate, marked in the label (so the mark stays on a chosen name too).
 */
export function personOptions(
  people: readonly Person[],
  certs: readonly PersonCertificate[],
  field: string | null,
): { value: string; label: string; detail: string }[] {
  const byPerson = new Map<string, PersonCertificate[]>();
  for (const c of certs) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  return people
    .map((p, i) => ({ p, i, cert: certificateOf(byPerson.get(p.id) ?? [], field) }))
    .sort((a, b) => ORDER[a.cert.mark] - ORDER[b.cert.mark] || a.i - b.i)
    .map(({ p, cert }) => ({
      value: p.id,
      label: `${p.name}（${p.post}）${cert.mark === 'valid' ? '' : `【${cert.label}】`}`,
      detail: cert.detail,
    }));
}
