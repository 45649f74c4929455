//! One identity number, one answer: [`check_id`] is what every face (Python `check_ids`, the CLI
//! `beiancheck id`, C `beian_check_id`) calls, so that a number is judged in one place.
//!
//! It runs the same validators as the application rules (`subject::check_number`, with the same
//! trimming of surrounding whitespace), and adds what a data team asks of a column: a stable
//! reason code, the normalised form, and what the number encodes (birth date, sex, age on a
//! date and home province for resident IDs; registration province and organisation class for
//! credit codes).
use super::*;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Which kind of number a value is checked as. The names are those of DESIGN.md's certificate
/// `type` (`resident_id`, `hk_macau_permit` …), plus `credit_code` (统一社会信用代码) and `mobile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// 居民身份证, GB 11643-1999 ([`parse_resident_id`]).
    ResidentId,
    /// 统一社会信用代码, GB 32100-2015 ([`parse_credit_code`]).
    CreditCode,
    /// Mainland mobile number supported for SMS verification ([`normalise_mobile`]).
    Mobile,
    /// 港澳居民来往内地通行证 ([`check_hk_macau_permit`]).
    HkMacauPermit,
    /// 台湾居民来往大陆通行证 ([`check_taiwan_permit`]).
    TaiwanPermit,
    /// Passport of any country ([`check_passport`]).
    Passport,
    /// 港澳居民居住证 ([`check_residence_permit_number`], area 810000/820000).
    HkMacauResidence,
    /// 台湾居民居住证 ([`check_residence_permit_number`], area 830000).
    TaiwanResidence,
}

impl IdKind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [IdKind; 8] = [
        IdKind::ResidentId,
        IdKind::CreditCode,
        IdKind::Mobile,
        IdKind::HkMacauPermit,
        IdKind::TaiwanPermit,
        IdKind::Passport,
        IdKind::HkMacauResidence,
        IdKind::TaiwanResidence,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::ResidentId => "resident_id",
            IdKind::CreditCode => "credit_code",
            IdKind::Mobile => "mobile",
            IdKind::HkMacauPermit => "hk_macau_permit",
            IdKind::TaiwanPermit => "taiwan_permit",
            IdKind::Passport => "passport",
            IdKind::HkMacauResidence => "hk_macau_residence",
            IdKind::TaiwanResidence => "taiwan_residence",
        }
    }

    /// The kind named `name` (exactly as [`IdKind::as_str`] spells it).
    pub fn parse(name: &str) -> Result<IdKind, UnknownIdKind> {
        IdKind::ALL.iter().copied().find(|k| k.as_str() == name).ok_or_else(|| UnknownIdKind(name.to_owned()))
    }
}

/// A kind name that is not one of [`IdKind::ALL`]; its message lists the accepted names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownIdKind(pub String);

impl fmt::Display for UnknownIdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = IdKind::ALL.iter().map(|k| k.as_str()).collect();
        write!(f, "unknown identity-number kind {:?} (kinds: {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownIdKind {}

/// The answer for one number. Fields that do not apply to the kind, or to an invalid number,
/// are `None` (JSON `null`), never guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdResult {
    pub kind: IdKind,
    pub valid: bool,
    /// Why not, as a stable code: `LENGTH`, `CHARSET`, `AREA`, `BIRTH_DATE`, `CHECK_DIGIT` or
    /// `FORMAT` (see [`IdError`]). `None` when valid.
    pub reason: Option<&'static str>,
    /// 1-based character position in the value as given, for `CHARSET`.
    pub position: Option<usize>,
    /// What was expected: the check character for `CHECK_DIGIT`, the length(s) for `LENGTH`,
    /// the accepted form for `FORMAT`.
    pub expected: Option<String>,
    pub message_en: Option<String>,
    pub message_zh: Option<String>,
    /// The number as it should be stored: surrounding whitespace removed, letters upper-cased;
    /// a mobile number as its 11 national digits.
    pub normalised: Option<String>,
    /// Resident IDs and residence permits: `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// Resident IDs and residence permits: `male` / `female` (sequence digit odd / even).
    pub sex: Option<&'static str>,
    /// Resident IDs and residence permits: age in completed years on `as_of` (0 before birth).
    pub age: Option<u32>,
    /// The province-level code (`BJ` …, `HK`, `MO`, `TW`) of the area digits: the home
    /// province of a resident ID, the registration province of a credit code (`None` for the
    /// national-level area 100000).
    pub province: Option<&'static str>,
    /// The 6-digit GB/T 2260 area code embedded in the number.
    pub area: Option<String>,
    /// Credit codes: position 1 (登记管理部门代码) and position 2 (机构类别代码).
    pub registration_authority: Option<char>,
    pub org_type: Option<char>,
    /// Credit codes: the organisation class those two characters name in GB 32100 (see
    /// [`org_class`]); `None` for a pair the table does not list.
    pub org_class: Option<&'static str>,
    pub org_class_zh: Option<&'static str>,
}

