// Types of the beiancheck npm package, written from the contract (shared DESIGN.md, "The model"
// and "The report"). Every field of the input is optional: the engine reports what is missing
// (FACT_MISSING, INPUT_MISSING_FIELD) and what is unknown (INPUT_UNKNOWN_FIELD). `null` states
// that a thing does not exist (no public IP, no expiry date); leaving a field out means unknown.

/** A vocabulary word the engine knows, or one a later version adds. */
type Word<T extends string> = T | (string & {});

export type SubjectKind = Word<
  | "individual" | "enterprise" | "individual_business" | "government" | "military" | "institution"
  | "social_organization" | "private_non_enterprise" | "foundation" | "law_firm" | "mass_organization"
  | "religious" | "medical" | "overseas"
>;
export type FilingType = Word<
  "first_filing" | "new_website_no_subject" | "access_filing" | "new_website_with_subject" | "access_with_subject"
>;
export type ServiceContent = Word<
  | "portal" | "enterprise_site" | "shopping" | "navigation" | "blog" | "forum" | "news" | "publishing"
  | "education" | "health" | "drugs_medical_devices" | "culture" | "broadcasting" | "finance" | "games"
  | "ride_hailing" | "off_campus_training" | "e_government" | "other"
>;
/** `YYYY-MM-DD` or an RFC 3339 date-time. */
export type DateText = string;

export interface Person {
  name?: string;
  id_type?: string;
  id_number?: string;
  id_valid_until?: DateText | null;
  mobile?: string;
  emergency_mobile?: string;
  email?: string;
  is_legal_representative?: boolean;
}

export interface Application {
  /** The evaluation date; when absent, the `today` given to check(). */
  as_of?: DateText;
  /** Province code (BJ … XJ) or Chinese name (上海 / 上海市). */
  province?: string;
  filing_type?: FilingType;
  account?: {
    kind?: Word<"personal" | "enterprise">;
    real_name?: string;
    real_name_verified_at?: DateText | null;
    security_mobile?: string;
    has_order_in_progress?: boolean;
  };
  subject?: {
    kind?: SubjectKind;
    name?: string;
    certificate?: { type?: string; number?: string; valid_until?: DateText | null };
    address?: string;
    filing_number?: string | null;
    filed_with?: Word<"tencent" | "other">;
    responsible_person?: Person;
    residence_permit?: { province?: string; valid_until?: DateText | null } | null;
  };
  websites?: Array<{
    name?: string;
    domain?: string;
    filing_number?: string | null;
    filed_with?: Word<"tencent" | "other">;
    service_content?: ServiceContent[];
    pre_approvals?: Array<{ category?: ServiceContent; document_number?: string }> | null;
    remarks?: string;
    responsible_person?: Person;
    /** Index into `resources`. */
    resource?: number;
  }>;
  domains?: Array<{
    name?: string;
    registrar?: string;
    registrar_domestic?: boolean;
    expires_at?: DateText | null;
    real_name_verified_at?: DateText | null;
    registrant?: { name?: string; id_type?: string; id_number?: string };
    filing_number?: string | null;
  }>;
  resources?: Array<{
    kind?: Word<"cvm" | "lighthouse" | "serverless" | "clb" | "cloudbase_run" | "authorization_code">;
    region?: string;
    public_ip?: string | null;
    billing?: Word<"prepaid" | "postpaid">;
    purchased_months?: number;
    expires_at?: DateText | null;
    websites_filed?: number;
    code?: string;
    issuer_account_kind?: string;
    codes_issued?: number;
  }>;
  materials?: Array<{ kind?: string; format?: string; bytes?: number; issued_at?: DateText }>;
}

export type Verdict = "eligible" | "ineligible" | "needs_review";

export interface Text2 {
  zh: string;
  en: string;
}

export interface Finding {
  /** Stable SCREAMING_SNAKE code, never derived from text. */
  code: string;
  severity: "error" | "warning" | "info";
  /** Where in the input, e.g. `websites[1].domain`. */
  path: string;
  message: Text2;
  /** The values the message was built from. */
  context: Record<string, unknown>;
  /** The document the rule comes from. */
  source: string;
}

export interface Material {
  code: string;
  name: Text2;
  reason: Text2;
  template?: string;
  source: string;
}

export interface RulesInfo {
  version: string;
  sha256: string;
}

