package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Structural checks that a payload record and its JSON Schema describe the same payload, for records that nest
 * other records directly ({@code HydrationPlan hydration}) or in collections ({@code List<Recommendation>}).
 * Paths read like JSON paths: {@code $.recommendations[].source.type}.
 */
public final class RecordSchemaChecks {

    private RecordSchemaChecks() {
    }

    /**
     * Same property names on both sides, at every level, and every object schema forbids unknown properties.
     */
    public static void assertSameProperties(Class<?> record, JsonNode schema) {
        assertSameProperties(record, schema, "$");
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
            JsonNode property = schema.path("properties").path(component.getName());
            String where = path + "." + component.getName();
            if (component.getType().isRecord()) {
                assertSameProperties(component.getType(), property, where);
            } else if (isCollection(component) && elementType(component).isRecord()) {
                assertSameProperties(elementType(component), property.path("items"), where + "[]");
            }
        }
    }

    /** A property is required exactly when it cannot be null; Java primitives are always required. */
    public static void assertRequiredMatchesNullability(Class<?> record, JsonNode schema) {
        assertRequiredMatchesNullability(record, schema, "$");
    }

    private static void assertRequiredMatchesNullability(Class<?> record, JsonNode schema, String path) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            String where = path + "." + name;
            JsonNode property = schema.path("properties").path(name);
            boolean nullable = typesOf(property).contains("null");
            assertEquals(!nullable, required.contains(name), where + ": required <=> not nullable");
            if (component.getType().isPrimitive()) {
                assertTrue(required.contains(name), where + " is a Java primitive, so it must be required");
            }
            if (component.getType().isRecord()) {
                assertRequiredMatchesNullability(component.getType(), property, where);
            } else if (isCollection(component)) {
                assertFalse(typesOf(property.path("items")).contains("null"), where + "[]: elements are never null");
                if (elementType(component).isRecord()) {
                    assertRequiredMatchesNullability(elementType(component), property.path("items"), where + "[]");
                }
            }
        }
    }

    /**
     * Enum properties list exactly the Java constants (plus null where the property is nullable), and every enum in
     * the schema comes from a Java enum.
     */
    public static void assertEnumsMatchJavaConstants(Class<?> record, JsonNode schema) {
        List<String> javaEnumPaths = new ArrayList<>();
        assertEnums(record, schema, "$", javaEnumPaths);

        List<String> schemaEnumPaths = new ArrayList<>();
        collectEnumPaths(schema, "$", schemaEnumPaths);
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
            } else if (type.isRecord()) {
                assertEnums(type, property, where, checked);
            } else if (isCollection(component) && elementType(component).isEnum()) {
                assertEnumMatches(elementType(component), property.path("items"), where + "[]");
                checked.add(where + "[]");
            } else if (isCollection(component) && elementType(component).isRecord()) {
                assertEnums(elementType(component), property.path("items"), where + "[]", checked);
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

    private static void collectEnumPaths(JsonNode schema, String path, List<String> into) {
        schema.path("properties").fields().forEachRemaining(entry -> {
            String where = path + "." + entry.getKey();
            JsonNode property = entry.getValue();
            if (property.has("enum")) {
                into.add(where);
            }
            JsonNode items = property.path("items");
            if (items.has("enum")) {
                into.add(where + "[]");
            }
            collectEnumPaths(property, where, into);
            collectEnumPaths(items, where + "[]", into);
        });
    }

    /** The JSON types a property allows: {@code "type": "x"} or {@code "type": ["x", "null"]}. */
    public static Set<String> typesOf(JsonNode property) {
        JsonNode type = property.path("type");
        Set<String> types = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static boolean isCollection(RecordComponent component) {
        return Collection.class.isAssignableFrom(component.getType());
    }

    private static Class<?> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return Object.class;
    }
}
