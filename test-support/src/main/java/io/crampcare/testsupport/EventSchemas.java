package io.crampcare.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

/**
 * Checks event payloads against the JSON Schemas in event-contracts. Integration tests call
 * {@link #assertValid(String, String)} on every event a service produces.
 * <p>
 * Convention from CloudEvents type to schema resource: {@code io.crampcare.<entity>.<action>.v<N>} maps to
 * {@code schemas/<entity>-<action>.v<N>.json} on the classpath, for example
 * {@code io.crampcare.cramp-report.submitted.v1} -> {@code schemas/cramp-report-submitted.v1.json}. A new event
 * type therefore needs only its schema file, named by this rule, in event-contracts.
 */
public final class EventSchemas {

    private static final Pattern TYPE = Pattern.compile("io\\.crampcare\\.([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)\\.(v[1-9][0-9]*)");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // Draft 2020-12 makes "format" an annotation by default; the contracts mean it (uuid, date-time), so assert it.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_PATH) // "$.severity: ..." reads better than a bare JSON pointer
                    .build()));

    /** Each schema is read and compiled once per JVM, on first use. */
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The classpath resource holding the payload schema of {@code ceType}, by the convention above. */
    public static String schemaResource(String ceType) {
        Matcher m = TYPE.matcher(ceType == null ? "" : ceType);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a CrampCare CloudEvents type: '" + ceType
                    + "' (expected io.crampcare.<entity>.<action>.v<N>, e.g. io.crampcare.cramp-report.submitted.v1)");
        }
        return "schemas/" + m.group(1) + "-" + m.group(2) + "." + m.group(3) + ".json";
    }

    /** Schema violations of {@code payloadJson} as event type {@code ceType}, one line each; empty when valid. */
    public static List<String> violations(String ceType, String payloadJson) {
        Schema schema = SCHEMAS.computeIfAbsent(ceType, EventSchemas::load);
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
            throw new AssertionError("payload of " + ceType + " does not match " + schemaResource(ceType) + ":\n  "
                    + String.join("\n  ", violations) + "\npayload: " + payloadJson);
        }
    }

    private static Schema load(String ceType) {
        String resource = schemaResource(ceType);
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown event type " + ceType + ": no schema " + resource
                        + " on the classpath (add it to event-contracts)");
            }
            return REGISTRY.getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
