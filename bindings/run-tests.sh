#!/usr/bin/env bash
# The bindings in their real runtimes (scripts/test.sh runs it after the C step):
#   bindings/php   under php-fpm (preloaded, ffi.enable=preload) through cgi-fcgi
#   bindings/java  on OpenJDK 17 through JNA
#   bindings/wasm  in Node and in Debian's headless Chromium
# Each compares every acceptance case's report byte for byte with the core's own
# (ffi/examples/core_reports.rs: Report::to_json(), not a copy of expected answers).
#
# Builds the debug library and CLI (cargo build), or with BEIAN_REUSE_BUILD=1 (scripts/test.sh)
# reuses the ones the earlier steps built (cargo test, tests/c/run.sh). Each binding's time is
# printed.
#   BEIANCHECK_SHARED   where cases/ is (default ../shared)
#   BEIAN_BINDINGS      which to run (default "php java wasm")
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. bindings/tests/common.sh
shared=${BEIANCHECK_SHARED:-$root/../shared}
target=${CARGO_TARGET_DIR:-$root/target}/debug
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT

start=$(seconds)
t=$start
if [ -n "${BEIAN_REUSE_BUILD:-}" ] && [ -f "$target/libbeiancheck.so" ] && [ -x "$target/beiancheck" ]; then
  # scripts/test.sh: cargo test built this CLI and tests/c/run.sh this library, from this tree.
  # (`cargo build -p beiancheck-cli` would rebuild them: its features differ from cargo test's.)
  echo "bindings: reusing $target/libbeiancheck.so and $target/beiancheck from the earlier steps"
else
  # One package per command: building them together would unify their features and rebuild both.
  cargo build -q --locked -p beiancheck-ffi
  cargo build -q --locked -p beiancheck-cli
fi
python3 tests/c/cases.py extract "$shared/cases" "$w/apps"
mkdir -p "$w/ref"
cargo run -q --locked -p beiancheck-ffi --example core_reports -- "$w/ref" "$w"/apps/*.json
echo "bindings: libbeiancheck.so, the CLI and the core's reports for $(ls "$w/ref" | wc -l) cases ready ($(took "$t"))"

for b in ${BEIAN_BINDINGS:-php java wasm}; do
  t=$(seconds)
  printf '\n== bindings/%s\n' "$b"
  case $b in
    php) bindings/php/tests/run.sh "$target" "$w/apps" "$w/ref" "$target/beiancheck" ;;
    java) bindings/java/tests/run.sh "$target" "$w/apps" "$w/ref" "$target/beiancheck" ;;
    wasm) bindings/wasm/tests/run.sh "$w/apps" "$w/ref" "$target/beiancheck" ;;
    *) echo "bindings/run-tests.sh: no binding '$b'" >&2; exit 2 ;;
  esac
  echo "bindings/$b: passed ($(took "$t"))"
done
echo "bindings: ${BEIAN_BINDINGS:-php java wasm}: all passed in $(took "$start")"
