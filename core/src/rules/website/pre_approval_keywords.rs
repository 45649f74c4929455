//! `pre_approval_keywords`: the province's own pre-approval keywords.
use crate::codes::PRE_APPROVAL_REQUIRED;
use crate::pack::scope::AppliesTo;
use crate::pack::words::Words;
use crate::report::sink::Sink;
use crate::rules::registry::{check, say, RowKind};
use crate::rules::site::Site;
use crate::vocab::SERVICE_CONTENT;
use serde::Deserialize;

/// Extra pre-approval keywords of this province (website name, subject name, remarks; with
/// `in_domain` also the domain's registrable label, e.g. Shanghai's "game" prefix). A hit
/// without the category among the website's pre-approvals needs the approval
/// (`PRE_APPROVAL_REQUIRED`; for individuals `PRE_APPROVAL_NOT_AVAILABLE`), also for a
/// category the national table does not require (forum, religion).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct PreApprovalKeywords {
    pub applies_to: Vec<AppliesTo>,
    pub category: String,
    pub keywords: Words,
    #[serde(default)]
    pub in_domain: bool,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for PreApprovalKeywords {
    const CODE: Option<&'static str> = Some(PRE_APPROVAL_REQUIRED);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::known("category", std::slice::from_ref(&self.category), SERVICE_CONTENT)?;
        check::words("keywords", &self.keywords)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(self.category.clone())
    }

    fn statement(&self) -> String {
        let mut s = format!("Pre-approval keywords for {} in the names and remarks: {}", self.category, say::list(&self.keywords));
        if self.in_domain {
            s.push_str("; also matched in the domain's label");
        }
        s
    }

    /// The first row of the category with a hit decides where the approval is asked for: the
    /// first text (name, subject name, remarks, business scope) its keywords hit (the province's automaton
    /// scanned them once), else the domain's label. The pre-approval rule of website/mod.rs
    /// reports it (or does not, where the approval is held).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, _sink: &mut Sink) {
        let Site::Keywords { category, row, website, fields, hits, domain_label, hit } = site else { return };
        if hit.is_some() || self.category != *category {
            return;
        }
        if let Some(t) = hits.iter().position(|h| h[*row]) {
            **hit = Some((
                match fields[t] {
                    f if f.starts_with("subject.") => f.to_owned(),
                    f => format!("websites[{website}].{f}"),
                },
                &self.source,
            ));
        } else if self.in_domain && domain_label.is_some_and(|label| self.keywords.mentioned_in(label, |_| false)) {
            **hit = Some((format!("websites[{website}].domain"), &self.source));
        }
    }
}
