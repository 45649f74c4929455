//! `certificate_types`: the certificate types a province accepts, for the subject or the people.
use crate::codes::SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED;
use crate::pack::scope::AppliesTo;
use crate::pack::scope::Holder;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use crate::vocab::{CERTIFICATE_TYPES, SUBJECT_KINDS};
use serde::Deserialize;

/// Only these certificate types are accepted: for the subject's certificate (`of: subject`;
/// for a personal filing that is the filer's ID) or for the responsible persons' IDs
/// (`of: people`). `subject_kinds`, when not empty, narrows the rule to those subject kinds.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct CertificateTypes {
    pub applies_to: Vec<AppliesTo>,
    pub of: Holder,
    #[serde(default)]
    pub subject_kinds: Vec<String>,
    pub types: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for CertificateTypes {
    const CODE: Option<&'static str> = Some(SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::known("subject_kinds", &self.subject_kinds, SUBJECT_KINDS)?;
        if self.types.is_empty() {
            return Err(("types", "name at least one certificate type".into()));
        }
        check::known("types", &self.types, CERTIFICATE_TYPES)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(format!("{:?}|{:?}", self.of, self.subject_kinds))
    }

    fn statement(&self) -> String {
        let whose = match self.of {
            Holder::Subject => "The subject's certificate",
            Holder::People => "The responsible persons' IDs",
        };
        let kinds =
            if self.subject_kinds.is_empty() { String::new() } else { format!(" (subjects of kind {})", self.subject_kinds.join(", ")) };
        format!("{whose}{kinds} must be one of: {}", self.types.join(", "))
    }

    /// The first row for the holder and subject kind gives the accepted list (subject/mod.rs
    /// reports a type outside it, before the national table is read).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, _sink: &mut Sink) {
        let Site::CertificateTypes { holder, subject_kind, accepted } = site else { return };
        if accepted.is_none()
            && self.of == *holder
            && (self.subject_kinds.is_empty() || self.subject_kinds.iter().any(|k| k.as_str() == *subject_kind))
        {
            **accepted = Some((self.types.as_slice(), &self.source));
        }
    }
}
