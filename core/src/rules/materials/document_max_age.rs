//! `document_max_age`: how old an uploaded material may be in the province (T9).
use crate::codes::MATERIAL_TOO_OLD;
use crate::pack::materials::MATERIAL_CODES;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use serde::Deserialize;

/// An uploaded material of this kind (a checklist code of materials.rs) may be at most
/// `max_days` old (T9 exceptions to the national 3 months).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DocumentMaxAge {
    pub applies_to: Vec<AppliesTo>,
    pub material: String,
    pub max_days: u32,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for DocumentMaxAge {
    const CODE: Option<&'static str> = Some(MATERIAL_TOO_OLD);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if !MATERIAL_CODES.contains(&self.material.as_str()) {
            return Err(("material", format!("unknown material code {}", self.material)));
        }
        if self.max_days == 0 {
            return Err(("max_days", "at least 1".into()));
        }
        Ok(())
    }

    fn repeat_key(&self) -> Option<String> {
        Some(self.material.clone())
    }

    fn statement(&self) -> String {
        format!("An uploaded {} may be at most {} days old", self.material, self.max_days)
    }

    /// The first row for the uploaded kind sets its limit (the upload rule of materials/mod.rs
    /// applies it instead of the national 3 months).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, _sink: &mut Sink) {
        let Site::DocumentAge { is_material, limit } = site else { return };
        if limit.is_none() && is_material(&self.material) {
            **limit = Some((self.max_days, &self.source));
        }
    }
}
