package io.crampcare.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;

import io.crampcare.contracts.sealed.EventSeal;

/**
 * asyncapi.yaml must parse, be AsyncAPI 3.0.0, point only at things that exist, and agree with the code: every record
 * value is a sealed event whose plaintext keeps its type's schema, and every example opens to a valid payload.
 */
class AsyncApiDocumentTest {

    static final String RESOURCE = "asyncapi.yaml";
    static final JsonNode DOC = ContractResources.readTree(RESOURCE, new ObjectMapper(new YAMLFactory()));
    static final String SEALED_EVENT = "schemas/sealed-event.v1.json";
    static final String SEALED_PAYLOAD = "x-sealed-payload";
    static final String OPENED_EXAMPLES = "x-opened-examples";
    /** The key the examples are sealed with (see the head of asyncapi.yaml); real keys are random. */
    static final byte[] EXAMPLE_KEY = new byte[EventSeal.KEY_BYTES];

    @Test
    void isAsyncApi300() {
        assertEquals("3.0.0", DOC.path("asyncapi").asText());
        assertFalse(DOC.path("info").path("title").asText().isBlank(), "info.title");
        assertFalse(DOC.path("channels").isEmpty(), "channels");
        assertFalse(DOC.path("operations").isEmpty(), "operations");
    }

