package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input gets a 400 problem naming the field, and nothing is stored; never a 500. */
@QuarkusTest
class CrampReportValidationIT {

    private static final String REPORTS = "/api/v1/cramp-reports";
    private static final String PROBLEM_JSON = "application/problem+json";
    private final String user = TestUsers.newUser("validation");

    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("userId missing", r -> r.remove("userId"), "userId"),
                bad("userId empty", r -> r.put("userId", ""), "userId"),
                bad("userId with a space", r -> r.put("userId", "bad user"), "userId"),
                bad("userId too long", r -> r.put("userId", "u".repeat(65)), "userId"),
                bad("occurredAt missing", r -> r.remove("occurredAt"), "occurredAt"),
                bad("occurredAt an hour ahead", r -> r.put("occurredAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()), "occurredAt"),
                bad("occurredAt not a date", r -> r.put("occurredAt", "yesterday"), "occurredAt"),
                bad("muscle unknown", r -> r.put("muscle", "BICEPS"), "muscle"),
                bad("muscle missing", r -> r.remove("muscle"), "muscle"),
                bad("side missing", r -> r.remove("side"), "side"),
                bad("onset unknown", r -> r.put("onset", "SLOW"), "onset"),
                bad("severity 11", r -> r.put("severity", 11), "severity"),
                bad("severity negative", r -> r.put("severity", -1), "severity"),
                bad("severity a word", r -> r.put("severity", "high"), "severity"),
                bad("durationSeconds 0", r -> r.put("durationSeconds", 0), "durationSeconds"),
                bad("durationSeconds over a day", r -> r.put("durationSeconds", 86_401), "durationSeconds"),
                bad("context missing", r -> r.remove("context"), "context"),
                bad("exercise context without activity", r -> r.remove("activity"), "activity"),
                bad("activity type missing", r -> activity(r).remove("type"), "activity.type"),
                bad("activity intensity unknown", r -> activity(r).put("intensity", "EXTREME"), "activity.intensity"),
                bad("activity minutes 0", r -> activity(r).put("minutes", 0), "activity.minutes"),
                bad("activity not an object", r -> r.put("activity", "squats"), "activity"),
                bad("warmedUp not a boolean", r -> r.put("warmedUp", "maybe"), "warmedUp"),
                bad("waterTodayMl negative", r -> r.put("waterTodayMl", -1), "waterTodayMl"),
                bad("waterTodayMl over 20 L", r -> r.put("waterTodayMl", 20_001), "waterTodayMl"),
                bad("symptom unknown", r -> r.put("symptoms", List.of("GOOSEBUMPS")), "symptoms"),
                bad("waterLastHourMl negative", r -> r.put("waterLastHourMl", -1), "waterLastHourMl"),
                bad("waterLastHourMl more than waterTodayMl", r -> r.put("waterLastHourMl", 901), "waterLastHourMl"),
                bad("hotEnvironment not a boolean", r -> r.put("hotEnvironment", "very"), "hotEnvironment"),
                bad("takesStatin not a boolean", r -> r.put("takesStatin", "sometimes"), "takesStatin"),
                bad("symptoms not an array", r -> r.put("symptoms", "NUMBNESS"), "symptoms"),
                bad("symptom null", r -> r.put("symptoms", java.util.Arrays.asList("NUMBNESS", null)), "symptoms"),
                bad("bodyWeightKg 5", r -> r.put("bodyWeightKg", 5), "bodyWeightKg"),
                bad("notes too long", r -> r.put("notes", "n".repeat(2001)), "notes"),
                bad("unknown field", r -> r.put("mood", "grumpy"), "mood"),
                // No coercion: each of these Jackson would read by default (7.9 as 7, below the rule threshold of 8).
                bad("severity a fraction", r -> r.put("severity", 7.9), "severity"),
                bad("severity a whole number written as a fraction", r -> r.put("severity", 8.0), "severity"),
                bad("durationSeconds a numeric string", r -> r.put("durationSeconds", "60"), "durationSeconds"),
                bad("activity minutes a fraction", r -> activity(r).put("minutes", 30.5), "activity.minutes"),
                bad("symptom an enum index", r -> r.put("symptoms", List.of(15)), "symptoms[0]"),
                bad("muscle an enum index", r -> r.put("muscle", 0), "muscle"),
                bad("muscle an empty string", r -> r.put("muscle", ""), "muscle"),
                bad("warmedUp the string true", r -> r.put("warmedUp", "true"), "warmedUp"),
                bad("warmedUp the number 1", r -> r.put("warmedUp", 1), "warmedUp"),
                bad("bodyWeightKg a numeric string", r -> r.put("bodyWeightKg", "72.5"), "bodyWeightKg"),
                bad("bodyWeightKg NaN as a string", r -> r.put("bodyWeightKg", "NaN"), "bodyWeightKg"),
                bad("waterTodayMl an empty string", r -> r.put("waterTodayMl", ""), "waterTodayMl"),
                bad("notes a number", r -> r.put("notes", 5), "notes"),
                bad("userId a boolean", r -> r.put("userId", true), "userId"),
                bad("occurredAt epoch seconds", r -> r.put("occurredAt", 1_764_000_000L), "occurredAt"),
                // Control characters in free text (PostgreSQL cannot store U+0000: this was a 500).
                bad("notes with NUL", r -> r.put("notes", "a\u0000b"), "notes"),
                bad("notes with BEL", r -> r.put("notes", "ring\u0007"), "notes"),
                bad("notes with an ANSI escape", r -> r.put("notes", "\u001B[31mred"), "notes"),
                bad("notes with DEL", r -> r.put("notes", "x\u007F"), "notes"),
                bad("notes with C1 NEL", r -> r.put("notes", "x\u0085y"), "notes"),
                bad("userId with NUL", r -> r.put("userId", "u\u0000"), "userId"));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(name, change, field);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> activity(Map<String, Object> report) {
        return (Map<String, Object>) report.get("activity");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {2}")
    @MethodSource("badReports")
    void badFieldIsNamed(String name, Consumer<Map<String, Object>> change, String field) {
        String caseUser = TestUsers.newUser("bad");
        Map<String, Object> report = TestReports.valid(caseUser);
        change.accept(report);
        asAdmin().contentType(ContentType.JSON).body(report)
                .when().post(REPORTS)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", is("https://crampcare.io/problems/validation"))
                .body("status", is(400))
                .body("errors.field", hasItem(startsWith(field)));
        // Rejected means not stored.
        asAdmin().queryParam("userId", caseUser).when().get(REPORTS).then().statusCode(200).body("items", empty());
    }

    @Test
    void aClientClockRunningAFewMinutesFastIsAllowed() {
        Map<String, Object> report = TestReports.valid(user);
        report.put("occurredAt", Instant.now().plus(3, ChronoUnit.MINUTES).toString()); // clock skew: 5 min
        asAdmin().contentType(ContentType.JSON).body(report)
                .when().post(REPORTS)
                .then().statusCode(201);
    }

    @Test
    void notesKeepTabsAndLineBreaks() {
        Map<String, Object> report = TestReports.valid(user);
        report.put("notes", "first line\r\nsecond\tline\nthird \uD83D\uDE00");
        String id = asAdmin().contentType(ContentType.JSON).body(report)
                .when().post(REPORTS)
                .then().statusCode(201).extract().path("id");
        asAdmin().when().get(REPORTS + "/" + id)
                .then().statusCode(200).body("notes", is("first line\r\nsecond\tline\nthird \uD83D\uDE00"));
    }

    @Test
    void aLoneSurrogateIsNotText() {
        String body = apiJson(TestReports.valid(user)).replace("\"Last set of squats.\"", "\"x\\ud800y\"");
        asAdmin().contentType(ContentType.JSON).body(body)
                .when().post(REPORTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("notes"));
    }

    private static String apiJson(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        Map<String, Object> report = TestReports.valid(user);
        report.put("severity", 11);
        report.remove("side");
        report.put("notes", "n".repeat(2001));
        asAdmin().contentType(ContentType.JSON).body(report)
                .when().post(REPORTS)
                .then().statusCode(400)
                .body("errors.field", hasItems("severity", "side", "notes"))
                .body("detail", is("The request has 3 invalid fields."));
    }

    @Test
    void malformedJsonIs400() {
        asAdmin().contentType(ContentType.JSON).body("{\"userId\": \"" + user + "\", ")
                .when().post(REPORTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("https://crampcare.io/problems/malformed-request"));
    }

    @Test
    void aFieldGivenTwiceIs400() {
        asAdmin().contentType(ContentType.JSON)
                .body("{\"userId\": \"a\", \"userId\": \"" + user + "\", \"severity\": 3}")
                .when().post(REPORTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("Duplicate field"));
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("JSON that is not an object", ContentType.JSON, "[1, 2]", 400),
                Arguments.of("an empty body", ContentType.JSON, "", 400),
                Arguments.of("the wrong media type", ContentType.TEXT, "cramp", 415));
    }

    @ParameterizedTest(name = "{0} is {3}")
    @MethodSource("unreadableBodies")
    void anUnreadableBodyIsAProblem(String what, ContentType type, String body, int status) {
        asAdmin().contentType(type).body(body)
                .when().post(REPORTS)
                .then().statusCode(status).contentType(PROBLEM_JSON);
    }

    @Test
    void oversizeBodyIs413() {
        Map<String, Object> report = TestReports.valid(user);
        report.put("notes", "n".repeat(100_000));
        asAdmin().contentType(ContentType.JSON).body(report)
                .when().post(REPORTS)
                .then().statusCode(413).contentType(PROBLEM_JSON);
    }

    @Test
    void badIdempotencyKeyIs400() {
        asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256)).body(TestReports.valid(user))
                .when().post(REPORTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void unknownReportIs404() {
        asAdmin().when().get(REPORTS + "/6b1d3c1e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", is("https://crampcare.io/problems/not-found"));
        asAdmin().when().get(REPORTS + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void unknownPathIs404Problem() {
        asAdmin().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    static Stream<Arguments> badListQueries() {
        return Stream.of(
                Arguments.of(Map.of(), "userId"),
                Arguments.of(Map.of("userId", "u", "pageSize", "0"), "pageSize"),
                Arguments.of(Map.of("userId", "u", "pageSize", "101"), "pageSize"),
                Arguments.of(Map.of("userId", "u", "pageSize", "ten"), "pageSize"),
                Arguments.of(Map.of("userId", "u", "pageToken", "garbage"), "pageToken"),
                Arguments.of(Map.of("userId", "u", "from", "last week"), "from"),
                Arguments.of(Map.of("userId", "u", "from", "2026-11-02T00:00:00Z", "to", "2026-11-01T00:00:00Z"), "to"));
    }

    @ParameterizedTest(name = "list with {0} -> 400 naming {1}")
    @MethodSource("badListQueries")
    void badListQueryIsNamed(Map<String, String> query, String field) {
        asAdmin().queryParams(query)
                .when().get(REPORTS)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem(field));
    }

    @Test
    void problemDetailSaysWhatIsWrong() {
        Map<String, Object> report = TestReports.valid(user);
        report.put("muscle", "BICEPS");
        asAdmin().contentType(ContentType.JSON).body(report)
                .when().post(REPORTS)
                .then().statusCode(400)
                .body("errors[0].message", containsString("GLUTEUS_MAXIMUS"));
    }
}
