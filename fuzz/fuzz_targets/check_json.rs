//! Any bytes through the JSON entry point: a report or an input error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static beiancheck::Engine {
    static E: OnceLock<beiancheck::Engine> = OnceLock::new();
    E.get_or_init(beiancheck::Engine::embedded)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = engine().check_json_bytes(data, None) {
        // Serialising must not panic either, and must be stable.
        assert_eq!(r.to_json(), r.clone().to_json());
    }
});
