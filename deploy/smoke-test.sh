#!/usr/bin/env bash
# The compose stack on a real Docker engine, end to end through the gateway (CI runs it after ./mvnw verify):
#   deploy/smoke-test.sh
# Makes what compose requires on a first run (deploy/first-run.sh: .env of random secrets, the gateway's certificate,
# the JWT keys; kept when they exist), starts dockerd if no engine answers (and stops it again, by PID), builds the
# images (deploy/images/build.sh), runs docker-compose.yml as project crampcare-smoke on ports 18081-18084 and 18443
# (apart from a ./stack or a compose stack of ops), waits for every health check, then: a report -> advice ->
# planned nudges; the front door (path tricks 400/404 and never an operator's answer, HTTPS only, answer headers, a
# new trace, the report's record sealed and keyed by a subjectRef, not the user, 429 under a burst, the gateway unable
# to reach the Kafka nodes or the database); a workout's warm-up on `nudges`; two reminder replicas, one killed ->
# each due nudge fired once; PostgreSQL restarted under a trickle of reports -> each accepted report advised once;
# a Kafka node (the quorum's leader) SIGKILLed under a trickle and started again -> every report accepted, each
# advised once, the node back in every ISR; the cluster's guards (replication 3 and min ISR 2 on every topic, a
# service refused another's topic, clients without credentials refused); down + up -> data and consumer offsets
# kept; down -v -> nothing left.
# Records read off the topics are opened with the key ring (deploy/kafka/open-events.py: every value is sealed).
# Prints each step's time. Needs root (debootstrap, dockerd), docker, docker-compose, curl, python3 with cryptography.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export COMPOSE_PROJECT_NAME=${CRAMPCARE_SMOKE_PROJECT:-crampcare-smoke}
export GATEWAY_HOST_PORT=${GATEWAY_HOST_PORT:-18443} INTAKE_HOST_PORTS=${INTAKE_HOST_PORTS:-18081}
export ADVICE_HOST_PORTS=${ADVICE_HOST_PORTS:-18082} REMINDER_HOST_PORTS=${REMINDER_HOST_PORTS:-18083-18084}
# The certificate deploy/first-run.sh makes, whatever ops configured for their own stack: clients trust its CA.
export GATEWAY_TLS_CERT=$root/.stack/tls/gateway.pem GATEWAY_TLS_KEY=$root/.stack/tls/gateway.key
ca=$root/.stack/tls/ca.pem
api=https://127.0.0.1:$GATEWAY_HOST_PORT/api/v1
work=$(mktemp -d)
dockerd_pid=''
trickle_pid=''
stack_up=no
run_started=$SECONDS

say() { printf '%s smoke: %s\n' "$(date +%T)" "$*"; }
die() { printf '%s smoke: FAILED: %s\n' "$(date +%T)" "$*" >&2; exit 1; }
compose() { docker-compose "$@"; }
now_ms() { date +%s%3N; }

# ---- steps and their times --------------------------------------------------------------------------------------
step_name=''
step_started=0
declare -a timings=()
step() { step_name=$1; step_started=$(now_ms); say "== $step_name"; }
step_done() {
  local ms=$(($(now_ms) - step_started))
  local s; s=$(awk -v ms="$ms" 'BEGIN { printf "%.1f", ms / 1000 }')
  timings+=("$(printf '%7s s  %s' "$s" "$step_name")")
  say "   done in $s s${1:+: $1}"
}

cleanup() {
  local rc=$?
  [ -z "$trickle_pid" ] || kill "$trickle_pid" 2>/dev/null || true
  if [ "$stack_up" = yes ]; then
    if [ $rc -ne 0 ]; then
      compose ps >&2 || true
      for svc in intake-service advice-service reminder-service kafka-1 kafka-2 kafka-3 postgres gateway kafka-init \
                 intake-migrate advice-migrate reminder-migrate; do
        echo "---- last log lines of $svc" >&2; compose logs --no-color --tail 25 "$svc" >&2 2>/dev/null || true
      done
    fi
    compose down -v --remove-orphans >/dev/null 2>&1 || true
  fi
  if [ -n "$dockerd_pid" ]; then
    say "stopping the Docker engine this script started (pid $dockerd_pid)"
    "$root/deploy/docker-engine.sh" stop "$dockerd_pid" || true
  fi
  rm -rf "$work"
  [ $rc -eq 0 ] || say "smoke test FAILED (exit $rc) after $((SECONDS - run_started)) s"
}
trap cleanup EXIT

