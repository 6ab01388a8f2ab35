#!/usr/bin/env bash
# Headless Chromium for the browser tests (Debian's package; Playwright drives it).
# Without root or apt the browser tests skip themselves with a reason.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests..."
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || echo "could not install chromium; browser tests will be skipped"
else
  echo "chromium not found and cannot be installed here; browser tests will be skipped"
fi
exit 0
