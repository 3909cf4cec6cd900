export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    personId: string | null;
    agencyId: string | null;
    regionId: string;
    regionPath: string;
  };
  roles: { id: string; name: string }[];
  permissions: string[];
  dataScope: { kind: string; name: string };
  csrfToken: string;
}

export interface Region {
  id: string;
  parentId: string | null;
  level: 'county' | 'town' | 'village';
  name: string;
  code: string | null;
}
export interface Agency {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  kind: 'statutory' | 'entrusted' | 'township';
  legalBasis: string;
  powers: string[];
  docPrefix: string;
}
export interface Office {
  id: string;
  agencyId: string;
  name: string;
}
export type Standing = 'in-force' | 'expiring' | 'expired' | 'not-yet-valid' | 'suspended' | 'revoked' | 'review-failed';
export interface Certificate {
  id: string;
  personId: string;
  personName?: string;
  agencyName?: string;
  number: string;
  field: string;
  area: string;
  issuedOn: string;
  expiresOn: string;
  annualReview: 'passed' | 'pending' | 'failed';
  annualReviewYear: number | null;
  state: 'valid' | 'suspended' | 'revoked';
  standing: Standing;
  daysLeft: number;
  /** What its QR code opens (亮证): the holder's public profile */
  profileUrl: string | null;
}
export interface Person {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  officeId: string | null;
  regionId: string;
  regionName: string;
  post: string;
  legalQualificationNo: string | null;
  active: boolean;
  idNumber?: string | null;
  phone?: string | null;
  certificates?: Certificate[];
}
export interface User {
  id: string;
  username: string;
  displayName: string;
  regionId: string;
  regionName: string;
  dataScope: string;
  active: boolean;
  roles: string[];
}
export interface Dictionaries {
  roles: { id: string; name: string; permissions: string[] }[];
  /** The roles the signed-in user may grant */
  grantableRoles: string[];
  dataScopes: Record<string, string>;
  agencyKinds: Record<string, string>;
  certificateStates: Record<string, string>;
  annualReviews: Record<string, string>;
  standings: Record<Standing, string>;
}
export interface PublicOfficer {
  name: string;
  agencyId: string;
  agency: string;
  certificateNumber: string;
  field: string;
  area: string;
  validFrom: string;
  validUntil: string;
}
export interface PublicAgency {
  id: string;
  name: string;
  kind: string;
  kindName: string;
  region: string;
  legalBasis: string;
  powers: string[];
}
export interface DeadlineRule {
  id: string;
  title: string;
  count: number;
  unit: string;
  from: string;
  citation: string;
  configurable: boolean;
}
export interface DeadlineResult {
  rule: string;
  title: string;
  from: string;
  due: string;
  count: number;
  unit: string;
  citation: string;
  explanation: { summary: string; steps: { date: string; to?: string; counted: boolean; reason: string }[] };
  warnings: string[];
}
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: string;
  timestamp: string;
  body: string;
  signature: string;
  keyId: string;
}
export interface WitnessAlert {
  id: string;
  origin: string;
  url: string;
  kind: string;
  message: string;
  detectedAt: string;
}
/** GET /journal/witness: who witnessed this journal, and the logs this installation witnesses */
export interface WitnessView {
  self: { name: string; keyId: string };
  trust: { configured: boolean; witnesses: { keyId: string; label: string | null }[]; error: string | null };
  witnessedBy: { witnessName: string; witnessKeyId: string; size: number; rootHash: string; cosignedAt: string; receivedAt: string }[];
  witnessing: {
    origin: string;
    url: string;
    keyId: string;
    pinnedAt: string;
    status: 'ok' | 'alert';
    latest: {
      size: number;
      rootHash: string;
      timestamp: string;
      cosignedAt: string;
      pushed: 'accepted' | 'refused' | 'failed';
      pushMessage: string;
    } | null;
    lastAlert: WitnessAlert | null;
  }[];
  alerts: WitnessAlert[];
}
export interface LoginEntry {
  id: string;
  username: string;
  outcome: string;
  ip: string;
  userAgent: string;
  at: string;
}
export interface HolidayYear {
  year: number;
  source: string;
  note: string;
  updatedAt: string;
  days: number;
}
export interface HolidayDay {
  date: string;
  kind: 'rest' | 'workday';
  name: string;
}
/**
 * What the portal shows an applicant of a request for government information (POST
 * /public/information-requests/track; the server builds it inline in portal.ts, so it is
 * described here). Filing answers the same with the tracking code, shown once.
 */
