//! False rejections (issue 19 step 4): applications the reference lets through that the engine
//! refused. Each fixture fails before its fix and passes after; each names its reference line.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code: a failure should stop it loudly")]
use beiancheck::Engine;
use serde_json::{json, Value};

fn codes_at(app: &Value) -> Vec<(String, String)> {
    let r = Engine::embedded().check_json(&app.to_string()).expect("a report");
    let v: Value = serde_json::from_str(&r.to_json()).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_owned(), f["path"].as_str().unwrap().to_owned()))
        .collect()
}

fn org(province: &str, kind: &str, name: &str, website: &str) -> Value {
    json!({
        "as_of": "2026-11-29", "province": province,
        "subject": {"kind": kind, "name": name},
        "websites": [{"name": website, "domain": "example.cn", "service_content": ["enterprise_site"], "remarks": null}]
    })
}

/// Every province whose keyword scan sees 基金: the national finance list binds all 31, and
/// SH and ZJ repeat 基金 in their own keyword rows. BJ, GD, ZJ are the examples.
const PROVINCES: &[(&str, &str)] = &[("BJ", "北京市"), ("GD", "广东省"), ("ZJ", "浙江省"), ("SH", "上海市"), ("JS", "江苏省")];

/// 前置审批相关.md: “例如基金会（慈善、公益），需提交民政部门备案登记等准入证明材料和企业不从事金融业务的
/// 盖章保证书” — a foundation files with those papers, not with a finance approval.
#[test]
fn a_foundation_is_not_a_fund() {
    for (p, zh) in PROVINCES {
        let name = format!("{zh}青少年发展基金会");
        let found = codes_at(&org(p, "foundation", &name, "青少年发展基金会官网"));
        let pre: Vec<_> = found.iter().filter(|(c, _)| c == "PRE_APPROVAL_REQUIRED").collect();
        assert!(pre.is_empty(), "{p}: a 基金会 is told {pre:?}");
    }
}

/// A real finance name still needs the approval, in the subject name and the website name, and
/// a foundation that names a finance business (基金管理, 理财) too.
#[test]
fn a_fund_still_needs_the_finance_approval() {
    for (p, zh) in PROVINCES {
        for (kind, name, site) in [
            ("enterprise", format!("{zh}某某基金管理有限公司"), "某某官网".to_owned()),
            ("enterprise", format!("{zh}某某科技有限公司"), "某某基金".to_owned()),
            ("foundation", format!("{zh}青少年发展基金会"), "基金会理财平台".to_owned()),
        ] {
            let found = codes_at(&org(p, kind, &name, &site));
            assert!(found.iter().any(|(c, _)| c == "PRE_APPROVAL_REQUIRED"), "{p}: {name} / {site} passes the finance scan: {found:?}");
        }
    }
}
