#!/usr/bin/env bash
# bindings/wasm in its real runtimes: Node (every acceptance case byte-identical to the core,
# the caller's date, errors, domains byte-identical to the CLI) and Debian's headless Chromium
# (the example filing form, checked as the user types, a hostile name, a screenshot); the
# TypeScript types compiled with tsc --strict.
#
#   bindings/wasm/tests/run.sh APPS_DIR REF_DIR CLI
# Prints the .wasm size (raw, gzipped) and the page's first-check time; with BEIAN_WASM_OUT set,
# leaves the screenshot and numbers there. Installs what is missing: node/npm (apt), the npm
# dev packages (npm ci: binaryen, playwright-core, typescript), chromium (apt; never a
# downloaded browser), a Chinese font (fonts-wqy-microhei), and what build.sh needs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/../tests/common.sh"
[ $# -eq 3 ] || { echo "usage: bindings/wasm/tests/run.sh APPS_DIR REF_DIR CLI" >&2; exit 2; }
apps=$1 ref=$2 cli=$3

ensure node nodejs
ensure npm npm
ensure chromium chromium
# A font with Chinese glyphs, so the screenshot shows the form rather than empty boxes.
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || { ensure_file /usr/share/fonts/truetype/wqy/wqy-microhei.ttc fonts-wqy-microhei; }
cd "$here"
# npm ci only when node_modules was not installed from this package-lock.json.
lock=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.beiancheck-lock 2>/dev/null)" != "$lock" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.beiancheck-lock
fi
w=$(mktemp -d)
server=""
trap '[ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$w"' EXIT
out=${BEIAN_WASM_OUT:-$w/out}
mkdir -p "$out" "$w/node" "$w/cli"

# The one thing this machine may be unable to install: rustup's wasm target (its download
# is not a package registry's). Skipped then, with the reason.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  if ! rustup target add wasm32-unknown-unknown > "$w/rustup.log" 2>&1; then
    echo "wasm: SKIPPED: rustup cannot install the wasm32-unknown-unknown target here: $(tail -3 "$w/rustup.log" | tr '\n' ' ')"
    exit 0
  fi
fi

part "wasm: build (bindings/wasm/build.sh)"
t=$(seconds)
./build.sh | tee "$w/build.log"
echo "wasm: built in $(took "$t")"
cargo fmt --manifest-path Cargo.toml -- --check

part "wasm: TypeScript types (tsc --strict on tests/types.ts)"
node_modules/.bin/tsc -p tests/tsconfig.json
echo "wasm: index.d.ts: the example compiles, the three misuses are refused"

part "wasm: Node $(node --version): every case, the caller's date, errors, domains"
python3 - "$cli" "$w/cli" tests/domains.json <<'PY'
import json, subprocess, sys
cli, out, domains = sys.argv[1:4]
for i, (name, opts) in enumerate(json.load(open(domains, encoding="utf-8"))):
    args = [cli, "domain", "--json"]
    if "subjectKind" in opts: args += ["--subject", opts["subjectKind"]]
    if "province" in opts: args += ["--province", opts["province"]]
    r = subprocess.run(args + ["--", name], capture_output=True)
    open(f"{out}/domain-{i}.json", "wb").write(r.stdout)
r = subprocess.run([cli, "materials", "--json", "--province", "SH", "--subject", "individual"], capture_output=True, check=True)
open(f"{out}/materials.json", "wb").write(r.stdout)
for name, value in (("valid", "310104199001011233"), ("invalid", "310104199001011234")):
    r = subprocess.run([cli, "id", "--json", "--as-of", "2026-01-01", "resident_id", value], capture_output=True)
    # The CLI adds the number itself ("value") at the end; checkId's answer is the rest.
    cut = b',"value":' + json.dumps(value).encode() + b'}\n'
    assert r.stdout.endswith(cut), r.stdout
    open(f"{out}/id-{name}.json", "wb").write(r.stdout[: -len(cut)] + b"}\n")
PY
rules=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rules"]["version"])' "$(ls "$ref"/*.json | head -1)")
BEIAN_APPS=$apps BEIAN_OUT=$w/node BEIAN_CLI=$w/cli BEIAN_RULES=$rules node --test --test-reporter=spec tests/node.test.mjs
python3 "$here/../tests/same.py" wasm-node "$w/node" "$ref"

part "wasm: headless Chromium (Debian $(chromium --version 2>/dev/null | cut -d' ' -f2)): the example filing form"
port=$(free_port)
python3 -m http.server --bind 127.0.0.1 --directory "$here" "$port" > "$w/http.log" 2>&1 &
server=$!
for _ in $(seq 50); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2)" "$port" 2>/dev/null && break; sleep 0.1; done
node tests/browser.mjs "http://127.0.0.1:$port/example/index.html" "$cli" "$out"
grep -h '^wasm (' "$w/build.log" | tail -1 > "$out/size.txt"
echo "wasm: $(cat "$out/size.txt"); first check in the page $(cat "$out/first-check.txt") ms; screenshot $out/screenshot.png"
echo "wasm: ok"
