//! `domain_validity_min_months`: the domain must have more than N months of validity left.
use crate::codes::DOMAIN_VALIDITY_TOO_SHORT;
use crate::ctx;
use crate::dates;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;

/// The domain must have more than `months` of validity left on the submission date.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DomainValidityMinMonths {
    pub applies_to: Vec<AppliesTo>,
    pub months: u32,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for DomainValidityMinMonths {
    const CODE: Option<&'static str> = Some(DOMAIN_VALIDITY_TOO_SHORT);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::months(self.months)
    }

    fn statement(&self) -> String {
        format!("The domain must have more than {} months of validity left", self.months)
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::DomainExpiry { expires_at, as_of, path, province } = site else { return };
        // "more than N months left": the expiry must fall after as_of + N months.
        let required_after = dates::add_months(*as_of, self.months as i32);
        if expires_at.date() <= required_after {
            sink.add_sourced(
                DOMAIN_VALIDITY_TOO_SHORT,
                *path,
                ctx!["expires_at" => dates::fmt_moment(*expires_at), "months" => self.months, "required_after" => dates::fmt(required_after), "province_zh" => province.zh, "province_en" => province.en],
                Some(&self.source),
            );
        }
    }
}