impl IdError {
    /// The stable reason code of this error (the `reason` of an [`IdResult`]).
    pub fn code(&self) -> &'static str {
        match self {
            IdError::Length { .. } => "LENGTH",
            IdError::Charset { .. } => "CHARSET",
            IdError::Area { .. } => "AREA",
            IdError::BirthDate { .. } => "BIRTH_DATE",
            IdError::CheckDigit { .. } => "CHECK_DIGIT",
            IdError::Format { .. } => "FORMAT",
        }
    }
}

/// Every reason code [`IdResult::reason`] can hold.
pub const ID_REASONS: [&str; 6] = ["LENGTH", "CHARSET", "AREA", "BIRTH_DATE", "CHECK_DIGIT", "FORMAT"];

/// The organisation class of a credit code's first two characters: (key, 中文).
///
/// GB 32100-2015 附录 A (登记管理部门代码 and 机构类别代码): 1 机构编制 (1 机关, 2 事业单位,
/// 3 中央编办直接管理机构编制的群众团体, 9 其他), 5 民政 (1 社会团体, 2 民办非企业单位, 3 基金会,
/// 9 其他), 9 工商 (1 企业, 2 个体工商户, 3 农民专业合作社), Y 其他 (1). The authorities added
/// to the code table since (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 军队, N 农业)
/// are given their authority's class with `_other` detail only, since the parser does not
/// check position 1–2 against any table either (see [`parse_credit_code`]).
pub fn org_class(authority: char, org_type: char) -> Option<(&'static str, &'static str)> {
    Some(match (authority, org_type) {
        ('1', '1') => ("government_organ", "机关"),
        ('1', '2') => ("public_institution", "事业单位"),
        ('1', '3') => ("mass_organisation", "中央编办直接管理机构编制的群众团体"),
        ('1', '9') => ("institutional_other", "机构编制其他"),
        ('5', '1') => ("social_organisation", "社会团体"),
        ('5', '2') => ("private_non_enterprise", "民办非企业单位"),
        ('5', '3') => ("foundation", "基金会"),
        ('5', '9') => ("civil_affairs_other", "民政其他"),
        ('9', '1') => ("enterprise", "企业"),
        ('9', '2') => ("individual_business", "个体工商户"),
        ('9', '3') => ("farmer_cooperative", "农民专业合作社"),
        ('Y', '1') => ("other", "其他"),
        ('2', _) => ("foreign_affairs_other", "外交登记机构"),
        ('3', _) => ("judicial_other", "司法行政登记机构"),
        ('4', _) => ("culture_other", "文化登记机构"),
        ('6', _) => ("tourism_other", "旅游登记机构"),
        ('7', _) => ("religion_other", "宗教登记机构"),
        ('8', _) => ("trade_union_other", "工会登记机构"),
        ('A', _) => ("military_other", "军队登记机构"),
        ('N', _) => ("agriculture_other", "农业登记机构"),
        _ => return None,
    })
}

fn empty(kind: IdKind) -> IdResult {
    IdResult {
        kind,
        valid: false,
        reason: None,
        position: None,
        expected: None,
        message_en: None,
        message_zh: None,
        normalised: None,
        birth_date: None,
        sex: None,
        age: None,
        province: None,
        area: None,
        registration_authority: None,
        org_type: None,
        org_class: None,
        org_class_zh: None,
    }
}

