//! beiancheck: an offline rules engine for China's ICP filing (网站备案).
//!
//! Given a filing application it answers whether it can be filed and exactly why not
//! (findings with stable codes, paths, Chinese and English messages and the source document),
//! what kind of filing it is, what must be prepared, and what happens next.
//!
//! ```
//! let engine = beiancheck::Engine::embedded();
//! let report = engine.check_domain("example.io", &Default::default());
//! assert_eq!(report.verdict, beiancheck::Verdict::Ineligible);
//! ```
#![forbid(unsafe_code)]

pub mod codes;
pub mod dates;
pub mod ids;
pub mod input;
pub mod pack;
pub mod report;
pub mod rules;
pub mod text;
pub mod vocab;

// The paths callers used before the folders (issue 15), kept while they move to the curated API.
pub use input::{json, limits, model, schema};
pub use pack::{divisions, province, sources, tables, words};
pub use report::{findings, process, rules_doc, summary};
pub use rules::{domain, filing_type, materials, resource, subject, website};

use input::first_token;
use input::not_an_object;
pub use input::{syntax_error, utf8, InputError};
use rules::run;

use arc_swap::ArcSwap;
use chrono::NaiveDate;
pub use domain::{DomainCheck, DomainQuery, DomainReport};
pub use findings::{Finding, Message, Severity};
pub use limits::Limits;
pub use materials::{MaterialsQuery, MaterialsReport};
pub use model::Application;
use once_cell::sync::Lazy;
pub use pack::{Pack, PackError};
use rayon::prelude::*;
use report::sink::Sink;
pub use report::{Report, RulesInfo, Verdict};
pub use rules_doc::rules_markdown;
use std::sync::Arc;

/// The pack built from core/rules/ at compile time.
pub const EMBEDDED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pack.json"));

#[allow(
    clippy::expect_used,
    reason = "an invariant: the embedded pack is built from core/rules/ and the test suite loads and validates it"
)]
static EMBEDDED: Lazy<Arc<Pack>> =
    Lazy::new(|| Arc::new(Pack::from_bytes(EMBEDDED_PACK).expect("the embedded rule pack is validated by the test suite")));

/// The engine: a validated rule pack and the input limits. Cheap to clone (clones share the
/// pack), safe to share across threads. [`Engine::swap_pack`] replaces the pack atomically:
/// a check already running finishes on the pack it started with.
#[derive(Clone, Debug)]
pub struct Engine {
    pack: Arc<ArcSwap<Pack>>,
    limits: Limits,
}

/// Today's date in Asia/Shanghai: the default `as_of`. The only place the clock is read; the
/// rules receive the date through [`rules::Cx`].
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&dates::shanghai()).date_naive()
}

/// wasm32-unknown-unknown has no clock: reading it traps the module. There the date always
/// comes from the caller (bindings/wasm passes it to every check as the default `as_of`), so
/// this is reached only by Rust code on that target that called a `check*` without a date.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn today() -> NaiveDate {
    panic!("no clock on wasm32-unknown-unknown: pass the date (check_json_at(json, Some(today)))")
}

impl Engine {
    /// The engine on the rule pack embedded at build time (parsed once per process).
    pub fn embedded() -> Engine {
        Engine { pack: Arc::new(ArcSwap::new(EMBEDDED.clone())), limits: Limits::default() }
    }

    /// An engine on a replacement pack (the format `beiancheck rules --export` writes). The
    /// pack is validated completely; a bad one is refused with the reason and where.
    pub fn from_pack(bytes: &[u8]) -> Result<Engine, PackError> {
        Ok(Engine { pack: Arc::new(ArcSwap::from_pointee(Pack::from_bytes(bytes)?)), limits: Limits::default() })
    }

