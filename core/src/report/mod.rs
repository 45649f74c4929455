//! The report (../shared/DESIGN.md, The report). Field order here is the JSON order.
pub mod findings;
pub mod process;
pub mod rules_doc;
pub mod sink;
pub mod summary;
use crate::report::findings::{Finding, Severity};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::sync::Arc;

/// Text shared between reports: rows of the pack repeat in every report, so they are
/// reference-counted rather than copied per check.
pub type Text = Arc<str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Eligible,
    Ineligible,
    NeedsReview,
}

impl Verdict {
    /// `ineligible` on any error; `needs_review` when no error but something could not be
    /// decided (a warning); `eligible` otherwise.
    pub fn of(findings: &[Finding]) -> Verdict {
        if findings.iter().any(|f| f.severity == Severity::Error) {
            Verdict::Ineligible
        } else if findings.iter().any(|f| f.severity == Severity::Warning) {
            Verdict::NeedsReview
        } else {
            Verdict::Eligible
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Eligible => "eligible",
            Verdict::Ineligible => "ineligible",
            Verdict::NeedsReview => "needs_review",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesInfo {
    pub version: Text,
    pub sha256: Text,
}

/// A message shared by every report that carries it (materials, timeline).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedMessage {
    pub zh: Text,
    pub en: Text,
}

/// One item of the materials checklist. Built once per pack row; its JSON is rendered once
/// too, so a report's output copies it instead of escaping it again.
#[derive(Debug, Clone)]
pub struct MaterialItem {
    pub code: &'static str,
    pub name: SharedMessage,
    pub reason: SharedMessage,
    pub template: Option<Text>,
    pub source: Text,
    /// The public document `source` names.
    pub title: Text,
    pub url: Text,
    json: Arc<RawValue>,
}

impl MaterialItem {
    #[allow(clippy::expect_used, reason = "serialising these strings cannot fail, and serde_json's output is JSON")]
    pub fn new(
        code: &'static str,
        name: SharedMessage,
        reason: SharedMessage,
        template: Option<Text>,
        source: Text,
        title: Text,
        url: Text,
    ) -> Self {
        #[derive(Serialize)]
        struct Fields<'a> {
            code: &'a str,
            name: &'a SharedMessage,
            reason: &'a SharedMessage,
            #[serde(skip_serializing_if = "Option::is_none")]
            template: &'a Option<Text>,
            source: &'a Text,
            title: &'a Text,
            url: &'a Text,
        }
        let json = serde_json::to_string(&Fields {
            code,
            name: &name,
            reason: &reason,
            template: &template,
            source: &source,
            title: &title,
            url: &url,
        })
        .expect("strings always serialise");
        let json = Arc::from(RawValue::from_string(json).expect("serde_json output is JSON"));
        MaterialItem { code, name, reason, template, source, title, url, json }
    }
}

impl PartialEq for MaterialItem {
    fn eq(&self, other: &Self) -> bool {
        self.json.get() == other.json.get()
    }
}

impl Serialize for MaterialItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.json.serialize(s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub step: &'static str,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub blocked_by: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub provider_review_working_days: [u32; 2],
    pub provider_review_note: SharedMessage,
    pub sms_verification_hours: u32,
    pub bureau_review_working_days_max: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bureau_review_days: Option<[u32; 2]>,
    pub sources: Vec<Text>,
}

/// A timeline with its JSON rendered once (one per province, shared by every report).
#[derive(Debug, Clone)]
pub struct SharedTimeline {
    pub timeline: Timeline,
    json: Arc<RawValue>,
}

impl SharedTimeline {
    #[allow(clippy::expect_used, reason = "serialising numbers and strings cannot fail, and serde_json's output is JSON")]
    pub fn new(timeline: Timeline) -> Self {
        let json = serde_json::to_string(&timeline).expect("a timeline always serialises");
        SharedTimeline { timeline, json: Arc::from(RawValue::from_string(json).expect("serde_json output is JSON")) }
    }
}

impl std::ops::Deref for SharedTimeline {
    type Target = Timeline;
    fn deref(&self) -> &Timeline {
        &self.timeline
    }
}

impl PartialEq for SharedTimeline {
    fn eq(&self, other: &Self) -> bool {
        self.timeline == other.timeline
    }
}

impl Serialize for SharedTimeline {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.json.serialize(s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    pub filing_type: Option<&'static str>,
    pub findings: Vec<Finding>,
    /// The optional parts left out of the application (`account`, `materials`): their rules
    /// were not run, so `eligible` says nothing about them.
    pub not_checked: Vec<&'static str>,
    pub materials: Vec<MaterialItem>,
    pub steps: Vec<Step>,
    /// Shared by every report for the same province.
    pub timeline: Arc<SharedTimeline>,
    pub rules: RulesInfo,
    pub as_of: String,
    /// The province's notes a filer should read in this case (code, zh/en text, source);
    /// left out of the JSON when there are none, so such reports are unchanged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Arc<NoteItem>>,
}

impl Report {
    /// The report as JSON; byte-identical for the same input and pack.
    #[allow(clippy::expect_used, reason = "a report has no map with non-string keys and no fallible Serialize impl")]
    pub fn to_json(&self) -> String {
        // (A pre-sized buffer would save a few regrowths but cost a UTF-8 check of the whole
        // output without `unsafe`: more than it saves.)
        serde_json::to_string(self).expect("a report always serialises")
    }
    #[allow(clippy::expect_used, reason = "a report has no map with non-string keys and no fallible Serialize impl")]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}

/// One note of a report: the row's text and source, under its topic's code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteItem {
    pub code: Arc<str>,
    pub zh: Arc<str>,
    pub en: Arc<str>,
    pub source: Arc<str>,
    pub title: Arc<str>,
    pub url: Arc<str>,
}
