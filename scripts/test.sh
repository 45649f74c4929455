#!/usr/bin/env bash
# Runs every test of the project, on a fresh machine too: installs what it needs itself.
# Usage: scripts/test.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step prints its time; the run ends with one summary line (steps, pass/fail, total time),
# also when a step fails (set -e stops at the first failure).
steps_total=7
steps_passed=0
step_name=""
run_start=$(date +%s)
step_start=$run_start
hms() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
step_done() {
  [ -n "$step_name" ] || return 0
  steps_passed=$((steps_passed + 1))
  printf -- '-- %s: passed in %s\n' "$step_name" "$(hms $(($(date +%s) - step_start)))"
  step_name=""
}
step() {
  step_done
  step_name=$*
  step_start=$(date +%s)
  printf '\n== %s\n' "$*"
}
summary() {
  local rc=$?
  [ "$rc" -eq 0 ] && step_done
  local total
  total=$(hms $(($(date +%s) - run_start)))
  if [ "$rc" -eq 0 ]; then
    printf '\nscripts/test.sh: %d/%d steps passed in %s\n' "$steps_passed" "$steps_total" "$total"
  elif [ -n "$step_name" ]; then
    printf '\nscripts/test.sh: FAILED at step %d/%d (%s) after %s; %d passed, total %s\n' \
      $((steps_passed + 1)) "$steps_total" "$step_name" "$(hms $(($(date +%s) - step_start)))" "$steps_passed" "$total" >&2
  else
    printf '\nscripts/test.sh: FAILED before the first step (exit %d)\n' "$rc" >&2
  fi
}
trap summary EXIT

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
BEIAN_REUSE_BUILD=1 bindings/run-tests.sh
step "HTML report in headless Chromium (tests/report/run.sh)"
tests/report/run.sh
step "Python (python/run-tests.sh: wheel in its own virtualenv, every case through Python, Arrow, Spark)"
python/run-tests.sh
