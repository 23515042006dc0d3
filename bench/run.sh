#!/usr/bin/env bash
# CrampCare benchmarks (see BENCHMARKS.md).
#   bench/run.sh [all]      every scenario below, in this order, one results folder
#   bench/run.sh footprint  each service's time from process start to ready (median of 3), and RSS at rest; the same
#                           start without the AOT cache, and with C1 only, for comparison
#   bench/run.sh latency    open model at fixed rates (BENCH_RATES, "50 100 150 200 500 1000"): POST accepted -> advice
#                           committed and -> first nudge planned, p50/p99/p99.9, until it saturates; RSS and CPU
#                           per report of every process, and per thread group (JIT, GC, event loop, workers, relay,
#                           Kafka client); commits and WAL bytes per report; events per relay transaction and records
#                           per consumer transaction; latency.svg
#   bench/run.sh dispatcher 1,000,000 due nudges fired by one and by two reminder replicas (bench/dispatcher.sh)
#   bench/run.sh rollforward the reminder's and PostgreSQL's CPU per minute at rest, empty and with 100,000 users and
#                           50,000 workouts (bench/rollforward.sh)
#   bench/run.sh intake     accepted reports/s with 8 and 32 clients (whole stack, then intake alone), each intake-alone
#                           point right after pgbench running intake's own statements at the same concurrency
# Uses the local stack (starts it if it is not running, and then stops it again); results go to
# bench/results/<time>-<scenario>/ as JSON plus summary.md (gitignored). Environment: BENCH_SECONDS (20),
# BENCH_WARMUP (5), BENCH_PRIME_SECONDS (150), BENCH_PRIME_RATE (80), BENCH_RATES, BENCH_SECOND_REPLICA (latency with
# a second instance of these services, e.g. "advice reminder"), BENCH_NUDGES (1000000), BENCH_AUTOVACUUM (on or off:
# the server's autovacuum for the run, as production has it on; ALTER SYSTEM, restored at the end), and the
# stack's own (PGHOST, CRAMPCARE_DB, ports...).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
scenario=${1:-all}
seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-5}
prime_seconds=${BENCH_PRIME_SECONDS:-150}
prime_rate=${BENCH_PRIME_RATE:-80}
rates=${BENCH_RATES:-50 100 150 200 500 1000}
out=$here/results/$(date -u +%Y%m%dT%H%M%SZ)-$scenario
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export CRAMPCARE_STATE=${CRAMPCARE_STATE:-$root/.stack}
database=${CRAMPCARE_DB:-crampcare}
intake_url=http://127.0.0.1:${INTAKE_PORT:-8081}
bench_db=crampcare_bench
classpath="$here/target/bench.jar:$here/target/lib/*"

say() { echo "bench: $*"; }
die() { echo "bench: $*" >&2; exit 1; }
report() { python3 "$here/report.py" "$@"; }

case "${BENCH_AUTOVACUUM:-}" in ""|on|off) ;; *) die "BENCH_AUTOVACUUM must be on or off" ;; esac
case "$scenario" in all|footprint|latency|dispatcher|intake|rollforward) ;; *)
  die "unknown scenario '$scenario' (known: all footprint latency dispatcher intake rollforward)" ;; esac
command -v pgbench >/dev/null || die "pgbench not found (Debian: apt-get install postgresql-client)"
mkdir -p "$out"

if [ ! -f "$here/target/bench.jar" ] || [ -n "$(find "$here/src" -newer "$here/target/bench.jar" -type f | head -1)" ]; then
  say "building the load generator"
  (cd "$root" && flock 9 && ./mvnw -q -B -ntp -pl bench package) 9>"${TMPDIR:-/tmp}/crampcare-build.lock" \
    || die "build of bench failed"
fi

started_stack=no
if ! "$root/stack" status >/dev/null 2>&1; then
  "$root/stack" status >/dev/null 2>&1 || "$root/stack" down >/dev/null 2>&1 || true # a half-up stack: start clean
  "$root/stack" up
  started_stack=yes
