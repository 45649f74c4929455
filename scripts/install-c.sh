#!/usr/bin/env bash
# Builds libbeiancheck and installs the C library, its header and a pkg-config file:
#
#   scripts/install-c.sh PREFIX            release build (what you ship)
#   scripts/install-c.sh --debug PREFIX    debug build (what the test suite uses: no second build)
#
# Installs PREFIX/lib/libbeiancheck.so, PREFIX/lib/libbeiancheck.a,
# PREFIX/include/beiancheck.h and PREFIX/lib/pkgconfig/beiancheck.pc.
# There is no SONAME and no ABI stability before 1.0: rebuild what links it on every upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
if [ "${1:-}" = "--debug" ]; then
  profile=debug
  shift
fi
[ $# -eq 1 ] || { echo "usage: scripts/install-c.sh [--debug] PREFIX" >&2; exit 2; }
mkdir -p "$1"
prefix=$(cd "$1" && pwd)

if [ "$profile" = release ]; then
  cargo build --locked --release -p beiancheck-ffi
else
  cargo build --locked -p beiancheck-ffi
fi
target=${CARGO_TARGET_DIR:-target}/$profile

# The version is the header's (checked against Cargo.toml when the crate builds).
ver() { sed -n "s/^#define BEIAN_VERSION_$1 \([0-9]*\)$/\1/p" include/beiancheck.h; }
version="$(ver MAJOR).$(ver MINOR).$(ver PATCH)"

install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 0755 "$target/libbeiancheck.so" "$prefix/lib/libbeiancheck.so"
install -m 0644 "$target/libbeiancheck.a" "$prefix/lib/libbeiancheck.a"
install -m 0644 include/beiancheck.h "$prefix/include/beiancheck.h"
# Libs.private: what the static library needs from the system, as
# `cargo rustc -p beiancheck-ffi --lib --crate-type staticlib -- --print native-static-libs`
# prints it (the test suite links the .a with exactly this list).
cat > "$prefix/lib/pkgconfig/beiancheck.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: beiancheck
Description: Offline rules engine for China's ICP filing: the C API (JSON in, JSON out)
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir} -lbeiancheck
Libs.private: -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
PC
echo "installed beiancheck $version ($profile) into $prefix"
