#!/usr/bin/env bash
# Browser tests: a fresh demo database, the real server on a free port, Playwright driving
# Debian's Chromium against it. Called by CTest (make test).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
steward=${1:-$root/build/steward}
work=$(mktemp -d /tmp/steward-e2e.XXXXXX)
port=$((20000 + RANDOM % 20000))
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$steward" demo --db "sqlite:$work/e2e.db" --data-dir "$work" >/dev/null
"$steward" serve --db "sqlite:$work/e2e.db" --data-dir "$work" --port "$port" \
  --web-root "$root/web/dist" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break
  sleep 0.1
done
cd "$root/web"
STEWARD_URL="http://127.0.0.1:$port" npx playwright test
