package io.crampcare.reminder;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.testsupport.TestUsers;
import io.cloudevents.CloudEvent;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Preferences, workouts and fired nudges over real HTTP, PostgreSQL and Kafka. */
@QuarkusTest
class NudgeApiIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void preferencesUseETagsAgainstLostUpdates() {
        String user = TestUsers.newUser("prefs");
        String path = "/api/v1/users/" + user + "/preferences";
        asAdmin().when().get(path).then().statusCode(200).header("ETag", "\"v0\"").body("timeZone", is("UTC"))
                .body("wakingStart", is("07:00"));
        Map<String, Object> prefs = Map.of("timeZone", "America/New_York", "wakingStart", "06:30", "wakingEnd", "21:00",
                "quietStart", "13:00", "quietEnd", "14:00", "dailyCap", 6, "kinds", List.of("HYDRATION", "WARM_UP"));
        asAdmin().contentType(ContentType.JSON).body(prefs).when().put(path).then().statusCode(200).header("ETag", "\"v1\"");
        asAdmin().contentType(ContentType.JSON).body(prefs).when().put(path).then().statusCode(428)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"v0\"").body(prefs).when().put(path)
                .then().statusCode(412).header("ETag", "\"v1\"");
        asAdmin().contentType(ContentType.JSON).header("If-Match", "\"v1\"").body(prefs).when().put(path)
                .then().statusCode(200).header("ETag", "\"v2\"").body("dailyCap", is(6));
    }

    @Test
    void badPreferencesAre400NamingTheField() {
        String path = "/api/v1/users/" + TestUsers.newUser("badprefs") + "/preferences";
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Mars/Olympus", "wakingStart", "22:00", "wakingEnd", "07:00", "dailyCap", 8,
                        "kinds", List.of("HYDRATION")))
                .when().put(path).then().statusCode(400)
                .body("errors.field", hasItem("timeZone")).body("errors.field", hasItem("wakingEnd"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("timeZone", "UTC", "wakingStart", "07:00", "wakingEnd", "22:00", "dailyCap", 0,
                        "kinds", List.of("NAP")))
                .when().put(path).then().statusCode(400);
    }

    @Test
    void unitAndLocaleRoundTripAndAreTheirDefaultsWhenLeftOut() {
        String user = TestUsers.newUser("speech");
        String path = "/api/v1/users/" + user + "/preferences";
        asAdmin().when().get(path).then().statusCode(200).body("unit", is("ML")).body("locale", is("en"));
        Map<String, Object> german = new HashMap<>(PreferenceChangeIT.prefs("Europe/Berlin", "07:00", "22:00", null,
                null, 8, ReminderFixtures.ALL_KINDS));
        german.put("unit", "US_FL_OZ");
        german.put("locale", "de");
        PreferenceChangeIT.put(user, german, null).then().statusCode(200).header("ETag", "\"v1\"")
                .body("unit", is("US_FL_OZ")).body("locale", is("de"));
        asAdmin().when().get(path).then().statusCode(200).body("unit", is("US_FL_OZ")).body("locale", is("de"))
                .body("timeZone", is("Europe/Berlin"));
        // A PUT replaces every setting: without unit and locale they are the defaults again.
        PreferenceChangeIT.put(user, PreferenceChangeIT.prefs("Europe/Berlin", "07:00", "22:00", null, null, 8,
                ReminderFixtures.ALL_KINDS), "\"v1\"").then().statusCode(200).body("unit", is("ML"))
                .body("locale", is("en"));
        asAdmin().when().get(path).then().statusCode(200).header("ETag", "\"v2\"").body("unit", is("ML"))
                .body("locale", is("en"));
    }

    @ParameterizedTest(name = "unit {0}, locale {1}")
    @CsvSource(nullValues = "-", value = {
            "LITRE, -, unit, 'must be one of [ML, US_FL_OZ]'",
            "us_fl_oz, -, unit, 'must be one of [ML, US_FL_OZ]'",
            "-, fr, locale, 'must be one of the supported language tags: en, de'",
            "-, de-DE, locale, 'must be one of the supported language tags: en, de'",
            "-, DE, locale, 'must be one of the supported language tags: en, de'",
            "-, '', locale, 'must be one of the supported language tags: en, de'" })
    void anUnknownUnitOrAnUnsupportedLocaleIs400NamingTheField(String unit, String locale, String field,
            String message) {
        String user = TestUsers.newUser("bad-speech");
        Map<String, Object> body = new HashMap<>(PreferenceChangeIT.prefs("UTC", "07:00", "22:00", null, null, 8,
                ReminderFixtures.ALL_KINDS));
        body.put("unit", unit);
        body.put("locale", locale);
        PreferenceChangeIT.put(user, body, null).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", is(List.of(field))).body("errors.message", is(List.of(message)));
        asAdmin().when().get("/api/v1/users/" + user + "/preferences").then().statusCode(200)
                .header("ETag", "\"v0\"");
    }

    @Test
    void aWorkoutSoonFiresItsWarmUpOnTimeAndTheAnswerIsPublished() throws Exception {
        String user = TestUsers.newUser("workout");
        ReminderFixtures.preferences(user, ReminderFixtures.zoneWhereItIsAboutNoon());
        // Warm-up lead is 15 min: a workout starting 15 min 3 s from now has its warm-up due in 3 s.
        Instant start = Instant.now().plus(15, ChronoUnit.MINUTES).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String workoutId = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "ONE_OFF", "startsAt", start.toString(), "durationMinutes", 45, "intensity", "HARD"))
                .when().post("/api/v1/users/" + user + "/workouts")
                .then().statusCode(201).body("type", is("ONE_OFF")).extract().path("id");

        JsonNode warmUp;
        Instant warmUpTime;
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.NUDGES)) {
            List<ConsumerRecord<String, CloudEvent>> events = reader.await(r -> user.equals(r.key()), 1, TIMEOUT);
            assertEquals(1, events.size(), "the warm-up fired once (the stretch is not due yet)");
            String payload = new String(events.get(0).value().getData().toBytes(), StandardCharsets.UTF_8);
            assertEquals(EventTypes.NUDGE_DUE, events.get(0).value().getType());
            EventSchemas.assertValid(events.get(0).value()); // ce_dataschema included
            warmUp = json.readTree(payload);
            warmUpTime = events.get(0).value().getTime().toInstant();
        }
        assertEquals("WARM_UP", warmUp.get("kind").asText());
        assertEquals(workoutId, warmUp.get("workoutId").asText());
        assertEquals(start.minus(15, ChronoUnit.MINUTES), Instant.parse(warmUp.get("dueAt").asText()));
        String nudgeId = warmUp.get("nudgeId").asText();
        Instant firedAt = Instant.parse(asAdmin().when().get("/api/v1/nudges/" + nudgeId).then().statusCode(200)
                .body("status", is("FIRED")).extract().path("firedAt"));
        assertTrue(firedAt.isBefore(start.minus(15, ChronoUnit.MINUTES).plus(10, ChronoUnit.MINUTES)), "within its grace");
        assertEquals(firedAt, warmUpTime, "ce_time is when the nudge fired, to the microsecond");

        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "DONE"))
                .when().post("/api/v1/nudges/" + nudgeId + "/ack")
                .then().statusCode(200).body("status", is("DONE"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "DONE"))
                .when().post("/api/v1/nudges/" + nudgeId + "/ack")
                .then().statusCode(409).contentType("application/problem+json");
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.NUDGE_ACKS)) {
            List<ConsumerRecord<String, CloudEvent>> acks = reader.await(r -> user.equals(r.key()), 1, TIMEOUT);
            assertEquals(1, acks.size());
            String payload = new String(acks.get(0).value().getData().toBytes(), StandardCharsets.UTF_8);
            assertEquals(EventTypes.NUDGE_ACKNOWLEDGED, acks.get(0).value().getType());
            EventSchemas.assertValid(acks.get(0).value());
            assertEquals("DONE", json.readTree(payload).get("outcome").asText());
            assertEquals(Instant.parse(json.readTree(payload).get("acknowledgedAt").asText()),
                    acks.get(0).value().getTime().toInstant(), "ce_time is the answer's acknowledgedAt");
        }

        // Deleting the workout removes its planned stretch; the answered warm-up stays as history.
        // As a client generated from the document sends it: Accept names only the errors' problem type.
        asAdmin().accept("application/problem+json").when().delete("/api/v1/users/" + user + "/workouts/" + workoutId)
                .then().statusCode(204);
        asAdmin().queryParam("status", "PLANNED").when().get("/api/v1/users/" + user + "/nudges")
                .then().statusCode(200).body("items", hasSize(0));
        asAdmin().when().get("/api/v1/users/" + user + "/nudges").then().body("items", hasSize(1));
    }

    @Test
    void aFiredNudgeCanBeSnoozedOnce() {
        String user = TestUsers.newUser("snooze");
        ReminderFixtures.preferences(user, ReminderFixtures.zoneWhereItIsAboutNoon());
        Instant start = Instant.now().plus(15, ChronoUnit.MINUTES).plusSeconds(2);
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "ONE_OFF", "startsAt", start.toString(), "durationMinutes", 30, "intensity", "LIGHT"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201);
        String nudgeId = await().atMost(TIMEOUT).until(() -> asAdmin().queryParam("status", "FIRED")
                .when().get("/api/v1/users/" + user + "/nudges").jsonPath().<String>getList("items.id"),
                ids -> !ids.isEmpty()).get(0);

        Instant before = Instant.now();
        String dueAt = asAdmin().contentType(ContentType.JSON).body(Map.of("minutes", 10))
                .when().post("/api/v1/nudges/" + nudgeId + "/snooze")
                .then().statusCode(200).body("status", is("PLANNED")).body("snoozes", is(1))
                .extract().path("dueAt");
        assertTrue(!Instant.parse(dueAt).isBefore(before.plus(10, ChronoUnit.MINUTES).minusSeconds(1)));
        asAdmin().contentType(ContentType.JSON).body(Map.of("minutes", 10))
                .when().post("/api/v1/nudges/" + nudgeId + "/snooze").then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body(Map.of("minutes", 1))
                .when().post("/api/v1/nudges/" + nudgeId + "/snooze").then().statusCode(400);
    }

    @Test
    void badWorkoutsAndQueriesAre400() {
        String workouts = "/api/v1/users/" + TestUsers.newUser("bad") + "/workouts";
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "ONE_OFF", "durationMinutes", 30, "intensity", "HARD"))
                .when().post(workouts).then().statusCode(400).body("errors.field", hasItem("startsAt"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "WEEKLY", "durationMinutes", 30, "intensity", "HARD"))
                .when().post(workouts).then().statusCode(400)
                .body("errors.field", hasItem("days")).body("errors.field", hasItem("localStartTime"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("type", "ONE_OFF", "startsAt", "2020-01-01T00:00:00Z",
                "durationMinutes", 30, "intensity", "HARD"))
                .when().post(workouts).then().statusCode(400).body("errors.field", hasItem("startsAt"));
        asAdmin().queryParam("status", "SLEEPING").when().get("/api/v1/users/x/nudges")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        asAdmin().queryParam("status", "SLEEPING").queryParam("from", "1899-12-31T23:59:59Z").queryParam("pageSize", "x")
                .when().get("/api/v1/users/x/nudges").then().statusCode(400)
                .contentType("application/problem+json").body("detail", is("The request has 3 invalid fields."))
                .body("errors.field", is(List.of("from", "pageSize", "status")))
                .body("errors.message", is(List.of("must be an ISO-8601 instant between 1900-01-01T00:00:00Z and "
                        + "2200-01-01T00:00:00Z, e.g. 2026-11-25T07:30:00Z", "must be a whole number from 1 to 100",
                        "must be one of " + Arrays.toString(NudgeStatus.values()))));
        asAdmin().contentType(ContentType.JSON).header("If-None-Match", "\"v1\"").body(Map.of())
                .when().put("/api/v1/users/x/preferences").then().statusCode(400)
                .body("errors.field", hasItem("If-None-Match"))
                .body("errors.message", hasItem("only * is supported (create only if none exist)"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("outcome", "SNOOZED"))
                .when().post("/api/v1/nudges/" + UUID.randomUUID() + "/ack").then().statusCode(400)
                .body("errors.field", is(List.of("outcome")))
                .body("errors.message", is(List.of("must be DONE or SKIPPED; to snooze, POST to /snooze")));
        asAdmin().when().get("/api/v1/nudges/not-a-uuid").then().statusCode(404);
    }

    @Test
    void weeklyWorkoutsAreListedAndPlanned() {
        String user = TestUsers.newUser("weekly");
        ReminderFixtures.preferences(user, "Europe/Berlin");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("type", "WEEKLY", "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY"), "localStartTime", "18:00", "durationMinutes", 60, "intensity", "MODERATE"))
                .when().post("/api/v1/users/" + user + "/workouts").then().statusCode(201).body("type", is("WEEKLY"));
        asAdmin().when().get("/api/v1/users/" + user + "/workouts").then().statusCode(200).body("", hasSize(1));
        // Every day at 18:00 Berlin: within 48 h there are at least one warm-up and one stretch, at 17:45 and 19:00.
        List<String> localTimes = asAdmin().queryParam("status", "PLANNED").queryParam("pageSize", 100)
                .when().get("/api/v1/users/" + user + "/nudges").jsonPath().getList("items.localTime");
        assertTrue(localTimes.stream().anyMatch(t -> t.endsWith("T17:45")), localTimes.toString());
        assertTrue(localTimes.stream().anyMatch(t -> t.endsWith("T19:00")), localTimes.toString());
    }
}
