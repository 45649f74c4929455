//! `address_forbidden_words`: words the subject's mailing address (通信地址) may not contain in
//! the province, such as the placeholder district 市辖区 (Beijing, Tianjin, Shanghai,
//! Zhejiang, Guangxi: 通信地址不能带有"市辖区"，需为实际城区).
use crate::codes::SUBJECT_ADDRESS_NOT_ACCEPTED;
use crate::ctx;
use crate::input::model::Fact;
use crate::pack::scope::AppliesTo;
use crate::pack::words::Words;
use crate::report::sink::Sink;
use crate::rules::registry::{check, say, RowKind};
use crate::rules::site::Site;
use serde::Deserialize;
use std::fmt::Write;

/// The subject's address may not contain these words; `reason_zh`/`reason_en` say what the
/// bureau wants instead.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct AddressForbiddenWords {
    pub applies_to: Vec<AppliesTo>,
    pub words: Words,
    pub reason_zh: String,
    pub reason_en: String,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

impl RowKind for AddressForbiddenWords {
    const CODE: Option<&'static str> = Some(SUBJECT_ADDRESS_NOT_ACCEPTED);

    fn validate(&self) -> Result<(), (&'static str, String)> {
        check::words("words", &self.words)?;
        check::text("reason_zh", &self.reason_zh)?;
        check::text("reason_en", &self.reason_en)
    }

    fn repeat_key(&self) -> Option<String> {
        Some(self.words.join("|"))
    }

    fn statement(&self) -> String {
        let mut s = format!("The subject's address may not contain {}", say::list(&self.words));
        let _ = write!(s, " ({}; {})", self.reason_en, self.reason_zh);
        s
    }

    /// An address left out is unknown: the row cannot pass (FACT_MISSING).
    fn check<'r>(&'r self, site: &mut Site<'_, 'r>, sink: &mut Sink) {
        let Site::Subject { province, subject } = site else { return };
        match &subject.address {
            Fact::Value(address) => {
                if let Some(word) = self.words.first_in(address) {
                    sink.add_sourced(
                        SUBJECT_ADDRESS_NOT_ACCEPTED,
                        "subject.address",
                        ctx![
                            "word" => word, "province_zh" => province.zh, "province_en" => province.en,
                            "reason_zh" => self.reason_zh.as_str(), "reason_en" => self.reason_en.as_str(),
                        ],
                        Some(&self.source),
                    );
                }
            }
            Fact::Absent => sink.fact_missing(
                "subject.address",
                SUBJECT_ADDRESS_NOT_ACCEPTED,
                format!("通信地址是否符合{}管局的要求", province.zh),
                format!("whether the address meets the {} bureau's rules", province.en),
            ),
            Fact::Null | Fact::Invalid => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::codes::{FACT_MISSING, SUBJECT_ADDRESS_NOT_ACCEPTED};
    use serde_json::{json, Value};

    /// (code, path, the `rule` a FACT_MISSING names) of the findings at `subject.address`.
    fn at_address(province: &str, kind: &str, address: Option<Value>) -> Vec<(&'static str, String)> {
        let mut subject = json!({"kind": kind, "name": "上海云杉科技有限公司"});
        if let Some(a) = address {
            subject["address"] = a;
        }
        let app = json!({"as_of": "2026-12-02", "province": province, "subject": subject});
        let report = crate::Engine::embedded().check_json(&app.to_string()).unwrap();
        report
            .findings
            .iter()
            .filter(|f| f.path == "subject.address")
            .map(|f| (f.code, f.context.get("rule").map(|v| v.to_string()).unwrap_or_default()))
            .collect()
    }

    #[test]
    fn the_placeholder_district_is_refused_where_a_row_says_so() {
        for (p, kind) in [
            ("BJ", "enterprise"),
            ("TJ", "individual"),
            ("SH", "individual"),
            ("SH", "enterprise"),
            ("ZJ", "enterprise"),
            ("GX", "individual"),
        ] {
            assert_eq!(
                at_address(p, kind, Some(json!("某市市辖区某路1号"))),
                vec![(SUBJECT_ADDRESS_NOT_ACCEPTED, String::new())],
                "{p} {kind}"
            );
            assert_eq!(at_address(p, kind, Some(json!("某市某区某路1号"))), vec![], "{p} {kind}");
        }
        // Beijing's row binds organisations only; Guangdong has none.
        assert_eq!(at_address("BJ", "individual", Some(json!("北京市市辖区某路1号"))), vec![]);
        assert_eq!(at_address("GD", "enterprise", Some(json!("广州市市辖区某路1号"))), vec![]);
    }

    #[test]
    fn an_address_left_out_is_unknown_and_null_is_none() {
        // Left out: the row cannot pass.
        assert_eq!(at_address("SH", "enterprise", None), vec![(FACT_MISSING, format!("\"{SUBJECT_ADDRESS_NOT_ACCEPTED}\""))]);
        // `null`: there is no address, so it names no placeholder district (the reader accepts null).
        assert_eq!(at_address("SH", "enterprise", Some(Value::Null)), vec![]);
        // Where no row applies, a missing address is not this rule's business.
        assert_eq!(at_address("GD", "enterprise", None), vec![]);
    }
}
