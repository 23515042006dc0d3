package io.crampcare.contracts.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crampcare.contracts.JsonSchemas;
import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 advice JSON Schema and the Java record must describe the same payload. */
class AdviceIssuedV1SchemaTest extends PayloadSchemaTest {

    AdviceIssuedV1SchemaTest() {
        super(AdviceIssuedV1.class, "schemas/advice-issued.v1.json", AdviceIssuedV1SchemaTest::fullAdvice);
    }

    static final String DISCLAIMER = "This advice is general information, not a diagnosis, and not a substitute for a clinician.";

    // (a) Same properties, top level and nested (recommendations[], their source, hydration), and (b) enums:
    // checked by PayloadSchemaTest.

    // (c) Real payloads, serialized like Quarkus does, validate; broken ones do not.

    /** Every property set: a SEE_DOCTOR advice with self-care advice beside it and a full hydration plan. */
    static AdviceIssuedV1 fullAdvice() {
        return new AdviceIssuedV1(
                UUID.fromString("7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9"),
                UUID.fromString("5a1d2e3f-4b5c-4d6e-8f70-8192a3b4c5d6"),
                "user-42",
                Instant.parse("2026-11-25T07:31:03Z"),
                Urgency.SEE_DOCTOR,
                "Book a visit with your doctor: a cramp that lasts this long should be looked at.",
                List.of(
                        new Recommendation("long-cramp", Urgency.SEE_DOCTOR, Category.MEDICAL,
                                "Your cramp lasted more than 10 minutes. Book a visit with your doctor.",
                                new Source(SourceType.LITERATURE, "BMJ Best Practice: Muscle cramps, assessment")),
                        new Recommendation("daily-water", Urgency.SELF_CARE, Category.HYDRATION,
                                "Drink at least 2.4 L of water today, spread over the day.",
                                new Source(SourceType.ARTICLE, "Kochan B. Glutes Cramping. LIVESTRONG.com")),
                        new Recommendation("warm-up-before", Urgency.SELF_CARE, Category.WARM_UP,
                                "Warm up before your next workout and stretch your glutes after it.",
                                new Source(SourceType.ARTICLE, "Kochan B. Glutes Cramping. LIVESTRONG.com"))),
                new HydrationPlan(2400, 81.2, 360, 504, 1000, 900, 1500, false),
                "2026.11-1",
                DISCLAIMER,
                Instant.parse("2026-11-25T07:30:00Z"));
    }

    /** As little as an advice can hold: EMERGENCY, one recommendation, no hydration plan. */
    static AdviceIssuedV1 minimalAdvice() {
        return new AdviceIssuedV1(
                UUID.fromString("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9"),
                UUID.fromString("0c8b7a69-5847-4a3b-9c2d-1e0f9a8b7c6d"),
                "someone@example.org",
                Instant.parse("2026-11-25T06:00:01Z"),
                Urgency.EMERGENCY,
                "Seek medical care now.",
                List.of(new Recommendation("red-flag-nerve-emergency", Urgency.EMERGENCY, Category.MEDICAL,
                        "Numbness in the saddle area with back or leg symptoms needs care now: call emergency services.",
                        new Source(SourceType.LITERATURE, "Merck Manual: Cauda equina syndrome"))),
                null,
                "2026.11-1",
                DISCLAIMER,
                null);
    }

    @Test
    void fullPayloadValidates() throws Exception {
        JsonNode tree = assertValidPayload(fullAdvice());
        assertEquals("2026-11-25T07:31:03Z", tree.path("issuedAt").asText(), "instants as ISO-8601 strings");
        assertEquals("LITERATURE", tree.at("/recommendations/0/source/type").asText(), "enums by constant name");
    }

    @Test
    void minimalPayloadWithNullsValidates() throws Exception {
        assertValidWithNullsWrittenOut(minimalAdvice(), "hydration");
    }

    @Test
    void adviceFromAProducerBeforeReportOccurredAtValidates() throws Exception {
        // Added within v1: events published before it have no such property at all.
        ObjectNode older = JsonSchemas.MAPPER.valueToTree(fullAdvice());
        older.remove("reportOccurredAt");
        assertValid(JsonSchemas.MAPPER.writeValueAsString(older));
        assertEquals("2026-11-25T07:30:00Z",
                JsonSchemas.MAPPER.readTree(JsonSchemas.MAPPER.writeValueAsString(fullAdvice())).path("reportOccurredAt").asText());
    }

    @Test
    void hydrationFromAProducerBeforeTheWaterDrunkFieldsValidates() throws Exception {
        // Added within v1: older events have no alreadyDrunkTodayMl, remainingTodayMl or drinkToThirstOnly at all.
        ObjectNode older = JsonSchemas.MAPPER.valueToTree(fullAdvice());
        ObjectNode hydration = (ObjectNode) older.get("hydration");
        hydration.remove(List.of("alreadyDrunkTodayMl", "remainingTodayMl", "drinkToThirstOnly"));
        assertValid(JsonSchemas.MAPPER.writeValueAsString(older));
    }

    @Test
    void overdrinkingGuardMeansNothingLeftToday() throws Exception {
        ObjectNode guarded = JsonSchemas.MAPPER.valueToTree(fullAdvice());
        ObjectNode hydration = (ObjectNode) guarded.get("hydration");
        hydration.put("alreadyDrunkTodayMl", 9000).put("remainingTodayMl", 0).put("drinkToThirstOnly", true);
        assertValid(JsonSchemas.MAPPER.writeValueAsString(guarded));
        assertRejected(a -> ((ObjectNode) a.get("hydration")).put("drinkToThirstOnly", true),
                "remainingTodayMl");
    }

    @Test
    void hydrationWithoutBodyWeightValidates() throws Exception {
        AdviceIssuedV1 full = fullAdvice();
        AdviceIssuedV1 noWeight = new AdviceIssuedV1(full.adviceId(), full.reportId(), full.userId(), full.issuedAt(),
                Urgency.SELF_CARE, "Drink more water today and warm up before workouts.", full.recommendations().subList(1, 3),
                new HydrationPlan(1893, 64.0, null, null, 1000), full.rulesetVersion(), full.disclaimer(),
                full.reportOccurredAt());
        String json = JsonSchemas.MAPPER.writeValueAsString(noWeight);
        assertValid(json);
        assertTrue(JsonSchemas.MAPPER.readTree(json).at("/hydration/preExerciseMinMl").isNull(), "written as null");
    }

    @Test
    void theRecordsRangesAreTheSchemas() {
        JsonNode hydration = schemaJson().at("/properties/hydration/properties");
        assertEquals(HydrationPlan.MIN_DAILY_TARGET_ML, hydration.at("/dailyTargetMl/minimum").intValue());
        assertEquals(HydrationPlan.MAX_DAILY_TARGET_ML, hydration.at("/dailyTargetMl/maximum").intValue());
        assertEquals(HydrationPlan.MAX_DAILY_TARGET_ML, hydration.at("/remainingTodayMl/maximum").intValue());
        assertEquals(HydrationPlan.MAX_PER_HOUR_ML, hydration.at("/maxPerHourMl/maximum").intValue());
    }

    @Test
    void hydrationPlanInAnEmergencyIsRejected() {
        assertRejected(advice -> advice.put("urgency", "EMERGENCY"), "hydration");
    }
}
