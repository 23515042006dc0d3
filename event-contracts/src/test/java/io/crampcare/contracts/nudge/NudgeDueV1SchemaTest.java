package io.crampcare.contracts.nudge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crampcare.contracts.JsonSchemas;
import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 due-nudge JSON Schema and the Java record must describe the same payload. */
class NudgeDueV1SchemaTest extends PayloadSchemaTest {

    NudgeDueV1SchemaTest() {
        super(NudgeDueV1.class, "schemas/nudge-due.v1.json", NudgeDueV1SchemaTest::hydrationNudge);
    }

    // (a) Same properties and (b) enums: checked by PayloadSchemaTest. Required exactly where the record's doc
    // says never null.

    @Test
    void onlyTheKindSpecificPropertiesMayBeNull() {
        assertEquals(List.of("nudgeId", "userId", "kind", "dueAt", "localTime", "timeZone", "text"), requiredProperties());
    }

    // (c) Real payloads, serialized like Quarkus does, validate; broken ones do not.

    /**
     * The AsyncAPI example: 250 mL of water at 08:00 in Berlin (07:00 UTC in November), serving an advice's daily
     * target. No kind uses all three kind-specific properties; {@link #preExerciseNudge()} shows workoutId.
     */
    static NudgeDueV1 hydrationNudge() {
        return new NudgeDueV1(
                UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"),
                "user-42",
                NudgeKind.HYDRATION,
                Instant.parse("2026-11-26T07:00:00Z"),
                "2026-11-26T08:00",
                "Europe/Berlin",
                250,
                null,
                UUID.fromString("7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9"),
                "Time for a glass of water: drink 250 mL now.");
    }

    /** A drink about 4 h before a workout: an amount and the workout, no advice. */
    static NudgeDueV1 preExerciseNudge() {
        return new NudgeDueV1(
                UUID.fromString("6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c"),
                "user-42",
                NudgeKind.PRE_EXERCISE_HYDRATION,
                Instant.parse("2026-11-26T13:30:00Z"),
                "2026-11-26T14:30",
                "Europe/Berlin",
                420,
                UUID.fromString("8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b"),
                null,
                "Your workout starts in about 4 hours: drink 420 mL of water now.");
    }

    /** As little as the schema accepts: every kind-specific property null, and a zone without a region. */
    static NudgeDueV1 minimalNudge() {
        return new NudgeDueV1(
                UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"),
                "someone@example.org",
                NudgeKind.WARM_UP,
                Instant.parse("2026-11-25T17:20:00Z"),
                "2026-11-25T17:20",
                "UTC",
                null,
                null,
                null,
                "Warm up for 5 to 10 minutes before you start.");
    }

    @Test
    void fullPayloadValidates() throws Exception {
        JsonNode tree = assertValidPayload(hydrationNudge());
        assertEquals("2026-11-26T07:00:00Z", tree.path("dueAt").asText(), "instants as ISO-8601 strings");
        assertEquals("2026-11-26T08:00", tree.path("localTime").asText(), "local time as written, no offset");
        assertEquals("HYDRATION", tree.path("kind").asText(), "enums by constant name");
        assertEquals("7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9", tree.path("adviceId").asText(), "UUIDs as strings");
        assertEquals(250, tree.path("amountMl").intValue(), "amount as a JSON integer");
    }

    @Test
    void preExercisePayloadValidates() throws Exception {
        String json = JsonSchemas.MAPPER.writeValueAsString(preExerciseNudge());
        assertValid(json);
        assertEquals("8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b", JsonSchemas.MAPPER.readTree(json).path("workoutId").asText());
    }

    @Test
    void minimalPayloadWithNullsValidates() throws Exception {
        assertValidWithNullsWrittenOut(minimalNudge(), "amountMl", "workoutId", "adviceId");
    }

    /** localTime is dueAt on the wall clock of timeZone, formatted like this (what producers should do). */
    @Test
    void examplesLocalTimeIsDueAtInTheirZone() {
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
        for (NudgeDueV1 nudge : List.of(hydrationNudge(), preExerciseNudge(), minimalNudge())) {
            assertEquals(nudge.localTime(), nudge.dueAt().atZone(ZoneId.of(nudge.timeZone())).format(minutes),
                    nudge.kind() + " example");
        }
    }

    @Test
    void amountLimitsValidate() {
        assertValidMutation(nudge -> nudge.put("amountMl", 1));
        assertValidMutation(nudge -> nudge.put("amountMl", 1000));
    }
}
