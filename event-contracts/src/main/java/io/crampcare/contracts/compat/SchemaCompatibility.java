package io.crampcare.contracts.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crampcare.contracts.compat.SchemaBreak.Kind;

/**
 * Compares the payload JSON Schemas of a baseline (the last release) with the current ones and lists every change that
 * can break a consumer, the catalogue's compatibility rule made executable. A consumer reads topics that hold records
 * of both versions (replays, dead letters, slow consumers), so both directions count, and a change the rule does not
 * name as safe is a break. Safe: a new property that is not required, a new enum constant, a new {@code $defs} entry, a
 * new schema file, and edits to {@code description}, {@code title}, {@code examples} and {@code $comment}. Everything
 * else is reported, see {@link Kind}.
 * <p>
 * It walks properties, array items, {@code prefixItems}, {@code $defs} and the branches of {@code allOf}, {@code anyOf}
 * and {@code oneOf}; any other keyword ({@code if}/{@code then}/{@code else}, {@code not}, {@code $ref}, ranges...) must
 * mean the same as before, annotations aside. Needs only Jackson: other teams can run it on their own copies.
 * <p>
 * Over 300 lines on purpose: one recursive walk, a method a keyword, whose rules read best together.
 */
public final class SchemaCompatibility {

    /** Keywords that explain and never validate; a string (or, for examples, an array) where they are keywords. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "examples", "$comment");
    /** Keywords with a rule of their own below; every other keyword is compared as a whole. */
    private static final Set<String> WALKED = Set.of("type", "properties", "required", "enum", "items", "prefixItems",
            "$defs", "allOf", "anyOf", "oneOf");
    /** Keywords whose value is data, not a schema: annotations inside them are values like any other. */
    private static final Set<String> DATA = Set.of("const", "enum", "default");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final List<SchemaBreak> breaks = new ArrayList<>();

    private SchemaCompatibility(String file) {
        this.file = file;
    }

    /** The breaks between the {@code *.json} schemas of two folders, matched by file name. */
    public static List<SchemaBreak> compare(Path baselineFolder, Path currentFolder) {
        return compare(readSchemas(baselineFolder), readSchemas(currentFolder));
    }

    /** The breaks between two sets of schemas, each keyed by file name; a file only in {@code current} is new, fine. */
    public static List<SchemaBreak> compare(Map<String, ? extends JsonNode> baseline,
            Map<String, ? extends JsonNode> current) {
        List<SchemaBreak> breaks = new ArrayList<>();
        new TreeMap<>(baseline).forEach((file, old) -> {
            JsonNode now = current.get(file);
            if (now == null) {
                breaks.add(new SchemaBreak(file, "$", Kind.SCHEMA_REMOVED,
                        "the schema file is gone; a type is retired only after its last consumer has moved on"));
            } else {
                breaks.addAll(compare(file, old, now));
            }
        });
        return breaks;
    }

    /** The breaks between two versions of one schema. */
    public static List<SchemaBreak> compare(String file, JsonNode baseline, JsonNode current) {
        SchemaCompatibility walk = new SchemaCompatibility(file);
        walk.schema("$", baseline, current);
        return walk.breaks;
    }

