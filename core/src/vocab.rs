//! The input vocabulary of ../shared/DESIGN.md (accepted exactly; more may be added, none
//! renamed). tencent/facts.md §5 lists the subject kinds and their certificates.

pub const SUBJECT_KINDS: &[&str] = &[
    "individual",
    "enterprise",
    "individual_business",
    "government",
    "military",
    "institution",
    "social_organization",
    "private_non_enterprise",
    "foundation",
    "law_firm",
    "mass_organization",
    "religious",
    "medical",
    "overseas",
    "foreign_cultural_center",
    "judicial_expertise",
    "notary",
    "collective_economy",
    "arbitration",
];

pub const CERTIFICATE_TYPES: &[&str] = &[
    "resident_id",
    "passport",
    "hk_macau_permit",
    "taiwan_permit",
    "hk_macau_residence",
    "taiwan_residence",
    "foreign_permanent_residence",
    "business_license",
    "organization_code",
    "institution_certificate",
    "social_organization_certificate",
    "law_firm_license",
    "private_non_enterprise_certificate",
    "social_service_certificate",
    "private_school_license",
    "foundation_certificate",
    "military_code",
    "military_service_license",
    "foreign_representative_office",
    "foreign_cultural_center_certificate",
    "judicial_expertise_license",
    "religious_venue_certificate",
    "overseas_certificate",
    "medical_institution_license",
    "notary_license",
    "collective_economy_certificate",
    "arbitration_certificate",
];

/// Certificate types that identify a person rather than an organisation.
pub const PERSON_ID_TYPES: &[&str] = &[
    "resident_id",
    "passport",
    "hk_macau_permit",
    "taiwan_permit",
    "hk_macau_residence",
    "taiwan_residence",
    "foreign_permanent_residence",
];

pub const RESOURCE_KINDS: &[&str] = &["cvm", "lighthouse", "serverless", "clb", "cloudbase_run", "authorization_code", "website_builder"];

pub const SERVICE_CONTENT: &[&str] = &[
    "portal",
    "enterprise_site",
    "shopping",
    "navigation",
    "blog",
    "forum",
    "news",
    "publishing",
    "education",
    "health",
    "drugs_medical_devices",
    "culture",
    "broadcasting",
    "finance",
    "games",
    "ride_hailing",
    "off_campus_training",
    "e_government",
    "religion",
    "other",
];

pub const FILING_TYPES: &[&str] =
    &["first_filing", "new_website_no_subject", "access_filing", "new_website_with_subject", "access_with_subject"];

pub const BILLING: &[&str] = &["prepaid", "postpaid"];
pub const FILED_WITH: &[&str] = &["tencent", "other"];
pub const ACCOUNT_KINDS: &[&str] = &["personal", "enterprise"];
/// What a domain is filed for (备案用途; JX, HA, GD, GX, SN, ZJ, GS note rows).
pub const WEBSITE_PURPOSES: &[&str] = &["website", "mini_program", "official_account", "email"];
/// Where a person is a resident (SH, GD, BJ note rows on 港澳台 and foreign filers).
pub const RESIDENCIES: &[&str] = &["mainland", "hong_kong", "macau", "taiwan", "foreign"];

/// Subject kinds that file as an individual (个人备案); every other kind is an organisation.
pub fn is_personal(kind: &str) -> bool {
    kind == "individual"
}

/// Kinds counted as state units (国家单位) where a rule exempts them.
pub fn is_state_unit(kind: &str) -> bool {
    matches!(kind, "government" | "military")
}

pub fn subject_kind_zh(kind: &str) -> &'static str {
    named(SUBJECT_KIND_NAMES, kind).map_or("单位", |n| n.zh)
}

/// A subject kind as an English noun phrase with its article ("an individual", "a foundation").
pub fn subject_kind_en(kind: &str) -> &'static str {
    named(SUBJECT_KIND_NAMES, kind).map_or("an organisation", |n| n.en)
}

/// Chinese and English names of the filing types (tencent/facts.md §7).
pub fn filing_type_names(t: &str) -> (&'static str, &'static str) {
    named(FILING_TYPE_NAMES, t).map_or(("未知", "unknown"), |n| (n.zh, n.en))
}

