#!/usr/bin/env bash
# CrampCare benchmarks (see BENCHMARKS.md).
#   bench/run.sh intake   intake ceiling: accepted reports/s with 8 and 32 clients, beside pgbench doing the same
#                         two inserts per transaction at the same concurrency
# Uses the local stack (starts it if it is not running, and then stops it again); results go to
# bench/results/<time>-<scenario>/ as JSON plus summary.md (gitignored). Environment: BENCH_SECONDS (20),
# BENCH_WARMUP (5).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
scenario=${1:-intake}
seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-5}
out=$here/results/$(date -u +%Y%m%dT%H%M%SZ)-$scenario
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
bench_db=crampcare_bench

say() { echo "bench: $*"; }
die() { echo "bench: $*" >&2; exit 1; }

command -v pgbench >/dev/null || die "pgbench not found (Debian: apt-get install postgresql-client)"
[ "$scenario" = intake ] || die "unknown scenario '$scenario' (known: intake)"
mkdir -p "$out"

if [ ! -f "$here/target/bench.jar" ] || [ -n "$(find "$here/src" -newer "$here/target/bench.jar" -type f | head -1)" ]; then
  say "building the load generator"
  (cd "$root" && ./mvnw -q -B -ntp -pl bench package) || die "build of bench failed"
fi

started_stack=no
if ! "$root/stack" status 2>/dev/null | grep -q "intake .*ready"; then
  "$root/stack" up
  started_stack=yes
fi
cleanup() { [ "$started_stack" = yes ] && "$root/stack" down >/dev/null || true; }
trap cleanup EXIT

# pgbench on the very tables intake writes (same DDL, a scratch database): the physical ceiling.
psql -d postgres -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" -c "CREATE DATABASE $bench_db"
psql -d "$bench_db" -q -v ON_ERROR_STOP=1 \
  -f "$root/intake-service/src/main/resources/db/migration/V2__cramp_reports.sql" \
  -f "$root/service-support/src/main/resources/db/support/V1_1__outbox.sql" \
  -f "$root/service-support/src/main/resources/db/support/V1_2__outbox_key_order.sql" >/dev/null
cat > "$out/report-and-outbox.sql" <<'SQL'
\set uid random(1, 1000)
BEGIN;
INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity, duration_seconds,
  context, activity_type, activity_intensity, activity_minutes, warmed_up, stretched_after, sweating_heavily,
  water_today_ml, symptoms)
VALUES (gen_random_uuid(), 'bench-' || :uid, now(), now(), 'GLUTEUS_MAXIMUS', 'LEFT', 'SUDDEN', 6, 90,
  'AFTER_EXERCISE', 'SQUATS', 'HARD', 45, false, false, true, 900, '');
INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload)
VALUES (gen_random_uuid(), 'cramp-reports', 'bench-' || :uid, 'io.crampcare.cramp-report.submitted.v1', 'bench-' || :uid,
  '{"reportId":"0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11","userId":"bench-1","occurredAt":"2026-11-25T07:30:00Z","receivedAt":"2026-11-25T07:31:00Z","muscle":"GLUTEUS_MAXIMUS","side":"LEFT","onset":"SUDDEN","severity":6,"durationSeconds":90,"context":"AFTER_EXERCISE","activity":{"type":"SQUATS","intensity":"HARD","minutes":45},"warmedUp":false,"stretchedAfter":false,"sweatingHeavily":true,"waterTodayMl":900,"visibleLump":null,"reliefBy":null,"symptoms":[],"newMedication":null,"bodyWeightKg":null,"notes":null}'::jsonb);
END;
SQL

token=$("$root/stack" token bench admin)
classpath="$here/target/bench.jar:$here/target/lib/*"
rows=()
for clients in 8 32; do
  say "pgbench, $clients clients, ${seconds}s"
  tps=$(pgbench -n -c "$clients" -j 2 -T "$seconds" -f "$out/report-and-outbox.sql" "$bench_db" 2>/dev/null \
        | awk '/^tps/ {print int($3); exit}')
  printf '{"clients": %s, "seconds": %s, "tps": %s}\n' "$clients" "$seconds" "$tps" > "$out/pgbench-$clients.json"
  say "intake, $clients clients, ${seconds}s after ${warmup}s warm-up"
  java -cp "$classpath" io.crampcare.bench.LoadGenerator closed "$clients" "$seconds" "$warmup" \
    http://127.0.0.1:8081 "$token" "$out/intake-$clients.json" >/dev/null
  rate=$(python3 -c "import json; print(json.load(open('$out/intake-$clients.json'))['acceptedPerSecond'])")
  p50=$(python3 -c "import json; print(json.load(open('$out/intake-$clients.json'))['latencyMs']['p50'])")
  p99=$(python3 -c "import json; print(json.load(open('$out/intake-$clients.json'))['latencyMs']['p99'])")
  rows+=("| $clients | $tps | $rate | $(python3 -c "print(round(100*$rate/max($tps,1)))") % | $p50 | $p99 |")
done
lag=$(curl -s -H "Authorization: Bearer $token" http://127.0.0.1:8081/api/v1/admin/outbox)
psql -d postgres -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)"

{
  echo "# Intake ceiling ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo
  echo "| clients | pgbench tx/s (report + outbox row) | intake accepted/s | intake / pgbench | p50 ms | p99 ms |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Outbox right after the run: $lag"
} > "$out/summary.md"
cat "$out/summary.md"
say "results in $out"
