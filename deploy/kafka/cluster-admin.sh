#!/bin/bash
# The compose cluster's administration, run by kafka-init (the broker image: bash and /opt/kafka/bin):
#   cluster-admin.sh setup                at each `up`, idempotent: the SCRAM credentials of admin, intake, advice and
#                                         reminder from the environment (created, or replaced by a new password:
#                                         rotation), the topics of topics.conf with replication factor 3 and
#                                         min.insync.replicas 2, and each service's ACLs (the table below)
#   cluster-admin.sh TOOL [ARGS...]       a Kafka tool as admin, bootstrap servers and client settings added:
#       docker-compose run --rm kafka-init kafka-topics.sh --describe --under-replicated-partitions
#   cluster-admin.sh as PRINCIPAL TOOL [ARGS...]   the same as intake, advice or reminder (their password variables)
# Passwords reach the tools in files on the container's tmpfs, never on a command line (ps shows those to the host).
set -euo pipefail
bin=/opt/kafka/bin
tls=/etc/kafka/tls
# The client listener (SASL_SSL, SCRAM-SHA-512), as the services use it.
clients=kafka-1:9092,kafka-2:9092,kafka-3:9092
# The node listener (TLS with the node certificate, a super user): only to set the SCRAM credentials, since no
# principal could authenticate over SCRAM before they exist.
nodes=kafka-1-internal:9094,kafka-2-internal:9094,kafka-3-internal:9094
work=$(mktemp -d)
# Progress on stderr: stdout is what the tools print.
say() { echo "kafka-init: $*" >&2; }

# client_config PRINCIPAL PASSWORD: a client configuration file for that SCRAM principal; prints its path.
client_config() {
  local file
  file=$(mktemp "$work/$1.XXXXXX")   # one per call (mode 600): calls run side by side
  cat > "$file" <<EOF
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$1" password="$2";
ssl.truststore.type=PEM
ssl.truststore.location=$tls/ca.pem
EOF
  echo "$file"
}

# password PRINCIPAL: its password variable (KAFKA_ADMIN_PASSWORD, INTAKE_KAFKA_PASSWORD, ...).
password() {
  local name=${1^^}_KAFKA_PASSWORD
  [ "$1" != admin ] || name=KAFKA_ADMIN_PASSWORD
  [ -n "${!name:-}" ] || { echo "kafka-init: $name is not set (deploy/first-run.sh makes it)" >&2; exit 1; }
  echo "${!name}"
}

# tool PRINCIPAL TOOL ARGS...: runs the tool with that principal's client configuration.
tool() {
  local config name=$2 flag=--command-config
  config=$(client_config "$1" "$(password "$1")")
  shift 2
  case "$name" in
    kafka-console-consumer.sh) flag=--consumer.config ;;
    kafka-console-producer.sh) flag=--producer.config ;;
    kafka-leader-election.sh) flag=--admin.config ;;
  esac
  local args=("$@")
  [[ " $* " == *" --bootstrap-server "* || " $* " == *" --bootstrap-controller "* ]] \
    || args=(--bootstrap-server "$clients" "${args[@]}")
  "$bin/$name" "$flag" "$config" "${args[@]}"
}

# together COMMAND_LINE...: runs each (a word list in one string) in the background, waits for all; fails if one did.
# Each is a tool JVM that mostly starts up, so two cores finish four together in about the time of two in a row.
together() {
  local line pids=() failed=0 pid
  for line in "$@"; do eval "$line" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  return $failed
}

# retry DESCRIPTION COMMAND...: the cluster may still be electing its controller or fencing brokers just after the
# nodes' listeners opened (what compose's health check sees), and a new credential takes a moment to reach every node.
retry() {
  local what=$1 attempt; shift
  for attempt in $(seq 1 20); do
    "$@" && return 0
    say "$what: not yet (attempt $attempt), again in 3 s"
    sleep 3
  done
  say "$what: failed"; return 1
}

# scram_credential NODE_CONFIG PRINCIPAL: creates or replaces the principal's credential; the tool's messages (which
# may quote the file) with the password masked.
scram_credential() {
  local secret out file=$work/scram-$2
  secret=$(password "$2")
  (umask 077 && printf 'SCRAM-SHA-512=iterations=8192,password=%s\n' "$secret" > "$file")
  out=$("$bin/kafka-configs.sh" --bootstrap-server "$nodes" --command-config "$1" --alter --entity-type users \
    --entity-name "$2" --add-config-file "$file" 2>&1) || { echo "${out//$secret/***}" >&2; rm -f "$file"; return 1; }
  rm -f "$file"
}

