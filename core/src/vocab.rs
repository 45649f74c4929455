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

/// Subject kinds that file as an individual (个人备案); every other kind is an organisation.
pub fn is_personal(kind: &str) -> bool {
    kind == "individual"
}

/// Kinds counted as state units (国家单位) where a rule exempts them.
pub fn is_state_unit(kind: &str) -> bool {
    matches!(kind, "government" | "military")
}

pub fn subject_kind_zh(kind: &str) -> &'static str {
    match kind {
        "individual" => "个人",
        "enterprise" => "企业",
        "individual_business" => "个体工商户",
        "government" => "党政机关",
        "military" => "国防机关",
        "institution" => "事业单位",
        "social_organization" => "社会团体",
        "private_non_enterprise" => "民办非企业单位",
        "foundation" => "基金会",
        "law_firm" => "律师执业机构",
        "mass_organization" => "群众性团体组织",
        "religious" => "宗教团体",
        "medical" => "医疗机构",
        "overseas" => "境外机构",
        "foreign_cultural_center" => "外国在华文化中心",
        "judicial_expertise" => "司法鉴定机构",
        "notary" => "公证机构",
        "collective_economy" => "农村集体经济组织",
        "arbitration" => "仲裁机构",
        _ => "单位",
    }
}

/// Chinese and English names of the filing types (tencent/facts.md §7).
pub fn filing_type_names(t: &str) -> (&'static str, &'static str) {
    match t {
        "first_filing" => ("首次备案", "first filing"),
        "new_website_no_subject" => ("无主体新增网站", "new website, subject filed elsewhere"),
        "access_filing" => ("接入备案（无主体新增接入）", "access filing, subject filed elsewhere"),
        "new_website_with_subject" => ("有主体新增网站", "new website, subject filed at Tencent"),
        "access_with_subject" => ("有主体新增接入", "access filing, subject filed at Tencent"),
        _ => ("未知", "unknown"),
    }
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
