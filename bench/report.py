"""Turns the raw files bench/run.sh writes into results.json, summary.md tables and the latency plot (SVG).

Standard library only: the bench must run on a fresh clone with nothing installed.
  report.py footprint DIR            ready times and RSS at rest
  report.py latency-point DIR RATE   one rate's line; exit status 1 when that rate saturated the stack
  report.py latency DIR              the curve: table and latency.svg
  report.py intake DIR               intake beside pgbench
  report.py summary OUT              every scenario's summary.md in one, and results.json
"""
import glob
import json
import math
import os
import statistics
import sys

PROCESSES = ["intake", "advice", "reminder", "kafka", "postgres"]


def load(path):
    with open(path) as f:
        return json.load(f)


def lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=2)


def fmt(n):
    return "{:,}".format(n) if isinstance(n, int) else "{:,.1f}".format(n)


def max_rss(samples):
    """Largest RSS seen per process, and the largest sum of the services and the broker seen at one time."""
    peak = {name: max(s.get(name, 0) for s in samples) for name in PROCESSES if name != "postgres"}
    peak["stack"] = max(sum(s.get(name, 0) for name in peak) for s in samples)
    return peak


def cpu_per_report(cpu, run):
    """CPU per report: the snapshots span the generator's warm-up too, so they are divided by every report it
    sent (warm-up included); the generator's own figure covers only the measured part."""
    before, after = cpu["before"], cpu["after"]
    reports = max(run.get("acceptedWithWarmup", run["accepted"]), 1)
    # A stopped service (intake alone) is missing from both snapshots: it cost nothing.
    per = {name: round((after.get(name, 0) - before.get(name, 0)) / reports, 3) for name in PROCESSES}
    per["load generator"] = round(run.get("cpuMs", 0) / max(run["accepted"], 1), 3)
    per["total"] = round(sum(per.values()), 3)
    return per


