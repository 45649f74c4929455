//! Filing type (tencent/facts.md §7): derived from whether the subject and each website are
//! already filed, and where; plus the syntax of filing numbers (S14).
use crate::codes::*;
use crate::ctx;
use crate::pack::Pack;
use crate::report::sink::Sink;
use crate::rules::Cx;

/// Which kind of number: a filing (备案号) or one of the two forms of the 经营性 ICP licence
/// number, which licensed subjects and their websites carry instead (京ICP证030173号-1,
/// 浙B2-20080224-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    /// `沪ICP备2021012345号[-N]`.
    Filing,
    /// `京ICP证030173号[-N]`.
    IcpLicence,
    /// `粤B2-20090059[-N]` (增值电信业务经营许可证, 第二类 B2).
    B2Licence,
}

/// A parsed filing number: `沪ICP备2021012345号-1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingNumber {
    /// The province its abbreviation names (沪 → SH).
    pub province: String,
    pub form: NumberForm,
    pub subject_serial: String,
    pub website_serial: Option<u32>,
}

impl FilingNumber {
    /// The subject's number this belongs to (`沪ICP备2021012345号`).
    pub fn subject_number(&self, pack: &Pack) -> String {
        let abbr = pack.province_by_code(&self.province).map(|p| p.abbr.as_str()).unwrap_or("");
        match self.form {
            NumberForm::Filing => format!("{abbr}ICP备{}号", self.subject_serial),
            NumberForm::IcpLicence => format!("{abbr}ICP证{}号", self.subject_serial),
            NumberForm::B2Licence => format!("{abbr}B2-{}", self.subject_serial),
        }
    }

    /// Whether two numbers are the same subject's (website serials aside).
    pub fn same_subject(&self, other: &FilingNumber) -> bool {
        (&self.province, self.form, &self.subject_serial) == (&other.province, other.form, &other.subject_serial)
    }
}

/// The number as written, with spaces dropped and full-width forms folded: ＩＣＰ, －, １２３
/// (and the other dashes people type for '-').
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            // Full-width ASCII (U+FF01–U+FF5E) is ASCII + 0xFEE0.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Parses `省简称ICP备N号[-M]` (S14) and the licence forms `省简称ICP证N号[-M]` and
/// `省简称B2-YYYYNNNN[-M]`. Errors are (en, zh) reasons.
pub fn parse_number(pack: &Pack, s: &str) -> Result<FilingNumber, (String, String)> {
    let t = fold(s);
    let mut chars = t.chars();
    let Some(abbr) = chars.next() else { return Err(("it is empty".into(), "为空".into())) };
    let Some(prov) = pack.province_by_abbr(&abbr.to_string()) else {
        return Err((format!("\"{abbr}\" is not a province abbreviation"), format!("“{abbr}”不是省份简称")));
    };
    let rest = chars.as_str();
    let (form, serial, tail) = if let Some(rest) = rest.strip_prefix("B2-") {
        // The licence number proper is a year and a serial: 8 digits.
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits != 8 {
            return Err((
                format!("\"{rest}\" after B2- must be the licence's 8 digits"),
                format!("“B2-”后的“{rest}”应为许可证的 8 位数字"),
            ));
        }
        (NumberForm::B2Licence, &rest[..8], &rest[8..])
    } else {
        let (form, rest) = match (rest.strip_prefix("ICP备"), rest.strip_prefix("ICP证")) {
            (Some(r), _) => (NumberForm::Filing, r),
            (_, Some(r)) => (NumberForm::IcpLicence, r),
            _ => {
                return Err((
                    "\"ICP备\" (or a licence's \"ICP证\" or \"B2-\") must follow the province abbreviation".into(),
                    "省份简称后应为“ICP备”（经营许可证为“ICP证”或“B2-”）".into(),
                ))
            }
        };
        let Some((serial, tail)) = rest.split_once('号') else {
            return Err(("the number must end with 号".into(), "缺少“号”".into()));
        };
        if serial.is_empty() || !serial.bytes().all(|b| b.is_ascii_digit()) {
            return Err((format!("\"{serial}\" is not a serial number of digits"), format!("“{serial}”不是数字序号")));
        }
        (form, serial, tail)
    };
    let website_serial = match tail {
        "" => None,
        t => match t
            .strip_prefix('-')
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n > 0)
        {
            Some(n) => Some(n),
            None => {
                return Err((
                    format!("\"{t}\" after the subject's number must be -N, the website's serial"),
                    format!("主体号后的“{t}”应为 -N（网站序号）"),
                ))
            }
        },
    };
    Ok(FilingNumber { province: prov.code.clone(), form, subject_serial: serial.to_owned(), website_serial })
}

/// What one website's filing is, from where the subject and the website stand.
fn derive_one(subject_filed: bool, subject_at_tencent: bool, website_filed: bool) -> &'static str {
    match (subject_filed, subject_at_tencent, website_filed) {
        (false, _, _) => "first_filing",
        (true, true, false) => "new_website_with_subject",
        (true, true, true) => "access_with_subject",
        (true, false, false) => "new_website_no_subject",
        (true, false, true) => "access_filing",
    }
}

