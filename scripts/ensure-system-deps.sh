#!/usr/bin/env bash
# Makes sure the real parts the tests drive are on this machine: Debian's Chromium and Firefox ESR (end-to-end
# tests), PostgreSQL (server tests run against it as well as against embedded PGlite), and a Japanese font so that
# the Japanese UI in the end-to-end screenshots shows text rather than empty boxes.
# As root on Debian it installs what is missing through apt; otherwise it says what is missing and how to get it.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)   # the Firefox stories (WebDriver BiDi)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v openssl >/dev/null || missing+=(openssl)   # the e2e fixture server's throwaway certificate
command -v unzip >/dev/null || missing+=(unzip)       # the package tests unpack the store archives
compgen -G '/usr/share/fonts/*/ipafont-gothic/*' >/dev/null || compgen -G '/usr/share/fonts/*/noto/NotoSansCJK*' >/dev/null \
  || missing+=(fonts-ipafont-gothic)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

echo "The test suite needs these system packages, which are missing: ${missing[*]}" >&2
echo "Install them as root on Debian/Ubuntu with:  apt-get install -y ${missing[*]}" >&2
echo "(chromium must be at /usr/bin/chromium, firefox-esr at /usr/bin/firefox-esr; postgresql must provide /usr/lib/postgresql/<version>/bin/initdb)" >&2
exit 1