fi
# BENCH_AUTOVACUUM=on: the run with autovacuum, as production runs it (this server has it off, and the bench then
# vacuums between runs instead, see stand_in_for_autovacuum). Set with ALTER SYSTEM and a reload, and put back at the
# end: what postgresql.auto.conf said before, or nothing. A run killed hard leaves it set (`ALTER SYSTEM RESET
# autovacuum; SELECT pg_reload_conf()` undoes it).
autovacuum_before=
set_autovacuum() {
  [ -n "${BENCH_AUTOVACUUM:-}" ] || return 0
  [ "$(psql -d postgres -qAtc "SHOW autovacuum")" != "$BENCH_AUTOVACUUM" ] || return 0
  autovacuum_before=$(psql -d postgres -qAtc "SELECT coalesce((SELECT setting FROM pg_file_settings
                        WHERE name = 'autovacuum' AND sourcefile LIKE '%postgresql.auto.conf'), 'RESET')")
  psql -d postgres -qc "ALTER SYSTEM SET autovacuum = $BENCH_AUTOVACUUM" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1 # the reload is asynchronous
  say "autovacuum $(psql -d postgres -qAtc "SHOW autovacuum") for this run (put back at the end)"
}
restore_autovacuum() {
  [ -n "$autovacuum_before" ] || return 0
  if [ "$autovacuum_before" = RESET ]; then
    psql -d postgres -qc "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" >/dev/null
  else
    psql -d postgres -qc "ALTER SYSTEM SET autovacuum = $autovacuum_before" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  autovacuum_before=
}
sampler=
cleanup() {
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
  declare -F stop_second_replicas >/dev/null && stop_second_replicas
  restore_autovacuum || true
  [ "$started_stack" = yes ] && "$root/stack" down >/dev/null || true
}
trap cleanup EXIT
set_autovacuum
# An admin token (it posts for many users), minted where it is used: a token lives at most an hour (the services'
# maximum lifetime) and a whole run takes longer.
token() { "$root/stack" token bench admin; }

# --- the processes of the stack, their CPU time and memory ----------------------------------------------------

