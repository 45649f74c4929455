//! Province notes a filer should read (issue 19 step 3): which `note` rows of provinces.json
//! the report shows, grouped in topics with a stable code. A topic names the words its rows'
//! Chinese text contains and the filing types it concerns; the rows stay as they are
//! (province.rs), and every topic must select at least one Tencent row (checked at load).
use crate::pack::province::{Province, ProvinceRule};
use crate::pack::sources::SourceDoc;
use crate::pack::PackError;
use serde::Deserialize;
use std::sync::Arc;

/// One topic of provinces.json `report_notes`.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct NoteTopic {
    /// Stable, `NOTE_` + SCREAMING_SNAKE.
    pub code: String,
    /// A note row belongs to the topic when its `zh` contains one of these.
    pub zh_contains: Vec<String>,
    /// The filing types it concerns; empty: every filing.
    #[serde(default)]
    pub filing_types: Vec<String>,
    /// Why a filer should read these rows (for the rules reference and reviewers).
    pub why: String,
}

pub use crate::report::NoteItem;

/// A note row of one province selected by a topic, ready for reports.
#[derive(Debug, Clone)]
pub struct ProvinceNote {
    pub personal: bool,
    pub organization: bool,
    pub filing_types: Vec<String>,
    pub item: Arc<NoteItem>,
}

fn err(path: impl Into<String>, message: impl Into<String>) -> PackError {
    PackError { path: path.into(), message: message.into() }
}

/// The notes of each province (in `provinces` order), each row once under the first topic
/// that selects it; Tencent's rows only (others/ rows are another provider's).
pub(crate) fn select(
    topics: &[NoteTopic],
    provinces: &[Province],
    doc: impl Fn(&str) -> Option<Arc<SourceDoc>>,
) -> Result<Vec<Vec<ProvinceNote>>, PackError> {
    let mut used = vec![false; topics.len()];
    for (i, t) in topics.iter().enumerate() {
        let at = format!("provinces.report_notes[{i}]");
        let c = &t.code;
        if !c.starts_with("NOTE_") || !c.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') {
            return Err(err(format!("{at}.code"), "NOTE_ followed by SCREAMING_SNAKE"));
        }
        if topics[..i].iter().any(|o| o.code == *c) {
            return Err(err(format!("{at}.code"), format!("{c} is used twice")));
        }
        if t.zh_contains.is_empty() || t.zh_contains.iter().any(|w| w.trim().is_empty()) {
            return Err(err(format!("{at}.zh_contains"), "at least one word, none empty"));
        }
        if let Some(f) = t.filing_types.iter().find(|f| !crate::vocab::FILING_TYPES.contains(&f.as_str())) {
            return Err(err(format!("{at}.filing_types"), format!("unknown filing type {f}")));
        }
        if t.why.trim().is_empty() {
            return Err(err(format!("{at}.why"), "must not be empty"));
        }
    }
    let mut out = Vec::with_capacity(provinces.len());
    for p in provinces {
        let mut notes = Vec::new();
        for r in &p.rules {
            let ProvinceRule::Note(note) = r else { continue };
            let (applies_to, zh, en, source) = (&note.applies_to, &note.zh, &note.en, &note.source);
            if r.is_other_provider() {
                continue;
            }
            let Some(ti) = topics.iter().position(|t| t.zh_contains.iter().any(|w| zh.contains(w.as_str()))) else { continue };
            used[ti] = true;
            let d = doc(source)
                .ok_or_else(|| err(format!("provinces.{}.rules", p.code), format!("the citation \"{source}\" names no document")))?;
            use crate::pack::scope::AppliesTo;
            notes.push(ProvinceNote {
                personal: applies_to.contains(&AppliesTo::Personal),
                organization: applies_to.contains(&AppliesTo::Organization),
                filing_types: topics[ti].filing_types.clone(),
                item: Arc::new(NoteItem {
                    code: topics[ti].code.as_str().into(),
                    zh: zh.as_str().into(),
                    en: en.as_str().into(),
                    source: source.as_str().into(),
                    title: d.title.clone(),
                    url: d.url.clone(),
                }),
            });
        }
        out.push(notes);
    }
    if let Some(i) = used.iter().position(|u| !u) {
        return Err(err(format!("provinces.report_notes[{i}].zh_contains"), "selects no Tencent note row (a typo?)"));
    }
    Ok(out)
}

/// The notes of a province a filer should read in this case: the row binds the filing
/// (personal or organisation) and the topic concerns its filing type (unknown filing type:
/// only topics of every filing).
pub fn for_case<'a>(notes: &'a [ProvinceNote], personal: bool, filing_type: Option<&str>) -> impl Iterator<Item = &'a Arc<NoteItem>> + 'a {
    let ft = filing_type.map(str::to_owned);
    notes
        .iter()
        .filter(move |n| {
            (if personal { n.personal } else { n.organization })
                && (n.filing_types.is_empty() || ft.as_deref().is_some_and(|t| n.filing_types.iter().any(|f| f == t)))
        })
        .map(|n| &n.item)
}
