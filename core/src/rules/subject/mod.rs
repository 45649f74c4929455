//! Subjects and people (tencent/facts.md §2, §5, §9 and the province rows): certificates and
//! their numbers, who may file where, ages, non-local IDs, owners, contact numbers, accounts.
pub mod address_forbidden_words;
pub mod certificate_types;
pub mod certificate_validity_min_months;
pub mod distinct_numbers;
pub mod min_age;
pub mod non_local_id;
pub mod retirement_age;
pub mod subject_owner;
pub mod website_owner_is_subject_owner;

use crate::codes::*;
use crate::ctx;
use crate::dates;
use crate::ids::{self, IdError};
use crate::input::model::{Certificate, Fact};
use crate::pack::province::ProvinceRule;
use crate::pack::scope::Holder;
use crate::report::sink::Sink;
use crate::rules::people::comparable_mobile;
pub(crate) use crate::rules::people::same_person;
use crate::rules::registry::ask;
use crate::rules::site::{Role, Site};
use crate::rules::Cx;
use crate::text::name_key;
use crate::vocab;
use chrono::{Datelike, NaiveDate};

fn ymd(d: NaiveDate) -> ids::Ymd {
    ids::Ymd { year: d.year(), month: d.month(), day: d.day() }
}

/// Checks a certificate number by its type. `None` means the format is not one the documents
/// pin down (organisation certificates without a credit code), so nothing is claimed.
pub fn check_number(kind: &str, number: &str) -> Option<Result<(), IdError>> {
    let n = number.trim();
    Some(match kind {
        "resident_id" => ids::parse_resident_id(n).map(|_| ()),
        "passport" => ids::check_passport(n),
        "hk_macau_permit" => ids::check_hk_macau_permit(n),
        "taiwan_permit" => ids::check_taiwan_permit(n),
        "hk_macau_residence" => ids::check_residence_permit_number(n, ids::ResidencePermitKind::HongKongMacau).map(|_| ()),
        "taiwan_residence" => ids::check_residence_permit_number(n, ids::ResidencePermitKind::Taiwan).map(|_| ()),
        // 营业执照: the 18-character unified social credit code, or a pre-2015 15-digit 注册号
        // (F06) whose check is not in the documents.
        "business_license" if n.len() == 15 && n.bytes().all(|b| b.is_ascii_digit()) => Ok(()),
        "business_license" => ids::parse_credit_code(n).map(|_| ()),
        // Other organisation certificates carry the credit code when they have 18 characters.
        _ if n.chars().count() == 18 && !vocab::PERSON_ID_TYPES.contains(&kind) => ids::parse_credit_code(n).map(|_| ()),
        _ => return None,
    })
}

fn roles<'a>(cx: &Cx<'a>) -> Vec<Role<'a>> {
    let mut out = Vec::new();
    if let Some(p) = cx.app.subject.as_ref().and_then(|s| s.responsible_person.get()) {
        out.push(Role { path: "subject.responsible_person".into(), zh: "主体负责人", en: "subject owner", person: p });
    }
    for (i, w) in cx.app.websites.iter().enumerate() {
        if let Some(p) = w.responsible_person.get() {
            out.push(Role { path: format!("websites[{i}].responsible_person"), zh: "网站负责人", en: "website owner", person: p });
        }
    }
    out
}

/// The people the filing names but whose details were not given: each person rule (ID, age,
/// mobile) reads them, so each is reported once as not checkable.
fn absent_people(cx: &Cx, sink: &mut Sink) {
    let subject_owner = cx.app.subject.as_ref().map(|s| &s.responsible_person);
    let websites = cx
        .app
        .websites
        .iter()
        .enumerate()
        .map(|(i, w)| (format!("websites[{i}].responsible_person"), &w.responsible_person, "网站负责人", "website owner"));
    for (path, fact, zh, en) in
        subject_owner.map(|f| ("subject.responsible_person".to_owned(), f, "主体负责人", "subject owner")).into_iter().chain(websites)
    {
        if fact.is_absent() {
            sink.fact_missing(
                path,
                PERSON_ID_INVALID,
                format!("{zh}的证件、年龄与联系方式"),
                format!("the {en}'s ID, age and contact numbers"),
            );
        }
    }
}