# "name pid" for each running instance of a service (extra replicas under the service's name) and the broker;
# PostgreSQL is counted as all its processes together.
stack_pids() {
  local file name pid
  for file in "$CRAMPCARE_STATE"/run/*.pid; do
    [ -f "$file" ] || continue
    name=$(basename "$file" .pid) pid=$(cat "$file")
    kill -0 "$pid" 2>/dev/null && echo "${name%@*} $pid" # not when stopped
  done
  echo "kafka $(cat "$CRAMPCARE_STATE/kafka/kafka.pid")"
}
# A JSON object of "$1" (cpu_ms or rss_mb) per process name, summed over a service's replicas.
per_process_json() {
  local name pid
  stack_pids | while read -r name pid; do echo "$name $("$1" "$pid")"; done \
    | awk '{ sum[$1] += $2 } END { for (n in sum) printf "\"%s\": %d, ", n, sum[n] }'
}
. "$here/cpu.sh" # cpu_ms, postgres_cpu_ms
rss_mb() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$1/status" 2>/dev/null || echo 0; }
# A JSON object of CPU ms per process now, for report.py to subtract.
cpu_snapshot() { echo "{$(per_process_json cpu_ms)\"postgres\": $(postgres_cpu_ms)}"; }
# What explains a point's CPU (report.py turns them into per-report figures): "$1"-threads.json, every thread's CPU
# of each service instance and the broker; "$1"-database.json, PostgreSQL's commits and rollbacks in the stack's
# database and the WAL position (WAL is cluster-wide: the lock keeps other work off this server meanwhile); and
# "$1"-meters.txt, the relay's and the consumers' counters from each instance's /q/metrics, one "service line" each.
# pg_stat_database lags a busy backend by up to a second (PostgreSQL 15 flushes its counters at most once a second).
explain_snapshot() {
  local name pid file instance port metrics_token
  { echo "{"
    stack_pids | while read -r name pid; do echo "\"$pid\": {\"name\": \"$name\", \"cpu\": $(threads_cpu_json "$pid")},"; done
    echo "\"t\": 0}"; } > "$1-threads.json"
  psql -d "$database" -qAtc "SELECT json_build_object('xactCommit', xact_commit, 'xactRollback', xact_rollback,
                               'walLsn', pg_current_wal_lsn()::text)
                             FROM pg_stat_database WHERE datname = current_database()" > "$1-database.json"
  metrics_token=$("$root/stack" token bench metrics)
  : > "$1-meters.txt"
  for file in "$CRAMPCARE_STATE"/run/*.pid; do
    [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null || continue
    instance=$(basename "$file" .pid) name=${instance%@*}
    case $instance in *@*) port=${instance#*@} ;; intake) port=${INTAKE_PORT:-8081} ;;
      advice) port=${ADVICE_PORT:-8082} ;; reminder) port=${REMINDER_PORT:-8083} ;; *) continue ;; esac
    # Counted: events published and claims per relay; records consumed; and the consumers' summary of records per
    # transaction (crampcare_events_transaction_size).
    curl -s -m 5 -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$port/q/metrics" \
      | grep -E '^crampcare_(outbox_published_total|outbox_claims_total|events_consumed_total|events_transaction_size)' \
      | sed "s/^/$name /" >> "$1-meters.txt" || true
  done
}
# Samples every process's RSS each second into $1 (JSON lines) until killed.
start_rss_sampler() {
  ( while true; do echo "{$(per_process_json rss_mb)\"t\": 0}" >> "$1"; sleep 1; done ) &
  sampler=$!
}
stop_rss_sampler() { kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=; }

# Waits until the stack has no work left from before (reports without advice, advice the reminder has not seen,
# unsent outbox rows): a measurement must not pay for an earlier run's backlog. A count that stops moving is work
# that will never drain here (e.g. events parked on a dead-letter topic): reported, then ignored.
await_quiet() {
  local deadline=$((SECONDS + 600)) backlog last=-1 still=0
  while backlog=$(psql -d "$database" -qAtc "
          SELECT (SELECT count(*) FROM intake.cramp_report) - (SELECT count(*) FROM advice.advice)
               + (SELECT count(*) FROM advice.advice)
               - (SELECT count(*) FROM reminder.processed_event WHERE topic = 'advice')
               + (SELECT count(*) FROM intake.outbox_event WHERE sent_at IS NULL)
               + (SELECT count(*) FROM advice.outbox_event WHERE sent_at IS NULL)
               + (SELECT count(*) FROM reminder.outbox_event WHERE sent_at IS NULL)") && [ "$backlog" -gt 0 ]; do
    if [ "$backlog" = "$last" ]; then still=$((still + 1)); else still=0; last=$backlog; fi
    if [ $still -ge 3 ]; then say "$backlog events of earlier work are not moving (dead-lettered?); going on"; break; fi
    [ $SECONDS -lt $deadline ] || die "the stack still has $backlog events of earlier work after 600 s"
    say "waiting for $backlog events of earlier work to drain"
    sleep 5
  done
  stand_in_for_autovacuum
}

# With autovacuum off (as on the machine these figures come from) nothing removes dead rows or refreshes the
# planner's statistics, and every run would pay for the ones before it (each report replaces planned nudges). Do
# between runs what autovacuum does in production.
stand_in_for_autovacuum() {
  [ "$(psql -d "$database" -qAtc "SHOW autovacuum")" = off ] || return 0
  psql -d "$database" -qc "VACUUM (ANALYZE)"
}

# Freshly started JVMs take minutes to compile their hot code, and on two cores the JIT competes with the work: at
# 50 reports/s the first 12,000 reports cost each service two to three times the CPU that later ones do. Latency and
# the intake ceiling are measured on a stack that has seen BENCH_PRIME_SECONDS of load first.
prime() {
  await_quiet
  say "priming: $prime_rate reports/s for ${prime_seconds}s, so that the services' hot code is compiled"
  java -cp "$classpath" io.crampcare.bench.LoadGenerator open "$prime_rate" "$prime_seconds" 0 "$intake_url" "$(token)" \
    "$1/prime.json" >/dev/null
}

# --- scenarios --------------------------------------------------------------------------------------------------

# Start-up is CPU-bound: wait (up to 2 minutes) until the stack's processes together use under a fifth of a core,
# e.g. until JVMs started just before have finished compiling their start-up code.
await_idle_cpu() {
  local deadline=$((SECONDS + 120)) before after
  while [ $SECONDS -lt $deadline ]; do
    before=$(stack_cpu_total); sleep 5; after=$(stack_cpu_total)
    [ $((after - before)) -lt 1000 ] && return 0
  done
  say "the stack still uses $(( (after - before) / 5 )) ms of CPU per second; measuring anyway"
}
stack_cpu_total() {
  local name pid total=0
  while read -r name pid; do total=$((total + $(cpu_ms "$pid"))); done < <(stack_pids)
  echo $((total + $(postgres_cpu_ms)))
}

# Restarts one service the stack's way (its JDK 25 and AOT cache) with its JVM options plus the given ones
# (JAVA_OPTS_APPEND), the cache off when asked, and appends its time to ready to ready.jsonl as "variant".
restart_timed() {
  local svc=$1 variant=$2 extra_opts=${3:-} aot_cache=${4:-on} line
  "$root/stack" stop "$svc" >/dev/null
  await_idle_cpu
  line=$(CRAMPCARE_AOT_CACHE=$aot_cache JAVA_OPTS_APPEND="$extra_opts" "$root/stack" start "$svc" | grep "ready in")
  printf '{"service": "%s", "variant": "%s", "readyMs": %s, "quarkusStartedSeconds": %s}\n' "$svc" "$variant" \
    "$(sed -E 's/.*ready in ([0-9]+) ms.*/\1/' <<<"$line")" \
    "$(grep -o 'started in [0-9.]*s' "$CRAMPCARE_STATE/logs/$svc.log" | tail -1 | grep -o '[0-9.]*')" >> "$out/footprint/ready.jsonl"
}

