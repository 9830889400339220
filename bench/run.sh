#!/usr/bin/env bash
# `make bench`: Steward's speed against baselines measured in the same run on the same machine.
#   bench/run.sh                   1 million orders (about 10 minutes on 2 cores, after the build)
#   bench/run.sh --orders 10000000 the large run
#   bench/run.sh --smoke           a tiny run that only checks the harness works (part of make test)
#   bench/run.sh --build DIR       use the steward binaries already built in DIR
#   bench/run.sh --data DIR        keep the generated databases in DIR and reuse them next time
#   bench/run.sh --data DIR --prepare   only generate them (e.g. the 10 million ahead of a run)
# Prints one table: each figure, its baseline, the ratio and the goal (docs/performance.md).
# A full run also writes the table to bench/results/latest.md and into docs/performance.md
# between its bench markers; a smoke run only prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

orders=1000000
small=100000     # the list latency at this size is the yardstick for the large one
duration=10      # seconds per load scenario
build=""
data=""      # where generated databases are kept between runs ("": a temporary directory)
prepare=0
smoke=0
while [ $# -gt 0 ]; do
  case "$1" in
    --orders) orders=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --prepare) prepare=1; shift ;;
    --smoke) smoke=1; orders=3000; small=1000; duration=1; shift ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$prepare" = 0 ] || [ -n "$data" ] || { echo "bench/run.sh: --prepare needs --data DIR" >&2; exit 2; }
# The import scenario is one million orders (issue 7) whatever the size of the database.
imports=$((orders < 1000000 ? orders : 1000000))

scripts/install-deps.sh --bench
if [ -z "$build" ]; then
  build=build-release
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" --target steward steward_bench
fi
case "$build" in /*) ;; *) build="$root/$build" ;; esac
steward="$build/steward"
tool="$build/steward_bench"

work=$(mktemp -d /tmp/steward-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export BENCH_DIR="$root/bench"
results="$work/results"
: >"$results"

# result NAME VALUE: one measured figure (read by the table at the end).
result() { echo "$1 $2" >>"$results"; echo "  $1 = $2"; }
free_port() {  # a port nothing listens on
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
rss_mb() { awk -v k="$2" '$1 == k":" { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# wrk_run NAME CONNECTIONS SCRIPT URL: a timed load; records NAME.rps, NAME.p95, NAME.p99.
wrk_run() {
  local name=$1 conns=$2 script=$3 url=$4 line
  line=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -s "$BENCH_DIR/wrk/$script" "$url" | grep '^RESULT') || {
    echo "wrk failed for $name" >&2; exit 1; }
  local failed; failed=$(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$line")
  [ "$failed" = 0 ] || { echo "bench: $name: $failed requests failed ($line)" >&2; exit 1; }
  for k in rps p95 p99; do result "$name.$k" "$(sed -E "s/.* $k=([0-9.]+).*/\1/" <<<"$line")"; done
}

