//! Domain rules: what may be filed as a website's domain.
//!
//! Sources: reference/domain/facts.md (normalisation, PSL, TLDs, .cn second-level table),
//! tencent/facts.md §3 (registration facts), province rows in rules/provinces.json.
//! Every comparison is made on the UTS-46 ToASCII, lower-case form, so `例子.中国`,
//! `xn--fsqu00a.xn--fiqs8s`, `例子。中国` and `EXAMPLE.COM` are treated alike (domain/facts.md §5.8).
pub mod allowed_tlds;
pub mod owner_is_subject;
pub mod reserved_words;
pub mod validity_min_months;

use crate::codes::*;
use crate::ctx;
use crate::dates;
use crate::input::model::{DomainFacts, Fact, Website};
use crate::pack::province::{Province, ProvinceRule};
use crate::pack::{Pack, ReservedSuffix, TldRow, TldStatus};
use crate::report::sink::Sink;
use crate::rules::registry::ask;
use crate::rules::site::{DomainName, Site};
use crate::rules::Cx;
use crate::text::name_key;
use crate::vocab;
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use serde::Serialize;
use std::borrow::Cow;
use std::net::IpAddr;

/// A domain split into its parts, all in A-label form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The whole name, normalised.
    pub ascii: String,
    /// The registrable domain (what is filed), e.g. `example.com.cn`.
    pub registrable: String,
    /// The public suffix, e.g. `com.cn`.
    pub suffix: String,
    /// The last label, e.g. `cn`.
    pub tld: String,
}

impl Parsed {
    /// The registrable domain's own label (`example` of `www.example.com.cn`).
    pub fn label(&self) -> &str {
        self.registrable.split('.').next().unwrap_or("")
    }
}

/// Why a name is not a domain that can be filed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub code: &'static str,
    pub reason_en: String,
    pub reason_zh: String,
}

fn reject(code: &'static str, en: impl Into<String>, zh: impl Into<String>) -> Rejection {
    Rejection { code, reason_en: en.into(), reason_zh: zh.into() }
}

/// Normalises and splits a domain. Only syntax and the suffix list decide here; eligibility
/// rules come after.
pub fn parse(pack: &Pack, input: &str) -> Result<Parsed, Rejection> {
    split(pack, input).map(|s| s.to_parsed())
}

/// A domain split into its parts: one A-label string, borrowed from the input when the input
/// is already lower-case LDH, and where its registrable part, suffix and TLD start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The whole name, normalised.
    pub ascii: Cow<'a, str>,
    registrable_at: usize,
    suffix_at: usize,
    tld_at: usize,
}

impl<'a> Split<'a> {
    /// The registrable domain (what is filed), e.g. `example.com.cn`.
    pub fn registrable(&self) -> &str {
        &self.ascii[self.registrable_at..]
    }
    /// The public suffix, e.g. `com.cn`.
    pub fn suffix(&self) -> &str {
        &self.ascii[self.suffix_at..]
    }
    /// The last label, e.g. `cn`.
    pub fn tld(&self) -> &str {
        &self.ascii[self.tld_at..]
    }
    /// The owned form the application rules keep.
    pub fn to_parsed(&self) -> Parsed {
        Parsed {
            ascii: self.ascii.clone().into_owned(),
            registrable: self.registrable().to_owned(),
            suffix: self.suffix().to_owned(),
            tld: self.tld().to_owned(),
        }
    }
    /// The same split, owning its string.
    pub fn into_owned(self) -> Split<'static> {
        Split { ascii: Cow::Owned(self.ascii.into_owned()), ..self }
    }
}

/// [`parse`] without copying: the name is classified in one pass over its bytes, and only a
/// name that is not plain LDH ASCII (non-ASCII, an `xn--` label, anything IDNA or the syntax
/// rules would refuse or change other than by case) goes through [`normalize`].
pub fn split<'a>(pack: &Pack, input: &'a str) -> Result<Split<'a>, Rejection> {
    let ascii = match ldh_ascii(input) {
        Some(a) => a,
        None => Cow::Owned(normalize(input)?),
    };
    let tld_at = ascii.rfind('.').map_or(0, |i| i + 1);
    if ascii.as_bytes()[tld_at..].iter().all(|b| b.is_ascii_digit()) {
        return Err(reject(DOMAIN_NOT_REGISTRABLE, "the last label is numeric", "顶级域为纯数字"));
    }
    let Some((registrable_len, suffix)) = pack.psl.domain(ascii.as_bytes()) else {
        let (en, zh) = if ascii.contains('.') || pack.psl.suffix(ascii.as_bytes()).known {
            ("a public suffix, not a registered domain", "这是公共后缀，不是注册域名")
        } else {
            ("a single label is not a domain", "单个标签不是域名")
        };
        return Err(reject(DOMAIN_NOT_REGISTRABLE, en, zh));
    };
    let len = ascii.len();
    Ok(Split { registrable_at: len - registrable_len, suffix_at: len - suffix.len, tld_at, ascii })
}

