//! `website_owner_is_subject_owner`: every website owner must be the subject owner.
use crate::codes::WEBSITE_OWNER_NOT_SUBJECT_OWNER;
use crate::ctx;
use crate::input::model::Fact;
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::people::{legal_rep_unknown, same_person};
use crate::rules::registry::{check, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;

/// Every website owner (网站负责人) must be the subject owner; with
/// `only_if_subject_owner_not_legal_rep`, only when the subject owner is not the legal
/// representative (Heilongjiang, Jiangsu, Hainan).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct WebsiteOwnerIsSubjectOwner {
    pub applies_to: Vec<AppliesTo>,
    #[serde(default)]
    pub only_if_subject_owner_not_legal_rep: bool,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for WebsiteOwnerIsSubjectOwner {
    const CODE: Option<&'static str> = Some(WEBSITE_OWNER_NOT_SUBJECT_OWNER);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::org_only("website_owner_is_subject_owner", &self.applies_to)
    }

    fn statement(&self) -> String {
        let mut s = "Every website owner (网站负责人) must be the subject owner".to_owned();
        if self.only_if_subject_owner_not_legal_rep {
            s.push_str(" when the subject owner is not the legal representative");
        }
        s
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Owners { province: prov, owner, websites, .. } = site else { return };
        let Some(owner) = *owner else { return };
        if self.only_if_subject_owner_not_legal_rep {
            match owner.is_legal_representative {
                Fact::Value(false) => {}
                Fact::Absent => return legal_rep_unknown(prov, sink),
                _ => return,
            }
        }
        for (i, w) in websites.iter().enumerate() {
            if let Some(p) = w.responsible_person.get() {
                if !same_person(p, owner) {
                    sink.add_sourced(
                        WEBSITE_OWNER_NOT_SUBJECT_OWNER,
                        format!("websites[{i}].responsible_person"),
                        ctx!["province_zh" => prov.zh, "province_en" => prov.en],
                        Some(&self.source),
                    );
                }
            }
        }
    }
}
