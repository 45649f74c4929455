//! Websites (tencent/facts.md §2, §2.1 S11, §6 S08 and the province rows): how many per order,
//! their names, the services a personal site may offer, pre-approvals and required remarks.
pub mod max_websites;
pub mod name_forbidden_words;
pub mod name_min_chinese;
pub mod name_no_latin;
pub mod name_not_pure_latin;
pub mod pre_approval_keywords;
pub mod remarks_forbidden_words;
pub mod remarks_required;
pub mod service_not_allowed;

use crate::codes::*;
use crate::ctx;
use crate::input::model::Website;
use crate::pack::province::ProvinceRule;
use crate::pack::PreApprovalCategory;
use crate::report::sink::Sink;
use crate::rules::registry::ask;
use crate::rules::site::Site;
use crate::rules::Cx;
use crate::text::{is_cjk, lower};
use crate::vocab;

/// Individuals cannot hold a pre-approval document.
const PERSONAL_PRE_APPROVAL_SOURCE: &str =
    "tencent/facts.md §6 (F07); tencent/sources/常见问题__备案流程__网站信息__网站信息 (个人无法办理前置审批文件)";

/// The name length as S11 counts it: every character counts one except "( ) -" (and their
/// full-width forms) and spaces.
pub fn name_length(name: &str, skip: &[String]) -> usize {
    name.chars().filter(|c| !c.is_whitespace() && !skip.iter().any(|s| s.starts_with(*c))).count()
}

/// Whether the word at byte `at` of `text` is negated: a negating phrase of the pack (不涉及,
/// 不含 …, never a single 无 or 非, which start everyday words and place names) in the same
/// clause, with at most `max_gap` characters between the phrase and the word (不涉及金融,
/// 不提供任何新闻, 不涉及新闻、金融).
fn negated(text: &str, at: usize, negations: &[String], max_gap: u32) -> bool {
    let clause = text[..at].rsplit(['，', ',', '。', '；', ';', '！', '!', '？', '?', '\n']).next().unwrap_or("");
    negations.iter().any(|n| clause.rfind(n.as_str()).is_some_and(|i| clause[i + n.len()..].chars().count() <= max_gap as usize))
}

pub(crate) fn check(cx: &Cx, sink: &mut Sink) {
    let rules = &cx.rows;
    count(cx, rules, sink);
    for (i, w) in cx.app.websites.iter().enumerate() {
        if let Some(name) = w.name.as_deref() {
            name_rules(cx, i, name, rules, sink);
        }
        if w.service_content.is_absent() {
            sink.fact_missing(
                format!("websites[{i}].service_content"),
                WEBSITE_SERVICE_NOT_ALLOWED,
                "网站服务内容（是否为该主体可开办的服务、是否需要前置审批）",
                "the website's services (whether this subject may offer them, whether they need a pre-approval)",
            );
        }
        services(cx, i, w, rules, sink);
        pre_approval(cx, i, w, sink);
        remarks(cx, i, w, rules, sink);
    }
}

fn count(cx: &Cx, rules: &[&ProvinceRule], sink: &mut Sink) {
    let Some(personal) = cx.personal else { return };
    let lim = &cx.pack.subjects.limits;
    let n = cx.app.websites.len() as u32;
    let national = if personal { lim.personal_websites_per_order } else { lim.organization_websites_per_order };
    let (scope_zh, scope_en) =
        if personal { ("个人备案每个订单", "A personal order") } else { ("单位备案每个订单", "An organisation's order") };
    if n > national {
        sink.add_sourced(
            WEBSITE_COUNT_EXCEEDED,
            "websites",
            ctx!["scope_zh" => scope_zh, "scope_en" => scope_en, "max" => national, "count" => n],
            Some(&lim.source),
        );
    }
    let Some(prov) = cx.province else { return };
    let place = crate::rules::place(prov);
    let websites_filed = cx.app.subject.as_ref().map_or(crate::input::model::Fact::Absent, |s| s.websites_filed);
    let mut site =
        Site::Order { filing_type: cx.filing_type, province: &place, personal, count: n, national, scope_zh, scope_en, websites_filed };
    ask(rules.iter().copied(), &mut site, sink);
}