/// The normalised form of a name that needs no IDNA: plain LDH ASCII labels (upper case is
/// lower-cased) that pass every syntax rule, at most one trailing dot, no `xn--` or other
/// `??--` label, and a last label that is not numeric (so not an IP address either). None
/// sends the name through [`normalize`], which gives the same answer for these names and the
/// reason for every other.
fn ldh_ascii(input: &str) -> Option<Cow<'_, str>> {
    let b = input.as_bytes();
    let s = b.strip_suffix(b".").unwrap_or(b);
    if s.is_empty() || s.len() > 253 {
        return None;
    }
    let label_ok = |l: &[u8]| {
        !l.is_empty() && l.len() <= 63 && l[0] != b'-' && l[l.len() - 1] != b'-' && !(l.len() >= 4 && l[2] == b'-' && l[3] == b'-')
    };
    let mut upper = false;
    let mut start = 0;
    for (i, &c) in s.iter().enumerate() {
        match c {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => {}
            b'A'..=b'Z' => upper = true,
            b'.' => {
                if !label_ok(&s[start..i]) {
                    return None;
                }
                start = i + 1;
            }
            _ => return None,
        }
    }
    let last = &s[start..];
    if !label_ok(last) || last.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let s = &input[..s.len()];
    Some(if upper { Cow::Owned(s.to_ascii_lowercase()) } else { Cow::Borrowed(s) })
}

/// The name's A-label, lower-case form, or why it is not a domain name: UTS-46 ToASCII with
/// nontransitional processing, CheckHyphens, CheckBidi, CheckJoiners, STD3 rules and DNS lengths
/// (domain/facts.md §5; tests/conformance_deviations.txt lists where this differs from the
/// UTS-46 and PSL suites, e.g. the one trailing root dot it drops). No suffix list here: this is
/// the syntax step of [`parse`], and what the IDNA conformance suite runs against.
pub fn normalize(input: &str) -> Result<String, Rejection> {
    let t = input.trim();
    if t.is_empty() {
        return Err(reject(DOMAIN_INVALID, "the name is empty", "域名为空"));
    }
    let bare = t.trim_start_matches('[').trim_end_matches(']');
    // Only something made of hex digits, dots and colons can be an IP address.
    if bare.bytes().all(|b| b.is_ascii_hexdigit() || b == b'.' || b == b':') && bare.parse::<IpAddr>().is_ok() {
        return Err(reject(DOMAIN_NOT_REGISTRABLE, "an IP address", "这是 IP 地址"));
    }
    if t.contains("://") || t.contains(['/', '@', '?', '#', ':']) || t.chars().any(char::is_whitespace) {
        return Err(reject(
            DOMAIN_INVALID,
            "give the bare domain, without scheme, path, port or spaces",
            "只填写域名本身，不要带协议、路径、端口或空格",
        ));
    }
    // One trailing root dot (any of the dots UTS-46 maps to '.') is allowed and dropped.
    let t = t.strip_suffix(['.', '。', '．', '｡']).unwrap_or(t);
    let uts46 = Uts46::new();
    let to_ascii = |hyphens| uts46.to_ascii(t.as_bytes(), AsciiDenyList::EMPTY, hyphens, DnsLength::Ignore);
    // CheckHyphens applies to the Unicode labels (例子-.cn) and to what an A-label decodes to
    // (xn--xn--…), which the A-label form alone cannot show.
    let ascii = match to_ascii(Hyphens::Check) {
        Ok(a) => a.into_owned(),
        Err(_) => {
            // Without the hyphen check: an A-label-level reason (check_syntax) is more precise
            // than the crate's bare "error"; if there is none, the hyphens were the problem.
            let Ok(lax) = to_ascii(Hyphens::Allow) else {
                return Err(reject(
                    DOMAIN_INVALID,
                    "not a valid internationalised name (bad punycode or a character IDNA does not allow)",
                    "不是有效的国际化域名（punycode 错误或含有不允许的字符）",
                ));
            };
            check_syntax(&lax)?;
            return Err(reject(
                DOMAIN_INVALID,
                "a label starts or ends with a hyphen, or has hyphens in its 3rd and 4th positions (in its Unicode form)",
                "有标签（按其中文等 Unicode 形式）以连字符开头或结尾，或第 3、4 位为连字符",
            ));
        }
    };
    check_syntax(&ascii)?;
    Ok(ascii)
}