    /// The same engine with other input limits.
    pub fn with_limits(mut self, limits: Limits) -> Engine {
        self.limits = limits;
        self
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The pack in use now.
    pub fn pack(&self) -> Arc<Pack> {
        self.pack.load_full()
    }

    /// Validates `bytes` completely, then replaces the pack of this engine and of its clones
    /// in one atomic step. A bad pack is refused and the old one stays.
    pub fn swap_pack(&self, bytes: &[u8]) -> Result<RulesInfo, PackError> {
        let new = Arc::new(Pack::from_bytes(bytes)?);
        let info = rules_info(&new);
        self.pack.store(new);
        Ok(info)
    }

    pub fn rules_info(&self) -> RulesInfo {
        rules_info(&self.pack.load())
    }

    /// Checks a JSON application. Malformed JSON is an [`InputError`] with line and column;
    /// everything else gives a report. `as_of` defaults to today in Shanghai.
    pub fn check_json(&self, json: &str) -> Result<Report, InputError> {
        self.check_json_at(json, None)
    }

    /// Checks JSON given as bytes, as it arrives from files, sockets and other languages:
    /// invalid UTF-8 is an input error naming the line and column of the first bad byte.
    pub fn check_json_bytes(&self, bytes: &[u8], default_as_of: Option<NaiveDate>) -> Result<Report, InputError> {
        self.limits.check_size(bytes.len())?;
        self.check_json_at(utf8(bytes)?, default_as_of)
    }

    /// As [`Engine::check_json`], with the default date injected instead of read from the clock.
    /// A leading UTF-8 byte-order mark is ignored (Windows tools write one).
    pub fn check_json_at(&self, json: &str, default_as_of: Option<NaiveDate>) -> Result<Report, InputError> {
        self.limits.check_size(json.len())?;
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let value = json::Json::parse(json).map_err(|e| syntax_error(json, &e))?;
        not_an_object(&value, || first_token(json))?;
        self.limits.check_value(&value)?;
        Ok(self.run_value(&value, default_as_of))
    }

    /// Checks an application given as parsed JSON (the limits apply as to JSON text).
    pub fn check_value_at(&self, value: &serde_json::Value, default_as_of: Option<NaiveDate>) -> Result<Report, InputError> {
        let value = json::Json::from_value(value);
        // No text, so no position.
        not_an_object(&value, || (0, 0))?;
        self.limits.check_value(&value)?;
        Ok(self.run_value(&value, default_as_of))
    }

    fn run_value(&self, value: &json::Json, default_as_of: Option<NaiveDate>) -> Report {
        let pack = self.pack.load_full();
        let mut sink = Sink::new(&pack.catalogue);
        let app = model::Reader { sink: &mut sink }.application(value);
        run(&pack, &app, sink, default_as_of)
    }

    /// Checks a model built in Rust.
    pub fn check(&self, app: &Application) -> Report {
        let pack = self.pack.load_full();
        run(&pack, app, Sink::new(&pack.catalogue), None)
    }

    /// Checks many applications on the rayon pool; results in input order.
    pub fn check_many(&self, apps: &[Application]) -> Vec<Report> {
        apps.par_iter().map(|a| self.check(a)).collect()
    }

    /// Checks many JSON applications on the rayon pool; one result per input, in order.
    pub fn check_many_json<S: AsRef<str> + Sync>(&self, inputs: &[S], default_as_of: Option<NaiveDate>) -> Vec<Result<Report, InputError>> {
        inputs.par_iter().map(|s| self.check_json_at(s.as_ref(), default_as_of)).collect()
    }
}

fn rules_info(pack: &Pack) -> RulesInfo {
    pack.info.clone()
}

impl Engine {
    /// What must be prepared for this province, subject kind and case.
    pub fn materials(&self, q: &MaterialsQuery) -> MaterialsReport {
        let pack = self.pack.load_full();
        materials::answer(&pack, q, rules_info(&pack))
    }

    /// As [`Engine::materials`], from a JSON query (unknown fields are refused with their name).
    pub fn materials_json(&self, json: &str) -> Result<MaterialsReport, InputError> {
        self.limits.check_size(json.len())?;
        let q: MaterialsQuery = serde_json::from_str(json).map_err(|e| syntax_error(json, &e))?;
        Ok(self.materials(&q))
    }

    /// Can this domain be filed? The name rules (syntax, suffix, TLD, reserved suffixes and,
    /// with a province, its suffix list and reserved words); registration facts need `check`.
    pub fn check_domain(&self, name: &str, q: &DomainQuery) -> DomainReport {
        let pack = &*self.pack.load_full();
        domain::check_name(pack, name, q).report(pack)
    }
}
