//! The rule pack: tables parsed and validated once, then shared read-only by every check.
//!
//! A pack is one JSON document (built from core/rules/ by build.rs): `{"format":1, "meta":…,
//! "catalogue":…, "tlds":…, "reserved_suffixes":…, "provinces":…, "public_suffix_list":"…"}`.
//! Loading validates everything a rule relies on, so a bad pack is refused before use.
pub mod divisions;
pub mod error;
pub mod materials;
pub mod notes;
pub mod province;
pub mod scope;
pub mod sources;
pub mod suffixes;
pub mod tables;
pub mod words;
use crate::codes;
use crate::pack::province::{MaterialRow, Province};
use crate::pack::sources::SourceDoc;
use crate::report::findings::{Finding, Message, Severity};
use serde::Deserialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
// Pack tables are looked up several times per check with short keys: FxHash instead of SipHash
// (the keys come from the pack; lookups with input cannot flood a table built before them).
use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

pub use crate::pack::error::PackError;

fn err(path: impl Into<String>, message: impl Into<String>) -> PackError {
    PackError { path: path.into(), message: message.into() }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    format: u32,
    meta: Meta,
    catalogue: RawCatalogue,
    tlds: RawTlds,
    reserved_suffixes: RawReserved,
    provinces: RawProvinces,
    registrars: RawRegistrars,
    materials: RawMaterials,
    preapproval: RawPreapproval,
    resources: crate::pack::tables::ResourcesTable,
    subjects: crate::pack::tables::SubjectsTable,
    websites: crate::pack::tables::WebsitesTable,
    divisions: crate::pack::divisions::DivisionsTable,
    source_documents: crate::pack::sources::RawSources,
    explain: RawExplain,
    public_suffix_list: String,
    #[serde(flatten)]
    more: Map<String, Value>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub name: String,
    pub version: String,
    pub psl_version: String,
    pub about: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    codes: Vec<CatalogueEntry>,
}

/// explain.json: how to fix each code, with an example (`beiancheck explain CODE`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExplain {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    codes: Vec<RawExplainEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExplainEntry {
    code: String,
    fix_zh: String,
    fix_en: String,
    example: RawExample,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    path: String,
    context: Map<String, Value>,
}