/// LDH and length rules on the A-label form (RFC 1035/5891), with a reason a filer can act on;
/// `idna` itself only says "error" (domain/facts.md §5.1).
fn check_syntax(ascii: &str) -> Result<(), Rejection> {
    if ascii.len() > 253 {
        return Err(reject(
            DOMAIN_INVALID,
            format!("{} characters long; at most 253 are allowed", ascii.len()),
            format!("长度 {} 超过 253 个字符", ascii.len()),
        ));
    }
    for label in ascii.split('.') {
        if label.is_empty() {
            return Err(reject(DOMAIN_INVALID, "an empty label (two dots in a row)", "含有空标签（连续的点）"));
        }
        if label.len() > 63 {
            return Err(reject(
                DOMAIN_INVALID,
                format!("the label \"{label}\" is longer than 63 characters"),
                format!("标签“{label}”超过 63 个字符"),
            ));
        }
        if let Some(c) = label.chars().find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')) {
            return Err(reject(
                DOMAIN_INVALID,
                format!("the character '{c}' is not allowed (letters, digits, hyphens and Chinese characters only)"),
                format!("不允许字符“{c}”（只能用字母、数字、连字符和汉字）"),
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(reject(
                DOMAIN_INVALID,
                format!("the label \"{label}\" starts or ends with a hyphen"),
                format!("标签“{label}”以连字符开头或结尾"),
            ));
        }
        if label.get(2..4) == Some("--") && !label.starts_with("xn--") {
            return Err(reject(
                DOMAIN_INVALID,
                format!("the label \"{label}\" has hyphens in the 3rd and 4th positions"),
                format!("标签“{label}”第 3、4 位为连字符"),
            ));
        }
    }
    Ok(())
}

/// The Unicode (display) form of an A-label name.
pub fn to_unicode(ascii: &str) -> String {
    // A normalised name without an `xn--` label is its own Unicode form: skip the IDNA pass.
    if !ascii.contains("xn--") {
        return ascii.to_owned();
    }
    idna::domain_to_unicode(ascii).0
}

/// The number of labels of a name (dots + 1), counted on bytes.
pub fn label_count(name: &str) -> usize {
    name.bytes().filter(|b| *b == b'.').count() + 1
}

/// The last `n` labels of a name (`b.c` for `a.b.c`, n = 2); None if it has fewer.
pub fn last_labels(name: &str, n: usize) -> Option<&str> {
    if n == 0 {
        return None;
    }
    let mut seen = 0;
    for (i, b) in name.bytes().enumerate().rev() {
        if b == b'.' {
            seen += 1;
            if seen == n {
                return Some(&name[i + 1..]);
            }
        }
    }
    (seen + 1 == n).then_some(name)
}

#[cfg(test)]
mod label_tests {
    use super::*;
    #[test]
    fn last_labels_of_a_name() {
        assert_eq!(last_labels("a.b.c", 2), Some("b.c"));
        assert_eq!(last_labels("a.b.c", 3), Some("a.b.c"));
        assert_eq!(last_labels("a.b.c", 4), None);
        assert_eq!(last_labels("例子.中国", 1), Some("中国"));
        assert_eq!(label_count("例子.中国"), 2);
    }
}

/// What a script asks: can this domain be filed, for this subject and province?
#[derive(Debug, Clone, Default)]
pub struct DomainQuery {
    pub subject_kind: Option<String>,
    pub province: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Restriction {
    pub suffix: String,
    pub who_zh: String,
    pub who_en: String,
    pub allowed_subject_kinds: Vec<String>,
    pub source: String,
}

/// The answer for one domain.
#[derive(Debug, Clone, Serialize)]
pub struct DomainReport {
    pub input: String,
    pub verdict: crate::Verdict,
    pub ascii: Option<String>,
    pub unicode: Option<String>,
    pub registrable: Option<String>,
    pub registrable_unicode: Option<String>,
    pub suffix: Option<String>,
    pub suffix_unicode: Option<String>,
    pub tld: Option<String>,
    pub tld_status: Option<&'static str>,
    /// The oldest dated source listing the TLD as approved.
    pub tld_approved_since: Option<String>,
    pub tld_source: Option<String>,
    pub restriction: Option<Restriction>,
    pub findings: Vec<crate::Finding>,
    pub rules: crate::RulesInfo,
}

/// The answer for one domain, compactly: the split name (one string, borrowed from the input
/// when it is already lower-case LDH, with offsets), the pack rows it matched (shared, not
/// copied) and the findings. [`DomainCheck::report`] builds the full [`DomainReport`] (with the
/// Unicode forms) from it; the Python binding writes Arrow columns straight from it.
#[derive(Debug, Clone)]
pub struct DomainCheck<'a, 'p> {
    pub input: &'a str,
    pub verdict: crate::Verdict,
    /// None when the name is refused before its suffix is known.
    pub split: Option<Split<'a>>,
    pub tld_status: Option<TldStatus>,
    pub tld_row: Option<&'p TldRow>,
    pub reserved: Option<&'p ReservedSuffix>,
    /// The findings, rendered ([`check_name`]); empty from [`check_name_codes`], which keeps
    /// their codes in `codes` instead.
    pub findings: Vec<crate::Finding>,
    pub codes: Vec<&'static str>,
}

impl DomainCheck<'_, '_> {
    /// The registrable domain (A-label form).
    pub fn registrable(&self) -> Option<&str> {
        self.split.as_ref().map(Split::registrable)
    }
    pub fn suffix(&self) -> Option<&str> {
        self.split.as_ref().map(Split::suffix)
    }
    pub fn tld(&self) -> Option<&str> {
        self.split.as_ref().map(Split::tld)
    }
    pub fn ascii(&self) -> Option<&str> {
        self.split.as_ref().map(|s| &*s.ascii)
    }
    /// The findings' codes, in the report's order.
    pub fn codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.findings.iter().map(|f| f.code).chain(self.codes.iter().copied())
    }

    /// The full report of the faces (CLI, C ABI, Python, wasm): Unicode forms, the TLD's
    /// dates and source, the restriction and the rules' version.
    pub fn report(&self, pack: &Pack) -> DomainReport {
        let mut r = DomainReport {
            input: self.input.to_owned(),
            verdict: self.verdict,
            ascii: None,
            unicode: None,
            registrable: None,
            registrable_unicode: None,
            suffix: None,
            suffix_unicode: None,
            tld: None,
            tld_status: None,
            tld_approved_since: None,
            tld_source: None,
            restriction: None,
            findings: self.findings.clone(),
            rules: pack.info.clone(),
        };
        let (Some(p), Some(status)) = (&self.split, self.tld_status) else { return r };
        let row = self.tld_row;
        r.tld_status = Some(status.as_str());
        r.tld_approved_since = row.filter(|_| status == TldStatus::Approved || status == TldStatus::Disputed).and_then(|r| r.since.clone());
        r.tld_source = row.map(|r| r.source.clone());
        r.restriction = self.reserved.filter(|s| s.restricted).map(|s| Restriction {
            suffix: s.unicode.clone(),
            who_zh: s.who_zh.clone().unwrap_or_default(),
            who_en: s.who_en.clone().unwrap_or_default(),
            allowed_subject_kinds: s.allowed.clone(),
            source: s.source.clone(),
        });
        // One IDNA pass for the whole name; the registrable part and the suffix are its last
        // labels (ToUnicode keeps the labels of a valid A-label name).
        let unicode = to_unicode(&p.ascii);
        let tail = |n: usize| last_labels(&unicode, n).map(str::to_owned);
        let same_shape = label_count(&unicode) == label_count(&p.ascii);
        r.registrable_unicode =
            Some(tail(label_count(p.registrable())).filter(|_| same_shape).unwrap_or_else(|| to_unicode(p.registrable())));
        r.suffix_unicode = Some(tail(label_count(p.suffix())).filter(|_| same_shape).unwrap_or_else(|| to_unicode(p.suffix())));
        r.unicode = Some(unicode);
        r.ascii = Some(p.ascii.clone().into_owned());
        r.registrable = Some(p.registrable().to_owned());
        r.suffix = Some(p.suffix().to_owned());
        r.tld = Some(p.tld().to_owned());
        r
    }

    /// The same answer, owning its name (for results kept past the input, e.g. Python objects).
    pub fn into_owned_split(self) -> Option<Split<'static>> {
        self.split.map(Split::into_owned)
    }
}

