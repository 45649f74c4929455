//! Which filings a row binds (personal, organisation, or both), and whose certificate it is about.
use serde::Deserialize;

#[derive(Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    Personal,
    Organization,
}

/// Whose certificate a rule is about.
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    /// The subject's certificate (a personal filer's own ID).
    Subject,
    /// The responsible persons' IDs.
    People,
}