def footprint(directory):
    ready = lines(os.path.join(directory, "ready.jsonl"))
    rss = max_rss(lines(os.path.join(directory, "rss-idle.jsonl")))
    write_json(os.path.join(directory, "results.json"), {"ready": ready, "rssIdleMb": rss})
    print("## Footprint: start to ready, and memory at rest\n")
    print("| service | process start -> ready, median of 3 (ms) | range (ms) | Quarkus 'started in', median (s) "
          "| RSS at rest (MiB) |")
    print("|---|---|---|---|---|")
    defaults = [r for r in ready if r.get("variant", "default") == "default"]
    for service in dict.fromkeys(r["service"] for r in defaults):
        runs = [r for r in defaults if r["service"] == service]
        times = sorted(r["readyMs"] for r in runs)
        started = sorted(r["quarkusStartedSeconds"] for r in runs)
        print("| {} | {} | {}-{} | {} | {} |".format(service, fmt(statistics.median(times)), fmt(times[0]),
                                                    fmt(times[-1]), statistics.median(started), rss[service]))
    print("| kafka | | | {} |".format(rss["kafka"]))
    print("\nWhole stack (three services and the broker) at rest: {} MiB RSS.\n".format(fmt(rss["stack"])))
    variants = [r for r in ready if r.get("variant", "default") != "default"]
    if variants:
        print("Start-up variants, process start -> ready (ms):\n")
        names = list(dict.fromkeys(r["variant"] for r in variants))
        print("| service | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for service in dict.fromkeys(r["service"] for r in variants):
            cells = {r["variant"]: fmt(r["readyMs"]) for r in variants if r["service"] == service}
            print("| {} | {} |".format(service, " | ".join(cells.get(n, "") for n in names)))
        print()


def latency_point(directory, rate):
    post = load(os.path.join(directory, "post-%s.json" % rate))
    e2e = load(os.path.join(directory, "e2e-%s.json" % rate))
    cpu = load(os.path.join(directory, "cpu-%s.json" % rate))
    rss = max_rss(lines(os.path.join(directory, "rss-%s.jsonl" % rate)))
    point = {"rate": int(rate), "post": post, "endToEnd": e2e, "rssPeakMb": rss,
             "cpuMsPerReport": cpu_per_report(cpu, post)}
    reasons = []
    if post["acceptedPerSecond"] < 0.95 * int(rate):
        reasons.append("accepted %s/s of %s/s" % (post["acceptedPerSecond"], rate))
    if post["failed"]:
        reasons.append("%d POSTs failed" % post["failed"])
    if e2e["advised"] < e2e["accepted"]:
        reasons.append("%d of %d reports without advice after 180 s" % (e2e["accepted"] - e2e["advised"], e2e["accepted"]))
    if (e2e["adviceMs"]["p99"] or 0) > 1000:
        reasons.append("advice p99 over 1 s")
    point["saturated"] = reasons
    write_json(os.path.join(directory, "point-%s.json" % rate), point)
    print("bench: %s/s -> advice p50 %s ms, p99 %s ms%s" % (rate, e2e["adviceMs"]["p50"], e2e["adviceMs"]["p99"],
                                                            "; saturated: " + ", ".join(reasons) if reasons else ""))
    return 1 if reasons else 0


def points(directory):
    found = [load(p) for p in glob.glob(os.path.join(directory, "point-*.json"))]
    return sorted(found, key=lambda p: p["rate"])


def latency(directory):
    pts = points(directory)
    write_json(os.path.join(directory, "results.json"), pts)
    plot(pts, os.path.join(directory, "latency.svg"))
    print("## End-to-end latency at fixed arrival rates (open model)\n")
    setup = os.path.join(directory, "setup.json")
    second = load(setup).get("secondReplicas") if os.path.exists(setup) else ""
    if second:
        print("Two instances each of: %s (their CPU and RSS are summed under the service).\n" % second)
    print("| reports/s | accepted/s | POST p99 ms | -> advice p50 | p99 | p99.9 | -> first nudge p50 | p99 | p99.9 "
          "| CPU ms per report | stack RSS peak MiB | saturated |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for p in pts:
        a, n = p["endToEnd"]["adviceMs"], p["endToEnd"]["nudgeMs"]
        print("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            fmt(p["rate"]), fmt(p["post"]["acceptedPerSecond"]), p["post"]["latencyMs"]["p99"], a["p50"], a["p99"],
            a["p99.9"], n["p50"], n["p99"], n["p99.9"], p["cpuMsPerReport"]["total"], fmt(p["rssPeakMb"]["stack"]),
            "; ".join(p["saturated"]) or "no"))
    if pts:
        print("\nCPU ms per report, by process:\n")
        print("| reports/s | " + " | ".join(PROCESSES + ["load generator"]) + " |")
        print("|---|" + "---|" * (len(PROCESSES) + 1))
        for p in pts:
            c = p["cpuMsPerReport"]
            print("| {} | {} |".format(fmt(p["rate"]), " | ".join(str(c[k]) for k in PROCESSES + ["load generator"])))
        print("\nRSS peak under load (MiB): " + "; ".join(
            "{}/s: {}".format(p["rate"], ", ".join("%s %s" % (k, v) for k, v in p["rssPeakMb"].items())) for p in pts))
    print("\nPlot: latency.svg\n")


def plot(pts, path):
    """Latency (log scale) against arrival rate, one line per percentile."""
    width, height, left, right, top, bottom = 720, 420, 70, 170, 30, 50
    series = [("advice p50", "adviceMs", "p50", "#4c78a8"), ("advice p99", "adviceMs", "p99", "#f58518"),
              ("advice p99.9", "adviceMs", "p99.9", "#e45756"), ("first nudge p99", "nudgeMs", "p99", "#54a24b")]
    values = [p["endToEnd"][k][q] for p in pts for _, k, q, _ in series if p["endToEnd"][k][q]]
    lo = 10 ** math.floor(math.log10(max(min(values), 0.1))) if values else 1
    hi = 10 ** math.ceil(math.log10(max(values))) if values else 1000
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i):
        return left + (plot_w * i / max(len(pts) - 1, 1))

    def y(v):
        return top + plot_h * (1 - (math.log10(max(v, lo)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)))

    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">'
           % (width, height), '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="18" font-size="14">CrampCare: POST accepted -> advice committed / first nudge planned</text>'
           % left]
    decade = lo
    while decade <= hi:
        svg.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>' % (left, left + plot_w, y(decade), y(decade)))
        svg.append('<text x="%d" y="%.1f" text-anchor="end">%s ms</text>' % (left - 6, y(decade) + 4, fmt_ms(decade)))
        decade *= 10
    for i, p in enumerate(pts):
        svg.append('<text x="%.1f" y="%d" text-anchor="middle">%s/s</text>' % (x(i), top + plot_h + 18, p["rate"]))
    svg.append('<text x="%d" y="%d" text-anchor="middle">arrival rate (reports per second, open model)</text>'
               % (left + plot_w / 2, height - 8))
    for n, (label, key, q, colour) in enumerate(series):
        coords = [(x(i), y(p["endToEnd"][key][q])) for i, p in enumerate(pts) if p["endToEnd"][key][q] is not None]
        if coords:
            svg.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                       % (colour, " ".join("%.1f,%.1f" % c for c in coords)))
            svg.extend('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (cx, cy, colour) for cx, cy in coords)
        svg.append('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s" stroke-width="2"/>'
                   % (width - right + 15, width - right + 35, top + 10 + 20 * n, top + 10 + 20 * n, colour))
        svg.append('<text x="%d" y="%d">%s</text>' % (width - right + 40, top + 14 + 20 * n, label))
    svg.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(svg) + "\n")


