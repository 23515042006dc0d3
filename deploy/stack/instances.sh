# shellcheck shell=bash
# Sourced by supervise.sh and build.sh, after common.sh: one service instance's life (start, readiness, stop, its PID
# file) and the JDK and AOT cache it runs with. An instance is a service's name ("reminder") or, for an extra replica,
# the name and its port ("reminder@8093").

# Four JVMs share two cores and a memory budget (bench/BENCHMARKS.md, footprint): the serial collector has no
# concurrent threads to compete with the work and pauses a few ms on heaps this small, and two malloc arenas keep
# glibc from reserving one per thread.
java_opts="${JAVA_OPTS:--Xmx192m -XX:+UseSerialGC} ${JAVA_OPTS_APPEND:-}"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
ready_timeout=90

jar_of() { echo "$root/${1%@*}-service/target/quarkus-app/quarkus-run.jar"; }
aot_cache_of() { echo "$(dirname "$(jar_of "$1")")/app.aot"; }
port_of() { if [[ $1 == *@* ]]; then echo "${1#*@}"; else echo "${port[$1]}"; fi; }
pid_file_of() { echo "$state/run/$1.pid"; }

# The PID of a service this script started, if that process still runs (and is still ours).
service_pid() {
  local file; file=$(pid_file_of "$1")
  [ -f "$file" ] || return 1
  local pid; pid=$(cat "$file")
  ps -o args= -p "$pid" 2>/dev/null | grep -q "${1%@*}-service/target/quarkus-app/quarkus-run.jar" && echo "$pid"
}

is_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$(port_of "$1")/q/health/ready" 2>/dev/null; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_java() {
  command -v "$java_bin" >/dev/null \
    || die "$java_bin not found: install a JDK 25 and set JAVA_HOME to it (or put its java on the PATH)"
  local major; major=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  [ "${major%%.*}" -ge 25 ] 2>/dev/null \
    || die "$java_bin is Java $major, 25 or newer needed (the AOT cache): set JAVA_HOME to a JDK 25, e.g. /usr/lib/jvm/temurin-25-jdk-amd64"
}

# The AOT cache the build wrote beside the jar (JDK 25: classes loaded and linked, method profiles), when there is one.
aot_option() {
  [ "${CRAMPCARE_AOT_CACHE:-on}" != off ] || return 0
  local trained; trained=$(trained_cache_of "$1")
  if [ -f "$trained" ] && [ "$trained" -nt "$(jar_of "$1")" ]; then echo "-XX:AOTCache=$trained"; return; fi
  local cache; cache=$(aot_cache_of "$1")
  [ ! -f "$cache" ] || echo "-XX:AOTCache=$cache"
}

# A fuller AOT cache than the build's (that one stops after static initialisation): written by one start of each
# service up to ready and its stop (the JVM writes it as it exits), once per build (supervise.sh's train).
trained_cache_of() { echo "$state/aot/${1%@*}.aot"; }

start_service() {
  local svc=$1
  if pid=$(service_pid "$svc"); then say "$svc already running (pid $pid)"; return 0; fi
  # The same variables compose sets: configuration only through the environment.
  # shellcheck disable=SC2086 # java_opts holds several options
  QUARKUS_HTTP_PORT=$(port_of "$svc") \
  QUARKUS_HTTP_HOST=127.0.0.1 \
  CRAMPCARE_API_DOCS_ENABLED=${CRAMPCARE_API_DOCS_ENABLED:-true} \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
  QUARKUS_DATASOURCE_USERNAME="${svc%@*}_svc" \
  QUARKUS_DATASOURCE_PASSWORD="${svc%@*}_svc" \
  KAFKA_BOOTSTRAP_SERVERS=$kafka_bootstrap \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$keys_dir/public.pem" \
    nohup "$java_bin" $java_opts $(if [ "${training:-no}" = yes ]; then echo "-XX:AOTCacheOutput=$(trained_cache_of "$svc")"
      else aot_option "$svc"; fi) -jar "$(jar_of "$svc")" >"$state/logs/$svc.log" 2>&1 &
  echo $! > "$(pid_file_of "$svc")"
}

# Waits for the given instances (default: the three services).
wait_until_ready() {
  local deadline=$((SECONDS + ready_timeout)) pending=("$@") svc still
  [ $# -gt 0 ] || pending=("${services[@]}")
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for svc in "${pending[@]}"; do
      if is_ready "$svc"; then continue; fi
      if ! service_pid "$svc" >/dev/null; then
        tail -n 15 "$state/logs/$svc.log" >&2
        die "the $svc service exited during start-up; full log: $state/logs/$svc.log (./stack down stops the rest)"
      fi
      still+=("$svc")
    done
    pending=("${still[@]+"${still[@]}"}")
    [ ${#pending[@]} -eq 0 ] && break
    [ $SECONDS -lt $deadline ] || die "not ready after ${ready_timeout}s: ${pending[*]}; see $state/logs/ (./stack down stops everything)"
    # Polled often: `./stack start` reports the time to ready, a start takes 2-3 s, and a coarse poll would add to it.
    sleep 0.1
  done
}

stop_service() {
  local svc=$1 pid
  if ! pid=$(service_pid "$svc"); then rm -f "$(pid_file_of "$svc")"; return 0; fi
  kill "$pid"
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "$svc (pid $pid) did not stop in 20 s, killing it"; kill -9 "$pid"; fi
  rm -f "$(pid_file_of "$svc")"
  say "stopped $svc (pid $pid)"
}
