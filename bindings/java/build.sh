#!/usr/bin/env bash
# Builds the jar with javac alone (no Maven or Gradle needed; pom.xml and build.gradle are for
# projects that pull the jar in their own build). Java 8 bytecode (--release 8), JNA on the
# classpath: Debian's libjna-java (/usr/share/java/jna.jar), or JNA_JAR.
#
#   bindings/java/build.sh OUTDIR      → OUTDIR/beiancheck-VERSION.jar
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: bindings/java/build.sh OUTDIR" >&2; exit 2; }
out=$(mkdir -p "$1" && cd "$1" && pwd)
jna=${JNA_JAR:-/usr/share/java/jna.jar}
[ -f "$jna" ] || { echo "JNA not found at $jna (apt-get install libjna-java, or set JNA_JAR)" >&2; exit 1; }
ver() { sed -n "s/^#define BEIAN_VERSION_$1 \([0-9]*\)$/\1/p" "$here/../../include/beiancheck.h"; }
version="$(ver MAJOR).$(ver MINOR).$(ver PATCH)"
rm -rf "$out/classes"
javac --release 8 -Xlint:all -Werror -encoding UTF-8 -cp "$jna" -d "$out/classes" $(find "$here/src/main/java" -name '*.java')
jar --create --file "$out/beiancheck-$version.jar" -C "$out/classes" .
echo "$out/beiancheck-$version.jar"
