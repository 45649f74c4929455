//! The registry of province row kinds: one line per kind of `core/rules/provinces.json` row,
//! naming its `rule` tag, its type and the file that decides it. The [`ProvinceRule`] enum, its
//! deserialisation, kind names, finding codes, validation, RULES.md statements and the dispatch
//! of checks all come from this table, and every type in it implements [`RowKind`], whose
//! `check` has no default: a kind nobody evaluates does not compile.
//!
//! To add a kind: write `rules/<family>/<kind>.rs` (its row type, `impl RowKind`, its tests)
//! and add one line below (docs/ARCHITECTURE.md walks through an example).
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::site::Site;
use serde::Deserialize;

/// What one kind of province row is: how it is validated when the pack loads, what it says in
/// the rules reference, which code it yields, and what it decides where the rules ask it.
pub(crate) trait RowKind {
    /// The finding code a failed check yields; `None` for rows that are never a check (notes).
    const CODE: Option<&'static str>;
    /// Field-level validation at load: every word of the vocabularies known, numbers sane,
    /// texts present. The error names the field.
    fn validate(&self) -> Result<(), (&'static str, String)>;
    /// What distinguishes two rows of this kind that may stand side by side for the same
    /// filings; `None` (the default) when a second row would contradict the first.
    fn repeat_key(&self) -> Option<String> {
        None
    }
    /// What the row says, in words, for docs/RULES.md.
    fn statement(&self) -> String;
    /// What the row decides at `site`, one of the places in the rule families where province
    /// rows are asked (a site that is not this kind's is ignored).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink);
}

/// One kind, as `explain` and the rules reference describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    /// The `rule` tag in provinces.json.
    pub kind: &'static str,
    /// The finding code a failed check yields (`None`: notes).
    pub code: Option<&'static str>,
    /// The file that decides it, from the repository root.
    pub file: &'static str,
}

macro_rules! row_kinds {
    ($( $tag:literal => $variant:ident in $family:ident :: $file:ident ),+ $(,)?) => {
        /// One province rule. `applies_to` says whether it binds personal filings,
        /// organisation filings or both; `source` names the document; `choice` records how a
        /// conflict between documents was settled (reference/README.md).
        #[derive(Deserialize, Clone, Debug)]
        #[serde(tag = "rule")]
        pub enum ProvinceRule {
            $( #[serde(rename = $tag)] $variant(crate::rules::$family::$file::$variant), )+
        }

        /// Every kind, in registry order.
        pub const KINDS: &[KindInfo] = &[$(
            KindInfo {
                kind: $tag,
                code: <crate::rules::$family::$file::$variant as RowKind>::CODE,
                file: concat!("core/src/rules/", stringify!($family), "/", stringify!($file), ".rs"),
            },
        )+];

        impl ProvinceRule {
            pub fn applies_to(&self) -> &[AppliesTo] {
                match self { $( Self::$variant(r) => &r.applies_to, )+ }
            }
            pub fn source(&self) -> &str {
                match self { $( Self::$variant(r) => &r.source, )+ }
            }
            /// How a conflict between documents was settled for this row, if there was one.
            pub fn choice(&self) -> Option<&str> {
                match self { $( Self::$variant(r) => r.choice.as_deref(), )+ }
            }
            /// The row's `rule` tag.
            pub fn kind(&self) -> &'static str {
                match self { $( Self::$variant(_) => $tag, )+ }
            }
            /// The registry entry of this row's kind.
            #[allow(clippy::expect_used, reason = "KINDS has an entry for every variant: both come from this macro's list")]
            pub fn info(&self) -> &'static KindInfo {
                match self { $( Self::$variant(_) => KINDS.iter().find(|k| k.kind == $tag).expect("every kind is in KINDS"), )+ }
            }
            /// The finding code a failed check of this row yields (`None` for notes).
            pub fn finding_code(&self) -> Option<&'static str> {
                match self { $( Self::$variant(_) => <crate::rules::$family::$file::$variant as RowKind>::CODE, )+ }
            }
            /// What the row says, in words (Chinese where the data has it, English throughout).
            pub fn statement(&self) -> String {
                match self { $( Self::$variant(r) => r.statement(), )+ }
            }
            pub(crate) fn validate_fields(&self) -> Result<(), (&'static str, String)> {
                match self { $( Self::$variant(r) => r.validate(), )+ }
            }
            pub(crate) fn repeat_key(&self) -> Option<String> {
                match self { $( Self::$variant(r) => r.repeat_key(), )+ }
            }
            /// Asks the row what it decides at `site`.
            pub(crate) fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
                match self { $( Self::$variant(r) => r.check(site, sink), )+ }
            }
        }
    };
}

