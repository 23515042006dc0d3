package io.crampcare.system.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.crampcare.system.fuzz.Bodies.Field;

/**
 * The strict-input sweep: not random, one case for each thing the services must refuse (issue 27), aimed at every
 * field, parameter and body endpoint, each with the exact answer it must get. Beside the random hostile requests
 * (which only must not break anything), these must each be refused as stated:
 * <ul>
 * <li>a NUL in every body field and in every path and query parameter: 400 naming it;</li>
 * <li>a coercion Jackson would make by default in every body field of its kind (a fraction or a numeric string for an
 * integer, a numeric string for a number, an enum index, a boolean from a string or a number, a number for a string,
 * epoch seconds for an instant, {@code [7, 0]} for a time): 400 naming it;</li>
 * <li>a body without Content-Type: 415; a chunked body over 64 KiB (declaring no length): 413;</li>
 * <li>a method a path does not have: 405 with the path's methods in {@code Allow}.</li>
 * </ul>
 */
public final class StrictInputCases {

    /** One request and what it must get: the status, and the field the 400 names or the methods a 405 allows. */
    public record Case(HostileRequest request, boolean chunked, int status, String field, Set<String> allow) {
    }

    /** Over the limit without saying so: 100 KiB, and once 2 MiB (past Quarkus' own 1 MiB cap). */
    static final int CHUNKED_SIZE = 100 * 1024;
    static final int CHUNKED_HUGE = 2 * 1024 * 1024;

    /** The JAX-RS names of the id path parameters. */
    private static final Map<Endpoint, String> ID_NAMES = Map.of(Endpoint.REPORT_GET, "id", Endpoint.ADVICE_GET, "id",
            Endpoint.ADVICE_BY_REPORT, "reportId", Endpoint.WORKOUT_DELETE, "workoutId", Endpoint.NUDGE_GET, "id",
            Endpoint.NUDGE_ACK, "id", Endpoint.NUDGE_SNOOZE, "id", Endpoint.DRINK_GET, "drinkId",
            Endpoint.WORKOUT_GET, "workoutId", Endpoint.ERASURE_GET, "erasureId");

    private StrictInputCases() {
    }

    public static List<Case> generate(Targets t) {
        List<Case> cases = new ArrayList<>();
        Random rnd = new Random(27);
        for (Endpoint e : Endpoint.values()) {
            if (e.admin()) {
                continue; // the user's token is refused (403) there, whichever check comes first
            }
            if (e.takesBody()) {
                bodyCases(e, t, rnd, cases);
            }
            parameterCases(e, t, rnd, cases);
        }
        notAllowed(t, rnd, cases);
        return List.copyOf(cases);
    }

    private static void bodyCases(Endpoint e, Targets t, Random rnd, List<Case> cases) {
        for (Field f : Bodies.fields(e.body)) {
            if (f.kind() != Bodies.Kind.OBJECT) {
                String nul = "x\u0000y";
                field(e, t, rnd, cases, f, f.kind() == Bodies.Kind.ENUM_ARRAY ? List.of(nul) : nul, "NUL");
            }
            for (Object[] coercion : coercions(f.kind())) {
                field(e, t, rnd, cases, f, coercion[0], (String) coercion[1]);
            }
        }
        Draft missing = draft(e, Category.CONTENT_TYPE, t, rnd);
        missing.headers.remove(Draft.CONTENT_TYPE);
        missing.note("strict: Content-Type missing");
        cases.add(new Case(missing.build(), false, 415, null, null));
        for (int size : e == Endpoint.REPORT_CREATE ? new int[] { CHUNKED_SIZE, CHUNKED_HUGE } : new int[] { CHUNKED_SIZE }) {
            Draft chunked = draft(e, Category.BODY, t, rnd);
            byte[] body = Arrays.copyOf(chunked.bodyBytes(), size);
            Arrays.fill(body, chunked.bodyBytes().length, size, (byte) ' ');
            chunked.bytes = body;
            chunked.note("strict: chunked body of " + size + " bytes (valid JSON and spaces)");
            cases.add(new Case(chunked.build(), true, 413, null, null));
        }
    }

