#!/usr/bin/env bash
# Mutation testing of the rule code with cargo-mutants (not part of CI's default path, like
# scripts/fuzz.sh): each mutant (an operator flipped, a body replaced by a default, a condition
# forced) is built and the fast core tests (.cargo/mutants.toml) must fail on it.
# Usage: scripts/mutants.sh [FILE...]   (default: the rule families and the identity numbers)
# Environment: MUTANTS_JOBS (default 1), MUTANTS_TIMEOUT (seconds per test run, default 120),
#              MUTANTS_OUT (default target/mutants; results in $MUTANTS_OUT/mutants.out/),
#              MUTANTS_IN_PLACE=1 (mutate this tree and build in its target/: no 5 GB copy and
#              no full rebuild of the dependencies first, but do not touch the tree meanwhile),
#              MUTANTS_RE (only mutants whose --list name matches this regex, e.g. one function),
#              MUTANTS_BASELINE=skip (do not first run the tests on the unmutated tree).
# The report of the last full run is docs/MUTANTS.md; a run takes about a minute per mutant on
# two shared cores, so pass the files you changed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked

files=("$@")
[ ${#files[@]} -gt 0 ] || files=(core/src/resource.rs core/src/filing_type.rs core/src/subject.rs core/src/ids.rs
  core/src/materials.rs core/src/website.rs core/src/domain.rs core/src/province.rs)
args=()
for f in "${files[@]}"; do args+=(-f "$f"); done
[ -z "${MUTANTS_RE:-}" ] || args+=(--re "$MUTANTS_RE")
[ -z "${MUTANTS_BASELINE:-}" ] || args+=(--baseline "$MUTANTS_BASELINE")
out=${MUTANTS_OUT:-target/mutants}
mkdir -p "$out"

start=$(date +%s)
status=0
# A scratch copy (with this tree's target/, though the dependencies' build scripts still rerun
# there once), or this tree itself.
where=(--copy-target=true --jobs "${MUTANTS_JOBS:-1}")
[ "${MUTANTS_IN_PLACE:-0}" = 1 ] && where=(--in-place) # one at a time, necessarily
nice -n 19 cargo mutants -p beiancheck "${args[@]}" --timeout "${MUTANTS_TIMEOUT:-120}" \
  "${where[@]}" --no-shuffle --output "$out" || status=$?

r=$out/mutants.out
count() { if [ -f "$r/$1.txt" ]; then echo $(($(wc -l < "$r/$1.txt"))); else echo 0; fi; }
caught=$(count caught) missed=$(count missed) unviable=$(count unviable) timeout=$(count timeout)
viable=$((caught + missed + timeout))
echo "mutants: ${caught} caught, ${missed} missed, ${unviable} unviable, ${timeout} timeout in $(( $(date +%s) - start )) s"
[ "$viable" -gt 0 ] && python3 -c "import sys; c, v = map(int, sys.argv[1:]); print(f'score: {c}/{v} viable mutants caught ({100 * c / v:.1f} %)')" "$((caught + timeout))" "$viable"
[ "$missed" -eq 0 ] || { echo "missed (each needs a test, or a reason it is equivalent in docs/MUTANTS.md):"; cat "$r/missed.txt"; }
# cargo-mutants: 0 all caught, 2 some missed, 3 some timed out, other: the run itself failed.
case $status in 0 | 2 | 3) exit $status ;; *) echo "cargo mutants failed (exit $status)" >&2; exit $status ;; esac
