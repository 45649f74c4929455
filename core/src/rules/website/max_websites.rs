//! `max_websites`: at most N websites in one order.
use crate::codes::WEBSITE_COUNT_EXCEEDED;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use crate::vocab::FILING_TYPES;
use serde::Deserialize;
use std::fmt::Write;

/// At most `per_order` websites in one order (and `per_subject` in total, where stated).
/// `filing_types`, when not empty, limits the rule to those filing types (Hubei: one website
/// per 首次备案/新增网站). The application does not say how many websites the subject has
/// filed already, so `per_subject` can only be checked against the order itself.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct MaxWebsites {
    pub applies_to: Vec<AppliesTo>,
    pub per_order: u32,
    #[serde(default)]
    pub per_subject: Option<u32>,
    #[serde(default)]
    pub filing_types: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for MaxWebsites {
    const CODE: Option<&'static str> = Some(WEBSITE_COUNT_EXCEEDED);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.per_order == 0 || self.per_subject.is_some_and(|n| n < self.per_order) {
            return Err(("per_order", "at least 1, and per_subject (if given) not below it".into()));
        }
        check::known("filing_types", &self.filing_types, FILING_TYPES)
    }

    fn statement(&self) -> String {
        let mut s = format!("At most {} websites per order", self.per_order);
        if let Some(t) = self.per_subject {
            let _ = write!(s, ", {t} in total with those already filed");
        }
        if !self.filing_types.is_empty() {
            let _ = write!(s, " (for {})", self.filing_types.join(", "));
        }
        s
    }

    /// Only a limit below the national one says something the national rule does not.
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Order { filing_type, province: p, count, national, scope_zh, scope_en } = site else { return };
        let binds = self.filing_types.is_empty() || filing_type.is_some_and(|t| self.filing_types.iter().any(|f| f == t));
        if binds && *count > self.per_order && self.per_order < *national {
            sink.add_sourced(
                WEBSITE_COUNT_EXCEEDED,
                "websites",
                ctx![
                    "scope_zh" => format!("{}{}", p.zh, scope_zh), "scope_en" => format!("{} in {}", scope_en, p.en), "max" => self.per_order, "count" => *count,
                ],
                Some(&self.source),
            );
        }
    }
}
