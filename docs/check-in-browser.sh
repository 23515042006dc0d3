#!/usr/bin/env bash
# Opens the docs pages of a running CrampCare stack in headless Chromium and checks what they render.
#
# Usage: docs/check-in-browser.sh            (against ./stack up on the default ports)
#        INTAKE_PORT=28081 ADVICE_PORT=28082 REMINDER_PORT=28083 docs/check-in-browser.sh
#
# For each service (intake, advice, reminder) it loads /q/swagger-ui/, /docs/index.html and
# /docs/events.html, lets the page's JavaScript run, and checks the rendered DOM:
#   - Swagger UI shows the API's title and every path of the service's /q/openapi;
#   - the landing page links to the event catalogue, Swagger UI and the OpenAPI document;
#   - the event catalogue shows every topic (address) of event-contracts' asyncapi.yaml;
#   - the advice service's /docs/rules.html shows the rules page with some of its rules.
# Any console error or uncaught exception Chromium logs fails the page too. One line per page: OK or FAIL;
# exit status 1 if any page failed.
#
# Environment: INTAKE_PORT (8081), ADVICE_PORT (8082), REMINDER_PORT (8083), DOCS_HOST (127.0.0.1),
#   CHROMIUM (chromium), RESULTS (docs/target/browser-check: a PNG screenshot, the rendered DOM and
#   Chromium's log per page; under target/, so git ignores it).
# Needs: chromium (Debian/Ubuntu: apt-get install chromium), curl.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
host=${DOCS_HOST:-127.0.0.1}
chromium=${CHROMIUM:-chromium}
results=${RESULTS:-$root/docs/target/browser-check}
asyncapi=$root/event-contracts/src/main/resources/asyncapi.yaml

if ! command -v "$chromium" >/dev/null 2>&1; then
  echo "check-in-browser: '$chromium' not found. Install Chromium (Debian/Ubuntu: apt-get install chromium)" \
       "or point CHROMIUM at a Chrome/Chromium binary." >&2
  exit 2
fi
command -v curl >/dev/null || { echo "check-in-browser: curl not found (apt-get install curl)" >&2; exit 2; }

mkdir -p "$results"
profiles=$(mktemp -d)
trap 'rm -rf "$profiles"' EXIT

# Flags for a closed network: without the background-networking ones Chromium waits on Google services.
flags=(--headless --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --hide-scrollbars --window-size=1280,1600
       --enable-logging=stderr --v=0)
[ "$(id -u)" -ne 0 ] || flags+=(--no-sandbox)  # Chromium refuses to run as root with its sandbox

failures=0
fail() { echo "FAIL $1: $2" >&2; failures=$((failures + 1)); }

# render NAME URL: loads URL, leaves NAME.html (DOM), NAME.png and NAME.log in $results.
# The virtual time budget lets Swagger UI fetch the OpenAPI document and draw it before the DOM is dumped.
render() {
  local name=$1 url=$2
  timeout 120 "$chromium" "${flags[@]}" --user-data-dir="$(mktemp -d -p "$profiles")" \
    --virtual-time-budget=15000 --screenshot="$results/$name.png" --dump-dom "$url" \
    >"$results/$name.html" 2>"$results/$name.log"
}

# js_errors NAME: console messages that report errors; Chromium logs every console message as INFO:CONSOLE.
js_errors() {
  grep -E ':CONSOLE[:(]' "$results/$1.log" | grep -iE 'error|uncaught|exception|failed|refused' || true
}

# check NAME URL NEEDLE...: the page must answer 200 without a token, render, contain every needle, log no JS error.
check() {
  local name=$1 url=$2 needle missing=() errors
  shift 2
  if ! curl -fsS -o /dev/null --max-time 10 "$url"; then
    fail "$name" "$url does not answer 200 without a token (is the stack up on these ports?)"
    return
  fi
  if ! render "$name" "$url"; then
    fail "$name" "Chromium failed on $url; see $results/$name.log"
    return
  fi
  for needle in "$@"; do
    grep -qF -- "$needle" "$results/$name.html" || missing+=("$needle")
  done
  errors=$(js_errors "$name")
  if [ "${#missing[@]}" -gt 0 ]; then
    fail "$name" "$url rendered without: ${missing[*]} (DOM in $results/$name.html)"
  elif [ -n "$errors" ]; then
    fail "$name" "$url logged JavaScript errors:"$'\n'"$errors"
  else
    echo "OK   $name  $url  ($# expected items, screenshot $results/$name.png)"
  fi
}

# The topics are the channel addresses of asyncapi.yaml; the catalogue marks each section with data-topic.
mapfile -t topics < <(sed -n 's/^    address: *\(.*\)/data-topic="\1"/p' "$asyncapi")
[ "${#topics[@]}" -gt 0 ] || { echo "check-in-browser: no channel addresses in $asyncapi" >&2; exit 2; }

for service in intake advice reminder; do
  case $service in
    intake) port=${INTAKE_PORT:-8081} ;;
    advice) port=${ADVICE_PORT:-8082} ;;
    reminder) port=${REMINDER_PORT:-8083} ;;
  esac
  base=http://$host:$port

  # What Swagger UI must show: the API title and every path, read from the service's own OpenAPI (YAML).
  if ! openapi=$(curl -fsS --max-time 10 "$base/q/openapi"); then
    fail "$service-swagger-ui" "$base/q/openapi does not answer 200 (stack down, or CRAMPCARE_API_DOCS_ENABLED=false?)"
  else
    title=$(sed -n '/^info:/,/^[^ ]/ s/^  title: *//p' <<<"$openapi" | head -n 1 | tr -d "\"'")
    mapfile -t paths < <(sed -n '/^paths:/,/^[^ ]/ s/^  \(["'"'"']\{0,1\}\/[^:]*\):.*/\1/p' <<<"$openapi" | tr -d "\"'")
    if [ -z "$title" ] || [ "${#paths[@]}" -eq 0 ]; then
      fail "$service-swagger-ui" "no info.title or paths found in $base/q/openapi"
    else
      # Swagger UI puts each operation's path in a data-path attribute of its summary row.
      paths=("${paths[@]/#/data-path=\"}")
      check "$service-swagger-ui" "$base/q/swagger-ui/" "$title" "${paths[@]/%/\"}"
    fi
  fi

  check "$service-docs-index" "$base/docs/index.html" \
    "CrampCare API docs" 'href="events.html"' 'href="/q/swagger-ui/"' 'href="/q/openapi"'
  check "$service-docs-events" "$base/docs/events.html" \
    "CrampCare events" "${topics[@]}"
  if [ "$service" = advice ]; then
    check "advice-docs-rules" "$base/docs/rules.html" \
      "CrampCare advice rules" 'data-rule="daily-water"' 'data-rule="overdrinking-guard"' 'data-rule="dark-urine-emergency"'
  fi
done

if [ "$failures" -gt 0 ]; then
  echo "check-in-browser: $failures page(s) failed; DOMs, logs and screenshots in $results" >&2
  exit 1
fi
echo "check-in-browser: all pages OK; screenshots in $results"