fn name_rules(cx: &Cx, i: usize, name: &str, rules: &[&ProvinceRule], sink: &mut Sink) {
    let t = &cx.pack.websites;
    // Built only for a finding (most names have none).
    let path = || format!("websites[{i}].name");
    let src = Some(t.name_source.as_str());
    let len = name_length(name, &t.allowed_symbols);
    if len < t.min_name_chars as usize {
        sink.add_sourced(WEBSITE_NAME_TOO_SHORT, path(), ctx!["name" => name, "length" => len, "min" => t.min_name_chars], src);
    }
    let significant: Vec<char> =
        name.chars().filter(|c| !c.is_whitespace() && !t.allowed_symbols.iter().any(|s| s.starts_with(*c))).collect();
    if !significant.is_empty() && significant.iter().all(|c| c.is_ascii_alphanumeric()) {
        sink.add_sourced(WEBSITE_NAME_NOT_CHINESE, path(), ctx!["name" => name], src);
    }
    if let Some(sym) = significant.iter().find(|c| !(c.is_alphanumeric() || is_cjk(**c))) {
        sink.add_sourced(WEBSITE_NAME_FORBIDDEN_SYMBOL, path(), ctx!["name" => name, "symbol" => sym.to_string()], src);
    }
    for g in &t.sensitive_words {
        for w in g.words.found_in(name) {
            sink.add_sourced(WEBSITE_NAME_SENSITIVE_WORD, path(), ctx!["name" => name, "word" => w], Some(&g.source));
        }
    }
    let rw = &t.reserved_words;
    if !cx.subject_kind.is_some_and(|k| rw.exempt_kinds.iter().any(|e| e == k)) {
        for w in rw.words.found_in(name) {
            sink.add_sourced(WEBSITE_NAME_RESERVED_WORD, path(), ctx!["name" => name, "word" => w], Some(&rw.source));
        }
    }
    if cx.personal == Some(true) {
        for g in &t.personal_name_words {
            if let Some(w) = g.words.first_in(name) {
                sink.add_sourced(
                    WEBSITE_NAME_NOT_PERSONAL,
                    path(),
                    ctx!["name" => name, "word" => w, "reason_zh" => g.reason_zh.clone(), "reason_en" => g.reason_en.clone()],
                    Some(&g.source),
                );
            }
        }
        // One place-name finding per name: a province, else the first city or county.
        let places = &t.personal_place_names;
        let province = places
            .use_province_names
            .then(|| cx.pack.provinces.iter().find(|p| name.contains(&p.zh_full) || name.contains(&p.zh)))
            .flatten()
            .map(|p| (p.zh.clone(), "地名（省级行政区）".to_owned(), "a place name (a province)".to_owned()));
        let place = province.or_else(|| {
            places.use_divisions.then(|| cx.pack.place_names.find_in(name)).flatten().map(|h| {
                (
                    h.name.to_owned(),
                    format!("地名：{}，区划代码 {}", h.full_name, h.code),
                    format!("a place name: {}, division code {}", h.full_name, h.code),
                )
            })
        });
        if let Some((word, reason_zh, reason_en)) = place {
            sink.add_sourced(
                WEBSITE_NAME_NOT_PERSONAL,
                path(),
                ctx!["name" => name, "word" => word, "reason_zh" => reason_zh, "reason_en" => reason_en],
                Some(&places.source),
            );
        }
        // The filer's own name (the subject's, or the website's responsible person's).
        let own = &t.personal_own_name;
        let subject_name = cx.app.subject.as_ref().and_then(|s| s.name.as_deref());
        let owner_name = cx.app.websites[i].responsible_person.get().and_then(|p| p.name.as_deref());
        let min = own.min_chars as usize;
        if let Some(person) =
            [subject_name, owner_name].into_iter().flatten().map(str::trim).find(|n| n.chars().count() >= min && name.contains(*n))
        {
            sink.add_sourced(
                WEBSITE_NAME_NOT_PERSONAL,
                path(),
                ctx!["name" => name, "word" => person, "reason_zh" => "备案人姓名", "reason_en" => "the filer's name"],
                Some(&own.source),
            );
        }
        // A name that is itself a domain.
        if name.contains('.') && crate::rules::domain::parse(cx.pack, name).is_ok() {
            sink.add_sourced(
                WEBSITE_NAME_NOT_PERSONAL,
                path(),
                ctx!["name" => name, "word" => name, "reason_zh" => "域名", "reason_en" => "a domain name"],
                src,
            );
        }
    }
    ask(rules.iter().copied(), &mut Site::WebsiteName { index: i, name, significant: &significant, subject_kind: cx.subject_kind }, sink);
}