# ---- HTTP through the gateway -------------------------------------------------------------------------------------
status=''
# call METHOD PATH [BODY [CURL_ARGS...]]: sets $status; body in $work/body, headers in $work/headers.
call() {
  local method=$1 path=$2 body=${3:-}
  shift $(($# < 3 ? $# : 3))
  local args=(-sS -X "$method" -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 10 --cacert "$ca"
    -H "Authorization: Bearer $token" -H 'Accept: application/json')
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data-binary "$body")
  status=$(curl "${args[@]}" "$@" "$api$path") || status=000
}
expect() { [ "$status" = "$1" ] || die "$2: HTTP $status, expected $1: $(head -c 300 "$work/body")"; }
header() { grep -i "^$1:" "$work/headers" | tail -n 1 | sed 's/^[^:]*:[[:space:]]*//' | tr -d '\r' || true; }
# json EXPR: evaluates EXPR with the last body as d.
json() { python3 -c "import json, sys; d = json.load(open('$work/body')); print($1)"; }
iso_in() { date -u -d "@$(($(date +%s) + $1))" +%Y-%m-%dT%H:%M:%SZ; }
uuid() { cat /proc/sys/kernel/random/uuid; }

# Polls a report's advice (404 with Retry-After until it is there) for up to 30 s.
await_advice() {
  local deadline=$((SECONDS + 30))
  while call GET "/cramp-reports/$1/advice"; [ "$status" = 404 ]; do
    [ $SECONDS -lt $deadline ] || die "no advice for report $1 after 30 s"
    sleep "$(header Retry-After | grep -E '^[0-9]+$' || echo 1)"
  done
  expect 200 "GET advice of report $1"
}

report_body() {
  printf '{"userId":"%s","occurredAt":"%s","muscle":"GLUTEUS_MAXIMUS","side":"LEFT","onset":"SUDDEN","severity":7,
    "durationSeconds":120,"context":"AFTER_EXERCISE","activity":{"type":"SQUATS","intensity":"HARD","minutes":45},
    "warmedUp":false,"stretchedAfter":false,"sweatingHeavily":true,"waterTodayMl":900,"visibleLump":true,
    "reliefBy":"STRETCHING","symptoms":[],"newMedication":false,"bodyWeightKg":70}' "$1" "$(iso_in -300)"
}

# ---- the stack --------------------------------------------------------------------------------------------------
# Every container of the project running and healthy (kafka-init and the *-migrate one-shots: exited 0); fails early
# on one that exited.
wait_healthy() {
  local what=$1 deadline=$((SECONDS + ${2:-180})) line bad
  while :; do
    bad=''
    while read -r line; do
      set -- $line
      case "$1" in
        *kafka-init*|*-migrate*) [ "$2" = exited ] && [ "$4" = 0 ] && continue
                      [ "$2" = exited ] && die "$what: $1 exited with $4" ;;
        *) [ "$2" = running ] && [ "$3" = healthy ] && continue
           [ "$2" = exited ] && [ "${KILLED:-}" = "$1" ] && continue ;;
      esac
      bad+=" $1($2/$3)"
    done < <(docker ps -a --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" -q \
      | xargs -r docker inspect -f '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}-{{end}} {{.State.ExitCode}}')
    [ -n "$bad" ] || return 0
    [ $SECONDS -lt $deadline ] || die "$what: not healthy in time:$bad"
    sleep 1
  done
}

