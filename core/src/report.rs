//! The report (../shared/DESIGN.md, The report). Field order here is the JSON order.
use crate::findings::{Finding, Severity};
use serde::Serialize;

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
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaterialItem {
    pub code: &'static str,
    pub name: crate::Message,
    pub reason: crate::Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    pub source: String,
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
    pub provider_review_note: crate::Message,
    pub sms_verification_hours: u32,
    pub bureau_review_working_days_max: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bureau_review_days: Option<[u32; 2]>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    pub filing_type: Option<&'static str>,
    pub findings: Vec<Finding>,
    pub materials: Vec<MaterialItem>,
    pub steps: Vec<Step>,
    pub timeline: Timeline,
    pub rules: RulesInfo,
    pub as_of: String,
}

impl Report {
    /// The report as JSON; byte-identical for the same input and pack.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}
