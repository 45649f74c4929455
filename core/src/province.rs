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
        }
    }
    pub fn source(&self) -> &str {
        match self {
            Self::DomainAllowedTlds { source, .. }
            | Self::DomainReservedWords { source, .. }
            | Self::DomainValidityMinMonths { source, .. } => source,
            Self::Material(m) => &m.source,
        }
    }
    pub fn kind(&self) -> &'static str {
        match self {
            Self::DomainAllowedTlds { .. } => "domain_allowed_tlds",
            Self::DomainReservedWords { .. } => "domain_reserved_words",
            Self::DomainValidityMinMonths { .. } => "domain_validity_min_months",
            Self::Material(_) => "material",
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
                let same_material = match (other, r) {
                    (Self_::Material(a), Self_::Material(b)) => a.code == b.code && a.when == b.when,
                    (Self_::Material(_), _) | (_, Self_::Material(_)) => false,
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
