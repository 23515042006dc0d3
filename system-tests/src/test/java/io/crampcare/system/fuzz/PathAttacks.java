package io.crampcare.system.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Category (d): odd ids, paths and query parameters. Ids and values are percent-encoded (see {@link Encode}); where the
 * oddity is the encoding itself (an encoded slash, invalid UTF-8, a literal dot segment) it is written out by hand.
 * Path and query stay under the 4 KiB request-line limit (quarkus.http.limits.max-initial-line-length=4096) except
 * where a description says "over the request-line limit".
 */
final class PathAttacks {

    private record Variant(String name, Consumer<Draft> apply) {
    }

    private final Random rnd;

    PathAttacks(Random rnd) {
        this.rnd = rnd;
    }

    void apply(Draft d) {
        List<Variant> variants = new ArrayList<>();
        if (d.endpoint.hasId()) {
            variants.add(new Variant("odd id", this::oddId));
            variants.add(new Variant("odd id", this::oddId));
        }
        if (d.endpoint.userInPath) {
            variants.add(new Variant("odd user segment", this::oddUser));
        }
        if (d.endpoint.query.userId) {
            variants.add(new Variant("userId query", this::userIdQuery));
        }
        if (d.endpoint.query.paged) {
            variants.add(new Variant("pageSize", this::pageSize));
            variants.add(new Variant("pageToken", this::pageToken));
        }
        if (d.endpoint.query.timeRange) {
            variants.add(new Variant("from/to", this::timeRange));
        }
        if (d.endpoint.query.status) {
            variants.add(new Variant("status", this::status));
        }
        if (d.endpoint.query.format) {
            variants.add(new Variant("format", this::format));
        }
        variants.add(new Variant("path shape", this::shape));
        Rand.pick(rnd, variants).apply().accept(d);
    }

    // ---- ids -------------------------------------------------------------------------------------------------------