/// Chinese and English names of the process steps (seed-access-filing.md).
pub fn step_names(s: &str) -> (&'static str, &'static str) {
    match s {
        "verify_resources" => ("验证备案云服务", "verify cloud resources"),
        "verify_domain" => ("验证备案域名", "verify domain"),
        "subject_info" => ("填写主体信息", "subject information"),
        "website_info" => ("填写网站信息", "website information"),
        "upload_materials" => ("上传备案材料", "upload materials"),
        "submit" => ("提交备案", "submit"),
        "provider_review" => ("腾讯云初审", "provider review"),
        "sms_verification" => ("工信部短信核验", "MIIT SMS verification"),
        "bureau_review" => ("管局审核", "bureau review"),
        "done" => ("备案完成", "done"),
        _ => ("", ""),
    }
}

/// A vocabulary value with its Chinese name (the word a filer reads and may type) and an
/// English phrase for messages. Other accepted Chinese spellings are in `ALIASES`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub value: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn n(value: &'static str, zh: &'static str, en: &'static str) -> Named {
    Named { value, zh, en }
}

/// One vocabulary: the field it belongs to and its values, in the order of the lists above.
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary {
    pub name: &'static str,
    pub values: &'static [Named],
}

pub const SUBJECT_KIND_NAMES: &[Named] = &[
    n("individual", "个人", "an individual"),
    n("enterprise", "企业", "an enterprise"),
    n("individual_business", "个体工商户", "an individual business"),
    n("government", "党政机关", "a government body"),
    n("military", "国防机关", "a military body"),
    n("institution", "事业单位", "a public institution"),
    n("social_organization", "社会团体", "a social organisation"),
    n("private_non_enterprise", "民办非企业单位", "a private non-enterprise unit"),
    n("foundation", "基金会", "a foundation"),
    n("law_firm", "律师执业机构", "a law firm"),
    n("mass_organization", "群众性团体组织", "a mass organisation"),
    n("religious", "宗教团体", "a religious body"),
    n("medical", "医疗机构", "a medical institution"),
    n("overseas", "境外机构", "an overseas organisation"),
    n("foreign_cultural_center", "外国在华文化中心", "a foreign cultural centre"),
    n("judicial_expertise", "司法鉴定机构", "a judicial expertise body"),
    n("notary", "公证机构", "a notary office"),
    n("collective_economy", "农村集体经济组织", "a rural collective economic organisation"),
    n("arbitration", "仲裁机构", "an arbitration body"),
];

pub const CERTIFICATE_TYPE_NAMES: &[Named] = &[
    n("resident_id", "居民身份证", "resident ID card"),
    n("passport", "护照", "passport"),
    n("hk_macau_permit", "港澳居民来往内地通行证", "Hong Kong/Macau home-return permit"),
    n("taiwan_permit", "台湾居民来往大陆通行证", "Taiwan compatriot permit"),
    n("hk_macau_residence", "港澳居民居住证", "Hong Kong/Macau residence permit"),
    n("taiwan_residence", "台湾居民居住证", "Taiwan residence permit"),
    n("foreign_permanent_residence", "外国人永久居留身份证", "foreign permanent residence ID"),
    n("business_license", "营业执照", "business licence"),
    n("organization_code", "组织机构代码证", "organisation code certificate"),
    n("institution_certificate", "事业单位法人证书", "public institution certificate"),
    n("social_organization_certificate", "社会团体法人登记证书", "social organisation certificate"),
    n("law_firm_license", "律师事务所执业许可证", "law firm licence"),
    n("private_non_enterprise_certificate", "民办非企业单位登记证书", "private non-enterprise unit certificate"),
    n("social_service_certificate", "社会服务机构登记证书", "social service organisation certificate"),
    n("private_school_license", "民办学校办学许可证", "private school licence"),
    n("foundation_certificate", "基金会法人登记证书", "foundation certificate"),
    n("military_code", "军队代号", "military unit code"),
    n("military_service_license", "军队单位对外有偿服务许可证", "military paid-service licence"),
    n("foreign_representative_office", "外国企业常驻代表机构登记证", "foreign representative office certificate"),
    n("foreign_cultural_center_certificate", "外国在华文化中心登记证", "foreign cultural centre certificate"),
    n("judicial_expertise_license", "司法鉴定许可证", "judicial expertise licence"),
    n("religious_venue_certificate", "宗教活动场所登记证", "religious venue certificate"),
    n("overseas_certificate", "境外机构证件", "overseas organisation certificate"),
    n("medical_institution_license", "医疗机构执业许可证", "medical institution licence"),
    n("notary_license", "公证机构执业证书", "notary office licence"),
    n("collective_economy_certificate", "农村集体经济组织登记证", "rural collective economic organisation certificate"),
    n("arbitration_certificate", "仲裁委员会登记证", "arbitration commission certificate"),
];

