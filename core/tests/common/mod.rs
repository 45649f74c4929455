//! What several test files share (cargo does not build tests/common/ as a test of its own).
use serde_json::{json, Value};

/// A clean Shanghai personal first filing: no finding (rules.rs the_clean_application_is_eligible,
/// codes.rs the_bases_are_clean). Tests change one field at a time from here.
pub fn personal() -> Value {
    json!({
        "as_of": "2026-11-29", "province": "SH",
        "account": {"kind": "personal", "real_name": "李明", "real_name_verified_at": "2025-01-01T10:00:00+08:00", "security_mobile": "13812345678", "has_order_in_progress": false},
        "subject": {"kind": "individual", "name": "李明", "address": "上海市徐汇区漕溪北路1号",
            "certificate": {"type": "resident_id", "number": "310104199001011233", "valid_until": "2036-01-01"},
            "responsible_person": {"name": "李明", "id_type": "resident_id", "id_number": "310104199001011233", "id_valid_until": "2036-01-01", "mobile": "13812345678", "emergency_mobile": "13912345678"}},
        "websites": [{"name": "光影随笔", "domain": "guangying-suibi.com", "service_content": ["blog"], "remarks": "个人摄影作品展示",
            "responsible_person": {"name": "李明", "id_type": "resident_id", "id_number": "310104199001011233", "id_valid_until": "2036-01-01", "mobile": "13812345678", "emergency_mobile": "13912345678"}, "resource": 0}],
        "domains": [{"name": "guangying-suibi.com", "registrar": "阿里云计算有限公司", "registrar_domestic": true, "expires_at": "2028-03-01", "real_name_verified_at": "2021-02-01",
            "registrant": {"name": "李明", "id_type": "resident_id", "id_number": "310104199001011233"}}],
        "resources": [{"kind": "cvm", "region": "ap-shanghai", "public_ip": "203.0.113.10", "billing": "prepaid", "purchased_months": 12, "expires_at": "2027-08-01", "websites_filed": 0}]
    })
}

/// The findings of an application on the embedded pack as (code, path) pairs.
#[allow(dead_code, reason = "not every test file that shares personal() asks for findings")]
pub fn found(app: &Value) -> Vec<(&'static str, String)> {
    found_on(&beiancheck::Engine::embedded(), app)
}

#[allow(dead_code, reason = "not every test file that shares personal() asks for findings")]
pub fn found_on(e: &beiancheck::Engine, app: &Value) -> Vec<(&'static str, String)> {
    let r = e.check_value_at(app, None).unwrap_or_else(|err| panic!("an input error, not a report: {err:?}"));
    r.findings.iter().map(|f| (f.code, f.path.clone())).collect()
}
