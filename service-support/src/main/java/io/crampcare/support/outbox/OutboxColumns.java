package io.crampcare.support.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.contracts.sealed.EventSeal;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.privacy.SubjectKey;
import io.crampcare.support.tracing.TraceContext;

/**
 * Events to insert as the outbox insert's column arrays (one array per column, in the messages' order), with their
 * new ids and the trace each continues: a message's own, else the one current when it is written.
 */
final class OutboxColumns {

    private final UUID[] ids;
    private final String[] topics;
    private final String[] keys;
    private final String[] types;
    private final String[] payloads;
    private final String[] times;
    private final String[] traceparents;
    private final String[] tracestates;

    /** @param subjectKeys the sealing key of each sealed message's person, by user id */
    OutboxColumns(List<Outbox.Message> messages, ObjectMapper objectMapper, Map<String, SubjectKey> subjectKeys) {
        int size = messages.size();
        ids = new UUID[size];
        topics = new String[size];
        keys = new String[size];
        types = new String[size];
        payloads = new String[size];
        times = new String[size];
        traceparents = new String[size];
        tracestates = new String[size];
        TraceContext current = TraceContext.current();
        try {
            for (int i = 0; i < size; i++) {
                Outbox.Message message = messages.get(i);
                TraceContext trace = message.trace() != null ? message.trace() : current;
                if (trace != null) {
                    traceparents[i] = trace.traceparent();
                    tracestates[i] = trace.tracestate();
                }
                ids[i] = TimeOrderedIds.next();
                topics[i] = message.event().topic();
                types[i] = message.event().type();
                String payload = objectMapper.writeValueAsString(message.payload());
                if (message.event().sealed()) {
                    SubjectKey key = subjectKeys.get(message.key());
                    keys[i] = key.subjectRef().toString();
                    payloads[i] = EventSeal.seal(key.subjectRef(), key.secret(), ids[i].toString(), types[i], payload);
                } else {
                    keys[i] = message.key(); // the subjectRef of an erasure: its key is being shredded
                    payloads[i] = payload;
                }
                times[i] = message.time().toString(); // ISO-8601 in UTC; the statement casts it
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Serializing an event for the outbox failed", e);
        }
    }

    int size() {
        return ids.length;
    }

    /** The new events' ids (their CloudEvents {@code id}s), in the messages' order. */
    UUID[] ids() {
        return ids;
    }

    /** The insert's parameters by name. An event's CloudEvents subject is its key: whose event it is (subjectRef). */
    Map<String, Object> parameters() {
        return Map.of("ids", ids, "topics", topics, "keys", keys, "types", types, "subjects", keys, "payloads",
                payloads, "times", times, "traceparents", traceparents, "tracestates", tracestates);
    }
}
