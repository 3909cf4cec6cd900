/**
 * The database as Kysely sees it. Column conventions, the same on both engines:
 * ids are text (UUIDs), legal dates are text `YYYY-MM-DD`, instants are ISO-8601
 * UTC text, booleans are integers 0/1, JSON is canonical text, hashes are hex.
 */
import type { Generated } from 'kysely';
export type RegionLevel = 'county' | 'town' | 'village';
export type AgencyKind = 'statutory' | 'entrusted' | 'township';
export type DataScope = 'all' | 'subtree' | 'level' | 'self';
export type CertificateState = 'valid' | 'suspended' | 'revoked';
export type AnnualReview = 'passed' | 'pending' | 'failed';

export interface RegionTable {
  id: string;
  parent_id: string | null;
  level: RegionLevel;
  name: string;
  /** 统计用区划代码, optional */
  code: string | null;
  /** Materialized ancestry, `/county/town/` with this region's id last: the data-scope key. */
  path: string;
  created_at: string;
}

export interface AgencyTable {
  id: string;
  region_id: string;
  name: string;
  kind: AgencyKind;
  legal_basis: string;
  /** JSON array of 执法事项 (enforcement powers) */
  powers: string;
  /** Prefix of document numbers, e.g. 妙泉 in 妙泉罚决字〔2026〕第12号 */
  doc_prefix: string;
  created_at: string;
}

export interface OfficeTable {
  id: string;
  agency_id: string;
  name: string;
  created_at: string;
}

