#!/usr/bin/env python3
"""Opens sealed CrampCare events for an operator. Every record value on every topic (dead-letter topics included) is a
sealed-event.v1 document, {"alg":"A256GCM","subjectRef":..,"iv":..,"ciphertext":..}: the payload under its person's
key (AES-256-GCM, associated data ce_id LF ce_type LF subjectRef; Java: io.crampcare.contracts.sealed.EventSeal).
Opening needs the key ring, table privacy.subject_key of database crampcare: a database admin's read. An erased
person's key is shredded, so their records never open again (by design).

Usage: deploy/kafka/open-events.py KEYS < RECORDS

RECORDS: the lines of the Kafka console consumer run with --property print.headers=true --property print.key=true and
  the formatter's other properties at their defaults: "HEADERS<TAB>KEY<TAB>VALUE", HEADERS as "name:value" joined by
  "," (NO_HEADERS when there are none); or of kcat -C -f '%h\\t%k\\t%s\\n' (headers "name=value" joined by ",").
KEYS: a file of "subject_ref,user_id,secret as hex" lines, as psql -AtF, prints them (below). Pass it as <(...), so
  that the secrets are never written to a file; </dev/null keeps `exec` off the records' pipe.
Output, one line per record:
  ce_id<TAB>user_id<TAB>payload     the opened payload as compact JSON ("key":value, so grep finds fields)
  ce_id<TAB>-<TAB>(sealed: key shredded or unknown)        no key for its subjectRef: an erased person, or forged
  ce_id<TAB>-<TAB>(sealed: does not open with its key)     tampered with, or moved to another event or person
  ce_id<TAB>-<TAB>(not a sealed event)                     e.g. a poison record on a dead-letter topic
  -<TAB>-<TAB>(no ce_id or ce_type header)                 not a CloudEvent: nothing to open it for
Exit 0; 1 when a line was not a console consumer's record (skipped, reported on stderr); 2 without the cryptography
  package or with a bad KEYS file.

The compose stack (from the repository's root):
  docker-compose run --rm -T kafka-init kafka-console-consumer.sh --topic cramp-reports --from-beginning \\
      --timeout-ms 8000 --property print.headers=true --property print.key=true \\
    | deploy/kafka/open-events.py <(docker-compose exec -T postgres psql -U postgres -d crampcare -AtF, -c \\
      "SELECT subject_ref, user_id, encode(secret, 'hex') FROM privacy.subject_key WHERE secret IS NOT NULL" </dev/null)
"""
import base64
import io
import json
import re
import signal
import sys
import uuid

try:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
except ImportError:
    print("open-events: needs the Python package cryptography "
          "(Debian/Ubuntu: apt-get install python3-cryptography; else pip install cryptography)", file=sys.stderr)
    sys.exit(2)

SEALED_FIELDS = {"alg", "subjectRef", "iv", "ciphertext"}
HEADER = re.compile(r"([^:=]+)[:=](.*)", re.DOTALL)


def read_key_ring(path):
    """{subjectRef: (user_id, key)} from psql -AtF, lines; a user id may hold commas, the other two fields cannot."""
    ring = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            try:
                subject_ref, rest = line.split(",", 1)
                user_id, secret = rest.rsplit(",", 1)
                if not secret:
                    continue  # a shredded row (user_id and secret NULL): nothing to open with
                key = bytes.fromhex(secret)
                if len(key) != 32:
                    raise ValueError("not 32 bytes")
                ring[str(uuid.UUID(subject_ref))] = (user_id, key)
            except ValueError as e:
                print(f"open-events: {path} line {number} is not 'subject_ref,user_id,secret as hex': {e}",
                      file=sys.stderr)
                sys.exit(2)
    if not ring:
        print(f"open-events: no keys in {path}: nothing will open", file=sys.stderr)
    return ring


def unbase64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def headers_of(field):
    """The first value of each header name, from "name:value" (console consumer) or "name=value" (kcat) items joined by
    ","; a value that holds a "," only spoils the names after it."""
    headers = {}
    for item in field.split(","):
        match = HEADER.match(item)
        if match:
            headers.setdefault(match.group(1), match.group(2))
    return headers


def open_value(value, event_id, event_type, ring):
    """(user_id, payload) or ("-", why it does not open)."""
    try:
        sealed = json.loads(value)
        if not isinstance(sealed, dict) or set(sealed) != SEALED_FIELDS or sealed["alg"] != "A256GCM":
            raise ValueError
        subject_ref = str(uuid.UUID(sealed["subjectRef"]))
        iv, ciphertext = unbase64url(sealed["iv"]), unbase64url(sealed["ciphertext"])
        if len(iv) != 12:
            raise ValueError
    except (ValueError, TypeError, AttributeError):
        return "-", "(not a sealed event)"
    if subject_ref not in ring:
        return "-", "(sealed: key shredded or unknown)"
    user_id, key = ring[subject_ref]
    associated = f"{event_id}\n{event_type}\n{subject_ref}".encode()
    try:
        plain = AESGCM(key).decrypt(iv, ciphertext, associated).decode("utf-8")
    except (InvalidTag, ValueError):
        return "-", "(sealed: does not open with its key)"
    try:
        return user_id, json.dumps(json.loads(plain), separators=(",", ":"), ensure_ascii=False)
    except ValueError:
        return user_id, " ".join(plain.splitlines())


def main():
    if len(sys.argv) != 2 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    ring = read_key_ring(sys.argv[1])
    records = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="\n")
    sys.stdout.reconfigure(encoding="utf-8")  # payloads are UTF-8 whatever the locale
    skipped = 0
    for number, line in enumerate(records, 1):
        line = line.rstrip("\n")
        # Split from the right: key and value hold no tab, a dead-letter reason header might.
        fields = line.rsplit("\t", 2)
        if len(fields) != 3:
            if line:
                skipped += 1
                print(f"open-events: line {number} is not HEADERS<TAB>KEY<TAB>VALUE (print.headers and print.key "
                      "true?): skipped", file=sys.stderr)
            continue
        headers = headers_of(fields[0])
        event_id, event_type = headers.get("ce_id"), headers.get("ce_type")
        if event_id is None or event_type is None:
            user_id, shown = "-", "(no ce_id or ce_type header)"
        else:
            user_id, shown = open_value(fields[2], event_id, event_type, ring)
        print(f"{event_id or '-'}\t{user_id}\t{shown}")
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
