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
import re
import statistics
import sys

PROCESSES = ["intake", "advice", "reminder", "kafka", "postgres"]

# Thread groups by the kernel's thread name (15 characters), first match wins. With the serial collector the
# collections run on the "VM Thread" (as do other safepoint operations), so it counts as GC.
THREAD_GROUPS = [
    ("jit", re.compile(r"^C[12] CompilerThre")),
    ("gc", re.compile(r"^(GC Thread|G1 |VM Thread|ZGC|Shenandoah|GC )")),
    ("event loop", re.compile(r"^vert\.x-(eventloo|acceptor)")),
    ("workers", re.compile(r"^(executor-thread|vert\.x-worker|vert\.x-internal|quarkus-virtual)")),
    ("relay", re.compile(r"^outbox-relay")),
    ("kafka client", re.compile(r"^(kafka-producer-|kafka-coordinat|smallrye-kafka|vert\.x-kafka)")),
]
GROUPS = [name for name, _ in THREAD_GROUPS] + ["other", "exited threads"]


def thread_group(process, thread_name):
    for name, pattern in THREAD_GROUPS[:2] if process == "kafka" else THREAD_GROUPS:
        if pattern.match(thread_name):
            return name
    return "other"  # in the broker: the broker's own work


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


def cpu_by_thread_group(before, after, reports):
    """CPU ms per report by process and thread group, from two per-thread snapshots (run.sh explain_snapshot). A
    thread new in the window counts from zero; CPU of threads that exited in the window is what the process total
    has beyond its live threads ("exited threads")."""
    result = {}
    for pid, proc in after.items():
        if pid == "t":
            continue
        then = before.get(pid, {"cpu": {"total": 0, "threads": {}}})["cpu"]
        groups = result.setdefault(proc["name"], dict.fromkeys(GROUPS, 0))
        counted = 0
        for tid, (name, ms) in proc["cpu"]["threads"].items():
            used = ms - then["threads"].get(tid, [name, 0])[1]
            groups[thread_group(proc["name"], name)] += used
            counted += used
        groups["exited threads"] += proc["cpu"]["total"] - then["total"] - counted
    return {p: {g: round(ms / reports, 3) for g, ms in groups.items()} for p, groups in result.items()}


def wal_position(lsn):
    high, low = lsn.split("/")
    return (int(high, 16) << 32) + int(low, 16)


def database_per_report(before, after, reports):
    commits = after["xactCommit"] - before["xactCommit"]
    wal = wal_position(after["walLsn"]) - wal_position(before["walLsn"])
    return {"commits": commits, "rollbacks": after["xactRollback"] - before["xactRollback"], "walBytes": wal,
            "commitsPerReport": round(commits / reports, 2), "walBytesPerReport": round(wal / reports)}


def meters(path):
    """{service: {metric name: value summed over labels and instances}} from "service metric{labels} value" lines;
    claims keep their outcome."""
    found = {}
    for line in open(path):
        parts = line.split()
        if len(parts) < 3:
            continue
        service, series, value = parts[0], parts[1], float(parts[2])
        name = series.split("{")[0]
        if name == "crampcare_outbox_claims_total":
            outcome = re.search(r'outcome="([^"]*)"', series)
            name += ":" + (outcome.group(1) if outcome else "")
        found.setdefault(service, {})
        found[service][name] = found[service].get(name, 0) + value
    return found


def batches(before, after, reports):
    """Per service: events per relay transaction (each claim that found rows is one transaction) and records per
    consumer transaction, from a summary of records per transaction when the service has one."""
    result = {}
    for service, now in after.items():
        then = before.get(service, {})

        def delta(name):
            return now.get(name, 0) - then.get(name, 0)
        published, claims = delta("crampcare_outbox_published_total"), delta("crampcare_outbox_claims_total:rows")
        consumed = delta("crampcare_events_consumed_total")
        row = {"published": int(published), "relayTransactions": int(claims),
               "emptyClaims": int(delta("crampcare_outbox_claims_total:empty")),
               "relayEventsPerTransaction": round(published / claims, 2) if claims else None,
               "consumed": int(consumed), "consumedPerReport": round(consumed / reports, 2),
               "consumerTransactions": None, "consumerRecordsPerTransaction": None}
        summary = next((n[:-len("_count")] for n in sorted(now) if n.endswith("_count")
                        and "events_transaction_size" in n), None)
        if summary:
            transactions, records = delta(summary + "_count"), delta(summary + "_sum")
            row.update(consumerTransactions=int(transactions), consumerMeter=summary,
                       consumerRecordsPerTransaction=round(records / transactions, 2) if transactions else None)
        result[service] = row
    return result


