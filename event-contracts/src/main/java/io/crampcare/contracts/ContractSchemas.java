package io.crampcare.contracts;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;

/**
 * The payload JSON Schemas, read one way by all who check events: the contract tests here, the services' tests of what
 * they produce (test-support EventSchemas) and the consumers' check of what they apply (service-support
 * EventSchemaCheck). Callers need Jackson and the JSON Schema validator on their classpath (optional here).
 */
public final class ContractSchemas {

    /** Where the schemas' {@code $id}s live; a schema's {@code $id} is this plus its file name. */
    private static final URI SCHEMA_BASE = URI.create("https://crampcare.io/schemas/");

    private static final Pattern TYPE = Pattern.compile("io\\.crampcare\\.([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)\\.(v[1-9][0-9]*)");

    // Every relay publish and every consumed record asks for its type's dataschema: the known types' are resolved once.
    private static final Map<String, URI> DATA_SCHEMAS = EventTypes.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), type -> resolve(type).orElseThrow()));

    // Draft 2020-12 makes "format" an annotation by default; the contracts mean it (uuid, date-time), so assert it.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_PATH) // "$.severity: ..." reads better than a bare JSON pointer
                    .build()));

    private ContractSchemas() {
    }

    /**
     * The classpath resource holding the payload schema of {@code ceType}, by convention:
     * {@code io.crampcare.<entity>.<action>.v<N>} -> {@code schemas/<entity>-<action>.v<N>.json}, e.g.
     * {@code io.crampcare.cramp-report.submitted.v1} -> {@code schemas/cramp-report-submitted.v1.json}. A new event
     * type therefore needs only its schema file, named by this rule.
     *
     * @throws IllegalArgumentException when {@code ceType} is not a CrampCare type
     */
    public static String resource(String ceType) {
        Matcher m = TYPE.matcher(ceType == null ? "" : ceType);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a CrampCare CloudEvents type: '" + ceType
                    + "' (expected io.crampcare.<entity>.<action>.v<N>, e.g. io.crampcare.cramp-report.submitted.v1)");
        }
        return "schemas/" + fileName(m);
    }

    private static String fileName(Matcher type) {
        return type.group(1) + "-" + type.group(2) + "." + type.group(3) + ".json";
    }

    /**
     * The CloudEvents {@code dataschema} of {@code ceType}: the absolute URI of its payload schema, the {@code $id} of
     * the file {@link #resource(String)} names, e.g. {@code https://crampcare.io/schemas/cramp-report-submitted.v1.json}.
     * The sealed payload of an event of that type keeps it (the record's own {@code ce_dataschema} names the sealed
     * event, {@link io.crampcare.contracts.sealed.EventSeal#DATA_SCHEMA}). Empty when {@code ceType} is not a CrampCare
     * type.
     */
    public static Optional<URI> dataSchema(String ceType) {
        URI known = ceType == null ? null : DATA_SCHEMAS.get(ceType);
        return known != null ? Optional.of(known) : resolve(ceType);
    }

    private static Optional<URI> resolve(String ceType) {
        Matcher m = TYPE.matcher(ceType == null ? "" : ceType);
        return m.matches() ? Optional.of(SCHEMA_BASE.resolve(fileName(m))) : Optional.empty();
    }

    /** The validator for a schema given as a tree (thread-safe, reusable): draft 2020-12, formats asserted. */
    public static Schema compile(JsonNode schema) {
        return REGISTRY.getSchema(schema);
    }
}