/// Can this domain be filed? The name rules (syntax, suffix, TLD, reserved suffixes and, with
/// a province, its suffix list and reserved words), each pack table looked up once.
pub fn check_name<'a, 'p>(pack: &'p Pack, name: &'a str, q: &DomainQuery) -> DomainCheck<'a, 'p> {
    check_in(pack, name, q, Sink::new(&pack.catalogue))
}

/// As [`check_name`], keeping the findings' codes only (no message rendered): what columnar
/// results need. The verdict and codes are those of [`check_name`].
pub fn check_name_codes<'a, 'p>(pack: &'p Pack, name: &'a str, q: &DomainQuery) -> DomainCheck<'a, 'p> {
    check_in(pack, name, q, Sink::codes_only(&pack.catalogue))
}

fn check_in<'a, 'p>(pack: &'p Pack, name: &'a str, q: &DomainQuery, mut sink: Sink<'p>) -> DomainCheck<'a, 'p> {
    let province = crate::rules::province_of(pack, q.province.as_deref(), &mut sink);
    let kind = q.subject_kind.as_deref().and_then(|k| {
        let found = vocab::SUBJECT_KINDS.iter().copied().find(|v| *v == k);
        if found.is_none() {
            let list = vocab::SUBJECT_KINDS.join(", ");
            sink.add(INPUT_INVALID_VALUE, "subject_kind", ctx!["field" => "subject_kind", "reason_en" => format!("\"{k}\" is not one of: {list}"), "reason_zh" => format!("“{k}”不在可选值中：{}", vocab::SUBJECT_KINDS.iter().map(|w| vocab::zh_of(vocab::SUBJECT_KINDS, w)).collect::<Vec<_>>().join("、"))]);
        }
        found
    });
    let mut r = DomainCheck {
        input: name,
        verdict: crate::Verdict::Eligible,
        split: None,
        tld_status: None,
        tld_row: None,
        reserved: None,
        findings: Vec::new(),
        codes: Vec::new(),
    };
    if name.len() > 1024 {
        // Far beyond 253 characters: refuse without running IDNA over megabytes.
        sink.add(DOMAIN_INVALID, "domain", ctx!["domain" => format!("{}…", name.chars().take(64).collect::<String>()), "reason_en" => format!("{} bytes long; at most 253 characters are allowed", name.len()), "reason_zh" => format!("长度 {} 字节，超过 253 个字符", name.len())]);
        return r.finish(sink);
    }
    match split(pack, name) {
        Err(rej) => sink.add(rej.code, "domain", ctx!["domain" => name, "reason_en" => rej.reason_en, "reason_zh" => rej.reason_zh]),
        Ok(p) => {
            let (status, row) = pack.tld(p.tld());
            let reserved = reserved_for(pack, p.suffix(), p.tld());
            national_name_rules(p.tld(), status, row, reserved, kind, "domain", &mut sink);
            if let Some(prov) = province {
                let rows = crate::rules::query_rows(Some(prov), kind.map(vocab::is_personal));
                province_name_rules(&p.to_parsed(), status, kind, prov, rows, "domain", &mut sink);
            }
            r.tld_status = Some(status);
            r.tld_row = row;
            r.reserved = reserved;
            r.split = Some(p);
        }
    }
    r.finish(sink)
}

