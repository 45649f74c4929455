//! `domain_allowed_tlds`: only these TLDs may be filed in the province.
use crate::codes::DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use serde::Deserialize;

/// Only these TLDs (A-labels) may be filed here; `idn_tlds` admits every approved IDN TLD.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DomainAllowedTlds {
    pub applies_to: Vec<AppliesTo>,
    pub tlds: Vec<String>,
    #[serde(default)]
    pub idn_tlds: bool,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for DomainAllowedTlds {
    const CODE: Option<&'static str> = Some(DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.tlds.iter().any(|t| t.is_empty() || !t.is_ascii() || *t != t.to_ascii_lowercase() || t.starts_with('.')) {
            return Err(("tlds", "lower-case A-labels without a leading dot".into()));
        }
        Ok(())
    }

    fn statement(&self) -> String {
        let mut s = format!("Only these TLDs may be filed: .{}", self.tlds.join(" ."));
        if self.idn_tlds {
            s.push_str(", and every approved Chinese (IDN) TLD");
        }
        s
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::DomainName(d) = site else { return };
        let ok = self.tlds.iter().any(|t| t == d.tld) || (self.idn_tlds && d.tld.starts_with("xn--") && d.tld_approved);
        if !ok {
            sink.add_sourced(
                DOMAIN_TLD_NOT_ALLOWED_IN_PROVINCE,
                d.path,
                ctx!["tld" => (d.to_unicode)(d.tld), "province_zh" => d.province.zh, "province_en" => d.province.en],
                Some(&self.source),
            );
        }
    }
}
