//! The 31 provinces and their own rules, as typed rows of rules/provinces.json. Each family's
//! module (domain, subject, website …) reads the rows of its kind; this module only knows their
//! shape and which filings they apply to.
use crate::pack::error::PackError;
use serde::Deserialize;

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Province {
    /// Two-letter code (`SH`).
    pub code: String,
    /// The abbreviation in filing numbers (`沪`).
    pub abbr: String,
    pub zh: String,
    pub zh_full: String,
    pub en: String,
    /// GB/T 2260 prefix of IDs and credit codes registered here (`31`).
    pub area_prefix: String,
    pub source: String,
    pub bureau_review_days: Sourced<[u32; 2]>,
    #[serde(default)]
    pub rules: Vec<ProvinceRule>,
    /// The report's timeline for this province, built on first use and shared.
    #[serde(skip)]
    pub(crate) timeline: once_cell::sync::OnceCell<std::sync::Arc<crate::report::SharedTimeline>>,
    /// Every keyword of the province's pre-approval rows in one automaton, built on first use.
    #[serde(skip)]
    keywords: once_cell::sync::OnceCell<ProvinceKeywords>,
}

/// The keywords of all `PreApprovalKeywords` rows of a province (lower-cased), each pattern
/// tagged with its row's index in `Province::rules`: a text is scanned once for all rows.
#[derive(Debug, Clone)]
pub(crate) struct ProvinceKeywords {
    automaton: aho_corasick::AhoCorasick,
    row_of: Vec<usize>,
}

impl Province {
    /// For each row of `rules`, whether `lowered` mentions one of its keywords at a position
    /// `skip` does not veto (a negation before it). Rows of other kinds are never hit.
    pub(crate) fn keyword_rows_hit(&self, lowered: &str, skip: impl Fn(usize) -> bool) -> Vec<bool> {
        let mut hit = vec![false; self.rules.len()];
        if lowered.is_empty() {
            return hit;
        }
        let k = self.keywords.get_or_init(|| {
            let mut words = Vec::new();
            let mut row_of = Vec::new();
            for (i, r) in self.rules.iter().enumerate() {
                if let ProvinceRule::PreApprovalKeywords(k) = r {
                    for w in k.keywords.iter().filter(|w| !w.is_empty()) {
                        words.push(w.to_lowercase());
                        row_of.push(i);
                    }
                }
            }
            #[allow(clippy::expect_used, reason = "AhoCorasick::new fails only past about 2^31 patterns or states: gigabytes of words")]
            let automaton = aho_corasick::AhoCorasick::new(&words).expect("a keyword list of the pack's size always compiles");
            ProvinceKeywords { automaton, row_of }
        });
        if k.row_of.is_empty() {
            return hit;
        }
        for m in k.automaton.find_overlapping_iter(lowered) {
            let row = k.row_of[m.pattern().as_usize()];
            if !hit[row] && !skip(m.start()) {
                hit[row] = true;
            }
        }
        hit
    }
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub range: T,
    pub source: String,
}

pub use crate::pack::scope::AppliesTo;

pub use crate::pack::materials::MaterialRow;
pub use crate::pack::scope::Holder;
pub use crate::rules::domain::reserved_words::Word;
pub use crate::rules::registry::{KindInfo, ProvinceRule, KINDS};
pub use crate::rules::subject::distinct_numbers::DistinctScope;
pub use crate::rules::subject::non_local_id::NonLocalPolicy;
pub use crate::rules::subject::subject_owner::OwnerPolicy;

impl ProvinceRule {
    /// A row recording another provider's rule (reference/others/): data for a future provider
    /// profile, never one of Tencent's checks (reference/README.md rule 4).
    pub fn is_other_provider(&self) -> bool {
        self.source().starts_with("others/")
    }
    pub fn applies(&self, personal: bool) -> bool {
        self.applies_to().contains(if personal { &AppliesTo::Personal } else { &AppliesTo::Organization })
    }
}

impl Province {
    pub(crate) fn validate(&self, at: &str) -> Result<(), PackError> {
        let bad = |field: &str, msg: &str| PackError { path: format!("{at}.{field}"), message: msg.to_owned() };
        if self.code.len() != 2 || !self.code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad("code", "must be two upper-case letters"));
        }
        if self.area_prefix.len() != 2 || !self.area_prefix.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("area_prefix", "must be two digits"));
        }
        if self.abbr.chars().count() != 1 {
            return Err(bad("abbr", "must be one character"));
        }
        let [lo, hi] = self.bureau_review_days.range;
        if lo > hi {
            return Err(bad("bureau_review_days.range", "low end above high end"));
        }
        // Each row's key once (comparing every pair would format each key n times).
        let keys: Vec<Option<String>> = self.rules.iter().map(ProvinceRule::repeat_key).collect();
        for (i, r) in self.rules.iter().enumerate() {
            let here = format!("rules[{i}]");
            if r.source().trim().is_empty() {
                return Err(bad(&format!("{here}.source"), "every rule names its source"));
            }
            if r.choice().is_some_and(|c| c.trim().is_empty()) {
                return Err(bad(&format!("{here}.choice"), "an empty choice says nothing: leave it out"));
            }
            if r.applies_to().is_empty() {
                return Err(bad(&format!("{here}.applies_to"), "must name personal and/or organization"));
            }
            if let ProvinceRule::Material(m) = r {
                crate::pack::materials::validate_row(m, &format!("{at}.{here}"))?;
            }
            r.validate_fields().map_err(|(field, msg)| bad(&format!("{here}.{field}"), &msg))?;
            // Two rows of one kind for the same filings would contradict each other, unless the
            // kind may repeat with a different key (materials, word lists, scopes, notes …).
            for (j, other) in self.rules[..i].iter().enumerate() {
                let clash = other.kind() == r.kind()
                    && other.applies_to().iter().any(|a| r.applies_to().contains(a))
                    && match (&keys[j], &keys[i]) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    };
                if clash {
                    return Err(bad(&here, &format!("a second {} rule for the same filings (contradictory rows)", r.kind())));
                }
            }
        }
        Ok(())
    }
}
