#!/usr/bin/env bash
# CrampCare benchmark, scenario 5 (see bench/BENCHMARKS.md): what the reminder's roll-forward costs at rest, with and
# without a large population.
#   bench/rollforward.sh   measures the reminder's and PostgreSQL's CPU for BENCH_MINUTES minutes with no seed, then
#                          seeds BENCH_USERS users (preferences in four zones, a water target, today and tomorrow
#                          planned, their next day due spread over the coming 24 h: the steady state) and
#                          BENCH_WORKOUTS workouts (four in five weekly, due for their next occurrences spread over
#                          24 h; one in five one-off and past, retired), restarts the reminder and measures again.
#                          Then the same population with nothing due for two days. Flat means: a minute costs what
#                          the items falling due in it cost, not what the population costs. No traffic meanwhile.
#                          Last, a catch-up: BENCH_CATCHUP_USERS of them overdue at once (as after the reminder was
#                          down over their planning time, e.g. a stack started after midnight on a database whose
#                          users were planned the day before), timed from the first one planned to the last: users
#                          planned per minute and the reminder's and PostgreSQL's CPU per user and per minute.
# Uses the local stack (starts it if it is not running, and then stops it again). Seeded rows belong to users
# "bench-roll-*" and are deleted at the end. Environment: BENCH_USERS (100000), BENCH_WORKOUTS (50000),
# BENCH_MINUTES (3), BENCH_CATCHUP_USERS (3000, 0 to skip), BENCH_OUT (bench/results/<time>-rollforward), and the stack's own (CRAMPCARE_STATE, PGHOST...).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
users=${BENCH_USERS:-100000}
workouts=${BENCH_WORKOUTS:-50000}
minutes=${BENCH_MINUTES:-3}
catchup=${BENCH_CATCHUP_USERS:-3000}
out=${BENCH_OUT:-$here/results/$(date -u +%Y%m%dT%H%M%SZ)-rollforward}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
state=${CRAMPCARE_STATE:-$root/.stack}
database=${CRAMPCARE_DB:-crampcare}
prefix=bench-roll-

say() { echo "bench: $*"; }
die() { echo "bench: $*" >&2; exit 1; }
sql() { psql -d "$database" -qAtX -v ON_ERROR_STOP=1 "$@"; }

[[ $users =~ ^[1-9][0-9]*$ && $workouts =~ ^[0-9]+$ && $minutes =~ ^[1-9][0-9]*$ && $catchup =~ ^[0-9]+$ ]] \
  || die "BENCH_USERS, BENCH_WORKOUTS, BENCH_MINUTES and BENCH_CATCHUP_USERS must be positive integers"
[ "$catchup" -le "$users" ] || die "BENCH_CATCHUP_USERS ($catchup) is more than BENCH_USERS ($users)"
mkdir -p "$out"

started_stack=no
stack_status=$("$root/stack" status 2>/dev/null || true)
if ! grep -q "reminder .*, ready" <<<"$stack_status"; then
  "$root/stack" up
  started_stack=yes
fi