export interface PersonTable {
  id: string;
  name: string;
  agency_id: string;
  office_id: string | null;
  /** Denormalized from the agency (or set to a village) — the data-scope key. */
  region_id: string;
  region_path: string;
  post: string;
  /** Personal data: never public, reads are journaled. */
  id_number: string | null;
  phone: string | null;
  /** 法律职业资格证书编号, for legal reviewers */
  legal_qualification_no: string | null;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CertificateTable {
  id: string;
  person_id: string;
  number: string;
  /** 执法类别 */
  field: string;
  /** 执法区域 */
  area: string;
  issued_on: string;
  expires_on: string;
  annual_review: AnnualReview;
  annual_review_year: number | null;
  state: CertificateState;
  region_path: string;
  created_at: string;
  updated_at: string;
  /** The token of its QR code (亮证, migration 039): 128 random bits, base64url */
  public_token: string | null;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  person_id: string | null;
  agency_id: string | null;
  /** Anchor of the data scope on the region tree */
  region_id: string;
  region_path: string;
  data_scope: DataScope;
  active: number;
  created_at: string;
  password_changed_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie token: a database leak does not leak sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string;
}

/**
 * What happened at a login, a logout or a change of one's own password. 'locked' is
 * history only: the hard lockout it recorded was replaced by throttling (migration 013).
 */
export type LoginOutcome =
  | 'success'
  | 'bad-password'
  | 'unknown-user'
  | 'locked'
  | 'inactive'
  | 'logout'
  /** a login refused, without checking its password, while its wait ran (see modules/org/throttle.ts) */
  | 'throttled'
  /** a change of one's own password with a wrong old password, refused or throttled, or done */
  | 'bad-old-password'
  | 'password-change-throttled'
  | 'password-changed';

export interface LoginLogTable {
  id: string;
  username: string;
  user_id: string | null;
  outcome: LoginOutcome;
  ip: string;
  user_agent: string;
  at: string;
  /** The client's address as throttling counts it (an IPv6 client by its /64); null on rows older than migration 013. */
  address_key: string | null;
}

export interface HolidayTableRow {
  date: string;
  year: number;
  kind: 'rest' | 'workday';
  name: string;
}

export interface HolidayYearTable {
  year: number;
  /** 'chinese-days' when seeded from the package, 'admin' when entered or corrected by hand */
  source: string;
  note: string;
  updated_at: string;
}

export interface ActionTable {
  /** 0-based position: the Merkle leaf index. Gapless. */
  seq: number;
  id: string;
  type: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  /** Region path of the subject (for scoped reads of the journal) */
  region_path: string | null;
  occurred_at: string;
  received_at: string;
  idempotency_key: string | null;
  /** Canonical JSON */
  payload: string;
  /** Canonical JSON of what the action returned (for idempotent replays) */
  result: string | null;
  /** hex SHA-256(0x00 ‖ leaf bytes) */
  leaf_hash: string;
  /** hex roots of the perfect subtrees completed by this leaf, level 1 first, comma-separated */
  nodes: string;
}

export interface CheckpointTable {
  size: number;
  root_hash: string;
  timestamp: string;
  body: string;
  signature: string;
  key_id: string;
}

/** A witnessed log's public key, pinned at first contact or accepted by an administrator (migration 012) */
export interface WitnessPinTable {
  id: string;
  /** Base URL of the witnessed yifa, as given to `yifa journal witness` */
  url: string;
  origin: string;
  public_key_pem: string;
  key_id: string;
  reason: 'first-contact' | 'accepted';
  pinned_at: string;
}

/** A checkpoint of another log this installation found consistent and cosigned */
export interface WitnessCosignatureTable {
  id: string;
  origin: string;
  url: string;
  size: number;
  /** hex */
  root_hash: string;
  timestamp: string;
  /** The checkpoint body and its signature (base64) as the log signed them */
  body: string;
  signature: string;
  key_id: string;
  /** Unix seconds, as in the cosigned message */
  cosign_time: number;
  /** base64 Ed25519 over the C2SP tlog-cosignature/v1 message */
  cosignature: string;
  cosigned_at: string;
  /** What the log's server answered when the cosignature was pushed */
  pushed: 'accepted' | 'refused' | 'failed';
  push_message: string;
}

/** An inconsistency this installation found as a witness */
export interface WitnessAlertTable {
  id: string;
  origin: string;
  url: string;
  kind: string;
  message: string;
  /** Canonical JSON: what was claimed and what had been seen */
  evidence: string;
  detected_at: string;
}

/** A trusted witness's cosignature of one of this installation's own checkpoints */
export interface JournalCosignatureTable {
  id: string;
  size: number;
  root_hash: string;
  witness_name: string;
  witness_key_id: string;
  witness_public_key_pem: string;
  cosign_time: number;
  signature: string;
  received_at: string;
}

export interface PenaltyCaseTable {
  id: string;
  agency_id: string;
  region_path: string;
  procedure: 'general' | 'simple';
  status: string;
  suspended: number;
  field: string;
  party_name: string;
  party_kind: string;
  violation_type_id: string | null;
  /** Who the party is (enforcement's partyKey) and the day of the act: the same act of the same party (Art 29) */
  party_key: string;
  act_on: string | null;
  /** Person ids, comma-separated with leading and trailing commas: `,p1,p2,` */
  officer_ids: string;
  /** Party, source and facts, normalised for the substring check of search */
  search_text: string;
  /** Character bigrams of search_text, space-separated (platform/search/grams.ts) */
  search_grams: string;
  /** Steps the agency requires to be recorded on audio-visual media, and how many lack a recording */
  recordings_required: number;
  recordings_missing: number;
  registered_on: string;
  filed_on: string | null;
  decided_on: string | null;
  decision_number: string | null;
  fine_fen: number;
  major: number;
  heard: number;
  next_due: string | null;
  next_rule: string | null;
  closed_on: string | null;
  archived_on: string | null;
  created_by: string;
  updated_at: string;
  action_count: number;
  /** JSON of the fold (PenaltyCase): canonical JSON (journal/canonical.ts) since migration 011 */
  state: string;
  /**
   * SHA-256 hex of the canonical JSON of `state`: the stateHash the journal's last action on
   * the case recorded. NULL in rows written before migration 011 (proven by replay instead).
   */
  state_hash: string | null;
}

/** The officers of each case, for "cases of this officer" by index */
export interface PenaltyCaseOfficerTable {
  person_id: string;
  case_id: string;
  /** The case's registered_on, so an officer's cases come newest first from the index */
  case_registered_on: string;
}

export interface UploadTable {
  id: string;
  user_id: string;
  file_name: string;
  declared_mime: string;
  size: number;
  /** Declared by the client; the bytes are checked against it */
  sha256: string;
  created_at: string;
  completed_at: string | null;
  /** The type found in the bytes, once completed */
  mime: string | null;
  /** When the bytes were removed after their retention period */
  purged_at: string | null;
}

/**
 * An upload held for a record until its uploader registers it there or discards it (the
 * held list, 待登记): the server's, so any of the uploader's devices sees it. Personal: only
 * its uploader lists, registers or discards it.
 */
export interface HeldUploadTable {
  upload_id: string;
  user_id: string;
  /** The record's procedure (its subject type) and id */
  subject_type: string;
  subject_id: string;
  /** What the client said the file is for (the step, the scene …), canonical JSON, or null */
  intent: string | null;
  created_at: string;
}

/** A link sharing one evidence item outside yifa; only its hash is kept */
export interface EvidenceShareTable {
  id: string;
  token_hash: string;
  case_id: string;
  seq: number;
  sha256: string;
  region_path: string;
  recipient: string;
  purpose: string;
  expires_at: string;
  created_by: string;
  created_at: string;
  /** Revoked before it expired (null: not revoked) */
  revoked_at: string | null;
  revoked_by: string | null;
}

/** Which case links which evidence file (for retention and holds) */
/** Which record of which procedure holds which evidence file (its item `seq`): retention, purge, redaction and shares read it. */
export interface ProcedureFileTable {
  sha256: string;
  subject_type: string;
  subject_id: string;
  seq: number;
}

/** A file sent through the portal for one record, verified (kind, size, hash) before the row was written. */
export interface PortalUploadTable {
  id: string;
  subject_type: string;
  subject_id: string;
  sha256: string;
  size: number;
  mime: string;
  file_name: string;
  created_at: string;
}

export interface DocumentCounterTable {
  agency_id: string;
  series: string;
  year: number;
  last: number;
}

/** A numbered document's 查验码 (migration 039): insert-only, keyed as issued_documents */
export interface DocumentCodeTable {
  code: string;
  agency_id: string;
  series: string;
  year: number;
  n: number;
  /** The series' document title; null for documents issued before 039 */
  title: string | null;
}

export interface IssuedDocumentTable {
  agency_id: string;
  series: string;
  year: number;
  n: number;
  number: string;
  /** The procedure of the record the document belongs to (default: penalty-case, for numbers issued before procedures shared numbering) */
  subject_type: Generated<string>;
  case_id: string;
  action_type: string;
  issued_at: string;
}

/** A request for government information's own columns (migration 016). */
export interface InformationRequestTable {
  id: string;
  /** SHA-256 of the applicant's tracking code */
  tracking_hash: string;
  channel: string;
  applicant_kind: string;
  reply_type: string | null;
}

/** A 行政复议 case's own columns beside its common row (reconsideration module, migration 030): what the indicators count by. */
/** 行政应诉 cases (litigation module, migration 036): what the indicators count beside the common row. */
export interface LawsuitTable {
  id: string;
  /** The defending agency (被告) */
  agency_id: string;
  challenged_case_id: string | null;
  filed_on: string;
  /** The year the indicators count it in (of 立案) */
  filed_year: number;
  /** The effective judgment's or ruling's type, once effective */
  outcome: string | null;
  /** 1 once a judgment or ruling is effective */
  concluded: number;
  /** 1 when the effective outcome goes against the agency (败诉) */
  lost: number;
  /** 1 when the 答辩状 came after its 15 days */
  answer_late: number;
  /** Hearings held, and those at which a 负责人 appeared */
  hearings_held: number;
  head_appearances: number;
}

export interface ReconsiderationTable {
  id: string;
  /** The 被申请人 (the agency whose act is challenged) */
  respondent_agency_id: string;
  /** The challenged penalty case, if one of yifa's */
  challenged_case_id: string | null;
  received_on: string;
  /** The year the indicators count it in (of receipt) */
  received_year: number;
  /** 行政复议决定 type, once decided; 'settled' for a 调解书 */
  outcome: string | null;
  /** 1 when the outcome corrects the act (变更, 撤销, 确认违法, 责令履行, 确认无效) */
  corrected: number;
  /** 1 when the respondent's answer came after its due date */
  answer_late: number;
  /** SHA-256 of the portal application's tracking code (migration 037); null for one not made online */
  tracking_hash: string | null;
}

/** A petition's own columns beside its common row (petitions module, migration 023). */
export interface PetitionTable {
  id: string;
  /** SHA-256 of the petitioner's tracking code */
  tracking_hash: string;
  /** 信访事项登记号: a later petition names it to say it repeats this one */
  number: string | null;
  channel: string;
  category: string;
  place: string;
  /** The opinion's outcome, once issued */
  outcome: string | null;
  /** Migration 029 (duplicates and hot spots): the day received, the first petitioner's hashed keys, the request's head, the kept petition a duplicate was merged into */
  received_on: string | null;
  person_key: string | null;
  contact_key: string | null;
  request_head: string | null;
  merged_into: string | null;
}

/** Wrong second factors given on the portal for a record, per legal day (the kit's second-factor.ts, migration 043). */
export interface PortalFactorFailureTable {
  record_id: string;
  day: string;
  failures: number;
  last_at: string;
}

/** A dispute under 人民调解: the columns its statistics count by (module mediation, migration 022). */
/** 行政调解's own columns beside its common row (the mediation module's migration 042): what its statistics count by. */
export interface AdministrativeMediationTable {
  id: string;
  agency_id: string;
  region_path: string;
  created_by: string | null;
  registered_on: string;
  category: string;
  source: string;
  /** written | ended | declined, or null while open */
  outcome: string | null;
  outcome_on: string | null;
  amount_fen: number;
  /** The penalty case it arises from (the procedure registry's common row), if any */
  penalty_case_id: string | null;
}

export interface MediationDisputeTable {
  id: string;
  committee_id: string;
  region_path: string;
  created_by: string | null;
  registered_on: string;
  category: string;
  source: string;
  /** written | oral | ended | declined, or null while open */
  outcome: string | null;
  outcome_on: string | null;
  amount_fen: number;
  /** people (人民调解) | administrative (行政调解) (migration 028) */
  kind: string;
  /** The screening ledger's item it was taken from, if any (unique) */
  screening_item_id: string | null;
  /** 1 when it may have turned into a criminal case (reported to the police, or so flagged when screened) */
  criminal_risk: number;
  /** 1 when it may have led to a mass incident or petition (flagged when screened) */
  mass_risk: number;
}

/** A 行政规范性文件's own columns beside its common row: what the portal and the evaluation queue read (module normative-docs, migration 031). */
export interface NormativeDocumentTable {
  id: string;
  title: string;
  region_path: string;
  /** The current 统一编号 (a renewal renumbers it) */
  number: string | null;
  status: string;
  published_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  /** 6 months before expiry, while in force: from then on it waits for its evaluation */
  evaluation_from: string | null;
  filed_on: string | null;
  ended_on: string | null;
  provisional: number;
  /** Title and number, normalised, for the portal's search (normative-docs/search.ts) */
  search_text: string;
}

/** What every procedure's record has in common (migration 015). */
export interface ProcedureCaseTable {
  id: string;
  /** The procedure's subject type: penalty-case, information-request, … */
  procedure: string;
  agency_id: string;
  region_path: string;
  created_by: string;
  status: string;
  /** What a list shows for the record: a party, an applicant */
  title: string;
  opened_on: string;
  closed_on: string | null;
  updated_at: string;
  next_due: string | null;
  next_rule: string | null;
  search_text: string;
  /** The roles the record waits on, as ` head officer ` (procedure/waiting.ts); null when it waits on no one */
  waiting_roles: string | null;
  /** The step it waits for, in words (审批：立案) */
  waiting_step: string | null;
  /** The state as canonical JSON, for procedures without a table of their own (null for penalty cases) */
  state: string | null;
  state_hash: string | null;
  action_count: number;
}

/** A decision published under 行政执法公示 (module disclosure, migrations 027 and 047). */
export interface PublicationTable {
  id: string;
  subject_type: string;
  subject_id: string;
  /** Which of the record's decisions (PublicationFacts.key): one row per record and key (migration 047) */
  key: string;
  agency_id: string;
  region_path: string;
  /** pending | released | withdrawn */
  status: string;
  /** penalty.disclosure | enforcement.disclosure */
  rule: string;
  decided_on: string;
  due_on: string;
  /** PublicationFacts as JSON (personal fields included: never served to the public) */
  facts: string;
  /** natural | organisation: the display period depends on it */
  party_kind: string;
  violation_type: string;
  /** The manual redactions, as JSON */
  redactions: string;
  released_on: string | null;
  /** When the decision was changed or revoked: the last day to withdraw it */
  withdrawal_due: string | null;
  withdrawn_on: string | null;
  withdrawal_kind: string | null;
  withdrawal_reason: string | null;
  /** The public (masked) text, normalised, for the substring check */
  search_text: string;
  search_grams: string;
}

export interface DisclosureRetentionTable {
  party_kind: string;
  months: number;
}

export interface PublicationSyncTable {
  name: string;
  seq: number;
}

export interface EnforcementSettingsTable {
  agency_id: string;
  settings: string;
  updated_by: string;
  updated_at: string;
}

/** A village's 村规民约 record: its village (one record each), the version in force (module villages, migration 033). */
export interface VillageRulesTable {
  id: string;
  village_id: string;
  region_path: string;
  status: string;
  /** The version in force, 0 before the first is published */
  version: number;
  published_on: string | null;
  /** The latest version, in force or being drafted */
  draft_version: number;
}

/** A village meeting's record: what the statistics and the portal's 村务公开 read (module villages, migration 033). */
export interface VillageMeetingTable {
  id: string;
  village_id: string;
  region_path: string;
  kind: string;
  held_on: string;
  decisions: number;
  publicized: number;
}

export interface Database {
  penalty_cases: PenaltyCaseTable;
  penalty_case_officers: PenaltyCaseOfficerTable;
  uploads: UploadTable;
  held_uploads: HeldUploadTable;
  procedure_files: ProcedureFileTable;
  portal_uploads: PortalUploadTable;
  evidence_shares: EvidenceShareTable;
  document_counters: DocumentCounterTable;
  issued_documents: IssuedDocumentTable;
  document_codes: DocumentCodeTable;
  procedure_cases: ProcedureCaseTable;
  information_requests: InformationRequestTable;
  petitions: PetitionTable;
  portal_factor_failures: PortalFactorFailureTable;
  reconsiderations: ReconsiderationTable;
  lawsuits: LawsuitTable;
  mediation_disputes: MediationDisputeTable;
  administrative_mediations: AdministrativeMediationTable;
  village_rules: VillageRulesTable;
  village_meetings: VillageMeetingTable;
  normative_documents: NormativeDocumentTable;
  enforcement_settings: EnforcementSettingsTable;
  publications: PublicationTable;
  disclosure_retention: DisclosureRetentionTable;
  publication_sync: PublicationSyncTable;
  regions: RegionTable;
  agencies: AgencyTable;
  offices: OfficeTable;
  people: PersonTable;
  certificates: CertificateTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_log: LoginLogTable;
  holidays: HolidayTableRow;
  holiday_years: HolidayYearTable;
  actions: ActionTable;
  checkpoints: CheckpointTable;
  witness_pins: WitnessPinTable;
  witness_cosignatures: WitnessCosignatureTable;
  witness_alerts: WitnessAlertTable;
  journal_cosignatures: JournalCosignatureTable;
}
