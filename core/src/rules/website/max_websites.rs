//! `max_websites`: at most N websites in one order.
use crate::codes::WEBSITE_COUNT_EXCEEDED;
use crate::ctx;
use crate::input::model::Fact;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use crate::vocab::FILING_TYPES;
use serde::Deserialize;
use std::fmt::Write;

/// At most `per_order` websites in one order (and `per_subject` in total, where stated).
/// `filing_types`, when not empty, limits the rule to those filing types (Hubei: one website
/// per 首次备案/新增网站). `per_subject` counts `subject.websites_filed` with the order.
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

    /// Only a limit below the national one says something the national rule does not. The
    /// per-subject total counts the websites the subject has filed already
    /// (`subject.websites_filed`; null: none) with this order's; left out, it cannot pass.
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Order { filing_type, province: p, personal, count, national, scope_zh, scope_en, websites_filed } = site else { return };
        let binds = self.filing_types.is_empty() || filing_type.is_some_and(|t| self.filing_types.iter().any(|f| f == t));
        if let (true, Some(total)) = (binds, self.per_subject) {
            let before = match websites_filed {
                Fact::Value(k) => Some(*k),
                Fact::Null => Some(0),
                Fact::Absent => {
                    sink.fact_missing(
                        "subject.websites_filed",
                        WEBSITE_COUNT_EXCEEDED,
                        "主体已备案的网站数（该省限制主体网站总数；无已备案网站请填 null）",
                        "how many websites the subject has filed already (this province limits the subject's total; null for none)",
                    );
                    None
                }
                Fact::Invalid => None,
            };
            if let Some(k) = before {
                let sum = k.saturating_add(u64::from(*count));
                if sum > u64::from(total) {
                    let (szh, sen) =
                        if *personal { ("个人备案主体", "A personal subject") } else { ("单位备案主体", "An organisation") };
                    sink.add_sourced(
                        WEBSITE_COUNT_EXCEEDED,
                        "subject.websites_filed",
                        ctx![
                            "scope_zh" => format!("{}{}已备案与本次新增的网站合计", p.zh, szh), "scope_en" => format!("{sen}'s websites filed and in this order, in {}", p.en), "max" => total, "count" => sum,
                        ],
                        Some(&self.source),
                    );
                }
            }
        }
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
