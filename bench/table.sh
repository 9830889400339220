#!/usr/bin/env bash
# bench/table.sh RESULTS ORDERS CORES: the table of bench/run.sh from its "name value" lines.
# Each row: what is measured, Steward's figure, the baseline measured in the same run, the ratio,
# the goal (issue 7), and whether it is met. Figures without a baseline are compared with their
# goal directly.
set -euo pipefail
awk -v orders="$2" -v cores="$3" '
  { v[$1] = $2 }
  function fmt(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.2f", x) }
  function row(what, value, unit, base, base_name, goal_op, goal, goal_text,   ratio, met, subject) {
    if (!(value in v) && value !~ /^[0-9.]+$/) { printf "| %s | not measured | | | %s | - |\n", what, goal_text; return }
    x = (value in v) ? v[value] : value
    ratio = ""
    subject = x
    if (base != "") { ratio = x / v[base]; subject = ratio; ratio = sprintf("%.2fx", ratio) }
    met = goal_op == "" ? "-" : (goal_op == ">=" ? subject >= goal : subject < goal) ? "yes" : "**no**"
    printf "| %s | %s %s | %s | %s | %s | %s |\n", what, fmt(x), unit,
      base == "" ? "" : fmt(v[base]) " " base_name, ratio, goal_text, met
  }
  END {
    print "| scenario | Steward | baseline | ratio | goal | met |"
    print "|---|---|---|---|---|---|"
    row("GET /api/v1/health", "health.rps", "req/s", "nginx.rps", "req/s nginx", ">=", 0.5, ">= 0.5x nginx")
    row("create a work order, synchronous=FULL", "create.rps", "orders/s", "raw.normal", "orders/s raw loop NORMAL", ">=", 1.0, ">= 1.0x raw NORMAL")
    row("create a work order vs raw loop FULL", "create.rps", "orders/s", "raw.full", "orders/s raw loop FULL", "", 0, "(for reference)")
    row("create a work order, p99", "create.p99", "ms", "", "", "<", 20, "< 20 ms")
    row("raw loop, 100 orders per transaction", "raw.full_batch100", "orders/s", "", "", "", 0, "(baseline)")
    per_core = ("list.rps" in v) ? v["list.rps"] / cores : ""
    row("list open orders, page of 20, per core", per_core, "req/s", "", "", ">=", 2000, ">= 2000 req/s per core")
    row("list open orders, p99", "list.p99", "ms", "", "", "<", 20, "< 20 ms")
    row("list p95 at " orders " vs at the small size", "list.p95", "ms", "list_small.p95", "ms small", "<", 1.5, "< 1.5x")
    row("project dashboard, p95", "dashboard_project.p95", "ms", "", "", "<", 50, "< 50 ms")
    row("company dashboard, p95", "dashboard_company.p95", "ms", "", "", "<", 500, "< 500 ms")
    row("import orders from CSV", "import.rows_per_s", "rows/s", "", "", ">=", 50000, ">= 50000 rows/s")
    row("import, last 100k orders vs the first", "import.last_rows_per_s", "rows/s", "import.first_rows_per_s", "rows/s first", ">=", 0.667, ">= 0.67x (1.5x the time)")
    row("data generator", "gen.big.rows_per_s", "rows/s", "", "", ">=", 100000, ">= 100000 rows/s")
    row("memory idle", "mem.idle_mb", "MB", "", "", "<", 50, "< 50 MB")
    row("memory under load (peak)", "mem.peak_mb", "MB", "", "", "<", 256, "< 256 MB")
  }' "$1"
