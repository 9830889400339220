#!/usr/bin/env bash
# The whole test suite: C++ unit, storage and API tests on SQLite and on a throwaway PostgreSQL
# 15 cluster, the web app's unit tests, and its browser tests against a real server.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
BUILD=${BUILD:-build}

pg_dir=$(mktemp -d /tmp/steward-pg.XXXXXX)
port=$((20000 + RANDOM % 20000))
cleanup() { "$root/scripts/pg-test-cluster.sh" stop "$pg_dir" || true; }
trap cleanup EXIT
export STEWARD_TEST_PG_URL=$(scripts/pg-test-cluster.sh start "$pg_dir" "$port")
echo "PostgreSQL for tests: $STEWARD_TEST_PG_URL"

cd "$BUILD"
ctest --output-on-failure --timeout 1800
