package io.crampcare.system.fuzz;

import java.util.function.Function;

/**
 * Every /api/v1 endpoint of the three services, as the fuzzer sees it: where it lives, which path slots it has (a user
 * and/or a record id), which query parameters it reads and which body it takes.
 */
public enum Endpoint {

    REPORT_CREATE("intake", "POST", "/cramp-reports", IdKind.NONE, BodyKind.REPORT, Query.NONE),
    REPORT_LIST("intake", "GET", "/cramp-reports", IdKind.NONE, BodyKind.NONE, Query.REPORTS),
    REPORT_GET("intake", "GET", "/cramp-reports/{id}", IdKind.REPORT, BodyKind.NONE, Query.NONE),
    ADVICE_GET("advice", "GET", "/advice/{id}", IdKind.ADVICE, BodyKind.NONE, Query.NONE),
    ADVICE_BY_REPORT("advice", "GET", "/cramp-reports/{reportId}/advice", IdKind.REPORT, BodyKind.NONE, Query.NONE),
    ADVICE_FOR_USER("advice", "GET", "/users/{userId}/advice", IdKind.NONE, BodyKind.NONE, Query.PAGED),
    ADHERENCE("advice", "GET", "/users/{userId}/adherence", IdKind.NONE, BodyKind.NONE, Query.NONE),
    RULES("advice", "GET", "/rules", IdKind.NONE, BodyKind.NONE, Query.NONE),
    /** service-support's operator endpoint, present in all three services (role admin only). */
    OUTBOX(null, "GET", "/admin/outbox", IdKind.NONE, BodyKind.NONE, Query.NONE),
    PREFERENCES_GET("reminder", "GET", "/users/{userId}/preferences", IdKind.NONE, BodyKind.NONE, Query.NONE),
    PREFERENCES_PUT("reminder", "PUT", "/users/{userId}/preferences", IdKind.NONE, BodyKind.PREFERENCES, Query.NONE),
    WORKOUT_CREATE("reminder", "POST", "/users/{userId}/workouts", IdKind.NONE, BodyKind.WORKOUT, Query.NONE),
    WORKOUT_LIST("reminder", "GET", "/users/{userId}/workouts", IdKind.NONE, BodyKind.NONE, Query.NONE),
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

    /** Which of the test's real records fills the id slot. */
    enum IdKind {
        NONE(t -> null), REPORT(Targets::reportId), ADVICE(Targets::adviceId), NUDGE(Targets::nudgeId),
        WORKOUT(Targets::workoutId), DRINK(Targets::drinkId);

        final Function<Targets, String> real;

        IdKind(Function<Targets, String> real) {
            this.real = real;
        }
    }

    enum BodyKind {
        NONE, REPORT, PREFERENCES, WORKOUT, ACK, SNOOZE, DRINK
    }

    /** The query parameters an endpoint reads. */
    enum Query {
        NONE(false, false, false, false),
        /** userId (required), from, to, pageSize, pageToken */
        REPORTS(true, true, true, false),
        /** pageSize, pageToken */
        PAGED(false, true, false, false),
        /** from, to, status, pageSize, pageToken */
        NUDGES(false, true, true, true),
        /** from, to, pageSize, pageToken */
        DRINKS(false, true, true, false);

        final boolean userId;
        final boolean paged;
        final boolean timeRange;
        final boolean status;

        Query(boolean userId, boolean paged, boolean timeRange, boolean status) {
            this.userId = userId;
            this.paged = paged;
            this.timeRange = timeRange;
            this.status = status;
        }
    }

    /** "intake", "advice", "reminder"; null for the outbox, which every service has. */
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
