#!/usr/bin/env bash
# deploy/prepare-browser.sh: install Debian's chromium and chromium-driver (for the web view's browser test,
# e2e WebViewIT) if they are missing. Idempotent: does nothing when /usr/bin/chromium and /usr/bin/chromedriver are
# there. Needs root only when something is missing; exits non-zero, saying why, when it cannot install them.
set -euo pipefail

say() { echo "prepare-browser: $*" >&2; }

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  say "chromium or chromium-driver is missing and this is not root: apt-get install chromium chromium-driver"
  exit 1
fi
say "installing chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core fonts-liberation >/dev/null
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || { say "installed, but /usr/bin/chromium or /usr/bin/chromedriver is still missing"; exit 1; }
