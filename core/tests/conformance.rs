//! The standards' own conformance suites, run against the domain checker: UTS-46
//! `IdnaTestV2.txt` (toAsciiN with the strict flags) against `domain::normalize`, and the Public
//! Suffix List's `test_psl.txt` against `domain::parse` (the registrable domain, or a refusal for
//! `null`). Both files are read from `../shared/conformance` (or `$BEIANCHECK_SHARED/conformance`).
//!
//! Every difference must be listed, with its reason, in `tests/conformance_deviations.txt`; an
//! unlisted difference fails, and so does a listed one that no longer happens (the list stays
//! true).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::domain::{normalize, parse};
use beiancheck::Engine;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn shared() -> PathBuf {
    std::env::var_os("BEIANCHECK_SHARED").map(PathBuf::from).unwrap_or_else(|| repo().join("../shared"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{} ({e}): the conformance suites are expected at ../shared/conformance; set BEIANCHECK_SHARED", path.display())
    })
}

/// Why beiancheck may differ from a suite (explained in the deviation file's header); each
/// listed deviation names one of these.
const REASONS: &[&str] = &["root-dot", "private-section", "unicode-version"];

/// `(suite, input as written in the suite) → reason` from tests/conformance_deviations.txt.
fn deviations() -> BTreeMap<(String, String), String> {
    let path = repo().join("tests/conformance_deviations.txt");
    let mut out = BTreeMap::new();
    for (n, line) in read(&path).lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{}:{}: expected suite<TAB>input<TAB>reason", path.display(), n + 1);
        assert!(matches!(cols[0], "idna" | "psl"), "{}:{}: unknown suite {:?}", path.display(), n + 1, cols[0]);
        assert!(REASONS.contains(&cols[2]), "{}:{}: unknown reason {:?}", path.display(), n + 1, cols[2]);
        let dup = out.insert((cols[0].to_owned(), cols[1].to_owned()), cols[2].to_owned());
        assert!(dup.is_none(), "{}:{}: listed twice", path.display(), n + 1);
    }
    out
}

/// `\uXXXX` and `\x{XXXX}` escapes of IdnaTestV2.txt; `""` is the empty string.
fn unescape(s: &str) -> String {
    if s == "\"\"" {
        return String::new();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (hex, used) = if let Some(t) = tail.strip_prefix("\\u") {
            (&t[..4], 6)
        } else if let Some(t) = tail.strip_prefix("\\x{") {
            let end = t.find('}').expect("closed \\x{");
            (&t[..end], end + 4)
        } else {
            out.push('\\');
            rest = &tail[1..];
            continue;
        };
        // A lone surrogate (\uD800) cannot be in a Rust string; like any UTF-8 decoder, read it
        // as U+FFFD (the suite expects an error for those lines, and U+FFFD is disallowed).
        out.push(char::from_u32(u32::from_str_radix(hex, 16).expect("hex escape")).unwrap_or('\u{FFFD}'));
        rest = &tail[used..];
    }
    out.push_str(rest);
    out
}

/// What one suite case expects: `Ok(value)` or an error.
type Expect = Result<String, ()>;

/// Compares every case; returns the differences as `(input, what happened)`.
fn differences(cases: Vec<(String, String, Expect)>, got: impl Fn(&str) -> Result<String, String>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (raw, input, expect) in cases {
        let actual = got(&input);
        let diff = match (&expect, &actual) {
            (Ok(e), Ok(a)) if e == a => None,
            (Err(()), Err(_)) => None,
            (Ok(e), Ok(a)) => Some(format!("expected {e:?}, got {a:?}")),
            (Ok(e), Err(why)) => Some(format!("expected {e:?}, refused: {why}")),
            (Err(()), Ok(a)) => Some(format!("expected an error, accepted as {a:?}")),
        };
        if let Some(d) = diff {
            out.insert(raw, d);
        }
    }
    out
}

