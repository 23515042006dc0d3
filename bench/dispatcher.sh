#!/usr/bin/env bash
# CrampCare benchmark, scenario 3 (see bench/BENCHMARKS.md): the nudge dispatcher with a backlog of due nudges.
#   bench/dispatcher.sh     seeds BENCH_NUDGES nudges, all PLANNED and due a minute or two ago (inside every kind's
#                           grace, so they fire rather than expire), then runs 1 and then 2 reminder replicas on them
#                           and reports nudges fired per second, duplicates (must be 0) and how long the outbox relay
#                           took to publish them all.
# Uses the local stack (starts it if it is not running, and then stops it again) and honours the same environment as
# ./stack (CRAMPCARE_STATE, CRAMPCARE_DB, KAFKA_PORT, REMINDER_PORT, JAVA_OPTS, PGHOST...). The stack's own reminder
# service is stopped for the measurement (nothing may fire while seeding) and started again at the end. Replica i
# runs the packaged reminder service on port REMINDER_PORT + i, with the environment ./stack gives it.
# Seeded rows belong to users "bench-dispatch-*" and are deleted at the end (they also go to the nudges topic:
# about 1 KB per nudge in the broker's data). Results: JSON per run plus summary.md in BENCH_OUT.
# Environment: BENCH_NUDGES (1000000), BENCH_USERS (10000), BENCH_REPLICAS ("1 2"), BENCH_TIMEOUT (seconds per
# run, 1800), BENCH_OUT (bench/results/<time>-dispatcher).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
nudges=${BENCH_NUDGES:-1000000}
users=${BENCH_USERS:-10000}
replica_counts=${BENCH_REPLICAS:-1 2}
timeout=${BENCH_TIMEOUT:-1800}
out=${BENCH_OUT:-$here/results/$(date -u +%Y%m%dT%H%M%SZ)-dispatcher}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
state=${CRAMPCARE_STATE:-$root/.stack}
database=${CRAMPCARE_DB:-crampcare}
reminder_port=${REMINDER_PORT:-8083}
prefix=bench-dispatch-

say() { echo "bench: $*"; }
die() { echo "bench: $*" >&2; exit 1; }

[[ $nudges =~ ^[1-9][0-9]*$ && $users =~ ^[1-9][0-9]*$ ]] || die "BENCH_NUDGES and BENCH_USERS must be positive integers"
mkdir -p "$out"

sql() { psql -d "$database" -qAtX -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))" "$1" "$2"; }
thousands() { python3 -c "import sys; print(f'{int(sys.argv[1]):,}')" "$1"; }

started_stack=no
# Status first, grep after: grep -q quitting early would fail the pipeline (SIGPIPE under pipefail).
stack_status=$("$root/stack" status 2>/dev/null || true)
if ! grep -q "reminder .*, ready" <<<"$stack_status"; then
  "$root/stack" up
  started_stack=yes
fi

# The stack's reminder would fire the seed as it is written: stop it for the measurement.
say "stopping the stack's reminder service for the measurement"
"$root/stack" stop reminder >/dev/null
stack_reminder_stopped=yes

# Replicas are extra instances of the stack's reminder (./stack start reminder PORT): same jar, same settings.
replica_ports=()
stop_replicas() {
  local port
  for port in "${replica_ports[@]+"${replica_ports[@]}"}"; do "$root/stack" stop "reminder@$port" >/dev/null || true; done
  replica_ports=()
}

remove_seed() {
  sql -c "DELETE FROM reminder.nudge WHERE user_id LIKE '$prefix%'" \
      -c "DELETE FROM reminder.outbox_event WHERE message_key IN
            (SELECT subject_ref::text FROM privacy.subject_key WHERE user_id LIKE '$prefix%')" \
      -c "DELETE FROM reminder.preferences WHERE user_id LIKE '$prefix%'"
  # Each run starts from the same physical state: no dead rows or index entries left by the run before.
  sql -c "VACUUM ANALYZE reminder.nudge" -c "VACUUM ANALYZE reminder.outbox_event"
}

