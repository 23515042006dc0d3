package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;

/**
 * What every payload schema test checks: (a) the record and the schema have the same properties, required exactly
 * where not nullable, and (b) the same enum constants ({@link RecordSchemaChecks}); and the (c) helpers that validate
 * a payload, or a full payload with one thing changed, against the schema.
 */
public abstract class PayloadSchemaTest {

    private final Class<? extends Record> record;
    private final JsonNode schemaJson;
    private final Schema schema;
    private final Supplier<? extends Record> fullPayload;

    /**
     * @param fullPayload a valid payload with (as far as one payload can) every property set: what the rejection
     *                    cases change
     */
    protected PayloadSchemaTest(Class<? extends Record> record, JsonNode schemaJson, Schema schema,
            Supplier<? extends Record> fullPayload) {
        this.record = record;
        this.schemaJson = schemaJson;
        this.schema = schema;
        this.fullPayload = fullPayload;
    }

    @Test
    void everyRecordComponentIsASchemaPropertyAndViceVersa() {
        RecordSchemaChecks.assertSameProperties(record, schemaJson);
    }

    @Test
    void requiredPropertiesAreExactlyTheNonNullableOnes() {
        RecordSchemaChecks.assertRequiredMatchesNullability(record, schemaJson);
    }

    @Test
    void enumPropertiesListExactlyTheJavaConstants() {
        RecordSchemaChecks.assertEnumsMatchJavaConstants(record, schemaJson);
    }

    /** The full payload as Quarkus would serialize it, changed by {@code mutation}. */
    protected ObjectNode mutated(Consumer<ObjectNode> mutation) {
        ObjectNode payload = JsonSchemas.MAPPER.valueToTree(fullPayload.get());
        mutation.accept(payload);
        return payload;
    }

    /** Serializes {@code payload} as Quarkus does, checks that it validates, and returns it as a tree to look into. */
    protected JsonNode assertValidPayload(Object payload) throws Exception {
        String json = JsonSchemas.MAPPER.writeValueAsString(payload);
        assertValid(json);
        return JsonSchemas.MAPPER.readTree(json);
    }

    protected void assertValid(String json) {
        assertValid(JsonSchemas.parse(json), json);
    }

    protected void assertValidMutation(Consumer<ObjectNode> mutation) {
        ObjectNode payload = mutated(mutation);
        assertValid(payload, payload);
    }

    private void assertValid(JsonNode payload, Object shown) {
        List<Error> errors = schema.validate(payload);
        assertTrue(errors.isEmpty(), () -> "expected valid, got " + errors + "\n" + shown);
    }

    /** The full payload changed by {@code mutation} is invalid, and a violation names {@code culprit}. */
    protected void assertRejected(Consumer<ObjectNode> mutation, String culprit) {
        ObjectNode payload = mutated(mutation);
        List<Error> errors = schema.validate(payload);
        assertFalse(errors.isEmpty(), () -> "expected a violation about " + culprit + " in " + payload);
        assertTrue(errors.stream().anyMatch(e -> e.toString().contains(culprit)),
                () -> "violations should name " + culprit + ": " + errors);
    }
}
