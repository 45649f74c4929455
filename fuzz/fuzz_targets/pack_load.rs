//! Any bytes as a rule pack, and mutations of the real one: refused with a reason, or loaded
//! into an engine that then answers a check. Never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = beiancheck::Pack::from_bytes(data);
    // Splice the fuzz input into the real pack so the validator sees near-valid packs too.
    let real = beiancheck::EMBEDDED_PACK;
    if data.len() >= 4 {
        let at = u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize % real.len();
        let mut p = real[..at].to_vec();
        p.extend_from_slice(&data[4..]);
        p.extend_from_slice(&real[(at + data.len() - 4).min(real.len())..]);
        if let Ok(e) = beiancheck::Engine::from_pack(&p) {
            let _ = e.check_json("{\"province\":\"SH\",\"subject\":{\"kind\":\"individual\",\"name\":\"李明\"},\"websites\":[{\"name\":\"光影随笔\",\"domain\":\"example.com\"}]}");
        }
    }
});
