package io.crampcare.contracts.docs;

import static io.crampcare.contracts.docs.Html.code;
import static io.crampcare.contracts.docs.Html.esc;
import static io.crampcare.contracts.docs.Html.inline;
import static io.crampcare.contracts.docs.Html.paragraphs;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI document plus its payload JSON Schemas as one HTML page: an overview, then per topic its
 * facts (address, partitions, key, producer, consumers, CloudEvents type), headers, payload fields,
 * examples and dead-letter twin. Everything shown is read from the contract, so the page cannot say
 * more than the contract does; {@code EventCataloguePageTest} checks it says all of it.
 */
public final class EventCataloguePage {

    static final String DLQ_SUFFIX = ".dlq";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final Function<String, JsonNode> schemaFiles;

    /**
     * @param doc         the parsed asyncapi.yaml
     * @param schemaFiles reads a file the document refers to, by its path relative to asyncapi.yaml
     */
    public EventCataloguePage(JsonNode doc, Function<String, JsonNode> schemaFiles) {
        this.doc = doc;
        this.schemaFiles = schemaFiles;
    }

    /** One topic: its channel, the dead-letter twin (if any) and the operations on it. */
    private record Topic(String id, JsonNode channel, String dlqId, List<JsonNode> sends, List<Map.Entry<String, JsonNode>> receives) {
    }

