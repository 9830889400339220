#!/usr/bin/env bash
# Installs what Steward needs and is not yet on this Debian 12 machine: Debian packages with
# apt-get, the web app's packages with npm. Safe to run again: it installs only what is missing.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also what the tests need (PostgreSQL 15, Chromium,
#                                    LibreOffice Calc without its GUI to open the exports, and
#                                    the benchmark tools for the harness's smoke run)
#   scripts/install-deps.sh --bench  also the benchmark tools (nginx as the baseline, wrk)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config libboost1.74-dev libsoci-dev libsqlite3-dev sqlite3
  libpq-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev libargon2-dev libssl-dev
  libgtest-dev libgmock-dev libxlsxwriter-dev libzip-dev libpugixml-dev)
case "${1:-}" in
  --test) packages+=(postgresql-15 chromium libreoffice-calc-nogui curl nginx wrk) ;;
  --bench) packages+=(curl nginx wrk) ;;
esac
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  # Packages must not start services (nginx would take port 80): Debian's policy-rc.d hook.
  no_start=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
    no_start=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  [ "$no_start" = 0 ] || "${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d
fi

# The web app's packages, exactly as locked, whenever the lock file is newer than the install.
if [ ! -f web/node_modules/.package-lock.json ] ||
   [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "installing the web app's npm packages"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