psql_q() { compose exec -T postgres psql -U postgres -d crampcare -qAtc "$1"; }
# A Kafka tool as the cluster's admin principal (kafka-init adds the bootstrap servers and its client settings).
kafka_admin() { compose run --rm -T kafka-init "$@" 2>/dev/null; }
# A topic's records as stored, one per line as the console consumer prints them with headers and key:
# "HEADERS<TAB>KEY<TAB>VALUE", HEADERS as "name:value" joined by ",". Every value is a sealed event.
raw_records() {
  kafka_admin kafka-console-consumer.sh --topic "$1" --from-beginning --timeout-ms "${2:-8000}" \
    --property print.headers=true --property print.key=true || true
}
# Opens raw_records' lines with the key ring (deploy/kafka/open-events.py): "ce_id<TAB>user_id<TAB>payload", the
# payload as compact JSON ('"key":value', so that fields can be matched with grep), or "-" and why it does not open.
open_records() {
  "$root/deploy/kafka/open-events.py" <(psql_q "SELECT concat_ws(',', subject_ref, user_id, encode(secret, 'hex'))
    FROM privacy.subject_key WHERE secret IS NOT NULL" </dev/null)
}
# Records of a topic, opened, one per line: "ce_id<TAB>payload".
topic_records() { raw_records "$@" | open_records | cut -f1,3 || true; }
# "group topic partition current-offset log-end-offset" of the consuming groups, sorted.
group_offsets() {
  kafka_admin kafka-consumer-groups.sh --describe --all-groups \
    | awk '$2 == "cramp-reports" || $2 == "advice" {print $1, $2, $3, $4, $5}' | sort
}

# ==== 0. first-run secrets, engine, images ============================================================================
python3 -c 'import cryptography' 2>/dev/null \
  || die "python3 lacks the cryptography package that deploy/kafka/open-events.py needs (apt-get install python3-cryptography)"
step "deploy/first-run.sh (.env, the gateway's certificate, the JWT keys: made if missing)"
"$root/deploy/first-run.sh"
docker-compose -f "$root/docker-compose.yml" config -q || die "docker-compose.yml does not validate"
step_done

step "Docker engine"
dockerd_pid=$("$root/deploy/docker-engine.sh" start) || die "no Docker engine"
step_done "${dockerd_pid:+started dockerd (pid $dockerd_pid)}${dockerd_pid:-already running}"
leftover=$(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME")
[ -z "$leftover" ] || die "project $COMPOSE_PROJECT_NAME already has containers (docker-compose -p $COMPOSE_PROJECT_NAME down -v)"

docker volume ls -q | sort > "$work/volumes.before"

step "images (deploy/images/build.sh)"
"$root/deploy/images/build.sh"
step_done

token=$(./stack token smoke-ops)

# ==== 1. up ===========================================================================================================
step "docker-compose up -d, until every health check passes"
stack_up=yes
compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; die "up failed"; }
wait_healthy "up"
step_done

# ==== 2. report -> advice -> planned nudges ============================================================================
step "a report -> its advice -> planned nudges, a logged drink, through the gateway"
user=smoke-$(date +%s)
token=$(./stack token "$user")
# A time zone where it is about 10:00 now, so that the rest of the day has waking hours for nudges.
offset=$(( (10 - 10#$(date -u +%H) + 36) % 24 - 12 ))
if [ $offset -gt 0 ]; then zone=Etc/GMT-$offset; elif [ $offset -lt 0 ]; then zone=Etc/GMT+$((-offset)); else zone=Etc/UTC; fi
call GET "/users/$user/preferences"; expect 200 "GET preferences"
call PUT "/users/$user/preferences" "{\"timeZone\":\"$zone\",\"wakingStart\":\"07:00\",\"wakingEnd\":\"23:00\",
  \"dailyCap\":8,\"kinds\":[\"HYDRATION\",\"PRE_EXERCISE_HYDRATION\",\"WARM_UP\",\"STRETCH\"]}" -H "If-Match: $(header ETag)"
expect 200 "PUT preferences"
call POST /cramp-reports "$(report_body "$user")" -H "Idempotency-Key: $(uuid)"; expect 201 "POST report"
report=$(json 'd["id"]')
[ "$(header Location)" = "/api/v1/cramp-reports/$report" ] || die "Location is '$(header Location)'"
[ "$(json 'd["links"]["advice"]')" = "/api/v1/cramp-reports/$report/advice" ] || die "links.advice is wrong"
started=$(now_ms)
await_advice "$report"
advice_ms=$(($(now_ms) - started))
urgency=$(json 'd["urgency"]')
while call GET "/users/$user/nudges?status=PLANNED&pageSize=100"; expect 200 "GET nudges"
      [ "$(json 'sum(1 for n in d["items"] if n["kind"] == "HYDRATION")')" = 0 ]; do
  [ $(($(now_ms) - started)) -lt 30000 ] || die "no hydration nudges planned for $user after 30 s"
  sleep 0.5
done
planned=$(json 'len(d["items"])')
# The drink log and today's water, through the gateway too (each public path has its location there).
call POST "/users/$user/drinks" '{"amountMl":250}' -H "Idempotency-Key: $(uuid)"; expect 201 "POST drink"
call GET "/users/$user/hydration/today"; expect 200 "GET hydration/today"
[ "$(json 'd["today"]["drunkMl"] >= 250')" = True ] || die "today's water does not count the logged glass: $(head -c 300 "$work/body")"
step_done "Location and links relative to the gateway; advice ($urgency) seen ${advice_ms} ms after the 201, $planned nudges planned; a logged glass counted in today's water"

# ==== 3. the front door ==================================================================================================
step "the front door: path tricks, HTTPS only, answer headers, a new trace, 429 under a burst, no way to the Kafka nodes or the database"
admin=$(./stack token smoke-ops admin)
# 3a. Raw paths that decode or normalise to an operator endpoint (the first reached the outbox before issue 27): the
# gateway answers 400 (or 404: not routed), never an operator's answer; the services refuse what it relays anyway.
tricks=('/admin/outbox;x%2F..%2F..%2Fcramp-reports' '/admin/dead-letters/cramp-reports.dlq;x%2F..%2F..%2Fcramp-reports'
  '/admin/outbox' '/cramp-reports;x' '/cramp-reports/..%2F..%2Fv1%2Fadmin%2Foutbox' '/cramp-reports/%2e%2e/admin/outbox'
  '/cramp-reports/../admin/outbox' '/./admin/outbox' '/%61dmin/outbox' '/cramp-reports\..\admin\outbox'
  '/cramp-reports%5C..%5Cadmin%5Coutbox' '/cramp-reports/%252e%252e/admin/outbox')
answers=''
for path in "${tricks[@]}"; do
  code=$(curl -sS --path-as-is --cacert "$ca" -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 10 \
    -H "Authorization: Bearer $admin" "$api$path") || code=000
  [ "$code" = 400 ] || [ "$code" = 404 ] || die "$api$path answered $code: $(head -c 300 "$work/body")"
  [ "$(header Content-Type)" = application/problem+json ] || die "$path: $code without a problem body"
  ! grep -q -e pending -e parked -e deadLetters "$work/body" || die "$path answered an operator's body"
  answers+=" $code"
done
code=$(curl -sS --path-as-is -o "$work/body" -w '%{http_code}' -H 'X-CrampCare-Gateway: 1' -H "Authorization: Bearer $admin" \
  "http://127.0.0.1:${INTAKE_HOST_PORTS%%-*}/api/v1/admin/outbox;x%2F..%2F..%2Fcramp-reports")
[ "$code" = 404 ] || die "intake's own port: the trick marked as relayed answered $code"
# 3b. HTTPS only: the certificate checks against the CA first-run made; plain HTTP on the port is refused (a 400
# problem, no redirect); nothing else of the gateway is published.
code=$(curl -sS -o "$work/body" -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$GATEWAY_HOST_PORT/api/v1/users/$user/nudges") || code=000
[ "$code" = 400 ] && grep -q 'HTTPS only' "$work/body" || die "plain HTTP answered $code: $(head -c 200 "$work/body")"
published=$(docker port "$(compose ps -q gateway)" | cut -d' ' -f1 | sort -u | paste -sd' ')
[ "$published" = 8443/tcp ] || die "the gateway publishes: $published"
# 3c. Headers on an answer with health data, and on one of nginx's own.
for path in "/users/$user/nudges" /nothing-here; do
  call GET "$path"
  [ "$(header Cache-Control)" = no-store ] && [ "$(header X-Content-Type-Options)" = nosniff ] \
    && header Strict-Transport-Security | grep -q '^max-age=' || die "GET $path ($status) lacks no-store/nosniff/HSTS"
  [ -z "$(header Access-Control-Allow-Origin)" ] || die "CORS allowed with no origins configured"
done
# 3d. A client's trace context is not continued: the report's event carries a trace, not the client's. The report id
# is sealed in the value: the event (its ce_id) is found by opening the records with the key ring, then read as
# stored: a sealed-event value that does not show the user, and the key (= ce_subject) its subjectRef, not the user.
client_trace=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
call POST /cramp-reports "$(report_body "$user")" -H "Idempotency-Key: $(uuid)" \
  -H "traceparent: 00-$client_trace-00f067aa0ba902b7-01" -H 'baggage: userId=forged'
expect 201 "POST report with a client's traceparent"
traced=$(json 'd["id"]')
raw_records cramp-reports > "$work/raw"
event=$(open_records < "$work/raw" | awk -F'\t' -v user="$user" -v id="\"reportId\":\"$traced\"" \
  '$2 == user && index($3, id) {print $1; exit}' || true)
[ -n "$event" ] || die "the event of report $traced does not open with $user's key on topic cramp-reports"
IFS=$'\t' read -r headers key value < <(grep -F "ce_id:$event" "$work/raw") || die "event $event not on cramp-reports"
[[ $headers == *traceparent:00-* ]] || die "the event of report $traced has no traceparent: $headers"
[[ $headers != *"$client_trace"* ]] || die "the client's trace $client_trace was continued"
# The outbox keeps the value as jsonb, which spaces it out ("alg": "A256GCM"); no sealed field holds a space.
compact=${value// /}
[[ $compact == *'"alg":"A256GCM"'* && $value != *"$user"* ]] \
  || die "the value of report $traced's event is not a sealed event without the user: ${value:0:300}"
[[ $key != "$user" && $compact == *"\"subjectRef\":\"$key\""* && $headers == *"ce_subject:$key"* ]] \
  || die "the key of report $traced's event is not its subjectRef (value, ce_subject): key $key, headers $headers"
# 3e. A burst from one token, then from one address without tokens: beyond the allowance, 429 with Retry-After.
# burst N PARALLEL [CURL_ARGS...]: N GETs of the user's nudges, PARALLEL at a time over kept-alive connections (one
# curl), one line each: status, Retry-After, Content-Type.
burst() {
  local n=$1 parallel=$2 i urls=(); shift 2
  for ((i = 0; i < n; i++)); do urls+=(-o /dev/null "$api/users/$user/nudges"); done
  curl -Z --no-progress-meter --parallel-max "$parallel" --max-time 20 --cacert "$ca" "$@" \
    -w '%{http_code} %header{retry-after} %header{content-type}\n' "${urls[@]}" || true
}
# How many answers were 429; dies unless each 429 is a problem with Retry-After: 1.
throttled() {
  awk '$1 == 429 && !($2 == 1 && $3 == "application/problem+json") {print "bad 429: " $0; exit 1}' "$1" >&2 \
    || die "a 429 without Retry-After or problem body"
  grep -c '^429 ' "$1" || true
}
burst 60 30 -H "Authorization: Bearer $token" > "$work/burst"
per_token=$(throttled "$work/burst")
[ "$per_token" -gt 0 ] || die "no 429 in a burst of 60 from one token: $(cut -d' ' -f1 "$work/burst" | sort | uniq -c | tr '\n' ' ')"
sleep 3
burst 300 40 > "$work/burst"
per_address=$(throttled "$work/burst")
[ "$per_address" -gt 0 ] || die "no 429 in a burst of 300 from one address: $(cut -d' ' -f1 "$work/burst" | sort | uniq -c | tr '\n' ' ')"
sleep 3   # both allowances back for the steps that follow
# 3f. From inside the internet-facing gateway, neither a Kafka node nor the database, by name or by address; from a
# service, all of them (the same probe can succeed); the nodes' own listeners (inter-broker 9094, controller 9093,
# on the node network) from nothing but the nodes.
# The container's first address: on the backend network (networks are listed by name, "<project>_backend" first).
address_of() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$(compose ps -q "$1")" | awk '{print $1}'; }
# reachable FROM "HOST PORT"...: the targets the container FROM connects to (5 s each, all at once), one per line.
reachable() {
  local from=$1; shift
  compose exec -T "$from" bash -c 'for t in "$@"; do (timeout 5 bash -c "exec 3<>/dev/tcp/${t% *}/${t#* }" 2>/dev/null && echo "$t") & done; wait' \
    reach "$@" 2>/dev/null || true
}
targets=("postgres 5432" "$(address_of postgres) 5432")
for node in kafka-1 kafka-2 kafka-3; do targets+=("$node 9092" "$(address_of "$node") 9092"); done
reached=$(reachable gateway "${targets[@]}")
[ -z "$reached" ] || die "the gateway reaches: $(echo $reached)"
reached=$(reachable intake-service "${targets[@]}" | wc -l)
[ "$reached" = ${#targets[@]} ] || die "intake reaches $reached of ${#targets[@]} targets (the probe itself fails)"
reached=$(reachable intake-service "kafka-1-internal 9094" "$(address_of kafka-1) 9094" "$(address_of kafka-1) 9093")
[ -z "$reached" ] || die "intake reaches a node listener: $(echo $reached)"
step_done "path tricks:$answers; plain HTTP 400; no-store, nosniff, HSTS; trace not continued; the report's record sealed, keyed by its subjectRef; 429 for $per_token of 60 (one token) and $per_address of 300 (one address); gateway -> kafka-1..3, postgres refused by name and address, intake -> the nodes' inter-broker and controller listeners refused"

# ==== 4. a workout's warm-up on the nudges topic ==========================================================================
step "a workout 15 min + 40 s ahead -> its warm-up nudge due in 40 s, fired onto topic nudges"
workout_at() {  # workout_at SECONDS_UNTIL_THE_WARM_UP: registers a one-off workout, prints the warm-up nudge's id
  local lead_s=$1 workout
  call POST "/users/$user/workouts" "{\"type\":\"ONE_OFF\",\"startsAt\":\"$(iso_in $((900 + lead_s)))\",\"durationMinutes\":30,\"intensity\":\"HARD\"}"
  expect 201 "POST workout"
  workout=$(json 'd["id"]')
  call GET "/users/$user/nudges?pageSize=100"; expect 200 "GET nudges"
  json "next(n['id'] for n in d['items'] if n.get('workoutId') == '$workout' and n['kind'] == 'WARM_UP')"
}
# The fired state of these nudges (id status), from the reminder's table.
nudge_states() { psql_q "SELECT id, status FROM reminder.nudge WHERE id IN ($(printf "'%s'," "$@" | sed 's/,$//')) ORDER BY id"; }
wait_fired() {
  local deadline=$((SECONDS + $1)); shift
  until [ "$(nudge_states "$@" | grep -c '|FIRED$')" = $# ]; do
    [ $SECONDS -lt $deadline ] || die "not all fired in time: $(nudge_states "$@" | tr '\n' ' ')"
    sleep 2
  done
}
warm_up=$(workout_at 40)
wait_fired 120 "$warm_up"
topic_records nudges > "$work/nudges"
grep -q "\"nudgeId\":\"$warm_up\"" "$work/nudges" || die "warm-up $warm_up fired but not found on topic nudges"
step_done "nudge $warm_up on topic nudges ($(grep -c "\"nudgeId\":\"$warm_up\"" "$work/nudges") record)"

# ==== 5. two reminder replicas, one killed ==================================================================================
step "--scale reminder-service=2, warm-ups falling due, one replica killed -> each fired once"
compose up -d --no-recreate --scale reminder-service=2 >"$work/scale.log" 2>&1 || { cat "$work/scale.log" >&2; die "scale failed"; }
wait_healthy "scale to 2"
ids=()
for lead in 30 35 40 45 50 55 60 65; do ids+=("$(workout_at $lead)"); done
wait_fired 120 "${ids[0]}"
victim=$(compose ps -q reminder-service | tail -n 1)
docker kill "$victim" >/dev/null
KILLED=/$(docker inspect -f '{{.Name}}' "$victim" | sed 's|^/||')
say "   killed $KILLED with SIGKILL after the first warm-up fired"
wait_fired 180 "${ids[@]}"
topic_records nudges > "$work/nudges"
records=0
for id in "${ids[@]}"; do
  n=$(grep -c "\"nudgeId\":\"$id\"" "$work/nudges" || true)
  distinct=$(grep "\"nudgeId\":\"$id\"" "$work/nudges" | cut -f1 | sort -u | wc -l)
  [ "$distinct" = 1 ] || die "nudge $id has $distinct distinct events on topic nudges ($n records)"
  records=$((records + n))
done
restarted=$(docker inspect -f '{{.State.Status}} (restarts {{.RestartCount}})' "$victim")
compose up -d --no-recreate --scale reminder-service=1 >/dev/null 2>&1
unset KILLED
wait_healthy "back to one reminder"
step_done "${#ids[@]} warm-ups fired once each (${records} records, one event id each); the killed replica: $restarted"

# ==== 6. PostgreSQL restarted under a trickle of reports ===================================================================
# trickle FILE: POSTs a report every 0.2 s until $work/stop exists, one line each: "201 <id>" or "<status> -".
trickle() {
  local code t
  t=$(./stack token smoke-trickle)
  while [ ! -f "$work/stop" ]; do
    code=$(curl -sS -o "$work/trickle.body" -w '%{http_code}' --max-time 10 --cacert "$ca" -X POST -H "Authorization: Bearer $t" \
      -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" \
      --data-binary "$(report_body smoke-trickle)" "$api/cramp-reports") || code=000
    if [ "$code" = 201 ]; then
      echo "201 $(python3 -c "import json; print(json.load(open('$work/trickle.body'))['id'])")"
    else
      echo "$code -"
    fi
    sleep 0.2
  done > "$1"
}
start_trickle() { rm -f "$work/stop"; trickle "$1" & trickle_pid=$!; }
stop_trickle() { touch "$work/stop"; wait "$trickle_pid"; trickle_pid=''; }
# advised_once FILE: every report the trickle had accepted is stored and has exactly one advice row and one advice
# event, and no dead letter was parked; sets $n_accepted and $refused (the other answers, counted by status).
advised_once() {
  local accepted id_list deadline stored twice dead
  accepted=$(awk '$1 == 201 {print $2}' "$1")
  n_accepted=$(echo "$accepted" | grep -c . || true)
  refused=$(awk '$1 != 201 {n[$1]++} END {for (c in n) printf "%s%d x %s", (i++ ? ", " : ""), n[c], c}' "$1")
  [ "$n_accepted" -gt 0 ] || die "no report accepted during the trickle"
  id_list=$(echo "$accepted" | sed "s/.*/'&'/" | paste -sd, -)
  deadline=$((SECONDS + 120))
  until [ "$(psql_q "SELECT count(*) FROM advice.advice WHERE report_id IN ($id_list)")" = "$n_accepted" ]; do
    [ $SECONDS -lt $deadline ] || die "after 120 s only $(psql_q "SELECT count(*) FROM advice.advice WHERE report_id IN ($id_list)") of $n_accepted accepted reports have advice"
    sleep 2
  done
  stored=$(psql_q "SELECT count(*) FROM intake.cramp_report WHERE id IN ($id_list)")
  [ "$stored" = "$n_accepted" ] || die "$n_accepted reports accepted, $stored stored"
  topic_records advice > "$work/advice"
  twice=$(for id in $accepted; do grep -c "\"reportId\":\"$id\"" "$work/advice" | grep -v '^1$' || true; done | wc -l)
  [ "$twice" = 0 ] || die "$twice accepted reports do not have exactly one advice event on topic advice"
  dead=$(for t in cramp-reports.dlq advice.dlq; do topic_records "$t" 4000; done | wc -l)
  [ "$dead" = 0 ] || die "$dead dead letters on cramp-reports.dlq / advice.dlq"
}

step "restart postgres under a trickle of reports -> every accepted report advised once"
start_trickle "$work/trickle.pg"
sleep 5
t0=$(now_ms); compose restart postgres >/dev/null 2>&1; wait_healthy "restart postgres"; pg_s=$(($(now_ms) - t0))
sleep 5
stop_trickle
advised_once "$work/trickle.pg"
step_done "$n_accepted reports accepted (others: ${refused:-none}), each with one advice (row and event), 0 dead letters; postgres back in $((pg_s / 1000)) s"

# ==== 7. A Kafka node killed under a trickle of reports =====================================================================
step "SIGKILL the Kafka quorum's leader under a trickle of reports, start it again -> every report accepted, each advised once, the node back in every ISR"
# How many partitions are under-replicated, internal topics included (0: every replica in its partition's ISR).
under_replicated() {
  local out
  out=$(kafka_admin kafka-topics.sh --describe --under-replicated-partitions) || { echo "unknown (the tool failed)"; return; }
  grep -c 'Partition:' <<< "$out" || true
}
leader=$(kafka_admin kafka-metadata-quorum.sh describe --status | awk '$1 == "LeaderId:" {print $2}')
[[ $leader =~ ^[123]$ ]] || die "no quorum leader among the nodes: '$leader'"
node=kafka-$leader
[ "$(under_replicated)" = 0 ] || die "partitions under-replicated before the kill"
start_trickle "$work/trickle.kafka"
sleep 5
victim=$(compose ps -q "$node")
docker kill "$victim" >/dev/null
t0=$(now_ms)
say "   killed $node (the quorum's leader) with SIGKILL; down for 20 s under the trickle"
sleep 20
# Started by hand: Docker does not restart a container that was killed by an explicit `docker kill`.
[ "$(docker inspect -f '{{.State.Running}}' "$victim")" = true ] || docker start "$victim" >/dev/null
wait_healthy "start $node"; listener_s=$(($(now_ms) - t0))
deadline=$((SECONDS + 90))
while n=$(under_replicated); [ "$n" != 0 ]; do
  [ $SECONDS -lt $deadline ] || die "$n partitions still under-replicated 90 s after $node was started"
  sleep 2
done
isr_s=$(($(now_ms) - t0))
sleep 5
stop_trickle
[ -z "$(awk '$1 != 201' "$work/trickle.kafka")" ] || die "reports refused while $node was down: $(awk '$1 != 201 {print $1}' "$work/trickle.kafka" | sort | uniq -c | tr '\n' ' ')"
advised_once "$work/trickle.kafka"
step_done "$node down 20 s: all $n_accepted POSTs 201, each report with one advice (row and event), 0 dead letters; its listener back $((listener_s / 1000)) s after the kill, no partition under-replicated after $((isr_s / 1000)) s"

# ==== 8. The cluster's guards ================================================================================================
step "every topic replication factor 3 and min.insync.replicas 2; intake refused on topic advice; clients without credentials refused"
# Replication factor per topic (internal topics included), then each topic's effective min.insync.replicas.
kafka_admin kafka-topics.sh --describe | awk '$1 == "Topic:" && $7 == "ReplicationFactor:" {print $2, $8}' | sort > "$work/rf"
kafka_admin kafka-configs.sh --describe --all --entity-type topics \
  | awk '/^All configs for topic / {t = $5} $1 ~ /^min\.insync\.replicas=/ {split($1, kv, "="); print t, kv[2]}' | sort > "$work/min-isr"
grep -q '^__consumer_offsets ' "$work/rf" || die "__consumer_offsets not described: $(cat "$work/rf")"
missing=$(comm -23 <(sed 's/#.*//' deploy/kafka/topics.conf | awk 'NF {print $1}' | sort) <(cut -d' ' -f1 "$work/rf"))
[ -z "$missing" ] || die "topics of topics.conf not on the cluster: $(echo $missing)"
! awk '$2 != 3' "$work/rf" | grep . || die "topics without replication factor 3 (above)"
[ "$(cut -d' ' -f1 "$work/min-isr")" = "$(cut -d' ' -f1 "$work/rf")" ] || die "min.insync.replicas not read for every topic: $(cat "$work/min-isr")"
! awk '$2 != 2' "$work/min-isr" | grep . || die "topics without min.insync.replicas 2 (above)"
# intake's principal writing another service's topic: an authorization error, and nothing on the topic.
forged=forged-$(uuid)
echo "$forged" | compose run --rm -T kafka-init as intake kafka-console-producer.sh --topic advice \
  --producer-property max.block.ms=10000 > "$work/forged.log" 2>&1 || true
grep -q 'TopicAuthorizationException' "$work/forged.log" || die "intake writing topic advice: no authorization error: $(tail -n 5 "$work/forged.log")"
! kafka_admin kafka-console-consumer.sh --topic advice --from-beginning --timeout-ms 8000 | grep -q "$forged" \
  || die "intake's record is on topic advice"
# A client without credentials: PLAINTEXT to the SASL_SSL listener, and SCRAM with a wrong password.
if compose run --rm -T --entrypoint bash kafka-init -c '/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka-1:9092 \
    --list --command-config <(printf "default.api.timeout.ms=8000\nrequest.timeout.ms=4000\n")' > "$work/plain.log" 2>&1 \
  || grep -qx 'cramp-reports' "$work/plain.log"; then
  die "a PLAINTEXT client listed the topics: $(tail -n 5 "$work/plain.log")"
fi
if compose run --rm -T -e INTAKE_KAFKA_PASSWORD=wrong kafka-init as intake kafka-topics.sh --list > "$work/wrong.log" 2>&1; then
  die "a wrong password listed the topics: $(tail -n 5 "$work/wrong.log")"
fi
grep -q 'SaslAuthenticationException' "$work/wrong.log" || die "a wrong password: no authentication error: $(tail -n 5 "$work/wrong.log")"
step_done "$(wc -l < "$work/rf") topics (__consumer_offsets included) replication factor 3, min.insync.replicas 2; intake on advice: TopicAuthorizationException, record not there; PLAINTEXT and a wrong password refused"

# ==== 9. down, up: data and offsets kept ====================================================================================
step "docker-compose down, then up -> reports, advice and consumer offsets kept, nothing issued twice"
counts() { psql_q "SELECT (SELECT count(*) FROM intake.cramp_report), (SELECT count(*) FROM advice.advice)"; }
before_counts=$(counts)
group_offsets > "$work/offsets.before"
[ -s "$work/offsets.before" ] || die "no consumer group offsets to compare"
topic_records advice | wc -l > "$work/advice.before"
t0=$(now_ms); compose down >/dev/null 2>&1; down_s=$(($(now_ms) - t0))
t0=$(now_ms); compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; die "up after down failed"; }
wait_healthy "up after down"; up_s=$(($(now_ms) - t0))
[ "$(counts)" = "$before_counts" ] || die "counts (reports|advice) were $before_counts, now $(counts)"
group_offsets > "$work/offsets.after"
diff "$work/offsets.before" "$work/offsets.after" >&2 || die "consumer offsets changed across down/up"
[ "$(topic_records advice | wc -l)" = "$(cat "$work/advice.before")" ] || die "advice events were published again after up"
call POST /cramp-reports "$(report_body "$user")" -H "Idempotency-Key: $(uuid)"; expect 201 "POST report after up"
await_advice "$(json 'd["id"]')"
step_done "reports|advice $before_counts kept, $(wc -l < "$work/offsets.before") partition offsets unchanged, $(cat "$work/advice.before") advice events, none again; down $((down_s / 1000)) s, up to healthy $((up_s / 1000)) s"

# ==== 10. down -v ==============================================================================================================
step "docker-compose down -v -> no containers, volumes or networks of the project left"
compose down -v --remove-orphans >/dev/null 2>&1
stack_up=no
label="label=com.docker.compose.project=$COMPOSE_PROJECT_NAME"
left="$(docker ps -aq --filter "$label")$(docker volume ls -q --filter "$label")$(docker network ls -q --filter "$label")"
[ -z "$left" ] || die "left behind: $left"
# Anonymous volumes carry no project label: none may have been added by the run (images declare VOLUMEs).
left=$(docker volume ls -q | sort | comm -13 "$work/volumes.before" -)
[ -z "$left" ] || die "volumes left behind: $left"
step_done

say "all steps passed in $((SECONDS - run_started)) s:"
printf '  %s\n' "${timings[@]}"