# serve DB DATA: starts steward on the database, waits until it answers; sets port and pid.
serve() {
  port=$(free_port)
  "$steward" serve --db "sqlite:$1" --data-dir "$2" --port "$port" --web-root "$work/none" \
    >"$work/serve-$port.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "steward did not start; its log:" >&2; cat "$work/serve-$port.log" >&2; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
login() {
  curl -fs -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"bench","password":"bench-password"}' | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

echo "== baselines: raw SQLite loop (order + event + audit per transaction)"
raw() {  # raw NAME ARGS...: orders/s of one raw loop on a fresh database
  local name=$1; shift
  local line
  line=$("$tool" raw-loop --db "sqlite:$work/raw-$name.db" --data-dir "$work/raw-$name" \
    --seconds "$duration" "$@" | tail -1)
  result "raw.$name" "$(sed -E 's/.*: ([0-9.]+) orders\/s$/\1/' <<<"$line")"
}
if [ "$prepare" = 0 ]; then
  raw full
  raw normal --normal
  raw full_batch100 --batch 100
fi

echo "== data: $orders orders over 500 projects and 3 years (and $small for the small list)"
# gen NAME ORDERS: generates a database (or reuses the one kept in --data); sets db, files and
# largest_id; records NAME.rows_per_s when it generated.
gen() {
  local dir=${data:-$work} line
  db="$dir/$1-$2.db" files="$dir/$1-$2-data"
  if [ -n "$data" ] && [ -f "$db.done" ]; then
    echo "reusing $db"
    line=$(cat "$db.done")
  else
    rm -rf "$db"* "$files"
    line=$("$tool" generate --db "sqlite:$db" --data-dir "$files" --orders "$2" | tee "$work/$1.gen")
    result "gen.$1.rows_per_s" "$(grep -E '^generated' <<<"$line" | sed -E 's/.*: ([0-9.]+) rows\/s$/\1/')"
    "$steward" rollups --db "sqlite:$db" --data-dir "$files" >/dev/null  # the dashboards' roll-ups
    echo "$line" >"$db.done"  # complete: a later run may reuse it
  fi
  largest_id=$(grep -E '^largest project' <<<"$line" | sed -E 's/.*\(id ([0-9]+)\)/\1/')
}
if [ -n "$data" ]; then
  case "$data" in /*) ;; *) data="$root/$data" ;; esac
  mkdir -p "$data"
fi
gen small "$small"
small_db=$db small_files=$files small_project=$largest_id
gen big "$orders"
big_db=$db big_files=$files big_project=$largest_id
[ "$prepare" = 0 ] || { echo "generated into $data"; exit 0; }

echo "== import: $imports orders from CSV into a fresh database (its company only)"
"$tool" generate --db "sqlite:$work/import.db" --data-dir "$work/import-data" --orders "$imports" \
  --csv "$work/orders.csv" >/dev/null
line=$("$steward" import-orders --db "sqlite:$work/import.db" --data-dir "$work/import-data" \
  "$work/orders.csv" 2>"$work/import.log") || { echo "the import failed:" >&2; tail -20 "$work/import.log" >&2; exit 1; }
echo "$line"
result import.rows_per_s "$(grep -E '^imported' <<<"$line" | sed -E 's/.*: ([0-9.]+) rows\/s$/\1/')"
result import.first_rows_per_s "$(grep -E '^first' <<<"$line" | sed -E 's/^first [0-9]+ orders: ([0-9.]+) rows\/s.*/\1/')"
result import.last_rows_per_s "$(grep -E '^first' <<<"$line" | sed -E 's/.*last [0-9]+ orders: ([0-9.]+) rows\/s$/\1/')"
rm -rf "$work/orders.csv" "$work/import.db"* "$work/import-data"

echo "== nginx: a fixed JSON body on loopback"
nginx_port=$(free_port)
mkdir -p "$work/nginx"
sed "s/@PORT@/$nginx_port/; s|@DIR@|$work/nginx|g" bench/nginx.conf >"$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pids+=("$!")
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$nginx_port/" >/dev/null 2>&1 && break; sleep 0.1; done
wrk_run nginx 32 get.lua "http://127.0.0.1:$nginx_port/"

echo "== steward on the small database: list latency at $small orders"
serve "$small_db" "$small_files"
TOKEN=$(login) wrk_run list_small 8 get.lua \
  "http://127.0.0.1:$port/api/v1/work-orders?projectId=$small_project&open=true&pageSize=20"
stop

echo "== steward on the large database"
serve "$big_db" "$big_files"
sleep 1
result mem.idle_mb "$(rss_mb "$pid" VmRSS)"
wrk_run health 32 get.lua "http://127.0.0.1:$port/api/v1/health"
export TOKEN; TOKEN=$(login)
wrk_run list 8 get.lua "http://127.0.0.1:$port/api/v1/work-orders?projectId=$big_project&open=true&pageSize=20"
place=$(sqlite3 "$big_db" "SELECT unit_id || ' ' || id FROM customer WHERE project_id = $big_project LIMIT 1")
PROJECT=$big_project UNIT=${place% *} CUSTOMER=${place#* } wrk_run create 16 create.lua \
  "http://127.0.0.1:$port/api/v1/work-orders"
wrk_run dashboard_project 8 get.lua "http://127.0.0.1:$port/api/v1/dashboards/projects/$big_project"
wrk_run dashboard_company 4 get.lua "http://127.0.0.1:$port/api/v1/dashboards/company"
result mem.peak_mb "$(rss_mb "$pid" VmHWM)"
stop

bench/table.sh "$results" "$orders" "$(nproc)" | tee "$work/table.md"
[ "$smoke" = 0 ] || exit 0  # a smoke run's figures are not worth keeping
mkdir -p bench/results
{ echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $orders orders."
  echo; cat "$work/table.md"; } >bench/results/latest.md
awk -v table="bench/results/latest.md" '
    /<!-- bench:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- bench:end -->/ { skip = 0 }
    !skip { print }' docs/performance.md >"$work/performance.md" && cp "$work/performance.md" docs/performance.md
