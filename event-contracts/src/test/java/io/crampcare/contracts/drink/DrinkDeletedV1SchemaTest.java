package io.crampcare.contracts.drink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 drink-deleted JSON Schema and the Java record must describe the same payload. */
class DrinkDeletedV1SchemaTest extends PayloadSchemaTest {

    DrinkDeletedV1SchemaTest() {
        super(DrinkDeletedV1.class, "schemas/drink-deleted.v1.json", DrinkDeletedV1SchemaTest::nudgeDrinkReplaced);
    }

    // (a) Same properties and (b) enums: checked by PayloadSchemaTest. Only replacedBy may be null.

    @Test
    void onlyTheReplacementMayBeNull() {
        assertEquals(List.of("drinkId", "userId", "reason", "deletedAt"), requiredProperties());
    }

    // (c) Real payloads, serialized like Quarkus does, validate; broken ones do not.

    /** The AsyncAPI example: the drink a DONE answer recorded, replaced by one the person logged; every property set. */
    static DrinkDeletedV1 nudgeDrinkReplaced() {
        return new DrinkDeletedV1(
                UUID.fromString("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"),
                "user-42",
                DrinkDeletion.REPLACED,
                UUID.fromString("8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d"),
                Instant.parse("2026-11-26T07:30:02.904471Z"));
    }

    /** The other AsyncAPI example: the person deleted a drink they had logged. */
    static DrinkDeletedV1 loggedGlassUndone() {
        return new DrinkDeletedV1(
                UUID.fromString("2f3a4b5c-6d7e-4f80-9a1b-2c3d4e5f6a7b"),
                "user-42",
                DrinkDeletion.UNDONE,
                null,
                Instant.parse("2026-11-26T09:14:40.118502Z"));
    }

    @Test
    void fullPayloadValidates() throws Exception {
        JsonNode tree = assertValidPayload(nudgeDrinkReplaced());
        assertEquals("2026-11-26T07:30:02.904471Z", tree.path("deletedAt").asText(), "instants as ISO-8601 strings");
        assertEquals("REPLACED", tree.path("reason").asText(), "enums by constant name");
        assertEquals("8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d", tree.path("replacedBy").asText(), "UUIDs as strings");
    }

    @Test
    void anUndoneDrinkValidates() throws Exception {
        assertValidWithNullsWrittenOut(loggedGlassUndone(), "replacedBy");
    }
}
