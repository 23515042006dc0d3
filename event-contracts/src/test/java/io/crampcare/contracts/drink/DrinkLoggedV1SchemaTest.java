package io.crampcare.contracts.drink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crampcare.contracts.JsonSchemas;
import io.crampcare.contracts.PayloadSchemaTest;

/** The v1 drink-logged JSON Schema and the Java record must describe the same payload. */
class DrinkLoggedV1SchemaTest extends PayloadSchemaTest {

    DrinkLoggedV1SchemaTest() {
        super(DrinkLoggedV1.class, "schemas/drink-logged.v1.json", DrinkLoggedV1SchemaTest::hydrationNudgeDone);
    }

    // (a) Same properties and (b) enums: checked by PayloadSchemaTest. Only nudgeId may be null.

    @Test
    void onlyTheNudgeMayBeNull() {
        assertEquals(List.of("drinkId", "userId", "drunkAt", "amountMl", "kind", "source", "loggedAt"),
                requiredProperties());
    }

    // (c) Real payloads, serialized like Quarkus does, validate; broken ones do not.

    /** The AsyncAPI example: a DONE answer on the 250 mL water nudge of nudge-due's example; every property set. */
    static DrinkLoggedV1 hydrationNudgeDone() {
        Instant answered = Instant.parse("2026-11-26T07:04:19.207733Z");
        return new DrinkLoggedV1(
                UUID.fromString("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"),
                "user-42",
                answered,
                250,
                DrinkKind.WATER,
                DrinkSource.NUDGE_DONE,
                UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"),
                answered);
    }

    /** The other AsyncAPI example: a glass the person logged, for no nudge. */
    static DrinkLoggedV1 glassOfWaterLogged() {
        return new DrinkLoggedV1(
                UUID.fromString("2f3a4b5c-6d7e-4f80-9a1b-2c3d4e5f6a7b"),
                "user-42",
                Instant.parse("2026-11-26T09:05:00Z"),
                300,
                DrinkKind.WATER,
                DrinkSource.LOGGED,
                null,
                Instant.parse("2026-11-26T09:12:05.630114Z"));
    }

    @Test
    void fullPayloadValidates() throws Exception {
        JsonNode tree = assertValidPayload(hydrationNudgeDone());
        assertEquals("2026-11-26T07:04:19.207733Z", tree.path("loggedAt").asText(), "instants as ISO-8601 strings");
        assertEquals("NUDGE_DONE", tree.path("source").asText(), "enums by constant name");
        assertEquals("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a", tree.path("nudgeId").asText(), "UUIDs as strings");
        assertEquals(250, tree.path("amountMl").intValue(), "amount as a JSON integer");
    }

    @Test
    void aLoggedDrinkForNoNudgeValidates() throws Exception {
        assertValidWithNullsWrittenOut(glassOfWaterLogged(), "nudgeId");
    }

    /** A person may log a drink for a nudge (it replaces the drink the nudge's DONE recorded), of any kind. */
    @Test
    void everyKindAndSourceValidatesWithANudge() throws Exception {
        DrinkLoggedV1 base = hydrationNudgeDone();
        for (DrinkKind kind : DrinkKind.values()) {
            for (DrinkSource source : DrinkSource.values()) {
                assertValid(JsonSchemas.MAPPER.writeValueAsString(new DrinkLoggedV1(base.drinkId(),
                        "someone@example.org", base.drunkAt(), base.amountMl(), kind, source, base.nudgeId(),
                        base.loggedAt())));
            }
        }
    }

    @Test
    void amountLimitsValidate() {
        assertValidMutation(drink -> drink.put("amountMl", 1));
        assertValidMutation(drink -> drink.put("amountMl", 2000));
    }
}
