#!/usr/bin/env bash
# Checks the Grafana dashboard and the alert rules (alerts.yml) against running services: every metric their queries
# use is exposed on at least one of the given /q/metrics URLs.
#   METRICS_TOKEN=$(./stack token check metrics) \
#     deploy/observability/check-dashboard.sh http://localhost:8081/q/metrics http://localhost:8082/q/metrics ...
# METRICS_TOKEN: a token with role metrics (or admin), which /q/metrics needs.
# ALLOW_MISSING="name ..." lists metrics expected but not exposed yet (reported, not failed).
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 METRICS_URL..." >&2; exit 2; }
dashboard="$(dirname "$0")/grafana/dashboards/crampcare.json"
alerts="$(dirname "$0")/alerts.yml"
[ -n "${METRICS_TOKEN:-}" ] || { echo "$0: set METRICS_TOKEN (./stack token check metrics)" >&2; exit 2; }
scrape=$(mktemp)
trap 'rm -f "$scrape"' EXIT
for url in "$@"; do
  curl -fsS -H "Authorization: Bearer $METRICS_TOKEN" "$url" >>"$scrape"
done
python3 - "$dashboard" "$alerts" "$scrape" "${ALLOW_MISSING:-}" <<'PY'
import json, re, sys

dashboard, alerts, scrape, allowed = sys.argv[1], sys.argv[2], sys.argv[3], set(sys.argv[4].split())
exprs = [t["expr"] for p in json.load(open(dashboard))["panels"] for t in p.get("targets", [])]
# alerts.yml's expressions: "expr: <one line>", or "expr: >" and the more indented lines below it.
lines = open(alerts).read().splitlines()
for i, line in enumerate(lines):
    m = re.match(r"^(\s*)expr:\s*(.*)$", line)
    if not m:
        continue
    if m.group(2) not in (">", "|"):
        exprs.append(m.group(2))
        continue
    block = []
    for more in lines[i + 1:]:
        if len(more) - len(more.lstrip()) <= len(m.group(1)):
            break
        block.append(more.strip())
    exprs.append(" ".join(block))
exposed = {line.split("{")[0].split(" ")[0] for line in open(scrape) if line and not line.startswith("#")}
# What a query names that is not a service's metric: functions, keywords, Prometheus' own "up", and anything inside
# {...}, by/without (...), "...".
not_metrics = {"sum", "max", "min", "avg", "count", "rate", "increase", "irate", "histogram_quantile",
               "label_replace", "by", "without", "on", "ignoring", "and", "or", "unless", "up"}
used = set()
for expr in exprs:
    bare = re.sub(r'"[^"]*"|\{[^}]*\}|\b(by|without)\s*\([^)]*\)|\[[^\]]*\]', " ", expr)
    used |= {name for name in re.findall(r"[a-zA-Z_:][a-zA-Z0-9_:]*", bare) if name not in not_metrics}
missing = sorted(used - exposed)
for name in sorted(used):
    state = "ok" if name in exposed else ("pending" if name in allowed else "MISSING")
    print(f"{state:8} {name}")
failed = [m for m in missing if m not in allowed]
print(f"{len(used)} metrics in {len(exprs)} queries (dashboard and alerts); {len(failed)} missing" + (f", {len(missing) - len(failed)} pending" if missing else ""))
sys.exit(1 if failed else 0)
PY
