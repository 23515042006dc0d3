package io.crampcare.reminder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.crampcare.testsupport.StrictInputChecks;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StrictInputIT extends StrictInputChecks {

    private static final String NUDGE = "/api/v1/nudges/6b1d3c1e-0000-4000-8000-000000000000";

    @Override
    protected BodyOperation bodyOperation() {
        return new BodyOperation("PUT", preferencesPath(), preferences(Map.of()));
    }

    @Override
    protected NotAllowed notAllowed() {
        return new NotAllowed("DELETE", NUDGE, Set.of("GET", "HEAD", "OPTIONS"));
    }

    @Override
    protected TextParameter textParameter() {
        return new TextParameter("userId", "/api/v1/users/%s/workouts");
    }

    static Stream<Arguments> coercions() {
        return Stream.of(
                Arguments.of("PUT", "prefs", preferences(Map.of("dailyCap", 7.5)), "dailyCap"),
                Arguments.of("PUT", "prefs", preferences(Map.of("dailyCap", "8")), "dailyCap"),
                Arguments.of("PUT", "prefs", preferences(Map.of("kinds", List.of(0))), "kinds[0]"),
                Arguments.of("PUT", "prefs", preferences(Map.of("wakingStart", List.of(7, 0))), "wakingStart"),
                Arguments.of("PUT", "prefs", preferences(Map.of("wakingStart", 700)), "wakingStart"),
                Arguments.of("PUT", "prefs", preferences(Map.of("timeZone", "Europe/Berlin\u0000")), "timeZone"),
                Arguments.of("PUT", "prefs", preferences(Map.of("timeZone", 1)), "timeZone"),
                Arguments.of("PUT", "prefs", preferences(Map.of("unit", 0)), "unit"),
                Arguments.of("PUT", "prefs", preferences(Map.of("unit", "")), "unit"),
                Arguments.of("PUT", "prefs", preferences(Map.of("locale", 1)), "locale"),
                Arguments.of("PUT", "prefs", preferences(Map.of("locale", "de\u0000")), "locale"),
                Arguments.of("POST", "workouts", workout(Map.of("durationMinutes", "45")), "durationMinutes"),
                Arguments.of("POST", "workouts", workout(Map.of("intensity", 2)), "intensity"),
                Arguments.of("POST", "workouts", workout(Map.of("startsAt", 4_102_444_800L)), "startsAt"),
                Arguments.of("POST", NUDGE + "/snooze", Map.of("minutes", 10.5), "minutes"),
                Arguments.of("POST", NUDGE + "/snooze", Map.of("minutes", "10"), "minutes"),
                Arguments.of("POST", NUDGE + "/ack", Map.of("outcome", 0), "outcome"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> 400 naming {3}")
    @MethodSource("coercions")
    void noCoercion(String method, String path, Map<String, Object> body, String field) {
        String target = switch (path) {
            case "prefs" -> preferencesPath();
            case "workouts" -> "/api/v1/users/" + TestUsers.newUser("strict") + "/workouts";
            default -> path;
        };
        assertFieldRejected(method, target, body, field);
    }

    private static String preferencesPath() {
        return "/api/v1/users/" + TestUsers.newUser("strict") + "/preferences";
    }

    private static Map<String, Object> preferences(Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(Map.of("timeZone", "Europe/Berlin", "wakingStart", "07:00",
                "wakingEnd", "22:00", "dailyCap", 8, "kinds", List.of("HYDRATION")));
        body.putAll(change);
        return body;
    }

    private static Map<String, Object> workout(Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "ONE_OFF", "startsAt", "2099-06-01T17:30:00Z",
                "durationMinutes", 45, "intensity", "HARD"));
        body.putAll(change);
        return body;
    }
}