    public String render() {
        List<Topic> topics = topics();
        JsonNode info = doc.path("info");
        String title = info.path("title").asText("Events");
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(title)).append("</h1>\n")
                .append("<p class=\"muted\">AsyncAPI ").append(esc(doc.path("asyncapi").asText()))
                .append(", document version ").append(esc(info.path("version").asText()))
                .append(". Generated from <code>asyncapi.yaml</code> and <code>schemas/*.json</code> of event-contracts.</p>\n")
                .append(paragraphs(info.path("description").asText(null)));
        toc(body, topics);
        overview(body, topics);
        conventions(body);
        for (Topic topic : topics) {
            topicSection(body, topic);
        }
        return Html.page(title, body.toString());
    }

    // --- structure

    private List<Topic> topics() {
        Map<String, String> idByAddress = new LinkedHashMap<>();
        doc.path("channels").fields().forEachRemaining(e -> idByAddress.put(address(e.getValue(), e.getKey()), e.getKey()));
        List<Topic> topics = new ArrayList<>();
        doc.path("channels").fields().forEachRemaining(e -> {
            String address = address(e.getValue(), e.getKey());
            // A dead-letter channel is shown inside its topic's section; one without a topic gets its own.
            if (address.endsWith(DLQ_SUFFIX) && idByAddress.containsKey(address.substring(0, address.length() - DLQ_SUFFIX.length()))) {
                return;
            }
            List<JsonNode> sends = new ArrayList<>();
            List<Map.Entry<String, JsonNode>> receives = new ArrayList<>();
            doc.path("operations").fields().forEachRemaining(op -> {
                if (op.getValue().path("channel").path("$ref").asText().equals("#/channels/" + e.getKey())) {
                    if (op.getValue().path("action").asText().equals("send")) {
                        sends.add(op.getValue());
                    } else {
                        receives.add(op);
                    }
                }
            });
            topics.add(new Topic(e.getKey(), e.getValue(), idByAddress.get(address + DLQ_SUFFIX), sends, receives));
        });
        return topics;
    }

    private static String address(JsonNode channel, String id) {
        return channel.path("address").asText(id);
    }

    /** The component messages a channel carries, by name. */
    private Map<String, JsonNode> messages(JsonNode channel) {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        channel.path("messages").fields().forEachRemaining(e -> messages.put(e.getKey(), resolve(e.getValue())));
        return messages;
    }

    /** Follows a {@code $ref}: local ones into the document, relative files through {@link #schemaFiles}. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        JsonNode target = file.isEmpty() ? doc : schemaFiles.apply(URI.create(file).normalize().toString());
        return hash < 0 ? target : target.at(JsonPointer.compile(ref.substring(hash + 1)));
    }

    /** A header's fixed value, e.g. ce_type's const, from the message's merged header schema. */
    private String headerConst(JsonNode message, String header) {
        return headers(message).path("properties").path(header).path("const").asText("");
    }

    /** The message's header schema with its allOf parts merged into one object schema. */
    private ObjectNode headers(JsonNode message) {
        ObjectNode merged = JSON.createObjectNode();
        ObjectNode properties = merged.putObject("properties");
        Set<String> required = new TreeSet<>();
        JsonNode headers = resolve(message.path("headers"));
        List<JsonNode> parts = new ArrayList<>();
        headers.path("allOf").forEach(parts::add);
        if (parts.isEmpty()) {
            parts.add(headers);
        }
        for (JsonNode part : parts) {
            JsonNode schema = resolve(part);
            schema.path("required").forEach(r -> required.add(r.asText()));
            schema.path("properties").fields().forEachRemaining(p -> {
                // A later part narrows an earlier one (e.g. a const for ce_type): keep both's keywords.
                ObjectNode property = properties.has(p.getKey()) ? (ObjectNode) properties.get(p.getKey()) : properties.putObject(p.getKey());
                property.setAll((ObjectNode) p.getValue());
            });
        }
        required.forEach(merged.putArray("required")::add);
        return merged;
    }

    private static String service(String source) {
        return source.substring(source.lastIndexOf('/') + 1);
    }

    private static String consumerGroup(JsonNode operation) {
        return operation.path("bindings").path("kafka").path("groupId").path("const").asText("");
    }

    // --- sections

    private void toc(StringBuilder body, List<Topic> topics) {
        body.append("<nav class=\"toc\">\n<h2 id=\"contents\">Contents</h2>\n<ul>\n")
                .append("<li><a href=\"#overview\">Overview</a></li>\n")
                .append("<li><a href=\"#conventions\">Conventions: server, CloudEvents headers</a></li>\n");
        for (Topic topic : topics) {
            body.append("<li><a href=\"#").append(esc(topic.id())).append("\">").append(code(address(topic.channel(), topic.id())))
                    .append("</a> ").append(esc(topic.channel().path("title").asText("")));
            if (topic.dlqId() != null) {
                body.append(" (dead letters: <a href=\"#").append(esc(topic.dlqId())).append("\">")
                        .append(code(address(dlq(topic), topic.dlqId()))).append("</a>)");
            }
            body.append("</li>\n");
        }
        body.append("</ul>\n</nav>\n");
    }

    private void overview(StringBuilder body, List<Topic> topics) {
        body.append("<h2 id=\"overview\">Overview</h2>\n<table>\n<thead><tr><th>topic</th><th>partitions</th><th>producer</th>")
                .append("<th>consumers (group)</th><th>event type (<code>ce_type</code>)</th><th>dead letters</th></tr></thead>\n<tbody>\n");
        for (Topic topic : topics) {
            String address = address(topic.channel(), topic.id());
            for (JsonNode message : messages(topic.channel()).values()) {
                body.append("<tr><td><a href=\"#").append(esc(topic.id())).append("\">").append(code(address)).append("</a></td><td>")
                        .append(esc(topic.channel().path("bindings").path("kafka").path("partitions").asText("")))
                        .append("</td><td>").append(esc(service(headerConst(message, "ce_source")))).append("</td><td>")
                        .append(topic.receives().stream().map(op -> esc(consumerGroup(op.getValue()))).collect(Collectors.joining(", ")))
                        .append("</td><td>").append(code(headerConst(message, "ce_type"))).append("</td><td>")
                        .append(topic.dlqId() == null ? "" : code(address(dlq(topic), topic.dlqId()))).append("</td></tr>\n");
            }
        }
        body.append("</tbody>\n</table>\n");
    }

    private void conventions(StringBuilder body) {
        body.append("<h2 id=\"conventions\">Conventions</h2>\n<h3>Servers</h3>\n<ul>\n");
        doc.path("servers").fields().forEachRemaining(s -> body.append("<li>").append(code(s.getKey())).append(": ")
                .append(esc(s.getValue().path("protocol").asText())).append(" ").append(code(s.getValue().path("host").asText()))
                .append(". ").append(inline(s.getValue().path("description").asText(""))).append("</li>\n"));
        body.append("</ul>\n<p>Default content type: ").append(code(doc.path("defaultContentType").asText("")))
                .append(". The Kafka key, CloudEvents headers and payload of each event are listed per topic below.</p>\n");
        doc.path("components").path("schemas").fields().forEachRemaining(s -> {
            body.append("<h3 id=\"").append(esc("schema-" + s.getKey())).append("\">").append(esc(s.getKey())).append("</h3>\n");
            fieldTable(body, s.getValue(), "header");
        });
    }

    private void topicSection(StringBuilder body, Topic topic) {
        JsonNode channel = topic.channel();
        String address = address(channel, topic.id());
        body.append("<section id=\"").append(esc(topic.id())).append("\" data-topic=\"").append(esc(address)).append("\">\n<h2>")
                .append(code(address)).append(" ").append(esc(channel.path("title").asText(""))).append("</h2>\n")
                .append(paragraphs(channel.path("description").asText(null)));
        for (Map.Entry<String, JsonNode> named : messages(channel).entrySet()) {
            JsonNode message = named.getValue();
            facts(body, topic, message);
            body.append("<h3>Headers</h3>\n");
            fieldTable(body, headers(message), "header");
            JsonNode payload = resolve(message.path("payload"));
            body.append("<h3>Payload: ").append(esc(payload.path("title").asText(named.getKey()))).append("</h3>\n")
                    .append(paragraphs(payload.path("description").asText(null)));
            fieldTable(body, payload, "field");
            conditions(body, payload);
            examples(body, message);
        }
        if (topic.dlqId() != null) {
            JsonNode dlq = dlq(topic);
            body.append("<div class=\"dlq\" id=\"").append(esc(topic.dlqId())).append("\" data-topic=\"")
                    .append(esc(address(dlq, topic.dlqId()))).append("\">\n<h3>Dead letters: ").append(code(address(dlq, topic.dlqId())))
                    .append("</h3>\n<table class=\"facts\">\n");
            fact(body, "address", code(address(dlq, topic.dlqId())));
            fact(body, "partitions", esc(dlq.path("bindings").path("kafka").path("partitions").asText("")));
            fact(body, "messages", messages(dlq).keySet().stream().map(Html::esc).collect(Collectors.joining(", "))
                    + " (as on " + code(address) + ", plus failure headers)");
            body.append("</table>\n").append(paragraphs(dlq.path("description").asText(null))).append("</div>\n");
        }
        body.append("<p><a href=\"#contents\">Back to contents</a></p>\n</section>\n");
    }

    private JsonNode dlq(Topic topic) {
        return doc.path("channels").path(topic.dlqId());
    }

    private void facts(StringBuilder body, Topic topic, JsonNode message) {
        JsonNode kafka = topic.channel().path("bindings").path("kafka");
        JsonNode key = message.path("bindings").path("kafka").path("key");
        String source = headerConst(message, "ce_source");
        body.append("<table class=\"facts\">\n");
        fact(body, "address (topic)", code(address(topic.channel(), topic.id())));
        fact(body, "partitions", esc(kafka.path("partitions").asText("not described")));
        fact(body, "key", key.isMissingNode() ? "not described"
                : esc(typeOf(key)) + ": " + inline(key.path("description").asText("")) + " " + esc(String.join("; ", constraints(key))));
        fact(body, "message", esc(message.path("name").asText()) + ": " + esc(message.path("title").asText(""))
                + ". " + inline(message.path("summary").asText("")));
        fact(body, "CloudEvents type", code(headerConst(message, "ce_type")));
        fact(body, "content type", code(message.path("contentType").asText(doc.path("defaultContentType").asText())));
        fact(body, "payload schema", code(message.path("payload").path("$ref").asText("inline").replaceFirst("^\\./", "")));
        StringBuilder producers = new StringBuilder();
        for (JsonNode op : topic.sends()) {
            producers.append("<p>").append(esc(service(source))).append(" (").append(code(source)).append("): ")
                    .append(inline(op.path("summary").asText(op.path("title").asText("")))).append(" ")
                    .append(inline(op.path("description").asText(""))).append("</p>");
        }
        fact(body, "producer", producers.length() == 0 ? "not described" : producers.toString());
        StringBuilder consumers = new StringBuilder();
        for (Map.Entry<String, JsonNode> op : topic.receives()) {
            consumers.append("<p>").append(esc(consumerGroup(op.getValue()))).append(" (consumer group ")
                    .append(code(consumerGroup(op.getValue()))).append(", operation ").append(code(op.getKey())).append("): ")
                    .append(inline(op.getValue().path("summary").asText(""))).append("</p>");
        }
        fact(body, "consumers", consumers.length() == 0 ? "none inside CrampCare; see the description above" : consumers.toString());
        JsonNode correlation = message.path("correlationId");
        if (!correlation.isMissingNode()) {
            fact(body, "correlation id", code(correlation.path("location").asText()) + ": " + inline(correlation.path("description").asText("")));
        }
        if (topic.dlqId() != null) {
            fact(body, "dead letters", "<a href=\"#" + esc(topic.dlqId()) + "\">" + code(address(dlq(topic), topic.dlqId())) + "</a>");
        }
        body.append("</table>\n");
    }

    private static void fact(StringBuilder body, String name, String html) {
        body.append("<tr><th>").append(esc(name)).append("</th><td>").append(html).append("</td></tr>\n");
    }

    // --- fields

    /** One row per property, nested objects and array items flattened to dotted paths. */
    private static void fieldTable(StringBuilder body, JsonNode schema, String kind) {
        body.append("<table class=\"fields\" data-kind=\"").append(kind).append("\">\n<thead><tr><th>").append(kind)
                .append("</th><th>type</th><th>required</th><th>description</th><th>values</th><th>constraints</th></tr></thead>\n<tbody>\n");
        fieldRows(body, schema, "");
        body.append("</tbody>\n</table>\n");
    }

    private static void fieldRows(StringBuilder body, JsonNode schema, String prefix) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> {
            String path = prefix + p.getKey();
            JsonNode property = p.getValue();
            JsonNode items = property.path("items");
            JsonNode enumSource = property.has("enum") ? property.path("enum") : items.path("enum");
            body.append("<tr data-field=\"").append(esc(path)).append("\"><td class=\"field\">").append(code(path)).append("</td><td>")
                    .append(esc(typeOf(property))).append("</td><td>").append(required.contains(p.getKey()) ? "yes" : "no")
                    .append("</td><td>").append(inline(property.path("description").asText(""))).append("</td><td>");
            List<String> values = new ArrayList<>();
            enumSource.forEach(v -> values.add(code(v.isNull() ? "null" : v.asText())));
            body.append(String.join(" ", values)).append("</td><td>").append(esc(String.join("; ", constraints(property))))
                    .append("</td></tr>\n");
            if (property.has("properties")) {
                fieldRows(body, property, path + ".");
            } else if (items.has("properties")) {
                fieldRows(body, items, path + "[].");
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

    /** Schema-level if/then rules, e.g. "when urgency is EMERGENCY, hydration is null". */
    private static void conditions(StringBuilder body, JsonNode schema) {
        if (schema.has("if")) {
            body.append("<p><strong>Rule:</strong> when ").append(describe(schema.path("if"))).append(", ")
                    .append(describe(schema.path("then"))).append(".</p>\n");
        }
    }

    /** "`a` is `X`" for the simple const/type shapes the schemas use; anything else as its JSON. */
    private static String describe(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode rule = p.getValue();
            if (rule.size() == 1 && rule.has("const")) {
                parts.add(code(p.getKey()) + " is " + code(rule.path("const").asText()));
            } else if (rule.size() == 1 && rule.has("type")) {
                parts.add(code(p.getKey()) + " is " + esc(typeOf(rule)));
            }
        });
        boolean simple = !parts.isEmpty() && parts.size() == schema.path("properties").size()
                && schema.size() == (schema.has("required") ? 2 : 1);
        return simple ? String.join(" and ", parts) : code(schema.toString());
    }

    private void examples(StringBuilder body, JsonNode message) {
        for (JsonNode example : message.path("examples")) {
            body.append("<h3>Example: ").append(esc(example.path("name").asText(""))).append("</h3>\n");
            if (example.has("summary")) {
                body.append(paragraphs(example.path("summary").asText()));
            }
            body.append("<p class=\"muted\">Headers</p>\n<pre><code>").append(esc(pretty(example.path("headers"))))
                    .append("</code></pre>\n<p class=\"muted\">Payload (record value)</p>\n<pre><code>")
                    .append(esc(pretty(example.path("payload")))).append("</code></pre>\n");
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
