#!/usr/bin/env bash
# bindings/java on OpenJDK: the jar built by build.sh (javac --release 8), tests/EngineTest.java
# run on the JVM with Debian's JNA: every acceptance case byte-identical to the core, the typed
# Report view equal to the core's JSON read independently (Python), 8 threads sharing one
# engine, close() under load and a closed engine refused with EngineClosedException.
#
#   bindings/java/tests/run.sh LIBDIR APPS_DIR REF_DIR CLI
# Installs openjdk-17-jdk-headless and libjna-java when missing.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/../tests/common.sh"
[ $# -eq 4 ] || { echo "usage: bindings/java/tests/run.sh LIBDIR APPS_DIR REF_DIR CLI" >&2; exit 2; }
libdir=$(cd "$1" && pwd) apps=$2 ref=$3 cli=$4

ensure javac openjdk-17-jdk-headless
ensure_file /usr/share/java/jna.jar libjna-java

w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT

ver() { sed -n "s/^#define BEIAN_VERSION_$1 \([0-9]*\)$/\1/p" "$here/../../include/beiancheck.h"; }
version="$(ver MAJOR).$(ver MINOR).$(ver PATCH)"
for f in pom.xml build.gradle; do
  grep -q "$version" "$here/$f" || { echo "bindings/java/$f does not say version $version" >&2; exit 1; }
done

part "java: $(javac -version 2>&1), jar built with javac --release 8"
jar=$("$here/build.sh" "$w/build")
javac -encoding UTF-8 -cp "$jar" -d "$w/tests" "$here/tests/EngineTest.java"
mkdir -p "$w/out"
rules=$("$cli" rules --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
"$cli" rules --export "$w/pack.json" >/dev/null 2>&1
java -Djna.library.path="$libdir" -cp "$jar:/usr/share/java/jna.jar:$w/tests" EngineTest \
  "$apps" "$w/out" "$w/summary" "beiancheck/$version rules/$rules" "$w/pack.json"
python3 "$here/../tests/same.py" java "$w/out" "$ref"
# The typed view must say what the core's JSON says, read here without the binding's parser.
python3 - "$ref" "$w/summary" <<'PY'
import json, os, sys
ref, summary = sys.argv[1:3]
lines = []
for n in sorted(os.listdir(ref)):
    r = json.load(open(os.path.join(ref, n), encoding="utf-8"))
    codes = ",".join(f["code"] for f in r["findings"])
    mats = ",".join(m["code"] for m in r["materials"])
    lines.append(f"{n} {r['verdict']} {r['filing_type'] if r['filing_type'] is not None else 'null'} {r['as_of']} {codes} {mats}")
    if r["findings"]:
        f = r["findings"][0]
        lines.append(f"  {f['code']} {f['severity']} {f['path']} {f['message']['zh']} | {f['message']['en']}")
have = open(summary, encoding="utf-8").read().splitlines()
if have != lines:
    bad = next(i for i, (a, b) in enumerate(zip(have + [""], lines + [""])) if a != b)
    sys.exit(f"java: the typed Report view differs from the core's JSON at line {bad + 1}:\n  {have[bad] if bad < len(have) else ''}\n  {lines[bad] if bad < len(lines) else ''}")
print(f"java: the typed Report view (verdict, filing type, date, findings, materials) agrees with the core's JSON for {len(os.listdir(ref))} cases")
PY
echo "java: ok"
