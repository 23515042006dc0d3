#!/usr/bin/env bash
# ./stack up, down, status, logs, reset, start and stop: the local stack's processes (the broker of deploy/kafka and
# the three packaged services) and its database. The settings: ./stack's header.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"
# shellcheck source=instances.sh
. "$here/instances.sh"

kafka=$root/deploy/kafka/kafka.sh
# Consumer groups that must hold partitions before the stack counts as up (one per consuming service).
consumer_groups=(advice-service reminder-service)

check_prerequisites() {
  check_java
  command -v psql >/dev/null || die "psql not found: install the PostgreSQL client (apt-get install postgresql-client)"
  command -v curl >/dev/null || die "curl not found: install it (apt-get install curl)"
  pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 3 \
    || die "PostgreSQL is not reachable at $PGHOST:$PGPORT: start it (e.g. pg_ctlcluster 15 main start) or set PGHOST/PGPORT"
  psql -d postgres -qAtc 'SELECT 1' >/dev/null 2>&1 \
    || die "cannot log in to PostgreSQL at $PGHOST:$PGPORT as $PGUSER: set PGUSER/PGPASSWORD to a superuser"
  local svc
  for svc in "${services[@]}"; do
    if ! service_pid "$svc" >/dev/null && port_in_use "${port[$svc]}"; then
      die "port ${port[$svc]} (the $svc service's) is taken by another process: stop it first (ss -ltnp | grep ${port[$svc]})"
    fi
  done
}

