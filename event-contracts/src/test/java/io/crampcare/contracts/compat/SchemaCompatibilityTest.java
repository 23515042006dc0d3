package io.crampcare.contracts.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crampcare.contracts.compat.SchemaBreak.Kind;

/**
 * Each kind of break is caught, and each allowed change passes: the checker compares the real baseline schemas with
 * copies changed one way each.
 */
class SchemaCompatibilityTest {

    static final Map<String, JsonNode> BASELINE = SchemaCompatibility.readSchemas(ContractGateTest.BASELINE);
    static final String REPORT = "cramp-report-submitted.v1.json";
    static final String ADVICE = "advice-issued.v1.json";
    static final String DUE = "nudge-due.v1.json";
    static final String ACK = "nudge-acknowledged.v1.json";

    /** One change to copies of the baseline schemas, keyed by file name. */
    interface Change {
        void apply(Map<String, ObjectNode> schemas);
    }

    /**
     * A change and the one break it must give. With {@code definitions}, the report's {@code activity} moves into
     * {@code $defs} (in baseline and current alike) first, since no released schema uses {@code $defs}.
     */
    record Case(String name, boolean definitions, Change change, String file, String path, Kind kind, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> breaks() {
        return Stream.of(
                breaking("a property removed", s -> properties(s, REPORT).remove("notes"),
                        REPORT, "$.notes", Kind.PROPERTY_REMOVED),
                breaking("a property removed and one of another type added", s -> {
                    properties(s, REPORT).remove("notes");
                    properties(s, REPORT).putObject("remarks").put("type", "integer");
                }, REPORT, "$.notes", Kind.PROPERTY_REMOVED),
                breaking("a property renamed", s -> rename(properties(s, REPORT), "waterTodayMl", "waterSoFarMl"),
                        REPORT, "$.waterTodayMl", Kind.PROPERTY_RENAMED),
                breaking("a required property renamed", s -> {
                    rename(properties(s, REPORT), "severity", "painLevel");
                    remove(required(s, REPORT, ""), "severity").add("painLevel");
                }, REPORT, "$.severity", Kind.PROPERTY_RENAMED),
                breaking("a nested property renamed", s -> rename(at(s, ADVICE, "/properties/recommendations/items"
                        + "/properties/source/properties"), "reference", "citation"),
                        ADVICE, "$.recommendations[*].source.reference", Kind.PROPERTY_RENAMED),
                breaking("a type changed", s -> at(s, REPORT, "/properties/severity").put("type", "number"),
                        REPORT, "$.severity", Kind.TYPE_CHANGED),
                breaking("null added to a type", s -> at(s, REPORT, "/properties/severity").set("type", strings("integer", "null")),
                        REPORT, "$.severity", Kind.TYPE_CHANGED),
                breaking("null dropped from a type", s -> at(s, ADVICE, "/properties/hydration/properties/preExerciseMinMl")
                        .put("type", "integer"), ADVICE, "$.hydration.preExerciseMinMl", Kind.TYPE_CHANGED),
                breaking("an array's items of another type", s -> at(s, REPORT, "/properties/symptoms/items")
                        .put("type", "integer"), REPORT, "$.symptoms[*]", Kind.TYPE_CHANGED),
                breaking("a new required property", s -> {
                    properties(s, REPORT).putObject("bloodPressure").put("type", "integer");
                    required(s, REPORT, "").add("bloodPressure");
                }, REPORT, "$.bloodPressure", Kind.REQUIRED_ADDED),
                breaking("an optional property made required", s -> required(s, REPORT, "").add("notes"),
                        REPORT, "$.notes", Kind.REQUIRED_ADDED),
                breaking("a property no longer required", s -> remove(required(s, REPORT, ""), "severity"),
                        REPORT, "$.severity", Kind.REQUIRED_REMOVED),
                breaking("a nested property no longer required",
                        s -> remove(required(s, ADVICE, "/properties/hydration"), "maxPerHourMl"),
                        ADVICE, "$.hydration.maxPerHourMl", Kind.REQUIRED_REMOVED),
                breaking("an enum constant removed", s -> remove((ArrayNode) at(s, ADVICE,
                        "/properties/recommendations/items/properties/category").get("enum"), "NUTRITION"),
                        ADVICE, "$.recommendations[*].category", Kind.ENUM_CONSTANT_REMOVED),
                breaking("null removed from a nullable enum", s -> ((ArrayNode) at(s, REPORT, "/properties/reliefBy")
                        .get("enum")).remove(4), REPORT, "$.reliefBy", Kind.ENUM_CONSTANT_REMOVED),
                breaking("an enum introduced", s -> at(s, DUE, "/properties/timeZone").set("enum", strings("Europe/Berlin")),
                        DUE, "$.timeZone", Kind.ENUM_INTRODUCED),
                constraint("an enum dropped", s -> at(s, REPORT, "/properties/side").remove("enum"),
                        REPORT, "$.side", "enum"),
                constraint("a maximum raised (a safety limit)", s -> at(s, ADVICE,
                        "/properties/hydration/properties/dailyTargetMl").put("maximum", 8000),
                        ADVICE, "$.hydration.dailyTargetMl", "maximum"),
                constraint("a maximum lowered", s -> at(s, ADVICE, "/properties/hydration/properties/dailyTargetMl")
                        .put("maximum", 5000), ADVICE, "$.hydration.dailyTargetMl", "maximum"),
                constraint("a minimum dropped", s -> at(s, REPORT, "/properties/severity").remove("minimum"),
                        REPORT, "$.severity", "minimum"),
                constraint("an exclusive minimum added", s -> at(s, REPORT, "/properties/bodyWeightKg")
                        .put("exclusiveMinimum", 0), REPORT, "$.bodyWeightKg", "exclusiveMinimum"),
                constraint("a format changed", s -> at(s, ACK, "/properties/dueAt").put("format", "date"),
                        ACK, "$.dueAt", "format"),
                constraint("a format dropped", s -> at(s, ACK, "/properties/nudgeId").remove("format"),
                        ACK, "$.nudgeId", "format"),
                constraint("a pattern changed", s -> at(s, REPORT, "/properties/userId").put("pattern", "^[a-z0-9-]+$"),
                        REPORT, "$.userId", "pattern"),
                constraint("a maxLength raised", s -> at(s, REPORT, "/properties/notes").put("maxLength", 4000),
                        REPORT, "$.notes", "maxLength"),
                constraint("minItems changed", s -> at(s, ADVICE, "/properties/recommendations").put("minItems", 0),
                        ADVICE, "$.recommendations", "minItems"),
                constraint("uniqueItems dropped", s -> at(s, REPORT, "/properties/symptoms").remove("uniqueItems"),
                        REPORT, "$.symptoms", "uniqueItems"),
                constraint("additionalProperties opened", s -> s.get(REPORT).put("additionalProperties", true),
                        REPORT, "$", "additionalProperties"),
                constraint("a condition changed", s -> at(s, ADVICE, "/properties/hydration/then/properties"
                        + "/remainingTodayMl").put("const", 1), ADVICE, "$.hydration", "then"),
                constraint("a const added", s -> at(s, DUE, "/properties/kind").put("const", "HYDRATION"),
                        DUE, "$.kind", "const"),
                constraint("an array's items dropped", s -> at(s, REPORT, "/properties/symptoms").remove("items"),
                        REPORT, "$.symptoms", "items"),
                breaking("a schema file removed", s -> s.remove(DUE), DUE, "$", Kind.SCHEMA_REMOVED),
                new Case("a $defs entry removed", true, s -> at(s, REPORT, "/$defs").remove("Activity"),
                        REPORT, "$.$defs.Activity", Kind.DEFINITION_REMOVED, ""),
                new Case("a $ref pointed elsewhere", true, s -> {
                    at(s, REPORT, "/$defs").set("Workout", at(s, REPORT, "/$defs/Activity").deepCopy());
                    at(s, REPORT, "/properties/activity").put("$ref", "#/$defs/Workout");
                }, REPORT, "$.activity", Kind.CONSTRAINT_CHANGED, "$ref"),
                new Case("a property removed inside a $defs entry", true,
                        s -> at(s, REPORT, "/$defs/Activity/properties").remove("minutes"),
                        REPORT, "$.$defs.Activity.minutes", Kind.PROPERTY_REMOVED, ""),
                new Case("a oneOf branch's constraint changed", true, s -> at(s, REPORT, "/$defs/Activity/oneOf/1")
                        .put("minLength", 1), REPORT, "$.$defs.Activity.oneOf[1]", Kind.CONSTRAINT_CHANGED, "minLength"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaks")
    void eachKindOfBreakIsCaught(Case breaking) {
        List<SchemaBreak> breaks = breaksOf(breaking);


        assertEquals(List.of(breaking.kind() + " " + breaking.file() + " " + breaking.path()),
                breaks.stream().map(b -> b.kind() + " " + b.file() + " " + b.path()).toList(), breaks::toString);
        assertTrue(breaks.get(0).detail().startsWith(breaking.detail()), breaks::toString);
    }

    static Stream<Case> allowedChanges() {
        return Stream.of(
                allowed("nothing changed", s -> { }),
                allowed("a new optional property", s -> properties(s, REPORT).putObject("sleptBadly")
                        .set("type", strings("boolean", "null"))),
                allowed("a new optional nested property", s -> at(s, ADVICE, "/properties/hydration/properties")
                        .putObject("eveningCapMl").set("type", strings("integer", "null"))),
                allowed("a new enum constant", s -> ((ArrayNode) at(s, REPORT, "/properties/muscle").get("enum")).add("NECK")),
                allowed("a new enum constant in array items", s -> ((ArrayNode) at(s, REPORT, "/properties/symptoms/items")
                        .get("enum")).add("BACK_PAIN")),
                allowed("a new constant of a nullable enum", s -> ((ArrayNode) at(s, REPORT, "/properties/reliefBy")
                        .get("enum")).insert(0, "HEAT")),
                allowed("descriptions, titles, examples and comments edited", s -> {
                    s.get(ADVICE).put("title", "Advice issued").put("description", "Reworded.");
                    at(s, ADVICE, "/properties/hydration/properties/dailyTargetMl").put("description", "Reworded.")
                            .put("$comment", "why 6000").set("examples", JsonNodeFactory.instance.arrayNode().add(2400));
                    at(s, ADVICE, "/properties/hydration/if/properties/drinkToThirstOnly").put("description", "In a condition.");
                }),
                allowed("a type list in another order", s -> at(s, REPORT, "/properties/notes").set("type", strings("null", "string"))),
                allowed("a new schema file", s -> s.put("nudge-due.v2.json", s.get(DUE).deepCopy())),
                allowed("a new $defs entry", s -> s.get(REPORT).putObject("$defs").putObject("Minutes").put("type", "integer")),
                new Case("a $defs entry reworded", true, s -> at(s, REPORT, "/$defs/Activity").put("description", "A workout."),
                        null, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedChanges")
    void allowedChangesPass(Case allowed) {
        assertEquals(List.of(), breaksOf(allowed));
    }

    @Test
    void aBreakNamesFilePathKindAndWhatChanged() {
        Map<String, ObjectNode> current = copy(baseline(false));
        at(current, ADVICE, "/properties/hydration/properties/dailyTargetMl").put("maximum", 8000);

        assertEquals("advice-issued.v1.json $.hydration.dailyTargetMl: CONSTRAINT_CHANGED (maximum: 6000 -> 8000)",
                SchemaCompatibility.compare(baseline(false), current).get(0).toString());
    }

    /** What the checker reports between the baseline and a copy changed as {@code change} says. */
    private static List<SchemaBreak> breaksOf(Case change) {
        Map<String, ObjectNode> baseline = baseline(change.definitions());
        Map<String, ObjectNode> current = copy(baseline);
        change.change().apply(current);
        return SchemaCompatibility.compare(baseline, current);
    }

    private static Case breaking(String name, Change change, String file, String path, Kind kind) {
        return new Case(name, false, change, file, path, kind, "");
    }

    /** A validation keyword changed: the break names it first in its detail. */
    private static Case constraint(String name, Change change, String file, String path, String keyword) {
        return new Case(name, false, change, file, path, Kind.CONSTRAINT_CHANGED, keyword + ": ");
    }

    private static Case allowed(String name, Change change) {
        return new Case(name, false, change, null, null, null, null);
    }

    /**
     * Copies of the baseline schemas; with {@code definitions}, the report's activity as {@code $defs/Activity} (given
     * a {@code oneOf} of object or null instead of its type list, so that a combinator is covered too) behind a $ref.
     */
    private static Map<String, ObjectNode> baseline(boolean definitions) {
        Map<String, ObjectNode> schemas = new TreeMap<>();
        BASELINE.forEach((file, schema) -> schemas.put(file, (ObjectNode) schema.deepCopy()));
        if (definitions) {
            ObjectNode activity = (ObjectNode) properties(schemas, REPORT).remove("activity");
            activity.remove("type");
            activity.putArray("oneOf").add(JsonNodeFactory.instance.objectNode().put("type", "object"))
                    .add(JsonNodeFactory.instance.objectNode().put("type", "null"));
            schemas.get(REPORT).putObject("$defs").set("Activity", activity);
            properties(schemas, REPORT).putObject("activity").put("$ref", "#/$defs/Activity");
        }
        return schemas;
    }

    private static Map<String, ObjectNode> copy(Map<String, ObjectNode> schemas) {
        Map<String, ObjectNode> copy = new TreeMap<>();
        schemas.forEach((file, schema) -> copy.put(file, schema.deepCopy()));
        return copy;
    }

    private static ObjectNode at(Map<String, ObjectNode> schemas, String file, String pointer) {
        return (ObjectNode) schemas.get(file).at(pointer);
    }

    private static ObjectNode properties(Map<String, ObjectNode> schemas, String file) {
        return at(schemas, file, "/properties");
    }

    private static ArrayNode required(Map<String, ObjectNode> schemas, String file, String pointer) {
        return (ArrayNode) schemas.get(file).at(pointer + "/required");
    }

    private static void rename(ObjectNode properties, String from, String to) {
        properties.set(to, properties.remove(from));
    }

    private static ArrayNode remove(ArrayNode array, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(value) && array.get(i).isTextual()) {
                array.remove(i);
                return array;
            }
        }
        throw new IllegalArgumentException(value + " is not in " + array);
    }

    private static ArrayNode strings(String... values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