remove_seed() {
  local table
  for table in nudge hydration_day hydration_target workout preferences; do
    sql -c "DELETE FROM reminder.$table WHERE user_id LIKE '$prefix%'"
  done
  sql -c "VACUUM ANALYZE reminder.hydration_target" -c "VACUUM ANALYZE reminder.workout" \
      -c "VACUUM ANALYZE reminder.hydration_day" -c "VACUUM ANALYZE reminder.nudge"
}
cleanup() {
  remove_seed || true
  [ "$started_stack" = yes ] && "$root/stack" down >/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

seed() {
  sql <<SQL
INSERT INTO reminder.preferences (user_id, time_zone, waking_start, waking_end, daily_cap, kinds, version, updated_at)
SELECT '$prefix' || u, (ARRAY['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'])[u % 4 + 1], '07:00',
       '22:00', 8, 'HYDRATION,PRE_EXERCISE_HYDRATION,WARM_UP,STRETCH', 1, now()
FROM generate_series(0, $users - 1) AS u;
INSERT INTO reminder.hydration_target (user_id, advice_id, daily_target_ml, max_per_hour_ml, pre_exercise_ml,
                                       updated_at, report_occurred_at, advice_issued_at, next_plan_at)
SELECT '$prefix' || u, gen_random_uuid(), 2400, 1000, 400, now(), now(), now(),
       now() + interval '30 seconds' + (u % 1440) * interval '1 minute'
FROM generate_series(0, $users - 1) AS u;
INSERT INTO reminder.hydration_day (user_id, local_date, advice_id, target_ml)
SELECT t.user_id, (now() AT TIME ZONE p.time_zone)::date + d, t.advice_id, 2400
FROM reminder.hydration_target t JOIN reminder.preferences p USING (user_id), generate_series(0, 1) AS d
WHERE t.user_id LIKE '$prefix%';
INSERT INTO reminder.workout (id, user_id, one_off_start, weekly_days, weekly_start, duration_minutes, intensity,
                              created_at, plan_next_at)
SELECT gen_random_uuid(), '$prefix' || (w % $users),
       CASE WHEN w % 5 = 0 THEN now() - (w % 30 + 1) * interval '1 day' END,
       CASE WHEN w % 5 <> 0 THEN (ARRAY['MONDAY,WEDNESDAY,FRIDAY', 'TUESDAY,THURSDAY', 'SATURDAY,SUNDAY'])[w % 3 + 1] END,
       CASE WHEN w % 5 <> 0 THEN time '06:00' + (w % 14) * interval '1 hour' END,
       45, 'MODERATE', now() - interval '30 days',
       CASE WHEN w % 5 <> 0 THEN now() + interval '30 seconds' + (w % 1440) * interval '1 minute' END
FROM generate_series(1, $workouts) AS w;
ANALYZE reminder.preferences; ANALYZE reminder.hydration_target; ANALYZE reminder.hydration_day;
ANALYZE reminder.workout;
SQL
}

. "$here/cpu.sh" # cpu_ms, postgres_cpu_ms
reminder_pid() { cat "$state/run/reminder.pid"; }

# measure LABEL: CPU ms per minute of the reminder and of PostgreSQL over BENCH_MINUTES minutes at rest.
rows=()
measure() {
  local label=$1 pid r0 r1 p0 p1 seconds=$((minutes * 60)) planned0 planned1
  pid=$(reminder_pid)
  planned0=$(sql -c "SELECT count(*) FROM reminder.nudge WHERE user_id LIKE '$prefix%'")
  r0=$(cpu_ms "$pid"); p0=$(postgres_cpu_ms)
  say "$label: measuring for $seconds s"
  sleep "$seconds"
  r1=$(cpu_ms "$pid"); p1=$(postgres_cpu_ms)
  planned1=$(sql -c "SELECT count(*) FROM reminder.nudge WHERE user_id LIKE '$prefix%'")
  local reminder_ms=$(((r1 - r0) / minutes)) postgres_ms=$(((p1 - p0) / minutes))
  printf '{"label": "%s", "users": %s, "workouts": %s, "minutes": %s, "reminderCpuMsPerMinute": %s, "postgresCpuMsPerMinute": %s, "nudgesPlanned": %s}\n' \
    "$label" "$2" "$3" "$minutes" "$reminder_ms" "$postgres_ms" "$((planned1 - planned0))" > "$out/$label.json"
  rows+=("| $label | $2 | $3 | $reminder_ms | $postgres_ms | $((planned1 - planned0)) |")
}

# catch_up N: N seeded users overdue by an hour at once, each with tomorrow to plan; times the roll-forward from the first of them planned to the
# last (each planned user's next_plan_at moves to after its next local midnight). The reminder's CPU here is its
# whole process: the at-rest cost (about 30 ms/s, see the runs before) is inside the figure.
catch_up() {
  local n=$1 due deadline r0 p0 t0 r1 p1 t1 pid planned0 planned1
  pid=$(reminder_pid)
  planned0=$(sql -c "SELECT count(*) FROM reminder.nudge WHERE user_id LIKE '$prefix%'")
  # Each of them has today planned and tomorrow not (a day's work each, as at their next local midnight): the seed
  # planned both, and a day planned already is left as it is.
  sql -c "CREATE TEMP TABLE catch_up AS SELECT user_id FROM reminder.hydration_target
          WHERE user_id LIKE '$prefix%' ORDER BY user_id LIMIT $n;
          DELETE FROM reminder.hydration_day d USING catch_up c, reminder.preferences p
          WHERE d.user_id = c.user_id AND p.user_id = c.user_id AND d.local_date > (now() AT TIME ZONE p.time_zone)::date;
          UPDATE reminder.hydration_target t SET next_plan_at = now() - interval '1 hour' FROM catch_up c
          WHERE t.user_id = c.user_id"
  say "catch-up: $n users overdue; waiting for the roll-forward (every minute) to start on them"
  deadline=$((SECONDS + 90))
  overdue() { sql -c "SELECT count(*) FROM reminder.hydration_target WHERE user_id LIKE '$prefix%' AND next_plan_at <= now()"; }
  while [ "$(overdue)" -ge "$n" ]; do
    [ $SECONDS -lt $deadline ] || die "catch-up: the roll-forward did not start within 90 s"
    sleep 0.5
  done
  r0=$(cpu_ms "$pid"); p0=$(postgres_cpu_ms); t0=$(date +%s%N)
  # A run plans at most plan-max-per-run users (the reminder's bound), one run a minute: the catch-up takes n / bound
  # minutes, and gets two more.
  local bound=${CRAMPCARE_REMINDER_PLAN_MAX_PER_RUN:-1000} limit
  limit=$(((n + bound - 1) / bound * 60 + 120))
  deadline=$((SECONDS + limit))
  while due=$(overdue) && [ "$due" -gt 0 ]; do
    [ $SECONDS -lt $deadline ] || die "catch-up: $due of $n users still overdue after $limit s"
    sleep 1
  done
  r1=$(cpu_ms "$pid"); p1=$(postgres_cpu_ms); t1=$(date +%s%N)
  planned1=$(sql -c "SELECT count(*) FROM reminder.nudge WHERE user_id LIKE '$prefix%'")
  local ms=$(((t1 - t0) / 1000000)) reminder_ms=$((r1 - r0)) postgres_ms=$((p1 - p0))
  local per_minute=$((n * 60000 / (ms > 0 ? ms : 1)))
  printf '{"label": "catch-up", "users": %s, "overdue": %s, "nudgesPlanned": %s, "seconds": %s, "usersPerMinute": %s, "reminderCpuMsPerUser": %s, "postgresCpuMsPerUser": %s, "reminderCpuMsPerMinute": %s, "postgresCpuMsPerMinute": %s}\n' \
    "$users" "$n" "$((planned1 - planned0))" "$(awk -v ms="$ms" 'BEGIN { printf "%.1f", ms / 1000 }')" "$per_minute" \
    "$(awk -v c="$reminder_ms" -v n="$n" 'BEGIN { printf "%.2f", c / n }')" \
    "$(awk -v c="$postgres_ms" -v n="$n" 'BEGIN { printf "%.2f", c / n }')" \
    "$((reminder_ms * 60000 / (ms > 0 ? ms : 1)))" "$((postgres_ms * 60000 / (ms > 0 ? ms : 1)))" > "$out/catch-up.json"
  catchup_line="Catch-up: $n of $users users overdue at once were planned in $((ms / 1000)) s ($per_minute users/min, one thread, $((planned1 - planned0)) nudges): reminder $(awk -v c="$reminder_ms" -v n="$n" 'BEGIN { printf "%.2f", c / n }') ms and PostgreSQL $(awk -v c="$postgres_ms" -v n="$n" 'BEGIN { printf "%.2f", c / n }') ms of CPU per user, $((reminder_ms * 60 / (ms > 0 ? ms : 1))) and $((postgres_ms * 60 / (ms > 0 ? ms : 1))) s of CPU per minute while it lasted."
}

restart_reminder() {
  "$root/stack" stop reminder >/dev/null
  "$root/stack" start reminder >/dev/null
  sleep 60 # start-up and JIT settle before the measurement
}

remove_seed
restart_reminder
measure empty 0 0
say "seeding $users users and $workouts workouts"
seed
restart_reminder
measure seeded "$users" "$workouts"
# The same population with nothing due: what the population itself costs per minute.
sql -c "UPDATE reminder.hydration_target SET next_plan_at = now() + interval '2 days' WHERE user_id LIKE '$prefix%'" \
    -c "UPDATE reminder.workout SET plan_next_at = now() + interval '2 days' WHERE user_id LIKE '$prefix%' AND plan_next_at IS NOT NULL"
restart_reminder
measure seeded-none-due "$users" "$workouts"
catchup_line=
[ "$catchup" -eq 0 ] || catch_up "$catchup"

{
  echo "# Roll-forward at rest ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $minutes min each)"
  echo
  echo "| run | users | workouts | reminder CPU ms/min | PostgreSQL CPU ms/min | nudges planned meanwhile |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Seeded: each user's next day and each weekly workout's next occurrences fall due spread over 24 h, so about"
  echo "$((users / 1440)) users and $((workouts * 4 / 5 / 1440)) workouts come due per minute; one-off past workouts are retired."
  [ -z "$catchup_line" ] || { echo; echo "$catchup_line"; }
} > "$out/summary.md"
cat "$out/summary.md"
say "results in $out"
