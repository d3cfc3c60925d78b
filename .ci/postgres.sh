#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the storage test suite and prints the line to `eval`:
#   eval "$(.ci/postgres.sh)"   # sets CORROBORATE_TEST_POSTGRES=postgres://…
# Run as root on Debian bookworm (installs `postgresql` when missing) or as any user who can
# run initdb. Idempotent: a second run reuses the running server. Diagnostics go to stderr so
# that stdout holds only the export line.
set -euo pipefail

PGPORT="${CORROBORATE_PG_PORT:-54329}"
PGDIR="${CORROBORATE_PG_DIR:-/tmp/corroborate-pg}"
DB=corroborate_test
ROLE=corroborate
PASSWORD=corroborate

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  # Debian keeps the server binaries out of PATH; prefer PATH, then the newest versioned dir.
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/$name" ]; then echo "$dir/$name"; return; fi
  return 1
}

if ! find_bin initdb >/dev/null || ! find_bin pg_ctl >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root: install the Debian package postgresql"
    exit 1
  fi
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)
PSQL=$(find_bin psql)
PG_ISREADY=$(find_bin pg_isready)

# initdb refuses to run as root: run the server as the `postgres` user the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    local owner=postgres
    id "$owner" >/dev/null 2>&1 || useradd --system --home-dir "$PGDIR" --shell /bin/bash "$owner"
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

if "$PG_ISREADY" -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; then
  log "reusing the server on port $PGPORT"
else
  if [ ! -s "$PGDIR/data/PG_VERSION" ]; then
    log "creating a cluster in $PGDIR/data"
    mkdir -p "$PGDIR"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PGDIR"; fi
    as_owner "$INITDB" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2 \
      || as_owner "$INITDB" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >&2
  fi
  log "starting on 127.0.0.1:$PGPORT"
  # Test database only: durability is not needed, speed is.
  as_owner "$PG_CTL" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 start \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2
fi

psql_admin() { "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }

if [ "$(psql_admin -tA -d postgres -c "select 1 from pg_roles where rolname = '$ROLE'")" != 1 ]; then
  psql_admin -d postgres -c "create role $ROLE login password '$PASSWORD'" >&2
fi
if [ "$(psql_admin -tA -d postgres -c "select 1 from pg_database where datname = '$DB'")" != 1 ]; then
  psql_admin -d postgres -c "create database $DB owner $ROLE" >&2
fi

echo "export CORROBORATE_TEST_POSTGRES=postgres://$ROLE:$PASSWORD@127.0.0.1:$PGPORT/$DB"
