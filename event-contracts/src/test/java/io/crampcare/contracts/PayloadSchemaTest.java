package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;

/**
 * What every payload schema test checks: (a) the record and the schema have the same properties, required exactly
 * where not nullable, and (b) the same enum constants ({@link RecordSchemaChecks}); and the (c) helpers that validate
 * a payload, or a full payload with one thing changed, against the schema; (d) the rejection cases that change one
 * property, as data ({@link #onePropertyChangedIsRejected()}), and a required property null or left out.
 */
public abstract class PayloadSchemaTest {

    private final String resource;
    private final Class<? extends Record> record;
    private final JsonNode schemaJson;
    private final Schema schema;
    private final Supplier<? extends Record> fullPayload;

    /**
     * @param resource    the schema's classpath resource
     * @param fullPayload a valid payload with (as far as one payload can) every property set: what the rejection
     *                    cases change
     */
    protected PayloadSchemaTest(Class<? extends Record> record, String resource, Supplier<? extends Record> fullPayload) {
        this.resource = resource;
        this.record = record;
        this.schemaJson = JsonSchemas.readJson(resource);
        this.schema = JsonSchemas.compile(schemaJson);
        this.fullPayload = fullPayload;
    }

    /** The schema as a JSON tree. */
    protected JsonNode schemaJson() {
        return schemaJson;
    }

    /** The schema's top-level {@code required} list, in its order. */
    protected List<String> requiredProperties() {
        return JsonSchemas.MAPPER.convertValue(schemaJson.path("required"),
                JsonSchemas.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
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

    /** Required means never null: each required top-level property, null or left out, is rejected by name. */
    @Test
    void nullOrMissingRequiredPropertiesAreRejected() {
        for (String name : requiredProperties()) {
            assertRejected(payload -> payload.putNull(name), name);
            assertRejected(payload -> payload.remove(name), name);
        }
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

    /**
     * Like {@link #assertValidPayload(Object)}, and each of {@code nullProperties} is written out as null, not left
     * off.
     */
    protected void assertValidWithNullsWrittenOut(Object payload, String... nullProperties) throws Exception {
        JsonNode tree = assertValidPayload(payload);
        for (String name : nullProperties) {
            assertTrue(tree.has(name) && tree.get(name).isNull(), name + ": nulls are written out, not left off");
        }
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

    /**
     * The one-property changes in {@code rejected/<schema file name>} (a JSON object: for each group of cases, named
     * after what it shows, rows of a JSON pointer into the full payload and the value to put there, or the pointer
     * alone to leave the property out): each makes the full payload invalid, with a violation naming that property.
     */
    @TestFactory
    Stream<DynamicTest> onePropertyChangedIsRejected() {
        JsonNode groups = JsonSchemas.readJson("rejected/" + resource.substring(resource.lastIndexOf('/') + 1));
        return groups.properties().stream().flatMap(group -> StreamSupport.stream(group.getValue().spliterator(), false)
                .map(row -> DynamicTest.dynamicTest(group.getKey() + " " + row,
                        () -> assertRejectedAt(row.get(0).asText(), row.get(1)))));
    }

    /**
     * The full payload with the property at {@code pointer} set to {@code value} (left out if {@code value} is Java
     * null) is invalid, and a violation names that property.
     */
    protected void assertRejectedAt(String pointer, JsonNode value) {
        JsonPointer at = JsonPointer.compile(pointer);
        String property = at.last().getMatchingProperty();
        assertRejected(payload -> {
            ObjectNode parent = (ObjectNode) payload.at(at.head());
            if (value == null) {
                parent.remove(property);
            } else {
                parent.set(property, value.deepCopy());
            }
        }, property);
    }
}
