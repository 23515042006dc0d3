package io.crampcare.contracts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crampcare.contracts.JsonSchemas;
import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 cramp-report JSON Schema and the Java record must describe the same payload. */
class CrampReportSubmittedV1SchemaTest extends PayloadSchemaTest {

    CrampReportSubmittedV1SchemaTest() {
        super(CrampReportSubmittedV1.class, "schemas/cramp-report-submitted.v1.json", CrampReportSubmittedV1SchemaTest::fullReport);
    }

    // (a) Same properties, top level and in nested records (activity), required exactly when not nullable, and
    // (b) enums (plus null where the property is nullable): checked by PayloadSchemaTest.

    // (c) Real payloads, serialized like Quarkus does, validate; broken ones do not.

    static CrampReportSubmittedV1 fullReport() {
        return new CrampReportSubmittedV1(
                UUID.fromString("5a1d2e3f-4b5c-4d6e-8f70-8192a3b4c5d6"),
                "user-42",
                Instant.parse("2026-11-25T07:30:00Z"),
                Instant.parse("2026-11-25T07:31:02Z"),
                Muscle.GLUTEUS_MAXIMUS,
                Side.LEFT,
                Onset.SUDDEN,
                7,
                90,
                CrampContext.DURING_EXERCISE,
                new Activity(ActivityType.SQUATS, Intensity.HARD, 45),
                false,
                false,
                true,
                1500,
                true,
                Relief.STRETCHING,
                EnumSet.of(Symptom.TINGLING, Symptom.NUMBNESS),
                false,
                72.5,
                "Left glute locked up at the bottom of a heavy squat.",
                true,
                400,
                false,
                false);
    }

    static CrampReportSubmittedV1 minimalReport() {
        return new CrampReportSubmittedV1(
                UUID.fromString("0c8b7a69-5847-4a3b-9c2d-1e0f9a8b7c6d"),
                "someone@example.org",
                Instant.parse("2026-11-25T02:10:00Z"),
                Instant.parse("2026-11-25T06:00:00Z"),
                Muscle.CALF,
                Side.RIGHT,
                Onset.GRADUAL,
                0,
                1,
                CrampContext.DURING_SLEEP,
                null, null, null, null, null, null, null,
                Set.of(),
                null, null, null,
                null, null, null, null);
    }

    @Test
    void fullPayloadValidates() throws Exception {
        JsonNode tree = assertValidPayload(fullReport());
        assertEquals("2026-11-25T07:30:00Z", tree.path("occurredAt").asText(), "instants as ISO-8601 strings");
    }

    @Test
    void minimalPayloadWithNullsValidates() throws Exception {
        assertValidWithNullsWrittenOut(minimalReport(), "notes");
    }

    @Test
    void otherBrokenPayloadsAreRejected() {
        assertRejected(report -> report.put("userId", "u".repeat(65)), "userId");
        assertRejected(report -> report.put("notes", "x".repeat(2001)), "notes");
    }
}
