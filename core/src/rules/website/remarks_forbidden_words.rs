//! `remarks_forbidden_words`: words the website remarks may not contain (Guizhou).
use crate::codes::WEBSITE_SERVICE_NOT_ALLOWED;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::pack::words::Words;
use crate::report::sink::Sink;
use crate::rules::registry::{check, say, RowKind};
use crate::rules::site::Site;
use crate::vocab;
use serde::Deserialize;

/// The website remarks may not contain these words (Guizhou: personal remarks may not
/// mention 论坛/博客).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct RemarksForbiddenWords {
    pub applies_to: Vec<AppliesTo>,
    pub words: Words,
    #[serde(default)]
    pub reason_zh: Option<String>,
    #[serde(default)]
    pub reason_en: Option<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for RemarksForbiddenWords {
    const CODE: Option<&'static str> = Some(WEBSITE_SERVICE_NOT_ALLOWED);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::words("words", &self.words)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(self.words.join("|"))
    }

    fn statement(&self) -> String {
        let mut s = format!("The remarks may not contain {}", say::list(&self.words));
        say::reason(&mut s, &self.reason_zh, &self.reason_en);
        s
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Remarks { province: p, index, text, subject_kind, .. } = site else { return };
        if let Some(word) = self.words.first_in(text) {
            let kind = subject_kind.unwrap_or("");
            sink.add_sourced(
                WEBSITE_SERVICE_NOT_ALLOWED,
                format!("websites[{index}].remarks"),
                ctx![
                    "service" => word, "subject_zh" => vocab::subject_kind_zh(kind), "subject_en" => vocab::subject_kind_en(kind),
                    "reason_zh" => self.reason_zh.clone().unwrap_or_else(|| format!("{}管局不接受网站备注提及“{word}”", p.zh)),
                    "reason_en" => self.reason_en.clone().unwrap_or_else(|| format!("the {} bureau refuses remarks that mention \"{word}\"", p.en)),
                ],
                Some(&self.source),
            );
        }
    }
}
