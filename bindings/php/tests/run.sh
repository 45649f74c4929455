#!/usr/bin/env bash
# bindings/php for real, where portals run it: php-fpm on a loopback port, started here with the
# package's own php.ini lines (beiancheck.ini: opcache.preload + ffi.preload, ffi.enable=preload,
# PHP's default), and requests sent by cgi-fcgi (a FastCGI client, as nginx would be).
#
#   bindings/php/tests/run.sh LIBDIR APPS_DIR REF_DIR CLI
#     LIBDIR    where libbeiancheck.so is (the suite's build)
#     APPS_DIR  the acceptance cases' applications (NNN.json)
#     REF_DIR   the core's own report for each (ffi/examples/core_reports.rs)
#     CLI       the beiancheck command (its answers for domains and materials are the reference)
#
# Steps: beiancheck.h regenerated must equal the committed one → the class API on the CLI
# (tests/api_test.php) → php-fpm: preload in force, direct FFI refused, every acceptance case
# byte-identical to the core, domains byte-identical to the CLI, materials equal to the CLI's, malformed input
# answered 422 with its line. Installs php-cli, php-fpm and libfcgi-bin when missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/../tests/common.sh"
[ $# -eq 4 ] || { echo "usage: bindings/php/tests/run.sh LIBDIR APPS_DIR REF_DIR CLI" >&2; exit 2; }
libdir=$(cd "$1" && pwd) apps=$2 ref=$3 cli=$4

ensure php php-cli
ensure cgi-fcgi libfcgi-bin
fpm=$(command -v php-fpm || ls /usr/sbin/php-fpm* 2>/dev/null | head -1 || true)
if [ -z "$fpm" ]; then
  ensure php-fpm8.2 php-fpm
  fpm=$(ls /usr/sbin/php-fpm* | head -1)
fi
php -r 'exit(extension_loaded("FFI") ? 0 : 1);' || { echo "php has no FFI extension" >&2; exit 1; }

w=$(mktemp -d)
master=""
trap '[ -z "$master" ] || kill "$master" 2>/dev/null || true; rm -rf "$w"' EXIT

part "php: bindings/php/beiancheck.h is what gen-header.sh makes of include/beiancheck.h"
"$here/gen-header.sh" "$w/beiancheck.h"
cmp "$w/beiancheck.h" "$here/beiancheck.h" || { echo "bindings/php/beiancheck.h is stale: run bindings/php/gen-header.sh" >&2; exit 1; }

version="$("$cli" --version | sed 's/^beiancheck /beiancheck\//') rules/$("$cli" rules --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"
"$cli" rules --export "$w/pack.json" >/dev/null 2>&1
first=$(ls "$apps"/*.json | head -1)

part "php: the class API on the command line"
LD_LIBRARY_PATH=$libdir php "$here/tests/api_test.php" "$version" "$w/pack.json" "$first"

part "php-fpm: $("$fpm" -v | head -1 | cut -d' ' -f1-2) on 127.0.0.1, preloaded, every case through cgi-fcgi"
port=$(free_port)
# The shipped php.ini lines with this checkout's paths. The master runs as root here (CI), so
# the preload user is root; a server uses its workers' user (www-data).
sed -e "s#/path/to/vendor/beiancheck/beiancheck#$here#" -e 's#^opcache.preload_user=.*#opcache.preload_user=root#' \
  "$here/beiancheck.ini" > "$w/php.ini"
cat > "$w/fpm.conf" <<CONF
[global]
pid = $w/fpm.pid
error_log = $w/fpm.log
daemonize = no
[beiancheck]
listen = 127.0.0.1:$port
pm = static
pm.max_children = 2
catch_workers_output = yes
php_admin_flag[log_errors] = on
php_admin_value[error_log] = $w/php-errors.log
CONF
# -c: our php.ini (Debian's conf.d, which loads opcache and ffi, is still read); -R: root is fine here.
LD_LIBRARY_PATH=$libdir "$fpm" -c "$w/php.ini" -y "$w/fpm.conf" -F -R > "$w/fpm.out" 2>&1 &
master=$!
for _ in $(seq 100); do
  grep -q "ready to handle connections" "$w/fpm.log" 2>/dev/null && break
  kill -0 "$master" 2>/dev/null || break
  sleep 0.1
done
grep -q "ready to handle connections" "$w/fpm.log" 2>/dev/null || { cat "$w/fpm.out" "$w/fpm.log" >&2; echo "php-fpm did not start" >&2; exit 1; }

api=$here/tests/fpm/api.php
# fcgi OUT QUERY [BODY-FILE]: one request; the raw response (headers, blank line, body) in OUT.
fcgi() {
  if [ -n "${3:-}" ]; then
    env -i REQUEST_METHOD=POST CONTENT_TYPE=application/json CONTENT_LENGTH="$(stat -c %s "$3")" \
      SCRIPT_FILENAME="$api" QUERY_STRING="$2" cgi-fcgi -bind -connect "127.0.0.1:$port" < "$3" > "$1"
  else
    env -i REQUEST_METHOD=GET SCRIPT_FILENAME="$api" QUERY_STRING="$2" cgi-fcgi -bind -connect "127.0.0.1:$port" < /dev/null > "$1"
  fi
}
mkdir -p "$w/raw" "$w/fpm" "$w/cli"
fcgi "$w/raw/probe" "op=probe"
for app in "$apps"/*.json; do
  fcgi "$w/raw/$(basename "$app")" "op=check" "$app"
done
# Domains (a hostile name among them) and a materials query, against the CLI's --json answers.
domains=("example.io" "例子.中国" "example.gov.cn" "<script>alert(1)</script>.com" "xn--" "")
for i in "${!domains[@]}"; do
  printf '%s' "${domains[$i]}" > "$w/domain-$i"
  fcgi "$w/raw/domain-$i.json" "op=domain" "$w/domain-$i"
  "$cli" domain --json -- "${domains[$i]}" | head -c -1 > "$w/cli/domain-$i.json" || true
done
printf '%s' "例子.中国" > "$w/domain-x"
fcgi "$w/raw/domain-sh.json" "op=domain&subject=individual&province=SH" "$w/domain-x"
"$cli" domain --json --subject individual --province SH -- "例子.中国" | head -c -1 > "$w/cli/domain-sh.json" || true
printf '{"province":"SH","subject_kind":"individual"}' > "$w/materials-q"
fcgi "$w/raw/materials.json" "op=materials" "$w/materials-q"
"$cli" materials --json --province SH --subject individual > "$w/cli-materials.json"
# Identity numbers: a valid and an invalid one against the CLI's `id --json`, an unknown kind refused.
for v in 310104199001011233 310104199001011234; do
  printf '%s' "$v" > "$w/id-$v"
  fcgi "$w/raw/id-$v.json" "op=id&kind=resident_id&as_of=2026-01-01" "$w/id-$v"
  # The CLI adds the number itself ("value") at the end; beian_check_id's answer is the rest.
  "$cli" id --json --as-of 2026-01-01 resident_id "$v" | head -c -1 | sed 's/,"value":"[0-9Xx]*"}$/}/' > "$w/cli/id-$v.json" || true
done
fcgi "$w/raw/id-unknown" "op=id&kind=residentid" "$w/id-310104199001011233"
printf '{"province": "SH",\n' > "$w/malformed"
fcgi "$w/raw/malformed" "op=check" "$w/malformed"

python3 - "$w/raw" "$w/fpm" <<'PY'
import os, sys
raw, out = sys.argv[1:3]
for n in os.listdir(raw):
    data = open(os.path.join(raw, n), "rb").read()
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        sys.exit(f"php-fpm: no FastCGI response for {n}: {data[:300]!r}")
    status = next((l for l in head.split(b"\r\n") if l.lower().startswith(b"status:")), b"Status: 200")
    want = b"422" if n in ("malformed", "id-unknown") else b"200"
    if want not in status:
        sys.exit(f"php-fpm: {n}: {status.decode()} (want {want.decode()}): {body[:500]!r}")
    open(os.path.join(out, n), "wb").write(body)
PY
python3 - "$w/fpm/probe" "$version" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
if p["sapi"] != "fpm-fcgi": problems.append(f"sapi {p['sapi']}")
if p["ffi.enable"] != "preload": problems.append(f"ffi.enable={p['ffi.enable']}")
if "Beiancheck\\Engine" not in p["preloaded_classes"]: problems.append(f"Engine not preloaded: {p['preloaded_classes']}")
# The negative control: FFI from a file that is not preloaded must be refused, or this test
# would not show that the package works where plain FFI does not.
if not p["direct_ffi"].startswith("refused"): problems.append(f"direct FFI was {p['direct_ffi']}")
if p["version"] != sys.argv[2]: problems.append(f"version {p['version']}")
if problems: sys.exit("php-fpm probe: " + "; ".join(problems))
print(f"php-fpm: {p['sapi']}, ffi.enable={p['ffi.enable']}, {len(p['preloaded_classes'])} classes preloaded, direct FFI {p['direct_ffi'][:7]}")
PY
python3 "$here/../tests/same.py" php-fpm "$w/fpm" "$ref" > "$w/same.out" || { cat "$w/same.out"; exit 1; }
# same.py compares every file of its reference dir: give it the cases only, then the CLI's.
python3 - "$w/fpm" "$w/cli" <<'PY'
import os, sys
fpm, cli = sys.argv[1:3]
for n in sorted(os.listdir(cli)):
    a, b = open(os.path.join(fpm, n), "rb").read(), open(os.path.join(cli, n), "rb").read()
    if a != b:
        sys.exit(f"php-fpm: {n} differs from the CLI's --json answer:\n  {a[:300]!r}\n  {b[:300]!r}")
print(f"php-fpm: {len(os.listdir(cli))} domain and identity-number answers byte-identical to the CLI's")
PY
python3 - "$w/fpm/materials.json" "$w/cli-materials.json" <<'PY'
import json, sys
# The CLI wraps the checklist in its own envelope: the list itself must be the same.
a, b = (json.load(open(p, encoding="utf-8"))["materials"] for p in sys.argv[1:3])
assert a == b and a, f"php-fpm: materials differ from the CLI's: {a} vs {b}"
print(f"php-fpm: materials for SH/individual: the CLI's {len(a)} items")
PY
cat "$w/same.out"
python3 - "$w/fpm/malformed" <<'PY'
import json, sys
e = json.load(open(sys.argv[1], encoding="utf-8"))
assert e["exception"] == "Beiancheck\\MalformedInputException" and e["result"] == 7003, e
assert e["detail"]["code"] == "INPUT_MALFORMED" and e["detail"]["line"] == 2, e
print("php-fpm: malformed input answered 422, MalformedInputException, INPUT_MALFORMED at line 2")
PY
python3 - "$w/fpm/id-unknown" "$w/fpm/id-310104199001011234.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1], encoding="utf-8"))
assert e["exception"] == "Beiancheck\\InvalidArgumentException" and e["result"] == 7009, e
assert e["detail"]["code"] == "INVALID_ARGUMENT" and e["detail"]["path"] == "kind", e
bad = json.load(open(sys.argv[2], encoding="utf-8"))
assert bad["valid"] is False and bad["reason"] == "CHECK_DIGIT", bad
print("php-fpm: checkId: an invalid number answered (CHECK_DIGIT), an unknown kind 422, InvalidArgumentException 7009")
PY
kill "$master"
wait "$master" 2>/dev/null || true
master=""
if [ -s "$w/php-errors.log" ]; then
  cat "$w/php-errors.log" >&2
  echo "php-fpm: the workers logged errors" >&2
  exit 1
fi
echo "php: ok"
