#!/usr/bin/env bash
# The compose stack on a real Docker engine, end to end through the gateway (CI runs it after ./mvnw verify):
#   deploy/smoke-test.sh
# Starts dockerd if no engine answers (and stops it again, by PID), builds the images (deploy/images/build.sh), runs
# docker-compose.yml as project crampcare-smoke on ports 18080-18084 (apart from a ./stack or a compose stack of
# ops), waits for every health check, then: a report -> advice -> planned nudges; a workout's warm-up on `nudges`;
# two reminder replicas, one killed -> each due nudge fired once; PostgreSQL and Kafka restarted under a trickle of
# reports -> each accepted report advised once; down + up -> data and consumer offsets kept; down -v -> nothing left.
# Prints each step's time. Needs root (debootstrap, dockerd), docker, docker-compose, curl, python3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export COMPOSE_PROJECT_NAME=${CRAMPCARE_SMOKE_PROJECT:-crampcare-smoke}
export GATEWAY_HOST_PORT=${GATEWAY_HOST_PORT:-18080} INTAKE_HOST_PORTS=${INTAKE_HOST_PORTS:-18081}
export ADVICE_HOST_PORTS=${ADVICE_HOST_PORTS:-18082} REMINDER_HOST_PORTS=${REMINDER_HOST_PORTS:-18083-18084}
api=http://127.0.0.1:$GATEWAY_HOST_PORT/api/v1
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
      for svc in intake-service advice-service reminder-service kafka postgres gateway kafka-init; do
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
  local args=(-sS -X "$method" -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 10
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
# Every container of the project running and healthy (kafka-init: exited 0); fails early on one that exited.
wait_healthy() {
  local what=$1 deadline=$((SECONDS + ${2:-180})) line bad
  while :; do
    bad=''
    while read -r line; do
      set -- $line
      case "$1" in
        *kafka-init*) [ "$2" = exited ] && [ "$4" = 0 ] && continue
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
# Records of a topic, one per line: "ce_id<TAB>value" (headers printed by the console consumer), JSON compacted
# to '"key":value' so that fields can be matched with grep.
topic_records() {
  compose exec -T kafka kafka-console-consumer.sh --bootstrap-server kafka:9092 --topic "$1" --from-beginning \
    --timeout-ms "${2:-8000}" --property print.headers=true --property headers.separator='|' 2>/dev/null \
    | sed -n -e 's/": /":/g' -e 's/.*ce_id:\([^|[:space:]]*\).*\t\(.*\)/\1\t\2/p' || true
}
# "group topic partition current-offset log-end-offset" of the consuming groups, sorted.
group_offsets() {
  compose exec -T kafka kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --all-groups 2>/dev/null \
    | awk '$2 == "cramp-reports" || $2 == "advice" {print $1, $2, $3, $4, $5}' | sort
}

# ==== 0. engine, images =============================================================================================
step "Docker engine"
dockerd_pid=$("$root/deploy/docker-engine.sh" start) || die "no Docker engine"
step_done "${dockerd_pid:+started dockerd (pid $dockerd_pid)}${dockerd_pid:-already running}"
leftover=$(docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME")
[ -z "$leftover" ] || die "project $COMPOSE_PROJECT_NAME already has containers (docker-compose -p $COMPOSE_PROJECT_NAME down -v)"

docker volume ls -q | sort > "$work/volumes.before"

step "images (deploy/images/build.sh)"
"$root/deploy/images/build.sh"
step_done

token=$(./stack token smoke-ops)   # also makes .stack/keys (the public key compose mounts) on a fresh clone

# ==== 1. up ===========================================================================================================
step "docker-compose up -d, until every health check passes"
stack_up=yes
compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; die "up failed"; }
wait_healthy "up"
step_done

# ==== 2. report -> advice -> planned nudges ============================================================================
step "a report -> its advice -> planned nudges, through the gateway"
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
step_done "Location and links relative to the gateway; advice ($urgency) seen ${advice_ms} ms after the 201, $(json 'len(d["items"])') nudges planned"

# ==== 3. a workout's warm-up on the nudges topic ==========================================================================
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

# ==== 4. two reminder replicas, one killed ==================================================================================
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

# ==== 5. PostgreSQL and Kafka restarted under a trickle of reports ==========================================================
step "restart postgres, then restart kafka, under a trickle of reports -> every accepted report advised once"
trickle() {
  local i=0 code t
  t=$(./stack token smoke-trickle)
  while [ ! -f "$work/stop" ]; do
    i=$((i + 1))
    code=$(curl -sS -o "$work/trickle.body" -w '%{http_code}' --max-time 10 -X POST -H "Authorization: Bearer $t" \
      -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" \
      --data-binary "$(report_body smoke-trickle)" "$api/cramp-reports") || code=000
    if [ "$code" = 201 ]; then
      echo "201 $(python3 -c "import json; print(json.load(open('$work/trickle.body'))['id'])")"
    else
      echo "$code -"
    fi
    sleep 0.2
  done > "$work/trickle"
}
trickle & trickle_pid=$!
sleep 5
t0=$(now_ms); compose restart postgres >/dev/null 2>&1; wait_healthy "restart postgres"; pg_s=$(($(now_ms) - t0))
sleep 5
t0=$(now_ms); compose restart kafka >/dev/null 2>&1; wait_healthy "restart kafka"; kafka_s=$(($(now_ms) - t0))
sleep 5
touch "$work/stop"; wait "$trickle_pid"; trickle_pid=''
accepted=$(awk '$1 == 201 {print $2}' "$work/trickle")
n_accepted=$(echo "$accepted" | grep -c . || true)
refused=$(awk '$1 != 201 {n[$1]++} END {for (c in n) printf "%s%d x %s", (i++ ? ", " : ""), n[c], c}' "$work/trickle")
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
step_done "$n_accepted reports accepted (others: ${refused:-none}), each with one advice, 0 dead letters; postgres back in $((pg_s / 1000)) s, kafka in $((kafka_s / 1000)) s"

# ==== 6. down, up: data and offsets kept ====================================================================================
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

# ==== 7. down -v ==============================================================================================================
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
