package io.crampcare.support.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crampcare.contracts.EventTypes;
import io.crampcare.support.failure.FailureClass;

/**
 * The consumers' check of what they apply: the three consumed types' schemas, strict on what a forged record gets
 * wrong, open where the catalogue lets a newer producer grow (properties, enum constants).
 */
class EventSchemaCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventSchemaCheck CHECK = new EventSchemaCheck();

    static final String REPORT = """
            {"reportId":"0c8b7a69-5847-4a3b-9c2d-1e0f9a8b7c6d","userId":"user-42",
             "occurredAt":"2026-11-25T02:10:00Z","receivedAt":"2026-11-25T06:00:00Z",
             "muscle":"CALF","side":"RIGHT","onset":"GRADUAL","severity":3,"durationSeconds":40,
             "context":"AFTER_EXERCISE","activity":{"type":"SQUATS","intensity":"HARD","minutes":45},
             "waterTodayMl":900,"reliefBy":"STRETCHING","symptoms":["TINGLING"],"notes":null}
            """;

    static final String ADVICE = """
            {"adviceId":"7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9","reportId":"0c8b7a69-5847-4a3b-9c2d-1e0f9a8b7c6d",
             "userId":"user-42","issuedAt":"2026-11-25T06:00:01Z","urgency":"SELF_CARE","headline":"Drink more water.",
             "recommendations":[{"ruleId":"daily-water","urgency":"SELF_CARE","category":"HYDRATION",
               "text":"Drink at least 1.9 L of water today.","source":{"type":"ARTICLE","reference":"LIVESTRONG"}}],
             "hydration":{"dailyTargetMl":2400,"dailyTargetOz":81.2,"preExerciseMinMl":350,"preExerciseMaxMl":490,
               "maxPerHourMl":1000,"alreadyDrunkTodayMl":900,"remainingTodayMl":1500,"drinkToThirstOnly":false},
             "rulesetVersion":"2026.11-1","disclaimer":"Not a substitute for a clinician.",
             "reportOccurredAt":"2026-11-25T02:10:00Z"}
            """;

    static final String ACK = """
            {"nudgeId":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f","userId":"user-42","kind":"HYDRATION","outcome":"DONE",
             "dueAt":"2026-11-25T10:00:00Z","acknowledgedAt":"2026-11-25T10:05:00Z"}
            """;

    @Test
    void aRecordNamingAnotherPayloadSchemaIsPoison() {
        String other = "https://crampcare.io/schemas/advice-issued.v1.json";
        PoisonMessageException poison = assertThrows(PoisonMessageException.class,
                () -> CHECK.requireDeclaredSchema(EventTypes.CRAMP_REPORT_SUBMITTED, other, "e-1"));
        assertEquals("Event e-1 of type " + EventTypes.CRAMP_REPORT_SUBMITTED + " names the schema " + other
                + ", not https://crampcare.io/schemas/sealed-event.v1.json", poison.getMessage());
        // The type's own payload schema is not the value's either: the value is sealed.
        assertThrows(PoisonMessageException.class, () -> CHECK.requireDeclaredSchema(EventTypes.ADVICE_ISSUED,
                "https://crampcare.io/schemas/advice-issued.v1.json", "e-2"));
    }

    @Test
    void aRecordNamingTheSealedEventSchemaOrNoneIsFine() {
        CHECK.requireDeclaredSchema(EventTypes.CRAMP_REPORT_SUBMITTED,
                "https://crampcare.io/schemas/sealed-event.v1.json", "e-1");
        CHECK.requireDeclaredSchema(EventTypes.NUDGE_ACKNOWLEDGED, null, "e-2"); // hand-made records send none
    }

    @Test
    void eventsAsTheProducersWriteThemPass() {
        assertEquals(List.of(), CHECK.violations(EventTypes.CRAMP_REPORT_SUBMITTED, tree(REPORT)));
        assertEquals(List.of(), CHECK.violations(EventTypes.ADVICE_ISSUED, tree(ADVICE)));
        assertEquals(List.of(), CHECK.violations(EventTypes.NUDGE_ACKNOWLEDGED, tree(ACK)));
    }

    /** What a newer producer of the same .v1 type may write (event catalogue, Versioning) is not a violation. */
    @Test
    void propertiesAndEnumConstantsAddedWithinV1Pass() {
        assertEquals(List.of(), CHECK.violations(EventTypes.CRAMP_REPORT_SUBMITTED, mutated(REPORT, r -> {
            r.put("aFieldAddedLater", true);
            r.put("muscle", "A_MUSCLE_ADDED_LATER");
            r.put("reliefBy", "A_RELIEF_ADDED_LATER");
            r.withArrayProperty("symptoms").add("A_SYMPTOM_ADDED_LATER");
            ((ObjectNode) r.get("activity")).put("addedLater", 1).put("type", "PADDLING");
        })));
        assertEquals(List.of(), CHECK.violations(EventTypes.ADVICE_ISSUED, mutated(ADVICE, a -> {
            a.put("urgency", "AN_URGENCY_ADDED_LATER");
            ((ObjectNode) a.get("hydration")).put("addedLater", "x");
            ((ObjectNode) a.withArrayProperty("recommendations").get(0)).put("category", "SLEEP").withObjectProperty("source")
                    .put("type", "GUIDELINE");
        })));
        assertEquals(List.of(), CHECK.violations(EventTypes.NUDGE_ACKNOWLEDGED,
                mutated(ACK, k -> k.put("outcome", "IGNORED").put("channel", "push"))));
    }

    static List<Arguments> forgeries() {
        return List.of(
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("severity", 11), "severity"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("severity", 7.9), "severity"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("durationSeconds", "60"), "durationSeconds"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.putArray("symptoms").add(15), "symptoms"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("muscle", 3), "muscle"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.remove("reportId"), "reportId"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("reportId", "42"), "reportId"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("occurredAt", "yesterday"), "occurredAt"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("waterTodayMl", 25000), "waterTodayMl"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.put("notes", "x".repeat(2001)), "notes"),
                forged(EventTypes.CRAMP_REPORT_SUBMITTED, REPORT, r -> r.withArrayProperty("symptoms").add("TINGLING"),
                        "symptoms"),
                forged(EventTypes.ADVICE_ISSUED, ADVICE, a -> ((ObjectNode) a.get("hydration")).put("dailyTargetMl", 12000),
                        "dailyTargetMl"),
                forged(EventTypes.ADVICE_ISSUED, ADVICE, a -> ((ObjectNode) a.get("hydration")).put("maxPerHourMl", 5000),
                        "maxPerHourMl"),
                forged(EventTypes.ADVICE_ISSUED, ADVICE, a -> ((ObjectNode) a.get("hydration")).put("drinkToThirstOnly", true),
                        "remainingTodayMl"),
                forged(EventTypes.ADVICE_ISSUED, ADVICE, a -> a.put("urgency", "EMERGENCY"), "hydration"),
                forged(EventTypes.ADVICE_ISSUED, ADVICE, a -> a.putArray("recommendations"), "recommendations"),
                forged(EventTypes.ADVICE_ISSUED, ADVICE, a -> a.putNull("issuedAt"), "issuedAt"),
                forged(EventTypes.NUDGE_ACKNOWLEDGED, ACK, k -> k.put("outcome", 5), "outcome"),
                forged(EventTypes.NUDGE_ACKNOWLEDGED, ACK, k -> k.remove("nudgeId"), "nudgeId"),
                forged(EventTypes.NUDGE_ACKNOWLEDGED, ACK, k -> k.put("userId", "user 42; drop"), "userId"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("forgeries")
    void aForgedPayloadIsNamedForWhatItBreaks(String type, JsonNode payload, String culprit) {
        List<String> violations = CHECK.violations(type, payload);
        assertTrue(violations.stream().anyMatch(v -> v.contains(culprit)), () -> culprit + ": " + violations);
    }

    @Test
    void aPayloadThatIsNotAnObjectIsAViolation() {
        assertEquals(1, CHECK.violations(EventTypes.NUDGE_ACKNOWLEDGED, tree("[]")).size());
        assertEquals(1, CHECK.violations(EventTypes.NUDGE_ACKNOWLEDGED, tree("null")).size());
    }

    @Test
    void thePoisonReasonNamesTheFirstViolationsAndCountsTheRest() {
        JsonNode forged = tree("""
                {"nudgeId":1,"userId":2,"kind":3,"outcome":4,"dueAt":5,"acknowledgedAt":6,"more":7}
                """);
        PoisonMessageException poison = assertThrows(PoisonMessageException.class,
                () -> CHECK.requireValid(EventTypes.NUDGE_ACKNOWLEDGED, forged, "e-1"));
        assertTrue(poison.getMessage().startsWith("Event e-1 breaks the contract of " + EventTypes.NUDGE_ACKNOWLEDGED),
                poison.getMessage());
        assertTrue(poison.getMessage().endsWith("(and 1 more)"), poison.getMessage());
        assertEquals(FailureClass.POISON, FailureClass.of(poison));
    }

    @Test
    void theReadersViewOpensOnlyPropertiesAndTypedEnums() {
        JsonNode view = EventSchemaCheck.readersView(tree("""
                {"type":"object","additionalProperties":false,"properties":{
                  "a":{"type":"string","enum":["X"]},
                  "b":{"enum":["Y"]},
                  "c":{"type":"object","additionalProperties":{"type":"integer"}}}}
                """));
        assertEquals(tree("""
                {"type":"object","properties":{
                  "a":{"type":"string"},
                  "b":{"enum":["Y"]},
                  "c":{"type":"object","additionalProperties":{"type":"integer"}}}}
                """), view);
    }

    @Test
    void aTypeWithoutASchemaIsNotPoisonButAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> CHECK.violations("io.crampcare.cramp-report.withdrawn.v1", tree(REPORT)));
    }

    private static Arguments forged(String type, String payload, Consumer<ObjectNode> forgery, String culprit) {
        return Arguments.of(type, mutated(payload, forgery), culprit);
    }

    private static ObjectNode mutated(String payload, Consumer<ObjectNode> mutation) {
        ObjectNode tree = (ObjectNode) tree(payload);
        mutation.accept(tree);
        return tree;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
