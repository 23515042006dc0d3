package io.crampcare.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.crampcare.contracts.ContractSchemas;
import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.sealed.EventSeal;
import io.crampcare.support.tracing.TraceContext;

/**
 * An outbox row as a Kafka record in the CloudEvents Kafka binding, binary mode: the sealed payload (a sealed-event.v1
 * document; the erasure event's plain payload) is the value, the key and {@code ce_subject} are the person's
 * subjectRef, the other attributes are {@code ce_*} headers, and the trace context of its publish span goes along as
 * {@code traceparent} (and {@code tracestate}) so that the consumer continues the trace.
 */
final class CloudEventsCodec {

    private final String source;

    /** @param source the CloudEvents {@code source} of every event this service publishes */
    CloudEventsCodec(String source) {
        this.source = source;
    }

    ProducerRecord<String, byte[]> toRecord(ClaimedEvent event, TraceContext trace) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id().toString());
        header(headers, "ce_source", source);
        header(headers, "ce_type", event.type());
        header(headers, "ce_dataschema", dataSchema(event.type()));
        header(headers, "ce_time", DateTimeFormatter.ISO_INSTANT.format(event.createdAt().toInstant()));
        if (event.subject() != null) {
            header(headers, "ce_subject", event.subject());
        }
        header(headers, "content-type", "application/json");
        if (trace != null) {
            trace.writeTo(headers);
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload().getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /**
     * The value's schema: the sealed event's (Outbox seals each as it is written; ce_type names what it holds), or
     * for the one unsealed type its own payload schema.
     */
    private static String dataSchema(String type) {
        boolean sealed = EventDescriptor.ofType(type).map(EventDescriptor::sealed).orElse(true);
        return (sealed ? EventSeal.DATA_SCHEMA : ContractSchemas.dataSchema(type).orElseThrow()).toString();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