    /** The {@code *.json} files of {@code folder} (not its subfolders), by file name. */
    public static Map<String, JsonNode> readSchemas(Path folder) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                schemas.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schemas in " + folder, e);
        }
        return schemas;
    }

    private void schema(String path, JsonNode old, JsonNode now) {
        if (!old.isObject() || !now.isObject()) { // a boolean schema (true: anything, false: nothing)
            sameMeaning(path, "schema", old, now);
            return;
        }
        type(path, old.get("type"), now.get("type"));
        properties(path, old, now);
        enumeration(path, old.get("enum"), now.get("enum"));
        if (bothOrNeither(path, "items", old, now)) {
            schema(path + "[*]", old.get("items"), now.get("items"));
        }
        schemaList(path, "prefixItems", old, now, i -> path + "[" + i + "]");
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schemaList(path, combinator, old, now, i -> path + "." + combinator + "[" + i + "]");
        }
        definitions(path, old.path("$defs"), now.path("$defs"));
        Set<String> keywords = new LinkedHashSet<>();
        old.fieldNames().forEachRemaining(keywords::add);
        now.fieldNames().forEachRemaining(keywords::add);
        for (String keyword : keywords) {
            if (!ANNOTATIONS.contains(keyword) && !WALKED.contains(keyword)) {
                sameMeaning(path, keyword, old.get(keyword), now.get(keyword));
            }
        }
    }

    private void type(String path, JsonNode old, JsonNode now) {
        Set<String> before = types(old);
        Set<String> after = types(now);
        if (!Objects.equals(before, after)) {
            breaks.add(new SchemaBreak(file, path, Kind.TYPE_CHANGED, show(before) + " -> " + show(after)));
        }
    }

    private void properties(String path, JsonNode old, JsonNode now) {
        Map<String, JsonNode> before = fields(old.path("properties"));
        Map<String, JsonNode> after = fields(now.path("properties"));
        Set<String> requiredBefore = strings(old.path("required"));
        Set<String> requiredAfter = strings(now.path("required"));
        List<String> added = after.keySet().stream().filter(name -> !before.containsKey(name)).toList();
        Set<String> gone = new LinkedHashSet<>();
        Set<String> renamedTo = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> property : before.entrySet()) {
            String name = property.getKey();
            if (after.containsKey(name)) {
                schema(child(path, name), property.getValue(), after.get(name));
                continue;
            }
            gone.add(name);
            String newName = added.stream()
                    .filter(candidate -> !renamedTo.contains(candidate))
                    .filter(candidate -> Objects.equals(shape(property.getValue()), shape(after.get(candidate))))
                    .findFirst().orElse(null);
            if (newName == null) {
                breaks.add(new SchemaBreak(file, child(path, name), Kind.PROPERTY_REMOVED,
                        "old records carry it and consumers read it"));
            } else {
                renamedTo.add(newName);
                breaks.add(new SchemaBreak(file, child(path, name), Kind.PROPERTY_RENAMED, "renamed to '" + newName
                        + "' (same type): old records carry '" + name + "', new ones '" + newName + "'"));
            }
        }
        // Whether a removed or renamed property was required is part of that break, not another one.
        for (String name : requiredAfter) {
            if (!requiredBefore.contains(name) && !renamedTo.contains(name)) {
                breaks.add(new SchemaBreak(file, child(path, name), Kind.REQUIRED_ADDED, before.containsKey(name)
                        ? "made required: old records may hold null or lack it"
                        : "a new required property: old records lack it"));
            }
        }
        for (String name : requiredBefore) {
            if (!requiredAfter.contains(name) && !gone.contains(name)) {
                breaks.add(new SchemaBreak(file, child(path, name), Kind.REQUIRED_REMOVED,
                        "no longer required: consumers rely on a required property never being null"));
            }
        }
    }

    private void enumeration(String path, JsonNode old, JsonNode now) {
        if (old == null && now != null) {
            breaks.add(new SchemaBreak(file, path, Kind.ENUM_INTRODUCED, "enum " + now + ": old records may hold other values"));
        } else if (old != null && now == null) {
            breaks.add(new SchemaBreak(file, path, Kind.CONSTRAINT_CHANGED,
                    "enum: " + old + " -> none (any value of the type passes now)"));
        } else if (old != null) {
            for (JsonNode constant : old) {
                if (!contains(now, constant)) {
                    breaks.add(new SchemaBreak(file, path, Kind.ENUM_CONSTANT_REMOVED, constant + " removed"));
                }
            }
        }
    }

    private void definitions(String path, JsonNode old, JsonNode now) {
        Map<String, JsonNode> after = fields(now);
        fields(old).forEach((name, definition) -> {
            String at = path + ".$defs." + name;
            if (after.containsKey(name)) {
                schema(at, definition, after.get(name));
            } else {
                breaks.add(new SchemaBreak(file, at, Kind.DEFINITION_REMOVED, "a $ref to it no longer resolves"));
            }
        });
    }

    /** A list of subschemas ({@code prefixItems}, {@code allOf}...): the same length, each compared with its twin. */
    private void schemaList(String path, String keyword, JsonNode old, JsonNode now,
            IntFunction<String> pathOf) {
        if (bothOrNeither(path, keyword, old, now)) {
            JsonNode before = old.get(keyword);
            JsonNode after = now.get(keyword);
            if (!before.isArray() || !after.isArray() || before.size() != after.size()) {
                sameMeaning(path, keyword, before, after);
                return;
            }
            for (int i = 0; i < before.size(); i++) {
                schema(pathOf.apply(i), before.get(i), after.get(i));
            }
        }
    }

    /** True when both have {@code keyword}; a break when only one has it. */
    private boolean bothOrNeither(String path, String keyword, JsonNode old, JsonNode now) {
        if (old.has(keyword) && now.has(keyword)) {
            return true;
        }
        sameMeaning(path, keyword, old.get(keyword), now.get(keyword));
        return false;
    }

    private void sameMeaning(String path, String keyword, JsonNode old, JsonNode now) {
        if (!Objects.equals(meaning(old), meaning(now))) {
            breaks.add(new SchemaBreak(file, path, Kind.CONSTRAINT_CHANGED,
                    keyword + ": " + (old == null ? "none" : old) + " -> " + (now == null ? "none" : now)));
        }
    }

    /** {@code node} without its annotations, so that rewording a description inside a condition is no break. */
    private static JsonNode meaning(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            object.fields().forEachRemaining(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                boolean annotation = ANNOTATIONS.contains(key)
                        && (key.equals("examples") ? value.isArray() : value.isTextual());
                if (!annotation) {
                    copy.set(key, DATA.contains(key) ? value : meaning(value));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(meaning(element)));
            return copy;
        }
        return node;
    }

    /** What a renamed property must share with its old self: its types, or the schema it refers to. */
    private static Object shape(JsonNode property) {
        Set<String> types = types(property.get("type"));
        return types != null ? types : property.path("$ref").asText(null);
    }

    /** The {@code type} keyword as a set (order carries no meaning); null when there is none (any type). */
    private static Set<String> types(JsonNode type) {
        if (type == null) {
            return null;
        }
        Set<String> types = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    private static String show(Set<String> types) {
        return types == null ? "any type" : types.toString();
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new LinkedHashSet<>();
        array.forEach(element -> strings.add(element.asText()));
        return strings;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String child(String path, String name) {
        return PLAIN_NAME.matcher(name).matches() ? path + "." + name : path + "['" + name + "']";
    }
}
