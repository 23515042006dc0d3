package io.crampcare.support.inbox;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.support.tracing.TraceContext;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Reads a consumed record (binary mode: {@code ce_*} headers, JSON text value) as an event of its channel's
 * {@link EventKind}, or says why it never can be ({@link PoisonMessageException}): not a CloudEvent of the expected
 * type, naming another payload schema in {@code ce_dataschema}, not JSON, breaking the type's JSON Schema
 * ({@link EventSchemaCheck}), or lacking what the channel's effect needs.
 */
@ApplicationScoped
public class EventReader {

    // Consumers read leniently (EventJson): a newer producer may add fields and enum constants within a .v1 type.
    private final ObjectMapper reader;
    private final EventSchemaCheck schemas = new EventSchemaCheck();

    EventReader(ObjectMapper objectMapper) {
        this.reader = EventJson.reader(objectMapper);
    }

    /** The record as an event of {@code kind}, continuing {@code trace}. */
    public <T> InboxEvent<T> read(KafkaRecord<String, String> record, EventKind<T> kind, TraceContext trace) {
        String eventId = header(record.getHeaders(), "ce_id");
        String type = header(record.getHeaders(), "ce_type");
        if (eventId == null || !kind.type().equals(type)) {
            throw new PoisonMessageException("Not a " + kind.type() + " CloudEvent (ce_id " + eventId + ", ce_type "
                    + type + ")");
        }
        schemas.requireDeclaredSchema(type, header(record.getHeaders(), "ce_dataschema"), eventId);
        T payload = parse(record.getPayload(), type, kind.payloadType(), eventId);
        kind.requireComplete().accept(eventId, payload);
        return new InboxEvent<>(eventId, record.getKey(), payload, trace);
    }

    /**
     * The payload as {@code payloadType}, once it is JSON that keeps the contract of {@code type}. The check and the
     * binding read the same tree (one parse), so what is checked is exactly what is applied.
     */
    private <T> T parse(String json, String type, Class<T> payloadType, String eventId) {
        JsonNode tree;
        try {
            tree = json == null ? null : reader.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Event " + eventId + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new PoisonMessageException("Event " + eventId + " has no payload");
        }
        schemas.requireValid(type, tree, eventId);
        try {
            return reader.treeToValue(tree, payloadType);
        } catch (Exception e) {
            throw new PoisonMessageException("Event " + eventId + " is not a valid " + payloadType.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