impl<'a, 'p> DomainCheck<'a, 'p> {
    fn finish(mut self, mut sink: Sink<'_>) -> Self {
        use crate::findings::Severity;
        match sink.codes.take() {
            Some(mut codes) => {
                // The report's order (findings::sort) for these findings: severity, path, code;
                // findings that tie on all three have the same code.
                codes.sort_by(|a, b| (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)));
                self.verdict = if codes.iter().any(|c| c.0 == Severity::Error) {
                    crate::Verdict::Ineligible
                } else if codes.iter().any(|c| c.0 == Severity::Warning) {
                    crate::Verdict::NeedsReview
                } else {
                    crate::Verdict::Eligible
                };
                self.codes = codes.into_iter().map(|c| c.2).collect();
            }
            None => {
                let findings = sink.finish();
                self.verdict = crate::Verdict::of(&findings);
                self.findings = findings;
            }
        }
        self
    }
}

/// Rules on the name alone (no registration facts): TLD, reserved suffixes, province lists.
pub(crate) fn name_rules(
    pack: &Pack,
    p: &Parsed,
    subject_kind: Option<&str>,
    province: Option<&Province>,
    rows: &[&ProvinceRule],
    path: &str,
    sink: &mut Sink,
) {
    let (status, row) = pack.tld(&p.tld);
    national_name_rules(&p.tld, status, row, reserved_for(pack, &p.suffix, &p.tld), subject_kind, path, sink);
    if let Some(prov) = province {
        province_name_rules(p, status, subject_kind, prov, rows.iter().copied(), path, sink);
    }
}

/// The national name rules, on the TLD row and the reserved-suffix row already looked up.
pub(crate) fn national_name_rules(
    tld: &str,
    status: TldStatus,
    row: Option<&TldRow>,
    reserved: Option<&ReservedSuffix>,
    subject_kind: Option<&str>,
    path: &str,
    sink: &mut Sink,
) {
    // The TLD's Unicode form, for messages only.
    let tld_u = || to_unicode(tld);
    match status {
        TldStatus::Approved => {}
        TldStatus::Disputed => {
            let note = row.and_then(|r| r.note.clone()).unwrap_or_default();
            sink.add_sourced(DOMAIN_TLD_DISPUTED, path, ctx!["tld" => tld_u(), "note" => note], row.map(|r| r.source.as_str()));
        }
        TldStatus::NotApproved | TldStatus::Unlisted => {
            let st = match (status, row) {
                (TldStatus::NotApproved, Some(r)) => r.status.clone(),
                _ => "not_listed".to_owned(),
            };
            sink.add_sourced(DOMAIN_TLD_NOT_APPROVED, path, ctx!["tld" => tld_u(), "status" => st], row.map(|r| r.source.as_str()));
        }
    }
    if let Some(r) = reserved {
        if let Some(kind) = subject_kind {
            if r.restricted && !r.allowed.iter().any(|k| k == kind) {
                let code = if r.conditional.iter().any(|k| k == kind) { DOMAIN_SUFFIX_CONDITIONAL } else { DOMAIN_SUFFIX_RESERVED };
                sink.add_sourced(
                    code,
                    path,
                    ctx![
                        "suffix" => r.unicode.clone(),
                        "who_zh" => r.who_zh.clone().unwrap_or_default(),
                        "who_en" => r.who_en.clone().unwrap_or_default(),
                        "subject_kind" => kind,
                        "cond_zh" => r.cond_zh.clone().unwrap_or_default(),
                        "cond_en" => r.cond_en.clone().unwrap_or_default(),
                    ],
                    Some(&r.source),
                );
            }
        }
    }
}

/// The province's name rules (its TLD list and reserved words): the rows of `rows` asked at
/// the domain name.
fn province_name_rules<'r>(
    p: &Parsed,
    status: TldStatus,
    subject_kind: Option<&str>,
    prov: &Province,
    rows: impl IntoIterator<Item = &'r ProvinceRule>,
    path: &str,
    sink: &mut Sink,
) {
    let place = crate::rules::place(prov);
    let name = DomainName {
        tld: &p.tld,
        label: p.label(),
        tld_approved: status == TldStatus::Approved,
        subject_kind,
        province: &place,
        path,
        to_unicode,
    };
    ask(rows, &mut Site::DomainName(&name), sink);
}

/// The reserved-suffix row for a domain: its public suffix (gov.cn, 政务.cn) or its TLD (.政务).
pub(crate) fn reserved_for<'p>(pack: &'p Pack, suffix: &str, tld: &str) -> Option<&'p ReservedSuffix> {
    pack.reserved_suffix(suffix).or_else(|| if suffix.len() == tld.len() { None } else { pack.reserved_suffix(tld) })
}

