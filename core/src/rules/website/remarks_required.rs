//! `remarks_required`: what the website remarks must state.
use crate::codes::WEBSITE_REMARKS_REQUIRED;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::pack::words::Words;
use crate::report::sink::Sink;
use crate::rules::registry::{check, say, RowKind};
use crate::rules::site::Site;
use crate::vocab::SERVICE_CONTENT;
use serde::Deserialize;
use std::fmt::Write;

/// The website remarks must state something: when `services` is not empty, only for
/// websites offering one of them; `any_of` lists words of which one must appear (empty: any
/// non-empty remark); `min_chars`, when given, is the least number of characters.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct RemarksRequired {
    pub applies_to: Vec<AppliesTo>,
    #[serde(default)]
    pub services: Vec<String>,
    pub any_of: Words,
    #[serde(default)]
    pub min_chars: Option<u32>,
    pub required_zh: String,
    pub required_en: String,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for RemarksRequired {
    const CODE: Option<&'static str> = Some(WEBSITE_REMARKS_REQUIRED);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::known("services", &self.services, SERVICE_CONTENT)?;
        if self.any_of.iter().any(|w| w.trim().is_empty()) {
            return Err(("any_of", "no empty word (leave the list empty for any non-empty remark)".into()));
        }
        check::text("required_zh", &self.required_zh)?;
        check::text("required_en", &self.required_en)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(format!("{:?}|{:?}", self.services, self.any_of))
    }

    fn statement(&self) -> String {
        let mut s = format!("The remarks must state {} ({})", self.required_en, self.required_zh);
        if !self.services.is_empty() {
            let _ = write!(s, "; for websites offering {}", self.services.join(", "));
        }
        if !self.any_of.is_empty() {
            let _ = write!(s, "; checked by the words {}", say::list(&self.any_of));
        } else {
            s.push_str("; checked as a non-empty remark");
        }
        if let Some(n) = self.min_chars {
            let _ = write!(s, "; at least {n} characters");
        }
        s
    }

    /// Remarks left out are unknown: reported once per website however many rows ask.
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Remarks { province: p, index, website: w, text, unknown_reported, .. } = site else { return };
        let path = || format!("websites[{index}].remarks");
        let applies = self.services.is_empty() || w.services().iter().any(|s| self.services.iter().any(|x| x == s));
        if applies && w.remarks.is_absent() {
            if !**unknown_reported {
                **unknown_reported = true;
                sink.fact_missing(
                    path(),
                    WEBSITE_REMARKS_REQUIRED,
                    "网站备注是否写明管局要求的内容（无备注请填 null）",
                    "whether the remarks say what the bureau requires (null for no remarks)",
                );
            }
            return;
        }
        // An empty `any_of` asks for any remark at all; `min_chars` for a long enough one.
        let said = if self.any_of.is_empty() { !text.is_empty() } else { self.any_of.any_in(text) };
        let long_enough = self.min_chars.is_none_or(|m| text.chars().count() >= m as usize);
        if applies && !(said && long_enough) {
            sink.add_sourced(
                WEBSITE_REMARKS_REQUIRED,
                path(),
                ctx![
                    "province_zh" => p.zh, "province_en" => p.en, "required_zh" => self.required_zh.clone(), "required_en" => self.required_en.clone(),
                ],
                Some(&self.source),
            );
        }
    }
}