footprint() {
  local dir=$out/footprint svc round
  mkdir -p "$dir"
  await_quiet
  say "footprint: restarting each service alone (the rest of the stack idle) and timing it to ready"
  for round in 1 2 3; do # start-up varies with what else the two cores do: the median of three
    for svc in intake advice reminder; do restart_timed "$svc" default; done
  done
  "$root/deploy/kafka/kafka.sh" await-groups advice-service reminder-service >/dev/null
  say "footprint: 15 s at rest, then RSS"
  sleep 15
  start_rss_sampler "$dir/rss-idle.jsonl"; sleep 3; stop_rss_sampler
  # What the AOT cache gives (the same start without it), and C1 only (less JIT work while starting; not the
  # default: it costs throughput, section 4), one start each.
  say "footprint: start-up variants (without the AOT cache; C1 only)"
  for svc in intake advice reminder; do
    restart_timed "$svc" no-aot-cache "" off
    restart_timed "$svc" c1-only "-XX:TieredStopAtLevel=1"
    restart_timed "$svc" default-again
  done
  "$root/deploy/kafka/kafka.sh" await-groups advice-service reminder-service >/dev/null
  report footprint "$dir" > "$dir/summary.md"
}

# Waits until every report in the accepted list has advice (or gives up), then until the reminder has planned from
# every advice (its processed-event log; planning an advice is one transaction). Both checks are cheap: they run
# inside the measured CPU window.
await_downstream() {
  local accepted=$1 deadline=$((SECONDS + 180)) advised unplanned last=-1 still=0
  while advised=$(psql -d "$database" -qAtc "SELECT count(*) FROM bench_accepted b JOIN advice.advice a USING (report_id)") \
        && [ "$advised" -lt "$accepted" ] && [ $SECONDS -lt $deadline ]; do sleep 1; done
  while [ $SECONDS -lt $deadline ] && [ $still -lt 3 ] \
        && unplanned=$(psql -d "$database" -qAtc "SELECT (SELECT count(*) FROM advice.advice)
                         - (SELECT count(*) FROM reminder.processed_event WHERE topic = 'advice')") \
        && [ "$unplanned" -gt 0 ]; do
    if [ "$unplanned" = "$last" ]; then still=$((still + 1)); else still=0; last=$unplanned; fi # dead-lettered
    sleep 1
  done
}

# BENCH_SECOND_REPLICA: services that run a second instance (./stack start SERVICE PORT, same jar and settings) for
# the latency runs, e.g. "advice reminder"; their CPU and RSS count under the service's name.
second_replicas=()
start_second_replicas() {
  local svc port=18080
  for svc in ${BENCH_SECOND_REPLICA:-}; do
    port=$((port + 1))
    "$root/stack" start "$svc" "$port" >/dev/null || die "could not start a second $svc on port $port"
    second_replicas+=("$svc@$port")
    say "latency: a second $svc runs on port $port"
  done
  [ ${#second_replicas[@]} -eq 0 ] || "$root/deploy/kafka/kafka.sh" await-groups advice-service reminder-service >/dev/null
}
stop_second_replicas() {
  local instance
  for instance in "${second_replicas[@]+"${second_replicas[@]}"}"; do "$root/stack" stop "$instance" >/dev/null || true; done
  second_replicas=()
}

latency() {
  local dir=$out/latency rate before accepted
  mkdir -p "$dir"
  start_second_replicas
  printf '{"secondReplicas": "%s", "autovacuum": "%s"}\n' "${BENCH_SECOND_REPLICA:-}" \
    "$(psql -d postgres -qAtc "SHOW autovacuum")" > "$dir/setup.json"
  prime "$dir"
  psql -d "$database" -qc "DROP TABLE IF EXISTS bench_accepted" \
    -c "CREATE TABLE bench_accepted (report_id uuid PRIMARY KEY, accepted_micros bigint NOT NULL)"
  for rate in $rates; do
    await_quiet
    say "latency: $rate reports/s for ${seconds}s after ${warmup}s warm-up"
    psql -d "$database" -qc "TRUNCATE bench_accepted"
    explain_snapshot "$dir/before-$rate"
    before=$(cpu_snapshot)
    start_rss_sampler "$dir/rss-$rate.jsonl"
    java -cp "$classpath" io.crampcare.bench.LoadGenerator open "$rate" "$seconds" "$warmup" "$intake_url" "$(token)" \
      "$dir/post-$rate.json" "$dir/accepted-$rate.csv" >/dev/null
    psql -d "$database" -qc "\\copy bench_accepted FROM '$dir/accepted-$rate.csv' WITH (FORMAT csv)"
    accepted=$(wc -l < "$dir/accepted-$rate.csv")
    await_downstream "$accepted"
    stop_rss_sampler
    # Before the bench's own queries below, which are not the stack's work.
    printf '{"before": %s, "after": %s}\n' "$before" "$(cpu_snapshot)" > "$dir/cpu-$rate.json"
    explain_snapshot "$dir/after-$rate"
    # Milliseconds from the 201 to the advice row's issued_at (set in the transaction that commits it), and to the
    # first nudge the reminder planned from that advice.
    psql -d "$database" -qAtc "
      WITH e2e AS (
        SELECT b.report_id,
               extract(epoch FROM a.issued_at - to_timestamp(b.accepted_micros / 1e6)) * 1000 AS advice_ms,
               extract(epoch FROM f.planned_at - to_timestamp(b.accepted_micros / 1e6)) * 1000 AS nudge_ms
        FROM bench_accepted b LEFT JOIN advice.advice a USING (report_id)
        -- One pass over the nudges (nothing indexes advice_id): a lookup per report made this query quadratic.
        LEFT JOIN (SELECT n.advice_id, min(n.planned_at) AS planned_at FROM reminder.nudge n
                   JOIN advice.advice x ON x.id = n.advice_id JOIN bench_accepted y USING (report_id)
                   GROUP BY n.advice_id) f ON f.advice_id = a.id)
      SELECT json_build_object('rate', $rate, 'accepted', count(*), 'advised', count(advice_ms),
        'withNudges', count(nudge_ms),
        'adviceMs', (SELECT json_build_object('p50', round(p[1]::numeric, 1), 'p99', round(p[2]::numeric, 1),
                                              'p99.9', round(p[3]::numeric, 1))
                     FROM (SELECT percentile_cont(ARRAY[0.5, 0.99, 0.999]) WITHIN GROUP (ORDER BY advice_ms) p FROM e2e) x),
        'nudgeMs', (SELECT json_build_object('p50', round(p[1]::numeric, 1), 'p99', round(p[2]::numeric, 1),
                                             'p99.9', round(p[3]::numeric, 1))
                    FROM (SELECT percentile_cont(ARRAY[0.5, 0.99, 0.999]) WITHIN GROUP (ORDER BY nudge_ms) p FROM e2e) x))
      FROM e2e" > "$dir/e2e-$rate.json"
    report latency-point "$dir" "$rate" || { say "latency: saturated at $rate reports/s; not going higher"; break; }
  done
  psql -d "$database" -qc "DROP TABLE IF EXISTS bench_accepted"
  declare -F stop_second_replicas >/dev/null && stop_second_replicas
  report latency "$dir" > "$dir/summary.md"
}

# pgbench on exactly intake's statements (bench/report-and-outbox.sql): the service's own schema (its Flyway
# migrations, intake's and service-support's, in version order) in a scratch database, prepared statements like
# PgJDBC's after its prepareThreshold, the same advisory lock, the same concurrency. The event's JSON is a parameter
# (-D) as intake sends it; pgbench would read its "...:30" as variables.
intake_pgbench_schema() {
  psql -d postgres -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" -c "CREATE DATABASE $bench_db"
  psql -d "$bench_db" -qc "CREATE SCHEMA intake"
  local file
  for file in $(ls "$root"/intake-service/src/main/resources/db/migration/V*.sql \
                   "$root"/service-support/src/main/resources/db/support/V*.sql \
                | awk -F/ '{ v = $NF; sub(/^V/, "", v); sub(/__.*/, "", v); gsub(/_/, ".", v); print v, $0 }' \
                | sort -V | cut -d' ' -f2); do
    PGOPTIONS="-c search_path=intake -c client_min_messages=warning" \
      psql -d "$bench_db" -q -v ON_ERROR_STOP=1 -f "$file" >/dev/null || die "migration $file failed in $bench_db"
  done
}
intake_pgbench() {
  local clients=$1 payload
  payload='{"reportId":"0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11","userId":"bench-1","occurredAt":"2026-11-25T07:30:00Z","receivedAt":"2026-11-25T07:31:00Z","muscle":"GLUTEUS_MAXIMUS","side":"LEFT","onset":"SUDDEN","severity":6,"durationSeconds":90,"context":"AFTER_EXERCISE","activity":{"type":"SQUATS","intensity":"HARD","minutes":45},"warmedUp":false,"stretchedAfter":false,"sweatingHeavily":true,"waterTodayMl":900,"visibleLump":null,"reliefBy":null,"symptoms":[],"newMedication":null,"bodyWeightKg":null,"notes":null,"hotEnvironment":null,"waterLastHourMl":null,"unaccustomedExercise":null,"takesStatin":null}'
  say "intake: pgbench on intake's statements, $clients clients, ${seconds}s"
  PGOPTIONS="-c search_path=intake" pgbench -n -M prepared -c "$clients" -j 2 -T "$seconds" -D payload="$payload" \
      -f "$here/report-and-outbox.sql" "$bench_db" > "$dir/pgbench-$clients.txt" 2>&1 \
    || { cat "$dir/pgbench-$clients.txt" >&2; die "pgbench failed"; }
  printf '{"clients": %s, "seconds": %s, "tps": %s}\n' "$clients" "$seconds" \
    "$(awk '/^tps/ {print int($3); exit}' "$dir/pgbench-$clients.txt")" > "$dir/pgbench-$clients.json"
}

intake() {
  local dir=$out/intake clients before
  mkdir -p "$dir"
  intake_pgbench_schema
  cp "$here/report-and-outbox.sql" "$dir/"
  prime "$dir"
  for clients in 8 32; do
    await_quiet
    say "intake: $clients clients, ${seconds}s after ${warmup}s warm-up"
    before=$(cpu_snapshot)
    java -cp "$classpath" io.crampcare.bench.LoadGenerator closed "$clients" "$seconds" "$warmup" "$intake_url" \
      "$(token)" "$dir/intake-$clients.json" >/dev/null
    printf '{"before": %s, "after": %s}\n' "$before" "$(cpu_snapshot)" > "$dir/cpu-$clients.json"
  done
  curl -s -H "Authorization: Bearer $(token)" "$intake_url/api/v1/admin/outbox" > "$dir/outbox-after.json"
  # Intake's own ceiling: advice and reminder stopped, so the cores carry only what accepting a report costs; they
  # take up the backlog afterwards (Kafka keeps it). pgbench runs right before each point, in the same minute, on
  # the same idle cores: the ratio of record is intake alone against it.
  await_quiet
  "$root/stack" stop advice >/dev/null
  "$root/stack" stop reminder >/dev/null
  for clients in 8 32; do
    intake_pgbench "$clients"
    say "intake alone: $clients clients, ${seconds}s after ${warmup}s warm-up"
    before=$(cpu_snapshot)
    java -cp "$classpath" io.crampcare.bench.LoadGenerator closed "$clients" "$seconds" "$warmup" "$intake_url" \
      "$(token)" "$dir/intake-alone-$clients.json" >/dev/null
    printf '{"before": %s, "after": %s}\n' "$before" "$(cpu_snapshot)" > "$dir/cpu-alone-$clients.json"
    say "intake alone: $(python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["acceptedPerSecond"]; p=json.load(open(sys.argv[2]))["tps"]; print("%d/s against pgbench %d tx/s: %d %%" % (i, p, round(100 * i / p)))' \
      "$dir/intake-alone-$clients.json" "$dir/pgbench-$clients.json")"
  done
  "$root/stack" start advice >/dev/null
  "$root/stack" start reminder >/dev/null
  say "intake: advice and reminder restarted; they take up the backlog (a later run waits for it)"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)"
  report intake "$dir" > "$dir/summary.md"
}

dispatcher() {
  await_quiet
  BENCH_OUT=$out/dispatcher "$here/dispatcher.sh"
}

rollforward() {
  await_quiet
  BENCH_OUT=$out/rollforward "$here/rollforward.sh"
}

if [ "$scenario" = all ]; then
  footprint; latency; dispatcher; intake; rollforward
else
  "$scenario"
fi
report summary "$out" > "$out/summary.md"
cat "$out/summary.md"
say "results in $out"
