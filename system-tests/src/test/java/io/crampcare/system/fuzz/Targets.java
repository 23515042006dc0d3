package io.crampcare.system.fuzz;

import java.util.Objects;

/**
 * Real records the fuzz test creates before generating requests, so that hostile requests reach real rows and not only
 * the "not found" paths.
 *
 * @param user      the user who owns every id below (a token subject, role user)
 * @param userToken a valid bearer token (JWT, RS256) for {@code user}
 * @param otherUser another user: the victim that requests with {@code userToken} must not reach
 * @param reportId  a cramp report of {@code user}
 * @param adviceId  an advice of {@code user}
 * @param nudgeId   a nudge of {@code user}
 * @param workoutId a workout of {@code user}
 * @param drinkId   a drink of {@code user}
 */
public record Targets(String user, String userToken, String otherUser, String reportId, String adviceId, String nudgeId,
        String workoutId, String drinkId) {

    public Targets {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(userToken, "userToken");
        Objects.requireNonNull(otherUser, "otherUser");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(adviceId, "adviceId");
        Objects.requireNonNull(nudgeId, "nudgeId");
        Objects.requireNonNull(workoutId, "workoutId");
        Objects.requireNonNull(drinkId, "drinkId");
        if (user.equals(otherUser)) {
            throw new IllegalArgumentException("otherUser must differ from user");
        }
    }
}