export interface PublicRequestView {
  status: string;
  statusName: string;
  agency: string;
  receivedOn: string;
  description: string;
  correction: { noticeOn: string; items: string; answerBy: string; answeredOn: string | null } | null;
  extension: { until: string; reason: string } | null;
  reply: {
    on: string;
    type: string;
    typeName: string;
    text: string;
    number: string | null;
    ground: string | null;
    referTo: string | null;
  } | null;
  deadlines: { rule: string; title: string; due: string; state: 'ok' | 'warning' | 'overdue' | 'met' }[];
  /** The notices addressed to the applicant, downloadable with the code */
  documents: { id: 'correction' | 'extension-notice' | 'reply'; title: string; number: string | null }[];
  canAnswerCorrection: boolean;
}

/** A petition as the portal shows it to the petitioner with the tracking code (`publicPetitionView`, src/modules/petitions/portal.ts). */
export interface PublicPetitionView {
  status: string;
  statusName: string;
  agency: string;
  number: string | null;
  receivedOn: string;
  category: string;
  request: string;
  routing: {
    kind: 'accept' | 'decline' | 'transfer' | 'assign' | 'procedure';
    on: string;
    route: string | null;
    to: string | null;
    reason: string | null;
  } | null;
  extension: { until: string; reason: string; days: number } | null;
  opinion: { on: string; outcome: string; text: string; number: string | null } | null;
  /** The 调解/和解协议书 that settled it (Art 33) */
  agreement: { on: string; kind: string; terms: string; number: string | null } | null;
  review: PublicPetitionReview | null;
  recheck: PublicPetitionReview | null;
  deadlines: { rule: string; title: string; due: string; state: 'ok' | 'warning' | 'overdue' | 'met'; kind: 'duty' | 'window' }[];
  /** The notices addressed to the petitioner, downloadable with the code */
  documents: { id: string; title: string; number: string | null }[];
  ratings: { on: string; rating: string }[];
  /** A reply not yet rated: the page offers the rating form */
  canRate: boolean;
  /** Whether the petitioner may send materials now (not merged, and he left a factor to verify him by) */
  materials: { open: boolean; verifiable: boolean; limit: string; types: Record<string, string> };
  /** The 复查 (after the opinion) or 复核 (after the 复查) the petitioner may ask for online; `closed` after 复核 */
  reviewRequest: {
    kind: 'review' | 'recheck' | 'closed';
    title: string;
    until: string | null;
    /** The window is still open */
    open: boolean;
    /** The petition holds an ID number or phone to verify him by */
    verifiable: boolean;
  } | null;
}

export interface PublicPetitionReview {
  requestedOn: string;
  body: string;
  reply: { on: string; outcome: string; text: string; number: string | null } | null;
}

/**
 * A 行政复议 application as the portal shows it to the applicant with the tracking code and
 * the second factor (`publicReconsiderationView`, src/modules/reconsideration/portal.ts):
 * no personal data, no answer nor evidence. Filing answers the same with the tracking code.
 */
export interface PublicReconsiderationView {
  status: string;
  statusName: string;
  /** The 复议机构 */
  agency: string;
  respondent: string;
  receivedOn: string;
  challengedAct: string;
  requests: string;
  correction: { on: string; items: string; answerBy: string } | null;
  acceptance: { on: string; deemed: boolean; simple: boolean } | null;
  refusal: { on: string; reason: string } | null;
  suspended: boolean;
  extension: { until: string; days: number } | null;
  decision: { on: string; type: string; number: string | null } | null;
  settlement: { on: string; number: string | null } | null;
  termination: { on: string; ground: string } | null;
  deadlines: { rule: string; title: string; due: string; state: 'ok' | 'warning' | 'overdue' | 'met'; kind: 'duty' | 'window' }[];
  /** The documents addressed to the applicant, downloadable with the code and the second factor */
  documents: { id: string; title: string; number: string | null }[];
}
