package io.crampcare.support.inbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;

import io.crampcare.contracts.ContractResources;
import io.crampcare.contracts.ContractSchemas;
import io.crampcare.contracts.sealed.EventSeal;

/**
 * Whether a consumed payload keeps its event type's contract, before anything applies it: the type's JSON Schema from
 * event-contracts, read as the catalogue's versioning rules ask of a reader. Within a {@code .v1} type a newer
 * producer may add properties and enum constants, so those two are open here (an unknown property passes, an enum
 * value need only be of the enum's type; what an unknown constant means stays the consumer's decision, see
 * {@link EventJson}). Everything else the schema says holds: types, required properties, formats, ranges, lengths,
 * patterns and its conditions (no water plan in an EMERGENCY advice, nothing left to drink under the overdrinking
 * guard). Each type's schema is read and compiled once, on first use; validators are thread-safe.
 */
final class EventSchemaCheck {

    /** Violations named in a poison record's reason; a forged payload can break hundreds of rules. */
    private static final int NAMED = 5;
    private static final ObjectMapper SCHEMA_READER = new ObjectMapper();

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /**
     * Throws {@link PoisonMessageException} naming what {@code payload} breaks, when it does not keep the contract of
     * {@code ceType}.
     */
    void requireValid(String ceType, JsonNode payload, String eventId) {
        List<String> violations = violations(ceType, payload);
        if (!violations.isEmpty()) {
            String named = String.join("; ", violations.subList(0, Math.min(NAMED, violations.size())));
            String more = violations.size() > NAMED ? " (and " + (violations.size() - NAMED) + " more)" : "";
            throw new PoisonMessageException("Event " + eventId + " breaks the contract of " + ceType + ": " + named
                    + more);
        }
    }

    /**
     * Throws {@link PoisonMessageException} when the record names a value schema ({@code ce_dataschema}) other than
     * the sealed event's: a producer that says it wrote another contract must not be read as this one. Records
     * without the header (hand-made ones) pass, and their value is checked as any other.
     */
    void requireDeclaredSchema(String ceType, String dataSchema, String eventId) {
        String expected = EventSeal.DATA_SCHEMA.toString();
        if (dataSchema != null && !dataSchema.equals(expected)) {
            throw new PoisonMessageException("Event " + eventId + " of type " + ceType + " names the schema "
                    + dataSchema + ", not " + expected);
        }
    }

    /** What {@code payload} breaks of the contract of {@code ceType}, one line each; empty when it keeps it. */
    List<String> violations(String ceType, JsonNode payload) {
        return schemas.computeIfAbsent(ceType, EventSchemaCheck::compile).validate(payload).stream()
                .map(Object::toString).toList();
    }

    private static Schema compile(String ceType) {
        return ContractSchemas.compile(readersView(ContractResources.readTree(ContractSchemas.resource(ceType),
                SCHEMA_READER)));
    }

    /**
     * The schema as a reader applies it: {@code additionalProperties: false} (there to hold producers to the current
     * contract) and {@code enum} lists dropped wherever they appear. An enum without a {@code type} beside it stays
     * closed, since nothing would be left to check of it.
     */
    static JsonNode readersView(JsonNode schema) {
        JsonNode view = schema.deepCopy();
        open(view);
        return view;
    }

    private static void open(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("additionalProperties").isBoolean() && !object.get("additionalProperties").booleanValue()) {
                object.remove("additionalProperties");
            }
            if (object.path("enum").isArray() && object.has("type")) {
                object.remove("enum");
            }
        }
        node.forEach(EventSchemaCheck::open);
    }
}
