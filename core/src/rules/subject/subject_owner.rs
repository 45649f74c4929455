//! `subject_owner`: who may be the subject owner (主体负责人) of an organisation.
use crate::codes::RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE;
use crate::ctx;
use crate::input::model::Fact;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use crate::vocab::{FILING_TYPES, SUBJECT_KINDS};
use serde::Deserialize;
use std::fmt::Write;

/// Who may be the subject owner (主体负责人): `legal_rep` (must be the legal
/// representative), `authorized` (another person with an authorisation letter), `free`.
/// `authorized_kinds`: subject kinds that may instead use an authorisation letter although
/// the policy is `legal_rep` (Qinghai: 事业单位/政府机关). `filing_types`: when not empty, the
/// policy binds only these filing types; for the others the owner is free (Guangdong: legal
/// representative only for 首次备案/新增网站).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct SubjectOwner {
    pub applies_to: Vec<AppliesTo>,
    pub policy: OwnerPolicy,
    #[serde(default)]
    pub authorized_kinds: Vec<String>,
    #[serde(default)]
    pub filing_types: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for SubjectOwner {
    const CODE: Option<&'static str> = Some(RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::org_only("subject_owner", &self.applies_to)?;
        check::known("authorized_kinds", &self.authorized_kinds, SUBJECT_KINDS)?;
        check::known("filing_types", &self.filing_types, FILING_TYPES)
    }

    fn statement(&self) -> String {
        let mut s = match self.policy {
            OwnerPolicy::LegalRep => "The subject owner (主体负责人) must be the legal representative".to_owned(),
            OwnerPolicy::Authorized => {
                "The subject owner may be another person than the legal representative, with an authorisation letter".to_owned()
            }
            OwnerPolicy::Free => "The subject owner need not be the legal representative".to_owned(),
        };
        if !self.authorized_kinds.is_empty() {
            let _ = write!(s, "; subjects of kind {} may use an authorisation letter instead", self.authorized_kinds.join(", "));
        }
        if !self.filing_types.is_empty() {
            let _ = write!(s, "; binds only {}", self.filing_types.join(", "));
        }
        s
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Owners { province: prov, owner, subject_kind, filing_type, .. } = site else { return };
        if self.policy != OwnerPolicy::LegalRep {
            return;
        }
        // Some kinds may use an authorisation letter instead (Qinghai); some provinces bind the
        // rule only for some filing types (Guangdong).
        let kind_exempt = subject_kind.is_some_and(|k| self.authorized_kinds.iter().any(|a| a == k));
        let type_exempt = !self.filing_types.is_empty() && !filing_type.is_some_and(|t| self.filing_types.iter().any(|f| f == t));
        if kind_exempt || type_exempt {
            return;
        }
        match owner.map(|p| p.is_legal_representative) {
            Some(Fact::Value(false)) => sink.add_sourced(
                RESPONSIBLE_NOT_LEGAL_REPRESENTATIVE,
                "subject.responsible_person.is_legal_representative",
                ctx!["province_zh" => prov.zh, "province_en" => prov.en],
                Some(&self.source),
            ),
            Some(Fact::Absent) => crate::rules::people::legal_rep_unknown(prov, sink),
            _ => {}
        }
    }
}

/// Who may be the subject owner (see [`SubjectOwner`]).
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OwnerPolicy {
    LegalRep,
    Authorized,
    Free,
}
