//! `domain_owner_is_subject`: an organisation's domain must be held by the organisation itself.
use crate::codes::DOMAIN_OWNER_MISMATCH;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;

/// The domain holder must be the organisation itself (主办单位名称), not its legal
/// representative (where the national rule, tencent/facts.md §3, accepts either).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DomainOwnerIsSubject {
    pub applies_to: Vec<AppliesTo>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for DomainOwnerIsSubject {
    const CODE: Option<&'static str> = Some(DOMAIN_OWNER_MISMATCH);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::org_only("domain_owner_is_subject", &self.applies_to)
    }

    fn statement(&self) -> String {
        "The domain holder must be the organisation itself (主办单位名称), not its legal representative".into()
    }

    /// Where the holder is not the organisation itself, says the legal representative is not
    /// accepted either (the holder rule of domain/mod.rs reports the mismatch with its source).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, _sink: &mut Sink) {
        if let Site::DomainHolderOnlySubject { source } = site {
            source.get_or_insert(&self.source);
        }
    }
}
