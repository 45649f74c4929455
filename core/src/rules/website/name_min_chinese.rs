//! `website_name_min_chinese`: website names need at least N Chinese characters (Tianjin).
use crate::codes::WEBSITE_NAME_TOO_SHORT;
use crate::ctx;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use crate::text::is_cjk;
use serde::Deserialize;

/// Website names need at least `min` Chinese characters (Tianjin: 3个以上汉字).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct WebsiteNameMinChinese {
    pub applies_to: Vec<AppliesTo>,
    pub min: u32,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for WebsiteNameMinChinese {
    const CODE: Option<&'static str> = Some(WEBSITE_NAME_TOO_SHORT);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.min == 0 {
            return Err(("min", "at least 1".into()));
        }
        Ok(())
    }

    fn statement(&self) -> String {
        format!("The website name needs at least {} Chinese characters", self.min)
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::WebsiteName { index, name, .. } = site else { return };
        let cjk = name.chars().filter(|c| is_cjk(*c)).count();
        if cjk < self.min as usize {
            sink.add_sourced(
                WEBSITE_NAME_TOO_SHORT,
                format!("websites[{index}].name"),
                ctx!["name" => *name, "length" => cjk, "min" => self.min],
                Some(&self.source),
            );
        }
    }
}
