package io.crampcare.system.fuzz;

import java.util.function.Function;

/**
 * Every /api/v1 endpoint of the three services, as the fuzzer sees it: where it lives, which path slots it has (a user
 * and/or a record id), which query parameters it reads and which body it takes. The fuzzer's token is a user's: the
 * admin endpoints ({@code /admin/...}) are there to be refused whatever the request looks like.
 */
public enum Endpoint {

    REPORT_CREATE("intake", "POST", "/cramp-reports", IdKind.NONE, BodyKind.REPORT, Query.NONE),
    REPORT_LIST("intake", "GET", "/cramp-reports", IdKind.NONE, BodyKind.NONE, Query.REPORTS),
    REPORT_GET("intake", "GET", "/cramp-reports/{id}", IdKind.REPORT, BodyKind.NONE, Query.NONE),
    EXPORT("intake", "GET", "/users/{userId}/export", IdKind.NONE, BodyKind.NONE, Query.EXPORT),
    /**
     * Never sent for the fuzz user: a well-formed request would erase them and break the rest of the run. Its path
     * starts from the other user ({@link #pathUser}); the attacks only spell that user oddly, or name hostile ids
     * (never exactly the fuzz user, HostileRequestsTest checks), or forge the token, so every variant must be refused.
     * One that is not erases the victim, whose holdings SystemIT then cannot even read (an erased user's are 403).
     */
    ERASURE_CREATE("intake", "POST", "/users/{userId}/erasure", IdKind.NONE, BodyKind.NONE, Query.NONE),
    ERASURE_GET("intake", "GET", "/erasures/{erasureId}", IdKind.ERASURE, BodyKind.NONE, Query.NONE),
    /** Each service's part of the export (internal: not on the gateway, called by intake's export); any service. */
    PERSONAL_DATA(null, "GET", "/users/{userId}/data", IdKind.NONE, BodyKind.NONE, Query.NONE),
    ADVICE_GET("advice", "GET", "/advice/{id}", IdKind.ADVICE, BodyKind.NONE, Query.NONE),
    ADVICE_BY_REPORT("advice", "GET", "/cramp-reports/{reportId}/advice", IdKind.REPORT, BodyKind.NONE, Query.NONE),
    ADVICE_FOR_USER("advice", "GET", "/users/{userId}/advice", IdKind.NONE, BodyKind.NONE, Query.PAGED),
    ADHERENCE("advice", "GET", "/users/{userId}/adherence", IdKind.NONE, BodyKind.NONE, Query.NONE),
    RULES("advice", "GET", "/rules", IdKind.NONE, BodyKind.NONE, Query.NONE),
    /** service-support's operator endpoints, present in all three services (role admin only). */
    OUTBOX(null, "GET", "/admin/outbox", IdKind.NONE, BodyKind.NONE, Query.NONE),
    OUTBOX_RETRY_ALL(null, "POST", "/admin/outbox/parked/retry", IdKind.NONE, BodyKind.NONE, Query.NONE),
    OUTBOX_RETRY(null, "POST", "/admin/outbox/parked/{id}/retry", IdKind.PARKED, BodyKind.NONE, Query.NONE),
    AUDIT(null, "GET", "/admin/audit", IdKind.NONE, BodyKind.NONE, Query.AUDIT),
    DEAD_LETTERS(null, "GET", "/admin/dead-letters/{topic}", IdKind.TOPIC, BodyKind.NONE, Query.DEAD_LETTERS),
    DEAD_LETTER_REPLAY(null, "POST", "/admin/dead-letters/{topic}/replay", IdKind.TOPIC, BodyKind.REPLAY,
            Query.NONE),
    PREFERENCES_GET("reminder", "GET", "/users/{userId}/preferences", IdKind.NONE, BodyKind.NONE, Query.NONE),
    PREFERENCES_PUT("reminder", "PUT", "/users/{userId}/preferences", IdKind.NONE, BodyKind.PREFERENCES, Query.NONE),
    WORKOUT_CREATE("reminder", "POST", "/users/{userId}/workouts", IdKind.NONE, BodyKind.WORKOUT, Query.NONE),
    WORKOUT_LIST("reminder", "GET", "/users/{userId}/workouts", IdKind.NONE, BodyKind.NONE, Query.NONE),
    WORKOUT_GET("reminder", "GET", "/users/{userId}/workouts/{workoutId}", IdKind.WORKOUT, BodyKind.NONE, Query.NONE),
    WORKOUT_DELETE("reminder", "DELETE", "/users/{userId}/workouts/{workoutId}", IdKind.WORKOUT, BodyKind.NONE,
            Query.NONE),
    NUDGE_LIST("reminder", "GET", "/users/{userId}/nudges", IdKind.NONE, BodyKind.NONE, Query.NUDGES),
    NUDGE_GET("reminder", "GET", "/nudges/{id}", IdKind.NUDGE, BodyKind.NONE, Query.NONE),
    NUDGE_ACK("reminder", "POST", "/nudges/{id}/ack", IdKind.NUDGE, BodyKind.ACK, Query.NONE),
    NUDGE_SNOOZE("reminder", "POST", "/nudges/{id}/snooze", IdKind.NUDGE, BodyKind.SNOOZE, Query.NONE),
    DRINK_CREATE("reminder", "POST", "/users/{userId}/drinks", IdKind.NONE, BodyKind.DRINK, Query.NONE),
    DRINK_LIST("reminder", "GET", "/users/{userId}/drinks", IdKind.NONE, BodyKind.NONE, Query.DRINKS),
    DRINK_GET("reminder", "GET", "/users/{userId}/drinks/{drinkId}", IdKind.DRINK, BodyKind.NONE, Query.NONE),
    WATER_TODAY("reminder", "GET", "/users/{userId}/hydration/today", IdKind.NONE, BodyKind.NONE, Query.NONE),
    WATER_DAYS("reminder", "GET", "/users/{userId}/hydration/days", IdKind.NONE, BodyKind.NONE, Query.NONE);

