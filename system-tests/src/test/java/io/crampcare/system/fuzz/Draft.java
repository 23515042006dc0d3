package io.crampcare.system.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A request being made hostile. It starts as a valid request of its endpoint (the user's own path, real ids, a valid
 * token, a valid body) so that each attack changes only what it names; {@link #note} records each change for the
 * description.
 */
final class Draft {

    static final String CONTENT_TYPE = "Content-Type";
    static final String AUTHORIZATION = "Authorization";
    static final String JSON = "application/json";

    final Endpoint endpoint;
    final Category category;
    final Targets targets;
    final Random rnd;

    String service;
    String method;
    /** Percent-encoded user path segment. */
    String userSegment;
    /** Percent-encoded id path segment. */
    String idSegment;
    /** Percent-encoded "name=value" query parameters, in order. */
    final List<String> query = new ArrayList<>();
    /** When set, the whole path (still under /api/v1/), for shapes the templates cannot express. */
    String rawPath;
    final Map<String, String> headers = new LinkedHashMap<>();
    /** The body as a {@link Json} value; null for no body. */
    Object json;
    /** When set, the body bytes as they are, winning over {@link #json}. */
    byte[] bytes;
    private final List<String> notes = new ArrayList<>();

    Draft(Endpoint endpoint, Category category, Targets targets, Random rnd) {
        this.endpoint = endpoint;
        this.category = category;
        this.targets = targets;
        this.rnd = rnd;
        this.service = endpoint.service != null ? endpoint.service
                : Rand.pick(rnd, List.of("intake", "advice", "reminder"));
        this.method = endpoint.method;
        this.userSegment = Encode.segment(endpoint.pathUser(targets));
        String realId = endpoint.id.real.apply(targets);
        this.idSegment = realId == null ? null : Encode.segment(realId);
        headers.put(AUTHORIZATION, "Bearer " + targets.userToken());
        if (endpoint.query.userId) {
            query("userId", targets.user());
        }
        if (endpoint.takesBody()) {
            headers.put(CONTENT_TYPE, JSON);
            json = Bodies.valid(endpoint.body, targets, rnd);
        }
        if (endpoint.query.format && rnd.nextBoolean()) {
            query("format", Rand.pickOf(rnd, "json", "csv"));
        }
        if (endpoint == Endpoint.PREFERENCES_PUT) {
            // Without If-Match, a change to existing preferences is 428 before the body matters.
            headers.put("If-Match", "*");
        }
        if (endpoint == Endpoint.REPORT_CREATE && Rand.chance(rnd, 0.3)) {
            // A fresh key each time: a reused key with another body would be 422 before the body matters.
            headers.put("Idempotency-Key", Rand.uuid(rnd));
        }
    }

    /** Adds an encoded query parameter. */
    Draft query(String name, String rawValue) {
        query.add(Encode.component(name) + "=" + Encode.component(rawValue));
        return this;
    }

    /** Replaces (or adds) a query parameter; null removes it. */
    Draft replaceQuery(String name, String rawValue) {
        String prefix = Encode.component(name) + "=";
        query.removeIf(q -> q.startsWith(prefix));
        if (rawValue != null) {
            query(name, rawValue);
        }
        return this;
    }

    Draft note(String what) {
        notes.add(what);
        return this;
    }

    /** The body as a JSON object, for attacks that edit fields; null when the body is something else. */
    Json.Obj object() {
        return json instanceof Json.Obj o ? o : null;
    }

    byte[] bodyBytes() {
        if (bytes != null) {
            return bytes;
        }
        return json == null ? new byte[0] : Json.bytes(json);
    }

    String path() {
        if (rawPath != null) {
            return rawPath;
        }
        String base = endpoint.path(userSegment, idSegment);
        return query.isEmpty() ? base : base + "?" + String.join("&", query);
    }

    HostileRequest build() {
        String description = endpoint.label() + " [" + category.label + "] "
                + (notes.isEmpty() ? "unchanged" : String.join("; ", notes));
        return new HostileRequest(service, method, path(), headers, bodyBytes(), description);
    }
}
