#!/usr/bin/env python3
"""./stack demo: on a running stack, one glute cramp from the report to the advice and the nudges, step by step.

Usage (./stack passes the stack's settings): demo.py INTAKE_PORT ADVICE_PORT REMINDER_PORT KAFKA_BOOTSTRAP
Python's standard library only. Fails loudly: any unexpected HTTP status, missing field or broken promise stops it
with a message on stderr and exit status 1.
"""
import json
import os
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
import uuid
from collections import OrderedDict
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

STACK = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "stack")


def die(message):
    print("stack: " + message, file=sys.stderr)
    sys.exit(1)


class Doc(dict):
    """A JSON object of an answer: a field it lacks stops the demo, naming the request and the field."""

    def __init__(self, pairs, request):
        super().__init__(pairs)
        self.request = request

    def __missing__(self, key):
        print("demo: %s answered without the field %r" % (self.request, key), file=sys.stderr)
        print("  " + json.dumps(self)[:300], file=sys.stderr)
        sys.exit(1)


class Answer:
    def __init__(self, request, status, headers, body):
        self.request, self.status, self.headers, self.body = request, status, headers, body

    def header(self, name):
        """The answer's header NAME (the last one; empty when absent)."""
        values = self.headers.get_all(name) or []
        return values[-1].strip() if values else ""

    def json(self):
        try:
            return json.loads(self.body, object_pairs_hook=lambda pairs: Doc(pairs, self.request))
        except ValueError:
            print("demo: %s answered HTTP %s without a JSON body" % (self.request, self.status), file=sys.stderr)
            print("  " + self.body[:300], file=sys.stderr)
            sys.exit(1)

    def expect(self, *statuses):
        """The answer's JSON, unless its status is none of these: then the problem's title and detail, and exit 1."""
        if self.status not in statuses:
            print("demo: %s answered HTTP %s (expected %s)" % (self.request, self.status, " ".join(map(str, statuses))),
                  file=sys.stderr)
            try:
                d = json.loads(self.body)
                lines = ["  " + (d.get("title") or "?") + ": " + (d.get("detail") or "")]
                lines += ["  - " + str(e.get("field")) + ": " + str(e.get("message")) for e in d.get("errors") or []]
            except (ValueError, AttributeError, TypeError):
                lines = ["  " + self.body[:300]]
            print("\n".join(lines), file=sys.stderr)
            sys.exit(1)
        return self.json()


