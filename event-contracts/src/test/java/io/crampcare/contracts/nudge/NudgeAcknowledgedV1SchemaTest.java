package io.crampcare.contracts.nudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

import io.crampcare.contracts.JsonSchemas;
import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 nudge-acknowledgement JSON Schema and the Java record must describe the same payload. */
class NudgeAcknowledgedV1SchemaTest extends PayloadSchemaTest {

    static final String RESOURCE = "schemas/nudge-acknowledged.v1.json";
    static final JsonNode SCHEMA_JSON = JsonSchemas.readJson(RESOURCE);
    static final Schema SCHEMA = JsonSchemas.compile(RESOURCE);

    NudgeAcknowledgedV1SchemaTest() {
        super(NudgeAcknowledgedV1.class, SCHEMA_JSON, SCHEMA, NudgeAcknowledgedV1SchemaTest::warmUpDone);
    }

    // (a) Same properties and (b) enums: checked by PayloadSchemaTest. Every property required, none nullable.

    @Test
    void everyPropertyIsRequired() {
        List<String> required = JsonSchemas.MAPPER.convertValue(SCHEMA_JSON.path("required"),
                JsonSchemas.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
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

    @Test
    void wrongEnumValueIsRejected() {
        assertRejected(ack -> ack.put("kind", "WALK"), "kind");
        assertRejected(ack -> ack.put("outcome", "IGNORED"), "outcome");
    }

    @Test
    void unknownPropertyIsRejected() {
        assertRejected(ack -> ack.put("snoozeMinutes", 10), "snoozeMinutes");
    }

    @Test
    void nullOrMissingPropertiesAreRejected() {
        for (String name : List.of("nudgeId", "userId", "kind", "outcome", "dueAt", "acknowledgedAt")) {
            assertRejected(ack -> ack.putNull(name), name);
            assertRejected(ack -> ack.remove(name), name);
        }
    }

    @Test
    void otherBrokenPayloadsAreRejected() {
        assertRejected(ack -> ack.put("nudgeId", "nudge-1"), "nudgeId");
        assertRejected(ack -> ack.put("dueAt", "1764091200"), "dueAt");
        assertRejected(ack -> ack.put("acknowledgedAt", "2026-11-25 17:23"), "acknowledgedAt");
        assertRejected(ack -> ack.put("userId", ""), "userId");
        assertRejected(ack -> ack.put("userId", "user/42"), "userId");
    }
}
