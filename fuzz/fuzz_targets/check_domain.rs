//! Any string through the domain checker; a parsed domain re-parses to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static beiancheck::Engine {
    static E: OnceLock<beiancheck::Engine> = OnceLock::new();
    E.get_or_init(beiancheck::Engine::embedded)
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let e = engine();
    let r = e.check_domain(s, &beiancheck::DomainQuery { subject_kind: Some("enterprise".into()), province: Some("BJ".into()) });
    let pack = e.pack();
    if let Ok(p) = beiancheck::domain::parse(&pack, s) {
        assert_eq!(beiancheck::domain::parse(&pack, &p.ascii).as_ref(), Ok(&p));
        assert!(r.registrable.is_some());
    }
});
