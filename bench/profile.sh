#!/usr/bin/env bash
# Where a report's CPU goes, at one steady rate on a running stack (./stack up first, and prime it: see bench/BENCHMARKS.md).
#   bench/profile.sh RATE [SECONDS]   10 s at RATE not counted, then SECONDS (60) counted
# Prints each process's CPU (ms per second, ms per report) over the counted part and, when the server has
# pg_stat_statements loaded (shared_preload_libraries), the statements PostgreSQL ran per report, most frequent first.
# Output also goes to bench/results/<time>-profile/. A diagnosis tool: the figures of record come from bench/run.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
rate=${1:?usage: bench/profile.sh RATE [SECONDS]} seconds=${2:-60}
out=$here/results/$(date -u +%Y%m%dT%H%M%SZ)-profile
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
state=${CRAMPCARE_STATE:-$root/.stack}
database=${CRAMPCARE_DB:-crampcare}
classpath="$here/target/bench.jar:$here/target/lib/*"
"$root/stack" status >/dev/null 2>&1 || { echo "profile: the stack is not up (./stack up)" >&2; exit 1; }
[ -f "$here/target/bench.jar" ] || { echo "profile: bench/target/bench.jar missing (./mvnw package -pl bench)" >&2; exit 1; }
mkdir -p "$out"
token=$("$root/stack" token bench admin)
. "$here/cpu.sh" # cpu_ms, postgres_cpu_ms
snapshot() {
  local svc
  for svc in intake advice reminder; do echo -n "$svc=$(cpu_ms "$(cat "$state/run/$svc.pid")") "; done
  echo -n "kafka=$(cpu_ms "$(cat "$state/kafka/kafka.pid")") "
  echo "postgres=$(postgres_cpu_ms)"
}
statements=no
if psql -d "$database" -qAtc "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
  psql -d "$database" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" && statements=yes
fi
java -cp "$classpath" io.crampcare.bench.LoadGenerator open "$rate" 10 0 "http://127.0.0.1:${INTAKE_PORT:-8081}" \
  "$token" "$out/warm-up.json" >/dev/null
[ $statements = no ] || psql -d "$database" -qAtc "SELECT pg_stat_statements_reset()" >/dev/null
before=$(snapshot); start=$(date +%s.%N)
java -cp "$classpath" io.crampcare.bench.LoadGenerator open "$rate" "$seconds" 0 "http://127.0.0.1:${INTAKE_PORT:-8081}" \
  "$token" "$out/post.json" >/dev/null
after=$(snapshot); end=$(date +%s.%N)
python3 - "$before" "$after" "$start" "$end" "$rate" <<'PY' | tee "$out/cpu.txt"
import sys
before = dict(x.split('=') for x in sys.argv[1].split()); after = dict(x.split('=') for x in sys.argv[2].split())
elapsed = float(sys.argv[4]) - float(sys.argv[3]); reports = float(sys.argv[5]) * elapsed
total = 0
for name in before:
    used = int(after[name]) - int(before[name]); total += used
    print(f"{name:9s} {used / elapsed:6.0f} ms/s {used / reports:6.2f} ms/report")
print(f"{'all':9s} {total / elapsed:6.0f} ms/s {total / reports:6.2f} ms/report over {elapsed:.1f} s")
PY
if [ $statements = yes ]; then
  psql -d "$database" -qAt -F ' | ' -c "
    SELECT round(calls / ($rate * $seconds.0), 2) AS per_report, round(mean_exec_time::numeric, 3) AS mean_ms,
           userid::regrole, left(regexp_replace(query, '\s+', ' ', 'g'), 100)
    FROM pg_stat_statements WHERE calls >= $rate ORDER BY calls DESC" | tee "$out/statements.txt"
  echo "statements per report: $(psql -d "$database" -qAtc "SELECT round(sum(calls) / ($rate * $seconds.0), 1) FROM pg_stat_statements")" \
    | tee -a "$out/statements.txt"
fi
echo "profile: results in $out"
