//! Which filings a row binds: personal, organisation, or both.
use serde::Deserialize;

#[derive(Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    Personal,
    Organization,
}
