#!/usr/bin/env bash
# What docker-compose.yml refuses to start without, made for a first run on this host:
#   deploy/first-run.sh [NAME ...]
# - .env beside docker-compose.yml (mode 600): random passwords for PostgreSQL's superuser, each service's database
#   role, Grafana's admin and the Kafka cluster's SCRAM principals (admin, intake, advice, reminder). A .env that
#   exists keeps its values; only variables it lacks are added.
# - .stack/tls/: a local certificate authority (ca.pem, ca.key) and the gateway's certificate from it (gateway.pem,
#   gateway.key) for localhost, 127.0.0.1, ::1, this host's name and each NAME given. Clients trust ca.pem
#   (curl --cacert .stack/tls/ca.pem). A real certificate instead: GATEWAY_TLS_CERT, GATEWAY_TLS_KEY.
# - .stack/kafka/: the Kafka cluster's own certificate authority (ca.pem, ca.key; clients trust ca.pem) and the
#   node certificate of kafka-1..3 from it (node.pem: key and certificate, a PEM keystore), which the nodes present to
#   clients and to each other (its CN, kafka-node, is the nodes' super-user principal).
# - .stack/keys/: the JWT key pair of the local stack (./stack keys), whose public half compose mounts unless
#   CRAMPCARE_JWT_PUBLIC_KEY names another (your token issuer's); ./stack token signs with the private half.
# Nothing is overwritten; run it again at any time. None of it is committed (.gitignore). docs/operations.md,
# "Secrets" and "Certificates", says what each is and how to replace it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
env_file=$root/.env
tls=$root/.stack/tls
say() { echo "first-run: $*"; }
command -v openssl >/dev/null || { echo "first-run: openssl not found (Debian: apt-get install openssl)" >&2; exit 1; }

# ---- .env: a random secret for each variable compose requires ----------------------------------------------------
secrets=(POSTGRES_PASSWORD INTAKE_DB_PASSWORD ADVICE_DB_PASSWORD REMINDER_DB_PASSWORD GRAFANA_ADMIN_PASSWORD
  KAFKA_ADMIN_PASSWORD INTAKE_KAFKA_PASSWORD ADVICE_KAFKA_PASSWORD REMINDER_KAFKA_PASSWORD)
[ -f "$env_file" ] || (umask 077 && printf '# Secrets of this host'"'"'s compose stack, made by deploy/first-run.sh. Owner only (chmod 600).\n' > "$env_file")
chmod 600 "$env_file"
added=()
for name in "${secrets[@]}"; do
  grep -q "^$name=" "$env_file" && continue
  printf '%s=%s\n' "$name" "$(openssl rand -hex 24)" >> "$env_file"
  added+=("$name")
done
if [ ${#added[@]} -gt 0 ]; then
  say "added ${added[*]} to $env_file (random, mode 600)"
  # PostgreSQL takes the role passwords from these only when it initialises an empty volume.
  say "a database initialised before keeps its passwords: set the new ones with ALTER ROLE (docs/operations.md, Secrets)"
fi

# new_ca DIR SUBJECT: a certificate authority (DIR/ca.pem, DIR/ca.key) unless DIR has one.
new_ca() {
  [ -f "$1/ca.pem" ] && [ -f "$1/ca.key" ] && return 1
  (umask 077 && openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "$2" -keyout "$1/ca.key" -out "$1/ca.pem" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null)
}

# new_cert DIR NAME CN SAN EXTENDED_KEY_USAGE DAYS: DIR/NAME.key and DIR/NAME.pem, signed by DIR's CA.
new_cert() {
  local dir=$1 name=$2
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$3" \
    -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null
  openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
    -set_serial "0x$(openssl rand -hex 16)" -days "$6" -out "$dir/$name.pem" \
    -extfile <(printf '%s\n' "subjectAltName=$4" "basicConstraints=critical,CA:FALSE" \
      "keyUsage=critical,digitalSignature" "extendedKeyUsage=$5") 2>/dev/null
  rm -f "$dir/$name.csr"
}

# ---- TLS: a local CA and the gateway's certificate ------------------------------------------------------------------
mkdir -p "$tls" && chmod 700 "$tls"
if [ ! -f "$tls/gateway.pem" ] || [ ! -f "$tls/gateway.key" ]; then
  if new_ca "$tls" "/CN=CrampCare local CA ($(hostname))"; then
    say "made a local certificate authority: $tls/ca.pem (give it to clients), $tls/ca.key"
  fi
  names=(localhost "$(hostname)" "$(hostname -f 2>/dev/null || hostname)" "$@")
  san="IP:127.0.0.1,IP:::1"
  for name in $(printf '%s\n' "${names[@]}" | awk 'NF && !seen[$0]++'); do
    if [[ $name =~ ^[0-9.]+$ || $name == *:* ]]; then san+=",IP:$name"; else san+=",DNS:$name"; fi
  done
  # 397 days: the longest validity browsers accept for a server certificate.
  new_cert "$tls" gateway "${names[0]}" "$san" serverAuth 397
  # nginx runs as uid 101 in its container and must read the key; the directory (700) keeps everyone else out here.
  chmod 644 "$tls/gateway.key" "$tls/gateway.pem" "$tls/ca.pem"
  say "made the gateway's certificate $tls/gateway.pem for ${san//,/, } (valid 397 days)"
fi

# ---- Kafka: the cluster's own CA and the node certificate ------------------------------------------------------------
# A CA of its own, not the gateway's: the nodes' listeners trust only certificates from it, and the only one it signs
# is the nodes' (no other key, such as the gateway's, can pass for a node).
kafka=$root/.stack/kafka
mkdir -p "$kafka" && chmod 700 "$kafka"
if [ ! -f "$kafka/node.pem" ]; then
  if new_ca "$kafka" "/CN=CrampCare Kafka CA ($(hostname))"; then
    say "made the Kafka cluster's certificate authority: $kafka/ca.pem (its clients trust it), $kafka/ca.key"
  fi
  # The client names (kafka-N, the client listener) and the node network's (kafka-N-internal: inter-broker and
  # controller listeners). serverAuth and clientAuth: a node is the server of one connection and the client of another.
  san=$(printf 'DNS:kafka-%s,DNS:kafka-%s-internal,' 1 1 2 2 3 3); san=${san%,}
  new_cert "$kafka" node kafka-node "$san" serverAuth,clientAuth 825
  # A PEM keystore: the key (PKCS#8, unencrypted: no password to hand around) and the certificate in one file.
  cat "$kafka/node.key" "$kafka/node.pem" > "$kafka/node.pem.new" && mv "$kafka/node.pem.new" "$kafka/node.pem"
  rm -f "$kafka/node.key"
  # The broker runs as uid 1000 in its container and must read both; the directory (700) keeps everyone else out.
  chmod 644 "$kafka/node.pem" "$kafka/ca.pem"
  say "made the Kafka nodes' certificate $kafka/node.pem for ${san//,/, } (valid 825 days)"
fi

# ---- JWT keys of the local stack ------------------------------------------------------------------------------------
CRAMPCARE_STATE=$root/.stack "$root/stack" keys
