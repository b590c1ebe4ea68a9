#!/usr/bin/env bash
# Installs what the report (`plot`) and its browser check need on a fresh Debian machine. Idempotent: installs
# only what is missing, and does nothing (no apt-get update either) when everything is there.
#
#   fontconfig, fonts-dejavu-core  Java draws chart text with the system's fonts; without any, AWT fails on the
#                                  first chart title (plot then says so in one line and exits 1).
#   chromium                       Debian's Chromium, for ReportInChromiumTest and scripts/check-report-in-chromium.sh
#                                  (headless: opens index.html, checks every chart loaded and the console is quiet).
#
# Needs root (apt-get). Usage: scripts/setup-report.sh
set -euo pipefail

packages=(fontconfig fonts-dejavu-core chromium)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup-report: already installed: ${packages[*]}"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-report: need root to install: ${missing[*]}" >&2
    exit 1
  fi
  echo "setup-report: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Java finds fonts through fontconfig's cache: build it if the install did not.
fc-list >/dev/null 2>&1 || fc-cache -f >/dev/null
echo "setup-report: fonts: $(fc-list | wc -l), chromium: $(command -v chromium || echo missing)"
