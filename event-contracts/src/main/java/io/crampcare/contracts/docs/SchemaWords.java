package io.crampcare.contracts.docs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.crampcare.contracts.docs.EventCatalogue.Field;
import io.crampcare.contracts.docs.EventCatalogue.Rule;

/** A JSON Schema in the words the event catalogue uses: its fields, their types and constraints, its if/then rule. */
final class SchemaWords {

    private SchemaWords() {
    }

    /** One field per property, nested objects and array items flattened to dotted paths. */
    static List<Field> fields(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        fields(schema, "", fields);
        return fields;
    }

    private static void fields(JsonNode schema, String prefix, List<Field> into) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> {
            String path = prefix + p.getKey();
            JsonNode property = p.getValue();
            JsonNode items = property.path("items");
            JsonNode enumSource = property.has("enum") ? property.path("enum") : items.path("enum");
            List<String> values = new ArrayList<>();
            enumSource.forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
            into.add(new Field(path, typeOf(property), required.contains(p.getKey()),
                    Span.inline(property.path("description").asText("")), values, String.join("; ", constraints(property))));
            if (property.has("properties")) {
                fields(property, path + ".", into);
            } else if (items.has("properties")) {
                fields(items, path + "[].", into);
            }
        });
    }

    /** "string (uuid)", "integer or null", "array of string", ... */
    static String typeOf(JsonNode schema) {
        if (schema.has("const") && !schema.has("type")) {
            return "constant";
        }
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        List<String> shown = new ArrayList<>();
        for (String t : types) {
            if (t.equals("array")) {
                shown.add("array of " + typeOf(schema.path("items")));
            } else if (schema.has("format") && !t.equals("null")) {
                shown.add(t + " (" + schema.path("format").asText() + ")");
            } else {
                shown.add(t);
            }
        }
        return shown.isEmpty() ? "any" : String.join(" or ", shown);
    }

    /** The schema's validation keywords in words; an array's item rules are prefixed "each item". */
    static List<String> constraints(JsonNode schema) {
        List<String> out = new ArrayList<>();
        if (schema.has("const")) {
            out.add("always " + schema.path("const").asText());
            return out; // a constant says it all
        }
        range(out, schema, "minLength", "maxLength", "length: ");
        range(out, schema, "minimum", "maximum", "");
        range(out, schema, "minItems", "maxItems", "items: ");
        if (schema.has("exclusiveMinimum")) {
            out.add("more than " + schema.path("exclusiveMinimum").asText());
        }
        if (schema.has("exclusiveMaximum")) {
            out.add("less than " + schema.path("exclusiveMaximum").asText());
        }
        if (schema.path("uniqueItems").asBoolean()) {
            out.add("no duplicates");
        }
        if (schema.has("pattern")) {
            out.add("pattern " + schema.path("pattern").asText());
        }
        if (schema.path("items").isObject()) {
            constraints(schema.path("items")).forEach(c -> out.add("each item: " + c));
        }
        return out;
    }

    private static void range(List<String> out, JsonNode schema, String minKey, String maxKey, String label) {
        if (schema.has(minKey) && schema.has(maxKey)) {
            out.add(label + schema.path(minKey).asText() + " to " + schema.path(maxKey).asText());
        } else if (schema.has(minKey)) {
            out.add(label + "at least " + schema.path(minKey).asText());
        } else if (schema.has(maxKey)) {
            out.add(label + "at most " + schema.path(maxKey).asText());
        }
    }

    /** The schema-level if/then rule, e.g. "when urgency is EMERGENCY, hydration is null", or null. */
    static Rule rule(JsonNode schema) {
        return schema.has("if") ? new Rule(describe(schema.path("if")), describe(schema.path("then"))) : null;
    }

    /** "`a` is `X`" for the simple const/type shapes the schemas use; anything else as its JSON. */
    private static List<Span> describe(JsonNode schema) {
        List<Span> spans = new ArrayList<>();
        int parts = 0;
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
            Map.Entry<String, JsonNode> p = properties.next();
            JsonNode rule = p.getValue();
            boolean constant = rule.size() == 1 && rule.has("const");
            if (constant || rule.size() == 1 && rule.has("type")) {
                if (parts++ > 0) {
                    spans.add(Span.plain(" and "));
                }
                spans.add(Span.code(p.getKey()));
                spans.add(Span.plain(" is "));
                spans.add(constant ? Span.code(rule.path("const").asText()) : Span.plain(typeOf(rule)));
            }
        }
        boolean simple = parts > 0 && parts == schema.path("properties").size()
                && schema.size() == (schema.has("required") ? 2 : 1);
        return simple ? spans : List.of(Span.code(schema.toString()));
    }
}