def explained(directory, rate, reports):
    """The thread-group, database and batch figures of one point, when the run recorded them."""
    def pair(kind):
        files = [os.path.join(directory, "%s-%s-%s" % (side, rate, kind)) for side in ("before", "after")]
        return files if all(os.path.isfile(f) for f in files) else None
    point = {}
    if pair("threads.json"):
        point["cpuMsPerReportByThreadGroup"] = cpu_by_thread_group(*(load(f) for f in pair("threads.json")), reports)
    if pair("database.json"):
        point["database"] = database_per_report(*(load(f) for f in pair("database.json")), reports)
    if pair("meters.txt"):
        point["batches"] = batches(*(meters(f) for f in pair("meters.txt")), reports)
    return point


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
    point.update(explained(directory, rate, max(post.get("acceptedWithWarmup", post["accepted"]), 1)))
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
    if os.path.exists(setup) and load(setup).get("autovacuum"):
        print("PostgreSQL autovacuum: %s.\n" % load(setup)["autovacuum"])
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
        explain_tables(pts)
        print("\nRSS peak under load (MiB): " + "; ".join(
            "{}/s: {}".format(p["rate"], ", ".join("%s %s" % (k, v) for k, v in p["rssPeakMb"].items())) for p in pts))
    print("\nPlot: latency.svg\n")


def explain_tables(pts):
    with_groups = [p for p in pts if "cpuMsPerReportByThreadGroup" in p]
    if with_groups:
        print("\nCPU ms per report by thread group (same window; JIT: C1/C2 compiler threads, GC: collector and VM "
              "thread, workers: executor and Vert.x workers, relay: outbox-relay, Kafka client: producer network and "
              "consumer threads; in kafka, other is the broker):\n")
        print("| reports/s | process | " + " | ".join(GROUPS) + " | all |")
        print("|---|---|" + "---|" * (len(GROUPS) + 1))
        for p in with_groups:
            for process, groups in sorted(p["cpuMsPerReportByThreadGroup"].items(), key=lambda i: PROCESSES.index(i[0])
                                          if i[0] in PROCESSES else 99):
                print("| {} | {} | {} | {} |".format(fmt(p["rate"]), process, " | ".join(str(groups[g]) for g in GROUPS),
                                                    round(sum(groups.values()), 3)))
    with_db = [p for p in pts if "database" in p or "batches" in p]
    if with_db:
        services = sorted({s for p in with_db for s in p.get("batches", {})},
                          key=lambda s: PROCESSES.index(s) if s in PROCESSES else 99)
        print("\nPostgreSQL per report (commits in the stack's database, WAL bytes of the server) and batch sizes: "
              "events per relay transaction (empty claims beside), consumed records per report and per consumer "
              "transaction (n/a: the service has no records-per-transaction summary):\n")
        print("| reports/s | commits per report | WAL bytes per report | " + " | ".join(
            "%s relay events/tx (empty claims) | %s consumed per report, per tx" % (s, s) for s in services) + " |")
        print("|---|---|---|" + "---|---|" * len(services))
        for p in with_db:
            db, cells = p.get("database", {}), []
            for s in services:
                b = p.get("batches", {}).get(s)
                if not b:
                    cells += ["", ""]
                    continue
                cells.append("%s (%s)" % (b["relayEventsPerTransaction"] if b["relayTransactions"] else "-",
                                          b["emptyClaims"]))
                cells.append("%s, %s" % (b["consumedPerReport"], b["consumerRecordsPerTransaction"]
                                         if b["consumerRecordsPerTransaction"] is not None else "n/a")
                             if b["consumed"] else "-")
            print("| {} | {} | {} | {} |".format(fmt(p["rate"]), db.get("commitsPerReport", ""),
                                                fmt(db["walBytesPerReport"]) if db else "", " | ".join(cells)))


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
