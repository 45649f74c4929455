//! `retirement_age`: responsible persons past retirement age cannot be responsible persons.
use crate::codes::PERSON_OVER_AGE;
use crate::ctx;
use crate::dates;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use serde::Deserialize;

/// Responsible persons (网站负责人) who have reached this age, by the sex the resident ID
/// encodes (17th digit odd = male), cannot be responsible persons (Tianjin: past retirement
/// age).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct RetirementAge {
    pub applies_to: Vec<AppliesTo>,
    pub male: u32,
    pub female: u32,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for RetirementAge {
    const CODE: Option<&'static str> = Some(PERSON_OVER_AGE);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if !(18..=100).contains(&self.male) || !(18..=100).contains(&self.female) {
            return Err(("male", "ages between 18 and 100".into()));
        }
        Ok(())
    }

    fn statement(&self) -> String {
        format!("A responsible person who has reached {} (men) or {} (women) cannot be one", self.male, self.female)
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::ResponsibleId { role, male, age, as_of, province } = site else { return };
        let limit = if *male { self.male } else { self.female };
        if *age >= limit {
            sink.add_sourced(
                PERSON_OVER_AGE,
                format!("{}.id_number", role.path),
                ctx![
                    "role_zh" => role.zh, "role_en" => role.en, "age" => *age, "max_age" => limit, "as_of" => dates::fmt(*as_of),
                    "province_zh" => province.zh, "province_en" => province.en,
                ],
                Some(&self.source),
            );
        }
    }
}
