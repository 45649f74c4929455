//! A word list from the rule pack, searched in one pass.
//!
//! Name, remark and keyword rules ask "which of these words does this text contain?". A
//! substring search per word builds a searcher per call (it was a fifth of a check); here the
//! list compiles once, on first use, into one Aho-Corasick automaton and every text is scanned
//! once. Answers are in list order, as the per-word loop gave them.
use aho_corasick::AhoCorasick;
use once_cell::sync::OnceCell;
use serde::{Deserialize, Serialize};
use std::ops::Deref;

#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(from = "Vec<String>", into = "Vec<String>")]
pub struct Words {
    list: Vec<String>,
    /// Over the words as written.
    exact: OnceCell<Compiled>,
    /// Over the lower-cased words, for texts lower-cased by the caller.
    lower: OnceCell<Compiled>,
}

/// An automaton over the non-empty words, and each pattern's index in the list (pack
/// validation refuses empty words; a list built in Rust may still have one, and an empty
/// pattern would match everywhere).
#[derive(Clone)]
struct Compiled {
    automaton: AhoCorasick,
    index: Vec<usize>,
}

impl From<Vec<String>> for Words {
    fn from(list: Vec<String>) -> Self {
        Words { list, exact: OnceCell::new(), lower: OnceCell::new() }
    }
}

impl From<Words> for Vec<String> {
    fn from(w: Words) -> Self {
        w.list
    }
}

impl Deref for Words {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.list
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.list.fmt(f)
    }
}

#[allow(clippy::expect_used, reason = "AhoCorasick::new fails only past about 2^31 patterns or states: gigabytes of words")]
fn build<'a>(words: impl IntoIterator<Item = &'a str>) -> Compiled {
    let (index, patterns): (Vec<usize>, Vec<&str>) = words.into_iter().enumerate().filter(|(_, w)| !w.is_empty()).unzip();
    let automaton = AhoCorasick::new(patterns).expect("a word list of the pack's size always compiles");
    Compiled { automaton, index }
}

impl Words {
    fn exact(&self) -> &Compiled {
        self.exact.get_or_init(|| build(self.list.iter().map(String::as_str)))
    }

    /// Every word of the list that occurs in `text`, each once, in list order.
    pub fn found_in<'s>(&'s self, text: &str) -> impl Iterator<Item = &'s str> + 's {
        let mut hit = vec![false; if text.is_empty() { 0 } else { self.list.len() }];
        if !text.is_empty() && !self.list.is_empty() {
            let c = self.exact();
            for m in c.automaton.find_overlapping_iter(text) {
                hit[c.index[m.pattern().as_usize()]] = true;
            }
        }
        self.list.iter().zip(hit).filter(|(_, h)| *h).map(|(w, _)| w.as_str())
    }

    /// The first word of the list (in list order) that occurs in `text`.
    pub fn first_in(&self, text: &str) -> Option<&str> {
        if text.is_empty() || self.list.is_empty() {
            return None;
        }
        let c = self.exact();
        c.automaton.find_overlapping_iter(text).map(|m| c.index[m.pattern().as_usize()]).min().map(|i| self.list[i].as_str())
    }

    /// Whether any word occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        !text.is_empty() && !self.list.is_empty() && self.exact().automaton.is_match(text)
    }

    /// Whether any word (lower-cased) occurs in `lowered` at a position `skip` does not veto
    /// (a negation before it: 不涉及金融).
    pub fn mentioned_in(&self, lowered: &str, skip: impl Fn(usize) -> bool) -> bool {
        if lowered.is_empty() || self.list.is_empty() {
            return false;
        }
        let ac = self.lower.get_or_init(|| {
            let lowered: Vec<String> = self.list.iter().map(|w| w.to_lowercase()).collect();
            build(lowered.iter().map(String::as_str))
        });
        ac.automaton.find_overlapping_iter(lowered).any(|m| !skip(m.start()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn w(list: &[&str]) -> Words {
        Words::from(list.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }
    /// The per-word loops these replace, as the reference.
    #[test]
    fn agrees_with_a_substring_search_per_word() {
        let words = w(&["中国", "中华", "国家", "华人", "CCTV", "a"]);
        for text in ["", "中华人民共和国家", "国家中国", "我的博客", "cctv中华", "CCTV", "banana"] {
            let want: Vec<&str> = words.iter().filter(|x| text.contains(x.as_str())).map(String::as_str).collect();
            assert_eq!(words.found_in(text).collect::<Vec<_>>(), want, "{text}");
            assert_eq!(words.first_in(text), want.first().copied(), "{text}");
            assert_eq!(words.any_in(text), !want.is_empty(), "{text}");
        }
        assert!(words.mentioned_in("cctv中华", |_| false));
        assert!(!words.mentioned_in("cctv", |at| at == 0));
        assert!(!w(&[]).any_in("x") && w(&[]).first_in("x").is_none());
        // An empty word (refused in packs) matches nothing, even in hostile text.
        let e = w(&["", "博客"]);
        assert_eq!(e.found_in("\u{0}\u{0}never 博客").collect::<Vec<_>>(), ["博客"]);
        assert!(!e.mentioned_in("abc", |_| false));
        let back: Vec<String> = serde_json::from_str::<Words>(r#"["x","y"]"#).unwrap().into();
        assert_eq!(back, ["x", "y"]);
    }
}
