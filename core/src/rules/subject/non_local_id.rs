//! `non_local_id`: how the bureau treats a personal filer whose ID was issued in another
//! province.
use crate::codes::{PERSON_NONLOCAL_ID, PERSON_RESIDENCE_PERMIT_EXPIRED};
use crate::ctx;
use crate::dates;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::RowKind;
use crate::rules::site::Site;
use serde::Deserialize;
use std::fmt::Write;

/// How the bureau treats a personal filer whose resident ID was issued in another province
/// (judged from the ID's area code): `allowed`, `residence_permit` (a local permit valid at
/// least `permit_min_months`), `refused`, or `special` (proofs named in the note).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct NonLocalId {
    pub applies_to: Vec<AppliesTo>,
    pub policy: NonLocalPolicy,
    #[serde(default)]
    pub permit_min_months: Option<u32>,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for NonLocalId {
    const CODE: Option<&'static str> = Some(PERSON_NONLOCAL_ID);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        if self.applies_to.contains(&AppliesTo::Organization) {
            return Err(("applies_to", "non_local_id binds personal filings only".into()));
        }
        if self.permit_min_months.is_some() && self.policy != NonLocalPolicy::ResidencePermit {
            return Err(("permit_min_months", "only with policy residence_permit".into()));
        }
        if self.policy == NonLocalPolicy::Special && (self.note_zh.is_none() || self.note_en.is_none()) {
            return Err(("note_zh", "policy special names the accepted proofs in note_zh and note_en".into()));
        }
        Ok(())
    }

    fn statement(&self) -> String {
        let mut s = match self.policy {
            NonLocalPolicy::Allowed => "A personal filer with an ID from another province is accepted".to_owned(),
            NonLocalPolicy::Refused => "A personal filer must hold a local ID (IDs from other provinces are refused)".to_owned(),
            NonLocalPolicy::ResidencePermit => match self.permit_min_months {
                Some(m) => format!(
                    "A personal filer with an ID from another province needs a local residence permit valid more than {m} month{}",
                    if m == 1 { "" } else { "s" }
                ),
                None => "A personal filer with an ID from another province needs a local residence permit".to_owned(),
            },
            NonLocalPolicy::Special => "A personal filer with an ID from another province needs the proofs named".to_owned(),
        };
        if let (Some(z), Some(e)) = (&self.note_zh, &self.note_en) {
            let _ = write!(s, ": {e} ({z})");
        }
        s
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::NonLocal { province: prov, subject, home_zh, home_en, permit_here, as_of } = site else { return };
        let base = |req_zh: String, req_en: String| ctx!["home_zh" => *home_zh, "home_en" => *home_en, "province_zh" => prov.zh, "province_en" => prov.en, "requirement_zh" => req_zh, "requirement_en" => req_en];
        match self.policy {
            NonLocalPolicy::Allowed | NonLocalPolicy::Special => {}
            NonLocalPolicy::Refused => sink.add_sourced(
                PERSON_NONLOCAL_ID,
                "subject.certificate.number",
                base(
                    self.note_zh.clone().unwrap_or_else(|| "本省身份证（不接受外省身份证）".into()),
                    self.note_en.clone().unwrap_or_else(|| "a local ID (non-local IDs are refused)".into()),
                ),
                Some(&self.source),
            ),
            NonLocalPolicy::ResidencePermit => {
                let months = self.permit_min_months.unwrap_or(0);
                let req_zh = self.note_zh.clone().unwrap_or_else(|| format!("本地居住证（有效期 {months} 个月以上）"));
                let req_en =
                    self.note_en.clone().unwrap_or_else(|| format!("a local residence permit valid for more than {months} months"));
                // A permit is a claim that relaxes the rule: left out, the applicant has none.
                match subject.residence_permit.claim() {
                    Some(rp) if *permit_here => {
                        if let Some(until) = rp.valid_until.value() {
                            let required = dates::add_months(*as_of, months as i32);
                            if until <= required {
                                sink.add_sourced(
                                    PERSON_RESIDENCE_PERMIT_EXPIRED,
                                    "subject.residence_permit.valid_until",
                                    ctx![
                                        "valid_until" => dates::fmt(until), "required_after" => dates::fmt(required),
                                    ],
                                    Some(&self.source),
                                );
                            }
                        } else if rp.valid_until.is_absent() {
                            sink.fact_missing(
                                "subject.residence_permit.valid_until",
                                PERSON_RESIDENCE_PERMIT_EXPIRED,
                                "居住证是否在有效期内",
                                "whether the residence permit is valid long enough",
                            );
                        }
                    }
                    _ => sink.add_sourced(PERSON_NONLOCAL_ID, "subject.certificate.number", base(req_zh, req_en), Some(&self.source)),
                }
            }
        }
    }
}

/// How a non-local ID is treated (see [`NonLocalId`]).
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum NonLocalPolicy {
    Allowed,
    ResidencePermit,
    Refused,
    Special,
}
