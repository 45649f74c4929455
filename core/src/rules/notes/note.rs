//! `note`: a province rule that no field of the application can show.
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;

/// A rule of this province that no field of the application can show; kept for the rules
/// reference and the report's notes, with why it is not a check.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub applies_to: Vec<AppliesTo>,
    pub zh: String,
    pub en: String,
    pub why_not_checked: String,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for Note {
    const CODE: Option<&'static str> = None;

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::text("zh", &self.zh)?;
        check::text("en", &self.en)?;
        check::text("why_not_checked", &self.why_not_checked)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(format!("{}|{}", self.zh, self.en))
    }

    fn statement(&self) -> String {
        format!("{} / {} — not checked: {}", self.en, self.zh, self.why_not_checked)
    }

    /// A note is read by the filer, never checked: no site asks it anything.
    fn check<'r>(&'r self, _site: &mut Site<'_, 'r>, _sink: &mut Sink) {}
}
