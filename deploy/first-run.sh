#!/usr/bin/env bash
# What docker-compose.yml refuses to start without, made for a first run on this host:
#   deploy/first-run.sh [NAME ...]
# - .env beside docker-compose.yml (mode 600): random passwords for PostgreSQL's superuser, each service's database
#   role and Grafana's admin. A .env that exists keeps its values; only variables it lacks are added.
# - .stack/tls/: a local certificate authority (ca.pem, ca.key) and the gateway's certificate from it (gateway.pem,
#   gateway.key) for localhost, 127.0.0.1, ::1, this host's name and each NAME given. Clients trust ca.pem
#   (curl --cacert .stack/tls/ca.pem). A real certificate instead: GATEWAY_TLS_CERT, GATEWAY_TLS_KEY.
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
secrets=(POSTGRES_PASSWORD INTAKE_DB_PASSWORD ADVICE_DB_PASSWORD REMINDER_DB_PASSWORD GRAFANA_ADMIN_PASSWORD)
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

# ---- TLS: a local CA and the gateway's certificate ------------------------------------------------------------------
mkdir -p "$tls" && chmod 700 "$tls"
if [ ! -f "$tls/gateway.pem" ] || [ ! -f "$tls/gateway.key" ]; then
  if [ ! -f "$tls/ca.pem" ] || [ ! -f "$tls/ca.key" ]; then
    (umask 077 && openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
      -subj "/CN=CrampCare local CA ($(hostname))" -keyout "$tls/ca.key" -out "$tls/ca.pem" \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null)
    say "made a local certificate authority: $tls/ca.pem (give it to clients), $tls/ca.key"
  fi
  names=(localhost "$(hostname)" "$(hostname -f 2>/dev/null || hostname)" "$@")
  san="IP:127.0.0.1,IP:::1"
  for name in $(printf '%s\n' "${names[@]}" | awk 'NF && !seen[$0]++'); do
    if [[ $name =~ ^[0-9.]+$ || $name == *:* ]]; then san+=",IP:$name"; else san+=",DNS:$name"; fi
  done
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=${names[0]}" \
    -keyout "$tls/gateway.key" -out "$tls/gateway.csr" 2>/dev/null
  # 397 days: the longest validity browsers accept for a server certificate.
  openssl x509 -req -in "$tls/gateway.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
    -days 397 -out "$tls/gateway.pem" -extfile <(printf '%s\n' "subjectAltName=$san" "basicConstraints=critical,CA:FALSE" \
      "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth") 2>/dev/null
  rm -f "$tls/gateway.csr"
  # nginx runs as uid 101 in its container and must read the key; the directory (700) keeps everyone else out here.
  chmod 644 "$tls/gateway.key" "$tls/gateway.pem" "$tls/ca.pem"
  say "made the gateway's certificate $tls/gateway.pem for ${san//,/, } (valid 397 days)"
fi

# ---- JWT keys of the local stack ------------------------------------------------------------------------------------
CRAMPCARE_STATE=$root/.stack "$root/stack" keys
