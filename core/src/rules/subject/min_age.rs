//! `min_age`: the filer or the responsible persons must be at least N years old.
use crate::codes::PERSON_UNDERAGE;
use crate::ctx;
use crate::dates;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use serde::Deserialize;
use std::fmt::Write;

/// The filer (personal) or the responsible persons (organisation) must be at least `age`.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct MinAge {
    pub applies_to: Vec<AppliesTo>,
    pub age: u32,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for MinAge {
    const CODE: Option<&'static str> = Some(PERSON_UNDERAGE);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if !(1..=100).contains(&self.age) {
            return Err(("age", "between 1 and 100".into()));
        }
        Ok(())
    }

    fn statement(&self) -> String {
        let mut s = format!("The filer / responsible persons must be at least {}", self.age);
        if let (Some(z), Some(e)) = (&self.note_zh, &self.note_en) {
            let _ = write!(s, "; {e} ({z})");
        }
        s
    }

    /// Read from a valid resident ID's birth date on the evaluation date.
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::ResidentAge { role, age, as_of, province } = site else { return };
        if *age < self.age {
            sink.add_sourced(
                PERSON_UNDERAGE,
                format!("{}.id_number", role.path),
                ctx![
                    "role_zh" => role.zh, "role_en" => role.en, "age" => *age, "min_age" => self.age, "as_of" => dates::fmt(*as_of),
                    "province_zh" => province.zh, "province_en" => province.en,
                ],
                Some(&self.source),
            );
        }
    }
}
