//! Cloud resources and authorisation codes (seed-access-filing.md; tencent/facts.md §4): what
//! the websites are served from, whether it may be filed on, and how many websites it holds.
use crate::codes::*;
use crate::ctx;
use crate::dates;
use crate::findings::Sink;
use crate::model::Resource;
use crate::tables::ResourceKindRule;
use crate::Cx;

fn rule_for<'p>(cx: &Cx<'p>, kind: &str) -> Option<&'p ResourceKindRule> {
    cx.pack.resources.kinds.iter().find(|k| k.kind == kind)
}

fn missing(sink: &mut Sink, path: String, zh: &str, en: &str, rule: &'static str) {
    sink.add(FACT_MISSING, path.clone(), ctx!["field" => path, "check_zh" => zh, "check_en" => en, "rule" => rule]);
}

/// Which resource each website is served from: its `resource` index, or the only resource.
fn assignments(cx: &Cx, sink: &mut Sink) -> Vec<Option<usize>> {
    let n = cx.app.resources.len();
    cx.app
        .websites
        .iter()
        .enumerate()
        .map(|(i, w)| match w.resource {
            Some(r) if (r as usize) < n => Some(r as usize),
            Some(r) => {
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
            None if n == 1 => Some(0),
            None if n > 1 => {
                missing(
                    sink,
                    format!("websites[{i}].resource"),
                    "网站使用哪一个云资源",
                    "which resource serves the website",
                    RESOURCE_QUOTA_EXCEEDED,
                );
                None
            }
            None => None,
        })
        .collect()
}

pub(crate) fn check(cx: &Cx, sink: &mut Sink) {
    let app = cx.app;
    if !app.given.resources {
        missing(
            sink,
            "resources".into(),
            "是否有可用于备案的云资源（云服务器、授权码等）",
            "whether a cloud resource (server, authorisation code …) is available",
            RESOURCE_MISSING,
        );
        return;
    }
    if app.resources.is_empty() {
        sink.add(RESOURCE_MISSING, "resources", ctx![]);
        return;
    }
    let assigned = assignments(cx, sink);
    for (r, res) in app.resources.iter().enumerate() {
        let Some(kind) = res.kind else { continue };
        let Some(rule) = rule_for(cx, kind) else { continue };
        let users: Vec<usize> = assigned.iter().enumerate().filter(|(_, a)| **a == Some(r)).map(|(i, _)| i).collect();
        check_one(cx, r, res, rule, &users, sink);
    }
}

fn check_one(cx: &Cx, r: usize, res: &Resource, rule: &ResourceKindRule, users: &[usize], sink: &mut Sink) {
    let at = |f: &str| format!("resources[{r}].{f}");
    let src = Some(rule.source.as_str());
    if !rule.accepted {
        // 云托管: closed to new domain filings; websites already filed on it keep working.
        let new_sites = users.iter().any(|&i| cx.app.websites[i].filing_number.is_none());
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
            None => missing(
                sink,
                at("region"),
                "资源是否位于中国大陆地域",
                "whether the resource is in a mainland region",
                RESOURCE_NOT_MAINLAND,
            ),
        }
    }
    if rule.public_ip {
        match res.public_ip.as_deref().map(str::trim) {
            Some("") => sink.add_sourced(RESOURCE_NO_PUBLIC_IP, at("public_ip"), ctx![], src),
            Some(_) => {}
            None => missing(sink, at("public_ip"), "资源是否有公网 IP", "whether the resource has a public IP", RESOURCE_NO_PUBLIC_IP),
        }
    }
    if rule.prepaid {
        match res.billing {
            Some("prepaid") => {}
            Some(b) => sink.add_sourced(RESOURCE_BILLING_NOT_PREPAID, at("billing"), ctx!["billing" => b], src),
            None => missing(sink, at("billing"), "资源是否为包年包月", "whether the resource is prepaid", RESOURCE_BILLING_NOT_PREPAID),
        }
    }
    if rule.min_purchased_months > 0 {
        match res.purchased_months {
            Some(m) if m < rule.min_purchased_months as u64 => {
                sink.add_sourced(RESOURCE_TERM_TOO_SHORT, at("purchased_months"), ctx!["purchased_months" => m], src)
            }
            Some(_) => {}
            None => missing(
                sink,
                at("purchased_months"),
                "资源购买时长是否满 3 个月",
                "whether the resource was bought for at least 3 months",
                RESOURCE_TERM_TOO_SHORT,
            ),
        }
    }
    if rule.kind != "authorization_code" && rule.kind != "serverless" && rule.kind != "clb" && rule.kind != "website_builder" {
        match res.expires_at {
            Some(exp) if exp.date() <= cx.as_of => sink.add_sourced(
                RESOURCE_EXPIRED,
                at("expires_at"),
                ctx!["expires_at" => dates::fmt_moment(exp)],
                Some("tencent/facts.md §4 (F09: expired servers cannot be used)"),
            ),
            Some(exp) if rule.min_remaining_months > 0 => {
                let until = dates::add_months(cx.as_of, rule.min_remaining_months as i32);
                if exp.date() < until {
                    sink.add_sourced(
                        RESOURCE_REMAINING_TOO_SHORT,
                        at("expires_at"),
                        ctx!["expires_at" => dates::fmt_moment(exp), "required_until" => dates::fmt(until)],
                        src,
                    );
                }
            }
            Some(_) => {}
            None => missing(
                sink,
                at("expires_at"),
                "资源剩余有效期是否满 1 个月",
                "whether at least 1 month of the resource's term remains",
                RESOURCE_REMAINING_TOO_SHORT,
            ),
        }
    }
    if rule.needs_bound_cvm {
        match res.bound_to {
            Some(b) => match cx.app.resources.get(b as usize).and_then(|x| x.kind) {
                Some("cvm") => {}
                other => sink.add_sourced(
                    RESOURCE_KIND_NOT_SUPPORTED,
                    at("bound_to"),
                    ctx![
                        "kind" => rule.kind.clone(),
                        "reason_zh" => format!("负载均衡须绑定符合条件的云服务器，绑定的是 {}", other.unwrap_or("（不存在的资源）")),
                        "reason_en" => format!("a CLB must be bound to a qualifying CVM, not {}", other.unwrap_or("a missing resource")),
                    ],
                    src,
                ),
            },
            None => missing(
                sink,
                at("bound_to"),
                "负载均衡绑定的云服务器是否符合条件",
                "whether the CLB is bound to a qualifying CVM",
                RESOURCE_KIND_NOT_SUPPORTED,
            ),
        }
    }
    if rule.kind == "authorization_code" {
        auth_code(cx, r, res, rule, sink);
    }
    // Quota: already filed on the instance plus this order's websites on it.
    let filed = res.websites_filed.unwrap_or(0);
    let adding = users.iter().filter(|&&i| cx.app.websites[i].filed_with.is_none_or(|f| f != "tencent")).count() as u64;
    if filed + adding > rule.max_websites as u64 {
        sink.add_sourced(RESOURCE_QUOTA_EXCEEDED, format!("resources[{r}]"), ctx!["kind_zh" => rule.zh.clone(), "kind_en" => rule.en.clone(), "max" => rule.max_websites, "filed" => filed, "adding" => adding], src);
    }
}

