package io.crampcare.testsupport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;

import io.cloudevents.CloudEvent;
import io.crampcare.contracts.ContractResources;
import io.crampcare.contracts.ContractSchemas;

/**
 * Checks event payloads against the JSON Schemas in event-contracts, as they are (strictly: producers are held to the
 * current contract). Integration tests call {@link #assertValid(String, String)} on every event a service produces.
 * The schema of a type is found by {@link ContractSchemas#resource(String)}'s convention, so a new event type needs
 * only its schema file in event-contracts.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SEALED = "schemas/sealed-event.v1.json";

    /** Each schema is read and compiled once per JVM, on first use. */
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Schema violations of {@code payloadJson} as event type {@code ceType}, one line each; empty when valid. */
    public static List<String> violations(String ceType, String payloadJson) {
        return violations(SCHEMAS.computeIfAbsent(ceType, EventSchemas::load), payloadJson);
    }

    /** Schema violations of a record value as a sealed event (sealed-event.v1), one line each; empty when valid. */
    public static List<String> sealedViolations(String value) {
        return violations(SCHEMAS.computeIfAbsent(SEALED, resource -> ContractSchemas.compile(
                ContractResources.readTree(resource, MAPPER))), value);
    }

    private static List<String> violations(Schema schema, String payloadJson) {
        JsonNode payload;
        try {
            payload = MAPPER.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            return List.of("payload is not JSON: " + e.getOriginalMessage());
        }
        if (payload == null || payload.isMissingNode()) {
            return List.of("payload is empty");
        }
        return schema.validate(payload).stream().map(Object::toString).collect(Collectors.toList());
    }

    /** Throws an {@link AssertionError} listing every violation when the payload does not match its schema. */
    public static void assertValid(String ceType, String payloadJson) {
        List<String> violations = violations(ceType, payloadJson);
        if (!violations.isEmpty()) {
            throw new AssertionError("payload of " + ceType + " does not match " + ContractSchemas.resource(ceType) + ":\n  "
                    + String.join("\n  ", violations) + "\npayload: " + payloadJson);
        }
    }

    /**
     * Throws an {@link AssertionError} unless {@code event}, as a producer published it, keeps its contract: its
     * {@code dataschema} is the {@code $id} of its type's schema file, and its payload matches that schema.
     */
    public static void assertValid(CloudEvent event) {
        URI schemaId = URI.create(ContractResources.readTree(ContractSchemas.resource(event.getType()), MAPPER)
                .path("$id").asText());
        if (!schemaId.equals(event.getDataSchema())) {
            throw new AssertionError("event " + event.getId() + " of " + event.getType() + ": ce_dataschema "
                    + event.getDataSchema() + ", expected its schema's $id " + schemaId);
        }
        assertValid(event.getType(), event.getData() == null ? ""
                : new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    private static Schema load(String ceType) {
        return ContractSchemas.compile(ContractResources.readTree(ContractSchemas.resource(ceType), MAPPER));
    }
}