fn services(cx: &Cx, i: usize, w: &Website, rules: &[&ProvinceRule], sink: &mut Sink) {
    let path = |j: usize| format!("websites[{i}].service_content[{j}]");
    let kind = cx.subject_kind.unwrap_or("");
    let (subj_zh, subj_en) = (vocab::subject_kind_zh(kind), vocab::subject_kind_en(kind));
    for (j, s) in w.services().iter().enumerate() {
        if cx.personal == Some(true) {
            if let Some(b) = cx.pack.websites.personal_services_not_allowed.iter().find(|b| b.service == *s) {
                sink.add_sourced(WEBSITE_SERVICE_NOT_ALLOWED, path(j), ctx![
                    "service" => *s, "subject_zh" => subj_zh, "subject_en" => subj_en, "reason_zh" => b.reason_zh.clone(), "reason_en" => b.reason_en.clone(),
                ], Some(&b.source));
            }
        }
        if let Some(prov) = cx.province {
            let place = crate::rules::place(prov);
            let mut site =
                Site::Service { province: &place, website: i, service: s, position: j, subject_zh: subj_zh, subject_en: subj_en };
            ask(rules.iter().copied(), &mut site, sink);
        }
    }
}

/// Pre-approval (S08): categories from service_content and explicit keywords make it required;
/// review keywords only may mean it (needs_review). Individuals cannot hold one (F07).
fn pre_approval(cx: &Cx, i: usize, w: &Website, sink: &mut Sink) {
    let pack = cx.pack;
    let (negations, gap) = (&pack.websites.negations, pack.websites.negation_max_gap);
    // A keyword where a longer word that does not mean it begins (基金会 for 基金) is no hit.
    let not_keyword = |text: &str, at: usize| pack.preapproval_not_keywords.words.iter().any(|w| text[at..].starts_with(w.as_str()));
    let personal = cx.personal == Some(true);
    // A document held for the category lifts the requirement, for an organisation only:
    // individuals cannot hold one (F07; tencent/sources 网站信息: 个人无法办理前置审批文件), so a
    // document a personal filing lists changes nothing and is itself reported.
    let held = |cat: &str| {
        !personal
            && w.pre_approvals
                .iter()
                .any(|p| p.category.value() == Some(cat) && p.document_number.as_deref().is_some_and(|d| !d.trim().is_empty()))
    };
    if personal {
        for (j, p) in w.pre_approvals.iter().enumerate() {
            let cat = p.category.value().and_then(|c| pack.preapproval.iter().find(|x| x.category == c));
            let (zh, en) = cat.map_or(("前置审批", "a pre-approval"), |c| (c.zh.as_str(), c.en.as_str()));
            sink.add_sourced(
                PRE_APPROVAL_NOT_AVAILABLE,
                format!("websites[{i}].pre_approvals[{j}]"),
                ctx!["category_zh" => zh, "category_en" => en],
                Some(PERSONAL_PRE_APPROVAL_SOURCE),
            );
        }
    }
    let subject_name = cx.app.subject.as_ref().and_then(|s| s.name.as_deref()).unwrap_or("");
    // Lower-cased once here, not per keyword.
    // The fourth element names the website field (None: the subject's name); paths are built
    // only for a finding.
    // The business scope (经营范围) is scanned like the names (前置审批相关: 根据所提交的备案单位名称/
    // 经营范围/网站名称/网站内容等); unknown for a kind that has one, the scan is incomplete.
    let subject = cx.app.subject.as_ref();
    let scope = subject.map_or(crate::input::model::Fact::Absent, |s| s.business_scope.clone());
    if i == 0 && scope.is_absent() && subject.is_some() && matches!(cx.subject_kind, Some("enterprise" | "individual_business")) {
        sink.fact_missing(
            "subject.business_scope",
            PRE_APPROVAL_REQUIRED,
            "主体经营范围（是否含前置审批关键词；营业执照无经营范围请填 null）",
            "the subject's business scope (whether it names a pre-approval keyword; null if the licence lists none)",
        );
    }
    let texts: [(std::borrow::Cow<str>, &str, &str, &str); 4] = [
        (lower(w.name.as_deref().unwrap_or("")), "网站名称", "The website name", "name"),
        (lower(subject_name), "主办单位名称", "The subject name", "subject.name"),
        (lower(w.remarks.as_deref().unwrap_or("")), "网站备注", "The remarks", "remarks"),
        (lower(scope.as_deref().unwrap_or("")), "经营范围", "The business scope", "subject.business_scope"),
    ];
    let path_of = |field: &&str| if field.starts_with("subject.") { (*field).to_owned() } else { format!("websites[{i}].{field}") };
    let mut flagged: Vec<String> = Vec::new();
    let mut require = |cat: &PreApprovalCategory, path: String, source: &str, sink: &mut Sink| {
        if flagged.contains(&cat.category) || held(&cat.category) {
            return;
        }
        flagged.push(cat.category.clone());
        if personal {
            sink.add_sourced(
                PRE_APPROVAL_NOT_AVAILABLE,
                path,
                ctx!["category_zh" => cat.zh.clone(), "category_en" => cat.en.clone()],
                Some(PERSONAL_PRE_APPROVAL_SOURCE),
            );
        } else {
            sink.add_sourced(PRE_APPROVAL_REQUIRED, path, ctx![
                "category_zh" => cat.zh.clone(), "category_en" => cat.en.clone(), "authority" => cat.authority.clone(), "document" => cat.document.clone(),
            ], Some(source));
        }
    };
    for (j, s) in w.services().iter().enumerate() {
        if let Some(cat) = pack.preapproval.iter().find(|c| c.category == *s && c.required) {
            require(cat, format!("websites[{i}].service_content[{j}]"), &cat.source, sink);
        }
    }
    // One scan per text over every national keyword: for each category the first text (name,
    // subject, remarks) with an explicit hit, and with a review hit (and its word).
    let n = pack.preapproval.len();
    let mut explicit_hit: Vec<Option<usize>> = vec![None; n];
    let mut review_hit: Vec<Option<(usize, &str)>> = vec![None; n];
    for (t, (text, ..)) in texts.iter().enumerate() {
        for m in pack.preapproval_keywords.automaton.find_overlapping_iter(text.as_ref()) {
            if negated(text, m.start(), negations, gap) || not_keyword(text, m.start()) {
                continue;
            }
            let k = &pack.preapproval_keywords.keywords[m.pattern().as_usize()];
            if k.explicit {
                explicit_hit[k.category].get_or_insert(t);
            } else {
                review_hit[k.category].get_or_insert((t, k.word.as_str()));
            }
        }
    }
    // Explicit keywords: the national list of a required category, and every province list
    // (whose hit needs the approval even where the national table does not, e.g. forum).
    let domain_label = cx.website_domains.get(i).and_then(Option::as_ref).map(|p| crate::rules::domain::to_unicode(p.label()));
    // The province's keyword rows that bind this filing, once (not once per category).
    let personal = cx.personal;
    let keyword_rows: Vec<(usize, &ProvinceRule)> = crate::rules::binding_rows_at(cx.province, personal)
        .into_iter()
        .filter(|(_, rule)| matches!(rule, ProvinceRule::PreApprovalKeywords(_)))
        .collect();
    // Each text scanned once for every keyword row of the province.
    let province_hits: Vec<Vec<bool>> = match (cx.province, personal) {
        (Some(p), Some(_)) => texts
            .iter()
            .map(|(text, ..)| p.keyword_rows_hit(text, |at| negated(text, at, negations, gap) || not_keyword(text, at)))
            .collect(),
        _ => Vec::new(),
    };
    for (c, cat) in pack.preapproval.iter().enumerate() {
        if cat.required {
            if let Some(t) = explicit_hit[c] {
                require(cat, path_of(&texts[t].3), &cat.source, sink);
                continue;
            }
        }
        // Province rows of this category, in order: the first with a hit decides.
        let fields = texts.each_ref().map(|t| t.3);
        let mut hit = None;
        for (row, rule) in &keyword_rows {
            let mut site = Site::Keywords {
                category: &cat.category,
                row: *row,
                website: i,
                fields: &fields,
                hits: &province_hits,
                domain_label: domain_label.as_deref(),
                hit: &mut hit,
            };
            rule.check(&mut site, sink);
        }
        if let Some((path, source)) = hit {
            require(cat, path, source, sink);
        }
    }
    for (c, cat) in pack.preapproval.iter().enumerate() {
        if !cat.required || flagged.contains(&cat.category) || held(&cat.category) {
            continue;
        }
        if let Some((t, k)) = review_hit[c] {
            let (_, zh, en, path) = &texts[t];
            sink.add_sourced(
                PRE_APPROVAL_POSSIBLE,
                path_of(path),
                ctx![
                    "where_zh" => *zh, "where_en" => *en, "keyword" => k, "category_zh" => cat.zh.clone(), "category_en" => cat.en.clone(),
                ],
                Some(&cat.source),
            );
        }
    }
}

