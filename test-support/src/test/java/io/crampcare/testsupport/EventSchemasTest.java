package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.crampcare.contracts.EventTypes;

class EventSchemasTest {

    static final String MINIMAL_REPORT = """
            {"reportId":"0c8b7a69-5847-4a3b-9c2d-1e0f9a8b7c6d","userId":"user-42",
             "occurredAt":"2026-11-25T02:10:00Z","receivedAt":"2026-11-25T06:00:00Z",
             "muscle":"CALF","side":"RIGHT","onset":"GRADUAL","severity":3,"durationSeconds":40,
             "context":"DURING_SLEEP","activity":null,"symptoms":[],"notes":null}
            """;

    static final String SELF_CARE_ADVICE = """
            {"adviceId":"7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9","reportId":"0c8b7a69-5847-4a3b-9c2d-1e0f9a8b7c6d",
             "userId":"user-42","issuedAt":"2026-11-25T06:00:01Z","urgency":"SELF_CARE","headline":"Drink more water today.",
             "recommendations":[{"ruleId":"daily-water","urgency":"SELF_CARE","category":"HYDRATION",
               "text":"Drink at least 1.9 L of water today.","source":{"type":"ARTICLE","reference":"LIVESTRONG"}}],
             "hydration":{"dailyTargetMl":1893,"dailyTargetOz":64.0,"preExerciseMinMl":null,"preExerciseMaxMl":null,
               "maxPerHourMl":1000},
             "rulesetVersion":"2026.11-1","disclaimer":"Not a substitute for a clinician."}
            """;

    static final String NUDGE_ACK = """
            {"nudgeId":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","userId":"user-42","kind":"HYDRATION","outcome":"SKIPPED",
             "dueAt":"2026-11-25T10:00:00Z","acknowledgedAt":"2026-11-25T10:05:00Z"}
            """;

    static final String NUDGE_DUE = """
            {"nudgeId":"4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a","userId":"user-42","kind":"HYDRATION",
             "dueAt":"2026-11-26T07:00:00Z","localTime":"2026-11-26T08:00","timeZone":"Europe/Berlin","amountMl":250,
             "workoutId":null,"adviceId":"7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9","text":"Drink 250 mL of water now."}
            """;

    static final String DRINK_LOGGED = """
            {"drinkId":"5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f","userId":"user-42","drunkAt":"2026-11-26T07:04:19Z",
             "amountMl":250,"kind":"WATER","source":"NUDGE_DONE","nudgeId":"4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a",
             "loggedAt":"2026-11-26T07:04:19Z"}
            """;

    static final String DRINK_DELETED = """
            {"drinkId":"5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f","userId":"user-42","reason":"UNDONE","replacedBy":null,
             "deletedAt":"2026-11-26T07:30:02Z"}
            """;

    @Test
    void findsTheSchemasOfTheNewerTypes() {
        assertEquals(List.of(), EventSchemas.violations(EventTypes.ADVICE_ISSUED, SELF_CARE_ADVICE));
        assertEquals(List.of(), EventSchemas.violations(EventTypes.NUDGE_DUE, NUDGE_DUE));
        assertEquals(List.of(), EventSchemas.violations(EventTypes.NUDGE_ACKNOWLEDGED, NUDGE_ACK));

        String overdrinking = SELF_CARE_ADVICE.replace("\"dailyTargetMl\":1893", "\"dailyTargetMl\":1000")
                .replace("\"maxPerHourMl\":1000", "\"maxPerHourMl\":1500");
        List<String> advice = EventSchemas.violations(EventTypes.ADVICE_ISSUED, overdrinking);
        assertEquals(2, advice.size(), advice.toString());
        assertTrue(advice.stream().anyMatch(v -> v.contains("dailyTargetMl")), advice.toString());
        assertTrue(advice.stream().anyMatch(v -> v.contains("maxPerHourMl")), advice.toString());

        List<String> ack = EventSchemas.violations(EventTypes.NUDGE_ACKNOWLEDGED, NUDGE_ACK.replace("SKIPPED", "IGNORED"));
        assertEquals(1, ack.size(), ack.toString());
        assertTrue(ack.get(0).contains("outcome"), ack.toString());

        List<String> nudge = EventSchemas.violations(EventTypes.NUDGE_DUE,
                NUDGE_DUE.replace("\"amountMl\":250", "\"amountMl\":1500"));
        assertEquals(1, nudge.size(), nudge.toString());
        assertTrue(nudge.get(0).contains("amountMl"), nudge.toString());
    }

