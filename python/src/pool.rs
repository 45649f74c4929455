//! Dedicated rayon pools, one per thread count, so a caller's cap is honoured exactly and the
//! process-wide rayon pool (which other extensions may use) is left alone.
use pyo3::exceptions::PyValueError;
use pyo3::PyResult;
use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const ENV: &str = "BEIANCHECK_MAX_THREADS";

/// Pools by thread count, tagged with the process id that built them: after a `fork` the
/// child has the parent's pool objects but none of its threads, so it must build its own.
type Pools = (u32, HashMap<usize, Arc<ThreadPool>>);
static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

/// The thread count for a call: the argument, else `BEIANCHECK_MAX_THREADS`, else the CPUs.
pub fn threads(arg: Option<usize>) -> PyResult<usize> {
    if let Some(n) = arg {
        if n == 0 {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        return Ok(n);
    }
    if let Ok(v) = std::env::var(ENV) {
        let v = v.trim();
        if !v.is_empty() {
            return match v.parse::<usize>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(PyValueError::new_err(format!("{ENV}={v:?} is not a positive integer"))),
            };
        }
    }
    Ok(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
}

pub fn pool(n: usize) -> PyResult<Arc<ThreadPool>> {
    let pid = std::process::id();
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if guard.as_ref().is_some_and(|(p, _)| *p != pid) {
        // Forked child: the inherited pools have no threads; dropping them would wait on
        // threads that do not exist here, so they are leaked on purpose.
        if let Some(old) = guard.take() {
            std::mem::forget(old);
        }
    }
    let (_, map) = guard.get_or_insert_with(|| (pid, HashMap::new()));
    if let Some(p) = map.get(&n) {
        return Ok(p.clone());
    }
    let p = Arc::new(
        ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("beiancheck-{i}"))
            .build()
            .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?,
    );
    map.insert(n, p.clone());
    Ok(p)
}

/// Maps `f` over `items` with `n` threads, results in input order. One thread runs inline on
/// the caller (no pool, no hand-off), which is what a Spark executor wants.
pub fn map<T: Send, R: Send>(n: usize, items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> PyResult<Vec<R>> {
    if n <= 1 || items.len() <= 1 {
        return Ok(items.into_iter().map(f).collect());
    }
    Ok(pool(n)?.install(|| items.into_par_iter().with_min_len(16).map(f).collect()))
}

/// Splits `items` into one contiguous run per thread and maps `f` over each run on its own
/// thread (per-item tasks cost more than a domain check); the results of the runs in order.
pub fn map_runs<'s, T: Sync, R: Send>(n: usize, items: &'s [T], f: impl Fn(&'s [T]) -> R + Sync + Send) -> PyResult<Vec<R>> {
    if n <= 1 || items.len() < 2 * n {
        return Ok(vec![f(items)]);
    }
    let run = items.len().div_ceil(n);
    let runs: Vec<&'s [T]> = items.chunks(run).collect();
    Ok(pool(n)?.install(|| runs.into_par_iter().with_min_len(1).map(f).collect()))
}