row_kinds! {
    "domain_allowed_tlds" => DomainAllowedTlds in domain::allowed_tlds,
    "domain_reserved_words" => DomainReservedWords in domain::reserved_words,
    "domain_owner_is_subject" => DomainOwnerIsSubject in domain::owner_is_subject,
    "domain_validity_min_months" => DomainValidityMinMonths in domain::validity_min_months,
    "material" => Material in materials::material,
    "min_age" => MinAge in subject::min_age,
    "retirement_age" => RetirementAge in subject::retirement_age,
    "non_local_id" => NonLocalId in subject::non_local_id,
    "subject_owner" => SubjectOwner in subject::subject_owner,
    "website_owner_is_subject_owner" => WebsiteOwnerIsSubjectOwner in subject::website_owner_is_subject_owner,
    "certificate_types" => CertificateTypes in subject::certificate_types,
    "max_websites" => MaxWebsites in website::max_websites,
    "website_name_not_pure_latin" => WebsiteNameNotPureLatin in website::name_not_pure_latin,
    "website_name_no_latin" => WebsiteNameNoLatin in website::name_no_latin,
    "website_name_min_chinese" => WebsiteNameMinChinese in website::name_min_chinese,
    "website_name_forbidden_words" => WebsiteNameForbiddenWords in website::name_forbidden_words,
    "service_not_allowed" => ServiceNotAllowed in website::service_not_allowed,
    "remarks_forbidden_words" => RemarksForbiddenWords in website::remarks_forbidden_words,
    "pre_approval_keywords" => PreApprovalKeywords in website::pre_approval_keywords,
    "remarks_required" => RemarksRequired in website::remarks_required,
    "distinct_numbers" => DistinctNumbers in subject::distinct_numbers,
    "certificate_validity_min_months" => CertificateValidityMinMonths in subject::certificate_validity_min_months,
    "document_max_age" => DocumentMaxAge in materials::document_max_age,
    "address_forbidden_words" => AddressForbiddenWords in subject::address_forbidden_words,
    "note" => Note in notes::note,
}

/// The file holding a catalogue family's national rules (the catalogue's `family` field).
pub fn family_file(family: &str) -> Option<&'static str> {
    Some(match family {
        "input" => "core/src/input/model.rs",
        "filing" => "core/src/rules/filing_type.rs",
        "resource" => "core/src/rules/resource.rs",
        "domain" => "core/src/rules/domain/mod.rs",
        "subject" => "core/src/rules/subject/mod.rs",
        "website" => "core/src/rules/website/mod.rs",
        "materials" => "core/src/rules/materials/mod.rs",
        _ => return None,
    })
}

/// Asks every row of `rows` what it decides at `site`.
pub(crate) fn ask<'r>(rows: impl IntoIterator<Item = &'r ProvinceRule>, site: &mut Site<'_, 'r>, sink: &mut Sink) {
    for r in rows {
        r.check(site, sink);
    }
}

/// Shared field checks of the kinds' `validate`.
pub(crate) mod check {
    use crate::pack::scope::AppliesTo;

    pub type Result = std::result::Result<(), (&'static str, String)>;

    /// Every value one of `vocab`.
    pub fn known(field: &'static str, values: &[String], vocab: &[&str]) -> Result {
        match values.iter().find(|v| !vocab.contains(&v.as_str())) {
            Some(v) => Err((field, format!("unknown value {v} (known: {})", vocab.join(", ")))),
            None => Ok(()),
        }
    }
    /// A text that says something.
    pub fn text(field: &'static str, v: &str) -> Result {
        if v.trim().is_empty() {
            Err((field, "must not be empty".into()))
        } else {
            Ok(())
        }
    }
    /// At least one word, none empty.
    pub fn words(field: &'static str, v: &[String]) -> Result {
        if v.is_empty() || v.iter().any(|w| w.trim().is_empty()) {
            Err((field, "needs at least one word, none empty".into()))
        } else {
            Ok(())
        }
    }
    /// A kind that binds organisations only.
    pub fn org_only(kind: &str, applies_to: &[AppliesTo]) -> Result {
        if applies_to.contains(&AppliesTo::Personal) {
            Err(("applies_to", format!("{kind} binds organisations only")))
        } else {
            Ok(())
        }
    }
    /// A number of months between 1 and 120.
    pub fn months(v: u32) -> Result {
        if v == 0 || v > 120 {
            Err(("months", "between 1 and 120".into()))
        } else {
            Ok(())
        }
    }
}

/// Shared wording of the kinds' `statement`.
pub(crate) mod say {
    use std::fmt::Write;

    pub fn list(v: &[String]) -> String {
        v.join("、")
    }
    /// A row's own reason, when it gives one in both languages.
    pub fn reason(s: &mut String, zh: &Option<String>, en: &Option<String>) {
        if let (Some(z), Some(e)) = (zh, en) {
            let _ = write!(s, " ({e}; {z})");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_names_its_deciding_file() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        for k in KINDS {
            assert!(std::path::Path::new(root).join(k.file).is_file(), "{}: {} does not exist", k.kind, k.file);
        }
        let mut tags: Vec<_> = KINDS.iter().map(|k| k.kind).collect();
        tags.sort_unstable();
        tags.dedup();
        assert_eq!(tags.len(), KINDS.len(), "a tag is registered twice");
    }

    #[test]
    fn every_row_of_the_pack_is_a_registered_kind() {
        let pack = crate::Engine::embedded().pack();
        for r in pack.provinces.iter().flat_map(|p| p.rules.iter()) {
            assert_eq!(r.info().kind, r.kind());
            assert_eq!(r.info().code, r.finding_code());
        }
    }
}
