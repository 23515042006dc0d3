package io.crampcare.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One record of a dead-letter topic, as an operator reads it: where it sits, which event it is, and why it was parked
 * (SmallRye's {@code dead-letter-*} headers). The payload is left out: it may hold health data.
 *
 * @param partition       partition of the dead-letter topic
 * @param offset          offset there
 * @param ceId            the CloudEvent id ({@code ce_id}); null for a record that is not a CloudEvent
 * @param ceType          the CloudEvent type ({@code ce_type})
 * @param key             the record key (the person's subjectRef), as it was on the original topic
 * @param deadLetteredAt  when it was parked (the dead-letter record's timestamp)
 * @param reason          {@code dead-letter-reason}: the failure's message
 * @param exceptionClass  {@code dead-letter-exception-class-name}
 * @param cause           {@code dead-letter-cause}: the message of the failure's cause, if any
 * @param sourceTopic     {@code dead-letter-topic}: the topic it was consumed from
 * @param sourcePartition {@code dead-letter-partition}
 * @param sourceOffset    {@code dead-letter-offset}
 * @param replayedFrom    set when this record had been replayed before and failed again: the dead letter it was
 *                        replayed from ({@code <topic>-<partition>@<offset>})
 */
@Schema(name = "DeadLetter", requiredProperties = { "partition", "offset" })
public record DeadLetter(int partition, long offset, String ceId, String ceType, String key, Instant deadLetteredAt,
        String reason, String exceptionClass, String cause, String sourceTopic, Integer sourcePartition,
        Long sourceOffset, String replayedFrom) {

    static final String CE_ID = "ce_id";
    static final String CE_TYPE = "ce_type";
    // SmallRye's KafkaDeadLetterQueue writes these.
    static final String REASON = "dead-letter-reason";
    static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    static final String CAUSE = "dead-letter-cause";
    static final String SOURCE_TOPIC = "dead-letter-topic";
    static final String SOURCE_PARTITION = "dead-letter-partition";
    static final String SOURCE_OFFSET = "dead-letter-offset";
    /** Added to each replayed record, so that one which fails again shows where it came from. */
    static final String REPLAYED_FROM = "crampcare-replayed-from";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.partition(), record.offset(), header(record, CE_ID), header(record, CE_TYPE),
                key(record), deadLetteredAt(record), header(record, REASON), header(record, EXCEPTION_CLASS),
                header(record, CAUSE), header(record, SOURCE_TOPIC), number(header(record, SOURCE_PARTITION), Integer::valueOf),
                number(header(record, SOURCE_OFFSET), Long::valueOf), header(record, REPLAYED_FROM));
    }

    /** This record's place, as {@link #REPLAYED_FROM} names it. */
    static String address(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Instant deadLetteredAt(ConsumerRecord<?, ?> record) {
        return record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp());
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static <N> N number(String text, Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