cleanup() {
  stop_replicas
  remove_seed || true
  if [ "$started_stack" = yes ]; then
    "$root/stack" down >/dev/null || true
  elif [ "$stack_reminder_stopped" = yes ]; then
    "$root/stack" start reminder >/dev/null || say "could not start the stack's reminder again: ./stack start reminder"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# This server may run without autovacuum (the machine in bench/BENCHMARKS.md does): then nothing refreshes the planner's
# statistics while a million rows arrive, and the outbox relay keeps a plan made for an empty outbox_event, which
# reads every unsent row per batch. Analyze every 10 s during a run, as autovacuum would.
autovacuum=$(sql -c "SHOW autovacuum")

# Users with stored preferences (four time zones, awake all day: the dispatcher withdraws a drink nudge that falls
# outside the waking window, and with 07:00-22:00 how many fired depended on the hour the bench ran at), then their
# nudges in one statement: every kind, due between 1
# and 2 minutes ago, inside the shortest grace (warm-up, 10 min) even when a run takes a few minutes. Workout
# kinds need distinct workouts (one nudge per kind and occurrence).
seed() {
  sql <<SQL
INSERT INTO reminder.preferences (user_id, time_zone, waking_start, waking_end, daily_cap, kinds, version, updated_at)
SELECT '$prefix' || u, (ARRAY['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'])[u % 4 + 1], '00:00',
       '23:59', 8, 'HYDRATION,PRE_EXERCISE_HYDRATION,WARM_UP,STRETCH', 1, now()
FROM generate_series(0, $users - 1) AS u;
INSERT INTO reminder.nudge (id, user_id, kind, due_at, local_date, status, amount_ml, workout_id, advice_id)
SELECT gen_random_uuid(), '$prefix' || (g % $users), k.kind, now() - interval '1 minute' - (g % 60) * interval '1 second',
       current_date, 'PLANNED', k.amount_ml, CASE WHEN k.workout THEN gen_random_uuid() END,
       CASE WHEN k.kind = 'HYDRATION' THEN gen_random_uuid() END
FROM generate_series(1, $nudges) AS g
JOIN (VALUES (0, 'HYDRATION', 250, false), (1, 'PRE_EXERCISE_HYDRATION', 400, true), (2, 'WARM_UP', NULL, true),
             (3, 'STRETCH', NULL, true)) AS k (slot, kind, amount_ml, workout)
  ON k.slot = (CASE WHEN g % 10 < 7 THEN 0 ELSE g % 10 - 6 END);
ANALYZE reminder.nudge;
SQL
}

# Starts replica i in the background (all replicas start together; timing begins at the first fired nudge).
start_replica() {
  local port=$((reminder_port + $1))
  "$root/stack" start reminder "$port" >>"$2" 2>&1 &
  replica_ports+=("$port")
}

# Fails the run when a replica's process has gone (its PID file exists once it was started).
check_replicas() {
  local port file
  for port in "${replica_ports[@]}"; do
    file=$state/run/reminder@$port.pid
    if [ -f "$file" ] && ! kill -0 "$(cat "$file")" 2>/dev/null; then
      tail -n 20 "$state/logs/reminder@$port.log" >&2; die "replica on port $port exited"
    fi
  done
}

# Cheap probes (each reads one index entry), polled every 0.5 s while the replicas work.
any_fired="SELECT EXISTS (SELECT 1 FROM reminder.outbox_event o JOIN privacy.subject_key k
             ON k.subject_ref::text = o.message_key WHERE o.topic = 'nudges' AND k.user_id LIKE '$prefix%')"
planned_left="SELECT count(*) FROM (SELECT 1 FROM reminder.nudge WHERE status = 'PLANNED' AND due_at <= now()
                AND user_id LIKE '$prefix%' ORDER BY due_at LIMIT 1) AS left_over"
unsent_left="SELECT count(*) FROM (SELECT 1 FROM reminder.outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT 1) AS u"

