//! `distinct_numbers`: contact numbers that must differ (北京, 辽宁, 天津 …).
use crate::codes::CONTACT_NUMBERS_NOT_DISTINCT;
use crate::ctx;
use crate::input::model::{Fact, Person};
use crate::pack::scope::AppliesTo;
use crate::report::sink::Sink;
use crate::rules::people::{comparable_mobile, same_person};
use crate::rules::registry::RowKind;
use crate::rules::site::Role;
use crate::rules::site::Site;
use serde::Deserialize;

/// Contact numbers that must differ: `owner_mobile_vs_emergency` (a person's 联系方式1 and
/// 应急联系方式), `three_of_four` (subject and website owners' four numbers hold at least three
/// different ones when the owners differ), `two_of_four` (the four numbers hold at least two
/// different ones), `owner_mobiles_differ` (different subject and website owners have
/// different 联系方式1), `emergency_vs_mobiles` (every 应急联系方式 differs from every owner's
/// 联系方式1), `all`. A province may have several rows of different scopes.
///
/// A number left out is not compared here: each person's absent mobile is already reported
/// as `FACT_MISSING` by the person rules (subject/mod.rs), so the verdict cannot be eligible.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DistinctNumbers {
    pub applies_to: Vec<AppliesTo>,
    pub scope: DistinctScope,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for DistinctNumbers {
    const CODE: Option<&'static str> = Some(CONTACT_NUMBERS_NOT_DISTINCT);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        Ok(())
    }

    fn repeat_key(&self) -> Option<String> {
        Some(format!("{:?}", self.scope))
    }

    fn statement(&self) -> String {
        match self.scope {
            DistinctScope::OwnerMobileVsEmergency => "Each person's mobile (联系方式1) and emergency number must differ".into(),
            DistinctScope::ThreeOfFour => {
                "When the subject and website owners differ, their four numbers must hold at least three different ones".into()
            }
            DistinctScope::TwoOfFour => "The four numbers of the subject and website owners must hold at least two different ones".into(),
            DistinctScope::OwnerMobilesDiffer => "Different subject and website owners must have different mobiles (联系方式1)".into(),
            DistinctScope::EmergencyVsMobiles => "Every emergency number must differ from every owner's mobile (联系方式1)".into(),
            DistinctScope::All => "All contact numbers must differ".into(),
        }
    }

    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Contacts { province, people } = site else { return };
        let flag = |sink: &mut Sink, path: String, what_zh: &str, what_en: &str, mobile: String| {
            sink.add_sourced(
                CONTACT_NUMBERS_NOT_DISTINCT,
                path,
                ctx!["province_zh" => province.zh, "province_en" => province.en, "what_zh" => what_zh, "what_en" => what_en, "mobile" => mobile],
                Some(&self.source),
            );
        };
        // A person's own two numbers.
        let own_pair = |sink: &mut Sink, role: &Role| {
            if let (Some(a), Some(b)) = (norm(&role.person.mobile), norm(&role.person.emergency_mobile)) {
                if a == b {
                    flag(
                        sink,
                        format!("{}.emergency_mobile", role.path),
                        "联系方式1与应急联系方式",
                        "a person's mobile and emergency number",
                        a,
                    );
                }
            }
        };
        // The subject owner, and the website owners after them.
        let owner = people.first().filter(|r| r.path == "subject.responsible_person");
        let others = || people.iter().skip(1);
        match self.scope {
            DistinctScope::OwnerMobileVsEmergency => people.iter().for_each(|role| own_pair(sink, role)),
            DistinctScope::ThreeOfFour | DistinctScope::All | DistinctScope::TwoOfFour => {
                let Some(owner) = owner else { return };
                for role in others() {
                    // The same person in both roles has two numbers, not four: they must differ.
                    if self.scope == DistinctScope::ThreeOfFour && same_person(role.person, owner.person) {
                        own_pair(sink, role);
                        continue;
                    }
                    let (nums, distinct) = four_numbers(owner.person, role.person);
                    let (need, zh, en) = match self.scope {
                        DistinctScope::TwoOfFour if nums.len() < 2 => continue,
                        DistinctScope::TwoOfFour => {
                            (2, "主体负责人与网站负责人的号码中至少 2 个", "at least 2 of the subject and website owners' numbers")
                        }
                        DistinctScope::All => (
                            nums.len(),
                            "主体负责人与网站负责人的 4 个号码中至少 3 个",
                            "at least 3 of the subject and website owners' 4 numbers",
                        ),
                        _ => (
                            3.min(nums.len()),
                            "主体负责人与网站负责人的 4 个号码中至少 3 个",
                            "at least 3 of the subject and website owners' 4 numbers",
                        ),
                    };
                    if distinct < need {
                        flag(sink, role.path.clone(), zh, en, nums.join(", "));
                    }
                }
            }
            DistinctScope::OwnerMobilesDiffer => {
                let Some(owner) = owner else { return };
                for role in others().filter(|r| !same_person(r.person, owner.person)) {
                    if let (Some(a), Some(b)) = (norm(&owner.person.mobile), norm(&role.person.mobile)) {
                        if a == b {
                            flag(sink, format!("{}.mobile", role.path), "不同负责人的联系方式1", "different owners' mobiles", a);
                        }
                    }
                }
            }
            DistinctScope::EmergencyVsMobiles => {
                let mobiles: Vec<String> = people.iter().filter_map(|r| norm(&r.person.mobile)).collect();
                for role in people.iter() {
                    if let Some(e) = norm(&role.person.emergency_mobile) {
                        if mobiles.contains(&e) {
                            flag(
                                sink,
                                format!("{}.emergency_mobile", role.path),
                                "应急联系方式与任一负责人的联系方式1",
                                "an emergency number and any owner's mobile",
                                e,
                            );
                        }
                    }
                }
            }
        }
    }
}

fn norm(m: &Fact<String>) -> Option<String> {
    m.as_deref().map(comparable_mobile)
}

/// The subject owner's and a website owner's four numbers (normalised), and how many differ.
fn four_numbers(owner: &Person, other: &Person) -> (Vec<String>, usize) {
    let nums: Vec<String> = [&owner.mobile, &owner.emergency_mobile, &other.mobile, &other.emergency_mobile]
        .iter()
        .filter_map(|m| m.as_deref().map(comparable_mobile))
        .collect();
    let mut uniq = nums.clone();
    uniq.sort();
    uniq.dedup();
    let distinct = uniq.len();
    (nums, distinct)
}

/// Which numbers must differ (see [`DistinctNumbers`]).
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DistinctScope {
    OwnerMobileVsEmergency,
    ThreeOfFour,
    TwoOfFour,
    OwnerMobilesDiffer,
    EmergencyVsMobiles,
    All,
}
