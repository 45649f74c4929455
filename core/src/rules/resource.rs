//! Cloud resources and authorisation codes (seed-access-filing.md; tencent/facts.md §4): what
//! the websites are served from, whether it may be filed on, and how many websites it holds.
use crate::codes::*;
use crate::ctx;
use crate::dates;
use crate::input::model::{Fact, Resource};
use crate::pack::tables::ResourceKindRule;
use crate::report::sink::Sink;
use crate::rules::Cx;

fn rule_for<'p>(cx: &Cx<'p>, kind: &str) -> Option<&'p ResourceKindRule> {
    cx.pack.resources.kinds.iter().find(|k| k.kind == kind)
}

/// Which resource each website is served from: its `resource` index, or the only resource.
fn assignments(cx: &Cx, sink: &mut Sink) -> Vec<Option<usize>> {
    let n = cx.app.resources.len();
    cx.app
        .websites
        .iter()
        .enumerate()
        .map(|(i, w)| match w.resource {
            Fact::Value(r) if (r as usize) < n => Some(r as usize),
            Fact::Value(r) => {
                let at = format!("websites[{i}].resource");
                sink.add(
                    INPUT_INVALID_VALUE,
                    at.clone(),
                    ctx![
                        "field" => at,
                        "reason_en" => format!("{r} is not an index into resources (there are {n})"),
                        "reason_zh" => format!("{r} 不是 resources 的有效下标（共 {n} 个）"),
                    ],
                );
                None
            }
            Fact::Invalid => None,
            _ if n == 1 => Some(0),
            _ if n > 1 => {
                sink.fact_missing(
                    format!("websites[{i}].resource"),
                    RESOURCE_QUOTA_EXCEEDED,
                    "网站使用哪一个云资源",
                    "which resource serves the website",
                );
                None
            }
            _ => None,
        })
        .collect()
}

pub(crate) fn check(cx: &Cx, sink: &mut Sink) {
    let app = cx.app;
    if !app.given.resources {
        sink.fact_missing(
            "resources",
            RESOURCE_MISSING,
            "是否有可用于备案的云资源（云服务器、授权码等）",
            "whether a cloud resource (server, authorisation code …) is available",
        );
        return;
    }
    if app.resources.is_empty() {
        sink.add(RESOURCE_MISSING, "resources", ctx![]);
        return;
    }
    let assigned = assignments(cx, sink);
    for (r, res) in app.resources.iter().enumerate() {
        let Some(kind) = res.kind.value() else { continue };
        let Some(rule) = rule_for(cx, kind) else { continue };
        let users: Vec<usize> = assigned.iter().enumerate().filter(|(_, a)| **a == Some(r)).map(|(i, _)| i).collect();
        check_one(cx, r, res, rule, &users, sink);
    }
}