/// Checks every website's domain, and the registration facts given for it.
pub(crate) fn check_websites(cx: &Cx, sink: &mut Sink) -> Vec<Option<Parsed>> {
    let facts: Vec<Option<Parsed>> = cx.app.domains.iter().map(|d| d.name.as_deref().and_then(|n| parse(cx.pack, n).ok())).collect();
    let mut out = Vec::with_capacity(cx.app.websites.len());
    for (i, w) in cx.app.websites.iter().enumerate() {
        let path = format!("websites[{i}].domain");
        let Some(name) = w.domain.as_deref() else {
            out.push(None);
            continue;
        };
        // The same name in domains[] was parsed just above.
        let known = cx.app.domains.iter().position(|d| d.name.as_deref() == Some(name)).and_then(|j| facts[j].clone());
        match known.map_or_else(|| parse(cx.pack, name), Ok) {
            Err(r) => {
                sink.add(r.code, path, ctx!["domain" => name, "reason_en" => r.reason_en, "reason_zh" => r.reason_zh]);
                out.push(None);
            }
            Ok(p) => {
                name_rules(cx.pack, &p, cx.subject_kind, cx.province, &cx.rows, &path, sink);
                let j = facts.iter().position(|f| f.as_ref().is_some_and(|f| f.registrable == p.registrable));
                match j {
                    Some(j) => facts_rules(cx, &p, w, j, &cx.app.domains[j], sink),
                    None => sink.add(DOMAIN_FACTS_MISSING, path, ctx!["domain" => to_unicode(&p.registrable)]),
                }
                out.push(Some(p));
            }
        }
    }
    // A name in domains[] that is not a domain at all is worth saying, once, where it stands.
    for (j, d) in cx.app.domains.iter().enumerate() {
        if let (Some(n), None) = (d.name.as_deref(), &facts[j]) {
            if let Err(r) = parse(cx.pack, n) {
                sink.add(r.code, format!("domains[{j}].name"), ctx!["domain" => n, "reason_en" => r.reason_en, "reason_zh" => r.reason_zh]);
            }
        }
    }
    out
}

/// Registration facts (tencent/facts.md §3): registrar, validity, real-name verification and
/// its waiting time, holder = subject, and an existing filing number.
fn facts_rules(cx: &Cx, p: &Parsed, w: &Website, j: usize, d: &DomainFacts, sink: &mut Sink) {
    let at = |f: &str| format!("domains[{j}].{f}");
    let registrar = d.registrar.as_deref().and_then(|r| cx.pack.registrar(r));
    match (d.registrar_domestic, registrar) {
        (Fact::Value(false), _) => sink.add(
            DOMAIN_REGISTRAR_NOT_DOMESTIC,
            at("registrar_domestic"),
            ctx!["registrar" => d.registrar.as_deref().unwrap_or_default()],
        ),
        (Fact::Value(true), _) | (_, Some(_)) | (Fact::Invalid, _) => {}
        (_, None) => sink.fact_missing(
            at("registrar_domestic"),
            DOMAIN_REGISTRAR_NOT_DOMESTIC,
            "域名注册商是否为境内经批复的注册商",
            "whether the registrar is an approved domestic one",
        ),
    }

    match d.expires_at {
        Fact::Value(exp) if exp.date() < cx.as_of || (exp.date() == cx.as_of && exp.time() == chrono::NaiveTime::MIN) => {
            sink.add(DOMAIN_EXPIRED, at("expires_at"), ctx!["expires_at" => dates::fmt_moment(exp)]);
        }
        Fact::Value(exp) => {
            if let Some(prov) = cx.province {
                let path = at("expires_at");
                let place = crate::rules::place(prov);
                let mut site = Site::DomainExpiry { expires_at: exp, as_of: cx.as_of, path: &path, province: &place };
                ask(cx.rows.iter().copied(), &mut site, sink);
            }
        }
        Fact::Absent => sink.fact_missing(
            at("expires_at"),
            DOMAIN_EXPIRED,
            "域名是否在有效期内",
            "whether the domain is within its registration period",
        ),
        Fact::Null | Fact::Invalid => {}
    }

    let holder_rules = &cx.pack.subjects.domain_holder;
    let days = holder_rules.real_name_wait_days;
    match (d.real_name_verified, d.real_name_verified_at) {
        (Fact::Value(false), _) => sink.add(DOMAIN_NOT_REAL_NAME_VERIFIED, at("real_name_verified"), ctx![]),
        // Never verified.
        (_, Fact::Null) => sink.add(DOMAIN_NOT_REAL_NAME_VERIFIED, at("real_name_verified_at"), ctx![]),
        (_, Fact::Value(t)) => {
            // N natural days at Tencent's registrars, N working days elsewhere (tencent/facts.md §2, §3).
            let at_tencent = registrar.is_some_and(|r| r.tencent);
            let ready = if at_tencent { dates::add_days(t.date(), days as i64) } else { dates::add_working_days(t.date(), days) };
            if cx.as_of < ready {
                let (zh, en) =
                    if at_tencent { ("自然日", "natural days") } else { ("工作日", "working days (not registered at Tencent)") };
                sink.add_sourced(
                    DOMAIN_REAL_NAME_TOO_RECENT,
                    at("real_name_verified_at"),
                    ctx!["verified_at" => dates::fmt_moment(t), "ready_on" => dates::fmt(ready), "day_kind_zh" => zh, "day_kind_en" => en, "days" => days],
                    Some(&holder_rules.real_name_source),
                );
            }
        }
        // Verified, but when is unknown: the waiting time cannot be checked.
        (Fact::Value(true), Fact::Absent) => sink.fact_missing(
            at("real_name_verified_at"),
            DOMAIN_REAL_NAME_TOO_RECENT,
            format!("域名实名认证是否已满 {days} 天"),
            format!("whether the domain's real-name verification is at least {days} days old"),
        ),
        (_, Fact::Absent) => sink.fact_missing(
            at("real_name_verified_at"),
            DOMAIN_NOT_REAL_NAME_VERIFIED,
            format!("域名是否已实名认证满 {days} 天"),
            format!("whether the domain passed real-name verification at least {days} days ago"),
        ),
        (_, Fact::Invalid) => {}
    }

    owner_rule(cx, d, &at("registrant"), sink);

    if let Some(num) = d.filing_number.claim().map(String::as_str) {
        // The same subject's numbers, website serials aside (粤B2-20090059-1 is 粤B2-20090059's);
        // numbers that do not parse (FILING_NUMBER_INVALID says so) compare as written.
        let same_subject = |a: &str, b: &str| match (
            crate::rules::filing_type::parse_number(cx.pack, a),
            crate::rules::filing_type::parse_number(cx.pack, b),
        ) {
            (Ok(x), Ok(y)) => x.same_subject(&y),
            _ => a.trim() == b.trim(),
        };
        match w.filing_number.claim().map(String::as_str) {
            None => sink.add(DOMAIN_ALREADY_FILED, at("filing_number"), ctx![
                "filing_number" => num,
                "domain" => to_unicode(&p.registrable),
                "reason_zh" => "已备案的域名不能用于首次备案或新增网站；若是本主体的网站，请填写该网站备案号办理接入备案，否则需先向管局申请注销",
                "reason_en" => "a filed domain cannot be used for a first filing or a new website; if the website is yours give its number and file for access, otherwise have the old filing cancelled first",
            ]),
            Some(own) if !same_subject(own, num) => sink.add(DOMAIN_ALREADY_FILED, at("filing_number"), ctx![
                "filing_number" => num,
                "domain" => to_unicode(&p.registrable),
                "reason_zh" => format!("与网站填写的备案号 {own} 不属于同一主体"),
                "reason_en" => format!("this is not the subject of the website's number {own}"),
            ]),
            Some(_) => {}
        }
    }
}