/// 备案授权码 (S04, F01): issued by an enterprise account's qualifying server, never by
/// Lighthouse or CLB, at most 5 per server, void once the server has fewer than 30 days left.
fn auth_code(cx: &Cx, r: usize, res: &Resource, rule: &ResourceKindRule, sink: &mut Sink) {
    let at = |f: &str| format!("resources[{r}].{f}");
    let src = Some(rule.source.as_str());
    if res.code.as_deref().is_none_or(|c| c.trim().is_empty()) {
        missing(sink, at("code"), "授权码本身", "the authorisation code itself", AUTH_CODE_NOT_ALLOWED);
    }
    match res.issuer_account_kind {
        Some("enterprise") => {}
        Some(_) => sink.add_sourced(
            AUTH_CODE_NOT_ALLOWED,
            at("issuer_account_kind"),
            ctx![
                "reason_zh" => "授权码只能由企业实名认证的账号生成，个人账号不能生成",
                "reason_en" => "only an account real-named as an enterprise can issue codes; personal accounts cannot",
            ],
            src,
        ),
        None => missing(
            sink,
            at("issuer_account_kind"),
            "授权码是否由企业账号生成",
            "whether an enterprise account issued the code",
            AUTH_CODE_NOT_ALLOWED,
        ),
    }
    if let Some(k) = res.issuer_resource_kind {
        if !rule_for(cx, k).is_some_and(|x| x.can_issue_codes) {
            sink.add_sourced(
                AUTH_CODE_NOT_ALLOWED,
                at("issuer_resource_kind"),
                ctx![
                    "reason_zh" => format!("{k} 不能生成备案授权码（只有符合条件的云服务器可以）"),
                    "reason_en" => format!("a {k} cannot issue authorisation codes (only a qualifying CVM can)"),
                ],
                src,
            );
        }
    }
    if let (Some(n), Some(max)) = (res.codes_issued, rule.max_codes_per_server) {
        if n > max as u64 {
            sink.add_sourced(AUTH_CODE_QUOTA_EXCEEDED, at("codes_issued"), ctx!["codes_issued" => n], src);
        }
    }
    match (res.expires_at, rule.code_expires_days_left) {
        (Some(exp), Some(days)) if exp.date() < dates::add_days(cx.as_of, days as i64) => {
            sink.add_sourced(AUTH_CODE_EXPIRED, at("expires_at"), ctx!["expires_at" => dates::fmt_moment(exp)], src);
        }
        (None, Some(_)) => missing(
            sink,
            at("expires_at"),
            "生成授权码的服务器剩余有效期是否满 30 天",
            "whether the issuing server has 30 days or more left",
            AUTH_CODE_EXPIRED,
        ),
        _ => {}
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

    #[test]
    fn authorisation_code_day_30() {
        let code = |exp: &str, issuer: &str, n: u64| json!([{"kind": "authorization_code", "code": "ABC", "issuer_account_kind": issuer, "issuer_resource_kind": "cvm", "codes_issued": n, "expires_at": exp}]);
        // 30 days left (2026-12-29) keeps the code; 29 days voids it.
        assert!(codes(code("2026-12-29", "enterprise", 5)).is_empty());
        assert_eq!(codes(code("2026-12-28", "enterprise", 5)), ["AUTH_CODE_EXPIRED"]);
        assert_eq!(codes(code("2027-06-01", "enterprise", 6)), ["AUTH_CODE_QUOTA_EXCEEDED"]);
        assert_eq!(codes(code("2027-06-01", "personal", 1)), ["AUTH_CODE_NOT_ALLOWED"]);
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
