#!/usr/bin/env bash
# The local Apache Kafka broker (single-node KRaft) for machines without Docker.
#   deploy/kafka/kafka.sh start    resolve Kafka from Maven Central if needed, format storage on first run,
#                                  start the broker in the background, wait until it serves, create the topics
#   deploy/kafka/kafka.sh stop     stop the broker this script started (by PID)
#   deploy/kafka/kafka.sh status
#   deploy/kafka/kafka.sh await-groups GROUP...   wait until these consumer groups have partitions assigned
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HEAP_OPTS (-Xms64m -Xmx192m),
#              CRAMPCARE_STATE (the repo's .stack folder: data, logs, PID files; gitignored).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
state=${CRAMPCARE_STATE:-$root/.stack}
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
heap=${KAFKA_HEAP_OPTS:--Xms64m -Xmx192m}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
kafka_dir=$state/kafka
pid_file=$kafka_dir/kafka.pid
log_file=$state/logs/kafka.log
lib=$here/target/lib
classpath="$here/target/local-kafka.jar:$lib/*"

say() { echo "kafka: $*"; }
die() { echo "kafka: $*" >&2; exit 1; }

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid; pid=$(cat "$pid_file")
  kill -0 "$pid" 2>/dev/null && [ "$(ps -o comm= -p "$pid")" = java ] && echo "$pid"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_classpath() {
  if [ ! -f "$here/target/local-kafka.jar" ] || [ ! -d "$lib" ]; then
    say "resolving Apache Kafka from Maven Central (first run)"
    (cd "$root" && ./mvnw -q -B -pl deploy/kafka -am package -DskipTests) || die "build of deploy/kafka failed"
  fi
}

start() {
  if pid=$(running_pid); then say "already running (pid $pid) on 127.0.0.1:$port"; return 0; fi
  command -v java >/dev/null || die "java not found: install a JDK 17+ and put java on the PATH"
  for p in "$port" "$controller_port"; do
    port_in_use "$p" && die "port $p on 127.0.0.1 is taken by another process: stop it or set KAFKA_PORT/KAFKA_CONTROLLER_PORT"
  done
  ensure_classpath
  mkdir -p "$kafka_dir/data" "$(dirname "$log_file")"
  sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@DATA_DIR@|$kafka_dir/data|g" \
    "$here/server.properties" > "$kafka_dir/server.properties"

  if [ ! -f "$kafka_dir/data/meta.properties" ]; then
    local cluster_id; cluster_id=$(java -cp "$classpath" kafka.tools.StorageTool random-uuid)
    java -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$kafka_dir/server.properties" >/dev/null \
      || die "formatting $kafka_dir/data failed"
    say "formatted storage in $kafka_dir/data (cluster $cluster_id)"
  fi

  # shellcheck disable=SC2086 # heap holds several JVM options
  nohup java $heap -XX:+UseSerialGC -Dlog4j2.configurationFile="$here/log4j2.properties" \
    -cp "$classpath" kafka.Kafka "$kafka_dir/server.properties" >"$log_file" 2>&1 &
  echo $! > "$pid_file"

  if ! java -cp "$classpath" io.crampcare.kafka.TopicSetup "127.0.0.1:$port" 60; then
    tail -n 20 "$log_file" >&2
    stop
    die "the broker did not come up; full log: $log_file"
  fi
  say "serving on 127.0.0.1:$port (pid $(cat "$pid_file")), log $log_file"
}

stop() {
  local pid
  if ! pid=$(running_pid); then rm -f "$pid_file"; say "not running"; return 0; fi
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then say "pid $pid did not stop in 30 s, killing it"; kill -9 "$pid"; fi
  rm -f "$pid_file"
  say "stopped (pid $pid)"
}

status() {
  if pid=$(running_pid); then say "running (pid $pid) on 127.0.0.1:$port"; else say "not running"; return 3; fi
}

await_groups() {
  running_pid >/dev/null || die "not running"
  java -cp "$classpath" io.crampcare.kafka.ConsumerGroups "127.0.0.1:$port" 60 "$@" | sed 's/^/kafka: /'
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  await-groups) shift; await_groups "$@" ;;
  *) echo "usage: $0 start|stop|status|await-groups GROUP..." >&2; exit 2 ;;
esac