fn check_one(cx: &Cx, r: usize, res: &Resource, rule: &ResourceKindRule, users: &[usize], sink: &mut Sink) {
    let at = |f: &str| format!("resources[{r}].{f}");
    let src = Some(rule.source.as_str());
    // For an authorisation code the server facts are those of the server that issued it: the
    // code points at that server's IP (tencent/sources 常见问题__备案授权码).
    let (of_zh, of_en) = if rule.kind == "authorization_code" {
        ("生成授权码的服务器", "the server that issued the code")
    } else {
        ("资源", "the resource")
    };
    if !rule.accepted {
        // 云托管: closed to new domain filings; websites already filed on it keep working.
        let new_sites = users.iter().any(|&i| cx.app.websites[i].filing_number.claim().is_none());
        if new_sites || users.is_empty() {
            let since = rule.new_filings_closed_on.clone().unwrap_or_default();
            sink.add_sourced(
                RESOURCE_KIND_NOT_SUPPORTED,
                at("kind"),
                ctx![
                    "kind" => rule.kind.clone(),
                    "reason_zh" => format!("{}自 {since} 起不再支持新的域名备案", rule.zh),
                    "reason_en" => format!("{} takes no new domain filings since {since}", rule.en),
                ],
                src,
            );
        }
    }
    if rule.mainland {
        match res.region.as_deref() {
            Some(region) => {
                let regions = &cx.pack.resources.regions;
                if regions.not_mainland.iter().any(|x| x == region) {
                    sink.add_sourced(RESOURCE_NOT_MAINLAND, at("region"), ctx!["region" => region], Some(&regions.source));
                } else if !regions.mainland.iter().any(|x| x == region) {
                    sink.add_sourced(RESOURCE_REGION_UNKNOWN, at("region"), ctx!["region" => region], Some(&regions.source));
                }
            }
            None if res.region.is_absent() => sink.fact_missing(
                at("region"),
                RESOURCE_NOT_MAINLAND,
                format!("{of_zh}是否位于中国大陆地域"),
                format!("whether {of_en} is in a mainland region"),
            ),
            None => {}
        }
    }
    if rule.public_ip {
        match &res.public_ip {
            Fact::Value(ip) if !ip.trim().is_empty() => {}
            Fact::Value(_) | Fact::Null => sink.add_sourced(RESOURCE_NO_PUBLIC_IP, at("public_ip"), ctx![], src),
            Fact::Absent => sink.fact_missing(
                at("public_ip"),
                RESOURCE_NO_PUBLIC_IP,
                format!("{of_zh}是否有公网 IP"),
                format!("whether {of_en} has a public IP"),
            ),
            Fact::Invalid => {}
        }
    }
    if rule.prepaid {
        match res.billing {
            Fact::Value("prepaid") => {}
            Fact::Value(b) => sink.add_sourced(RESOURCE_BILLING_NOT_PREPAID, at("billing"), ctx!["billing" => b], src),
            Fact::Absent => sink.fact_missing(
                at("billing"),
                RESOURCE_BILLING_NOT_PREPAID,
                format!("{of_zh}是否为包年包月"),
                format!("whether {of_en} is prepaid"),
            ),
            Fact::Null | Fact::Invalid => {}
        }
    }
    if rule.min_purchased_months > 0 {
        let min = rule.min_purchased_months;
        match res.purchased_months {
            Fact::Value(m) if m < min as u64 => {
                sink.add_sourced(RESOURCE_TERM_TOO_SHORT, at("purchased_months"), ctx!["purchased_months" => m, "min_months" => min], src)
            }
            Fact::Absent => sink.fact_missing(
                at("purchased_months"),
                RESOURCE_TERM_TOO_SHORT,
                format!("{of_zh}购买时长是否满 {min} 个月"),
                format!("whether {of_en} was bought for at least {min} months"),
            ),
            _ => {}
        }
    }
    if rule.has_term {
        match res.expires_at {
            Fact::Value(exp) if exp.date() <= cx.as_of => sink.add_sourced(
                RESOURCE_EXPIRED,
                at("expires_at"),
                ctx!["expires_at" => dates::fmt_moment(exp)],
                Some("tencent/facts.md §4 (F09: expired servers cannot be used)"),
            ),
            Fact::Value(exp) if rule.min_remaining_months > 0 => {
                let months = rule.min_remaining_months;
                let until = dates::add_months(cx.as_of, months as i32);
                if exp.date() < until {
                    sink.add_sourced(
                        RESOURCE_REMAINING_TOO_SHORT,
                        at("expires_at"),
                        ctx!["expires_at" => dates::fmt_moment(exp), "required_until" => dates::fmt(until), "min_months" => months],
                        src,
                    );
                }
            }
            Fact::Absent => sink.fact_missing(
                at("expires_at"),
                RESOURCE_REMAINING_TOO_SHORT,
                format!("{of_zh}剩余有效期是否满 {} 个月", rule.min_remaining_months.max(1)),
                format!("whether at least {} month(s) of {of_en}'s term remain", rule.min_remaining_months.max(1)),
            ),
            _ => {}
        }
    }
    if rule.needs_bound_cvm {
        let bad = |other: Option<&str>, sink: &mut Sink| {
            sink.add_sourced(
                RESOURCE_KIND_NOT_SUPPORTED,
                at("bound_to"),
                ctx![
                    "kind" => rule.kind.clone(),
                    "reason_zh" => format!("负载均衡须绑定符合条件的云服务器，绑定的是 {}", other.unwrap_or("（不存在的资源）")),
                    "reason_en" => format!("a CLB must be bound to a qualifying CVM, not {}", other.unwrap_or("a missing resource")),
                ],
                src,
            )
        };
        match res.bound_to {
            Fact::Value(b) => match cx.app.resources.get(b as usize).and_then(|x| x.kind.value()) {
                Some("cvm") => {}
                other => bad(other, sink),
            },
            // Stated to be bound to nothing.
            Fact::Null => bad(None, sink),
            Fact::Absent => sink.fact_missing(
                at("bound_to"),
                RESOURCE_KIND_NOT_SUPPORTED,
                "负载均衡绑定的云服务器是否符合条件",
                "whether the CLB is bound to a qualifying CVM",
            ),
            Fact::Invalid => {}
        }
    }
    if rule.kind == "authorization_code" {
        auth_code(cx, r, res, rule, sink);
    }
    // Quota: already filed on the instance plus this order's websites on it.
    let adding = users.iter().filter(|&&i| cx.app.websites[i].filed_with.value() != Some("tencent")).count() as u64;
    let filed = match res.websites_filed {
        Fact::Value(n) => Some(n),
        // None filed there.
        Fact::Null => Some(0),
        Fact::Absent if adding > 0 => {
            sink.fact_missing(
                at("websites_filed"),
                RESOURCE_QUOTA_EXCEEDED,
                format!("{of_zh}上已备案的网站数（每个{}最多 {} 个）", rule.zh, rule.max_websites),
                format!("how many websites are already filed on {of_en} (at most {} per {})", rule.max_websites, rule.en),
            );
            None
        }
        _ => None,
    };
    if let Some(filed) = filed {
        if filed + adding > rule.max_websites as u64 {
            sink.add_sourced(RESOURCE_QUOTA_EXCEEDED, format!("resources[{r}]"), ctx!["kind_zh" => rule.zh.clone(), "kind_en" => rule.en.clone(), "max" => rule.max_websites, "filed" => filed, "adding" => adding], src);
        }
    }
}

