#!/usr/bin/env bash
# PHP's FFI extension loads libbeiancheck like a legacy portal would (tests/php/portal.php);
# its output must agree with the CLI on the same application.
#
#   tests/php/run.sh LIBDIR INCLUDEDIR CLI APPLICATION.json
# Installs php-cli with apt-get when php is missing.
set -euo pipefail
cd "$(dirname "$0")"
[ $# -eq 4 ] || { echo "usage: tests/php/run.sh LIBDIR INCLUDEDIR CLI APPLICATION.json" >&2; exit 2; }
libdir=$1 includedir=$2 cli=$3 app=$4

if ! command -v php >/dev/null; then
  echo "php is missing: installing php-cli (apt-get)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq php-cli >/dev/null
fi
php -d ffi.enable=1 -r 'exit(class_exists("FFI") ? 0 : 1);' || { echo "PHP has no FFI extension" >&2; exit 1; }

w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
# FFI::cdef takes declarations only: drop the #includes (PHP FFI knows the stdint/stddef types)
# and let the C preprocessor resolve the header's #if/#define lines. Generated, never kept.
grep -v '^#include' "$includedir/beiancheck.h" | cc -E -P -x c - > "$w/beiancheck_ffi.h"

php -d ffi.enable=1 portal.php "$w/beiancheck_ffi.h" "$libdir/libbeiancheck.so" "$app" | tee "$w/out"

# What the portal must have printed, from the CLI on the same input.
"$cli" check --json "$app" > "$w/cli.json" || true
want=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print("application: verdict=%s filing_type=%s codes=%s" % (r["verdict"], r["filing_type"] or "null", ",".join(f["code"] for f in r["findings"])))
' "$w/cli.json")
fail=0
expect() { grep -qxF -- "$1" "$w/out" || { echo "tests/php: missing line: $1" >&2; fail=1; }; }
expect "$want"
expect "version: $("$cli" --version | sed 's/^beiancheck /beiancheck\//') rules/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rules"]["version"])' "$w/cli.json")"
expect "domain example.io: verdict=ineligible ascii=example.io codes=DOMAIN_TLD_NOT_APPROVED"
expect "domain 例子.中国: verdict=eligible ascii=xn--fsqu00a.xn--fiqs8s codes="
expect "malformed: result=7003 code=INPUT_MALFORMED line=2"
expect "portal: done"
[ "$fail" -eq 0 ] && echo "php: ok (FFI output agrees with the CLI)"
exit "$fail"
