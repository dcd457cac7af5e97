#!/usr/bin/env bash
# The test suite starts its own throwaway PostgreSQL 15 cluster with TimescaleDB and pgvector:
# make sure the server binaries exist and the two extensions are built into that tree.
# Under CI=true anything missing fails here; elsewhere the suite runs and skips, saying why, the
# tests that need what could not be installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="${PGFORM_PG_BIN:-/usr/lib/postgresql/15/bin}"
fail() {
  echo "$1" >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  echo "(continuing: the tests that need it are skipped)" >&2
  exit 0
}
as_root_apt() {
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "${apt_updated:-}" ]; then apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
if ! { [ -x "$bin/postgres" ] && [ -x "$bin/initdb" ]; }; then
  echo "installing PostgreSQL 15 for the test suite (apt-get)..." >&2
  as_root_apt postgresql-15 postgresql-contrib \
    || fail "PostgreSQL 15 server binaries not found in $bin: install postgresql-15 (or set PGFORM_PG_BIN)"
fi

# TimescaleDB and pgvector, built from the vendored sources by the shared build script.
build=""
for candidate in "${PGFORM_EXTENSIONS_BUILD:-}" "$root/../shared/tools/build-pg-extensions.sh" "$root/../../shared/tools/build-pg-extensions.sh"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then build=$candidate; break; fi
done
pg_config="$bin/pg_config"
lib=$("$pg_config" --pkglibdir 2>/dev/null || echo "$bin/../lib")
share=$("$pg_config" --sharedir 2>/dev/null || echo "$bin/../share")
if [ -f "$lib/timescaledb.so" ] && [ -f "$share/extension/timescaledb.control" ] \
  && [ -f "$lib/vector.so" ] && [ -f "$share/extension/vector.control" ]; then exit 0; fi
[ -n "$build" ] || fail "TimescaleDB/pgvector are not installed in $bin and build-pg-extensions.sh was not found (../shared/tools, or PGFORM_EXTENSIONS_BUILD)"
# The build needs the server headers and cmake; pg_config alone ships with the server package.
major=$("$bin/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/')
if [ ! -f "$("$pg_config" --includedir-server 2>/dev/null)/postgres.h" ] || ! command -v cmake >/dev/null 2>&1 \
  || ! command -v cc >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; then
  echo "installing postgresql-server-dev-$major, cmake and a C toolchain to build TimescaleDB and pgvector (apt-get)..." >&2
  as_root_apt "postgresql-server-dev-$major" cmake build-essential \
    || fail "cannot install postgresql-server-dev-$major, cmake and build-essential (needs root and apt-get) to build TimescaleDB and pgvector"
fi
echo "building TimescaleDB and pgvector into $bin (a few minutes, once)..." >&2
"$build" "$bin" >&2 || fail "building TimescaleDB and pgvector failed"
