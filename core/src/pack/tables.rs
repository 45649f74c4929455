//! Typed shapes of the national rule tables (resources.json, subjects.json, websites.json).
//! Each is read once when the pack loads; the family modules read them, never the JSON.
use crate::pack::words::Words;
use serde::Deserialize;

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ResourcesTable {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    pub about: Option<String>,
    pub kinds: Vec<ResourceKindRule>,
    pub regions: Regions,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ResourceKindRule {
    pub kind: String,
    /// Whether the resource has a paid term whose expiry the rules check (servers, and the
    /// server behind an authorisation code).
    pub has_term: bool,
    pub zh: String,
    pub en: String,
    pub accepted: bool,
    #[serde(default)]
    pub new_filings_closed_on: Option<String>,
    pub mainland: bool,
    pub public_ip: bool,
    pub prepaid: bool,
    pub min_purchased_months: u32,
    pub min_remaining_months: u32,
    pub max_websites: u32,
    pub can_issue_codes: bool,
    #[serde(default)]
    pub needs_bound_cvm: bool,
    #[serde(default)]
    pub max_codes_per_server: Option<u32>,
    #[serde(default)]
    pub code_expires_days_left: Option<u32>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Regions {
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
    pub mainland: Vec<String>,
    pub not_mainland: Vec<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct SubjectsTable {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    pub about: Option<String>,
    pub certificates: Vec<CertificateRow>,
    pub person_id_types: TypesRow,
    pub certificate_min_valid_months: MonthsRow,
    pub limits: Limits,
    pub account: AccountRules,
    pub domain_holder: DomainHolderRules,
    pub not_eligible: Vec<NotEligible>,
}

/// The domain's registration facts against the subject (tencent/facts.md §3).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DomainHolderRules {
    /// Days between the domain's real-name verification and filing: natural days at Tencent's
    /// registrars, working days elsewhere.
    pub real_name_wait_days: u32,
    pub real_name_source: String,
    /// Provinces that accept the organisation's full pinyin name as the holder's name (with
    /// the organisation's own certificate).
    pub pinyin_name_provinces: Vec<String>,
    pub pinyin_source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct CertificateRow {
    pub kind: String,
    pub types: Vec<String>,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct TypesRow {
    pub types: Vec<String>,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct MonthsRow {
    pub months: u32,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub personal_websites_per_order: u32,
    pub organization_websites_per_order: u32,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct AccountRules {
    pub personal_real_name_wait_hours: u32,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct NotEligible {
    pub kind: String,
    /// `refused` (error) or `unclear` (needs review).
    pub eligibility: Eligibility,
    pub reason_zh: String,
    pub reason_en: String,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

/// What the engine says of a subject kind that is not eligible.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// The kind cannot file (`SUBJECT_NOT_ELIGIBLE`, an error).
    Refused,
    /// The documents leave it open (`SUBJECT_ELIGIBILITY_UNCLEAR`, needs review).
    Unclear,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct WebsitesTable {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    pub about: Option<String>,
    pub min_name_chars: u32,
    pub allowed_symbols: Vec<String>,
    pub name_source: String,
    pub reserved_words: ReservedWords,
    pub personal_name_words: Vec<WordGroup>,
    pub personal_place_names: PlaceNames,
    /// A personal site named with the filer's own name.
    pub personal_own_name: OwnName,
    /// Words no website name may contain (反腐, 赌博 …).
    pub sensitive_words: Vec<SensitiveWords>,
    pub personal_services_not_allowed: Vec<ServiceBan>,
    /// Phrases that negate the keyword right after them (不涉及金融): at most
    /// `negation_max_gap` characters may stand between the phrase and the keyword, in one clause.
    pub negations: Vec<String>,
    pub negation_max_gap: u32,
    pub negation_source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ReservedWords {
    pub words: Words,
    pub exempt_kinds: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct WordGroup {
    pub reason_zh: String,
    pub reason_en: String,
    pub words: Words,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct PlaceNames {
    pub use_province_names: bool,
    /// Cities and counties from divisions.json too.
    #[serde(default)]
    pub use_divisions: bool,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct OwnName {
    /// Names shorter than this (in characters) are not compared.
    pub min_chars: u32,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct SensitiveWords {
    pub words: Words,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ServiceBan {
    pub service: String,
    pub reason_zh: String,
    pub reason_en: String,
    pub source: String,
}
