package io.crampcare.contracts.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;

import io.crampcare.contracts.JsonSchemas;

/** The v1 cramp-report JSON Schema and the Java record must describe the same payload. */
class CrampReportSubmittedV1SchemaTest {

    static final String RESOURCE = "schemas/cramp-report-submitted.v1.json";
    static final JsonNode SCHEMA_JSON = JsonSchemas.readJson(RESOURCE);
    static final Schema SCHEMA = JsonSchemas.compile(RESOURCE);

    // (a) Same property names on both sides, top level and in nested records (activity).

    @Test
    void everyRecordComponentIsASchemaPropertyAndViceVersa() {
        assertSameProperties(CrampReportSubmittedV1.class, SCHEMA_JSON, "$");
    }

    private static void assertSameProperties(Class<?> record, JsonNode schema, String path) {
        Set<String> javaNames = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> schemaNames = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(schemaNames::add);
        assertEquals(javaNames, schemaNames, "properties of " + path + " vs components of " + record.getSimpleName());
        assertTrue(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").booleanValue(),
                path + " must forbid unknown properties");

        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType().isRecord()) {
                assertSameProperties(component.getType(), schema.path("properties").path(component.getName()),
                        path + "." + component.getName());
            }
        }
    }

    // A property is required exactly when it cannot be null; Java primitives are always required.

    @Test
    void requiredPropertiesAreExactlyTheNonNullableOnes() {
        assertRequiredMatchesNullability(CrampReportSubmittedV1.class, SCHEMA_JSON, "$");
    }

    private static void assertRequiredMatchesNullability(Class<?> record, JsonNode schema, String path) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            JsonNode property = schema.path("properties").path(name);
            boolean nullable = typesOf(property).contains("null");
            assertEquals(!nullable, required.contains(name), path + "." + name + ": required <=> not nullable");
            if (component.getType().isPrimitive()) {
                assertTrue(required.contains(name), path + "." + name + " is a Java primitive, so it must be required");
            }
            if (component.getType().isRecord()) {
                assertRequiredMatchesNullability(component.getType(), property, path + "." + name);
            }
        }
    }

    private static Set<String> typesOf(JsonNode property) {
        JsonNode type = property.path("type");
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    // (b) Enum properties list exactly the Java constants (plus null where the property is nullable).

    @Test
    void enumPropertiesListExactlyTheJavaConstants() {
        List<String> javaEnumPaths = new ArrayList<>();
        assertEnums(CrampReportSubmittedV1.class, SCHEMA_JSON, "$", javaEnumPaths);

        List<String> schemaEnumPaths = new ArrayList<>();
        collectEnumPaths(SCHEMA_JSON, "$", schemaEnumPaths);
        assertEquals(new TreeSet<>(schemaEnumPaths), new TreeSet<>(javaEnumPaths),
                "every schema enum must come from a Java enum and vice versa");
    }

    private static void assertEnums(Class<?> record, JsonNode schema, String path, List<String> checked) {
        for (RecordComponent component : record.getRecordComponents()) {
            String where = path + "." + component.getName();
            JsonNode property = schema.path("properties").path(component.getName());
            Class<?> type = component.getType();
            if (type.isEnum()) {
                assertEnumMatches(type, property, where);
                checked.add(where);
            } else if (Collection.class.isAssignableFrom(type) && elementType(component).isEnum()) {
                assertEnumMatches(elementType(component), property.path("items"), where + "[]");
                checked.add(where + "[]");
            } else if (type.isRecord()) {
                assertEnums(type, property, where, checked);
            }
        }
    }

    private static void assertEnumMatches(Class<?> javaEnum, JsonNode property, String where) {
        Set<String> constants = Arrays.stream(javaEnum.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toSet());
        Set<String> schemaValues = new HashSet<>();
        boolean nullListed = false;
        for (JsonNode value : property.path("enum")) {
            if (value.isNull()) {
                nullListed = true;
            } else {
                schemaValues.add(value.asText());
            }
        }
        assertEquals(constants, schemaValues, where + " enum vs " + javaEnum.getSimpleName());
        // JSON Schema checks enum independently of type, so a nullable enum must list null too.
        assertEquals(typesOf(property).contains("null"), nullListed, where + ": null in enum <=> nullable");
    }

    private static Class<?> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }

    private static void collectEnumPaths(JsonNode schema, String path, List<String> into) {
        schema.path("properties").fields().forEachRemaining(entry -> {
            String where = path + "." + entry.getKey();
            JsonNode property = entry.getValue();
            if (property.has("enum")) {
                into.add(where);
            }
            if (property.path("items").has("enum")) {
                into.add(where + "[]");
            }
            collectEnumPaths(property, where, into);
        });
    }

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
        String json = JsonSchemas.MAPPER.writeValueAsString(fullReport());
        assertValid(json);
        JsonNode tree = JsonSchemas.MAPPER.readTree(json);
        assertEquals("2026-11-25T07:30:00Z", tree.path("occurredAt").asText(), "instants as ISO-8601 strings");
    }

    @Test
    void minimalPayloadWithNullsValidates() throws Exception {
        String json = JsonSchemas.MAPPER.writeValueAsString(minimalReport());
        assertValid(json);
        JsonNode tree = JsonSchemas.MAPPER.readTree(json);
        assertTrue(tree.has("notes") && tree.get("notes").isNull(), "nulls are written out, not left off");
    }

    @Test
    void wrongEnumValueIsRejected() {
        assertRejected(report -> report.put("muscle", "GLUTES"), "muscle");
    }

    @Test
    void severityAboveTenIsRejected() {
        assertRejected(report -> report.put("severity", 11), "severity");
    }

    @Test
    void unknownPropertyIsRejected() {
        assertRejected(report -> report.put("mood", "grumpy"), "mood");
        assertRejected(report -> ((ObjectNode) report.get("activity")).put("sets", 5), "sets");
    }

    @Test
    void otherBrokenPayloadsAreRejected() {
        assertRejected(report -> report.put("reportId", "not-a-uuid"), "reportId");
        assertRejected(report -> report.put("occurredAt", "yesterday"), "occurredAt");
        assertRejected(report -> report.put("userId", "user 42"), "userId");
        assertRejected(report -> report.put("userId", "u".repeat(65)), "userId");
        assertRejected(report -> report.put("durationSeconds", 0), "durationSeconds");
        assertRejected(report -> report.put("waterTodayMl", 20001), "waterTodayMl");
        assertRejected(report -> report.put("bodyWeightKg", 19.9), "bodyWeightKg");
        assertRejected(report -> report.put("notes", "x".repeat(2001)), "notes");
        assertRejected(report -> report.putArray("symptoms").add("NUMBNESS").add("NUMBNESS"), "symptoms");
        assertRejected(report -> report.remove("symptoms"), "symptoms");
        assertRejected(report -> report.putNull("muscle"), "muscle");
        assertRejected(report -> ((ObjectNode) report.get("activity")).put("minutes", 0), "minutes");
        assertRejected(report -> ((ObjectNode) report.get("activity")).remove("intensity"), "intensity");
    }

    private static ObjectNode mutated(Consumer<ObjectNode> mutation) {
        ObjectNode report = JsonSchemas.MAPPER.valueToTree(fullReport());
        mutation.accept(report);
        return report;
    }

    private static void assertValid(String json) {
        List<Error> errors = SCHEMA.validate(JsonSchemas.parse(json));
        assertTrue(errors.isEmpty(), () -> "expected valid, got " + errors + "\n" + json);
    }

    private static void assertRejected(Consumer<ObjectNode> mutation, String culprit) {
        ObjectNode report = mutated(mutation);
        List<Error> errors = SCHEMA.validate(report);
        assertFalse(errors.isEmpty(), () -> "expected a violation about " + culprit + " in " + report);
        assertTrue(errors.stream().anyMatch(e -> e.toString().contains(culprit)),
                () -> "violations should name " + culprit + ": " + errors);
    }
}