scram_credentials() {
  local node_config=$work/node.properties principal
  cat > "$node_config" <<EOF
security.protocol=SSL
ssl.keystore.type=PEM
ssl.keystore.location=$tls/node.pem
ssl.truststore.type=PEM
ssl.truststore.location=$tls/ca.pem
EOF
  # The first alone (it waits for the cluster to serve), the others together.
  retry "SCRAM credential of admin" scram_credential "$node_config" admin
  together "scram_credential $node_config intake" "scram_credential $node_config advice" \
    "scram_credential $node_config reminder"
  say "SCRAM-SHA-512 credentials set: admin, intake, advice, reminder"
}

topics() {
  local existing name partitions configs args created=()
  existing=$(retry "admin's login" tool admin kafka-topics.sh --list)
  while read -r name partitions configs; do
    [ -n "$name" ] || continue
    grep -qx "$name" <<< "$existing" && continue
    args=(--config min.insync.replicas=2)
    for config in $configs; do args+=(--config "$config"); done
    tool admin kafka-topics.sh --create --if-not-exists --topic "$name" --partitions "$partitions" \
      --replication-factor 3 "${args[@]}" >/dev/null
    created+=("$name")
  done < <(sed 's/#.*//' /topics.conf)
  say "topics: ${created[*]:-none} created (replication factor 3, min.insync.replicas 2), the others existed"
}

# The ACLs, literal names only (docs/operations.md, "Principals and ACLs"). reads PRINCIPAL GROUP TOPIC...: READ and
# DESCRIBE on the topics, READ on the consumer group (kafka-acls --consumer). writes PRINCIPAL TOPIC...: WRITE and
# DESCRIBE (an idempotent producer needs no more since Kafka 3.0).
reads() {
  local principal=$1 group=$2 topic args=(); shift 2
  for topic in "$@"; do args+=(--topic "$topic"); done
  tool admin kafka-acls.sh --add --allow-principal "User:$principal" --consumer --group "$group" "${args[@]}" >/dev/null
}
writes() {
  local principal=$1 topic args=(); shift
  for topic in "$@"; do args+=(--topic "$topic"); done
  tool admin kafka-acls.sh --add --allow-principal "User:$principal" --operation Write --operation Describe \
    "${args[@]}" >/dev/null
}
acls() {
  # intake publishes reports (outbox relay; its broker probe describes the topic).
  # advice consumes reports and nudge answers, reads its dead letters (operator endpoints, depth gauge), publishes
  # advice and dead letters, and replays dead letters into the topics they came from (DeadLetterService): the write
  # on cramp-reports and nudge-acks is that replay's, a deliberate grant.
  # reminder consumes advice, reads its dead letters, publishes nudges, nudge answers, drinks and dead letters, and
  # replays advice dead letters into advice (the same deliberate grant).
  # Each publishes erasures: whichever service erases a person's rows last completes the erasure and announces it.
  together "writes intake cramp-reports erasures" \
    "reads advice advice-service cramp-reports nudge-acks cramp-reports.dlq nudge-acks.dlq" \
    "writes advice advice cramp-reports.dlq nudge-acks.dlq cramp-reports nudge-acks erasures" \
    "reads reminder reminder-service advice advice.dlq" \
    "writes reminder nudges nudge-acks drinks advice.dlq advice erasures"
  say "ACLs granted: intake, advice, reminder (kafka-acls.sh --list shows them)"
}

case "${1:-}" in
  setup)
    started=$SECONDS
    scram_credentials
    topics
    acls
    say "done in $((SECONDS - started)) s"
    ;;
  as) shift; principal=${1:?usage: $0 as PRINCIPAL TOOL [ARGS...]}; shift; tool "$principal" "$@" ;;
  kafka-*.sh) tool admin "$@" ;;
  *) echo "usage: $0 setup | TOOL [ARGS...] | as PRINCIPAL TOOL [ARGS...]" >&2; exit 2 ;;
esac
