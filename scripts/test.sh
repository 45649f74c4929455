#!/usr/bin/env bash
# Runs every test of the project, on a fresh machine too: installs what it needs itself.
# Usage: scripts/test.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

if [ ! -d ../shared/cases ] && [ -z "${BEIANCHECK_SHARED:-}" ]; then
  echo "scripts/test.sh: the acceptance cases are expected at ../shared/cases (or set BEIANCHECK_SHARED)" >&2
  exit 2
fi

step "format"
cargo fmt --all -- --check

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests (core, CLI, acceptance cases through core and CLI)"
cargo test --workspace --locked

step "C ABI: header drift, install, C clients (cases, misuse, 8 threads), valgrind, ASan+UBSan, docs example, PHP FFI"
tests/c/run.sh
step "Bindings (bindings/run-tests.sh: PHP under php-fpm, Java on OpenJDK 17, wasm in Node and headless Chromium)"
bindings/run-tests.sh
step "HTML report in headless Chromium (tests/report/run.sh)"
tests/report/run.sh
step "Python (python/run-tests.sh: wheel in its own virtualenv, every case through Python, Arrow, Spark)"
python/run-tests.sh
