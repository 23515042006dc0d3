#!/usr/bin/env python3
"""Checks the gateway's routes against the services' OpenAPI documents: every public path of a service reaches that
service through the gateway, and no /api/v1/admin path is routed at all. Operations marked x-internal (called service
to service only) are not public. nginx picks an exact location
(`location = /p`) first, else the first regex location that matches, in file order; this script does the same.

Usage: deploy/gateway/check-routes.py [ROOT]   (the documents are <service>/target/openapi/openapi.json, written by
the build). Exit 0 when every path is routed to its owner, 1 when not, 2 when a document is missing.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2])
TEMPLATE = ROOT / "deploy/gateway/crampcare.conf.template"
SERVICES = {"intake": "intake-service", "advice": "advice-service", "reminder": "reminder-service"}
LOCATION = re.compile(r"^\s*location\s+(=|~)\s+(\S+)\s*\{\s*proxy_pass\s+\$(\w+);\s*\}")


def routes():
    exact, regexes = {}, []
    for line in TEMPLATE.read_text().splitlines():
        match = LOCATION.match(line)
        if match:
            kind, pattern, target = match.groups()
            if kind == "=":
                exact[pattern] = target
            else:
                regexes.append((re.compile(pattern), target))
    return exact, regexes


def routed_to(path, exact, regexes):
    if path in exact:
        return exact[path]
    return next((target for pattern, target in regexes if pattern.search(path)), None)


def main():
    exact, regexes = routes()
    problems = []
    for service, module in SERVICES.items():
        document = ROOT / module / "target/openapi/openapi.json"
        if not document.is_file():
            print(f"check-routes: {document} not found (run ./mvnw package -DskipTests first)", file=sys.stderr)
            return 2
        for template, operations in json.loads(document.read_text())["paths"].items():
            # Operations marked x-internal are called service to service only (the export's parts): not routed.
            if all(isinstance(op, dict) and op.get("x-internal") is True for op in operations.values()
                   if isinstance(op, dict) and "responses" in op):
                continue
            # A path parameter as a client fills it: one segment without '/'.
            path = re.sub(r"\{[^}]+\}", "p-1", template)
            target = routed_to(path, exact, regexes)
            if template.startswith("/api/v1/admin/"):
                if target is not None:
                    problems.append(f"{template} ({service}) is an ops-only path but the gateway routes it to {target}")
            elif target != service:
                problems.append(f"{template} belongs to {service} but the gateway routes it to {target or 'nothing (404)'}")
    for problem in problems:
        print(f"check-routes: {problem}", file=sys.stderr)
    print("check-routes: " + ("FAILED" if problems else "every public path reaches its service; no admin path is routed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