    @Test
    void everyRefResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);
        assertFalse(refs.isEmpty(), "the document uses $ref");
        for (String ref : refs) {
            int hash = ref.indexOf('#');
            String file = hash < 0 ? ref : ref.substring(0, hash);
            String fragment = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode target = DOC;
            if (!file.isEmpty()) {
                // Relative to asyncapi.yaml, which sits at the classpath root.
                String resource = URI.create(RESOURCE).resolve(file).toString();
                assertNotNull(getClass().getClassLoader().getResource(resource),
                        ref + " -> classpath resource " + resource + " must exist");
                target = JsonSchemas.readJson(resource);
            }
            if (!fragment.isEmpty()) {
                assertFalse(target.at(JsonPointer.compile(fragment)).isMissingNode(), ref + " must point at something");
            }
        }
    }

    /** A copy of {@code node} with every {@code $ref} into this document replaced by what it points at. */
    private static JsonNode inlineLocalRefs(JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith("#/")) {
                return inlineLocalRefs(DOC.at(JsonPointer.compile(ref.asText().substring(1))));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), inlineLocalRefs(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(inlineLocalRefs(element)));
            return copy;
        }
        return node;
    }

    @Test
    void traceContextHeaderPatternsAcceptW3cValuesAndRejectOthers() {
        JsonNode properties = DOC.at("/components/schemas/CloudEventsKafkaHeaders/properties");
        Schema traceparent = JsonSchemas.compile(properties.path("traceparent"));
        Schema tracestate = JsonSchemas.compile(properties.path("tracestate"));
        for (String valid : List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")) {
            assertTrue(traceparent.validate(JsonNodeFactory.instance.textNode(valid)).isEmpty(), valid);
        }
        for (String invalid : List.of("", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "x00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")) {
            assertFalse(traceparent.validate(JsonNodeFactory.instance.textNode(invalid)).isEmpty(), invalid);
        }
        for (String valid : List.of("congo=t61rcWkgMzE", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE",
                "tenant@vendor=a b", "rojo=1 , congo=2")) {
            assertTrue(tracestate.validate(JsonNodeFactory.instance.textNode(valid)).isEmpty(), valid);
        }
        for (String invalid : List.of("", "Congo=1", "congo", "congo=", "congo=a,", "congo=a=b")) {
            assertFalse(tracestate.validate(JsonNodeFactory.instance.textNode(invalid)).isEmpty(), invalid);
        }
    }

    private static void collectRefs(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    into.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, into));
        }
    }

    @Test
    void channelAddressesAreKnownTopics() {
        Set<String> known = new HashSet<>(Topics.ALL);
        Topics.WITH_DEAD_LETTERS.forEach(topic -> known.add(Topics.deadLetter(topic)));
        for (Map.Entry<String, JsonNode> channel : fields(DOC.path("channels"))) {
            String address = channel.getValue().path("address").asText();
            assertTrue(known.contains(address), "channel " + channel.getKey() + ": unknown topic " + address);
            assertEquals(address, channel.getValue().path("bindings").path("kafka").path("topic").asText(),
                    "channel " + channel.getKey() + ": kafka binding topic");
        }
    }

    @Test
    void everyMessageIsSealedButTheErasureAndNamesTheSchemaOfItsType() {
        Set<String> eventTypes = new HashSet<>(EventTypes.ALL);
        assertEquals(EventSeal.DATA_SCHEMA.toString(), JsonSchemas.readJson(SEALED_EVENT).path("$id").asText());
        for (Map.Entry<String, JsonNode> message : fields(DOC.path("components").path("messages"))) {
            String name = message.getKey();
            JsonNode headers = message.getValue().path("headers");
            String ceType = headers.findPath("ce_type").path("const").asText();
            assertTrue(eventTypes.contains(ceType), name + ": ce_type " + ceType + " is not in EventTypes");
            List<String> ceSources = sources(headers);
            assertFalse(ceSources.isEmpty(), name + ": ce_source const or enum");
            ceSources.forEach(ceSource -> assertTrue(ceSource.matches("/crampcare/[a-z-]+-service"),
                    name + ": ce_source " + ceSource));
            List<String> dataSchemas = inlineLocalRefs(headers).findValues("ce_dataschema").stream()
                    .map(schema -> schema.path("const")).filter(JsonNode::isTextual).map(JsonNode::asText).toList();

            if (!EventDescriptor.ofType(ceType).orElseThrow().sealed()) {
                // The erasure (its person's key is being shredded): the value is the plain payload, named as such.
                assertEquals(ContractSchemas.resource(ceType), resource(message.getValue().path("payload")),
                        name + ": an unsealed payload is its type's");
                assertEquals(List.of(ContractSchemas.dataSchema(ceType).orElseThrow().toString()), dataSchemas,
                        name + ": ce_dataschema is its type's");
                assertFalse(message.getValue().has(SEALED_PAYLOAD), name + ": nothing sealed inside");
                continue;
            }
            assertEquals(1, ceSources.size(), name + ": one producing service");
            // The record value, on the topic and its dead-letter twin alike, is the sealed envelope ...
            assertEquals(SEALED_EVENT, resource(message.getValue().path("payload")), name + ": payload is the sealed event");
            assertEquals(List.of(EventSeal.DATA_SCHEMA.toString()), dataSchemas, name + ": ce_dataschema is the sealed event's");
            // ... and the plaintext inside keeps the schema its ce_type names.
            String sealedPayload = resource(message.getValue().path(SEALED_PAYLOAD));
            assertEquals(ContractSchemas.resource(ceType), sealedPayload, name + ": x-sealed-payload of " + ceType);
            assertEquals(ContractSchemas.dataSchema(ceType).orElseThrow().toString(),
                    JsonSchemas.readJson(sealedPayload).path("$id").asText(), name + ": x-sealed-payload's $id");

            Schema key = JsonSchemas.compile(message.getValue().at("/bindings/kafka/key"));
            assertTrue(key.validate(JsonNodeFactory.instance.textNode("3b7e1f4a-9c2d-4e58-a6b1-0d4c8f2e7a95")).isEmpty(),
                    name + ": a subjectRef is a key");
            for (String notKey : List.of("user-42", "3B7E1F4A-9C2D-4E58-A6B1-0D4C8F2E7A95", "")) {
                assertFalse(key.validate(JsonNodeFactory.instance.textNode(notKey)).isEmpty(), name + ": key " + notKey);
            }
        }
    }

    /** The ce_source values a message's headers allow: its const, or its enum. */
    private static List<String> sources(JsonNode headers) {
        JsonNode source = headers.findPath("ce_source");
        List<String> sources = new ArrayList<>();
        if (source.path("const").isTextual()) {
            sources.add(source.path("const").asText());
        }
        source.path("enum").forEach(value -> sources.add(value.asText()));
        return sources;
    }

    /** The unsealed message's examples are plain payloads of its schema, about the subjectRef of key and subject. */
    @Test
    void unsealedExamplesAreValidPlainPayloads() {
        for (Map.Entry<String, JsonNode> message : fields(DOC.path("components").path("messages"))) {
            JsonNode headers = message.getValue().path("headers");
            String ceType = headers.findPath("ce_type").path("const").asText();
            if (EventDescriptor.ofType(ceType).orElseThrow().sealed()) {
                continue;
            }
            Schema payloadSchema = JsonSchemas.compile(resource(message.getValue().path("payload")));
            Schema headersSchema = JsonSchemas.compile(inlineLocalRefs(headers));
            JsonNode examples = message.getValue().path("examples");
            assertFalse(examples.isEmpty(), message.getKey() + " should show an example");
            for (JsonNode example : examples) {
                String label = message.getKey() + " example " + example.path("name").asText();
                List<Error> errors = payloadSchema.validate(example.path("payload"));
                assertTrue(errors.isEmpty(), () -> label + ": " + errors);
                List<Error> headerErrors = headersSchema.validate(example.path("headers"));
                assertTrue(headerErrors.isEmpty(), () -> label + " headers: " + headerErrors);
                assertEquals(ceType, example.path("headers").path("ce_type").asText(), label + " ce_type");
                assertEquals(example.path("payload").path("subjectRef").asText(),
                        example.path("headers").path("ce_subject").asText(), label + ": ce_subject is the subjectRef");
                assertFalse(message.getValue().has(OPENED_EXAMPLES), label + ": nothing to open");
            }
        }
    }

    @Test
    void examplesAreSealedRecordsThatOpenToValidPayloads() {
        Schema sealedEvent = JsonSchemas.compile(SEALED_EVENT);
        Map<String, String> subjectRefByUser = new HashMap<>();
        for (Map.Entry<String, JsonNode> message : fields(DOC.path("components").path("messages"))) {
            String name = message.getKey();
            JsonNode headers = message.getValue().path("headers");
            String ceType = headers.findPath("ce_type").path("const").asText();
            if (!EventDescriptor.ofType(ceType).orElseThrow().sealed()) {
                continue; // unsealedExamplesAreValidPlainPayloads
            }
            String ceSource = headers.findPath("ce_source").path("const").asText();
            Schema payloadSchema = JsonSchemas.compile(resource(message.getValue().path(SEALED_PAYLOAD)));
            Schema keySchema = JsonSchemas.compile(message.getValue().at("/bindings/kafka/key"));
            // The AsyncAPI CLI does not check example headers against an allOf of $refs; this does.
            Schema headersSchema = JsonSchemas.compile(inlineLocalRefs(headers));
            JsonNode examples = message.getValue().path("examples");
            assertFalse(examples.isEmpty(), name + " should show an example");
            JsonNode opened = message.getValue().path(OPENED_EXAMPLES);
            Set<String> names = new TreeSet<>();
            for (JsonNode example : examples) {
                String label = name + " example " + example.path("name").asText();
                names.add(example.path("name").asText());
                JsonNode exampleHeaders = example.path("headers");
                List<Error> errors = sealedEvent.validate(example.path("payload"));
                assertTrue(errors.isEmpty(), () -> label + ": " + errors);
                List<Error> headerErrors = headersSchema.validate(exampleHeaders);
                assertTrue(headerErrors.isEmpty(), () -> label + " headers: " + headerErrors);
                assertEquals(ceType, exampleHeaders.path("ce_type").asText(), label + " ce_type");
                assertEquals(ceSource, exampleHeaders.path("ce_source").asText(), label + " ce_source");
                String subjectRef = example.path("payload").path("subjectRef").asText();
                assertEquals(subjectRef, exampleHeaders.path("ce_subject").asText(), label + ": ce_subject is the subjectRef");
                assertTrue(keySchema.validate(JsonNodeFactory.instance.textNode(subjectRef)).isEmpty(), label + ": key");

                JsonNode plaintext = opened.path(example.path("name").asText());
                assertFalse(plaintext.isMissingNode(), label + " needs its " + OPENED_EXAMPLES + " entry");
                List<Error> payloadErrors = payloadSchema.validate(plaintext);
                assertTrue(payloadErrors.isEmpty(), () -> label + " opened payload: " + payloadErrors);
                String reseal = label + " does not open to its " + OPENED_EXAMPLES + " entry with the example key;"
                        + " sealed afresh it is " + EventSeal.seal(UUID.fromString(subjectRef), EXAMPLE_KEY,
                                exampleHeaders.path("ce_id").asText(), ceType, plaintext.toString());
                String open;
                try {
                    open = EventSeal.read(example.path("payload").toString())
                            .open(EXAMPLE_KEY, exampleHeaders.path("ce_id").asText(), ceType);
                } catch (EventSeal.NotSealed e) {
                    throw new AssertionError(reseal, e);
                }
                assertEquals(plaintext, JsonSchemas.parse(open), reseal);
                // One person, one subjectRef: the examples keep to the key ring's rule.
                String previous = subjectRefByUser.putIfAbsent(plaintext.path("userId").asText(), subjectRef);
                assertEquals(previous == null ? subjectRef : previous, subjectRef, label + ": subjectRef of its user");
            }
            Set<String> openedNames = new TreeSet<>();
            opened.fieldNames().forEachRemaining(openedNames::add);
            assertEquals(names, openedNames, name + ": one " + OPENED_EXAMPLES + " entry per example");
        }
        assertEquals(subjectRefByUser.size(), Set.copyOf(subjectRefByUser.values()).size(), "each user has a subjectRef of their own");
    }

    /** The classpath resource a {@code $ref} relative to asyncapi.yaml names. */
    private static String resource(JsonNode ref) {
        assertTrue(ref.path("$ref").isTextual(), "a $ref: " + ref);
        return URI.create(RESOURCE).resolve(ref.path("$ref").asText()).toString();
    }

    @Test
    void everyConsumedTopicsChannelHasADeadLetterTwinWithTheSameMessages() {
        Map<String, JsonNode> byAddress = new HashMap<>();
        for (Map.Entry<String, JsonNode> channel : fields(DOC.path("channels"))) {
            byAddress.put(channel.getValue().path("address").asText(), channel.getValue());
        }
        for (Map.Entry<String, JsonNode> entry : byAddress.entrySet()) {
            String address = entry.getKey();
            if (!Topics.WITH_DEAD_LETTERS.contains(address)) {
                // A dead-letter channel itself, or erasures, which no service consumes: it has none.
                assertFalse(byAddress.containsKey(Topics.deadLetter(address)), address + " has no dead-letter twin");
                continue;
            }
            JsonNode twin = byAddress.get(Topics.deadLetter(address));
            assertNotNull(twin, "channel for " + address + " needs a channel for " + Topics.deadLetter(address));
            assertEquals(messageRefs(entry.getValue()), messageRefs(twin),
                    Topics.deadLetter(address) + " carries the messages of " + address);
            assertEquals(1, twin.path("bindings").path("kafka").path("partitions").asInt(),
                    Topics.deadLetter(address) + " has one partition");
        }
    }

    private static Set<String> messageRefs(JsonNode channel) {
        Set<String> refs = new TreeSet<>();
        channel.path("messages").forEach(message -> refs.add(message.path("$ref").asText()));
        return refs;
    }

    @Test
    void operationsUseTheirChannelsMessagesAndEveryTopicHasOneProducer() {
        Map<String, Integer> sendersByChannel = new HashMap<>();
        for (Map.Entry<String, JsonNode> operation : fields(DOC.path("operations"))) {
            String name = operation.getKey();
            JsonNode op = operation.getValue();
            String action = op.path("action").asText();
            assertTrue(action.equals("send") || action.equals("receive"), name + ": action " + action);
            String channelRef = op.path("channel").path("$ref").asText();
            assertTrue(channelRef.startsWith("#/channels/"), name + ": channel must be a $ref to #/channels/...");
            // AsyncAPI 3.0: an operation's messages must be messages of its channel.
            assertFalse(op.path("messages").isEmpty(), name + " lists its messages");
            for (JsonNode message : op.path("messages")) {
                assertTrue(message.path("$ref").asText().startsWith(channelRef + "/messages/"),
                        name + ": message " + message.path("$ref").asText() + " must belong to " + channelRef);
            }
            if (action.equals("send")) {
                sendersByChannel.merge(channelRef.substring("#/channels/".length()), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, JsonNode> channel : fields(DOC.path("channels"))) {
            if (Topics.ALL.contains(channel.getValue().path("address").asText())) {
                assertEquals(1, sendersByChannel.getOrDefault(channel.getKey(), 0),
                        "channel " + channel.getKey() + " needs exactly one send operation (its producer)");
            }
        }
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }
}