fn check(suite: &str, diffs: BTreeMap<String, String>, cases: usize) {
    let listed: BTreeMap<String, String> =
        deviations().into_iter().filter(|((s, _), _)| s == suite).map(|((_, input), reason)| (input, reason)).collect();
    let unlisted: Vec<String> =
        diffs.iter().filter(|(raw, _)| !listed.contains_key(*raw)).map(|(raw, d)| format!("{suite}\t{raw}\t?  ({d})")).collect();
    let stale: Vec<&String> = listed.keys().filter(|raw| !diffs.contains_key(*raw)).collect();
    println!("{suite}: {cases} cases, {} deviations, all listed: {}", diffs.len(), unlisted.is_empty());
    assert!(
        unlisted.is_empty() && stale.is_empty(),
        "{suite}: {} unlisted deviation(s) (add them to tests/conformance_deviations.txt with a reason, or fix the checker):\n{}\n\
         {} listed deviation(s) that no longer happen (remove them):\n{}",
        unlisted.len(),
        unlisted.join("\n"),
        stale.len(),
        stale.iter().map(|s| format!("{suite}\t{s}")).collect::<Vec<_>>().join("\n"),
    );
}

#[test]
fn uts46_idna_test_v2() {
    let text = read(&shared().join("conformance/IdnaTestV2.txt"));
    let mut cases = Vec::new();
    for line in text.lines() {
        let data = line.split('#').next().unwrap_or("");
        if data.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = data.split(';').map(str::trim).collect();
        assert!(cols.len() >= 5, "IdnaTestV2 line with {} columns: {line}", cols.len());
        let source = unescape(cols[0]);
        let to_unicode = if cols[1].is_empty() { source.clone() } else { unescape(cols[1]) };
        let unicode_status = cols[2];
        let ascii_n = if cols[3].is_empty() { to_unicode.clone() } else { unescape(cols[3]) };
        let status = if cols[4].is_empty() { unicode_status } else { cols[4] };
        // Every status counts, the DNS-length ones (A4_*) too: a filed name is a DNS name.
        let expect = if status.is_empty() || status == "[]" { Ok(ascii_n) } else { Err(()) };
        cases.push((cols[0].to_owned(), source, expect));
    }
    let n = cases.len();
    assert!(n > 6000, "IdnaTestV2.txt has {n} cases; expected the whole file");
    let diffs = differences(cases, |s| normalize(s).map_err(|r| format!("{} ({})", r.code, r.reason_en)));
    check("idna", diffs, n);
}

#[test]
fn public_suffix_list_test_psl() {
    let text = read(&shared().join("conformance/test_psl.txt"));
    let engine = Engine::embedded();
    let pack = engine.pack();
    let mut cases = Vec::new();
    let quoted = |s: &str| -> Option<String> { (s != "null").then(|| s.trim_matches('\'').to_owned()) };
    for line in text.lines() {
        let Some(args) = line.trim().strip_prefix("checkPublicSuffix(").and_then(|l| l.strip_suffix(");")) else { continue };
        let (input, expected) = args.split_once(", ").expect("two arguments");
        // A null input cannot be given to a function of a string.
        let Some(input) = quoted(input) else { continue };
        // The expected registrable domain in A-label form, by the idna crate itself (not by the
        // checker under test).
        let expect = match quoted(expected) {
            Some(e) => Ok(idna::domain_to_ascii(&e).expect("the suite's expected names are valid")),
            None => Err(()),
        };
        cases.push((input.clone(), input, expect));
    }
    let n = cases.len();
    assert!(n > 50, "test_psl.txt has {n} cases; expected the whole file");
    let diffs = differences(cases, |s| parse(&pack, s).map(|p| p.registrable).map_err(|r| format!("{} ({})", r.code, r.reason_en)));
    check("psl", diffs, n);
}

#[test]
fn deviation_reasons_are_explained_in_the_file() {
    // The file's header explains each reason key the entries use.
    let text = read(&repo().join("tests/conformance_deviations.txt"));
    let used: BTreeSet<String> = deviations().into_values().collect();
    for key in used {
        assert!(text.lines().any(|l| l.starts_with('#') && l.contains(&format!("{key}:"))), "reason {key} is not explained in the header");
    }
}
