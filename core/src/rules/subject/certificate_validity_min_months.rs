//! `certificate_validity_min_months`: the province's margin of certificate validity, replacing
//! the national 3 months for the holder it names.
use crate::codes::SUBJECT_CERTIFICATE_EXPIRING;
use crate::pack::scope::AppliesTo;
use crate::pack::scope::Holder;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;

/// Certificates must stay valid at least `months` after submission: the subject's
/// certificate (`of: subject`), the people's IDs (`of: people`), or both (no `of`).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct CertificateValidityMinMonths {
    pub applies_to: Vec<AppliesTo>,
    pub months: u32,
    #[serde(default)]
    pub of: Option<Holder>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for CertificateValidityMinMonths {
    const CODE: Option<&'static str> = Some(SUBJECT_CERTIFICATE_EXPIRING);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::months(self.months)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(format!("{:?}", self.of))
    }

    fn statement(&self) -> String {
        let whose = match self.of {
            Some(Holder::Subject) => "The subject's certificate",
            Some(Holder::People) => "The responsible persons' IDs",
            None => "Certificates (subject and people)",
        };
        format!("{whose} must stay valid at least {} months after submission", self.months)
    }

    /// The first row covering the holder sets its margin (the validity check of subject/mod.rs
    /// applies it, or the national one where no row does).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, _sink: &mut Sink) {
        let Site::CertificateMargin { holder, margin } = site else { return };
        if margin.is_none() && self.of.is_none_or(|o| o == *holder) {
            **margin = Some((self.months, &self.source));
        }
    }
}
