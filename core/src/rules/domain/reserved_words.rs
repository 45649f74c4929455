//! `domain_reserved_words`: the registrable label may not contain these words unless the
//! subject is of an exempt kind.
use crate::codes::DOMAIN_RESERVED_WORD;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;

/// The registrable label may not contain these words unless the subject is of an exempt kind.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DomainReservedWords {
    pub applies_to: Vec<AppliesTo>,
    pub words: Vec<Word>,
    pub exempt_kinds: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for DomainReservedWords {
    const CODE: Option<&'static str> = Some(DOMAIN_RESERVED_WORD);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.words.is_empty() || self.words.iter().any(|x| x.word.trim().is_empty() || x.en.trim().is_empty()) {
            return Err(("words", "needs at least one word, each with its English".into()));
        }
        check::known("exempt_kinds", &self.exempt_kinds, crate::vocab::SUBJECT_KINDS)
    }

    fn statement(&self) -> String {
        let ws: Vec<String> = self.words.iter().map(|x| format!("{} ({})", x.word, x.en)).collect();
        format!("The domain's label may not contain {} unless the subject is {}", ws.join(", "), self.exempt_kinds.join(" or "))
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::DomainName(d) = site else { return };
        if d.subject_kind.is_some_and(|k| self.exempt_kinds.iter().any(|e| e == k)) {
            return;
        }
        let label_u = (d.to_unicode)(d.label);
        for w in &self.words {
            if label_u.contains(&w.word) {
                sink.add_sourced(
                    DOMAIN_RESERVED_WORD,
                    d.path,
                    ctx!["word" => w.word.clone(), "word_en" => w.en.clone(), "province_zh" => d.province.zh, "province_en" => d.province.en],
                    Some(&self.source),
                );
            }
        }
    }
}

/// A reserved word and its English.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Word {
    pub word: String,
    pub en: String,
}
