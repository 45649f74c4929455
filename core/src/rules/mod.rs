//! The rule families and the order a check runs them in ([`run`]).
pub mod domain;
pub mod filing_type;
pub mod materials;
pub mod resource;
pub mod subject;
pub mod website;

use crate::codes::*;
use crate::input::model::Application;
use crate::pack::province::Province;
use crate::pack::Pack;
use crate::report::findings;
use crate::report::sink::Sink;
use crate::report::{process, Report, Verdict};
use crate::{ctx, dates, today, vocab};
use chrono::NaiveDate;

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
}

/// One check on one pack: every family of rules, then the report.
pub(crate) fn run(pack: &Pack, app: &Application, mut sink: Sink, default_as_of: Option<NaiveDate>) -> Report {
    let as_of = app.as_of.or(default_as_of).unwrap_or_else(today);
    let province = app.province.as_deref().and_then(|p| {
        let found = pack.province(p);
        if found.is_none() {
            sink.add(PROVINCE_UNKNOWN, "province", ctx!["value" => p]);
        }
        found
    });
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
    };
    let filing_type = filing_type::check(&cx, &mut sink);
    cx.filing_type = filing_type;

    cx.website_domains = domain::check_websites(&cx, &mut sink);
    resource::check(&cx, &mut sink);
    subject::check(&cx, &mut sink);
    website::check(&cx, &mut sink);
    let materials = materials::check(&cx, &mut sink);

    let mut findings = sink.findings;
    findings::sort(&mut findings);
    findings.dedup_by(|a, b| a.code == b.code && a.path == b.path && a.message == b.message);
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