pub const RESOURCE_KIND_NAMES: &[Named] = &[
    n("cvm", "云服务器", "cloud server (CVM)"),
    n("lighthouse", "轻量应用服务器", "Lighthouse server"),
    n("serverless", "云函数", "serverless function"),
    n("clb", "负载均衡", "load balancer (CLB)"),
    n("cloudbase_run", "云托管", "CloudBase Run"),
    n("authorization_code", "备案授权码", "filing authorisation code"),
    n("website_builder", "云建站", "website builder"),
];

pub const SERVICE_CONTENT_NAMES: &[Named] = &[
    n("portal", "综合门户", "portal"),
    n("enterprise_site", "单位门户网站", "organisation website"),
    n("shopping", "网上购物", "online shopping"),
    n("navigation", "网址导航", "link directory"),
    n("blog", "博客", "blog"),
    n("forum", "论坛", "forum"),
    n("news", "新闻", "news"),
    n("publishing", "出版", "publishing"),
    n("education", "教育", "education"),
    n("health", "医疗保健", "health care"),
    n("drugs_medical_devices", "药品和医疗器械", "drugs and medical devices"),
    n("culture", "文化", "culture"),
    n("broadcasting", "广播电影电视节目", "radio, film and television"),
    n("finance", "金融", "finance"),
    n("games", "网络游戏", "online games"),
    n("ride_hailing", "网约车", "ride hailing"),
    n("off_campus_training", "校外培训", "off-campus training"),
    n("e_government", "电子政务", "e-government"),
    n("religion", "宗教", "religion"),
    n("other", "其他", "other"),
];

pub const FILING_TYPE_NAMES: &[Named] = &[
    n("first_filing", "首次备案", "first filing"),
    n("new_website_no_subject", "无主体新增网站", "new website, subject filed elsewhere"),
    n("access_filing", "接入备案", "access filing, subject filed elsewhere"),
    n("new_website_with_subject", "有主体新增网站", "new website, subject filed at Tencent"),
    n("access_with_subject", "有主体新增接入", "access filing, subject filed at Tencent"),
];

pub const BILLING_NAMES: &[Named] = &[n("prepaid", "包年包月", "prepaid (monthly or yearly)"), n("postpaid", "按量计费", "pay-as-you-go")];
pub const FILED_WITH_NAMES: &[Named] = &[n("tencent", "腾讯云", "Tencent Cloud"), n("other", "其他接入商", "another provider")];
pub const ACCOUNT_KIND_NAMES: &[Named] = &[n("personal", "个人", "personal"), n("enterprise", "企业", "enterprise")];
pub const WEBSITE_PURPOSE_NAMES: &[Named] = &[
    n("website", "网站", "a website"),
    n("mini_program", "小程序", "a mini-program (小程序) only"),
    n("official_account", "公众号", "an official account (公众号) only"),
    n("email", "企业邮箱", "a mailbox (企业邮箱) only"),
];
pub const RESIDENCY_NAMES: &[Named] = &[
    n("mainland", "内地居民", "a mainland resident"),
    n("hong_kong", "香港居民", "a Hong Kong resident"),
    n("macau", "澳门居民", "a Macau resident"),
    n("taiwan", "台湾居民", "a Taiwan resident"),
    n("foreign", "外籍人士", "a foreign national"),
];

/// Why a TLD is refused (the `status` of DOMAIN_TLD_NOT_APPROVED; core/rules/tlds.json).
pub const TLD_STATUS_NAMES: &[Named] = &[
    n("not_listed", "不在任何可备案后缀列表中", "on no list of fileable suffixes"),
    n("not_accepted_for_new_filings", "仅 2018 年前已备案的网站可继续使用，新备案不受理", "accepted only for websites filed before 2018"),
];

