#!/usr/bin/env bash
# Checks the Grafana dashboard against running services: the JSON parses, and every metric its queries use is
# exposed on at least one of the given /q/metrics URLs.
#   deploy/observability/check-dashboard.sh http://localhost:8081/q/metrics http://localhost:8082/q/metrics ...
# ALLOW_MISSING="name ..." lists metrics expected but not exposed yet (reported, not failed).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 METRICS_URL..." >&2; exit 2; }
dashboard="$(dirname "$0")/grafana/dashboards/crampcare.json"
scrape=$(mktemp)
trap 'rm -f "$scrape"' EXIT
for url in "$@"; do
  curl -fsS "$url" >>"$scrape"
done
python3 - "$dashboard" "$scrape" "${ALLOW_MISSING:-}" <<'PY'
import json, re, sys

dashboard, scrape, allowed = sys.argv[1], sys.argv[2], set(sys.argv[3].split())
exprs = [t["expr"] for p in json.load(open(dashboard))["panels"] for t in p.get("targets", [])]
exposed = {line.split("{")[0].split(" ")[0] for line in open(scrape) if line and not line.startswith("#")}
# What a query names that is not a metric: functions, keywords, and anything inside {...}, by/without (...), "...".
not_metrics = {"sum", "max", "min", "avg", "count", "rate", "increase", "irate", "histogram_quantile",
               "label_replace", "by", "without", "on", "ignoring", "and", "or", "unless"}
used = set()
for expr in exprs:
    bare = re.sub(r'"[^"]*"|\{[^}]*\}|\b(by|without)\s*\([^)]*\)|\[[^\]]*\]', " ", expr)
    used |= {name for name in re.findall(r"[a-zA-Z_:][a-zA-Z0-9_:]*", bare) if name not in not_metrics}
missing = sorted(used - exposed)
for name in sorted(used):
    state = "ok" if name in exposed else ("pending" if name in allowed else "MISSING")
    print(f"{state:8} {name}")
failed = [m for m in missing if m not in allowed]
print(f"{len(used)} metrics in {len(exprs)} queries; {len(failed)} missing" + (f", {len(missing) - len(failed)} pending" if missing else ""))
sys.exit(1 if failed else 0)
PY
