//! `website_name_not_pure_latin`: website names may not be all Latin letters and symbols.
use crate::codes::WEBSITE_NAME_NOT_CHINESE;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use crate::text::is_cjk;
use serde::Deserialize;

/// Website names may not be all Latin letters/digits (e.g. Shanghai personal sites).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct WebsiteNameNotPureLatin {
    pub applies_to: Vec<AppliesTo>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for WebsiteNameNotPureLatin {
    const CODE: Option<&'static str> = Some(WEBSITE_NAME_NOT_CHINESE);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        Ok(())
    }

    fn statement(&self) -> String {
        "The website name may not be made of Latin letters only".into()
    }

    /// Latin letters mixed with symbols: names of letters and digits only are already refused
    /// nationally (website/mod.rs).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::WebsiteName { index, name, significant, .. } = site else { return };
        if !significant.is_empty() && !significant.iter().any(|c| is_cjk(*c)) && !significant.iter().all(|c| c.is_ascii_alphanumeric()) {
            sink.add_sourced(WEBSITE_NAME_NOT_CHINESE, format!("websites[{index}].name"), ctx!["name" => *name], Some(&self.source));
        }
    }
}