pub(crate) fn check(cx: &Cx, sink: &mut Sink) {
    let Some(subject) = cx.app.subject.as_ref() else { return };
    let personal = cx.personal == Some(true);
    let pack = cx.pack;
    let prov_rules = &cx.rows;

    // Eligibility of the kind of subject (F12 vs S05).
    absent_people(cx, sink);
    if let Some(kind) = cx.subject_kind {
        for ne in pack.subjects.not_eligible.iter().filter(|n| n.kind == kind) {
            let code = match ne.eligibility {
                crate::pack::tables::Eligibility::Refused => SUBJECT_NOT_ELIGIBLE,
                crate::pack::tables::Eligibility::Unclear => SUBJECT_ELIGIBILITY_UNCLEAR,
            };
            sink.add_sourced(
                code,
                "subject.kind",
                ctx!["reason_zh" => ne.reason_zh.clone(), "reason_en" => ne.reason_en.clone()],
                Some(&ne.source),
            );
        }
    }

    // The subject's certificate: an allowed type, a valid number, valid long enough. A
    // province margin for one holder (the licence, or the people's IDs) replaces the national
    // 3 months for that holder only.
    let margin = |holder: Holder, sink: &mut Sink| {
        let mut margin = None;
        ask(prov_rules.iter().copied(), &mut Site::CertificateMargin { holder, margin: &mut margin }, sink);
        margin.unwrap_or((pack.subjects.certificate_min_valid_months.months, pack.subjects.certificate_min_valid_months.source.as_str()))
    };
    let months = margin(Holder::Subject, sink);
    let people_months = margin(Holder::People, sink);
    match &subject.certificate {
        Fact::Value(cert) => {
            subject_certificate(cx, cert, prov_rules, sink);
            validity(cx, "subject.certificate.valid_until", cert.valid_until, ("主体", "subject's"), months, sink);
        }
        Fact::Absent => sink.fact_missing(
            "subject.certificate",
            SUBJECT_CERTIFICATE_INVALID,
            "主体证件类型、号码及有效期",
            "the subject's certificate type, number and validity",
        ),
        Fact::Null | Fact::Invalid => {}
    }

    // People: ID numbers, ID validity, ages, mobile numbers.
    for role in roles(cx) {
        let p = role.person;
        for (field, fact) in [("name", p.name.is_absent()), ("id_type", p.id_type.is_absent()), ("id_number", p.id_number.is_absent())] {
            if fact {
                sink.fact_missing(
                    format!("{}.{field}", role.path),
                    PERSON_ID_INVALID,
                    format!("{}的证件是否有效", role.zh),
                    format!("whether the {}'s ID is valid", role.en),
                );
            }
        }
        if let (Some(t), Some(n)) = (p.id_type.value(), p.id_number.as_deref()) {
            if !pack.subjects.person_id_types.types.iter().any(|x| x == t) {
                let at = format!("{}.id_type", role.path);
                sink.add(INPUT_INVALID_VALUE, at.clone(), ctx!["field" => at, "reason_en" => format!("{t} is not a personal ID document"), "reason_zh" => format!("{}不是个人身份证件", crate::vocab::zh_of(crate::vocab::CERTIFICATE_TYPES, t))]);
            } else if let Some(Err(e)) = check_number(t, n) {
                sink.add(PERSON_ID_INVALID, format!("{}.id_number", role.path), ctx!["number" => n, "role_zh" => role.zh, "role_en" => role.en, "reason_zh" => e.reason_zh(), "reason_en" => e.reason_en()]);
            } else if t == "resident_id" {
                if let (Ok(id), Some(prov)) = (ids::parse_resident_id(n.trim()), cx.province) {
                    let age = ids::age_on(id.birth, ymd(cx.as_of));
                    let place = crate::rules::place(prov);
                    ask(prov_rules.iter().copied(), &mut Site::ResidentAge { role: &role, age, as_of: cx.as_of, province: &place }, sink);
                }
            }
        }
        validity(cx, &format!("{}.id_valid_until", role.path), p.id_valid_until, (role.zh, role.en), people_months, sink);
        if let (Some(t), Some(n)) = (p.id_type.value(), p.id_number.as_deref()) {
            province_id_rules(cx, prov_rules, &role, t, n, sink);
        }
        for (field, value) in [("mobile", &p.mobile), ("emergency_mobile", &p.emergency_mobile)] {
            if value.is_absent() {
                sink.fact_missing(
                    format!("{}.{field}", role.path),
                    CONTACT_MOBILE_INVALID,
                    format!("{}的联系电话是否有效", role.zh),
                    format!("whether the {}'s phone number is valid", role.en),
                );
            }
            if let Some(m) = value.as_deref() {
                if let Err(e) = ids::normalise_mobile(m) {
                    let at = format!("{}.{field}", role.path);
                    sink.add(
                        CONTACT_MOBILE_INVALID,
                        at.clone(),
                        ctx!["field" => at, "mobile" => m, "reason_zh" => e.reason_zh(), "reason_en" => e.reason_en()],
                    );
                }
            }
        }
    }

    if personal {
        non_local(cx, prov_rules, sink);
    } else {
        owners(cx, prov_rules, sink);
        cross_province(cx, sink);
    }
    distinct_numbers(cx, prov_rules, sink);
    if let Some(prov) = cx.province {
        let place = crate::rules::place(prov);
        ask(prov_rules.iter().copied(), &mut Site::Subject { province: &place, subject }, sink);
    }
    account(cx, sink);
}

