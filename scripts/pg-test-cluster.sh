#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the test suite, in a temporary directory, on loopback.
#   scripts/pg-test-cluster.sh start DIR [PORT]   prints the URL to put in STEWARD_TEST_PG_URL
#   scripts/pg-test-cluster.sh stop DIR
# Durability is switched off (fsync=off): the cluster lives for one test run.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
cmd=${1:?start or stop}
dir=${2:?directory}
port=${3:-55432}
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    "${as_pg[@]}" "$PGBIN/initdb" -D "$dir/data" -A trust -U steward -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1
    "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    "${as_pg[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U steward steward_test
    echo "postgresql://steward@127.0.0.1:$port/steward_test"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