    @Test
    void findsTheSchemasOfTheDrinkTypes() {
        assertEquals(List.of(), EventSchemas.violations(EventTypes.DRINK_LOGGED, DRINK_LOGGED));
        assertEquals(List.of(), EventSchemas.violations(EventTypes.DRINK_DELETED, DRINK_DELETED));

        List<String> tooMuch = EventSchemas.violations(EventTypes.DRINK_LOGGED,
                DRINK_LOGGED.replace("\"amountMl\":250", "\"amountMl\":2500"));
        assertEquals(1, tooMuch.size(), tooMuch.toString());
        assertTrue(tooMuch.get(0).contains("amountMl"), tooMuch.toString());

        // A DONE answer's drink names its nudge; a replacement names the drink that took its place.
        List<String> noNudge = EventSchemas.violations(EventTypes.DRINK_LOGGED,
                DRINK_LOGGED.replace("\"4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a\"", "null"));
        assertTrue(!noNudge.isEmpty() && noNudge.stream().allMatch(v -> v.contains("nudgeId")), noNudge.toString());
        List<String> noReplacement = EventSchemas.violations(EventTypes.DRINK_DELETED,
                DRINK_DELETED.replace("UNDONE", "REPLACED"));
        assertTrue(!noReplacement.isEmpty() && noReplacement.stream().allMatch(v -> v.contains("replacedBy")),
                noReplacement.toString());

        // The two types share a topic, so each payload must fail the other's schema, not pass by accident.
        assertFalse(EventSchemas.violations(EventTypes.DRINK_DELETED, DRINK_LOGGED).isEmpty());
        assertFalse(EventSchemas.violations(EventTypes.DRINK_LOGGED, DRINK_DELETED).isEmpty());
    }

    @Test
    void validPayloadPasses() {
        assertEquals(List.of(), EventSchemas.violations(EventTypes.CRAMP_REPORT_SUBMITTED, MINIMAL_REPORT));
        EventSchemas.assertValid(EventTypes.CRAMP_REPORT_SUBMITTED, MINIMAL_REPORT);
    }

    @Test
    void aPublishedEventNamesItsSchemaAndKeepsIt() {
        EventSchemas.assertValid(report("https://crampcare.io/schemas/cramp-report-submitted.v1.json", MINIMAL_REPORT));

        AssertionError otherSchema = assertThrows(AssertionError.class, () -> EventSchemas.assertValid(
                report("https://crampcare.io/schemas/advice-issued.v1.json", MINIMAL_REPORT)));
        assertTrue(otherSchema.getMessage().contains("ce_dataschema"), otherSchema.getMessage());
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(report(null, MINIMAL_REPORT)));
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(
                report("https://crampcare.io/schemas/cramp-report-submitted.v1.json", "{}")));
    }

    private static CloudEvent report(String dataSchema, String payload) {
        return CloudEventBuilder.v1().withId("e-1").withSource(URI.create("/crampcare/intake-service"))
                .withType(EventTypes.CRAMP_REPORT_SUBMITTED)
                .withDataSchema(dataSchema == null ? null : URI.create(dataSchema))
                .withData("application/json", payload.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void invalidPayloadIsReportedWithEveryViolation() {
        String bad = MINIMAL_REPORT.replace("\"severity\":3", "\"severity\":11").replace("\"CALF\"", "\"ELBOW\"");
        List<String> violations = EventSchemas.violations(EventTypes.CRAMP_REPORT_SUBMITTED, bad);
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("severity")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("muscle")), violations.toString());

        AssertionError error = assertThrows(AssertionError.class,
                () -> EventSchemas.assertValid(EventTypes.CRAMP_REPORT_SUBMITTED, bad));
        violations.forEach(v -> assertTrue(error.getMessage().contains(v), error.getMessage()));
    }

    @Test
    void malformedJsonIsAViolationNotACrash() {
        List<String> violations = EventSchemas.violations(EventTypes.CRAMP_REPORT_SUBMITTED, "{");
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("payload is not JSON"), violations.get(0));
    }

    @Test
    void unknownTypeFailsClearly() {
        IllegalArgumentException noSchema = assertThrows(IllegalArgumentException.class,
                () -> EventSchemas.violations("io.crampcare.cramp-report.withdrawn.v1", "{}"));
        assertTrue(noSchema.getMessage().contains("schemas/cramp-report-withdrawn.v1.json"), noSchema.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.violations("com.example.thing", "{}"));
    }
}
