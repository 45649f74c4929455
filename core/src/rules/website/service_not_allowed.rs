//! `service_not_allowed`: service_content values the province does not accept.
use crate::codes::WEBSITE_SERVICE_NOT_ALLOWED;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, say, RowKind};
use crate::rules::site::Site;
use crate::vocab::SERVICE_CONTENT;
use serde::Deserialize;

/// These service_content values are not allowed (e.g. personal 博客/个人空间 in Beijing).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ServiceNotAllowed {
    pub applies_to: Vec<AppliesTo>,
    pub services: Vec<String>,
    #[serde(default)]
    pub reason_zh: Option<String>,
    #[serde(default)]
    pub reason_en: Option<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for ServiceNotAllowed {
    const CODE: Option<&'static str> = Some(WEBSITE_SERVICE_NOT_ALLOWED);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::words("services", &self.services)?;
        check::known("services", &self.services, SERVICE_CONTENT)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(self.services.join("|"))
    }

    fn statement(&self) -> String {
        let mut s = format!("Service content not allowed: {}", self.services.join(", "));
        say::reason(&mut s, &self.reason_zh, &self.reason_en);
        s
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Service { province: p, website, service, position, subject_zh, subject_en } = site else { return };
        if self.services.iter().any(|x| x == *service) {
            sink.add_sourced(
                WEBSITE_SERVICE_NOT_ALLOWED,
                format!("websites[{website}].service_content[{position}]"),
                ctx![
                    "service" => *service, "subject_zh" => *subject_zh, "subject_en" => *subject_en,
                    "reason_zh" => self.reason_zh.clone().unwrap_or_else(|| format!("{}管局不接受该服务类型", p.zh)),
                    "reason_en" => self.reason_en.clone().unwrap_or_else(|| format!("the {} bureau does not accept this service", p.en)),
                ],
                Some(&self.source),
            );
        }
    }
}