pub const VOCABULARIES: &[Vocabulary] = &[
    Vocabulary { name: "subject.kind", values: SUBJECT_KIND_NAMES },
    Vocabulary { name: "certificate type", values: CERTIFICATE_TYPE_NAMES },
    Vocabulary { name: "resources[].kind", values: RESOURCE_KIND_NAMES },
    Vocabulary { name: "service_content", values: SERVICE_CONTENT_NAMES },
    Vocabulary { name: "filing_type", values: FILING_TYPE_NAMES },
    Vocabulary { name: "billing", values: BILLING_NAMES },
    Vocabulary { name: "filed_with", values: FILED_WITH_NAMES },
    Vocabulary { name: "account.kind", values: ACCOUNT_KIND_NAMES },
    Vocabulary { name: "websites[].purpose", values: WEBSITE_PURPOSE_NAMES },
    Vocabulary { name: "residency", values: RESIDENCY_NAMES },
    Vocabulary { name: "TLD status", values: TLD_STATUS_NAMES },
];

/// Further Chinese spellings a filer may type (the forms Tencent's pages use).
const ALIASES: &[(&str, &str)] = &[
    ("个人备案", "individual"),
    ("公司", "enterprise"),
    ("企业单位", "enterprise"),
    ("政府机关", "government"),
    ("身份证", "resident_id"),
    ("台胞证", "taiwan_permit"),
    ("港澳通行证", "hk_macau_permit"),
    ("统一社会信用代码", "business_license"),
    ("个人空间", "blog"),
    ("电子公告", "forum"),
    ("社区", "forum"),
    ("预付费", "prepaid"),
    ("后付费", "postpaid"),
    ("接入备案（无主体新增接入）", "access_filing"),
    ("无主体新增接入", "access_filing"),
    ("一键接入", "access_with_subject"),
    ("CVM", "cvm"),
    ("云服务器CVM", "cvm"),
];

/// The vocabulary whose words a message's context key carries (rendered through their names).
pub fn vocabulary_of_key(key: &str) -> Option<&'static [Named]> {
    Some(match key {
        "subject_kind" => SUBJECT_KIND_NAMES,
        "certificate_type" | "allowed" => CERTIFICATE_TYPE_NAMES,
        "kind" => RESOURCE_KIND_NAMES,
        "service" => SERVICE_CONTENT_NAMES,
        "declared" | "derived" => FILING_TYPE_NAMES,
        "billing" => BILLING_NAMES,
        "status" => TLD_STATUS_NAMES,
        _ => return None,
    })
}

/// The names of a vocabulary given by its value list (SUBJECT_KINDS → SUBJECT_KIND_NAMES).
pub fn names_of(values: &[&str]) -> Option<&'static [Named]> {
    VOCABULARIES.iter().map(|v| v.values).find(|n| n.len() == values.len() && n.iter().zip(values).all(|(a, b)| a.value == *b))
}

/// A value's Chinese name within its vocabulary (the value itself if it has none).
pub fn zh_of(values: &[&str], value: &str) -> String {
    names_of(values).and_then(|n| named(n, value)).map_or_else(|| value.to_owned(), |n| n.zh.to_owned())
}

/// The names of a value in a vocabulary.
pub fn named(values: &'static [Named], value: &str) -> Option<&'static Named> {
    values.iter().find(|v| v.value == value)
}

/// Reads a word a filer typed: the value itself, its Chinese name, or one of its other Chinese
/// spellings. `Err` carries the nearest value (did you mean …?) when one is close enough.
pub fn parse(values: &'static [&'static str], input: &str) -> Result<&'static str, Option<&'static str>> {
    if let Some(w) = values.iter().find(|w| **w == input) {
        return Ok(w);
    }
    let t = input.trim();
    let names = VOCABULARIES.iter().flat_map(|v| v.values.iter()).filter(|n| values.contains(&n.value));
    for nm in names.clone() {
        if nm.zh == t || nm.value == t || nm.value.eq_ignore_ascii_case(t) {
            return values.iter().find(|w| **w == nm.value).copied().ok_or(None);
        }
    }
    if let Some((_, v)) = ALIASES.iter().find(|(a, v)| *a == t && values.contains(v)) {
        return values.iter().find(|w| *w == v).copied().ok_or(None);
    }
    // The nearest value or name by edit distance, if within about a third of its length.
    let key = t.to_lowercase().replace([' ', '-'], "_");
    let mut best: Option<(usize, &'static str)> = None;
    for w in values.iter().copied() {
        let zh = names.clone().find(|n| n.value == w).map(|n| n.zh);
        for cand in [Some(w), zh].into_iter().flatten() {
            let d = edit_distance(&key, cand);
            let limit = (cand.chars().count() / 3).max(1);
            if d <= limit && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, w));
            }
        }
    }
    Err(best.map(|(_, w)| w))
}

