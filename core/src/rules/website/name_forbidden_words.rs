//! `website_name_forbidden_words`: words a website name may not contain in the province.
use crate::codes::WEBSITE_NAME_RESERVED_WORD;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::pack::words::Words;
use crate::report::sink::Sink;
use crate::rules::registry::{check, say, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;
use std::fmt::Write;

/// Website names may not contain these words (subjects of `exempt_kinds` may).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct WebsiteNameForbiddenWords {
    pub applies_to: Vec<AppliesTo>,
    pub words: Words,
    #[serde(default)]
    pub exempt_kinds: Vec<String>,
    #[serde(default)]
    pub reason_zh: Option<String>,
    #[serde(default)]
    pub reason_en: Option<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for WebsiteNameForbiddenWords {
    const CODE: Option<&'static str> = Some(WEBSITE_NAME_RESERVED_WORD);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::words("words", &self.words)?;
        check::known("exempt_kinds", &self.exempt_kinds, crate::vocab::SUBJECT_KINDS)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(self.words.join("|"))
    }

    fn statement(&self) -> String {
        let mut s = format!("The website name may not contain {}", say::list(&self.words));
        if !self.exempt_kinds.is_empty() {
            let _ = write!(s, " (except subjects of kind {})", self.exempt_kinds.join(", "));
        }
        say::reason(&mut s, &self.reason_zh, &self.reason_en);
        s
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::WebsiteName { index, name, subject_kind, .. } = site else { return };
        if subject_kind.is_some_and(|k| self.exempt_kinds.iter().any(|e| e == k)) {
            return;
        }
        for w in self.words.found_in(name) {
            sink.add_sourced(
                WEBSITE_NAME_RESERVED_WORD,
                format!("websites[{index}].name"),
                ctx!["name" => *name, "word" => w],
                Some(&self.source),
            );
        }
    }
}
