#!/usr/bin/env bash
# Installs the cbindgen that include/beiancheck.h is generated with (pinned in
# ffi/cbindgen.toml), unless that exact version is already on PATH, in ~/.cargo/bin or in this
# script's own tool directory. Prints the path of the cbindgen to use.
#
# It never replaces a cbindgen of yours: a missing pinned version is installed into its own
# root, ${XDG_CACHE_HOME:-~/.cache}/beiancheck/cbindgen-VERSION (override: BEIAN_TOOLS_DIR),
# not into ~/.cargo/bin.
set -euo pipefail
cd "$(dirname "$0")/.."

pinned=$(sed -n 's/^# pinned-cbindgen = "\(.*\)"$/\1/p' ffi/cbindgen.toml)
[ -n "$pinned" ] || { echo "install-cbindgen: no pinned-cbindgen line in ffi/cbindgen.toml" >&2; exit 2; }
root=${BEIAN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/beiancheck}/cbindgen-$pinned

for c in "$(command -v cbindgen || true)" "${CARGO_HOME:-$HOME/.cargo}/bin/cbindgen" "$root/bin/cbindgen"; do
  if [ -n "$c" ] && [ -x "$c" ] && [ "$("$c" --version 2>/dev/null)" = "cbindgen $pinned" ]; then
    echo "$c"
    exit 0
  fi
done

echo "install-cbindgen: installing cbindgen $pinned into $root (once; a few minutes)" >&2
# Its own root (no --force: nothing of the user's is overwritten) and its own target dir.
env -u CARGO_TARGET_DIR cargo install cbindgen --version "$pinned" --locked --root "$root" >&2
echo "$root/bin/cbindgen"