class Api:
    """API calls as one user, with that user's bearer token."""

    def __init__(self, token):
        self.token = token

    def call(self, method, url, body=None, headers=None):
        request = "%s %s" % (method, url)
        sent = {"Authorization": "Bearer " + self.token, "Accept": "application/json", **(headers or {})}
        data = None
        if body is not None:
            sent["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data, sent, method=method), timeout=10) as r:
                return Answer(request, r.status, r.headers, r.read().decode())
        except urllib.error.HTTPError as e:
            return Answer(request, e.code, e.headers, e.read().decode())
        except OSError:
            die("no answer to %s: is the stack still up? (./stack status)" % request)


def iso_in(seconds):
    """An instant SECONDS from now, ISO-8601 UTC (negative: in the past)."""
    return (datetime.now(timezone.utc) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_ms():
    return int(time.time() * 1000)


def at(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def step(title):
    print("\n" + title)


def demo(intake_port, advice_port, reminder_port, kafka_bootstrap):
    if subprocess.run([STACK, "status"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        die("the stack is not up: run ./stack up first")
    intake = "http://localhost:%s/api/v1" % intake_port
    advice = "http://localhost:%s/api/v1" % advice_port
    reminder = "http://localhost:%s/api/v1" % reminder_port

    print("CrampCare demo: one glute cramp, from the report to the advice and the nudges.")

    step("1. A demo user")
    user = "demo-" + datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
    minted = subprocess.run([STACK, "token", user], stdout=subprocess.PIPE, text=True)
    if minted.returncode != 0:
        sys.exit(1)  # ./stack token said why
    api = Api(minted.stdout.strip())
    print("   User %s, role user: a token signed with the stack's local key (what ./stack token %s prints)." % (user, user))

    step("2. Nudge preferences")
    answer = api.call("GET", "%s/users/%s/preferences" % (reminder, user))
    answer.expect(200)
    answer = api.call("PUT", "%s/users/%s/preferences" % (reminder, user), {
        "timeZone": "Europe/Berlin", "wakingStart": "07:00", "wakingEnd": "22:00", "quietStart": "13:00",
        "quietEnd": "14:00", "dailyCap": 8, "kinds": ["HYDRATION", "PRE_EXERCISE_HYDRATION", "WARM_UP", "STRETCH"]},
        {"If-Match": answer.header("ETag")})
    d = answer.expect(200)
    zone, quiet_start, quiet_end = d["timeZone"], d["quietStart"][:5], d["quietEnd"][:5]
    names = {"HYDRATION": "water", "PRE_EXERCISE_HYDRATION": "pre-exercise drink", "WARM_UP": "warm-up",
             "STRETCH": "stretch"}
    kinds = ", ".join(names.get(k, k) for k in d["kinds"])
    print("   Stored (version %s): time zone %s, awake %s-%s, quiet hours %s-%s," % (answer.header("ETag"), d["timeZone"],
          d["wakingStart"][:5], d["wakingEnd"][:5], d["quietStart"][:5], d["quietEnd"][:5]))
    print("   at most %d water nudges a day; nudge kinds: %s." % (d["dailyCap"], kinds))

    step("3. The article's situation: a sudden, severe glute cramp after hard squats")
    print("   Left glute, pain 8/10 for 2 minutes, 10 minutes ago, after 45 minutes of hard squats; a lump was visible.")
    print("   Not warmed up, not stretched, sweating heavily, 900 mL of water so far today, 70 kg; stretching eased it.")
    answer = api.call("POST", intake + "/cramp-reports", {
        "userId": user, "occurredAt": iso_in(-600), "muscle": "GLUTEUS_MAXIMUS", "side": "LEFT", "onset": "SUDDEN",
        "severity": 8, "durationSeconds": 120, "context": "AFTER_EXERCISE",
        "activity": {"type": "SQUATS", "intensity": "HARD", "minutes": 45}, "warmedUp": False, "stretchedAfter": False,
        "sweatingHeavily": True, "waterTodayMl": 900, "visibleLump": True, "reliefBy": "STRETCHING", "symptoms": [],
        "newMedication": False, "bodyWeightKg": 70}, {"Idempotency-Key": str(uuid.uuid4())})
    d = answer.expect(201)
    report_id, received_at = d["id"], d["receivedAt"]
    print("   Report accepted: %s" % report_id)
    print("   Location: %s" % answer.header("Location"))

    step("4. The advice (decided by the advice service from the cramp-reports topic)")
    started, asked = now_ms(), 0
    while True:
        answer = api.call("GET", "%s/cramp-reports/%s/advice" % (advice, report_id))
        asked += 1
        if answer.status != 404:
            break
        if now_ms() - started >= 10000:
            die("no advice for report %s after 10 s; see ./stack logs advice" % report_id)
        time.sleep(float(answer.header("Retry-After") or 1))
    d = answer.expect(200)
    seen_ms = now_ms() - started
    lag = (at(d["issuedAt"]) - at(received_at)).total_seconds() * 1000
    asked = "on the first request" if asked == 1 else \
        "after %s requests, waiting between them as Retry-After said" % asked
    print("   Ready: issued %d ms after the report was received; this demo had it %.1f s after the 201, %s."
          % (lag, seen_ms / 1000, asked))
    print()
    print(textwrap.fill(d["headline"], 110, initial_indent="   Urgency %s: " % d["urgency"], subsequent_indent="   "))
    print()
    for r in d["recommendations"]:
        print(textwrap.fill(r["text"], 110, initial_indent="   - [%s/%s] " % (r["urgency"], r["category"]),
                            subsequent_indent="     "))
        print(textwrap.fill(r["source"]["reference"], 110,
                            initial_indent="       source: %s \u2014 " % r["source"]["type"],
                            subsequent_indent="         "))
    print()
    h = d.get("hydration")
    if h:
        print("   Water today: a target of {:,} mL (about {:.0f} oz), never more than {:,} mL in one hour.".format(
              h["dailyTargetMl"], h["dailyTargetOz"], h["maxPerHourMl"]))
        if h.get("drinkToThirstOnly"):
            print("   Overdrinking guard: drink to thirst only, no more water planned today.")
        elif h.get("remainingTodayMl") is not None:
            print("   Already drunk {:,} mL, so {:,} mL are left for today.".format(
                  h["alreadyDrunkTodayMl"], h["remainingTodayMl"]))
        if h.get("preExerciseMinMl"):
            print("   Before exercise: {:,}-{:,} mL about 4 h ahead (5-7 mL per kg of body weight).".format(
                  h["preExerciseMinMl"], h["preExerciseMaxMl"]))
    else:
        print("   No water plan in this advice (urgency %s)." % d["urgency"])
    print("   Ruleset version %s." % d["rulesetVersion"])
    print(textwrap.fill(d["disclaimer"], 110, initial_indent="   Note: ", subsequent_indent="   "))
    target, per_hour = (h or {}).get("dailyTargetMl", 0), (h or {}).get("maxPerHourMl", 0)
    if not target > 0:
        die("the advice has no water plan, so no hydration nudges will follow; the demo stops here")

    step("5. The hydration plan (the reminder service read the advice from the advice topic)")
    started = now_ms()
    while True:
        d = api.call("GET", "%s/users/%s/nudges?status=PLANNED&pageSize=100" % (reminder, user)).expect(200)
        if any(n["kind"] == "HYDRATION" for n in d["items"]):
            break
        if now_ms() - started >= 10000:
            die("no hydration nudges for %s after 10 s; see ./stack logs reminder" % user)
        time.sleep(0.5)
    water = sorted((n for n in d["items"] if n["kind"] == "HYDRATION"), key=lambda n: n["dueAt"])
    days = OrderedDict()
    for n in water:
        days.setdefault(n["localTime"][:10], []).append(n)
    print("   Water nudges, local time in %s:" % zone)
    for day, ns in days.items():
        print("   %s: %s  (%s mL in all)" % (day, ", ".join("%s %d mL" % (n["localTime"][11:], n["amountMl"]) for n in ns),
                                         format(sum(n["amountMl"] for n in ns), ",")))
    if len(days) > 1 and sum(n["amountMl"] for n in next(iter(days.values()))) < target:
        print("   (Today gets less than the %s mL target: it is planned for the waking time that is left.)"
              % format(target, ","))

    def quiet(hhmm):
        return quiet_start <= hhmm < quiet_end if quiet_start < quiet_end else (hhmm >= quiet_start or hhmm < quiet_end)
    in_quiet = [n["localTime"] for n in water if quiet(n["localTime"][11:])]
    heaviest = max(sum(m["amountMl"] for m in water if at(n["dueAt"]) <= at(m["dueAt"]) < at(n["dueAt"]) + timedelta(hours=1))
                   for n in water)
    if in_quiet or heaviest > per_hour:
        print("   NOT as promised: nudges in quiet hours %s; most water in one hour %d mL" % (in_quiet, heaviest),
              file=sys.stderr)
        sys.exit(1)
    print("   Checked: nothing in the quiet hours %s-%s, and at most %s mL in any hour (the limit is %s mL)."
          % (quiet_start, quiet_end, format(heaviest, ","), format(per_hour, ",")))

    step("6. A big glass of water, logged (the drink log)")
    today = next(iter(days))
    before = sum(n["amountMl"] for n in days[today])
    d = api.call("POST", "%s/users/%s/drinks" % (reminder, user), {"amountMl": 500, "kind": "WATER"}).expect(201)
    print("   Logged %s mL (%s oz) at %s: drink %s." % (d["amountMl"], d["amountOz"], d["drunkAt"], d["id"]))
    d = api.call("GET", "%s/users/%s/nudges?status=PLANNED&pageSize=100" % (reminder, user)).expect(200)
    after = sum(n["amountMl"] for n in d["items"] if n["kind"] == "HYDRATION" and n["localTime"][:10] == today)
    print("   Today's water nudges were replanned from what is left: {:,} mL planned before, {:,} mL now.".format(
        before, after))
    d = api.call("GET", "%s/users/%s/hydration/today" % (reminder, user)).expect(200)
    t = d["today"]
    if after >= before and (t.get("remainingMl") or 0) > after:
        print("   (Unchanged: the waking time left today paces the plan below what is left of the target, so the")
        print("   glass came out of the part that no longer fits into today.)")
    def ml(value):
        return "-" if value is None else format(value, ",")
    print("   Today (%s, %s): target %s mL, drunk %s mL (the report's 900 and this glass), %s mL to go."
          % (t["date"], d["timeZone"], ml(t.get("targetMl")), ml(t["drunkMl"]), ml(t.get("remainingMl"))))
    if d.get("nextDrink"):
        print("   Next drink nudge: %s mL at %s." % (d["nextDrink"]["amountMl"], d["nextDrink"]["localTime"][11:]))
    if d.get("waterStopped"):
        print("   No more drink nudges today: %s" % d["waterStopped"]["detail"])

    step("7. A one-off workout: hard, 45 minutes, starting in 16 minutes")
    d = api.call("POST", "%s/users/%s/workouts" % (reminder, user),
                 {"type": "ONE_OFF", "startsAt": iso_in(960), "durationMinutes": 45, "intensity": "HARD"}).expect(201)
    workout, start = d["id"], at(d["startsAt"])
    print("   Workout registered: %s" % workout)
    d = api.call("GET", "%s/users/%s/nudges?pageSize=100" % (reminder, user)).expect(200)
    local_zone = ZoneInfo(zone)

    def local(t):
        return t.astimezone(local_zone).strftime("%H:%M")
    print("   It runs from %s to %s local time (%s)." % (local(start), local(start + timedelta(minutes=45)), zone))
    mine = {n["kind"]: n for n in d["items"] if n.get("workoutId") == workout}

    def sent(n):
        return "" if n["status"] == "PLANNED" else " (already %s)" % n["status"].lower()
    if "WARM_UP" in mine:
        n = mine["WARM_UP"]
        lead = round((start - at(n["dueAt"])).total_seconds() / 60)
        print("   - warm-up at %s: %d minutes before the start, time to warm the glutes up%s"
              % (n["localTime"][11:], lead, sent(n)))
    if "STRETCH" in mine:
        n = mine["STRETCH"]
        print("   - stretch at %s: when the workout ends%s" % (n["localTime"][11:], sent(n)))
    if "PRE_EXERCISE_HYDRATION" in mine:
        n = mine["PRE_EXERCISE_HYDRATION"]
        print("   - drink %d mL at %s, about 4 h before the start%s" % (n["amountMl"], n["localTime"][11:], sent(n)))
    else:
        drink = start - timedelta(hours=4)
        why = "that time has passed" if drink < datetime.now(timezone.utc) else \
            "that is outside waking hours or in quiet hours"
        print("   - no pre-exercise drink: it would be due 4 h before the start, at %s, and %s" % (local(drink), why))
    print("   The warm-up nudge fires in about a minute as an event on the nudges topic. The demo does not wait;")
    print("   to watch it:  kcat -b %s -t nudges -C -o end" % kafka_bootstrap)

    step("8. What to try next")
    print("   - Swagger UI, every endpoint and field: http://localhost:%s/q/swagger-ui (intake)," % intake_port)
    print("     http://localhost:%s/q/swagger-ui (advice), http://localhost:%s/q/swagger-ui (reminder)"
          % (advice_port, reminder_port))
    print("   - A token of your own: TOKEN=$(./stack token %s), then curl -H \"Authorization: Bearer $TOKEN\" ..." % user)
    print("     e.g. GET %s/rules (every rule and its source) or, once the warm-up fired," % advice)
    print("     POST %s/nudges/{id}/ack {\"outcome\":\"DONE\"}" % reminder)
    print("   - GET %s/users/%s/hydration/days: the last 7 days and the streak of days that met the target"
          % (reminder, user))
    print("   - README.md: the API, the events on Kafka, security and settings")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        die("usage: demo.py INTAKE_PORT ADVICE_PORT REMINDER_PORT KAFKA_BOOTSTRAP")
    demo(*sys.argv[1:])
