//! `material`: a material the province requires, in the shape of the national checklist rows
//! (the row type and its validation are in pack/materials.rs, shared with materials.json).
use crate::codes::MATERIAL_MISSING;
use crate::pack::materials::{Condition, MaterialRow};
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use std::fmt::Write;

/// The `material` row kind is a checklist row.
pub type Material = MaterialRow;

impl RowKind for MaterialRow {
    const CODE: Option<&'static str> = Some(MATERIAL_MISSING);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        // The shared row checks run with the row's full path (pack/province.rs).
        Ok(())
    }

    /// Per code, conditions and title (Jiangsu has two letters of one code).
    fn repeat_key(&self) -> Option<String> {
        Some(format!("{}|{:?}|{:?}|{}", self.code, self.when, self.min_websites, self.zh))
    }

    fn statement(&self) -> String {
        format!("Material {}", describe(self))
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, _sink: &mut Sink) {
        match site {
            // On the checklist when the case meets the row's conditions.
            Site::Checklist { holds, rows } if holds(self) => rows.push(self),
            // An uploaded kind this row accepts for its code.
            Site::SatisfiedBy { code, kind, satisfied } if self.code == *code && self.satisfied_by.iter().any(|s| s == *kind) => {
                **satisfied = true;
            }
            _ => {}
        }
    }
}

/// A checklist row in words (the rules reference's national and province tables).
pub fn describe(m: &MaterialRow) -> String {
    let mut when: Vec<String> = Vec::new();
    for c in &m.when {
        when.push(match c {
            Condition::MinWebsites => format!("min_websites ≥ {}", m.min_websites.unwrap_or(0)),
            Condition::BelowAge => format!("below_age < {}", m.below_age.unwrap_or(0)),
            other => other.name().to_owned(),
        });
    }
    let code = crate::pack::materials::MATERIAL_CODES.iter().find(|c| **c == m.code).copied().unwrap_or("?");
    let mut s = format!("{code}: {} / {} — when {}; {} / {}", m.zh, m.en, when.join(" and "), m.reason_zh, m.reason_en);
    if let Some(t) = &m.template {
        let _ = write!(s, "; template {t}");
    }
    s
}
