#!/usr/bin/env bash
# Builds the beiancheck wheel and runs the Python test suite in a virtualenv of its own.
# Usage: python/run-tests.sh [pytest args…]      (from anywhere; called by scripts/test.sh)
#
# Environment: PYTHON (interpreter, default python3), BEIANCHECK_PY_VENV (virtualenv, default
# python/.venv-test, reused between runs), BEIANCHECK_PY_PROFILE (cargo profile for the wheel,
# default py-test: release without LTO, quicker to build from scratch).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
py="${PYTHON:-python3}"
venv="${BEIANCHECK_PY_VENV:-$here/.venv-test}"
profile="${BEIANCHECK_PY_PROFILE:-py-test}"

say() { printf '  [python] %s\n' "$*"; }

"$py" -c 'import sys; assert sys.version_info >= (3, 9), sys.version' || { echo "python/run-tests.sh: needs Python >= 3.9 ($py)" >&2; exit 2; }

if [ ! -x "$venv/bin/python" ]; then
  say "creating virtualenv $venv"
  if ! "$py" -m venv "$venv" 2>/dev/null; then
    # Debian's python3 ships venv separately; pip's virtualenv works without it.
    rm -rf "$venv"
    "$py" -m pip install -q --user virtualenv 2>/dev/null || "$py" -m pip install -q --break-system-packages --user virtualenv
    "$py" -m virtualenv -q "$venv"
  fi
fi
vpy="$venv/bin/python"
"$vpy" -m pip install -q --upgrade pip
"$vpy" -m pip install -q "maturin>=1.5,<2"

# Spark needs a JVM; install one where we can. Java is part of this suite: with
# BEIANCHECK_REQUIRE_SPARK=1 (the default here) test_spark.py fails instead of skipping when
# Java or pyspark is missing; BEIANCHECK_REQUIRE_SPARK=0 lets a machine without them skip it.
export BEIANCHECK_REQUIRE_SPARK="${BEIANCHECK_REQUIRE_SPARK:-1}"
sudo=""
[ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo=sudo; } || sudo="cannot"
if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$sudo" != cannot ]; then
  say "installing a Java runtime for the Spark test"
  # Two commands, not `a && b`: under set -e a failing update must stop the script.
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jre-headless >/dev/null
fi

say "building the wheel (cargo profile $profile)"
dist="$(mktemp -d)"
trap 'rm -rf "$dist"' EXIT
start=$(date +%s)
(cd "$here" && "$venv/bin/maturin" build --profile "$profile" --interpreter "$vpy" -o "$dist" -q)
say "wheel built in $(( $(date +%s) - start ))s: $(basename "$dist"/*.whl)"

wheel="$(ls "$dist"/*.whl)"
"$vpy" -m pip install -q --force-reinstall --no-deps "$wheel"
"$vpy" -m pip install -q "${wheel}[test]"
# test_schema.py validates examples and cases against schema/application.schema.json.
"$vpy" -c 'import jsonschema' 2>/dev/null || "$vpy" -m pip install -q "jsonschema>=4.18"
# The Dask, Ray and pandera recipes of docs/PYTHON.md: tested where their wheels install (a few seconds
# each); otherwise test_engines.py skips them and says why.
for extra in "dask[dataframe]" "ray" "pandera>=0.24"; do
  if ! "$vpy" -m pip install -q "$extra" >/dev/null 2>&1; then
    say "could not install $extra: its recipe test will be skipped"
  fi
done

say "pytest"
export PYSPARK_PYTHON="$vpy" PYSPARK_DRIVER_PYTHON="$vpy"
# Run from an empty directory so that python/beiancheck (the source tree, without the compiled
# module) is never on sys.path, here or in Spark's workers: the installed wheel is what is tested.
cd "$dist"
"$venv/bin/pytest" -q -rs -p no:cacheprovider "$here/tests" "$@"
