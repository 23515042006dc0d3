#!/bin/bash
# Entry point of the PostgreSQL stand-in: what the official image's docker-entrypoint.sh does, for the settings
# CrampCare uses (see the Dockerfile).
set -euo pipefail
# Options alone are the server's (Testcontainers passes "-c fsync=off", "--max_prepared_transactions=100").
if [ "${1:0:1}" = - ]; then set -- postgres "$@"; fi
if [ "${1:-}" != postgres ]; then exec "$@"; fi

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

user=${POSTGRES_USER:-postgres}
database=${POSTGRES_DB:-$user}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != trust ]; then
    echo "postgres stand-in: set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS holds several options
  initdb --username="$user" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:-}") -D "$PGDATA" ${POSTGRES_INITDB_ARGS:-} >/dev/null
  # Inside the container: trust on the socket and loopback (initdb's default); everything else by password.
  printf '\nhost all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  # Init scripts run against a server that listens on the socket only, so nobody connects over TCP before they end.
  # Its log shows in the container's, as in the official image ("ready to accept connections" twice on a first start).
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$database" != postgres ]; then
    psql -v ON_ERROR_STOP=1 --username "$user" --no-password --dbname postgres -qc "CREATE DATABASE \"$database\""
  fi
  shopt -s nullglob
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sh) echo "postgres stand-in: running $file"; . "$file" ;;
      *.sql) echo "postgres stand-in: running $file"
             psql -v ON_ERROR_STOP=1 --username "$user" --no-password --dbname "$database" -q -f "$file" ;;
      *) echo "postgres stand-in: ignoring $file" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "postgres stand-in: database initialised"
fi
shift; exec postgres "$@"