/// How to fix a code, and an example finding of it (rendered from its templates at load).
#[derive(Clone, Debug)]
pub struct Explain {
    pub fix: Message,
    pub example_path: String,
    pub example: Message,
    pub example_context: Map<String, Value>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct CatalogueEntry {
    pub code: String,
    pub family: String,
    pub severity: String,
    pub zh: String,
    pub en: String,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTlds {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    as_of: String,
    approved: Vec<TldRow>,
    not_approved: Vec<TldRow>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct TldRow {
    pub tld: String,
    #[serde(default)]
    pub unicode: Option<String>,
    /// `approved`, `disputed`, or a not-approved status text.
    pub status: String,
    #[serde(default)]
    pub since: Option<String>,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TldStatus {
    Approved,
    Disputed,
    NotApproved,
    /// Neither list names it.
    Unlisted,
}

impl TldStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Disputed => "disputed",
            Self::NotApproved => "not_approved",
            Self::Unlisted => "unlisted",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReserved {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    suffixes: Vec<ReservedSuffix>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ReservedSuffix {
    /// A-label form, e.g. `gov.cn`, `xn--zfr164b.cn`.
    pub suffix: String,
    pub unicode: String,
    pub who_may_file: String,
    pub source: String,
    pub in_psl: bool,
    pub restricted: bool,
    #[serde(default)]
    pub allowed: Vec<String>,
    #[serde(default)]
    pub conditional: Vec<String>,
    #[serde(default)]
    pub who_zh: Option<String>,
    #[serde(default)]
    pub who_en: Option<String>,
    #[serde(default)]
    pub cond_zh: Option<String>,
    #[serde(default)]
    pub cond_en: Option<String>,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMaterials {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    upload: UploadRules,
    materials: Vec<MaterialRow>,
}

/// Upload rules for materials (S06).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct UploadRules {
    pub formats: Vec<String>,
    pub min_bytes: u64,
    pub max_bytes: u64,
    pub max_age_months: u32,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPreapproval {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    categories: Vec<PreApprovalCategory>,
    /// Longer words in which a keyword is not one (基金会 holds the finance keyword 基金).
    #[serde(default)]
    not_keywords: Option<NotKeywords>,
}

/// Words that begin with a pre-approval keyword but do not mean its category (a 基金会 is a
/// foundation, not a fund): a keyword found where one of them begins is no hit, nationally and
/// in the province keyword rows (website.rs).
#[derive(Deserialize, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct NotKeywords {
    pub words: Vec<String>,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

/// A 前置审批 category (tencent/facts.md §6).
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct PreApprovalCategory {
    pub category: String,
    pub zh: String,
    pub en: String,
    pub required: bool,
    pub authority: String,
    pub document: String,
    pub explicit: Vec<String>,
    pub review: Vec<String>,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegistrars {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    registrars: Vec<Registrar>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct Registrar {
    pub name: String,
    pub name_en: String,
    pub domestic: bool,
    pub tencent: bool,
    pub source: String,
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProvinces {
    #[allow(dead_code, reason = "read so that deny_unknown_fields accepts it; documentation only")]
    about: Option<String>,
    provinces: Vec<Province>,
    /// The note rows a report shows (pack/notes.rs).
    #[serde(default)]
    report_notes: Vec<crate::pack::notes::NoteTopic>,
}

/// A catalogue entry as used: severity, the entry, its zh/en templates split once, and its
/// source's document.
type Entry = (Severity, CatalogueEntry, [crate::report::findings::Template; 2], Arc<SourceDoc>);

/// The finding catalogue, indexed by code.
pub struct Catalogue {
    entries: HashMap<&'static str, Entry>,
    order: Vec<&'static str>,
    /// The document of every citation in the pack (rows cite their own).
    cited: HashMap<String, Arc<SourceDoc>>,
    explain: HashMap<&'static str, Explain>,
}

impl crate::report::sink::Render for Catalogue {
    fn render(&self, code: &'static str, path: String, ctx: crate::report::findings::Ctx, source: Option<&str>) -> Finding {
        Catalogue::render(self, code, path, ctx, source)
    }
    fn severity(&self, code: &'static str) -> Severity {
        Catalogue::severity(self, code)
    }
}

impl Catalogue {
    pub fn get(&self, code: &str) -> Option<(&'static str, Severity, &CatalogueEntry)> {
        let (k, (sev, e, _, _)) = self.entries.get_key_value(code)?;
        Some((k, *sev, e))
    }

    /// Every entry in catalogue order.
    pub fn entries(&self) -> impl Iterator<Item = (Severity, &CatalogueEntry)> {
        self.order.iter().map(move |c| {
            let (s, e, _, _) = &self.entries[c];
            (*s, e)
        })
    }

    /// How to fix a code, with an example (every code has one: checked at load).
    pub fn explain(&self, code: &str) -> Option<&Explain> {
        self.explain.get(code)
    }

    /// The public document a citation of this pack names (every citation has one: checked at load).
    pub fn document(&self, cite: &str) -> Option<&Arc<SourceDoc>> {
        self.cited.get(cite)
    }

    /// A code's severity (validation guarantees an entry for every code the engine emits).
    pub fn severity(&self, code: &'static str) -> Severity {
        self.entries[code].0
    }

    pub fn render(&self, code: &'static str, path: String, ctx: crate::report::findings::Ctx, source: Option<&str>) -> Finding {
        // A key given twice keeps its last value (as a map would), in its first place.
        let mut context: Vec<(&'static str, Value)> = Vec::with_capacity(ctx.len());
        for (k, v) in ctx {
            match context.iter_mut().find(|(x, _)| *x == k) {
                Some(slot) => slot.1 = v,
                None => context.push((k, v)),
            }
        }
        let context = crate::report::findings::Context(context);
        // Validation guarantees an entry for every code the engine emits.
        let (severity, entry, [zh, en], doc) = &self.entries[code];
        let (source, doc) = match source {
            // Validation resolved every citation of the pack; a row's own is looked up.
            Some(s) => (s, self.cited.get(s).unwrap_or(doc)),
            None => (entry.source.as_str(), doc),
        };
        Finding {
            code,
            severity: *severity,
            path,
            message: Message {
                zh: zh.render_in(&context, crate::report::findings::Lang::Zh),
                en: en.render_in(&context, crate::report::findings::Lang::En),
            },
            context,
            source: source.to_owned(),
            title: doc.title.clone(),
            url: doc.url.clone(),
        }
    }
}

/// explain.json checked: one entry per code, fix texts in both languages, and an example that
/// gives every placeholder of the code's templates (so what `explain` prints is complete).
fn explain_table(raw: &RawExplain, entries: &HashMap<&'static str, Entry>) -> Result<HashMap<&'static str, Explain>, PackError> {
    use crate::report::findings::Lang;
    let mut out = HashMap::default();
    for (i, e) in raw.codes.iter().enumerate() {
        let at = format!("explain.codes[{i}]");
        let Some((code, (_, _, [zh, en], _))) = entries.get_key_value(e.code.as_str()) else {
            return Err(err(at, format!("unknown code {} (codes are fixed by the engine)", e.code)));
        };
        for (field, text) in [("fix_zh", &e.fix_zh), ("fix_en", &e.fix_en), ("example.path", &e.example.path)] {
            if text.trim().is_empty() {
                return Err(err(format!("{at}.{field}"), "must not be empty"));
            }
        }
        if let Some(k) = zh.keys().chain(en.keys()).find(|k| !e.example.context.contains_key(*k)) {
            return Err(err(format!("{at}.example.context"), format!("no value for {{{k}}} of {code}'s message")));
        }
        if let Some(k) = e.example.context.keys().find(|k| !zh.keys().chain(en.keys()).any(|t| t == k.as_str())) {
            return Err(err(format!("{at}.example.context.{k}"), format!("{code}'s message has no {{{k}}}")));
        }
        let get = |k: &str| e.example.context.get(k);
        let explain = Explain {
            fix: Message { zh: e.fix_zh.clone(), en: e.fix_en.clone() },
            example_path: e.example.path.clone(),
            example: Message { zh: zh.render_from(&get, Lang::Zh), en: en.render_from(&get, Lang::En) },
            example_context: e.example.context.clone(),
        };
        if out.insert(*code, explain).is_some() {
            return Err(err(at, format!("duplicate entry for {code}")));
        }
    }
    if let Some(missing) = codes::ALL.iter().find(|c| !out.contains_key(*c)) {
        return Err(err("explain.codes", format!("no entry for {missing}: every code says how to fix it")));
    }
    Ok(out)
}

/// A validated rule pack.
pub struct Pack {
    /// Version and SHA-256 as every report carries them (shared, not copied per report).
    pub info: crate::RulesInfo,
    pub meta: Meta,
    pub sha256: String,
    pub bytes: Arc<[u8]>,
    pub catalogue: Catalogue,
    pub tlds_as_of: String,
    tlds: HashMap<String, (TldStatus, TldRow)>,
    reserved: HashMap<String, ReservedSuffix>,
    pub provinces: Vec<Province>,
    /// The notes each province's reports show (pack/notes.rs), in `provinces` order.
    province_notes: Vec<Vec<crate::pack::notes::ProvinceNote>>,
    province_index: HashMap<String, usize>,
    /// The ICANN section of the PSL plus the overlay, parsed into a label trie with FxHash maps
    /// (shared with packs that carry the same list: see `parse_psl`).
    pub psl: Arc<crate::pack::suffixes::SuffixList>,
    pub registrars: Vec<Registrar>,
    /// Registrars by the comparison key of their Chinese and English names (built once).
    registrar_index: HashMap<String, usize>,
    pub materials: Vec<MaterialRow>,
    pub upload: UploadRules,
    pub preapproval: Vec<PreApprovalCategory>,
    /// Every national pre-approval keyword in one automaton, built once (website.rs scans
    /// each text once instead of once per keyword).
    pub preapproval_keywords: KeywordIndex,
    /// Words in which a keyword is no hit (preapproval.json `not_keywords`), lower-cased.
    pub preapproval_not_keywords: NotKeywords,
    pub resources: crate::pack::tables::ResourcesTable,
    pub subjects: crate::pack::tables::SubjectsTable,
    pub websites: crate::pack::tables::WebsitesTable,
    /// The divisions' place names (rules/divisions.json).
    pub place_names: crate::pack::divisions::PlaceNames,
    pub table_sizes: Vec<(&'static str, usize)>,
    sources: crate::pack::sources::Sources,
}

impl fmt::Debug for Pack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pack").field("version", &self.meta.version).field("sha256", &self.sha256).finish()
    }
}

const PSL_ICANN_END: &str = "// ===END ICANN DOMAINS===";

/// Rules in a PSL text: lines that are neither blank nor comments (bytes, not chars: ~16,000
/// lines are counted at every load).
fn psl_rules(text: &str) -> usize {
    text.as_bytes().split(|b| *b == b'\n').filter(|l| !l.trim_ascii().is_empty() && !l.starts_with(b"//")).count()
}

/// Parses the PSL text, reusing the last parse when the text is the same. Parsing is half of a
/// pack load, and a pack update usually changes province rows, not the PSL; comparing the text
/// (~0.5 MB) costs a few dozen microseconds.
static PSL_CACHE: Mutex<Option<Arc<crate::pack::suffixes::SuffixList>>> = Mutex::new(None);

fn parse_psl(text: String) -> Result<Arc<crate::pack::suffixes::SuffixList>, String> {
    if let Ok(last) = PSL_CACHE.lock() {
        if let Some(list) = last.as_ref() {
            if list.text() == text {
                return Ok(list.clone());
            }
        }
    }
    let list = Arc::new(crate::pack::suffixes::SuffixList::parse(text)?);
    // A poisoned lock only loses the cache; the parse stands.
    if let Ok(mut last) = PSL_CACHE.lock() {
        *last = Some(list.clone());
    }
    Ok(list)
}

/// Forgets the cached PSL parse, so the next pack load parses it again (for measuring a cold
/// load; nothing else needs it).
#[doc(hidden)]
pub fn forget_psl_cache() {
    if let Ok(mut last) = PSL_CACHE.lock() {
        *last = None;
    }
}

impl Pack {
    pub fn from_bytes(bytes: &[u8]) -> Result<Pack, PackError> {
        let mut raw: RawPack =
            serde_json::from_slice(bytes).map_err(|e| err(format!("line {}, column {}", e.line(), e.column()), e.to_string()))?;
        if raw.format != 1 {
            return Err(err("format", format!("unsupported pack format {} (this build reads 1)", raw.format)));
        }
        if let Some(k) = raw.more.keys().next() {
            return Err(err(
                k.clone(),
                "unknown table (this build reads meta, catalogue, tlds, reserved_suffixes, provinces, registrars, materials, preapproval, resources, subjects, websites, divisions, source_documents, explain, public_suffix_list)",
            ));
        }
        let sha256 = pack_sha256(bytes);
        let sources = crate::pack::sources::Sources::new(raw.source_documents)?;
        let cited = sources.resolve_all(bytes)?;

        // Catalogue: every emitted code exactly once, a known severity, both languages, a source.
        let mut entries = HashMap::default();
        let mut order = Vec::new();
        for (i, e) in raw.catalogue.codes.iter().enumerate() {
            let at = format!("catalogue.codes[{i}]");
            let Some(code) = codes::ALL.iter().copied().find(|c| *c == e.code) else {
                return Err(err(at, format!("unknown code {} (codes are fixed by the engine)", e.code)));
            };
            let sev = Severity::parse(&e.severity)
                .ok_or_else(|| err(format!("{at}.severity"), format!("\"{}\" is not error|warning|info", e.severity)))?;
            for (field, text) in [("zh", &e.zh), ("en", &e.en), ("source", &e.source), ("family", &e.family)] {
                if text.trim().is_empty() {
                    return Err(err(format!("{at}.{field}"), "must not be empty"));
                }
            }
            let templates = [crate::report::findings::Template::parse(&e.zh), crate::report::findings::Template::parse(&e.en)];
            let doc = cited[&e.source].clone();
            if entries.insert(code, (sev, e.clone(), templates, doc)).is_some() {
                return Err(err(at, format!("duplicate entry for {code}")));
            }
            order.push(code);
        }
        if let Some(missing) = codes::ALL.iter().find(|c| !entries.contains_key(*c)) {
            return Err(err("catalogue.codes", format!("no entry for {missing}")));
        }
        let explain = explain_table(&raw.explain, &entries)?;

        let mut tlds = HashMap::default();
        for (list, rows) in [("approved", &raw.tlds.approved), ("not_approved", &raw.tlds.not_approved)] {
            for (i, row) in rows.iter().enumerate() {
                let at = format!("tlds.{list}[{i}]");
                let status = match (list, row.status.as_str()) {
                    ("approved", "approved") => TldStatus::Approved,
                    ("approved", "disputed") => TldStatus::Disputed,
                    ("approved", s) => return Err(err(format!("{at}.status"), format!("\"{s}\" is not approved|disputed"))),
                    (_, s) if crate::vocab::named(crate::vocab::TLD_STATUS_NAMES, s).is_some() => TldStatus::NotApproved,
                    // Its message names the reason in words (vocab.rs), so it is one of the known reasons.
                    (_, s) => return Err(err(format!("{at}.status"), format!("\"{s}\" is not a known reason (vocab::TLD_STATUS_NAMES)"))),
                };
                if row.tld.is_empty() || row.tld != row.tld.to_ascii_lowercase() || !row.tld.is_ascii() {
                    return Err(err(format!("{at}.tld"), "must be a lower-case A-label"));
                }
                if row.source.trim().is_empty() {
                    return Err(err(format!("{at}.source"), "must name its source"));
                }
                if tlds.insert(row.tld.clone(), (status, row.clone())).is_some() {
                    return Err(err(at, format!(".{} is listed twice (contradictory rows)", row.tld)));
                }
            }
        }

        let mut reserved = HashMap::default();
        let mut overlay = String::new();
        for (i, r) in raw.reserved_suffixes.suffixes.iter().enumerate() {
            let at = format!("reserved_suffixes.suffixes[{i}]");
            if r.restricted && (r.allowed.is_empty() || r.who_zh.is_none() || r.who_en.is_none()) {
                return Err(err(at, "a restricted suffix needs allowed kinds and who_zh/who_en"));
            }
            if !r.conditional.is_empty() && (r.cond_zh.is_none() || r.cond_en.is_none()) {
                return Err(err(at, "conditional kinds need cond_zh/cond_en"));
            }
            if !r.in_psl {
                overlay.push_str(&r.unicode);
                overlay.push('\n');
            }
            if reserved.insert(r.suffix.clone(), r.clone()).is_some() {
                return Err(err(at, format!("{} is listed twice", r.suffix)));
            }
        }

        // The PSL lacks 政务.cn and 公益.cn: add the overlay inside the ICANN section.
        let psl_text = &raw.public_suffix_list;
        let Some(end) = psl_text.find(PSL_ICANN_END) else {
            return Err(err("public_suffix_list", format!("no \"{PSL_ICANN_END}\" marker: not a Public Suffix List")));
        };
        let mut merged = String::with_capacity(psl_text.len() + overlay.len());
        merged.push_str(&psl_text[..end]);
        merged.push_str(&overlay);
        // Only the ICANN section is used (private rules are not registry suffixes): parsing the private
        // third of the file would only slow every pack load.
        merged.push_str(PSL_ICANN_END);
        merged.push('\n');
        let psl = parse_psl(merged).map_err(|e| err("public_suffix_list", e))?;

        let mut province_index = HashMap::default();
        for (i, p) in raw.provinces.provinces.iter().enumerate() {
            p.validate(&format!("provinces.provinces[{i}]"))?;
            for key in [p.code.clone(), p.zh.clone(), p.zh_full.clone(), p.code.to_ascii_lowercase()] {
                if province_index.insert(key.clone(), i).is_some_and(|j| j != i) {
                    return Err(err(format!("provinces.provinces[{i}]"), format!("\"{key}\" names two provinces")));
                }
            }
        }
        if raw.provinces.provinces.len() != 31 {
            return Err(err(
                "provinces.provinces",
                format!("{} provinces; the 31 mainland provinces are required", raw.provinces.provinces.len()),
            ));
        }

        for (i, m) in raw.materials.materials.iter().enumerate() {
            materials::validate_row(m, &format!("materials.materials[{i}]"))?;
        }
        let mut seen = std::collections::HashSet::new();
        for (i, c) in raw.preapproval.categories.iter().enumerate() {
            if !crate::vocab::SERVICE_CONTENT.contains(&c.category.as_str()) {
                return Err(err(format!("preapproval.categories[{i}].category"), format!("{} is not a service_content word", c.category)));
            }
            if !seen.insert(c.category.clone()) {
                return Err(err(format!("preapproval.categories[{i}]"), format!("{} is listed twice", c.category)));
            }
        }
        if let Some(n) = &raw.preapproval.not_keywords {
            if n.source.trim().is_empty() {
                return Err(err("preapproval.not_keywords.source", "every rule names its source"));
            }
            // Each word must begin with a keyword it lifts (else it lifts nothing and is a typo).
            for (i, w) in n.words.iter().enumerate() {
                let lw = w.to_lowercase();
                let national = raw.preapproval.categories.iter().flat_map(|c| c.explicit.iter().chain(&c.review));
                let provincial = raw.provinces.provinces.iter().flat_map(|p| &p.rules).flat_map(|r| match r {
                    crate::pack::province::ProvinceRule::PreApprovalKeywords(k) => k.keywords.iter().collect::<Vec<_>>(),
                    _ => Vec::new(),
                });
                if w.trim().is_empty()
                    || !national.chain(provincial).any(|k| !k.is_empty() && lw.starts_with(&k.to_lowercase()) && lw != k.to_lowercase())
                {
                    return Err(err(
                        format!("preapproval.not_keywords.words[{i}]"),
                        format!("{w} does not begin with a longer-than-itself pre-approval keyword"),
                    ));
                }
            }
        }
        validate_tables(&raw.resources, &raw.subjects, &raw.websites)?;
        let table_sizes = vec![
            ("catalogue", order.len()),
            ("tlds", tlds.len()),
            ("reserved_suffixes", reserved.len()),
            ("provinces", raw.provinces.provinces.len()),
            ("registrars", raw.registrars.registrars.len()),
            ("materials", raw.materials.materials.len()),
            ("preapproval_categories", raw.preapproval.categories.len()),
            ("resource_kinds", raw.resources.kinds.len()),
            ("regions", raw.resources.regions.mainland.len() + raw.resources.regions.not_mainland.len()),
            ("subject_certificates", raw.subjects.certificates.len()),
            ("province_rules", raw.provinces.provinces.iter().map(|p| p.rules.len()).sum()),
            ("divisions_places", raw.divisions.places.len()),
            ("public_suffix_list_rules", psl_rules(psl_text)),
            ("source_documents", sources.documents().count()),
        ];
        let place_names = crate::pack::divisions::PlaceNames::new(std::mem::take(&mut raw.divisions.places), &raw.divisions.common_words)
            .map_err(|(path, message)| err(path, message))?;
        // The divisions' provinces are the pack's 31, by full name (the ID prefixes come from them).
        let mut covered = std::collections::HashSet::new();
        for (i, d) in raw.divisions.provinces.iter().enumerate() {
            let ok = province_index
                .get(&d.province)
                .is_some_and(|&j| raw.provinces.provinces[j].zh_full == d.name && raw.provinces.provinces[j].area_prefix == d.code);
            if !ok || !covered.insert(d.province.as_str()) || d.code.len() != 2 || !d.code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(
                    format!("divisions.provinces[{i}]"),
                    format!("{} {} {} is not one of the pack's provinces, once", d.code, d.name, d.province),
                ));
            }
        }
        if covered.len() != raw.provinces.provinces.len() {
            return Err(err("divisions.provinces", "every province of provinces.json needs its GB/T 2260 prefix"));
        }
        let province_notes = crate::pack::notes::select(&raw.provinces.report_notes, &raw.provinces.provinces, |c| cited.get(c).cloned())?;
        Ok(Pack {
            province_notes,
            info: crate::RulesInfo { version: raw.meta.version.as_str().into(), sha256: sha256.as_str().into() },
            meta: raw.meta,
            sha256,
            bytes: Arc::from(bytes),
            catalogue: Catalogue { entries, order, cited, explain },
            tlds_as_of: raw.tlds.as_of,
            tlds,
            reserved,
            provinces: raw.provinces.provinces,
            province_index,
            psl,
            registrar_index: raw
                .registrars
                .registrars
                .iter()
                .enumerate()
                .flat_map(|(i, r)| [(crate::text::name_key(&r.name), i), (crate::text::name_key(&r.name_en), i)])
                .collect(),
            registrars: raw.registrars.registrars,
            materials: raw.materials.materials,
            upload: raw.materials.upload,
            preapproval_keywords: KeywordIndex::new(&raw.preapproval.categories)?,
            preapproval_not_keywords: raw.preapproval.not_keywords.take().map_or_else(NotKeywords::default, |mut n| {
                n.words = n.words.iter().map(|w| w.to_lowercase()).collect();
                n
            }),
            preapproval: raw.preapproval.categories,
            resources: raw.resources,
            subjects: raw.subjects,
            websites: raw.websites,
            place_names,
            table_sizes,
            sources,
        })
    }

    /// The source documents and how a citation resolves to one.
    pub fn sources(&self) -> &crate::pack::sources::Sources {
        &self.sources
    }

    /// The status of a TLD given in A-label form.
    pub fn tld(&self, ascii: &str) -> (TldStatus, Option<&TldRow>) {
        match self.tlds.get(ascii) {
            Some((s, row)) => (*s, Some(row)),
            None => (TldStatus::Unlisted, None),
        }
    }

    pub fn reserved_suffix(&self, ascii_suffix: &str) -> Option<&ReservedSuffix> {
        self.reserved.get(ascii_suffix)
    }

    /// A province by code (`SH`, `sh`), short name (`上海`) or full name (`上海市`).
    pub fn province(&self, name: &str) -> Option<&Province> {
        let t = name.trim();
        self.province_index.get(t).or_else(|| self.province_index.get(&t.to_ascii_uppercase())).map(|&i| &self.provinces[i])
    }

    /// The notes a filer should read for a filing in this province (pack/notes.rs).
    pub fn province_notes(&self, p: &Province) -> &[crate::pack::notes::ProvinceNote] {
        self.province_index.get(p.code.as_str()).map_or(&[], |&i| &self.province_notes[i])
    }

    pub fn province_by_code(&self, code: &str) -> Option<&Province> {
        self.province_index.get(code).map(|&i| &self.provinces[i])
    }

    /// A registrar by name, ignoring bracket width and spaces.
    pub fn registrar(&self, name: &str) -> Option<&Registrar> {
        self.registrar_index.get(&crate::text::name_key(name)).map(|&i| &self.registrars[i])
    }

    /// The province whose filing-number abbreviation is `abbr` (沪 → SH).
    pub fn province_by_abbr(&self, abbr: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.abbr == abbr)
    }
}

/// One keyword of the national pre-approval table: its category (index into
/// `Pack::preapproval`), whether it is explicit (the approval is required) or a review word,
/// and the word as listed.
#[derive(Debug, Clone)]
pub struct Keyword {
    pub category: usize,
    pub explicit: bool,
    pub word: String,
}

pub struct KeywordIndex {
    pub automaton: aho_corasick::AhoCorasick,
    pub keywords: Vec<Keyword>,
}

impl KeywordIndex {
    fn new(categories: &[PreApprovalCategory]) -> Result<Self, PackError> {
        let mut keywords = Vec::new();
        for (i, c) in categories.iter().enumerate() {
            for (explicit, words) in [(true, &c.explicit), (false, &c.review)] {
                for w in words.iter().filter(|w| !w.is_empty()) {
                    keywords.push(Keyword { category: i, explicit, word: w.clone() });
                }
            }
        }
        // Texts are lower-cased before the scan; so are the patterns.
        let automaton = aho_corasick::AhoCorasick::new(keywords.iter().map(|k| k.word.to_lowercase()))
            .map_err(|e| err("preapproval.categories", format!("keyword automaton: {e}")))?;
        Ok(KeywordIndex { automaton, keywords })
    }
}

/// Every vocabulary word a national table names must be one the model accepts.
fn validate_tables(
    r: &crate::pack::tables::ResourcesTable,
    s: &crate::pack::tables::SubjectsTable,
    w: &crate::pack::tables::WebsitesTable,
) -> Result<(), PackError> {
    use crate::vocab;
    for (i, k) in r.kinds.iter().enumerate() {
        if !vocab::RESOURCE_KINDS.contains(&k.kind.as_str()) {
            return Err(err(format!("resources.kinds[{i}].kind"), format!("{} is not a resource kind", k.kind)));
        }
    }
    if let Some(k) = vocab::RESOURCE_KINDS.iter().find(|k| !r.kinds.iter().any(|x| x.kind == **k)) {
        return Err(err("resources.kinds", format!("no row for resource kind {k}")));
    }
    for (i, c) in s.certificates.iter().enumerate() {
        if !vocab::SUBJECT_KINDS.contains(&c.kind.as_str()) {
            return Err(err(format!("subjects.certificates[{i}].kind"), format!("{} is not a subject kind", c.kind)));
        }
        if let Some(t) = c.types.iter().find(|t| !vocab::CERTIFICATE_TYPES.contains(&t.as_str())) {
            return Err(err(format!("subjects.certificates[{i}].types"), format!("{t} is not a certificate type")));
        }
    }
    // A negation is a phrase that negates (不涉及, 不含 …): a single character such as 无 or 非
    // is part of everyday words and place names (无锡, 非遗, 无人机) and would switch the
    // keyword checks off.
    for (i, n) in w.negations.iter().enumerate() {
        if n.chars().count() < 2 {
            return Err(err(format!("websites.negations[{i}]"), format!("\"{n}\" is a single character, not a negating phrase")));
        }
    }
    for (i, g) in w.sensitive_words.iter().enumerate() {
        if g.words.is_empty() || g.words.iter().any(|x| x.trim().is_empty()) {
            return Err(err(format!("websites.sensitive_words[{i}].words"), "a group needs words, none empty"));
        }
    }
    for (i, b) in w.personal_services_not_allowed.iter().enumerate() {
        if !vocab::SERVICE_CONTENT.contains(&b.service.as_str()) {
            return Err(err(
                format!("websites.personal_services_not_allowed[{i}].service"),
                format!("{} is not a service_content word", b.service),
            ));
        }
    }
    Ok(())
}

/// The embedded pack's SHA-256, hashed by build.rs.
const EMBEDDED_SHA256: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.sha256"));

/// A pack's SHA-256 in hex. The embedded pack's (these very bytes, not a copy) was computed at
/// build time: hashing ~1.2 MB is two fifths of a native load and more in WebAssembly.
fn pack_sha256(bytes: &[u8]) -> String {
    if std::ptr::eq(bytes, crate::EMBEDDED_PACK) {
        EMBEDDED_SHA256.to_owned()
    } else {
        hex(&Sha256::digest(bytes))
    }
}

fn hex(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(H[(b >> 4) as usize] as char);
        s.push(H[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_time_sha256_is_the_embedded_packs() {
        assert_eq!(EMBEDDED_SHA256, hex(&Sha256::digest(crate::EMBEDDED_PACK)));
        let copy = crate::EMBEDDED_PACK.to_vec();
        assert_eq!(Pack::from_bytes(&copy).unwrap().sha256, Pack::from_bytes(crate::EMBEDDED_PACK).unwrap().sha256);
        assert_eq!(pack_sha256(&copy), EMBEDDED_SHA256);
    }
}
