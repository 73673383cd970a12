#!/usr/bin/env bash
# ensure-chromium.sh — make sure Debian's Chromium is installed for the browser tests
# (playwright-core drives it; Playwright's own browsers cannot be downloaded here).
# Prints its path on stdout; everything else goes to stderr. Needs root for apt-get.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-chromium: installing chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends chromium >&2 || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends chromium >&2; }
fi
echo /usr/bin/chromium
