//! Inputs shared by the criterion benches and `examples/profile.rs`, so that what is profiled
//! is what is benchmarked.
use serde_json::{json, Value};

/// `examples/first-filing-shanghai-enterprise.json` with `websites` websites, each with its own
/// domain and registration facts.
pub fn app(websites: usize) -> String {
    let base: Value = serde_json::from_str(include_str!("../../../examples/first-filing-shanghai-enterprise.json")).unwrap();
    let mut a = base.clone();
    let (w0, d0) = (base["websites"][0].clone(), base["domains"][0].clone());
    let (mut ws, mut ds) = (Vec::new(), Vec::new());
    for i in 0..websites {
        let (mut w, mut d) = (w0.clone(), d0.clone());
        let name = format!("site{i}-{}", d0["name"].as_str().unwrap());
        w["domain"] = json!(name);
        d["name"] = json!(name);
        ws.push(w);
        ds.push(d);
    }
    a["websites"] = json!(ws);
    a["domains"] = json!(ds);
    a.to_string()
}