def fmt_ms(v):
    return ("%g" % v)


def intake(directory):
    rows = []
    for setup, prefix in (("whole stack", ""), ("intake alone", "alone-")):
        for clients in (8, 32):
            name = os.path.join(directory, "intake-%s%d.json" % (prefix, clients))
            if not os.path.isfile(name):
                continue
            pg = load(os.path.join(directory, "pgbench-%d.json" % clients))
            run = load(name)
            cpu = cpu_per_report(load(os.path.join(directory, "cpu-%s%d.json" % (prefix, clients))), run)
            rows.append({"setup": setup, "clients": clients, "pgbenchTps": pg["tps"], "intake": run,
                         "cpuMsPerReport": cpu, "ratio": round(run["acceptedPerSecond"] / max(pg["tps"], 1), 3)})
    write_json(os.path.join(directory, "results.json"), rows)
    print("## Intake ceiling beside pgbench (same transaction, same concurrency)\n")
    print("'Intake alone': advice and reminder stopped during the run (they take up the backlog afterwards), so the two "
          "cores carry only intake, its relay, Kafka and PostgreSQL.\n")
    print("| setup | clients | pgbench tx/s | intake accepted/s | intake / pgbench | p50 ms | p99 ms "
          "| CPU ms per report (intake, advice, reminder, postgres, kafka, load generator) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        c = r["cpuMsPerReport"]
        print("| {} | {} | {} | {} | {} % | {} | {} | {} ({}, {}, {}, {}, {}, {}) |".format(
            r["setup"], r["clients"], fmt(r["pgbenchTps"]), fmt(r["intake"]["acceptedPerSecond"]),
            round(100 * r["ratio"]), r["intake"]["latencyMs"]["p50"], r["intake"]["latencyMs"]["p99"], c["total"],
            c["intake"], c["advice"], c["reminder"], c["postgres"], c["kafka"], c["load generator"]))
    print("\nOutbox right after the run: %s\n" % open(os.path.join(directory, "outbox-after.json")).read().strip())


def summary(out):
    results, text = {}, []
    for name in ("footprint", "latency", "dispatcher", "intake", "rollforward"):
        directory = os.path.join(out, name)
        if os.path.isfile(os.path.join(directory, "summary.md")):
            text.append(open(os.path.join(directory, "summary.md")).read())
            if os.path.isfile(os.path.join(directory, "results.json")):
                results[name] = load(os.path.join(directory, "results.json"))
            else:  # dispatcher.sh and rollforward.sh write one file per run
                results[name] = [load(p) for p in sorted(glob.glob(os.path.join(directory, "*.json")))]
    write_json(os.path.join(out, "results.json"), results)
    print("# CrampCare benchmark run %s (%d cores)\n" % (os.path.basename(out), os.cpu_count()))
    print("\n".join(text))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    status = {"footprint": footprint, "latency-point": latency_point, "latency": latency, "intake": intake,
              "summary": summary}[command](*args)
    sys.exit(status or 0)