/// Every spelling [`parse`] takes exactly for a value of `values`, with the value it reads as:
/// the values, their Chinese names and the other Chinese spellings, first match first (as
/// `parse` tries them). `parse` also takes a value in any letter case and any of these with
/// surrounding spaces. For the schema and docs/INPUT.md (schema.rs).
pub fn spellings(values: &[&'static str]) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = values.iter().map(|v| (*v, *v)).collect();
    let names = VOCABULARIES.iter().flat_map(|v| v.values.iter()).filter(|n| values.contains(&n.value));
    for nm in names {
        out.push((nm.zh, nm.value));
    }
    for (a, v) in ALIASES {
        if values.contains(v) {
            out.push((a, v));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|(sp, _)| seen.insert(*sp));
    out
}

/// The names of a value in whichever vocabulary lists it (for value lists that are a subset of
/// a vocabulary, such as [`PERSON_ID_TYPES`]).
pub fn any_named(value: &str) -> Option<&'static Named> {
    VOCABULARIES.iter().flat_map(|v| v.values.iter()).find(|n| n.value == value)
}

/// Levenshtein distance in characters (inputs are short vocabulary words).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_value_has_names_and_no_more() {
        for (list, names) in [
            (SUBJECT_KINDS, SUBJECT_KIND_NAMES),
            (CERTIFICATE_TYPES, CERTIFICATE_TYPE_NAMES),
            (RESOURCE_KINDS, RESOURCE_KIND_NAMES),
            (SERVICE_CONTENT, SERVICE_CONTENT_NAMES),
            (FILING_TYPES, FILING_TYPE_NAMES),
            (BILLING, BILLING_NAMES),
            (FILED_WITH, FILED_WITH_NAMES),
            (ACCOUNT_KINDS, ACCOUNT_KIND_NAMES),
            (WEBSITE_PURPOSES, WEBSITE_PURPOSE_NAMES),
            (RESIDENCIES, RESIDENCY_NAMES),
        ] {
            let values: Vec<&str> = names.iter().map(|n| n.value).collect();
            assert_eq!(values, list);
            for nm in names {
                // A Chinese name is Chinese: no ASCII letters (a filer reads it in zh text).
                assert!(!nm.zh.chars().any(|c| c.is_ascii_alphabetic()), "{nm:?}");
                assert!(!nm.en.is_empty());
            }
            // Within one vocabulary a Chinese name names one value.
            let mut zh: Vec<&str> = names.iter().map(|n| n.zh).collect();
            zh.sort_unstable();
            zh.dedup();
            assert_eq!(zh.len(), names.len());
        }
        for (a, v) in ALIASES {
            assert!(VOCABULARIES.iter().any(|voc| voc.values.iter().any(|n| n.value == *v)), "{a} → {v}");
        }
    }

    #[test]
    fn chinese_names_and_near_misses() {
        assert_eq!(parse(SUBJECT_KINDS, "individual"), Ok("individual"));
        assert_eq!(parse(SUBJECT_KINDS, "个人"), Ok("individual"));
        assert_eq!(parse(SUBJECT_KINDS, "企业"), Ok("enterprise"));
        assert_eq!(parse(ACCOUNT_KINDS, "个人"), Ok("personal"));
        assert_eq!(parse(BILLING, "包年包月"), Ok("prepaid"));
        assert_eq!(parse(BILLING, "按量计费"), Ok("postpaid"));
        assert_eq!(parse(SERVICE_CONTENT, "论坛"), Ok("forum"));
        assert_eq!(parse(SERVICE_CONTENT, "博客"), Ok("blog"));
        assert_eq!(parse(SERVICE_CONTENT, "Blog"), Ok("blog"));
        assert_eq!(parse(RESOURCE_KINDS, "CVM"), Ok("cvm"));
        // Did you mean …?
        assert_eq!(parse(SUBJECT_KINDS, "individul"), Err(Some("individual")));
        assert_eq!(parse(SUBJECT_KINDS, "enterprize"), Err(Some("enterprise")));
        assert_eq!(parse(BILLING, "prepayed"), Err(Some("prepaid")));
        assert_eq!(parse(SERVICE_CONTENT, "enterprise site"), Err(Some("enterprise_site")));
        assert_eq!(parse(SUBJECT_KINDS, "zzzz"), Err(None));
        // A word of another vocabulary is not accepted here.
        assert_eq!(parse(BILLING, "个人"), Err(None));
    }
}