/// 备案授权码 (S04, F01): issued by an enterprise account's qualifying server, never by
/// Lighthouse or CLB, at most N per server, void once the server has fewer than N days left.
fn auth_code(cx: &Cx, r: usize, res: &Resource, rule: &ResourceKindRule, sink: &mut Sink) {
    let at = |f: &str| format!("resources[{r}].{f}");
    let src = Some(rule.source.as_str());
    let not_allowed = |reason_zh: String, reason_en: String| ctx!["reason_zh" => reason_zh, "reason_en" => reason_en];
    match &res.code {
        Fact::Value(c) if !c.trim().is_empty() => {}
        Fact::Value(_) | Fact::Null => {
            sink.add_sourced(AUTH_CODE_NOT_ALLOWED, at("code"), not_allowed("未提供授权码本身".into(), "there is no code".into()), src)
        }
        Fact::Absent => sink.fact_missing(at("code"), AUTH_CODE_NOT_ALLOWED, "授权码本身", "the authorisation code itself"),
        Fact::Invalid => {}
    }
    match res.issuer_account_kind {
        Fact::Value("enterprise") => {}
        Fact::Value(_) => sink.add_sourced(
            AUTH_CODE_NOT_ALLOWED,
            at("issuer_account_kind"),
            not_allowed(
                "授权码只能由企业实名认证的账号生成，个人账号不能生成".into(),
                "only an account real-named as an enterprise can issue codes; personal accounts cannot".into(),
            ),
            src,
        ),
        Fact::Absent => sink.fact_missing(
            at("issuer_account_kind"),
            AUTH_CODE_NOT_ALLOWED,
            "授权码是否由企业账号生成",
            "whether an enterprise account issued the code",
        ),
        Fact::Null | Fact::Invalid => {}
    }
    match res.issuer_resource_kind {
        Fact::Value(k) if !rule_for(cx, k).is_some_and(|x| x.can_issue_codes) => sink.add_sourced(
            AUTH_CODE_NOT_ALLOWED,
            at("issuer_resource_kind"),
            not_allowed(
                format!("{k} 不能生成备案授权码（只有符合条件的云服务器可以）"),
                format!("a {k} cannot issue authorisation codes (only a qualifying CVM can)"),
            ),
            src,
        ),
        Fact::Absent => sink.fact_missing(
            at("issuer_resource_kind"),
            AUTH_CODE_NOT_ALLOWED,
            "生成授权码的是哪类资源（轻量应用服务器、负载均衡不能生成）",
            "which kind of resource issued the code (Lighthouse and CLB cannot)",
        ),
        _ => {}
    }
    if let Some(max) = rule.max_codes_per_server {
        match res.codes_issued {
            Fact::Value(n) if n > max as u64 => {
                sink.add_sourced(AUTH_CODE_QUOTA_EXCEEDED, at("codes_issued"), ctx!["codes_issued" => n, "max" => max], src)
            }
            Fact::Absent => sink.fact_missing(
                at("codes_issued"),
                AUTH_CODE_QUOTA_EXCEEDED,
                format!("该服务器已生成的授权码数量（最多 {max} 个）"),
                format!("how many codes the server has issued (at most {max})"),
            ),
            _ => {}
        }
    }
    if let Some(days) = rule.code_expires_days_left {
        match res.expires_at {
            Fact::Value(exp) if exp.date() < dates::add_days(cx.as_of, days as i64) => {
                sink.add_sourced(AUTH_CODE_EXPIRED, at("expires_at"), ctx!["expires_at" => dates::fmt_moment(exp), "days" => days], src);
            }
            // Absent is reported once, by the server term rule above.
            Fact::Absent if !rule.has_term => sink.fact_missing(
                at("expires_at"),
                AUTH_CODE_EXPIRED,
                format!("生成授权码的服务器剩余有效期是否满 {days} 天"),
                format!("whether the issuing server has {days} days or more left"),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Engine;
    use serde_json::json;

    fn codes(resources: serde_json::Value) -> Vec<&'static str> {
        let app = json!({
            "as_of": "2026-11-29", "province": "SH",
            "subject": {"kind": "enterprise", "name": "x"},
            "websites": [{"name": "云杉信息", "domain": "example.com"}],
            "resources": resources,
        });
        Engine::embedded()
            .check_value_at(&app, None)
            .unwrap()
            .findings
            .iter()
            .map(|f| f.code)
            .filter(|c| c.starts_with("RESOURCE") || c.starts_with("AUTH"))
            .collect()
    }

    fn cvm(months: u64, expires: &str) -> serde_json::Value {
        json!([{"kind": "cvm", "region": "ap-shanghai", "public_ip": "203.0.113.1", "billing": "prepaid", "purchased_months": months, "expires_at": expires, "websites_filed": 0}])
    }

    #[test]
    fn term_boundaries() {
        assert!(codes(cvm(3, "2027-06-01")).is_empty());
        assert_eq!(codes(cvm(2, "2027-06-01")), ["RESOURCE_TERM_TOO_SHORT"]);
        // One month left exactly (2026-12-29) is enough; a day less is not.
        assert!(codes(cvm(3, "2026-12-29")).is_empty());
        assert_eq!(codes(cvm(3, "2026-12-28")), ["RESOURCE_REMAINING_TOO_SHORT"]);
        assert_eq!(codes(cvm(3, "2026-11-29")), ["RESOURCE_EXPIRED"]);
    }

    fn code(exp: &str, issuer: &str, n: u64) -> serde_json::Value {
        json!([{"kind": "authorization_code", "code": "ABC", "issuer_account_kind": issuer, "issuer_resource_kind": "cvm", "codes_issued": n, "expires_at": exp,
                "region": "ap-shanghai", "public_ip": "203.0.113.1", "billing": "prepaid", "purchased_months": 12, "websites_filed": 0}])
    }

    #[test]
    fn authorisation_code_day_30() {
        // 30 days left (2026-12-29) keeps the code; 29 days voids it (and leaves the server
        // under the month it must keep during filing).
        assert!(codes(code("2026-12-29", "enterprise", 5)).is_empty());
        assert_eq!(codes(code("2026-12-28", "enterprise", 5)), ["AUTH_CODE_EXPIRED", "RESOURCE_REMAINING_TOO_SHORT"]);
        assert_eq!(codes(code("2027-06-01", "enterprise", 6)), ["AUTH_CODE_QUOTA_EXCEEDED"]);
        assert_eq!(codes(code("2027-06-01", "personal", 1)), ["AUTH_CODE_NOT_ALLOWED"]);
    }

    /// A code is only as good as the server behind it: Hong Kong and pay-as-you-go servers
    /// cannot issue one (tencent/sources 常见问题__备案授权码), and an unknown server fact is
    /// not a pass.
    #[test]
    fn authorisation_code_server_facts() {
        let with = |field: &str, v: serde_json::Value| {
            let mut c = code("2027-06-01", "enterprise", 1);
            c[0][field] = v;
            codes(c)
        };
        assert_eq!(with("region", json!("ap-hongkong")), ["RESOURCE_NOT_MAINLAND"]);
        assert_eq!(with("billing", json!("postpaid")), ["RESOURCE_BILLING_NOT_PREPAID"]);
        assert_eq!(with("public_ip", json!(null)), ["RESOURCE_NO_PUBLIC_IP"]);
        assert_eq!(with("purchased_months", json!(1)), ["RESOURCE_TERM_TOO_SHORT"]);
        for field in ["region", "public_ip", "billing", "purchased_months", "expires_at", "issuer_resource_kind", "codes_issued"] {
            let mut c = code("2027-06-01", "enterprise", 1);
            c[0].as_object_mut().unwrap().remove(field);
            let app = json!({"as_of": "2026-11-29", "province": "SH", "subject": {"kind": "enterprise", "name": "x"},
                             "websites": [{"name": "云杉信息", "domain": "example.com"}], "resources": c});
            let r = Engine::embedded().check_value_at(&app, None).unwrap();
            let at = format!("resources[0].{field}");
            assert!(r.findings.iter().any(|f| f.code == "FACT_MISSING" && f.path == at), "{field} left out must be FACT_MISSING");
        }
    }

    /// The messages say the row's own numbers: 云托管 keeps 3 months, not the CVM's 1.
    #[test]
    fn messages_carry_the_rows_numbers() {
        let app = json!({"as_of": "2026-11-29", "province": "SH", "subject": {"kind": "enterprise", "name": "x"},
            "websites": [{"name": "云杉信息", "domain": "example.com", "filing_number": "沪ICP备2021012345号-1"}],
            "resources": [{"kind": "cloudbase_run", "region": "ap-shanghai", "expires_at": "2027-01-15", "websites_filed": 0}]});
        let r = Engine::embedded().check_value_at(&app, None).unwrap();
        let f = r.findings.iter().find(|f| f.code == "RESOURCE_REMAINING_TOO_SHORT").expect("3 months must remain on 云托管");
        assert!(f.message.zh.contains("3 个月") && f.message.en.contains("3 month"), "{:?}", f.message);
    }

    #[test]
    fn quota_and_kinds() {
        let mut r = cvm(12, "2027-06-01");
        r[0]["websites_filed"] = json!(5);
        assert_eq!(codes(r), ["RESOURCE_QUOTA_EXCEEDED"]);
        assert_eq!(codes(json!([])), ["RESOURCE_MISSING"]);
        assert_eq!(
            codes(json!([{"kind": "cloudbase_run", "region": "ap-shanghai", "expires_at": "2028-01-01"}])),
            ["RESOURCE_KIND_NOT_SUPPORTED"]
        );
        let mut hk = cvm(12, "2027-06-01");
        hk[0]["region"] = json!("ap-hongkong");
        assert_eq!(codes(hk), ["RESOURCE_NOT_MAINLAND"]);
    }
}
