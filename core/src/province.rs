//! The 31 provinces and their own rules, as typed rows of rules/provinces.json. Each family's
//! module (domain, subject, website …) reads the rows of its kind; this module only knows their
//! shape and which filings they apply to.
use crate::pack::PackError;
use serde::Deserialize;
use ProvinceRule as Self_;

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// Two-letter code (`SH`).
    pub code: String,
    /// The abbreviation in filing numbers (`沪`).
    pub abbr: String,
    pub zh: String,
    pub zh_full: String,
    pub en: String,
    /// GB/T 2260 prefix of IDs and credit codes registered here (`31`).
    pub area_prefix: String,
    pub source: String,
    pub bureau_review_days: Sourced<[u32; 2]>,
    #[serde(default)]
    pub rules: Vec<ProvinceRule>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub range: T,
    pub source: String,
}

#[derive(Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    Personal,
    Organization,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Word {
    pub word: String,
    pub en: String,
}

/// One province rule. `applies_to` says whether it binds personal filings, organisation
/// filings or both; `source` names the document; `choice` records how a conflict between
/// documents was settled (reference/README.md).
#[derive(Deserialize, Clone, Debug)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum ProvinceRule {
    /// Only these TLDs (A-labels) may be filed here; `idn_tlds` admits every approved IDN TLD.
    DomainAllowedTlds {
        applies_to: Vec<AppliesTo>,
        tlds: Vec<String>,
        #[serde(default)]
        idn_tlds: bool,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The registrable label may not contain these words unless the subject is of an exempt kind.
    DomainReservedWords {
        applies_to: Vec<AppliesTo>,
        words: Vec<Word>,
        exempt_kinds: Vec<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The domain must have more than `months` of validity left on the submission date.
    DomainValidityMinMonths {
        applies_to: Vec<AppliesTo>,
        months: u32,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// A material this province requires (same shape as the national rows of materials.json).
    Material(MaterialRow),
    /// The filer (personal) or the responsible persons (organisation) must be at least `age`.
    MinAge {
        applies_to: Vec<AppliesTo>,
        age: u32,
        #[serde(default)]
        note_zh: Option<String>,
        #[serde(default)]
        note_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// How the bureau treats a personal filer whose resident ID was issued in another province
    /// (judged from the ID's area code): `allowed`, `residence_permit` (a local permit valid at
    /// least `permit_min_months`), `refused`, or `special` (proofs named in the note).
    NonLocalId {
        applies_to: Vec<AppliesTo>,
        policy: NonLocalPolicy,
        #[serde(default)]
        permit_min_months: Option<u32>,
        #[serde(default)]
        note_zh: Option<String>,
        #[serde(default)]
        note_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Who may be the subject owner (主体负责人): `legal_rep` (must be the legal
    /// representative), `authorized` (another person with an authorisation letter), `free`.
    SubjectOwner {
        applies_to: Vec<AppliesTo>,
        policy: OwnerPolicy,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Every website owner (网站负责人) must be the subject owner.
    WebsiteOwnerIsSubjectOwner {
        applies_to: Vec<AppliesTo>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// At most `per_order` websites in one order (and `per_subject` in total, where stated).
    MaxWebsites {
        applies_to: Vec<AppliesTo>,
        per_order: u32,
        #[serde(default)]
        per_subject: Option<u32>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Website names may not be all Latin letters/digits (e.g. Shanghai personal sites).
    WebsiteNameNotPureLatin {
        applies_to: Vec<AppliesTo>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Website names may not contain these words.
    WebsiteNameForbiddenWords {
        applies_to: Vec<AppliesTo>,
        words: Vec<String>,
        #[serde(default)]
        reason_zh: Option<String>,
        #[serde(default)]
        reason_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// These service_content values are not allowed (e.g. personal 博客/个人空间 in Beijing).
    ServiceNotAllowed {
        applies_to: Vec<AppliesTo>,
        services: Vec<String>,
        #[serde(default)]
        reason_zh: Option<String>,
        #[serde(default)]
        reason_en: Option<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Extra pre-approval keywords of this province (website name, subject name, remarks).
    PreApprovalKeywords {
        applies_to: Vec<AppliesTo>,
        category: String,
        keywords: Vec<String>,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// The website remarks must state something; `any_of` lists words of which one must appear.
    RemarksRequired {
        applies_to: Vec<AppliesTo>,
        #[serde(default)]
        services: Vec<String>,
        any_of: Vec<String>,
        required_zh: String,
        required_en: String,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Contact numbers that must differ: `owner_mobile_vs_emergency` (a person's 联系方式1 and
    /// 应急联系方式), `three_of_four` (subject and website owners' four numbers hold at least three
    /// different ones when the owners differ), `all`.
    DistinctNumbers {
        applies_to: Vec<AppliesTo>,
        scope: DistinctScope,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// Certificates (subject and people) must stay valid at least `months` after submission.
    CertificateValidityMinMonths {
        applies_to: Vec<AppliesTo>,
        months: u32,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// An uploaded material of this kind may be at most `max_days` old (T9 exceptions).
    DocumentMaxAge {
        applies_to: Vec<AppliesTo>,
        material: String,
        max_days: u32,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
    /// A rule of this province that no field of the application can show; kept for the rules
    /// reference and the report's notes, with why it is not a check.
    Note {
        applies_to: Vec<AppliesTo>,
        zh: String,
        en: String,
        why_not_checked: String,
        source: String,
        #[serde(default)]
        choice: Option<String>,
    },
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NonLocalPolicy {
    Allowed,
    ResidencePermit,
    Refused,
    Special,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OwnerPolicy {
    LegalRep,
    Authorized,
    Free,
}

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DistinctScope {
    OwnerMobileVsEmergency,
    ThreeOfFour,
    All,
}

/// One materials-checklist row: what, when, which uploads satisfy it, and why.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct MaterialRow {
    pub code: String,
    pub applies_to: Vec<AppliesTo>,
    /// Conditions that must all hold (see materials.json `about`).
    pub when: Vec<String>,
    #[serde(default)]
    pub min_websites: Option<u32>,
    pub zh: String,
    pub en: String,
    pub reason_zh: String,
    pub reason_en: String,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub satisfied_by: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl ProvinceRule {
    pub fn applies_to(&self) -> &[AppliesTo] {
        match self {
            Self::DomainAllowedTlds { applies_to, .. }
            | Self::DomainReservedWords { applies_to, .. }
            | Self::DomainValidityMinMonths { applies_to, .. } => applies_to,
            Self::Material(m) => &m.applies_to,
            Self::MinAge { applies_to, .. }
            | Self::NonLocalId { applies_to, .. }
            | Self::SubjectOwner { applies_to, .. }
            | Self::WebsiteOwnerIsSubjectOwner { applies_to, .. }
            | Self::MaxWebsites { applies_to, .. }
            | Self::WebsiteNameNotPureLatin { applies_to, .. }
            | Self::WebsiteNameForbiddenWords { applies_to, .. }
            | Self::ServiceNotAllowed { applies_to, .. }
            | Self::PreApprovalKeywords { applies_to, .. }
            | Self::RemarksRequired { applies_to, .. }
            | Self::DistinctNumbers { applies_to, .. }
            | Self::CertificateValidityMinMonths { applies_to, .. }
            | Self::DocumentMaxAge { applies_to, .. }
            | Self::Note { applies_to, .. } => applies_to,
        }
    }
    pub fn source(&self) -> &str {
        match self {
            Self::DomainAllowedTlds { source, .. }
            | Self::DomainReservedWords { source, .. }
            | Self::DomainValidityMinMonths { source, .. } => source,
            Self::Material(m) => &m.source,
            Self::MinAge { source, .. }
            | Self::NonLocalId { source, .. }
            | Self::SubjectOwner { source, .. }
            | Self::WebsiteOwnerIsSubjectOwner { source, .. }
            | Self::MaxWebsites { source, .. }
            | Self::WebsiteNameNotPureLatin { source, .. }
            | Self::WebsiteNameForbiddenWords { source, .. }
            | Self::ServiceNotAllowed { source, .. }
            | Self::PreApprovalKeywords { source, .. }
            | Self::RemarksRequired { source, .. }
            | Self::DistinctNumbers { source, .. }
            | Self::CertificateValidityMinMonths { source, .. }
            | Self::DocumentMaxAge { source, .. }
            | Self::Note { source, .. } => source,
        }
    }
    pub fn kind(&self) -> &'static str {
        match self {
            Self::DomainAllowedTlds { .. } => "domain_allowed_tlds",
            Self::DomainReservedWords { .. } => "domain_reserved_words",
            Self::DomainValidityMinMonths { .. } => "domain_validity_min_months",
            Self::Material(_) => "material",
            Self::MinAge { .. } => "min_age",
            Self::NonLocalId { .. } => "non_local_id",
            Self::SubjectOwner { .. } => "subject_owner",
            Self::WebsiteOwnerIsSubjectOwner { .. } => "website_owner_is_subject_owner",
            Self::MaxWebsites { .. } => "max_websites",
            Self::WebsiteNameNotPureLatin { .. } => "website_name_not_pure_latin",
            Self::WebsiteNameForbiddenWords { .. } => "website_name_forbidden_words",
            Self::ServiceNotAllowed { .. } => "service_not_allowed",
            Self::PreApprovalKeywords { .. } => "pre_approval_keywords",
            Self::RemarksRequired { .. } => "remarks_required",
            Self::DistinctNumbers { .. } => "distinct_numbers",
            Self::CertificateValidityMinMonths { .. } => "certificate_validity_min_months",
            Self::DocumentMaxAge { .. } => "document_max_age",
            Self::Note { .. } => "note",
        }
    }
    pub fn applies(&self, personal: bool) -> bool {
        self.applies_to().contains(if personal { &AppliesTo::Personal } else { &AppliesTo::Organization })
    }
}

impl Province {
    pub(crate) fn validate(&self, at: &str) -> Result<(), PackError> {
        let bad = |field: &str, msg: &str| PackError { path: format!("{at}.{field}"), message: msg.to_owned() };
        if self.code.len() != 2 || !self.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad("code", "must be two upper-case letters"));
        }
        if self.area_prefix.len() != 2 || !self.area_prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("area_prefix", "must be two digits"));
        }
        if self.abbr.chars().count() != 1 {
            return Err(bad("abbr", "must be one character"));
        }
        let [lo, hi] = self.bureau_review_days.range;
        if lo > hi {
            return Err(bad("bureau_review_days.range", "low end above high end"));
        }
        for (i, r) in self.rules.iter().enumerate() {
            if r.source().trim().is_empty() {
                return Err(bad(&format!("rules[{i}].source"), "every rule names its source"));
            }
            if r.applies_to().is_empty() {
                return Err(bad(&format!("rules[{i}].applies_to"), "must name personal and/or organization"));
            }
            if let Self_::Material(m) = r {
                crate::materials::validate_row(m, &format!("{at}.rules[{i}]"))?;
            }
            // Two rows of one kind for the same filings would contradict each other (materials
            // may repeat with different codes or conditions).
            for other in &self.rules[..i] {
                // Rows that may repeat: materials (per code and condition), word lists, notes,
                // keyword lists (per category), document ages (per material), remarks.
                let same_material = match (other, r) {
                    (Self_::Material(a), Self_::Material(b)) => a.code == b.code && a.when == b.when,
                    (Self_::PreApprovalKeywords { category: a, .. }, Self_::PreApprovalKeywords { category: b, .. }) => a == b,
                    (Self_::DocumentMaxAge { material: a, .. }, Self_::DocumentMaxAge { material: b, .. }) => a == b,
                    (Self_::Note { .. }, _)
                    | (Self_::WebsiteNameForbiddenWords { .. }, _)
                    | (Self_::ServiceNotAllowed { .. }, _)
                    | (Self_::RemarksRequired { .. }, _)
                    | (Self_::Material(_), _) => false,
                    _ => true,
                };
                if same_material && other.kind() == r.kind() && other.applies_to().iter().any(|a| r.applies_to().contains(a)) {
                    return Err(bad(
                        &format!("rules[{i}]"),
                        &format!("a second {} rule for the same filings (contradictory rows)", r.kind()),
                    ));
                }
            }
        }
        Ok(())
    }
}
