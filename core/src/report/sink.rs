//! Where the rules put their findings during one check: each rendered against the pack's
//! catalogue once (the only part of the report that needs the pack).
use crate::report::findings::{Ctx, Finding, Severity};
use serde_json::Value;

/// What renders a finding from its code and context: the pack's catalogue (pack/mod.rs). A
/// trait, so that the rules' sink does not depend on the pack that holds the rules.
pub trait Render {
    fn render(&self, code: &'static str, path: String, ctx: Ctx, source: Option<&str>) -> Finding;
    /// The code's severity, without rendering (codes-only results).
    fn severity(&self, code: &'static str) -> Severity;
}

/// Collects findings for one check, rendering each against the catalogue once.
pub struct Sink<'a> {
    catalogue: &'a dyn Render,
    pub findings: Vec<Finding>,
    /// Some: only the codes are kept (with what orders them), no message is rendered: for
    /// results that give the codes alone (the columnar domain results).
    pub codes: Option<Vec<(Severity, String, &'static str)>>,
}

impl<'a> Sink<'a> {
    pub fn new(catalogue: &'a dyn Render) -> Self {
        Sink { catalogue, findings: Vec::new(), codes: None }
    }

    /// A sink that keeps codes only (see [`Sink::codes`]).
    pub fn codes_only(catalogue: &'a dyn Render) -> Self {
        Sink { catalogue, findings: Vec::new(), codes: Some(Vec::new()) }
    }

    /// Adds a finding whose source is the catalogue's.
    pub fn add(&mut self, code: &'static str, path: impl Into<String>, ctx: Ctx) {
        self.add_sourced(code, path, ctx, None);
    }

    /// Adds a finding whose source is a table row's (a province rule, a keyword list …).
    pub fn add_sourced(&mut self, code: &'static str, path: impl Into<String>, ctx: Ctx, source: Option<&str>) {
        if let Some(codes) = &mut self.codes {
            codes.push((self.catalogue.severity(code), path.into(), code));
            return;
        }
        let f = self.catalogue.render(code, path.into(), ctx, source);
        self.findings.push(f);
    }

    /// The one way a rule says it could not be checked because a fact it needs was not given
    /// (DESIGN.md, "Facts: absent, null, value"): `FACT_MISSING` at the missing field, naming
    /// the check and the rule whose code it would have given. An unknown fact never passes.
    pub fn fact_missing(&mut self, path: impl Into<String>, rule: &'static str, check_zh: impl Into<String>, check_en: impl Into<String>) {
        let path = path.into();
        self.add(
            crate::codes::FACT_MISSING,
            path.clone(),
            vec![
                ("field", Value::from(path)),
                ("check_zh", Value::from(check_zh.into())),
                ("check_en", Value::from(check_en.into())),
                ("rule", Value::from(rule)),
            ],
        );
    }

    /// The findings as every report gives them: sorted (report/findings.rs) and each said once
    /// (two rows or two paths of the rules may reach the same finding).
    pub fn finish(self) -> Vec<Finding> {
        let mut findings = self.findings;
        crate::report::findings::sort(&mut findings);
        findings.dedup_by(|a, b| a.code == b.code && a.path == b.path && a.message == b.message);
        findings
    }

    pub fn has_error(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}
