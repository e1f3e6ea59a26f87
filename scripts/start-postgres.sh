#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for tests and benchmarks: a fresh cluster in $PGDATA_DIR
# listening on 127.0.0.1:$PGPORT, user postgres / password postgres. Installs Debian's
# postgresql when no server binaries are found. Prints the DATABASE_URL on its last line.
set -euo pipefail
PGPORT="${PGPORT:-5432}"
PGDATA_DIR="${PGDATA_DIR:-/tmp/precis-pg-$PGPORT}"

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return; }; done
  command -v pg_ctl >/dev/null 2>&1 && dirname "$(command -v pg_ctl)"
}
BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  echo "PostgreSQL not found; installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  echo "postgres://postgres:postgres@127.0.0.1:$PGPORT/postgres"
  exit 0
fi
rm -rf "$PGDATA_DIR"
mkdir -p "$PGDATA_DIR"
chown postgres "$PGDATA_DIR"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
pwfile="$(mktemp)"; echo postgres > "$pwfile"; chmod 644 "$pwfile"
as_pg "$BIN/initdb -D '$PGDATA_DIR' -U postgres --pwfile='$pwfile' -A scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
rm -f "$pwfile"
# Tuned for tests and benchmarks on a small machine; durability is not the point of this server.
as_pg "$BIN/pg_ctl -D '$PGDATA_DIR' -l '$PGDATA_DIR/server.log' -w -o \"-p $PGPORT -h 127.0.0.1 -k /tmp -c max_connections=300 -c shared_buffers=1GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null
echo "postgres://postgres:postgres@127.0.0.1:$PGPORT/postgres"