    /**
     * Which of the test's real records fills the id slot. The fuzz user has no erasure (asking for one would erase
     * them) and no parked outbox event of its own: those slots start from an id that names nothing; a dead-letter topic
     * from one the advice service consumes into.
     */
    enum IdKind {
        NONE(t -> null), REPORT(Targets::reportId), ADVICE(Targets::adviceId), NUDGE(Targets::nudgeId),
        WORKOUT(Targets::workoutId), DRINK(Targets::drinkId), ERASURE(t -> "7e3f9a2c-1b4d-4e8f-9a6b-3c2d1e0f9a8b"),
        PARKED(t -> "4c8e2a1f-6b3d-4f9e-8a7c-2d1e0f9b8a6c"), TOPIC(t -> "cramp-reports.dlq");

        final Function<Targets, String> real;

        IdKind(Function<Targets, String> real) {
            this.real = real;
        }
    }

    enum BodyKind {
        NONE, REPORT, PREFERENCES, WORKOUT, ACK, SNOOZE, DRINK, REPLAY
    }

    /** The query parameters an endpoint reads. */
    enum Query {
        NONE(false, false, false, false, false),
        /** userId (required), from, to, pageSize, pageToken */
        REPORTS(true, true, true, false, false),
        /** pageSize, pageToken */
        PAGED(false, true, false, false, false),
        /** from, to, status, pageSize, pageToken */
        NUDGES(false, true, true, true, false),
        /** from, to, pageSize, pageToken */
        DRINKS(false, true, true, false, false),
        /** format (json or csv) */
        EXPORT(false, false, false, false, true),
        /** userId (optional), from, to, pageSize, pageToken */
        AUDIT(true, true, true, false, false),
        /** from, to, pageSize, pageToken (and ceId, not varied) */
        DEAD_LETTERS(false, true, true, false, false);

        final boolean userId;
        final boolean paged;
        final boolean timeRange;
        final boolean status;
        final boolean format;

        Query(boolean userId, boolean paged, boolean timeRange, boolean status, boolean format) {
            this.userId = userId;
            this.paged = paged;
            this.timeRange = timeRange;
            this.status = status;
            this.format = format;
        }
    }

    /** "intake", "advice", "reminder"; null for an endpoint every service has (each request picks one). */
    final String service;
    final String method;
    /** The path under /api/v1 as the README names it; part of every description. */
    final String template;
    /** Whether the path names a user ({@code {userId}}). */
    final boolean userInPath;
    final IdKind id;
    final BodyKind body;
    final Query query;

    Endpoint(String service, String method, String template, IdKind id, BodyKind body, Query query) {
        this.service = service;
        this.method = method;
        this.template = template;
        this.userInPath = template.contains("{userId}");
        this.id = id;
        this.body = body;
        this.query = query;
    }

    /** "POST /cramp-reports": how descriptions start. */
    public String label() {
        return method + " " + template;
    }

    public boolean takesBody() {
        return body != BodyKind.NONE;
    }

    /** Names a user (path or query), so that naming another one is a test of its own. */
    boolean namesUser() {
        return userInPath || query.userId || body == BodyKind.REPORT;
    }

    boolean hasId() {
        return id != IdKind.NONE;
    }

    /** For role admin only: a user's token is refused (403) whatever the path, query or body say. */
    boolean admin() {
        return template.startsWith("/admin/");
    }

    /**
     * The user a request's path names before an attack changes it: the fuzz user, except for the erasure, which is
     * only ever asked for someone else ({@link #ERASURE_CREATE}).
     */
    String pathUser(Targets t) {
        return this == ERASURE_CREATE ? t.otherUser() : t.user();
    }

    /** The path without query, from already-encoded segments: the template with {userId} and the id slot filled. */
    String path(String userSegment, String idSegment) {
        StringBuilder path = new StringBuilder("/api/v1");
        for (String segment : template.substring(1).split("/")) {
            path.append('/').append(segment.equals("{userId}") ? userSegment
                    : segment.startsWith("{") ? idSegment : segment);
        }
        return path.toString();
    }
}
