//! The vocabulary of materials-checklist rows (codes, conditions) and the validation of a row,
//! national (materials.json) or a province's: pack data, checked at load.
use crate::pack::error::PackError;
use crate::pack::scope::AppliesTo;
use serde::Deserialize;

/// One materials-checklist row: what, when, which uploads satisfy it, and why.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct MaterialRow {
    pub code: String,
    pub applies_to: Vec<AppliesTo>,
    /// Conditions that must all hold (see materials.json `about`).
    pub when: Vec<Condition>,
    #[serde(default)]
    pub min_websites: Option<u32>,
    /// With the condition `below_age`: the row holds when the filer (personal) or a
    /// responsible person (organisation) is younger than this.
    #[serde(default)]
    pub below_age: Option<u32>,
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
    /// The report item, built on first use and shared by every report.
    #[serde(skip)]
    pub(crate) item: once_cell::sync::OnceCell<crate::report::MaterialItem>,
}

/// Checklist codes (DESIGN.md vocabulary, plus the province-specific ones).
pub const MATERIAL_CODES: &[&str] = &[
    "SUBJECT_CERTIFICATE",
    "RESPONSIBLE_ID",
    "RESIDENCE_PERMIT",
    "SUBJECT_OWNER_AUTHORIZATION",
    "WEBSITE_OWNER_AUTHORIZATION",
    "DOMAIN_CERTIFICATE",
    "DOMAIN_REAL_NAME_PROOF",
    "PRE_APPROVAL_DOCUMENT",
    "COMMITMENT_LETTER",
    "WEBSITE_CONSTRUCTION_PLAN",
    "NAME_CHANGE_LETTER",
    "VERIFICATION_PHOTO",
    "GUARDIAN_CONSENT",
    "HOUSEHOLD_REGISTER",
    "INCOME_PROOF",
    "STUDENT_PROOF",
    "RESIDENCE_PROOF",
    "QUALIFICATION_APPLICATION",
    "COMMITMENT_VIDEO",
    "LAWYER_CERTIFICATE",
    "SUPPLEMENTARY_PROOF",
];

/// A condition a row may name in `when` (materials.json `about`); unknown names are refused
/// when the pack loads, and each is decided in `rules/materials/mod.rs::Case::holds`.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    Always,
    NonLocal,
    Minor,
    SubjectOwnerNotLegalRep,
    WebsiteOwnerNotLegalRep,
    PreApproval,
    DomainNotAtProvider,
    NameChange,
    OffCampusTraining,
    MinWebsites,
    // Province rows.
    FirstFiling,
    GovernmentOrInstitution,
    BelowAge,
    PreApprovalPossible,
}

impl Condition {
    /// Every condition with its name in the pack, in this order.
    pub const ALL: &[(Condition, &str)] = &[
        (Condition::Always, "always"),
        (Condition::NonLocal, "non_local"),
        (Condition::Minor, "minor"),
        (Condition::SubjectOwnerNotLegalRep, "subject_owner_not_legal_rep"),
        (Condition::WebsiteOwnerNotLegalRep, "website_owner_not_legal_rep"),
        (Condition::PreApproval, "pre_approval"),
        (Condition::DomainNotAtProvider, "domain_not_at_provider"),
        (Condition::NameChange, "name_change"),
        (Condition::OffCampusTraining, "off_campus_training"),
        (Condition::MinWebsites, "min_websites"),
        (Condition::FirstFiling, "first_filing"),
        (Condition::GovernmentOrInstitution, "government_or_institution"),
        (Condition::BelowAge, "below_age"),
        (Condition::PreApprovalPossible, "pre_approval_possible"),
    ];

    /// The name in the pack (`non_local`).
    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(c, _)| *c == self).map_or("", |(_, n)| n)
    }
}

/// Conditions a row may name in `when`, by name.
pub const CONDITIONS: &[&str] = &[
    "always",
    "non_local",
    "minor",
    "subject_owner_not_legal_rep",
    "website_owner_not_legal_rep",
    "pre_approval",
    "domain_not_at_provider",
    "name_change",
    "off_campus_training",
    "min_websites",
    "first_filing",
    "government_or_institution",
    "below_age",
    "pre_approval_possible",
];

pub(crate) fn validate_row(m: &MaterialRow, at: &str) -> Result<(), PackError> {
    let bad = |f: &str, msg: String| PackError { path: format!("{at}.{f}"), message: msg };
    if !MATERIAL_CODES.contains(&m.code.as_str()) {
        return Err(bad("code", format!("unknown material code {} (known: {})", m.code, MATERIAL_CODES.join(", "))));
    }
    if m.when.is_empty() {
        return Err(bad("when", "name at least one condition (\"always\" for none)".into()));
    }
    if m.when.contains(&Condition::MinWebsites) != m.min_websites.is_some() {
        return Err(bad("min_websites", "give min_websites exactly when `when` names min_websites".into()));
    }
    if m.when.contains(&Condition::BelowAge) != m.below_age.is_some() {
        return Err(bad("below_age", "give below_age exactly when `when` names below_age".into()));
    }
    for (f, v) in [("zh", &m.zh), ("en", &m.en), ("reason_zh", &m.reason_zh), ("reason_en", &m.reason_en), ("source", &m.source)] {
        if v.trim().is_empty() {
            return Err(bad(f, "must not be empty".into()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_condition_is_named_once_as_serde_reads_it() {
        assert_eq!(Condition::ALL.iter().map(|(_, n)| *n).collect::<Vec<_>>(), CONDITIONS);
        for (c, n) in Condition::ALL {
            assert_eq!(serde_json::from_value::<Condition>(serde_json::Value::from(*n)).unwrap(), *c);
        }
        assert!(serde_json::from_value::<Condition>(serde_json::Value::from("non-local")).is_err());
    }
}
