package io.crampcare.support.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.sealed.EventSeal;
import io.crampcare.support.privacy.SubjectKey;
import io.crampcare.support.tracing.TraceContext;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Reads a consumed record (binary mode: {@code ce_*} headers, a sealed payload as value, keyed by its person's
 * subjectRef) as an event of its channel's {@link EventKind}, opened with the person's key, or says why it never can
 * be ({@link PoisonMessageException}): not a CloudEvent of the expected type, naming another schema in
 * {@code ce_dataschema}, not a sealed event of a subject the key ring knows, not opening with that key (forged or
 * changed), not JSON, breaking the type's JSON Schema ({@link EventSchemaCheck}), naming another person than its key,
 * or lacking what the channel's effect needs. A record of a person whose key is shredded (erased) is neither: it is
 * {@link ErasedSubjectEvent}.
 */
@ApplicationScoped
public class EventReader {

    // Consumers read leniently (EventJson): a newer producer may add fields and enum constants within a .v1 type.
    private final ObjectMapper reader;
    private final EventSchemaCheck schemas = new EventSchemaCheck();

    EventReader(ObjectMapper objectMapper) {
        this.reader = EventJson.reader(objectMapper);
    }

    /**
     * The record as an event of {@code kind}, continuing {@code trace}; its key is the person's user id.
     *
     * @param keys the key ring's entries of the batch's subjectRefs ({@link #subjectRefOf})
     */
    public <T> InboxEvent<T> read(KafkaRecord<String, String> record, EventKind<T> kind, TraceContext trace,
            Map<UUID, SubjectKey> keys) {
        String eventId = header(record.getHeaders(), "ce_id");
        String type = header(record.getHeaders(), "ce_type");
        if (eventId == null || !kind.type().equals(type)) {
            throw new PoisonMessageException("Not a " + kind.type() + " CloudEvent (ce_id " + eventId + ", ce_type "
                    + type + ")");
        }
        schemas.requireDeclaredSchema(type, header(record.getHeaders(), "ce_dataschema"), eventId);
        SubjectKey key = keyOf(record, keys, eventId);
        String opened;
        try {
            opened = EventSeal.read(record.getPayload()).open(key.secret(), eventId, type);
        } catch (EventSeal.NotSealed e) {
            throw new PoisonMessageException("Event " + eventId + " is not a sealed event of its subject: "
                    + e.getMessage(), e);
        }
        T payload = parse(opened, type, kind.payloadType(), eventId);
        if (!key.userId().equals(kind.event().keyOf(payload))) {
            throw new PoisonMessageException("Event " + eventId + " is about another person than its subject");
        }
        kind.requireComplete().accept(eventId, payload);
        return new InboxEvent<>(eventId, key.userId(), payload, trace);
    }

    /** The subjectRef a record's key names, or null when it names none. */
    public static UUID subjectRefOf(KafkaRecord<String, String> record) {
        return SubjectKey.refOf(record.getKey());
    }

    private static SubjectKey keyOf(KafkaRecord<String, String> record, Map<UUID, SubjectKey> keys, String eventId) {
        UUID subjectRef = subjectRefOf(record);
        SubjectKey key = subjectRef == null ? null : keys.get(subjectRef);
        if (key == null) {
            throw new PoisonMessageException("Event " + eventId + " is keyed by no subject the key ring knows");
        }
        if (key.shredded()) {
            throw new ErasedSubjectEvent(eventId);
        }
        return key;
    }

    /**
     * The payload as {@code payloadType}, once it is JSON that keeps the contract of {@code type}. The check and the
     * binding read the same tree (one parse), so what is checked is exactly what is applied. The reasons name places,
     * never the parser's words: those quote the opened payload, and a reason travels in clear beside the sealed record
     * on the dead-letter topic (dead-letter-reason, and dead-letter-cause from a cause, so none is passed on).
     */
    private <T> T parse(String json, String type, Class<T> payloadType, String eventId) {
        JsonNode tree;
        try {
            tree = json == null ? null : reader.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Event " + eventId + " is not JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new PoisonMessageException("Event " + eventId + " has no payload");
        }
        schemas.requireValid(type, tree, eventId);
        try {
            return reader.treeToValue(tree, payloadType);
        } catch (Exception e) {
            throw new PoisonMessageException("Event " + eventId + " is not a valid " + payloadType.getSimpleName()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
