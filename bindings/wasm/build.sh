#!/usr/bin/env bash
# Builds the npm package's WebAssembly: the crate for wasm32-unknown-unknown (opt-level "z",
# fat LTO, one codegen unit, panic=abort), the wasm-bindgen glue (--target web: one module for
# browsers and Node), then wasm-opt -Oz from npm's binaryen when it is installed
# (node_modules/.bin/wasm-opt, `npm ci` here). Writes pkg/ and prints the sizes, raw and gzipped.
#
#   bindings/wasm/build.sh
# Installs, when missing: the wasm32-unknown-unknown target (rustup) and wasm-bindgen-cli at
# exactly the version of the wasm-bindgen crate in Cargo.toml (cargo install, a few minutes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "wasm32-unknown-unknown is missing: rustup target add"
  rustup target add wasm32-unknown-unknown
fi
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)
[ -n "$want" ] || { echo "bindings/wasm/Cargo.toml must pin wasm-bindgen with =X.Y.Z" >&2; exit 1; }
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$want" ]; then
  echo "wasm-bindgen $want is missing: cargo install wasm-bindgen-cli --version $want"
  cargo install -q wasm-bindgen-cli --version "$want"
fi

target=$root/target/wasm
cargo build -q --locked --release --target wasm32-unknown-unknown --target-dir "$target"
built=$target/wasm32-unknown-unknown/release/beiancheck_wasm.wasm
raw=pkg/beiancheck_wasm_bg.wasm
size() { printf '%s bytes raw, %s gzipped (-9)' "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
# pkg/ is made from cargo's output by wasm-bindgen and wasm-opt (slow: binaryen runs in Node):
# kept when it was made from this very file by this script.
stamp="$(sha256sum "$built" "$0" | sha256sum | cut -d' ' -f1) $([ -x node_modules/.bin/wasm-opt ] && echo opt)"
if [ -f pkg/.stamp ] && [ "$(cat pkg/.stamp)" = "$stamp" ] && [ -f "$raw" ]; then
  echo "wasm (unchanged since the last build): $(size "$raw")"
  exit 0
fi
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name beiancheck_wasm "$built"
echo "wasm (cargo + wasm-bindgen): $(size "$raw")"
if [ -x node_modules/.bin/wasm-opt ]; then
  # The features rustc's default wasm32 target emits, declared so wasm-opt keeps them.
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types \
    -o "$raw.opt" "$raw"
  mv "$raw.opt" "$raw"
  echo "wasm (after wasm-opt -Oz): $(size "$raw")"
else
  echo "wasm-opt: not installed (npm ci in bindings/wasm installs binaryen): size not reduced further"
fi
echo "$stamp" > pkg/.stamp
