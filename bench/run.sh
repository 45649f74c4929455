#!/usr/bin/env bash
# One command for every benchmark: beiancheck against its Python peers (bench/compare.py), the
# Rust criterion benches (bench/criterion_table.py) and the streaming scaling run; writes
# docs/BENCHMARKS.md.
#
# Usage: bench/run.sh [--quick] [--no-rust] [other bench/compare.py options, e.g. --reps 5,
#        --scaling 1e4,1e5 or --scaling none, --domains N, --apps N]
#
# Environment: PYTHON (interpreter for the virtualenv, default python3), BEIANCHECK_BENCH_VENV
# (virtualenv, default bench/.venv, reused between runs).
# Never a test: the numbers depend on the machine and on whatever else runs on it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py="${PYTHON:-python3}"
venv="${BEIANCHECK_BENCH_VENV:-$here/.venv}"
cd "$root"

quick=0
rust=1
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    --no-rust) rust=0 ;;
  esac
done
say() { printf '  [bench] %s\n' "$*"; }

"$py" -c 'import sys; assert sys.version_info >= (3, 9), sys.version' || { echo "bench/run.sh: needs Python >= 3.9 ($py)" >&2; exit 2; }
if [ ! -x "$venv/bin/python" ]; then
  say "creating virtualenv $venv"
  if ! "$py" -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    "$py" -m pip install -q --user virtualenv 2>/dev/null || "$py" -m pip install -q --break-system-packages --user virtualenv
    "$py" -m virtualenv -q "$venv"
  fi
fi
vpy="$venv/bin/python"
"$vpy" -m pip install -q --upgrade pip
"$vpy" -m pip install -q "maturin>=1.5,<2" tldextract publicsuffixlist "pydantic>=2" zen-engine pyarrow

say "building the wheel (release) and the CLI"
wheels="$root/target/bench-wheels"
rm -rf "$wheels"
(cd python && "$venv/bin/maturin" build --release --interpreter "$vpy" -o "$wheels" -q)
"$vpy" -m pip install -q --force-reinstall --no-deps "$wheels"/*.whl
cargo build --release -q -p beiancheck-cli

if [ "$rust" = 1 ]; then
  # Criterion: bounded warm-up and measurement; --quick shortens both.
  if [ "$quick" = 1 ]; then crit=(--warm-up-time 1 --measurement-time 3); else crit=(--warm-up-time 2 --measurement-time 8); fi
  say "cargo bench -p beiancheck --bench engine"
  cargo bench -q -p beiancheck --bench engine -- "${crit[@]}" 2>&1 | grep -E '^[a-z_]|time:' || true
  say "cargo bench -p beiancheck-ffi --bench abi"
  cargo bench -q -p beiancheck-ffi --bench abi -- "${crit[@]}" 2>&1 | grep -E '^[a-z_]|time:' || true
fi

say "bench/compare.py $*"
# Run from bench/ so that python/beiancheck (the source tree) never shadows the installed wheel.
cd "$here"
exec "$vpy" "$here/compare.py" --command "bench/run.sh${*:+ $*}" "$@"