fn subject_certificate<'r>(cx: &Cx<'r>, cert: &Certificate, rules: &[&'r ProvinceRule], sink: &mut Sink) {
    let Some(kind) = cx.subject_kind else { return };
    if cert.kind.is_absent() {
        sink.fact_missing(
            "subject.certificate.type",
            SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED,
            "主体证件类型是否可用于此类主体",
            "whether the certificate type is accepted for this kind of subject",
        );
    }
    if cert.number.is_absent() {
        sink.fact_missing(
            "subject.certificate.number",
            SUBJECT_CERTIFICATE_INVALID,
            "主体证件号码是否有效",
            "whether the certificate number is valid",
        );
    }
    if let Some(t) = cert.kind.value() {
        if let Some((types, source)) = province_types(rules, Holder::Subject, kind, sink).filter(|(types, _)| !types.iter().any(|x| x == t))
        {
            sink.add_sourced(
                SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED,
                "subject.certificate.type",
                ctx![
                    "subject_kind" => kind, "certificate_type" => t, "allowed" => types.to_vec(),
                ],
                Some(source),
            );
            return;
        }
        if let Some(row) = cx.pack.subjects.certificates.iter().find(|c| c.kind == kind) {
            if !row.types.iter().any(|x| x == t) {
                sink.add_sourced(
                    SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED,
                    "subject.certificate.type",
                    ctx![
                        "subject_kind" => kind, "certificate_type" => t, "allowed" => row.types.clone(),
                    ],
                    Some(&row.source),
                );
                return;
            }
        }
        if let Some(n) = cert.number.as_deref() {
            if let Some(Err(e)) = check_number(t, n) {
                sink.add(
                    SUBJECT_CERTIFICATE_INVALID,
                    "subject.certificate.number",
                    ctx!["number" => n, "reason_zh" => e.reason_zh(), "reason_en" => e.reason_en()],
                );
            }
        }
    }
}

/// Certificates must stay valid `months` after submission (S06; province margins). `null` is
/// long-term (长期), which many licences and IDs of people over 46 are; a date left out is
/// unknown, never long-term.
fn validity(cx: &Cx, path: &str, until: Fact<NaiveDate>, whose: (&str, &str), (months, source): (u32, &str), sink: &mut Sink) {
    let until = match until {
        Fact::Value(d) => d,
        Fact::Absent => {
            sink.fact_missing(
                path,
                SUBJECT_CERTIFICATE_EXPIRING,
                format!("{}证件的有效期是否满 {months} 个月（长期有效请填 null）", whose.0),
                format!("whether the {} certificate stays valid for {months} months (null for long-term)", whose.1),
            );
            return;
        }
        Fact::Null | Fact::Invalid => return,
    };
    let required = dates::add_months(cx.as_of, months as i32);
    if until < required {
        sink.add_sourced(SUBJECT_CERTIFICATE_EXPIRING, path, ctx![
            "whose_zh" => whose.0, "whose_en" => whose.1, "valid_until" => dates::fmt(until), "months" => months, "required_until" => dates::fmt(required),
        ], Some(source));
    }
}

/// The province's list of accepted certificate types for a holder, if it has one for this kind.
fn province_types<'r>(rules: &[&'r ProvinceRule], holder: Holder, kind: &str, sink: &mut Sink) -> Option<(&'r [String], &'r str)> {
    let mut accepted = None;
    ask(rules.iter().copied(), &mut Site::CertificateTypes { holder, subject_kind: kind, accepted: &mut accepted }, sink);
    accepted
}

