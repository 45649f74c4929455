#!/usr/bin/env bash
# The C face end to end (scripts/test.sh runs it):
#   header drift (pinned cbindgen) → scripts/install-c.sh into a scratch prefix → C programs
#   compiled against the installed header and library: every acceptance case (byte-identical to
#   the core), misuse, 8 threads sharing one engine → misuse and threads under valgrind, all
#   three under ASan+UBSan (each tool after a negative control that must fail) → the docs
#   example, compiled as the README says → PHP FFI.
#
# Uses the debug build that `cargo test` already made (no second, release build). Knobs:
#   BEIANCHECK_SHARED   where cases/ is (default ../shared)
#   BEIAN_THREADS_TOTAL checks in the native thread test (default 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
shared=${BEIANCHECK_SHARED:-$root/../shared}
total=${BEIAN_THREADS_TOTAL:-100000}
valgrind_total=200 # valgrind serialises threads and is ~100x slower: fewer checks, same test
asan_total=8000

part() { printf -- '-- %s\n' "$*"; }
w=$(mktemp -d)
# On the way out, stop a background valgrind of ours that is still running (by its pid).
trap 'for j in $(jobs -p); do kill "$j" 2>/dev/null || true; done; rm -rf "$w"' EXIT
seconds() { date +%s.%N; }
took() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" "$1" "$(seconds)"; }

# What this step needs, installed when missing (Debian/Ubuntu), as scripts/test.sh promises.
# PHP is tests/php/run.sh's business.
apt_updated=""
ensure() { # ensure COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null && return 0
  echo "$1 is missing: installing $2 (apt-get)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  [ -n "$apt_updated" ] || { $sudo apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
}
ensure cc gcc
ensure c++ g++
ensure pkg-config pkg-config
ensure valgrind valgrind
ensure python3 python3

part "header: include/beiancheck.h regenerated with the pinned cbindgen must be identical"
cbindgen=$(scripts/install-cbindgen.sh)
if ! BEIANCHECK_CBINDGEN="$cbindgen" BEIANCHECK_REQUIRE_CBINDGEN=1 cargo test -q --locked -p beiancheck-ffi --test header > "$w/header.log" 2>&1; then
  cat "$w/header.log" >&2
  exit 1
fi
echo "header: identical to the output of $("$cbindgen" --version) ($cbindgen)"

part "install: scripts/install-c.sh --debug into a scratch prefix"
scripts/install-c.sh --debug "$w/prefix" 2>&1 | tail -1
export PKG_CONFIG_PATH=$w/prefix/lib/pkgconfig
libdir=$(pkg-config --variable=libdir beiancheck)
includedir=$(pkg-config --variable=includedir beiancheck)
cmp include/beiancheck.h "$includedir/beiancheck.h"
# The static link line in beiancheck.pc must be the one rustc asks for.
want=$(cargo rustc -q --locked -p beiancheck-ffi --lib --crate-type staticlib -- --print native-static-libs 2>&1 |
  sed -n 's/.*native-static-libs: //p' | tail -1)
have=$(sed -n 's/^Libs.private: //p' "$libdir/pkgconfig/beiancheck.pc")
[ "$want" = "$have" ] || { echo "beiancheck.pc Libs.private is '$have'; rustc says '$want'" >&2; exit 1; }
# cargo rustc rebuilt the .a with the same contents; reinstall so the prefix matches target/.
scripts/install-c.sh --debug "$w/prefix" >/dev/null 2>&1

cflags=(-std=c11 -Wall -Wextra -Werror -pedantic -g -Itests/c)
# As the README says: dynamic, found at run time through the rpath.
build() { cc "${cflags[@]}" "$1" $(pkg-config --cflags --libs beiancheck) -lpthread -Wl,-rpath,"$libdir" -o "$2"; }
# ASan+UBSan: the C side instrumented, the static library linked in (Rust's allocations go
# through malloc, so ASan sees every buffer handed across).
private=$(pkg-config --static --libs-only-l beiancheck | sed 's/-lbeiancheck//')
build_asan() {
  cc "${cflags[@]}" -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all \
    $(pkg-config --cflags beiancheck) "$1" "$libdir/libbeiancheck.a" $private -o "$2"
}
for p in cases misuse threads leak hostile swap ids; do
  build "tests/c/$p.c" "$w/$p"
  build_asan "tests/c/$p.c" "$w/$p-asan"
