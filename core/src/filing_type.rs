//! Filing type (tencent/facts.md §7): derived from whether the subject and each website are
//! already filed, and where; plus the syntax of filing numbers (S14).
use crate::codes::*;
use crate::ctx;
use crate::findings::Sink;
use crate::pack::Pack;
use crate::Cx;

/// A parsed filing number: `沪ICP备2021012345号-1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilingNumber {
    pub province: String,
    pub subject_serial: String,
    pub website_serial: Option<u32>,
}

impl FilingNumber {
    /// The subject's number this belongs to (`沪ICP备2021012345号`).
    pub fn subject_number(&self, pack: &Pack) -> String {
        let abbr = pack.province_by_code(&self.province).map(|p| p.abbr.as_str()).unwrap_or("");
        format!("{abbr}ICP备{}号", self.subject_serial)
    }
}

/// Parses `省简称ICP备N号[-M]` (S14). Errors are (en, zh) reasons.
pub fn parse_number(pack: &Pack, s: &str) -> Result<FilingNumber, (String, String)> {
    let t = s.trim();
    let mut chars = t.chars();
    let Some(abbr) = chars.next() else { return Err(("it is empty".into(), "为空".into())) };
    let Some(prov) = pack.province_by_abbr(&abbr.to_string()) else {
        return Err((format!("\"{abbr}\" is not a province abbreviation"), format!("“{abbr}”不是省份简称")));
    };
    let rest = chars.as_str();
    let Some(rest) = rest.strip_prefix("ICP备").or_else(|| rest.strip_prefix("icp备")) else {
        return Err(("\"ICP备\" must follow the province abbreviation".into(), "省份简称后应为“ICP备”".into()));
    };
    let Some((serial, tail)) = rest.split_once('号') else {
        return Err(("the number must end with 号".into(), "缺少“号”".into()));
    };
    if serial.is_empty() || !serial.bytes().all(|b| b.is_ascii_digit()) {
        return Err((format!("\"{serial}\" is not a serial number of digits"), format!("“{serial}”不是数字序号")));
    }
    let website_serial = match tail {
        "" => None,
        t => match t.strip_prefix('-').and_then(|n| n.parse::<u32>().ok()).filter(|n| *n > 0) {
            Some(n) => Some(n),
            None => {
                return Err((format!("\"{t}\" after 号 must be -N, the website's serial"), format!("“号”后的“{t}”应为 -N（网站序号）")))
            }
        },
    };
    Ok(FilingNumber { province: prov.code.clone(), subject_serial: serial.to_owned(), website_serial })
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
    let number = |s: Option<&str>, path: String, website: bool, sink: &mut Sink| -> Option<FilingNumber> {
        let s = s?;
        match parse_number(pack, s) {
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
    for (j, d) in cx.app.domains.iter().enumerate() {
        number(d.filing_number.as_deref(), format!("domains[{j}].filing_number"), true, sink);
    }
    // A website number must belong to the subject's number.
    if let Some(sn) = &subject_number {
        for (i, wn) in website_numbers.iter().enumerate() {
            if let Some(wn) = wn {
                if wn.subject_serial != sn.subject_serial || wn.province != sn.province {
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
        sink.add(
            FACT_MISSING,
            "subject.filed_with",
            ctx![
                "field" => "subject.filed_with",
                "check_zh" => "主体备案是否在腾讯云（决定备案类型：有主体/无主体）",
                "check_en" => "whether the subject is filed at Tencent (decides the with/without-subject filing types)",
                "rule" => FILING_TYPE_MISMATCH,
            ],
        );
    }
    let types: Vec<&'static str> =
        cx.app.websites.iter().map(|w| derive_one(subject_filed, subject_at_tencent, w.filing_number.claim().is_some())).collect();
    let any_access = types.iter().any(|t| is_access(t));
    let any_new = types.iter().any(|t| !is_access(t));
    // Access and new websites cannot share an order; access comes first (F14).
    let derived = if any_access { *types.iter().find(|t| is_access(t)).expect("one is access") } else { types[0] };
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
        for bad in ["", "X ICP备1号", "沪ICP备号", "沪ICP备12a号", "沪ICP备12号-0", "沪ICP备12号-", "沪ICP12号", "沪ICP备12"]
        {
            assert!(parse_number(&e.pack(), bad).is_err(), "{bad}");
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
