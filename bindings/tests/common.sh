# Sourced by the bindings' test scripts: installing what is missing, timing, comparing.

# ensure COMMAND DEBIAN-PACKAGE...: installs the packages with apt-get when COMMAND is missing.
bindings_apt_updated=""
ensure() {
  local cmd=$1
  shift
  command -v "$cmd" >/dev/null && return 0
  echo "$cmd is missing: installing $* (apt-get)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  [ -n "$bindings_apt_updated" ] || { $sudo apt-get update -qq; bindings_apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# ensure_file PATH DEBIAN-PACKAGE...: the same, for a file (a jar) instead of a command.
ensure_file() {
  local f=$1
  shift
  [ -e "$f" ] && return 0
  echo "$f is missing: installing $* (apt-get)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  [ -n "$bindings_apt_updated" ] || { $sudo apt-get update -qq; bindings_apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

seconds() { date +%s.%N; }
took() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" "$1" "$(seconds)"; }
part() { printf -- '-- %s\n' "$*"; }

# A free TCP port on the loopback interface.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
