package io.crampcare.system.fuzz;

import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Every /api/v1 endpoint of the three services, as the fuzzer sees it: where it lives, which path slots it has (a user
 * and/or a record id), which query parameters it reads and which body it takes.
 */
public enum Endpoint {

    REPORT_CREATE("intake", "POST", "/cramp-reports", false, IdKind.NONE, BodyKind.REPORT, Query.NONE,
            (u, id) -> "/api/v1/cramp-reports"),
    REPORT_LIST("intake", "GET", "/cramp-reports", false, IdKind.NONE, BodyKind.NONE, Query.REPORTS,
            (u, id) -> "/api/v1/cramp-reports"),
    REPORT_GET("intake", "GET", "/cramp-reports/{id}", false, IdKind.REPORT, BodyKind.NONE, Query.NONE,
            (u, id) -> "/api/v1/cramp-reports/" + id),
    ADVICE_GET("advice", "GET", "/advice/{id}", false, IdKind.ADVICE, BodyKind.NONE, Query.NONE,
            (u, id) -> "/api/v1/advice/" + id),
    ADVICE_BY_REPORT("advice", "GET", "/cramp-reports/{reportId}/advice", false, IdKind.REPORT, BodyKind.NONE,
            Query.NONE, (u, id) -> "/api/v1/cramp-reports/" + id + "/advice"),
    ADVICE_FOR_USER("advice", "GET", "/users/{userId}/advice", true, IdKind.NONE, BodyKind.NONE, Query.PAGED,
            (u, id) -> "/api/v1/users/" + u + "/advice"),
    ADHERENCE("advice", "GET", "/users/{userId}/adherence", true, IdKind.NONE, BodyKind.NONE, Query.NONE,
            (u, id) -> "/api/v1/users/" + u + "/adherence"),
    RULES("advice", "GET", "/rules", false, IdKind.NONE, BodyKind.NONE, Query.NONE, (u, id) -> "/api/v1/rules"),
    /** service-support's operator endpoint, present in all three services (role admin only). */
    OUTBOX(null, "GET", "/admin/outbox", false, IdKind.NONE, BodyKind.NONE, Query.NONE,
            (u, id) -> "/api/v1/admin/outbox"),
    PREFERENCES_GET("reminder", "GET", "/users/{userId}/preferences", true, IdKind.NONE, BodyKind.NONE, Query.NONE,
            (u, id) -> "/api/v1/users/" + u + "/preferences"),
    PREFERENCES_PUT("reminder", "PUT", "/users/{userId}/preferences", true, IdKind.NONE, BodyKind.PREFERENCES,
            Query.NONE, (u, id) -> "/api/v1/users/" + u + "/preferences"),
    WORKOUT_CREATE("reminder", "POST", "/users/{userId}/workouts", true, IdKind.NONE, BodyKind.WORKOUT, Query.NONE,
            (u, id) -> "/api/v1/users/" + u + "/workouts"),
    WORKOUT_LIST("reminder", "GET", "/users/{userId}/workouts", true, IdKind.NONE, BodyKind.NONE, Query.NONE,
            (u, id) -> "/api/v1/users/" + u + "/workouts"),
    WORKOUT_DELETE("reminder", "DELETE", "/users/{userId}/workouts/{workoutId}", true, IdKind.WORKOUT, BodyKind.NONE,
            Query.NONE, (u, id) -> "/api/v1/users/" + u + "/workouts/" + id),
    NUDGE_LIST("reminder", "GET", "/users/{userId}/nudges", true, IdKind.NONE, BodyKind.NONE, Query.NUDGES,
            (u, id) -> "/api/v1/users/" + u + "/nudges"),
    NUDGE_GET("reminder", "GET", "/nudges/{id}", false, IdKind.NUDGE, BodyKind.NONE, Query.NONE,
            (u, id) -> "/api/v1/nudges/" + id),
    NUDGE_ACK("reminder", "POST", "/nudges/{id}/ack", false, IdKind.NUDGE, BodyKind.ACK, Query.NONE,
            (u, id) -> "/api/v1/nudges/" + id + "/ack"),
    NUDGE_SNOOZE("reminder", "POST", "/nudges/{id}/snooze", false, IdKind.NUDGE, BodyKind.SNOOZE, Query.NONE,
            (u, id) -> "/api/v1/nudges/" + id + "/snooze");

    /** Which of the test's real records fills the id slot. */
    enum IdKind {
        NONE(t -> null), REPORT(Targets::reportId), ADVICE(Targets::adviceId), NUDGE(Targets::nudgeId),
        WORKOUT(Targets::workoutId);

        final Function<Targets, String> real;

        IdKind(Function<Targets, String> real) {
            this.real = real;
        }
    }

    enum BodyKind {
        NONE, REPORT, PREFERENCES, WORKOUT, ACK, SNOOZE
    }

    /** The query parameters an endpoint reads. */
    enum Query {
        NONE(false, false, false, false),
        /** userId (required), from, to, pageSize, pageToken */
        REPORTS(true, true, true, false),
        /** pageSize, pageToken */
        PAGED(false, true, false, false),
        /** from, to, status, pageSize, pageToken */
        NUDGES(false, true, true, true);

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
    final boolean userInPath;
    final IdKind id;
    final BodyKind body;
    final Query query;
    private final BinaryOperator<String> path;

    Endpoint(String service, String method, String template, boolean userInPath, IdKind id, BodyKind body, Query query,
            BinaryOperator<String> path) {
        this.service = service;
        this.method = method;
        this.template = template;
        this.userInPath = userInPath;
        this.id = id;
        this.body = body;
        this.query = query;
        this.path = path;
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

    /** The path without query, from already-encoded segments. */
    String path(String userSegment, String idSegment) {
        return path.apply(userSegment, idSegment);
    }
}
