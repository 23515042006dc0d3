package io.crampcare.contracts.docs;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
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

import io.crampcare.contracts.docs.EventCatalogue.Consumer;
import io.crampcare.contracts.docs.EventCatalogue.Correlation;
import io.crampcare.contracts.docs.EventCatalogue.DeadLetters;
import io.crampcare.contracts.docs.EventCatalogue.Envelope;
import io.crampcare.contracts.docs.EventCatalogue.Example;
import io.crampcare.contracts.docs.EventCatalogue.HeaderSchema;
import io.crampcare.contracts.docs.EventCatalogue.Key;
import io.crampcare.contracts.docs.EventCatalogue.Message;
import io.crampcare.contracts.docs.EventCatalogue.Producer;
import io.crampcare.contracts.docs.EventCatalogue.Server;
import io.crampcare.contracts.docs.EventCatalogue.Topic;

/**
 * Reads the AsyncAPI document plus its payload JSON Schemas into an {@link EventCatalogue}: per topic its facts
 * (address, partitions, key, producer, consumers, CloudEvents type), headers, payload fields, examples and
 * dead-letter twin. A message whose record value seals its payload names the plaintext's schema in
 * {@value #SEALED_PAYLOAD}: its fields are shown, and the envelope ({@code payload}) once for all messages. Everything is read from the contract, so the page cannot say more than the contract does.
 */
public final class EventCatalogueReader {

    static final String DLQ_SUFFIX = ".dlq";
    /** The message extension that names the schema of a payload sealed inside the record value ({@code payload}). */
    static final String SEALED_PAYLOAD = "x-sealed-payload";
    /** The message extension that holds, by example name, the payload each sealed example opens to. */
    static final String OPENED_EXAMPLES = "x-opened-examples";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final Function<String, JsonNode> schemaFiles;
    /** The envelopes the messages use, by schema file, in order of first use. */
    private final Map<String, Envelope> envelopes = new LinkedHashMap<>();

    /**
     * @param doc         the parsed asyncapi.yaml
     * @param schemaFiles reads a file the document refers to, by its path relative to asyncapi.yaml
     */
    public EventCatalogueReader(JsonNode doc, Function<String, JsonNode> schemaFiles) {
        this.doc = doc;
        this.schemaFiles = schemaFiles;
    }