export interface Report {
  verdict: Verdict;
  filing_type: FilingType | null;
  findings: Finding[];
  materials: Material[];
  steps: Array<{ step: string; status: "done" | "blocked" | "pending"; blocked_by?: string[] }>;
  timeline: {
    provider_review_working_days: [number, number];
    provider_review_note: Text2;
    sms_verification_hours: number;
    bureau_review_working_days_max: number;
    bureau_review_days?: [number, number];
    sources: string[];
  };
  rules: RulesInfo;
  as_of: string;
}

export interface DomainReport {
  input: string;
  verdict: Verdict;
  ascii: string | null;
  unicode: string | null;
  registrable: string | null;
  registrable_unicode: string | null;
  suffix: string | null;
  suffix_unicode: string | null;
  tld: string | null;
  tld_status: string | null;
  tld_approved_since: string | null;
  tld_source: string | null;
  restriction: {
    suffix: string;
    who_zh: string;
    who_en: string;
    allowed_subject_kinds: string[];
    source: string;
  } | null;
  findings: Finding[];
  rules: RulesInfo;
}

export interface MaterialsQuery {
  province?: string;
  subject_kind?: SubjectKind;
  filing_type?: FilingType;
  non_local?: boolean;
  minor?: boolean;
  subject_owner_not_legal_rep?: boolean;
  website_owner_not_legal_rep?: boolean;
  pre_approval?: boolean;
  domain_not_at_provider?: boolean;
  name_change?: boolean;
  off_campus_training?: boolean;
  websites?: number;
  age?: number;
  pre_approval_possible?: boolean;
}

export interface MaterialsReport {
  province: string | null;
  subject_kind: string | null;
  materials: Material[];
  findings: Finding[];
  rules: RulesInfo;
}

/** An input that is not an application at all: malformed JSON, over a limit, a bad `today`. */
export class BeiancheckError extends Error {
  /** The C ABI's result where it has one for the refusal: 7009 (INVALID_ARGUMENT) for an unknown identity-number kind. */
  readonly result?: number;
  /** INPUT_MALFORMED, INPUT_LIMIT_EXCEEDED, INPUT_INVALID_VALUE … */
  readonly code: string;
  /** 1-based line and column of the problem in the input (0 when not applicable). */
  readonly line: number;
  readonly column: number;
  readonly path: string | null;
  readonly detail: { result?: number; code: string; line: number; column: number; path: string | null; message: string };
}

/** The day a check is evaluated on when the application has no `as_of`: a Date (its day in
 * Asia/Shanghai) or `YYYY-MM-DD`. Required: the module has no clock. */
export type Today = Date | DateText;

/** Browsers: loads the module (by default fetched next to the package's JavaScript). In Node,
 * importing the package has already done it. */
export function init(input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
export function initSync(module: BufferSource | WebAssembly.Module): void;

export function check(application: Application | string, today: Today): Report;
/** The report's JSON text, byte for byte what the engine wrote. */
export function checkJson(application: string, today: Today): string;
export function checkDomain(name: string, opts?: { subjectKind?: SubjectKind; province?: string }): DomainReport;
export function checkDomainJson(name: string, opts?: { subjectKind?: SubjectKind; province?: string }): string;
export function materials(query?: MaterialsQuery | string): MaterialsReport;
export function materialsJson(query?: MaterialsQuery | string): string;
/** The identity-number kinds the engine knows; another string is refused (BeiancheckError, result 7009). */
export type IdKind = Word<
  "resident_id" | "credit_code" | "mobile" | "hk_macau_permit" | "taiwan_permit" | "passport" | "hk_macau_residence" | "taiwan_residence"
>;
/** One identity number's answer: the same JSON as C's beian_check_id and `beiancheck id --json`. */
export interface IdResult {
  kind: string;
  valid: boolean;
  /** Why not valid (CHECK_DIGIT, LENGTH, …); null when valid. */
  reason: string | null;
  position: number | null;
  expected: string | null;
  message_en: string | null;
  message_zh: string | null;
  normalised: string | null;
  birth_date: string | null;
  sex: string | null;
  age: number | null;
  province: string | null;
  area: string | null;
  registration_authority: string | null;
  org_type: string | null;
  org_class: string | null;
  org_class_zh: string | null;
}
export function checkId(kind: IdKind, value: string, today: Today): IdResult;
/** The answer's JSON text, byte for byte what the engine wrote. */
export function checkIdJson(kind: IdKind, value: string, today: Today): string;
export function rules(): RulesInfo;
/** Parses the rule pack now instead of on the first check; returns its version. */
export function warmUp(): string;
