//! Calendar arithmetic for the rules. Every date is a civil date in Asia/Shanghai (UTC+8, no
//! daylight saving since 1991), which is how the bureaus and Tencent count days.
use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// A point in time as Shanghai sees it. Inputs without a time are taken at 00:00.
pub type Moment = NaiveDateTime;

#[allow(clippy::expect_used, reason = "a constant offset of 8 hours, well inside FixedOffset's ±24 hours")]
pub fn shanghai() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

/// Parses `YYYY-MM-DD` or an RFC 3339 date-time (converted to Shanghai time). A date-time
/// without an offset is read as Shanghai time.
pub fn parse_moment(s: &str) -> Result<Moment, String> {
    let s = s.trim();
    // The common shapes without chrono's format parser (a tenth of a check went there).
    if let Some(d) = quick_date(s) {
        match s.len() {
            10 => return Ok(d.and_time(NaiveTime::MIN)),
            19 if matches!(s.as_bytes()[10], b'T' | b' ') => {
                if let Some(t) = quick_time(&s[11..]) {
                    return Ok(d.and_time(t));
                }
            }
            _ => {}
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        if s.len() == 10 {
            return Ok(d.and_time(NaiveTime::MIN));
        }
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&shanghai()).naive_local());
    }
    for f in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Ok(t);
        }
    }
    Err(format!("\"{s}\" is not a date (YYYY-MM-DD) or an RFC 3339 date-time"))
}

/// `YYYY-MM-DD` at the start of `s`, all digits, a real calendar date.
fn quick_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = digits(&b[0..4])?;
    let m = digits(&b[5..7])?;
    let d = digits(&b[8..10])?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// `HH:MM:SS`, exactly.
fn quick_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    NaiveTime::from_hms_opt(digits(&b[0..2])?, digits(&b[3..5])?, digits(&b[6..8])?)
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    if t.len() == 10 {
        if let Some(d) = quick_date(t) {
            return Ok(d);
        }
    }
    match NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        Ok(d) if s.trim().len() == 10 => Ok(d),
        _ => Err(format!("\"{s}\" is not a calendar date in the form YYYY-MM-DD")),
    }
}

/// `d` plus `months` calendar months; the day is clamped to the month's end (Jan 31 + 1 month
/// = Feb 28/29), the usual reading of "N months" in the documents.
pub fn add_months(d: NaiveDate, months: i32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + months;
    let (y, m0) = (total.div_euclid(12), total.rem_euclid(12) as u32);
    let mut day = d.day();
    loop {
        if let Some(r) = NaiveDate::from_ymd_opt(y, m0 + 1, day) {
            return r;
        }
        day -= 1;
    }
}

pub fn add_days(d: NaiveDate, days: i64) -> NaiveDate {
    d + Duration::days(days)
}

/// `d` plus `n` working days (Monday–Friday). Public holidays and the make-up working weekends
/// are not modelled: the documents give no calendar, so the result can be early by the length
/// of a holiday.
pub fn add_working_days(d: NaiveDate, n: u32) -> NaiveDate {
    let mut r = d;
    let mut left = n;
    while left > 0 {
        #[allow(
            clippy::expect_used,
            reason = "dates parse with 4-digit years; chrono counts to year 262143 (a pack's wait in the millions of days would still panic)"
        )]
        let next = r.succ_opt().expect("date in range");
        r = next;
        if !matches!(r.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    r
}

pub fn fmt(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

pub fn fmt_moment(m: Moment) -> String {
    if m.time() == NaiveTime::MIN {
        fmt(m.date())
    } else {
        m.format("%Y-%m-%d %H:%M").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }
    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2028-01-31"), 1), d("2028-02-29"));
        assert_eq!(add_months(d("2026-11-29"), 3), d("2027-02-28"));
        assert_eq!(add_months(d("2026-11-29"), -3), d("2026-08-29"));
        assert_eq!(add_months(d("2026-12-15"), 1), d("2027-01-15"));
    }
    #[test]
    fn working_days_skip_weekends() {
        // 2026-11-27 is a Friday.
        assert_eq!(add_working_days(d("2026-11-27"), 1), d("2026-11-30"));
        assert_eq!(add_working_days(d("2026-11-27"), 3), d("2026-12-02"));
    }
    #[test]
    fn moments_convert_to_shanghai() {
        let m = parse_moment("2026-11-28T20:00:00Z").unwrap();
        assert_eq!(fmt_moment(m), "2026-11-29 04:00");
        assert_eq!(parse_moment("2026-11-29").unwrap().date(), d("2026-11-29"));
        assert!(parse_moment("2026-02-30").is_err());
        assert!(parse_date("2026-2-3").is_err());
    }
}
