#!/usr/bin/env bash
# Browser tests: a fresh demo database, the real server on a free port, Playwright driving
# Debian's Chromium against it. Called by CTest (make test).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
steward=${1:-$root/build/steward}
work=$(mktemp -d /tmp/steward-e2e.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$steward" demo --db "sqlite:$work/e2e.db" --data-dir "$work" >/dev/null
# The server on a port nothing listens on, up to three tries; the tests start only once it answers.
for attempt in 1 2 3; do
  while :; do
    port=$((20000 + RANDOM % 12000))  # below Linux's ephemeral range (32768-)
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  "$steward" serve --db "sqlite:$work/e2e.db" --data-dir "$work" --port "$port" \
    --web-root "$root/web/dist" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break 2
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "e2e: the server did not answer on port $port (try $attempt); its log:" >&2
  tail -20 "$work/server.log" >&2
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  [ "$attempt" = 3 ] && exit 1
done
cd "$root/web"
STEWARD_URL="http://127.0.0.1:$port" npx playwright test || {
  rc=$?
  kill -0 "$server_pid" 2>/dev/null || echo "e2e: the server is no longer running; the end of its log:" >&2
  tail -20 "$work/server.log" >&2
  exit "$rc"
}