/// The holder must be the filer, by identity (tencent/facts.md §3; tencent/sources
/// 备案准备__备案域名: 比对信息为姓名、证件类型、证件号码): an individual by name, ID type and
/// number; an organisation as itself (its name and certificate) or as its legal representative
/// (their name and ID). A certificate that differs is a different holder, whatever the name.
fn owner_rule(cx: &Cx, d: &DomainFacts, path: &str, sink: &mut Sink) {
    let Some(subject) = cx.app.subject.as_ref() else { return };
    let reg = match &d.registrant {
        Fact::Value(r) => r,
        Fact::Absent => {
            sink.fact_missing(
                path,
                DOMAIN_OWNER_MISMATCH,
                "域名持有者是否与备案主体一致",
                "whether the domain holder is the filing subject",
            );
            return;
        }
        Fact::Null | Fact::Invalid => return,
    };
    for (field, absent, zh, en) in [
        ("name", reg.name.is_absent(), "姓名或名称", "name"),
        ("id_type", reg.id_type.is_absent(), "证件类型", "certificate type"),
        ("id_number", reg.id_number.is_absent(), "证件号码", "certificate number"),
    ] {
        if absent {
            sink.fact_missing(
                format!("{path}.{field}"),
                DOMAIN_OWNER_MISMATCH,
                format!("域名持有者的{zh}是否与备案主体一致"),
                format!("whether the domain holder's {en} matches the filing subject"),
            );
        }
    }
    let Some(holder) = reg.name.as_deref() else { return };
    let hk = name_key(holder);
    // Whether the holder's certificate is this one (None: one side unknown).
    let same_id = |t: Option<&str>, n: Option<&str>| match (reg.id_type.value(), reg.id_number.as_deref(), t, n) {
        (Some(a), Some(x), Some(b), Some(y)) => Some(a == b && x.trim().eq_ignore_ascii_case(y.trim())),
        _ => None,
    };
    let mismatch = |field: &str, zh: &str, en: &str, sink: &mut Sink| {
        sink.add(DOMAIN_OWNER_MISMATCH, format!("{path}.{field}"), ctx!["registrant" => holder, "reason_zh" => zh, "reason_en" => en]);
    };
    let subject_name = subject.name.as_deref().map(name_key);
    let cert = subject.certificate.get();
    let subject_id = same_id(cert.and_then(|c| c.kind.value()), cert.and_then(|c| c.number.as_deref()));
    if cx.personal == Some(true) {
        if subject_name.as_deref().is_some_and(|s| s != hk) {
            mismatch("name", "个人备案的域名持有者须为备案人本人", "for a personal filing the holder must be the filer", sink);
        } else if subject_id == Some(false) {
            mismatch(
                "id_number",
                "持有者证件类型或号码与备案人证件不一致",
                "the holder's ID type or number differs from the filer's",
                sink,
            );
        }
    } else if cx.personal == Some(false) {
        let rules = &cx.pack.subjects.domain_holder;
        let pinyin_ok = cx.province.is_some_and(|p| rules.pinyin_name_provinces.contains(&p.code));
        let is_pinyin = holder.chars().any(|c| c.is_ascii_alphabetic()) && holder.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
        // The organisation itself: its name (or, where accepted, its full pinyin name with its
        // own certificate) and its certificate.
        if subject_name.as_deref() == Some(hk.as_str()) || (pinyin_ok && is_pinyin && subject_id == Some(true)) {
            if subject_id == Some(false) {
                mismatch(
                    "id_number",
                    "持有者证件类型或号码与主办单位证件不一致",
                    "the holder's certificate type or number differs from the organisation's",
                    sink,
                );
            }
            return;
        }
        // Some provinces accept only the organisation itself as the holder.
        let only_subject = cx.province.and_then(|p| {
            let mut source = None;
            ask(cx.rows.iter().copied(), &mut Site::DomainHolderOnlySubject { source: &mut source }, sink);
            source.map(|s| (p, s))
        });
        if let Some((p, source)) = only_subject {
            sink.add_sourced(
                DOMAIN_OWNER_MISMATCH,
                format!("{path}.name"),
                ctx![
                    "registrant" => holder,
                    "reason_zh" => format!("{}要求域名持有者为主办单位本身（不接受法定代表人）", p.zh),
                    "reason_en" => format!("{} requires the organisation itself as the holder (not its legal representative)", p.en),
                ],
                Some(source),
            );
            return;
        }
        let legal_rep = subject.responsible_person.get().filter(|p| p.is_legal_representative.value() == Some(true));
        match legal_rep {
            Some(rep) if rep.name.as_deref().map(name_key).as_deref() == Some(hk.as_str()) => {
                if same_id(rep.id_type.value(), rep.id_number.as_deref()) == Some(false) {
                    mismatch(
                        "id_number",
                        "持有者与法定代表人同名，但证件类型或号码不一致",
                        "the holder has the legal representative's name but another ID",
                        sink,
                    );
                }
            }
            _ => mismatch(
                "name",
                "单位备案的域名持有者须为主办单位名称或其法定代表人",
                "for an organisation the holder must be the organisation itself or its legal representative",
                sink,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn p(s: &str) -> Result<Parsed, Rejection> {
        parse(&Engine::embedded().pack(), s)
    }

    #[test]
    fn idn_punycode_fullwidth_stop_and_case_agree() {
        let a = p("例子.中国").unwrap();
        assert_eq!(a.tld, "xn--fiqs8s");
        assert_eq!(p("例子。中国").unwrap(), a);
        assert_eq!(p(&a.ascii).unwrap(), a);
        assert_eq!(p(&a.ascii.to_uppercase()).unwrap(), a);
        assert_eq!(p("WWW.Example.COM").unwrap().registrable, "example.com");
        assert_eq!(p("ｅｘａｍｐｌｅ．ｃｏｍ").unwrap().registrable, "example.com");
        assert_eq!(p("example.com.").unwrap().registrable, "example.com");
    }

    #[test]
    fn multi_label_and_overlay_suffixes() {
        let a = p("www.example.com.cn").unwrap();
        assert_eq!((a.registrable.as_str(), a.suffix.as_str()), ("example.com.cn", "com.cn"));
        // The PSL lacks 政务.cn: the overlay makes it a suffix.
        let g = p("国务院.政务.cn").unwrap();
        assert_eq!(to_unicode(&g.suffix), "政务.cn");
        assert_eq!(to_unicode(&g.registrable), "国务院.政务.cn");
        assert_eq!(to_unicode(&p("某基金会.公益.cn").unwrap().suffix), "公益.cn");
    }

    #[test]
    fn private_suffixes_are_not_registry_suffixes() {
        // github.io is a private PSL rule; the filed domain is the registry-level one.
        let a = p("user.github.io").unwrap();
        assert_eq!(a.registrable, "github.io");
        assert_eq!(p("foo.cn.com").unwrap().registrable, "cn.com");
    }

    #[test]
    fn ips_suffixes_and_junk_are_refused() {
        assert_eq!(p("203.0.113.7").unwrap_err().code, DOMAIN_NOT_REGISTRABLE);
        assert_eq!(p("[::1]").unwrap_err().code, DOMAIN_NOT_REGISTRABLE);
        assert_eq!(p("gov.cn").unwrap_err().code, DOMAIN_NOT_REGISTRABLE);
        assert_eq!(p("com.cn").unwrap_err().code, DOMAIN_NOT_REGISTRABLE);
        assert_eq!(p("中国").unwrap_err().code, DOMAIN_NOT_REGISTRABLE);
        assert_eq!(p("xn--fiqs8s").unwrap_err().code, DOMAIN_NOT_REGISTRABLE);
        for bad in ["", "a..b.com", "-a.com", "a-.com", "ab--cd.com", "ex_ample.com", "https://example.com/x", "xn--abc.com", "a b.com"] {
            assert_eq!(p(bad).unwrap_err().code, DOMAIN_INVALID, "{bad}");
        }
        // CheckHyphens on the Unicode labels and on what an A-label decodes to (UTS-46 V2/V3):
        // 例子-, -例子 and an A-label hiding "xn--例子" pass every A-label-form check.
        for bad in ["例子-.cn", "-例子.cn", "xn----kb7ap09a.cn", "xn----lb7ap09a.cn", "xn--xn---3u6fl73d.cn", "ab--例子.cn"] {
            let r = p(bad).unwrap_err();
            assert_eq!(r.code, DOMAIN_INVALID, "{bad}");
            assert!(r.reason_en.contains("hyphen"), "{bad}: {}", r.reason_en);
        }
        assert!(p("例-子.cn").is_ok());
        assert_eq!(p(&format!("{}.com", "a".repeat(64))).unwrap_err().code, DOMAIN_INVALID);
        assert!(p(&format!("{}.com", "a".repeat(63))).is_ok());
    }
}
