package io.crampcare.contracts.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 subject-erased JSON Schema and the Java record must describe the same payload. */
class SubjectErasedV1SchemaTest extends PayloadSchemaTest {

    SubjectErasedV1SchemaTest() {
        super(SubjectErasedV1.class, "schemas/subject-erased.v1.json", SubjectErasedV1SchemaTest::personErased);
    }

    /** The AsyncAPI example: the person of the other examples, erased. */
    static SubjectErasedV1 personErased() {
        return new SubjectErasedV1(UUID.fromString("3b7e1f4a-9c2d-4e58-a6b1-0d4c8f2e7a95"),
                Instant.parse("2026-12-07T23:40:12.508311Z"));
    }

    @Test
    void nothingMayBeNull() {
        assertEquals(List.of("subjectRef", "erasedAt"), requiredProperties());
    }

    @Test
    void aPayloadValidatesAndNamesNoUser() throws Exception {
        JsonNode tree = assertValidPayload(personErased());
        assertEquals("3b7e1f4a-9c2d-4e58-a6b1-0d4c8f2e7a95", tree.path("subjectRef").asText(), "UUIDs as strings");
        assertEquals("2026-12-07T23:40:12.508311Z", tree.path("erasedAt").asText(), "instants as ISO-8601 strings");
        assertEquals(2, tree.size(), "the subjectRef and the time, nothing else");
    }
}