# run REPLICAS: seed, start the replicas, time first fired to none left, then the relay; writes dispatcher-REPLICAS.json.
run() {
  local replicas=$1 i first='' done_at='' relayed='' deadline last_progress=$SECONDS
  remove_seed
  say "$replicas replica(s): seeding $nudges due nudges for $users users"
  seed
  for i in $(seq 1 "$replicas"); do start_replica "$i" "$out/replicas.log"; done
  deadline=$((SECONDS + timeout))
  while [ -z "$relayed" ]; do
    check_replicas
    [ $SECONDS -lt $deadline ] || die "not done after ${timeout}s (BENCH_TIMEOUT)"
    if [ -z "$first" ]; then
      [ "$(sql -c "$any_fired")" = t ] && first=$(now)
    elif [ -z "$done_at" ]; then
      [ "$(sql -c "$planned_left")" = 0 ] && done_at=$(now) && say "all fired after $(elapsed "$first" "$done_at") s"
      if [ -z "$done_at" ] && [ $((SECONDS - last_progress)) -ge 10 ]; then
        say "  $(sql -c "SELECT count(*) FROM reminder.nudge WHERE status = 'PLANNED' AND user_id LIKE '$prefix%'") still planned"
      fi
    else
      [ "$(sql -c "$unsent_left")" = 0 ] && relayed=$(now)
    fi
    if [ $((SECONDS - last_progress)) -ge 10 ]; then
      [ "$autovacuum" = on ] || sql -c "ANALYZE reminder.nudge, reminder.outbox_event"
      last_progress=$SECONDS
    fi
    sleep 0.5
  done
  stop_replicas

  local seconds relay_seconds rate statuses duplicates events
  seconds=$(elapsed "$first" "$done_at")
  relay_seconds=$(elapsed "$first" "$relayed")
  rate=$(python3 -c "print(round($nudges / max($seconds, 0.01)))")
  statuses=$(sql -c "SELECT coalesce(string_agg(status || '=' || n, ' ' ORDER BY status), '') FROM
                       (SELECT status, count(*) AS n FROM reminder.nudge WHERE user_id LIKE '$prefix%' GROUP BY status) s")
  # One nudge.due event per fired nudge: rows beyond one per fired nudge are duplicates. Events are sealed and keyed
  # by the person's subjectRef (issue 32): the key ring says whose, and the count stands in for the sealed nudgeId.
  read -r events duplicates < <(sql -F ' ' -c "SELECT count(*), count(*) - (SELECT count(*) FROM reminder.nudge
                                   WHERE user_id LIKE '$prefix%' AND status = 'FIRED')
                                 FROM reminder.outbox_event o JOIN privacy.subject_key k ON k.subject_ref::text = o.message_key
                                 WHERE o.topic = 'nudges' AND o.event_type = 'io.crampcare.nudge.due.v1'
                                   AND k.user_id LIKE '$prefix%'")
  [ "$statuses" = "FIRED=$nudges" ] || say "WARNING: not every seeded nudge fired: $statuses"
  printf '{"replicas": %s, "nudges": %s, "users": %s, "seconds": %s, "firedPerSecond": %s, "events": %s, "duplicates": %s, "statuses": "%s", "relayDrainSeconds": %s}\n' \
    "$replicas" "$nudges" "$users" "$seconds" "$rate" "$events" "$duplicates" "$statuses" "$relay_seconds" \
    > "$out/dispatcher-$replicas.json"
  rows+=("| $replicas | $(thousands "$nudges") | $seconds | $(thousands "$rate") | $duplicates | $statuses | $relay_seconds |")
}

rows=()
for replicas in $replica_counts; do run "$replicas"; done

{
  echo "# Dispatcher, all due at once ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo
  echo "| replicas | nudges | seconds (first fired to none left) | fired/s | duplicates | statuses after | relay done (s from first fired) |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Relay done: when the outbox had no unsent row left (every event acknowledged by Kafka)."
  [ "$autovacuum" = on ] || echo "autovacuum is off on this server: the bench analyzed the tables every 10 s instead."
} > "$out/summary.md"
cat "$out/summary.md"
say "results in $out"
