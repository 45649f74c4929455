#!/usr/bin/env bash
# Runs the ffi crate's unit tests under Miri, which checks the unsafe code (pointers, lengths,
# buffers handed to C and back, the per-thread error slot) for undefined behaviour.
# Not part of CI's default path: it needs a nightly toolchain with the miri and rust-src
# components (installed here with rustup when missing) and takes minutes.
# Usage: scripts/miri.sh [extra `cargo test` arguments, e.g. a test name]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! rustup run nightly cargo miri --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal --component miri,rust-src
fi
# Strict provenance: no integer-to-pointer casts in the ABI code.
export MIRIFLAGS="${MIRIFLAGS:--Zmiri-strict-provenance}"
exec cargo +nightly miri test -p beiancheck-ffi --lib "$@"
