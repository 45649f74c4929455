#!/usr/bin/env bash
# Measures the wasm package and writes bench/wasm.md (bench/compare.py appends it to
# docs/BENCHMARKS.md, as it does bench/profile.md; this script also refreshes that section of
# docs/BENCHMARKS.md in place): the .wasm size raw and gzipped, the first check in the example
# page in headless Chromium, and Node's compile / pack parse / check times.
#
#   bindings/wasm/bench.sh [LOADS]     (default 7 page loads, each in a fresh profile)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../tests/common.sh"
loads=${1:-7}
cd "$here"
ensure chromium chromium
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.beiancheck-lock 2>/dev/null)" != "$lock" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.beiancheck-lock
fi
./build.sh
w=$(mktemp -d)
server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$w"' EXIT
port=$(free_port)
python3 -m http.server --bind 127.0.0.1 --directory "$here" "$port" > "$w/http.log" 2>&1 &
server=$!
for _ in $(seq 50); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2)" "$port" 2>/dev/null && break; sleep 0.1; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
node bench/measure.mjs "http://127.0.0.1:$port/example/index.html" "$loads" "$root/examples/access-filing-shanghai.json" > "$w/m.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
raw=pkg/beiancheck_wasm_bg.wasm
python3 - "$w/m.json" "$raw" "$loads" "$load_before" "$load_after" "$(chromium --version 2>/dev/null | cut -d' ' -f2)" "$(gzip -9c "$raw" | wc -c)" "$(node --version)" "$(cat pkg/.stamp | cut -d' ' -f2)" > "$root/bench/wasm.md" <<'PY'
import json, sys, datetime
m = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], "rb").read()
loads, before, after, chromium, gz, node, opt = sys.argv[3:10]
gz = int(gz)
n = m["node"]
page = m["page_first_check_ms"]
pp = m["page_parts_median_ms"]
status = "met" if m["page_first_check_median_ms"] <= 300 else "not met"
print(f"""## WebAssembly (bindings/wasm)

Measured by `bindings/wasm/bench.sh` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; load average
{before} before, {after} after (the machine is shared: other builds ran alongside).
Chromium {chromium} headless (Debian), Node {node}.

| what | measured |
|---|---:|
| `pkg/beiancheck_wasm_bg.wasm` (opt-level "z", fat LTO, panic=abort{', wasm-opt -Oz' if opt == 'opt' else ''}) | {len(raw):,} bytes raw, {gz:,} bytes gzipped (-9) |
| first check in the example page, from navigation start (fetch + compile + pack parse + check + render), median of {loads} fresh loads | {m['page_first_check_median_ms']:.0f} ms (all: {', '.join(f'{x:.0f}' for x in page)}) |
| the page's main thread, CPU time until then (Chrome's ThreadTime; what others' load does not add) | {m['page_main_thread_cpu_median_ms']:.0f} ms (all: {', '.join(f'{x:.0f}' for x in m['page_main_thread_cpu_ms'])}) |
| the page's first check in parts, medians: scripts loaded / `init()` (fetch + compile + instantiate) / rule pack parse (`warmUp()`) / check + render | {pp['before_init']:.0f} / {pp['init']:.0f} / {pp['pack']:.0f} / {pp['check']:.0f} ms |
| Node: compile the module | {n['compile_ms']:.1f} ms |
| Node: parse the embedded rule pack (first call) | {n['pack_parse_ms']:.1f} ms ({n['pack_parse_cpu_ms']:.1f} ms CPU) |
| Node: first check after that | {n['first_check_ms']:.1f} ms |
| Node: a check after that (examples/access-filing-shanghai.json) | {n['check_us']:.0f} µs |

Before (the first build of bindings/wasm, same profile without wasm-opt's features declared,
measured under load average ~10): 2,187,558 bytes raw, 614,365 bytes gzipped; first check in
the page 448–910 ms. Reproduce: `bindings/wasm/bench.sh 5` (5 fresh page loads, median).

Target (DESIGN.md): a first check in the browser ≤ 300 ms — {status}. About half of the module
is the rule pack (1.0 MB of JSON, 0.2 MB gzipped, PSL and province tables); the rest is the
core with serde_json and ICU4X's IDNA data.
""")
PY
python3 - "$root/docs/BENCHMARKS.md" "$root/bench/wasm.md" <<'PY'
import sys
doc, sec = sys.argv[1:3]
text = open(doc, encoding="utf-8").read()
new = open(sec, encoding="utf-8").read()
head = "## WebAssembly (bindings/wasm)"
if head in text:
    before, rest = text.split(head, 1)
    after = rest.split("\n## ", 1)
    text = before + new.rstrip("\n") + ("\n\n## " + after[1] if len(after) > 1 else "\n")
else:
    text = text.rstrip("\n") + "\n\n" + new
open(doc, "w", encoding="utf-8").write(text)
PY
cat "$root/bench/wasm.md"