fn is_access(t: &str) -> bool {
    matches!(t, "access_filing" | "access_with_subject")
}

/// Derives the order's filing type, checks it against the declared one and checks every
/// filing number's syntax.
pub(crate) fn check(cx: &Cx, sink: &mut Sink) -> Option<&'static str> {
    let pack = cx.pack;
    // The subject's and its websites' numbers name the province they were filed in, which must
    // be this filing's: a subject has one filing, in one province (tencent/facts.md §2, §7).
    let same_province = |n: &FilingNumber, s: &str, path: &str, sink: &mut Sink| {
        let Some(here) = cx.province else { return };
        if n.province != here.code {
            #[allow(clippy::expect_used, reason = "a filing number parses only with a province abbreviation of the pack")]
            let theirs = pack.province_by_code(&n.province).expect("parsed from a province's abbreviation");
            sink.add(
                FILING_NUMBER_PROVINCE_MISMATCH,
                path,
                ctx![
                    "number" => s, "abbr" => theirs.abbr.clone(), "number_province_zh" => theirs.zh.clone(), "number_province_en" => theirs.en.clone(),
                    "province_zh" => here.zh.clone(), "province_en" => here.en.clone(),
                ],
            );
        }
    };
    let number = |s: Option<&str>, path: String, website: bool, sink: &mut Sink| -> Option<FilingNumber> {
        let s = s?;
        let parsed = parse_number(pack, s);
        if let Ok(n) = &parsed {
            same_province(n, s, &path, sink);
        }
        match parsed {
            Ok(n) if website && n.website_serial.is_none() => {
                // A website's number carries its serial; the subject's number alone is accepted
                // but the serial is what the bureau matches.
                Some(n)
            }
            Ok(n) if !website && n.website_serial.is_some() => {
                sink.add(FILING_NUMBER_INVALID, path, ctx!["number" => s, "reason_en" => "a subject's number has no -N website serial", "reason_zh" => "主体备案号不带网站序号 -N"]);
                Some(n)
            }
            Ok(n) => Some(n),
            Err((en, zh)) => {
                sink.add(FILING_NUMBER_INVALID, path, ctx!["number" => s, "reason_en" => en, "reason_zh" => zh]);
                None
            }
        }
    };
    let subject = cx.app.subject.as_ref();
    let subject_number = subject.and_then(|s| number(s.filing_number.as_deref(), "subject.filing_number".into(), false, sink));
    let website_numbers: Vec<Option<FilingNumber>> = cx
        .app
        .websites
        .iter()
        .enumerate()
        .map(|(i, w)| number(w.filing_number.as_deref(), format!("websites[{i}].filing_number"), true, sink))
        .collect();
    // A domain's number may be another subject's (DOMAIN_ALREADY_FILED says so): syntax only.
    for (j, d) in cx.app.domains.iter().enumerate() {
        if let Some(s) = d.filing_number.as_deref() {
            if let Err((en, zh)) = parse_number(pack, s) {
                sink.add(
                    FILING_NUMBER_INVALID,
                    format!("domains[{j}].filing_number"),
                    ctx!["number" => s, "reason_en" => en, "reason_zh" => zh],
                );
            }
        }
    }
    // A website number must belong to the subject's number.
    if let Some(sn) = &subject_number {
        for (i, wn) in website_numbers.iter().enumerate() {
            if let Some(wn) = wn {
                if !wn.same_subject(sn) {
                    let s = cx.app.websites[i].filing_number.as_deref().unwrap_or_default();
                    sink.add(
                        FILING_NUMBER_INVALID,
                        format!("websites[{i}].filing_number"),
                        ctx![
                            "number" => s,
                            "reason_en" => format!("it does not belong to the subject's number {}", sn.subject_number(pack)),
                            "reason_zh" => format!("不属于主体备案号 {}", sn.subject_number(pack)),
                        ],
                    );
                }
            }
        }
    }

    if cx.app.websites.is_empty() {
        return None;
    }
    // An existing filing number is a claim: left out, there is none (the first filing).
    let subject_filed =
        subject.is_some_and(|s| s.filing_number.claim().is_some()) || cx.app.websites.iter().any(|w| w.filing_number.claim().is_some());
    let subject_at_tencent = subject.and_then(|s| s.filed_with.value()) == Some("tencent");
    if subject_filed && subject.is_some_and(|s| !s.filed_with.is_value() && !s.filed_with.is_invalid()) {
        sink.fact_missing(
            "subject.filed_with",
            FILING_TYPE_MISMATCH,
            "主体备案是否在腾讯云（决定备案类型：有主体/无主体）",
            "whether the subject is filed at Tencent (decides the with/without-subject filing types)",
        );
    }
    let types: Vec<&'static str> =
        cx.app.websites.iter().map(|w| derive_one(subject_filed, subject_at_tencent, w.filing_number.claim().is_some())).collect();
    let any_access = types.iter().any(|t| is_access(t));
    let any_new = types.iter().any(|t| !is_access(t));
    // Access and new websites cannot share an order; access comes first (F14).
    let derived = types.iter().copied().find(|t| is_access(t)).unwrap_or_else(|| types[0]);
    if any_access && any_new {
        let first_new = types.iter().position(|t| !is_access(t)).unwrap_or(0);
        sink.add(FILING_TYPE_COMBINATION, format!("websites[{first_new}]"), ctx!["types" => types.to_vec()]);
    }
    if let Some(declared) = cx.app.filing_type {
        if declared != derived {
            sink.add(FILING_TYPE_MISMATCH, "filing_type", ctx!["declared" => declared, "derived" => derived]);
        }
    }
    Some(derived)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    #[test]
    fn numbers_parse() {
        let e = Engine::embedded();
        let n = parse_number(&e.pack(), "沪ICP备2021012345号-1").unwrap();
        assert_eq!((n.province.as_str(), n.subject_serial.as_str(), n.website_serial), ("SH", "2021012345", Some(1)));
        assert_eq!(n.subject_number(&e.pack()), "沪ICP备2021012345号");
        assert_eq!(parse_number(&e.pack(), "鲁ICP备09090609号").unwrap().website_serial, None);
        for bad in [
            "",
            "X ICP备1号",
            "沪ICP备号",
            "沪ICP备12a号",
            "沪ICP备12号-0",
            "沪ICP备12号-",
            "沪ICP12号",
            "沪ICP备12",
            "沪ICP备12号-+1",
            "沪ICP备12号-1-2",
            "粤B2-2009005",
            "粤B2-200900591",
            "粤B2-20090059-",
            "粤B2-20090059-0",
            "粤B220090059",
            "粤B1-20090059",
            "京ICP证号",
            "京ICP证03a173号",
        ] {
            assert!(parse_number(&e.pack(), bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn licence_forms_parse_and_keep_their_form() {
        let e = Engine::embedded();
        let pack = e.pack();
        let n = |s: &str| parse_number(&pack, s).unwrap_or_else(|r| panic!("{s}: {r:?}"));
        let icp = n("京ICP证030173号-2");
        assert_eq!(
            (icp.province.as_str(), icp.form, icp.subject_serial.as_str(), icp.website_serial),
            ("BJ", NumberForm::IcpLicence, "030173", Some(2))
        );
        assert_eq!(icp.subject_number(&pack), "京ICP证030173号");
        let b2 = n("浙B2-20080224-1");
        assert_eq!(
            (b2.province.as_str(), b2.form, b2.subject_serial.as_str(), b2.website_serial),
            ("ZJ", NumberForm::B2Licence, "20080224", Some(1))
        );
        assert_eq!(b2.subject_number(&pack), "浙B2-20080224");
        assert_eq!(n("粤B2-20090059").website_serial, None);
        // The same serial in two forms is two subjects.
        assert!(!n("京ICP证030173号").same_subject(&n("京ICP备030173号")));
        assert!(n("浙B2-20080224-3").same_subject(&n("浙B2-20080224")));
    }

    #[test]
    fn spaces_and_full_width_forms_are_folded() {
        let e = Engine::embedded();
        let pack = e.pack();
        let want = parse_number(&pack, "沪ICP备2021012345号-1").unwrap();
        for s in [
            "沪ＩＣＰ备２０２１０１２３４５号－１",
            " 沪 ICP 备 2021012345 号 - 1 ",
            "沪icp备2021012345号-1",
            "沪ICP备2021012345号\u{2014}1",
            "沪\u{3000}ICP备2021012345号-1",
        ] {
            assert_eq!(parse_number(&pack, s).as_ref(), Ok(&want), "{s}");
        }
        assert_eq!(parse_number(&pack, "粤Ｂ２－２００９００５９").unwrap().subject_number(&pack), "粤B2-20090059");
    }

    #[test]
    fn every_province_abbreviation_names_its_province() {
        let e = Engine::embedded();
        let pack = e.pack();
        assert_eq!(pack.provinces.len(), 31);
        for p in &pack.provinces {
            for s in [format!("{}ICP备12345678号-1", p.abbr), format!("{}ICP证123456号", p.abbr), format!("{}B2-20200001", p.abbr)] {
                assert_eq!(parse_number(&pack, &s).unwrap().province, p.code, "{s}");
            }
        }
    }

    #[test]
    fn derivation_table() {
        assert_eq!(derive_one(false, false, false), "first_filing");
        assert_eq!(derive_one(true, false, false), "new_website_no_subject");
        assert_eq!(derive_one(true, false, true), "access_filing");
        assert_eq!(derive_one(true, true, false), "new_website_with_subject");
        assert_eq!(derive_one(true, true, true), "access_with_subject");
    }
}