/// Checks `value` as a number of `kind`, with ages computed on `as_of`.
///
/// Surrounding whitespace is ignored as the application rules ignore it (a mobile number
/// ignores spaces and hyphens anywhere); a `CHARSET` position counts characters in the value
/// as given. Total: any text gives a result, never a panic.
pub fn check_id(kind: IdKind, value: &str, as_of: NaiveDate) -> IdResult {
    let mut r = empty(kind);
    let (lead, n) = if kind == IdKind::Mobile {
        (0, value)
    } else {
        let t = value.trim_start();
        (value.chars().count() - t.chars().count(), t.trim_end())
    };
    let outcome = match kind {
        IdKind::ResidentId => parse_resident_id(n).map(|id| person(&mut r, &id, as_of)),
        IdKind::HkMacauResidence => {
            check_residence_permit_number(n, ResidencePermitKind::HongKongMacau).map(|id| person(&mut r, &id, as_of))
        }
        IdKind::TaiwanResidence => check_residence_permit_number(n, ResidencePermitKind::Taiwan).map(|id| person(&mut r, &id, as_of)),
        IdKind::CreditCode => parse_credit_code(n).map(|c| {
            r.province = province_of_area_prefix(&c.province_prefix);
            r.area = Some(c.area);
            r.registration_authority = Some(c.registration_authority);
            r.org_type = Some(c.org_type);
            if let Some((en, zh)) = org_class(c.registration_authority, c.org_type) {
                r.org_class = Some(en);
                r.org_class_zh = Some(zh);
            }
        }),
        IdKind::Mobile => normalise_mobile(n).map(|m| r.normalised = Some(m)),
        IdKind::HkMacauPermit => check_hk_macau_permit(n),
        IdKind::TaiwanPermit => check_taiwan_permit(n),
        IdKind::Passport => check_passport(n),
    };
    match outcome {
        Ok(()) => {
            r.valid = true;
            if r.normalised.is_none() {
                r.normalised = Some(n.to_ascii_uppercase());
            }
        }
        Err(e) => {
            let e = match e {
                IdError::Charset { position, ch } => IdError::Charset { position: position + lead, ch },
                e => e,
            };
            r.reason = Some(e.code());
            r.message_en = Some(e.reason_en());
            r.message_zh = Some(e.reason_zh());
            match &e {
                IdError::Charset { position, .. } => r.position = Some(*position),
                IdError::Length { expected, .. } | IdError::Format { expected } => r.expected = Some((*expected).to_owned()),
                IdError::CheckDigit { expected, .. } => r.expected = Some(expected.to_string()),
                IdError::Area { .. } | IdError::BirthDate { .. } => {}
            }
        }
    }
    r
}