/// Province rules on a responsible person's ID: accepted types, retirement age.
fn province_id_rules<'r>(cx: &Cx<'r>, rules: &[&'r ProvinceRule], role: &Role, id_type: &str, number: &str, sink: &mut Sink) {
    let kind = cx.subject_kind.unwrap_or("");
    if let Some((types, source)) =
        province_types(rules, Holder::People, kind, sink).filter(|(types, _)| !types.iter().any(|x| x == id_type))
    {
        sink.add_sourced(
            SUBJECT_CERTIFICATE_TYPE_NOT_ALLOWED,
            format!("{}.id_type", role.path),
            ctx![
                "subject_kind" => kind, "certificate_type" => id_type, "allowed" => types.to_vec(),
            ],
            Some(source),
        );
    }
    let (Ok(id), Some(prov)) = (ids::parse_resident_id(number.trim()), cx.province) else { return };
    let age = ids::age_on(id.birth, ymd(cx.as_of));
    let place = crate::rules::place(prov);
    ask(rules.iter().copied(), &mut Site::ResponsibleId { role, male: id.male, age, as_of: cx.as_of, province: &place }, sink);
}

/// A personal filer with an ID from another province (judged from the ID's area code).
fn non_local(cx: &Cx, rules: &[&ProvinceRule], sink: &mut Sink) {
    let (Some(prov), Some(subject)) = (cx.province, cx.app.subject.as_ref()) else { return };
    let Some(cert) = subject.certificate.get().filter(|c| c.kind.value() == Some("resident_id")) else { return };
    let Some(Ok(id)) = cert.number.as_deref().map(|n| ids::parse_resident_id(n.trim())) else { return };
    if id.province_prefix == prov.area_prefix {
        return;
    }
    let home = cx.pack.provinces.iter().find(|p| p.area_prefix == id.province_prefix);
    let (home_zh, home_en) =
        home.map(|p| (p.zh.clone(), p.en.clone())).unwrap_or_else(|| (id.province_prefix.clone(), id.province_prefix.clone()));
    let permit_here = subject
        .residence_permit
        .claim()
        .is_some_and(|rp| rp.province.as_deref().and_then(|p| cx.pack.province(p)).is_some_and(|p| p.code == prov.code));
    let place = crate::rules::place(prov);
    let mut site = Site::NonLocal { province: &place, subject, home_zh: &home_zh, home_en: &home_en, permit_here, as_of: cx.as_of };
    ask(rules.iter().copied(), &mut site, sink);
}

/// Subject owner and website owners against the province's T1/T2 rules.
fn owners(cx: &Cx, rules: &[&ProvinceRule], sink: &mut Sink) {
    let Some(prov) = cx.province else { return };
    let place = crate::rules::place(prov);
    let mut site = Site::Owners {
        province: &place,
        owner: cx.app.subject.as_ref().and_then(|s| s.responsible_person.get()),
        subject_kind: cx.subject_kind,
        filing_type: cx.filing_type,
        websites: &cx.app.websites,
    };
    ask(rules.iter().copied(), &mut site, sink);
}

/// Organisations file in the province of their certificate (S10, F06, F21), read from the
/// credit code's area digits.
fn cross_province(cx: &Cx, sink: &mut Sink) {
    let (Some(prov), Some(subject)) = (cx.province, cx.app.subject.as_ref()) else { return };
    let Some(n) = subject.certificate.get().and_then(|c| c.number.as_deref()) else { return };
    let Ok(code) = ids::parse_credit_code(n.trim()) else { return };
    let Some(home) = cx.pack.provinces.iter().find(|p| p.area_prefix == code.province_prefix) else { return };
    if home.code != prov.code {
        sink.add(SUBJECT_CROSS_PROVINCE, "subject.certificate.number", ctx![
            "registered_zh" => home.zh.clone(), "registered_en" => home.en.clone(), "province_zh" => prov.zh.clone(), "province_en" => prov.en.clone(),
        ]);
    }
}

/// Province rules on contact numbers (北京, 辽宁, 天津 …).
fn distinct_numbers(cx: &Cx, rules: &[&ProvinceRule], sink: &mut Sink) {
    let Some(prov) = cx.province else { return };
    let people = roles(cx);
    let place = crate::rules::place(prov);
    ask(rules.iter().copied(), &mut Site::Contacts { province: &place, people: &people }, sink);
}

