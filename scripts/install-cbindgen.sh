#!/usr/bin/env bash
# Installs the cbindgen that include/beiancheck.h is generated with (pinned in
# ffi/cbindgen.toml), unless that exact version is already on PATH or in ~/.cargo/bin.
# Prints the path of the cbindgen to use.
set -euo pipefail
cd "$(dirname "$0")/.."

pinned=$(sed -n 's/^# pinned-cbindgen = "\(.*\)"$/\1/p' ffi/cbindgen.toml)
[ -n "$pinned" ] || { echo "install-cbindgen: no pinned-cbindgen line in ffi/cbindgen.toml" >&2; exit 2; }

for c in "$(command -v cbindgen || true)" "${CARGO_HOME:-$HOME/.cargo}/bin/cbindgen"; do
  if [ -n "$c" ] && [ -x "$c" ] && [ "$("$c" --version 2>/dev/null)" = "cbindgen $pinned" ]; then
    echo "$c"
    exit 0
  fi
done

echo "install-cbindgen: installing cbindgen $pinned (once; a few minutes)" >&2
# Its own target dir: never the workspace's.
env -u CARGO_TARGET_DIR cargo install cbindgen --version "$pinned" --locked --force >&2
echo "${CARGO_HOME:-$HOME/.cargo}/bin/cbindgen"