fn person(r: &mut IdResult, id: &ResidentId, as_of: NaiveDate) {
    let on = Ymd { year: as_of.year(), month: as_of.month(), day: as_of.day() };
    r.birth_date = Some(format!("{:04}-{:02}-{:02}", id.birth.year, id.birth.month, id.birth.day));
    r.sex = Some(if id.male { "male" } else { "female" });
    r.age = Some(age_on(id.birth, on));
    r.province = province_of_area_prefix(&id.province_prefix);
    r.area = Some(id.area.clone());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn resident_id_facts() {
        let r = check_id(IdKind::ResidentId, "11010519491231002x", day("2026-12-30"));
        assert!(r.valid);
        assert_eq!(r.reason, None);
        assert_eq!(r.normalised.as_deref(), Some("11010519491231002X"));
        assert_eq!(r.birth_date.as_deref(), Some("1949-12-31"));
        assert_eq!(r.sex, Some("female"));
        assert_eq!(r.age, Some(76)); // the day before the 77th birthday
        assert_eq!(check_id(IdKind::ResidentId, "11010519491231002X", day("2026-12-31")).age, Some(77));
        assert_eq!(r.province, Some("BJ"));
        assert_eq!(r.area.as_deref(), Some("110105"));
        assert_eq!(r.org_class, None);
        let m = check_id(IdKind::ResidentId, "310104199001011233", day("2026-01-01"));
        assert_eq!((m.sex, m.province, m.age), (Some("male"), Some("SH"), Some(36)));
    }

    #[test]
    fn reasons_and_positions() {
        let as_of = day("2026-01-01");
        let r = check_id(IdKind::ResidentId, "310104199001011234", as_of);
        assert!(!r.valid);
        assert_eq!(r.reason, Some("CHECK_DIGIT"));
        assert_eq!(r.expected.as_deref(), Some("3"));
        assert_eq!(r.message_en.as_deref(), Some("check digit should be 3, found 4"));
        assert_eq!(r.message_zh.as_deref(), Some("校验码应为3，实为4"));
        assert_eq!((r.normalised.as_ref(), r.birth_date.as_ref(), r.age), (None, None, None));
        // Surrounding whitespace is ignored as the engine ignores it; a position counts from the
        // value as given.
        assert!(check_id(IdKind::ResidentId, "  310104199001011233\n", as_of).valid);
        let r = check_id(IdKind::ResidentId, "  3101041990010112a3", as_of);
        assert_eq!((r.reason, r.position), (Some("CHARSET"), Some(19)));
        let r = check_id(IdKind::ResidentId, "", as_of);
        assert_eq!((r.reason, r.expected.as_deref()), (Some("LENGTH"), Some("18")));
        assert_eq!(check_id(IdKind::ResidentId, "990101199001011230", as_of).reason, Some("AREA"));
        assert_eq!(check_id(IdKind::ResidentId, "110101190002290011", as_of).reason, Some("BIRTH_DATE"));
        assert_eq!(check_id(IdKind::Mobile, "12012345678", as_of).reason, Some("FORMAT"));
        for k in IdKind::ALL {
            let r = check_id(k, "\u{0}<script>", as_of);
            assert!(!r.valid && ID_REASONS.contains(&r.reason.unwrap()), "{k:?}");
        }
    }

    #[test]
    fn credit_code_facts() {
        let r = check_id(IdKind::CreditCode, "91350100M000100y", day("2026-01-01"));
        assert_eq!(r.reason, Some("LENGTH"));
        let code = format!("913101{}", "15MA1FL2BX");
        let body = format!("{code}1");
        let full = format!("{body}{}", credit_code_check_char(&body).unwrap());
        let r = check_id(IdKind::CreditCode, &full.to_ascii_lowercase(), day("2026-01-01"));
        assert!(r.valid, "{r:?}");
        assert_eq!(r.normalised.as_deref(), Some(full.as_str()));
        assert_eq!((r.province, r.area.as_deref()), (Some("SH"), Some("310115")));
        assert_eq!((r.registration_authority, r.org_type), (Some('9'), Some('1')));
        assert_eq!((r.org_class, r.org_class_zh), (Some("enterprise"), Some("企业")));
        assert_eq!((r.birth_date, r.sex, r.age), (None, None, None));
        // National-level area: valid, no province.
        let r = check_id(IdKind::CreditCode, "11100000000013127D", day("2026-01-01"));
        assert!(r.valid);
        assert_eq!((r.province, r.org_class), (None, Some("government_organ")));
    }

    #[test]
    fn other_kinds_normalise() {
        let as_of = day("2026-01-01");
        assert_eq!(check_id(IdKind::Mobile, "+86 138-0013-8000", as_of).normalised.as_deref(), Some("13800138000"));
        assert_eq!(check_id(IdKind::HkMacauPermit, " h12345678 ", as_of).normalised.as_deref(), Some("H12345678"));
        assert_eq!(check_id(IdKind::TaiwanPermit, "1234567890(b)", as_of).normalised.as_deref(), Some("1234567890(B)"));
        assert_eq!(check_id(IdKind::Passport, "e1234567", as_of).normalised.as_deref(), Some("E1234567"));
        let hk = format!("81000019900101123{}", resident_id_check_char("81000019900101123").unwrap());
        let r = check_id(IdKind::HkMacauResidence, &hk, as_of);
        assert_eq!((r.valid, r.province), (true, Some("HK")));
        assert_eq!(check_id(IdKind::TaiwanResidence, &hk, as_of).reason, Some("AREA"));
    }

    #[test]
    fn kinds_round_trip() {
        for k in IdKind::ALL {
            assert_eq!(IdKind::parse(k.as_str()), Ok(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
        let e = IdKind::parse("ssn").unwrap_err();
        assert!(e.to_string().contains("\"ssn\"") && e.to_string().contains("resident_id, credit_code"), "{e}");
    }

    /// The answer agrees with the application rules' number check for every kind they share.
    #[test]
    fn agrees_with_the_application_rules() {
        let as_of = day("2026-01-01");
        let samples = ["310104199001011233", "310104199001011234", " 11010519491231002x ", "H12345678", "E1234567", "", "1234567890(B)"];
        for (kind, rule_kind) in [
            (IdKind::ResidentId, "resident_id"),
            (IdKind::Passport, "passport"),
            (IdKind::HkMacauPermit, "hk_macau_permit"),
            (IdKind::TaiwanPermit, "taiwan_permit"),
            (IdKind::HkMacauResidence, "hk_macau_residence"),
            (IdKind::TaiwanResidence, "taiwan_residence"),
        ] {
            for s in samples {
                let rule = crate::rules::subject::check_number(rule_kind, s).expect("a person document");
                assert_eq!(check_id(kind, s, as_of).valid, rule.is_ok(), "{kind:?} {s:?}");
            }
        }
    }
}
