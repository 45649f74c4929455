//! The fast domain path (one byte pass for plain LDH names, the pack's FxHash suffix trie,
//! the compact `DomainCheck`) against the full path it replaced (UTS-46 ToASCII on every name,
//! `publicsuffix::IcannList` parsed from the same PSL text): the same normalised name,
//! registrable domain, suffix and TLD, or the same refusal, on bench/compare.py's mix (its first
//! 5,000 names, tests/data/compare_mix_names.txt) and on every input of the conformance suites;
//! and the codes-only check gives the verdict and codes of the rendered one.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::domain::{check_name, check_name_codes, normalize, split, DomainQuery};
use beiancheck::Engine;
use publicsuffix::Psl;
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    std::env::var_os("BEIANCHECK_SHARED").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
}

fn unescape(s: &str) -> String {
    // \uXXXX and \x{…} as IdnaTestV2.txt writes them.
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let r = &rest[i..];
        if let Some(hex) = r.strip_prefix("\\u").and_then(|h| h.get(..4)) {
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                out.push(c);
                rest = &r[6..];
                continue;
            }
        }
        if let Some(h) = r.strip_prefix("\\x{") {
            if let Some(end) = h.find('}') {
                if let Some(c) = u32::from_str_radix(&h[..end], 16).ok().and_then(char::from_u32) {
                    out.push(c);
                    rest = &h[end + 1..];
                    continue;
                }
            }
        }
        out.push('\\');
        rest = &r[1..];
    }
    out.push_str(rest);
    out
}

fn names() -> Vec<String> {
    let mut out: Vec<String> = include_str!("data/compare_mix_names.txt").lines().map(str::to_owned).collect();
    assert_eq!(out.len(), 5000);
    let psl = std::fs::read_to_string(shared().join("conformance/test_psl.txt")).expect("../shared/conformance/test_psl.txt");
    for l in psl.lines() {
        if let Some(rest) = l.trim().strip_prefix("checkPublicSuffix('") {
            out.push(rest.split('\'').next().unwrap().to_owned());
        }
    }
    let idna = std::fs::read_to_string(shared().join("conformance/IdnaTestV2.txt")).expect("../shared/conformance/IdnaTestV2.txt");
    for l in idna.lines() {
        let l = l.split('#').next().unwrap().trim();
        if !l.is_empty() {
            out.push(unescape(l.split(';').next().unwrap().trim()));
        }
    }
    // Upper case, trailing dots and the IP-shaped names the byte pass must hand on.
    for x in
        ["EXAMPLE.COM", "Example.Com.", "example.com..", "1.2.3.4", "1.2.3.4.", "a.1", "0x1.com", "XN--FIQS8S", "Xn--fsqu00a.xn--fiqs8s"]
    {
        out.push(x.to_owned());
    }
    out
}

/// The full path: what `domain::parse` did before the fast path.
fn full(list: &publicsuffix::IcannList, input: &str) -> Result<(String, String, String, String), (&'static str, String)> {
    let ascii = normalize(input).map_err(|r| (r.code, r.reason_en))?;
    let tld = ascii.rsplit('.').next().unwrap_or("").to_owned();
    if tld.bytes().all(|b| b.is_ascii_digit()) {
        return Err(("DOMAIN_NOT_REGISTRABLE", "the last label is numeric".into()));
    }
    let Some(domain) = list.domain(ascii.as_bytes()) else {
        let en = if ascii.contains('.') || list.suffix(ascii.as_bytes()).is_some_and(|s| s.is_known()) {
            "a public suffix, not a registered domain"
        } else {
            "a single label is not a domain"
        };
        return Err(("DOMAIN_NOT_REGISTRABLE", en.into()));
    };
    let registrable = String::from_utf8_lossy(domain.as_bytes()).into_owned();
    let suffix = String::from_utf8_lossy(domain.suffix().as_bytes()).into_owned();
    Ok((ascii, registrable, suffix, tld))
}

#[test]
fn fast_path_agrees_with_the_full_path() {
    let pack = Engine::embedded().pack();
    let list: publicsuffix::IcannList = pack.psl.text().parse().unwrap();
    let names = names();
    assert!(names.len() > 11_000, "{} names", names.len());
    let mut differ = Vec::new();
    for n in &names {
        let fast = split(&pack, n).map(|s| (s.ascii.to_string(), s.registrable().to_owned(), s.suffix().to_owned(), s.tld().to_owned()));
        let fast = fast.map_err(|r| (r.code, r.reason_en));
        let slow = full(&list, n);
        if fast != slow {
            differ.push(format!("{n:?}: fast {fast:?}, full {slow:?}"));
        }
    }
    assert!(differ.is_empty(), "{} differences, e.g.\n{}", differ.len(), differ[..differ.len().min(20)].join("\n"));
}

#[test]
fn codes_only_check_agrees_with_the_rendered_one() {
    let pack = Engine::embedded().pack();
    let queries = [
        DomainQuery::default(),
        DomainQuery { subject_kind: Some("enterprise".into()), province: Some("SH".into()) },
        DomainQuery { subject_kind: Some("individual".into()), province: Some("BJ".into()) },
        DomainQuery { subject_kind: Some("government".into()), province: Some("nowhere".into()) },
        DomainQuery { subject_kind: Some("alien".into()), province: None },
    ];
    for n in names().iter().step_by(3) {
        for q in &queries {
            let full = check_name(&pack, n, q);
            let lean = check_name_codes(&pack, n, q);
            assert_eq!(full.verdict, lean.verdict, "{n:?} {q:?}");
            assert_eq!(full.codes().collect::<Vec<_>>(), lean.codes().collect::<Vec<_>>(), "{n:?} {q:?}");
            assert_eq!(full.registrable(), lean.registrable(), "{n:?}");
            assert!(lean.findings.is_empty());
            let report = full.report(&pack);
            assert_eq!(report.registrable.as_deref(), lean.registrable(), "{n:?}");
            assert_eq!(report.tld_status, lean.tld_status.map(|s| s.as_str()), "{n:?}");
        }
    }
}