/// The filing account (S10, F11): real-named as the subject, personal accounts real-named at
/// least N hours before filing, a personal subject owner's mobile = the account's security
/// phone, one order at a time. Left out entirely, the account is named in `not_checked`.
fn account(cx: &Cx, sink: &mut Sink) {
    let (Some(acc), Some(subject)) = (cx.app.account.get(), cx.app.subject.as_ref()) else { return };
    let rules = &cx.pack.subjects.account;
    let src = Some(rules.source.as_str());
    let not_verified = |field: &str, sink: &mut Sink| {
        let at = format!("account.{field}");
        sink.add_sourced(ACCOUNT_NOT_REAL_NAME_VERIFIED, at.clone(), ctx!["field" => at], src);
    };
    match (&acc.real_name, subject.name.as_deref()) {
        (Fact::Value(real), Some(name)) if name_key(real) != name_key(name) => {
            sink.add(ACCOUNT_SUBJECT_MISMATCH, "account.real_name", ctx!["real_name" => real.as_str(), "subject_name" => name]);
        }
        (Fact::Null, _) => not_verified("real_name", sink),
        (Fact::Absent, _) => sink.fact_missing(
            "account.real_name",
            ACCOUNT_SUBJECT_MISMATCH,
            "云账号实名认证名称是否与备案主体一致",
            "whether the account is real-named as the subject",
        ),
        _ => {}
    }
    let hours = rules.personal_real_name_wait_hours;
    match (acc.kind, acc.real_name_verified_at) {
        (_, Fact::Null) => not_verified("real_name_verified_at", sink),
        (Fact::Value("personal"), Fact::Value(t)) => {
            let ready = t + chrono::Duration::hours(hours as i64);
            // as_of is the start of that day in Shanghai.
            if ready > cx.as_of.and_time(chrono::NaiveTime::MIN) {
                sink.add_sourced(
                    ACCOUNT_REAL_NAME_TOO_RECENT,
                    "account.real_name_verified_at",
                    ctx![
                        "verified_at" => dates::fmt_moment(t), "ready_at" => ready.format("%Y-%m-%d %H:%M").to_string(), "hours" => hours,
                    ],
                    src,
                );
            }
        }
        (Fact::Value(_), Fact::Value(_)) | (Fact::Invalid, _) | (_, Fact::Invalid) => {}
        (Fact::Absent, _) => sink.fact_missing(
            "account.kind",
            ACCOUNT_REAL_NAME_TOO_RECENT,
            format!("账号是个人还是企业（个人账号实名认证须满 {hours} 小时）"),
            format!("whether the account is personal or an enterprise (personal ones wait {hours} hours after real-name verification)"),
        ),
        (_, Fact::Absent) => sink.fact_missing(
            "account.real_name_verified_at",
            ACCOUNT_NOT_REAL_NAME_VERIFIED,
            format!("账号是否已完成实名认证并满 {hours} 小时"),
            format!("whether the account passed real-name verification at least {hours} hours ago"),
        ),
        (Fact::Null, _) => {}
    }
    if cx.personal == Some(true) {
        let owner = subject.responsible_person.get();
        match (owner.map(|p| &p.mobile), &acc.security_mobile) {
            (Some(Fact::Value(a)), Fact::Value(b)) if comparable_mobile(a) != comparable_mobile(b) => {
                sink.add(
                    ACCOUNT_SECURITY_MOBILE_MISMATCH,
                    "subject.responsible_person.mobile",
                    ctx!["mobile" => a.as_str(), "security_mobile" => b.as_str()],
                );
            }
            // No security phone at all: it cannot be the owner's.
            (Some(Fact::Value(a)), Fact::Null) => {
                sink.add(
                    ACCOUNT_SECURITY_MOBILE_MISMATCH,
                    "account.security_mobile",
                    ctx!["mobile" => a.as_str(), "security_mobile" => "（无）"],
                );
            }
            (_, Fact::Absent) => sink.fact_missing(
                "account.security_mobile",
                ACCOUNT_SECURITY_MOBILE_MISMATCH,
                "个人备案的主体负责人手机号是否为账号安全手机",
                "whether the personal filer's mobile is the account's security phone",
            ),
            _ => {}
        }
    }
    match acc.has_order_in_progress {
        Fact::Value(true) => sink.add(ACCOUNT_ORDER_IN_PROGRESS, "account.has_order_in_progress", ctx![]),
        Fact::Absent => sink.fact_missing(
            "account.has_order_in_progress",
            ACCOUNT_ORDER_IN_PROGRESS,
            "账号下是否有进行中的备案订单",
            "whether the account has a filing order in progress",
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn numbers_by_type() {
        assert_eq!(check_number("resident_id", "310104199001011233"), Some(Ok(())));
        assert!(matches!(check_number("resident_id", "310104199001011230"), Some(Err(IdError::CheckDigit { .. }))));
        assert_eq!(check_number("resident_id", "11010519491231002X"), Some(Ok(())));
        assert_eq!(check_number("business_license", "91350100M000100Y43"), Some(Ok(())));
        assert!(check_number("business_license", "91350100M000100Y44").unwrap().is_err());
        assert_eq!(check_number("business_license", "310104000123456"), Some(Ok(())));
        assert_eq!(check_number("military_code", "anything"), None);
    }
}
