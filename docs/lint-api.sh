#!/usr/bin/env bash
# Lints the API documents: Redocly CLI on the three services' OpenAPI documents (config docs/redocly.yaml) and the
# AsyncAPI CLI on the event catalogue (event-contracts/src/main/resources/asyncapi.yaml), and checks that the gateway
# routes every public path of each document to its service (deploy/gateway/check-routes.py). CI runs it after
# `./mvnw verify`, which writes each service's document to <service>/target/openapi/openapi.yaml.
#
# Usage: docs/lint-api.sh     exit status 0 when both linters report no errors (AsyncAPI: no warnings either),
#                             1 when they do, 2 when a document or a tool is missing.
#
# The tools are the exact versions of docs/lint/package-lock.json, installed with `npm ci` into
# docs/target/lint-tools (git ignores target/; nothing is installed globally) and reused while the lock file is
# unchanged. Needs Node.js 20.19+ or 22.12+ and npm; the first install fetches ~1,500 packages from the npm registry.
# Environment: LINT_TOOLS (docs/target/lint-tools).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tools=${LINT_TOOLS:-$root/docs/target/lint-tools}
catalogue=$root/event-contracts/src/main/resources/asyncapi.yaml
documents=()
for service in intake-service advice-service reminder-service; do
  documents+=("$root/$service/target/openapi/openapi.yaml")
done

missing=0
for document in "${documents[@]}" "$catalogue"; do
  if [[ ! -f $document ]]; then
    echo "lint-api: $document not found" >&2
    missing=1
  fi
done
if ((missing)); then
  echo "lint-api: the services write their OpenAPI documents at build time; run ./mvnw package -DskipTests" \
       "(or ./mvnw verify) first." >&2
  exit 2
fi
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "lint-api: $tool not found (Node.js 20.19+ or 22.12+ with npm)" >&2; exit 2; }
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# Install only when the pinned lock changed since the last install (npm ci wipes node_modules and starts over).
# --ignore-scripts: linting needs no install script, and some of the AsyncAPI CLI's dependencies would download more.
started=$(now)
if ! cmp -s "$root/docs/lint/package-lock.json" "$tools/package-lock.json" || [[ ! -d $tools/node_modules ]]; then
  mkdir -p "$tools"
  cp "$root/docs/lint/package.json" "$root/docs/lint/package-lock.json" "$tools/"
  echo "lint-api: installing the pinned lint tools into ${tools#"$root"/}"
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "lint-api: installed in $(elapsed "$started")"
fi

# No telemetry, no update checks: CI sends nothing anywhere. The AsyncAPI CLI reads its analytics switch from a
# file (by default in the home directory); this one lives with the tools.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export ASYNCAPI_METRICS_CONFIG_PATH=$tools/asyncapi-analytics.json
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"crampcare-ci"}' >"$ASYNCAPI_METRICS_CONFIG_PATH"

status=0
started=$(now)
echo "lint-api: Redocly CLI on the OpenAPI documents"
"$tools/node_modules/.bin/redocly" lint --config "$root/docs/redocly.yaml" --format stylish "${documents[@]}" || status=1
echo "lint-api: Redocly CLI done in $(elapsed "$started")"

started=$(now)
echo "lint-api: AsyncAPI CLI on the event catalogue"
"$tools/node_modules/.bin/asyncapi" validate "$catalogue" --fail-severity warn || status=1
echo "lint-api: AsyncAPI CLI done in $(elapsed "$started")"

echo "lint-api: the gateway's routes against the OpenAPI documents"
python3 "$root/deploy/gateway/check-routes.py" "$root" || status=1

if ((status)); then
  echo "lint-api: FAILED (see the errors above)" >&2
else
  echo "lint-api: OK"
fi
exit "$status"
