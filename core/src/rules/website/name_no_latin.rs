//! `website_name_no_latin`: website names may not contain a Latin letter (Chongqing).
use crate::codes::WEBSITE_NAME_NOT_CHINESE;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use serde::Deserialize;

/// Website names may not contain a Latin letter at all (Chongqing: 网站名称不能涉及英文).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct WebsiteNameNoLatin {
    pub applies_to: Vec<AppliesTo>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for WebsiteNameNoLatin {
    const CODE: Option<&'static str> = Some(WEBSITE_NAME_NOT_CHINESE);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        Ok(())
    }

    fn statement(&self) -> String {
        "The website name may not contain Latin letters".into()
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::WebsiteName { index, name, .. } = site else { return };
        if name.chars().any(|c| c.is_ascii_alphabetic()) {
            sink.add_sourced(WEBSITE_NAME_NOT_CHINESE, format!("websites[{index}].name"), ctx!["name" => *name], Some(&self.source));
        }
    }
}