# The migrations, out of the services' start: each service's jar once with Flyway at start, exiting after its
# initialisation (quarkus.init-and-exit), the three side by side. Services start only when all three succeeded.
migrate() {
  local svc pids=() failed=()
  for svc in "${services[@]}"; do
    # shellcheck disable=SC2086 # java_opts holds several options
    QUARKUS_FLYWAY_MIGRATE_AT_START=true QUARKUS_INIT_AND_EXIT=true \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
    QUARKUS_DATASOURCE_USERNAME="${svc}_svc" QUARKUS_DATASOURCE_PASSWORD="${svc}_svc" \
    KAFKA_BOOTSTRAP_SERVERS=$kafka_bootstrap MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$keys_dir/public.pem" \
      "$java_bin" $java_opts $(aot_option "$svc") -jar "$(jar_of "$svc")" >"$state/logs/$svc-migrate.log" 2>&1 &
    pids+=($!)
  done
  for svc in "${services[@]}"; do
    wait "${pids[0]}" || failed+=("$svc")
    pids=("${pids[@]:1}")
  done
  [ ${#failed[@]} -eq 0 ] || { tail -n 15 "$state/logs/${failed[0]}-migrate.log" >&2
    die "migrating ${failed[*]} failed; logs: $state/logs/<service>-migrate.log"; }
  say "migrated the ${services[*]} schemas"
}

# The trained AOT caches (instances.sh, trained_cache_of): the three services started side by side up to ready and
# stopped, once per build. They also hold what runs after: Hibernate and Agroal, Vert.x, the Kafka clients joining
# their groups.
train() {
  local svc pending=()
  for svc in "${services[@]}"; do
    [ -f "$(trained_cache_of "$svc")" ] && [ "$(trained_cache_of "$svc")" -nt "$(jar_of "$svc")" ] || pending+=("$svc")
  done
  [ ${#pending[@]} -gt 0 ] || return 0
  [ "${CRAMPCARE_AOT_CACHE:-on}" != off ] || return 0
  say "training the AOT cache of ${pending[*]} (once per build: a start and a stop)"
  mkdir -p "$state/aot"
  for svc in "${pending[@]}"; do rm -f "$(trained_cache_of "$svc")"; training=yes start_service "$svc"; done
  wait_until_ready "${pending[@]}"
  for svc in "${pending[@]}"; do stop_service "$svc" >/dev/null; done
  for svc in "${pending[@]}"; do
    [ -f "$(trained_cache_of "$svc")" ] || say "no AOT cache from the $svc training start (see $state/logs/$svc.log); it starts with the build's"
  done
}

prepare_database() {
  if [ -z "$(psql -d postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
    psql -d postgres -qc "CREATE DATABASE \"$database\"" || die "cannot create database $database"
    say "created database $database"
  fi
  PGOPTIONS='-c client_min_messages=warning' psql -d "$database" -q -v ON_ERROR_STOP=1 -f "$root/deploy/postgres/init.sql" >/dev/null \
    || die "deploy/postgres/init.sql failed in database $database"
}

up() {
  local started=$SECONDS svc all_running=yes
  for svc in "${services[@]}"; do service_pid "$svc" >/dev/null || all_running=no; done
  if [ "$all_running" = yes ] && "$kafka" status >/dev/null 2>&1; then
    say "already running; nothing to do"
    status
    return 0
  fi
  mkdir -p "$state/logs" "$state/run"
  check_prerequisites
  "$here/build.sh"
  "$here/keys.sh"
  prepare_database
  "$kafka" start
  migrate
  train
  for svc in "${services[@]}"; do start_service "$svc"; done
  wait_until_ready
  # Ready HTTP is not enough for consumers: wait until their groups hold partitions.
  "$kafka" await-groups "${consumer_groups[@]}"
  say "up in $((SECONDS - started))s"
  for svc in "${services[@]}"; do
    printf '  %-9s http://localhost:%s  (Swagger UI /q/swagger-ui, health /q/health/ready, metrics /q/metrics)\n' "$svc" "${port[$svc]}"
  done
  printf '  %-9s %s\n' kafka "$kafka_bootstrap" postgres "$PGHOST:$PGPORT/$database"
  say "tokens: ./stack token USER (the API), ./stack token ops admin, ./stack token prometheus metrics (/q/metrics)"
}

down() {
  local svc file
  for file in "$state"/run/*@*.pid; do [ -f "$file" ] && stop_service "$(basename "$file" .pid)"; done
  for svc in "${services[@]}"; do stop_service "$svc"; done
  "$kafka" stop
}

status() {
  local svc pid healthy=yes
  for svc in "${services[@]}"; do
    if pid=$(service_pid "$svc"); then
      if is_ready "$svc"; then
        printf '  %-9s running (pid %s), ready   http://localhost:%s\n' "$svc" "$pid" "${port[$svc]}"
      else
        printf '  %-9s running (pid %s), NOT ready\n' "$svc" "$pid"; healthy=no
      fi
    else
      printf '  %-9s stopped\n' "$svc"; healthy=no
    fi
  done
  "$kafka" status | sed 's/^kafka: /  kafka     /' || healthy=no
  [ "$healthy" = yes ]
}

logs() {
  local name=${1:-}
  if [ -n "$name" ]; then
    [ -f "$state/logs/$name.log" ] || die "no log for '$name'; logs: $(ls "$state/logs" 2>/dev/null | tr '\n' ' ')"
    exec tail -n 50 -f "$state/logs/$name.log"
  fi
  local file
  for file in "$state"/logs/*.log; do
    [ -f "$file" ] || continue
    echo "==> $file <=="; tail -n 20 "$file"
  done
}

# Starts one instance on a running stack and reports how long it took to be ready (from the process start).
start_one() {
  local svc=$1 extra_port=${2:-} started
  [[ " ${services[*]} " == *" $svc "* ]] || die "unknown service '$svc' (known: ${services[*]})"
  "$kafka" status >/dev/null 2>&1 || die "the stack is not up: ./stack up first"
  [ -z "$extra_port" ] || svc=$svc@$extra_port
  service_pid "$svc" >/dev/null && { say "$svc already running"; return 0; }
  port_in_use "$(port_of "$svc")" && die "port $(port_of "$svc") is taken by another process"
  # No rebuild here: it would replace the jars under the services still running.
  [ -f "$(jar_of "$svc")" ] || die "$(jar_of "$svc") is missing: ./stack down, then ./stack up builds it"
  check_java
  started=$(date +%s%N)
  start_service "$svc"
  wait_until_ready "$svc"
  say "$svc ready in $(( ($(date +%s%N) - started) / 1000000 )) ms (pid $(service_pid "$svc"), http://localhost:$(port_of "$svc"))"
}

reset() {
  local svc
  for svc in "${services[@]}"; do
    service_pid "$svc" >/dev/null && die "the stack is running: ./stack down first"
  done
  "$kafka" status >/dev/null 2>&1 && die "the stack is running: ./stack down first"
  psql -d postgres -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" && say "dropped database $database"
  rm -rf "$state/kafka" && say "removed the broker's data"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  logs) logs "${2:-}" ;;
  reset) reset ;;
  start) [ -n "${2:-}" ] || die "usage: ./stack start SERVICE [PORT]"; start_one "$2" "${3:-}" ;;
  stop) [ -n "${2:-}" ] || die "usage: ./stack stop SERVICE[@PORT]"; stop_service "$2" ;;
  *) die "usage: $0 up|down|status|logs [NAME]|reset|start SERVICE [PORT]|stop SERVICE[@PORT]" ;;
esac
