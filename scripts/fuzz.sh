#!/usr/bin/env bash
# Fuzzes every target for a fixed budget (not part of CI's default path).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Crashes land in fuzz/artifacts/<target>/; turn each into a regression test (tests/hostile/).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check_json check_domain pack_load c_abi)

# cargo-fuzz needs nightly flags; this machine has one stable toolchain, and
# RUSTC_BOOTSTRAP=1 lets it accept them (-Zsanitizer=address).
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

shared=${BEIANCHECK_SHARED:-../shared}
seed() {  # target dir files...
  local dir=fuzz/corpus/$1; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(basename "$f")"; done
}
mkdir -p fuzz/corpus
apps=()
for c in "$shared"/cases/*.json; do
  out=fuzz/corpus/.apps/$(basename "$c"); mkdir -p fuzz/corpus/.apps
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["application"], ensure_ascii=False))' "$c" > "$out"
  apps+=("$out")
done
seed check_json "${apps[@]}" examples/*.json tests/hostile/*.json "$shared/cases/malformed.txt"
seed c_abi "${apps[@]}" examples/*.json tests/hostile/*.json
mkdir -p fuzz/corpus/check_domain
for d in example.com 例子.中国 xn--fsqu00a.xn--fiqs8s 国务院.政务.cn user.github.io 203.0.113.7 gov.cn 'a..b.com' EXAMPLE.IO 例子。公司; do
  printf '%s' "$d" > "fuzz/corpus/check_domain/$(printf '%s' "$d" | md5sum | cut -c1-12)"
done
mkdir -p fuzz/corpus/pack_load
cargo run -q --release -p beiancheck-cli -- rules --export fuzz/corpus/pack_load/embedded.json 2>/dev/null

status=0
for t in "${targets[@]}"; do
  echo "== fuzz $t for ${secs}s"
  if ! (cd fuzz && cargo fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -max_len=1048576); then
    if ls "fuzz/artifacts/$t"/* >/dev/null 2>&1; then
      echo "!! $t found a crash: see fuzz/artifacts/$t/" >&2
    else
      echo "!! $t did not build or run (no crash artifact): see the output above" >&2
    fi
    status=1
  fi
done
exit $status
