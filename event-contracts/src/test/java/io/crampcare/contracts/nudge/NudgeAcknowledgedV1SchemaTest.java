package io.crampcare.contracts.nudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crampcare.contracts.JsonSchemas;
import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 nudge-acknowledgement JSON Schema and the Java record must describe the same payload. */
class NudgeAcknowledgedV1SchemaTest extends PayloadSchemaTest {

    NudgeAcknowledgedV1SchemaTest() {
        super(NudgeAcknowledgedV1.class, "schemas/nudge-acknowledged.v1.json", NudgeAcknowledgedV1SchemaTest::warmUpDone);
    }

    // (a) Same properties and (b) enums: checked by PayloadSchemaTest. Every property required, none nullable.

    @Test
    void everyPropertyIsRequired() {
        List<String> required = requiredProperties();
        for (var component : NudgeAcknowledgedV1.class.getRecordComponents()) {
            assertTrue(required.contains(component.getName()), component.getName() + " must be required");
        }
    }

    // (c) Real payloads, serialized like Quarkus does, validate; broken ones do not.

    static NudgeAcknowledgedV1 warmUpDone() {
        return new NudgeAcknowledgedV1(
                UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
                "user-42",
                NudgeKind.WARM_UP,
                AckOutcome.DONE,
                Instant.parse("2026-11-25T17:20:00Z"),
                Instant.parse("2026-11-25T17:23:41Z"));
    }

    @Test
    void fullPayloadValidates() throws Exception {
        JsonNode tree = assertValidPayload(warmUpDone());
        assertEquals("2026-11-25T17:23:41Z", tree.path("acknowledgedAt").asText(), "instants as ISO-8601 strings");
        assertEquals("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", tree.path("nudgeId").asText(), "UUIDs as strings");
    }

    /** Nothing is optional here, so the smallest payload is a full one; every kind and outcome must pass. */
    @Test
    void everyKindAndOutcomeValidates() throws Exception {
        NudgeAcknowledgedV1 base = warmUpDone();
        for (NudgeKind kind : NudgeKind.values()) {
            for (AckOutcome outcome : AckOutcome.values()) {
                assertValid(JsonSchemas.MAPPER.writeValueAsString(new NudgeAcknowledgedV1(base.nudgeId(), "someone@example.org",
                        kind, outcome, base.dueAt(), base.acknowledgedAt())));
            }
        }
    }
}