done
# The header is also valid C++ (cbindgen's extern "C" guards).
printf '#include "beiancheck.h"\nint main() { const beian_engine *e = nullptr; return beian_engine_new_embedded(&e) == BEIAN_OK ? 0 : 1; }\n' > "$w/cxx.cc"
# Two commands, not `a && b`: under set -e a failing left side of && does not stop the script.
c++ -std=c++17 -Wall -Werror -I"$includedir" "$w/cxx.cc" -L"$libdir" -lbeiancheck -Wl,-rpath,"$libdir" -o "$w/cxx"
"$w/cxx"

part "C: every acceptance case through beian_check_json"
python3 tests/c/cases.py selftest
python3 tests/c/cases.py extract "$shared/cases" "$w/apps"
apps=("$w"/apps/*.json)
mkdir -p "$w/c" "$w/ref" "$w/asan"
"$w/cases" "$w/c" "${apps[@]}"
cargo run -q --locked -p beiancheck-ffi --example core_reports -- "$w/ref" "${apps[@]}"
python3 tests/c/cases.py judge "$shared/cases" tests/cases_pending.txt "$w/c" "$w/ref"

misuse_args=(examples/access-filing-shanghai.json "$shared/cases/malformed.txt" "$w/pack.json")
target/debug/beiancheck rules --export "$w/pack.json" >/dev/null 2>&1

part "C: misuse (NULLs, bad UTF-8, truncated and malformed JSON, bad packs, 16 MiB + 1)"
"$w/misuse" "${misuse_args[@]}"

part "C: 8 pthreads share one engine for $total checks"
"$w/threads" "$total" "${apps[@]}"

part "C: tests/hostile/ (truncated, invalid UTF-8, NUL, huge numbers, 10 MB strings, deep nesting …)"
python3 tests/hostile/materialize.py "$w/hostile-inputs"
"$w/hostile" "$w/hostile-inputs"

part "C: beian_engine_swap_pack while 4 threads check"
# Pack B also approves .io, so the example (guangying.io) has other findings under it: a report
# mixing the two packs would show (swap.c checks each report's findings against its version).
python3 - "$w/pack.json" "$w/pack-A.json" "$w/pack-B.json" <<'PY'
import json, sys
pack = json.load(open(sys.argv[1], encoding="utf-8"))
for out, v in ((sys.argv[2], "A"), (sys.argv[3], "B")):
    pack["meta"]["version"] = v
    if v == "B":
        pack["tlds"]["not_approved"] = [t for t in pack["tlds"]["not_approved"] if t["tld"] != "io"]
        pack["tlds"]["approved"].append({"tld": "io", "unicode": "io", "status": "approved", "since": "2026-01-01", "source": "domain/tlds.json (test: pack B approves .io)"})
    json.dump(pack, open(out, "w", encoding="utf-8"), ensure_ascii=False)
PY
"$w/swap" "$w/pack-A.json" "$w/pack-B.json" examples/rejected-personal-forum.json

part "C: beian_check_id gives what \`beiancheck id --json\` gives, value for value"
printf '%s\n' 310104199001011233 310104199001011234 11010519491231002x '' ' 440306200002290046 ' 990101199001011230 \
  '３１０１０４１９９００１０１１２３３' '"><img src=x onerror=alert(1)>' > "$w/ids.txt"
"$w/ids" "$w/ids.txt" resident_id 2026-01-01 > "$w/ids-c.jsonl"
target/debug/beiancheck id resident_id -f "$w/ids.txt" --as-of 2026-01-01 --json > "$w/ids-cli.jsonl" || true
python3 - "$w/ids-c.jsonl" "$w/ids-cli.jsonl" <<'PY'
import json, sys
c = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
cli = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
for row in cli:
    del row["value"], row["line"]
assert len(c) == len(cli) == 8 and c == cli, (c, cli)
print(f"ids: {len(c)} answers identical in C and the CLI")
PY
"$w/ids-asan" "$w/ids.txt" resident_id 2026-01-01 > /dev/null

part "valgrind --leak-check=full (debug build)"
vg=(valgrind -q --error-exitcode=1 --leak-check=full --num-callers=50 --suppressions=tests/c/valgrind.supp)
# The control must fail for the leak and nothing else: leak.c reached its leak (its line on
# stdout; a failed setup exits 3 before it), valgrind exits with its error code 1, and its
# report says "definitely lost".
rc=0
"${vg[@]}" "$w/leak" > "$w/leak-vg.out" 2> "$w/leak-vg.err" || rc=$?
if [ "$rc" -ne 1 ] || ! grep -q '^leak: [0-9]* bytes handed out and lost$' "$w/leak-vg.out" || ! grep -q 'definitely lost' "$w/leak-vg.err"; then
  cat "$w/leak-vg.out" "$w/leak-vg.err" >&2
  echo "valgrind's negative control: want exit 1 with 'definitely lost' after leak.c leaked, got exit $rc: its verdicts mean nothing" >&2
  exit 1
fi
echo "negative control: valgrind fails on the deliberate leak (exit 1, definitely lost), as it must"
t=$(seconds)
# valgrind runs one thread at a time: misuse runs alongside threads to use both cores. No
# separate `cases` run: threads.c first checks every case single-threaded, then in 8 threads.
BEIAN_TEST_QUICK=1 "${vg[@]}" "$w/misuse" "${misuse_args[@]}" > "$w/valgrind-misuse.log" 2>&1 &
vg_misuse=$!
"${vg[@]}" "$w/threads" "$valgrind_total" "${apps[@]}"
if ! wait "$vg_misuse"; then
  cat "$w/valgrind-misuse.log" >&2
  echo "valgrind: misuse failed" >&2
  exit 1
fi
cat "$w/valgrind-misuse.log"
echo "valgrind: no errors, no leaks ($(took "$t"))"

part "ASan + UBSan (static library)"
# As for valgrind: the failure must be LeakSanitizer's report of the leak (exit 1, ASan's
# exitcode, which its leak check uses), after leak.c reached it.
rc=0
ASAN_OPTIONS=detect_leaks=1 "$w/leak-asan" > "$w/leak-asan.out" 2> "$w/leak-asan.err" || rc=$?
if [ "$rc" -ne 1 ] || ! grep -q '^leak: [0-9]* bytes handed out and lost$' "$w/leak-asan.out" ||
  ! grep -q 'ERROR: LeakSanitizer: detected memory leaks' "$w/leak-asan.err"; then
  cat "$w/leak-asan.out" "$w/leak-asan.err" >&2
  echo "LeakSanitizer's negative control: want exit 1 with its leak report after leak.c leaked, got exit $rc: its verdicts mean nothing" >&2
  exit 1
fi
echo "negative control: LeakSanitizer reports the deliberate leak (exit 1), as it must"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$w/cases-asan" "$w/asan" "${apps[@]}"
cmp -s <(cat "$w"/c/*) <(cat "$w"/asan/*) || { echo "reports differ under ASan" >&2; exit 1; }
"$w/misuse-asan" "${misuse_args[@]}"
"$w/threads-asan" "$asan_total" "${apps[@]}"
"$w/hostile-asan" "$w/hostile-inputs"
"$w/swap-asan" "$w/pack-A.json" "$w/pack-B.json" examples/rejected-personal-forum.json
unset ASAN_OPTIONS UBSAN_OPTIONS

part "examples/check.c: compiled with the README's command (docs/C_API.md shows the same file)"
python3 - docs/C_API.md examples/check.c <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"<!-- example: check\.c -->\s*```c\n(.*?)```", text, re.S)
if len(blocks) != 1:
    sys.exit("docs/C_API.md: expected one ```c block after <!-- example: check.c -->")
if blocks[0] != open(sys.argv[2], encoding="utf-8").read():
    sys.exit("docs/C_API.md: the check.c example differs from examples/check.c")
PY
# The README's own lines (install prefix "$HOME/.local" → the scratch prefix), run as written.
readme_cc=$(grep -m1 '^cc examples/check.c ' README.md) || { echo "README.md: no 'cc examples/check.c …' line" >&2; exit 1; }
readme_cc=${readme_cc//'"$HOME/.local'/'"$BEIAN_PREFIX'}
BEIAN_PREFIX=$w/prefix bash -c "$readme_cc"
mv check "$w/check"
"$w/check" examples/access-filing-shanghai.json > "$w/example.out"
target/debug/beiancheck check --json examples/access-filing-shanghai.json > "$w/example.cli"
python3 - "$w/example.out" "$w/example.cli" <<'PY'
import json, sys
out = open(sys.argv[1], encoding="utf-8").read().splitlines()
cli = json.load(open(sys.argv[2], encoding="utf-8"))
assert json.loads(out[0]) == cli, "the example's report differs from the CLI's"
assert out[1].startswith("example.io: ") and '"DOMAIN_TLD_NOT_APPROVED"' in out[1], out[1]
print("example: report equal to the CLI's; domain answered")
PY
if "$w/check" "$shared/cases/malformed.txt" > /dev/null 2> "$w/example.err"; then
  echo "the example accepted malformed.txt" >&2
  exit 1
fi
grep -q '"code":"INPUT_MALFORMED","line":2' "$w/example.err" || { cat "$w/example.err" >&2; exit 1; }
echo "example: malformed.txt refused with INPUT_MALFORMED at line 2"

part "PHP FFI: a legacy portal loads the library"
tests/php/run.sh "$libdir" "$includedir" "$root/target/debug/beiancheck" "$w/apps/030.json"
