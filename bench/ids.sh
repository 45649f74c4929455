#!/usr/bin/env bash
# The identity-number benchmark (bench/ids.py): beiancheck's check_ids against python-stdnum and
# id-validator on the same 1,000,000 values; writes the "Identity numbers" section of
# docs/BENCHMARKS.md. Usage: bench/ids.sh [bench/ids.py options, e.g. --n 100000 --reps 1]
#
# Environment: PYTHON (default python3), BEIANCHECK_BENCH_VENV (default bench/.venv, shared with
# bench/run.sh), BEIANCHECK_BENCH_PROFILE (cargo profile of the wheel, default release).
# Never a test: the numbers depend on the machine and on whatever else runs on it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py="${PYTHON:-python3}"
venv="$(realpath -m "${BEIANCHECK_BENCH_VENV:-$here/.venv}")"
profile="${BEIANCHECK_BENCH_PROFILE:-release}"
say() { printf '  [bench ids] %s\n' "$*"; }

if [ ! -x "$venv/bin/python" ]; then
  say "creating virtualenv $venv"
  "$py" -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; "$py" -m pip install -q --user virtualenv; "$py" -m virtualenv -q "$venv"; }
fi
vpy="$venv/bin/python"
"$vpy" -m pip install -q "maturin>=1.5,<2" pyarrow python-stdnum id-validator

say "building the wheel (cargo profile $profile)"
wheels="$root/target/bench-wheels-ids"
rm -rf "$wheels"
(cd "$root/python" && "$venv/bin/maturin" build --profile "$profile" --interpreter "$vpy" -o "$wheels" -q)
"$vpy" -m pip install -q --force-reinstall --no-deps "$wheels"/*.whl

# From bench/, so that python/beiancheck (the source tree) never shadows the installed wheel.
cd "$here"
"$vpy" ids.py --out "$root/docs/BENCHMARKS.md" "$@"