    /** The default coercions Jackson makes for a kind of field, each with its name. */
    private static List<Object[]> coercions(Bodies.Kind kind) {
        return switch (kind) {
            case INT -> List.of(new Object[] { new Json.Raw("7.5"), "fraction" }, new Object[] { "7", "numeric string" });
            case NUMBER -> List.of(new Object[] { "72.5", "numeric string" }, new Object[] { "NaN", "NaN as a string" });
            case ENUM -> List.<Object[]>of(new Object[] { 0, "enum index" });
            case ENUM_ARRAY -> List.<Object[]>of(new Object[] { List.of(0), "enum index in the array" });
            case BOOL -> List.of(new Object[] { "true", "boolean as a string" }, new Object[] { 1, "boolean as a number" });
            case STRING -> List.<Object[]>of(new Object[] { 5, "number for a string" });
            case INSTANT -> List.<Object[]>of(new Object[] { 1_764_000_000L, "epoch seconds" });
            case TIME -> List.<Object[]>of(new Object[] { List.of(7, 0), "array [7,0]" });
            case OBJECT -> List.of();
        };
    }

    private static void field(Endpoint e, Targets t, Random rnd, List<Case> cases, Field f, Object value, String what) {
        Draft d = draft(e, Category.BODY, t, rnd);
        d.object().set(f.path(), value);
        d.note("strict: " + f.path() + ": " + what);
        cases.add(new Case(d.build(), false, 400, f.path(), null));
    }

    /** A NUL in the user segment, the id segment and each query parameter the endpoint reads. */
    private static void parameterCases(Endpoint e, Targets t, Random rnd, List<Case> cases) {
        if (e.userInPath) {
            Draft d = draft(e, Category.PATH_QUERY, t, rnd);
            d.userSegment = d.userSegment + "%00";
            cases.add(new Case(d.note("strict: NUL after the user id").build(), false, 400, "userId", null));
        }
        if (e.hasId()) {
            Draft d = draft(e, Category.PATH_QUERY, t, rnd);
            d.idSegment = d.idSegment + "%00";
            cases.add(new Case(d.note("strict: NUL after the id").build(), false, 400, ID_NAMES.get(e), null));
        }
        List<String> query = new ArrayList<>();
        if (e.query.userId) {
            query.add("userId");
        }
        if (e.query.timeRange) {
            query.addAll(List.of("from", "to"));
        }
        if (e.query.paged) {
            query.addAll(List.of("pageSize", "pageToken"));
        }
        if (e.query.status) {
            query.add("status");
        }
        if (e.query.format) {
            query.add("format");
        }
        for (String name : query) {
            Draft d = draft(e, Category.PATH_QUERY, t, rnd);
            String valid = name.equals("userId") ? t.user() : "";
            d.replaceQuery(name, valid + "\u0000");
            cases.add(new Case(d.note("strict: NUL in query " + name).build(), false, 400, name, null));
        }
    }

    /** One method each path does not have; Allow lists the methods it has (HEAD beside GET, OPTIONS always). */
    private static void notAllowed(Targets t, Random rnd, List<Case> cases) {
        notAllowed(Endpoint.REPORT_LIST, "PATCH", Set.of("GET", "HEAD", "OPTIONS", "POST"), t, rnd, cases);
        notAllowed(Endpoint.REPORT_GET, "PUT", Set.of("GET", "HEAD", "OPTIONS"), t, rnd, cases);
        notAllowed(Endpoint.ADVICE_GET, "DELETE", Set.of("GET", "HEAD", "OPTIONS"), t, rnd, cases);
        notAllowed(Endpoint.RULES, "POST", Set.of("GET", "HEAD", "OPTIONS"), t, rnd, cases);
        notAllowed(Endpoint.PREFERENCES_GET, "POST", Set.of("GET", "HEAD", "OPTIONS", "PUT"), t, rnd, cases);
        notAllowed(Endpoint.WORKOUT_LIST, "PUT", Set.of("GET", "HEAD", "OPTIONS", "POST"), t, rnd, cases);
        notAllowed(Endpoint.NUDGE_ACK, "GET", Set.of("OPTIONS", "POST"), t, rnd, cases);
    }

    private static void notAllowed(Endpoint e, String method, Set<String> allow, Targets t, Random rnd,
            List<Case> cases) {
        Draft d = draft(e, Category.PATH_QUERY, t, rnd);
        d.method = method;
        d.headers.remove(Draft.CONTENT_TYPE);
        d.json = null;
        d.bytes = null;
        cases.add(new Case(d.note("strict: method " + method + " (not allowed)").build(), false, 405, null, allow));
    }

    private static Draft draft(Endpoint e, Category category, Targets t, Random rnd) {
        Draft d = new Draft(e, category, t, rnd);
        d.headers.remove("Idempotency-Key"); // a key would make a replayed answer possible; these are refused anyway
        return d;
    }
}
