#!/usr/bin/env bash
# The HTML report (`beiancheck batch --report`) in headless Chromium: installs Debian's
# chromium when it is missing, then runs cli/tests/report.rs, which must not skip.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium is missing: installing it (apt-get)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
chromium --version
BEIANCHECK_REQUIRE_CHROMIUM=1 cargo test -q --locked -p beiancheck-cli --test report