fn remarks(cx: &Cx, i: usize, w: &Website, rules: &[&ProvinceRule], sink: &mut Sink) {
    // `null`: the website has no remarks; left out, what they say is unknown.
    let text = w.remarks.as_deref().unwrap_or("").trim();
    let mut unknown_reported = false;
    let Some(prov) = cx.province else { return };
    let place = crate::rules::place(prov);
    let mut site = Site::Remarks {
        province: &place,
        index: i,
        website: w,
        text,
        subject_kind: cx.subject_kind,
        unknown_reported: &mut unknown_reported,
    };
    ask(rules.iter().copied(), &mut site, sink);
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn name_length_counts_as_s11() {
        let skip: Vec<String> = ["(", ")", "-", "（", "）", "－"].iter().map(|s| s.to_string()).collect();
        assert_eq!(name_length("云杉", &skip), 2);
        assert_eq!(name_length("云杉A", &skip), 3);
        assert_eq!(name_length("(云)-杉", &skip), 2);
        assert_eq!(name_length("ab1", &skip), 3);
    }
    #[test]
    fn negated_keywords_do_not_count() {
        let neg: Vec<String> = ["不涉及", "不含"].iter().map(|s| s.to_string()).collect();
        let mentions = |text: &str, word: &str| {
            crate::pack::words::Words::from(vec![word.to_owned()]).mentioned_in(text, |at| negated(text, at, &neg, 6))
        };
        assert!(mentions("提供理财服务", "理财"));
        assert!(mentions("my game site", "Game"));
        assert!(!mentions("不涉及理财", "理财"));
        assert!(mentions("不涉及新闻，提供理财", "理财"));
        assert!(!mentions("", "理财"));
    }
}