    public EventCatalogue read() {
        JsonNode info = doc.path("info");
        List<Server> servers = new ArrayList<>();
        doc.path("servers").fields().forEachRemaining(s -> servers.add(new Server(s.getKey(),
                s.getValue().path("protocol").asText(), s.getValue().path("host").asText(),
                Span.inline(s.getValue().path("description").asText("")))));
        List<HeaderSchema> headerSchemas = new ArrayList<>();
        doc.path("components").path("schemas").fields()
                .forEachRemaining(s -> headerSchemas.add(new HeaderSchema(s.getKey(), SchemaWords.fields(s.getValue()))));
        List<Topic> topics = topics(); // collects the envelopes
        return new EventCatalogue(info.path("title").asText("Events"), doc.path("asyncapi").asText(),
                info.path("version").asText(), Span.paragraphs(info.path("description").asText(null)), servers,
                doc.path("defaultContentType").asText(""), headerSchemas, List.copyOf(envelopes.values()), topics);
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
            topics.add(topic(e.getKey(), e.getValue(), idByAddress.get(address + DLQ_SUFFIX)));
        });
        return topics;
    }

    private Topic topic(String id, JsonNode channel, String dlqId) {
        List<JsonNode> sends = new ArrayList<>();
        List<Consumer> consumers = new ArrayList<>();
        doc.path("operations").fields().forEachRemaining(op -> {
            if (op.getValue().path("channel").path("$ref").asText().equals("#/channels/" + id)) {
                if (op.getValue().path("action").asText().equals("send")) {
                    sends.add(op.getValue());
                } else {
                    consumers.add(new Consumer(consumerGroup(op.getValue()), op.getKey(),
                            Span.inline(op.getValue().path("summary").asText(""))));
                }
            }
        });
        List<Message> messages = new ArrayList<>();
        messages(channel).forEach((name, message) -> messages.add(message(name, message, sends)));
        return new Topic(id, address(channel, id), channel.path("title").asText(""), partitions(channel),
                Span.paragraphs(channel.path("description").asText(null)), messages, consumers,
                dlqId == null ? null : deadLetters(dlqId));
    }

    private Message message(String name, JsonNode message, List<JsonNode> sends) {
        JsonNode key = message.path("bindings").path("kafka").path("key");
        String source = headerConstOrEnum(message, "ce_source");
        List<Producer> producers = sends.stream().map(op -> new Producer(
                Span.inline(op.path("summary").asText(op.path("title").asText(""))),
                Span.inline(op.path("description").asText("")))).toList();
        JsonNode correlation = message.path("correlationId");
        // A sealed message's payload is the envelope; the fields shown are those of the plaintext inside.
        boolean sealed = message.has(SEALED_PAYLOAD);
        JsonNode payloadRef = sealed ? message.path(SEALED_PAYLOAD) : message.path("payload");
        JsonNode payload = resolve(payloadRef);
        JsonNode opened = message.path(OPENED_EXAMPLES);
        List<Example> examples = new ArrayList<>();
        message.path("examples").forEach(example -> {
            String exampleName = example.path("name").asText("");
            examples.add(new Example(exampleName, Span.paragraphs(example.path("summary").asText(null)),
                    pretty(example.path("headers")), pretty(example.path("payload")),
                    opened.has(exampleName) ? pretty(opened.path(exampleName)) : null));
        });
        return new Message(message.path("name").asText(), message.path("title").asText(""),
                Span.inline(message.path("summary").asText("")), Span.paragraphs(message.path("description").asText(null)),
                headerConst(message, "ce_type"), message.path("contentType").asText(doc.path("defaultContentType").asText()),
                schemaFile(payloadRef), sealed ? envelope(message.path("payload")) : null,
                key.isMissingNode() ? null : new Key(SchemaWords.typeOf(key), Span.inline(key.path("description").asText("")),
                        String.join("; ", SchemaWords.constraints(key))),
                service(source), source, producers,
                correlation.isMissingNode() ? null : new Correlation(correlation.path("location").asText(),
                        Span.inline(correlation.path("description").asText(""))),
                SchemaWords.fields(headers(message)), payload.path("title").asText(name),
                Span.paragraphs(payload.path("description").asText(null)), SchemaWords.fields(payload),
                SchemaWords.rule(payload), examples);
    }

    /** The envelope schema at {@code ref}, read once however many messages use it. */
    private Envelope envelope(JsonNode ref) {
        return envelopes.computeIfAbsent(schemaFile(ref), file -> {
            JsonNode schema = resolve(ref);
            return new Envelope("envelope-" + file.replaceAll("[^A-Za-z0-9.-]", "-"), file,
                    schema.path("title").asText(file), Span.paragraphs(schema.path("description").asText(null)),
                    SchemaWords.fields(schema));
        });
    }

    private static String schemaFile(JsonNode ref) {
        return ref.path("$ref").asText("inline").replaceFirst("^\\./", "");
    }

    private DeadLetters deadLetters(String dlqId) {
        JsonNode dlq = doc.path("channels").path(dlqId);
        return new DeadLetters(dlqId, address(dlq, dlqId), partitions(dlq), List.copyOf(messages(dlq).keySet()),
                Span.paragraphs(dlq.path("description").asText(null)));
    }

    private static String address(JsonNode channel, String id) {
        return channel.path("address").asText(id);
    }

    private static String partitions(JsonNode channel) {
        return channel.path("bindings").path("kafka").path("partitions").asText("");
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

    /** A header's fixed value, or its allowed values joined by ", " (ce_source of an event any service may send). */
    private String headerConstOrEnum(JsonNode message, String header) {
        JsonNode property = headers(message).path("properties").path(header);
        List<String> values = new ArrayList<>();
        property.path("enum").forEach(value -> values.add(value.asText()));
        return property.has("const") || values.isEmpty() ? property.path("const").asText("") : String.join(", ", values);
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
        return Arrays.stream(source.split(", ")).map(s -> s.substring(s.lastIndexOf('/') + 1))
                .collect(Collectors.joining(", "));
    }

    private static String consumerGroup(JsonNode operation) {
        return operation.path("bindings").path("kafka").path("groupId").path("const").asText("");
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
