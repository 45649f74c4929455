//! The rule families and the order a check runs them in ([`run`]).
pub mod domain;
pub mod filing_type;
pub mod materials;
pub mod notes;
pub(crate) mod people;
pub mod registry;
pub mod resource;
pub(crate) mod site;
pub mod subject;
pub mod website;

use crate::codes::*;
use crate::input::model::Application;
use crate::pack::province::{Province, ProvinceRule};
use crate::pack::Pack;
use crate::report::sink::Sink;
use crate::report::{process, Report, Verdict};
use crate::{ctx, dates, today, vocab};
use chrono::NaiveDate;

/// The province a filing names, or `PROVINCE_UNKNOWN` at `province` when the pack has none of
/// that code or name (every entry point looks provinces up here).
pub(crate) fn province_of<'p>(pack: &'p Pack, given: Option<&str>, sink: &mut Sink) -> Option<&'p Province> {
    let p = given?;
    let found = pack.province(p);
    if found.is_none() {
        sink.add(PROVINCE_UNKNOWN, "province", ctx!["value" => p]);
    }
    found
}

/// The province rows that bind a filing: the rows for personal filings or for organisations.
/// When it is unknown which the filer is (`subject.kind` absent or invalid, which is itself
/// reported, so the verdict cannot be eligible) no row binds: guessing either kind would report
/// the other kind's rules. The one place this is decided for applications; a bare domain
/// query (`Engine::check_domain` without a subject kind) asks about any filer instead.
pub(crate) fn binding_rows(province: Option<&Province>, personal: Option<bool>) -> Vec<&ProvinceRule> {
    binding_rows_at(province, personal).into_iter().map(|(_, r)| r).collect()
}

/// [`binding_rows`] with each row's index in the province's `rules`.
pub(crate) fn binding_rows_at(province: Option<&Province>, personal: Option<bool>) -> Vec<(usize, &ProvinceRule)> {
    match (province, personal) {
        (Some(p), Some(pers)) => p.rules.iter().enumerate().filter(|(_, r)| r.applies(pers)).collect(),
        _ => Vec::new(),
    }
}

/// The province rows a bare domain query asks about: with no subject kind, every row that binds
/// some filer (the question is whether anyone may file the name there).
/// An iterator, not a list: it runs once per domain of a bulk query.
pub(crate) fn query_rows(province: Option<&Province>, personal: Option<bool>) -> impl Iterator<Item = &ProvinceRule> {
    province.into_iter().flat_map(|p| p.rules.iter()).filter(move |r| personal.is_none_or(|pers| r.applies(pers)))
}

/// A province as the rows' messages name it.
pub(crate) fn place(p: &Province) -> site::Place<'_> {
    site::Place { zh: &p.zh, en: &p.en }
}

/// What every rule sees: the pack, the application, the evaluation date, and what was
/// derived once from the input (province, subject kind).
pub(crate) struct Cx<'a> {
    pub pack: &'a Pack,
    pub app: &'a Application,
    pub as_of: NaiveDate,
    pub province: Option<&'a Province>,
    pub subject_kind: Option<&'static str>,
    /// `Some(true)` for a personal filing, `Some(false)` for an organisation, `None` if unknown.
    pub personal: Option<bool>,
    /// The derived filing type (province rules may bind only some types).
    pub filing_type: Option<&'static str>,
    /// Each website's domain, parsed once by the domain rules (None if absent or invalid).
    pub website_domains: Vec<Option<domain::Parsed>>,
    /// The province rows binding this filing ([`binding_rows`]).
    pub rows: Vec<&'a ProvinceRule>,
}

/// One check on one pack: every family of rules, then the report.
pub(crate) fn run(pack: &Pack, app: &Application, mut sink: Sink, default_as_of: Option<NaiveDate>) -> Report {
    let as_of = app.as_of.or(default_as_of).unwrap_or_else(today);
    let province = province_of(pack, app.province.as_deref(), &mut sink);
    let subject_kind = app.subject.as_ref().and_then(|s| s.kind.value());
    let mut cx = Cx {
        pack,
        app,
        as_of,
        province,
        subject_kind,
        personal: subject_kind.map(vocab::is_personal),
        filing_type: None,
        website_domains: Vec::new(),
        rows: binding_rows(province, subject_kind.map(vocab::is_personal)),
    };
    let filing_type = filing_type::check(&cx, &mut sink);
    cx.filing_type = filing_type;

    cx.website_domains = domain::check_websites(&cx, &mut sink);
    resource::check(&cx, &mut sink);
    subject::check(&cx, &mut sink);
    website::check(&cx, &mut sink);
    let materials = materials::check(&cx, &mut sink);

    let findings = sink.finish();
    let timeline = process::timeline(province);
    let mut not_checked = Vec::new();
    if !app.account.is_value() {
        not_checked.push("account");
    }
    if !app.given.materials {
        not_checked.push("materials");
    }
    let steps = process::steps(&findings, &not_checked);
    let notes = match (province, cx.personal) {
        (Some(p), Some(personal)) => crate::pack::notes::for_case(pack.province_notes(p), personal, filing_type).cloned().collect(),
        _ => Vec::new(),
    };
    Report {
        notes,
        verdict: Verdict::of(&findings),
        filing_type,
        findings,
        not_checked,
        materials,
        steps,
        timeline,
        rules: pack.info.clone(),
        as_of: dates::fmt(as_of),
    }
}