    private void oddId(Draft d) {
        String real = d.endpoint.id.real.apply(d.targets);
        switch (rnd.nextInt(10)) {
            case 0 -> {
                String id = Rand.pickOf(rnd, "abc", "1", "0", "-1", "null", "undefined", "true", "{}", "[]", " ",
                        "0x1F", "1e10", "99999999999999999999999", "*", "%", "_", "~", "1-1-1-1-1",
                        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff");
                id(d, Encode.segment(id), "id that is not a real UUID: " + printable(id));
            }
            case 1 -> {
                String hex = real.replace("-", "");
                String[] ids = { real.toUpperCase(Locale.ROOT), hex, "{" + real + "}", "urn:uuid:" + real,
                        real + " ", real + "x", real + ".json", real + real, real.substring(1), real + "0" };
                String[] names = { "upper case (UUID.fromString accepts it)", "without dashes", "in braces",
                        "as a URN", "with a trailing space", "with a trailing letter", "with .json", "twice",
                        "one character short", "one character long" };
                int i = rnd.nextInt(ids.length);
                id(d, Encode.segment(ids[i]), "the real id " + names[i]);
            }
            case 2 -> {
                boolean overLimit = Rand.chance(rnd, 0.2);
                int length = overLimit ? Rand.between(rnd, 5000, 9000) : Rand.between(rnd, 2000, 3500);
                id(d, Rand.alphanumeric(rnd, length), "huge id, " + length + " characters"
                        + (overLimit ? " (over the request-line limit)" : ""));
            }
            case 3 -> {
                String[] ids = { real + "%2F..%2F" + real, "a%2Fb", "%2F", real + "%2F", "%2F%2F" + real,
                        real + "%5C..%5C", "%252F" + real };
                id(d, Rand.pickOf(rnd, ids), "encoded slash or backslash in the id");
            }
            case 4 -> {
                String[] segments = { "..", "../..", "../../admin/outbox", "./" + real, "..%2F..%2Fadmin%2Foutbox",
                        "%2E%2E", "%2e%2e%2f%2e%2e%2fadmin%2foutbox", "..;", "...." };
                String seg = Rand.pickOf(rnd, segments);
                id(d, seg, "path traversal in the id: " + seg);
            }
            case 5 -> {
                HostileStrings.Sample s = Rand.pick(rnd, HostileStrings.INJECTION);
                id(d, Encode.segment(s.value()), "injection in the id (" + s.name() + ")");
            }
            case 6 -> {
                HostileStrings.Sample s = Rand.pickOf(rnd, Rand.pick(rnd, HostileStrings.UNICODE),
                        Rand.pick(rnd, HostileStrings.CONTROL), Rand.pick(rnd, HostileStrings.FORMAT));
                id(d, Encode.segment(real + s.value()), "the real id followed by " + s.name());
            }
            case 7 -> {
                HostileStrings.Sample s = Rand.pick(rnd, HostileStrings.INVALID_UTF8_NAMES);
                id(d, Encode.percent(HostileStrings.hex(s.value())) + Encode.segment(real),
                        "invalid UTF-8 in the id: " + s.name());
            }
            case 8 -> id(d, Encode.segment(Rand.uuid(rnd)), "a well-formed UUID that names nothing");
            default -> id(d, "", "empty id segment");
        }
    }

    private static void id(Draft d, String segment, String what) {
        d.idSegment = segment;
        d.note(what);
    }

    /**
     * The caller's own user id (the other user's for the erasure: {@link Endpoint#pathUser}), spelled oddly; naming
     * another user is category "victim".
     */
    private void oddUser(Draft d) {
        String user = d.endpoint.pathUser(d.targets);
        switch (rnd.nextInt(8)) {
            case 0 -> user(d, Encode.percentAll(user), "own user id with every byte percent-encoded (same id)");
            case 1 -> {
                String suffix = Rand.pickOf(rnd, "%00", "%20", "%0A", "%09", "%2F", "%2Fx", "%3B", "%23");
                user(d, Encode.segment(user) + suffix, "own user id followed by " + suffix);
            }
            case 2 -> user(d, Encode.segment(user) + ";role=admin", "own user id with a matrix parameter");
            case 3 -> user(d, "", "empty user segment");
            case 4 -> user(d, Rand.pickOf(rnd, "..", "%2E%2E", "..%2F" + Encode.segment(user), "."),
                    "dot segment as the user");
            case 5 -> {
                int length = Rand.between(rnd, 2000, 3500);
                user(d, Rand.alphanumeric(rnd, length), "huge user segment, " + length + " characters");
            }
            case 6 -> {
                HostileStrings.Sample s = Rand.pick(rnd, HostileStrings.INVALID_UTF8_NAMES);
                user(d, Encode.segment(user) + Encode.percent(HostileStrings.hex(s.value())),
                        "own user id followed by invalid UTF-8 " + s.name());
            }
            default -> {
                HostileStrings.Sample s = Rand.pickOf(rnd, Rand.pick(rnd, HostileStrings.INJECTION),
                        Rand.pick(rnd, HostileStrings.TRAVERSAL), Rand.pick(rnd, HostileStrings.FORMAT),
                        Rand.pick(rnd, HostileStrings.UNICODE));
                user(d, Encode.segment(s.value()), "user segment: " + s.name());
            }
        }
    }

    private static void user(Draft d, String segment, String what) {
        d.userSegment = segment;
        d.note(what);
    }

    // ---- query parameters ------------------------------------------------------------------------------------------

    private void userIdQuery(Draft d) {
        switch (rnd.nextInt(5)) {
            case 0 -> {
                d.replaceQuery("userId", null);
                d.note("userId missing");
            }
            case 1 -> {
                d.replaceQuery("userId", "");
                d.note("userId empty");
            }
            case 2 -> {
                d.replaceQuery("userId", "   ");
                d.note("userId blank");
            }
            case 3 -> {
                d.query("userId", d.targets.user());
                d.note("userId given twice");
            }
            default -> {
                d.query.add("userId");
                d.note("userId=... plus a bare 'userId' without a value");
            }
        }
    }

    private static final List<String> PAGE_SIZES = List.of("-1", "0", "1000000000", "1e9", "abc", "101", "100", "1",
            "2147483648", "99999999999999999999", "1.5", " 5", "0x10", "+5", "", "5,6", "NaN", "-0",
            "\u0663", "\uFF15", "5 ", "20; DROP TABLE x");

    private void pageSize(Draft d) {
        String value = Rand.pick(rnd, PAGE_SIZES);
        d.query("pageSize", value);
        d.note("pageSize=" + printable(value));
    }

    private void pageToken(Draft d) {
        String token;
        String what;
        switch (rnd.nextInt(9)) {
            case 0 -> {
                token = Rand.ascii(rnd, Rand.between(rnd, 1, 64));
                what = "printable garbage";
            }
            case 1 -> {
                token = Encode.base64(Rand.bytes(rnd, Rand.between(rnd, 1, 96)));
                what = "base64 of random bytes";
            }
            case 2 -> {
                token = Encode.base64Url(Rand.bytes(rnd, Rand.between(rnd, 1, 96)));
                what = "base64url of random bytes";
            }
            case 3 -> {
                String instant = Rand.pickOf(rnd, "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z",
                        "-5000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z");
                token = Encode.base64Url(instant + "|" + Rand.uuid(rnd));
                what = "forged cursor at " + instant + " (outside PostgreSQL's timestamp range)";
            }
            case 4 -> {
                token = Encode.base64Url("2026-01-01T00:00:00Z|not-a-uuid");
                what = "forged cursor with a non-UUID id";
            }
            case 5 -> {
                token = Encode.base64Url("2026-01-01T00:00:00Z|" + Rand.uuid(rnd) + "|extra");
                what = "forged cursor with three parts";
            }
            case 6 -> {
                token = Rand.alphanumeric(rnd, Rand.between(rnd, 2000, 3000));
                what = "very long token";
            }
            case 7 -> {
                token = Encode.base64Url("' OR 1=1 --|" + Rand.uuid(rnd));
                what = "forged cursor with SQL in the time";
            }
            default -> {
                token = Rand.pickOf(rnd, "=", "====", "null", "undefined", "%", "\u00e9\u00e8");
                what = "token " + printable(token);
            }
        }
        d.query("pageToken", token);
        d.note("pageToken: " + what);
    }

    private static final List<String> BAD_INSTANTS = List.of("yesterday", "now", "2026-13-45T25:61:61Z", "1700000000",
            "2026-01-01", "2026-01-01T00:00:00", "2026-02-30T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59.999999999Z", "-5000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "null", "'; DROP TABLE nudge; --", "2026-01-01T00:00:00.0000000001Z",
            "2026-01-01T00:00:00+25:00");

    private void timeRange(Draft d) {
        if (Rand.chance(rnd, 0.2)) {
            d.query("from", "2026-06-01T00:00:00Z").query("to", "2026-01-01T00:00:00Z");
            d.note("from after to");
            return;
        }
        String name = rnd.nextBoolean() ? "from" : "to";
        String value = Rand.pick(rnd, BAD_INSTANTS);
        d.query(name, value);
        d.note(name + "=" + printable(value) + (value.startsWith("+") || value.startsWith("-")
                ? " (parses, but outside PostgreSQL's timestamp range)" : ""));
    }

    private void status(Draft d) {
        String value = Rand.pickOf(rnd, "planned", "UNKNOWN", "FIRED,DONE", "null", " PLANNED", "PLANNED\u0000", "0",
                "SNOOZED", "' OR '1'='1", "x".repeat(2000));
        d.query("status", value);
        d.note("status=" + printable(value));
    }

    private void format(Draft d) {
        if (Rand.chance(rnd, 0.2)) {
            d.replaceQuery("format", "json").query("format", "csv");
            d.note("format given twice (json, csv)");
            return;
        }
        String value = Rand.pickOf(rnd, "xml", "JSON", "Csv", "csv ", " json", "", "json,csv", "zip", "null", "0",
                "../csv", "csv\u0000", "json%00", "x".repeat(2000));
        d.replaceQuery("format", value);
        d.note("format=" + printable(value));
    }

    // ---- the path's shape ------------------------------------------------------------------------------------------

    private void shape(Draft d) {
        String base = d.endpoint.path(d.userSegment, d.idSegment);
        String rest = base.substring("/api/v1/".length());
        switch (rnd.nextInt(12)) {
            case 0 -> raw(d, base + "/", "trailing slash");
            case 1 -> raw(d, "/api/v1//" + rest, "double slash");
            case 2 -> raw(d, base + ";jsessionid=fuzz", "matrix parameter on the last segment");
            case 3 -> raw(d, "/api/v1/" + rest.toUpperCase(Locale.ROOT), "path in upper case");
            case 4 -> raw(d, base + "/extra", "extra segment");
            case 5 -> raw(d, "/api/v1/x/../" + rest, "literal dot-dot segment");
            case 6 -> raw(d, "/api/v1/%2E%2E/api/v1/" + rest, "encoded dot-dot segment");
            case 7 -> raw(d, base + "%00", "encoded NUL at the end");
            case 8 -> raw(d, base + "%3Fx=1", "encoded question mark");
            case 9 -> {
                StringBuilder q = new StringBuilder();
                for (int i = 0; i < 300; i++) {
                    q.append(i == 0 ? "?" : "&").append('p').append(i).append('=').append(i);
                }
                raw(d, base + q, "300 unknown query parameters");
            }
            case 10 -> raw(d, base + "?debug=true&admin=true&q=" + Rand.alphanumeric(rnd, 2500),
                    "unknown query parameters, one 2500 characters long");
            default -> {
                String header = Rand.pickOf(rnd, "X-HTTP-Method-Override", "X-Original-URL", "X-Rewrite-URL");
                d.headers.put(header, header.equals("X-HTTP-Method-Override") ? "DELETE" : "/api/v1/admin/outbox");
                d.note(header + " header");
            }
        }
    }

    /** The whole path (the endpoint's query, if any, after it). */
    private static void raw(Draft d, String path, String what) {
        String query = d.query.isEmpty() ? "" : String.join("&", d.query);
        d.rawPath = query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + query;
        d.note(what);
    }

    /** A value fit for a description: control and non-ASCII characters as \\uXXXX, long ones cut. */
    static String printable(String value) {
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                s.append(c);
            } else {
                s.append(String.format("\\u%04x", (int) c));
            }
        }
        String result = s.toString();
        return "'" + (result.length() > 60 ? result.substring(0, 60) + "...(" + value.length() + " chars)" : result) + "'";
    }
}
