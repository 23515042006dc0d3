#!/usr/bin/env bash
# A Docker engine for the compose smoke test and the container tests, on machines without one running (CI here):
#   deploy/docker-engine.sh start       starts dockerd unless an engine answers; prints its PID only if it started it
#   deploy/docker-engine.sh stop PID    stops that dockerd (by PID) and waits until it has exited
# With the engine's own packet filter (iptables, which docker.io depends on): compose networks are then isolated from
# each other as on any Docker host, so the gateway cannot reach the broker or the database even by address (without
# it, the host routes between the networks' bridges). Log: ${TMPDIR:-/tmp}/crampcare-dockerd.log.
set -euo pipefail
log=${TMPDIR:-/tmp}/crampcare-dockerd.log
case "${1:-}" in
  start)
    docker info >/dev/null 2>&1 && exit 0
    command -v dockerd >/dev/null || { echo "no Docker engine: apt-get install -y --no-install-recommends docker.io" >&2; exit 1; }
    iptables -L -n >/dev/null 2>&1 || { echo "iptables does not work here (dockerd needs it to isolate networks): apt-get install -y iptables" >&2; exit 1; }
    dockerd >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || { kill "$pid" 2>/dev/null; echo "dockerd did not answer; log $log" >&2; exit 1; }
    echo "$pid"
    ;;
  stop)
    pid=${2:?usage: $0 stop PID}
    kill "$pid" 2>/dev/null || exit 0
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.5; done
    echo "dockerd (pid $pid) still runs after 60 s" >&2; exit 1
    ;;
  *) echo "usage: $0 start | stop PID" >&2; exit 2 ;;
esac
