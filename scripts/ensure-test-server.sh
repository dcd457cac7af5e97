#!/usr/bin/env bash
# The test suite starts its own throwaway PostgreSQL 15 cluster; make sure the server binaries exist.
set -euo pipefail
bin="${PGFORM_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ -x "$bin/postgres" ] && [ -x "$bin/initdb" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing PostgreSQL 15 for the test suite (apt-get)..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-contrib >&2
  exit 0
fi
echo "PostgreSQL 15 server binaries not found in $bin: install postgresql-15 (or set PGFORM_PG_BIN)" >&2
exit 1
