package io.crampcare.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import io.crampcare.contracts.sealed.EventSeal;

/**
 * Produces records the way a CrampCare producer does (CloudEvents binary mode: {@code ce_*} headers, the JSON payload
 * sealed with its person's key from the key ring as value, key = the person's subjectRef), or any raw value, so that
 * consumer tests can feed a topic, including duplicates and poison. Callers name the person by user id and give the
 * plain payload; a payload that is not JSON, or breaks its schema, is sealed all the same (poison inside the seal).
 */
public final class CloudEventWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String bootstrapServers;
    private final TestKeyring keyring;

    /** A writer for the tests of a service: the key ring is the one of the service under test's database. */
    public CloudEventWriter(String bootstrapServers) {
        this(bootstrapServers, TestKeyring.ofServiceUnderTest());
    }

    public CloudEventWriter(String bootstrapServers, TestKeyring keyring) {
        this.keyring = keyring;
        this.bootstrapServers = bootstrapServers;
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends one CloudEvent and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String id, String type, String source, String json) {
        send(topic, key, id, type, source, json, null);
    }

    /** Sends one CloudEvent in a trace: with a {@code traceparent} header (none when null). */
    public void send(String topic, String key, String id, String type, String source, String json, String traceparent) {
        Sealed sealed = seal(key, id, type, json);
        RecordHeaders headers = new RecordHeaders();
        addCloudEventHeaders(headers, sealed.key(), id, type, source);
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        sendRecord(new ProducerRecord<>(topic, null, sealed.key(), sealed.value(), headers));
    }

    /** A record's key and value as a producer writes them: the person's subjectRef, and the payload sealed. */
    private record Sealed(String key, String value) {
    }

    /** Seals {@code json} for the event with the person's key (a record without a person or id stays as it is). */
    private Sealed seal(String userId, String id, String type, String json) {
        if (userId == null || id == null || type == null || json == null) {
            return new Sealed(userId, json);
        }
        TestKeyring.Key key = keyring.keyOf(userId);
        return new Sealed(key.subjectRef().toString(), keyring.seal(key, id, type, json));
    }

    /** The subjectRef a producer keys the person's events by. */
    public String subjectRefOf(String userId) {
        return keyring.keyOf(userId).subjectRef().toString();
    }

    /** Sends one CloudEvent that names {@code dataSchema} as its payload schema instead of its type's (a forgery). */
    public void sendNamingSchema(String topic, String key, String id, String type, String source, String json,
            String dataSchema) {
        Sealed sealed = seal(key, id, type, json);
        RecordHeaders headers = new RecordHeaders();
        addCloudEventHeaders(headers, sealed.key(), id, type, source);
        headers.remove("ce_dataschema");
        headers.add("ce_dataschema", dataSchema.getBytes(StandardCharsets.UTF_8));
        sendRecord(new ProducerRecord<>(topic, null, sealed.key(), sealed.value(), headers));
    }

    /**
     * Parks one CloudEvent in {@code <topic>.dlq} the way SmallRye's dead-letter-queue strategy does after
     * {@code exception} (failure headers first, then the original record's headers, key and value), as if it had been
     * consumed from {@code topic} at the given partition and offset.
     */
    public void deadLetter(String topic, int partition, long offset, Throwable exception, String key, String id,
            String type, String source, String json) {
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> failure = new LinkedHashMap<>();
        failure.put("dead-letter-exception-class-name", exception.getClass().getName());
        failure.put("dead-letter-reason", String.valueOf(exception.getMessage()));
        if (exception.getCause() != null) {
            failure.put("dead-letter-cause-class-name", exception.getCause().getClass().getName());
            failure.put("dead-letter-cause", String.valueOf(exception.getCause().getMessage()));
        }
        failure.put("dead-letter-topic", topic);
        failure.put("dead-letter-partition", Integer.toString(partition));
        failure.put("dead-letter-offset", Long.toString(offset));
        failure.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        Sealed sealed = seal(key, id, type, json);
        addCloudEventHeaders(headers, sealed.key(), id, type, source);
        sendRecord(new ProducerRecord<>(topic + ".dlq", null, sealed.key(), sealed.value(), headers));
    }

    /** The headers the outbox relay writes, {@code ce_dataschema} (the sealed event's) included. */
    private static void addCloudEventHeaders(RecordHeaders headers, String key, String id, String type, String source) {
        Map<String, String> cloudEvent = new LinkedHashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_type", type, "ce_source", source, "ce_time", Instant.now().toString(),
                "content-type", "application/json", "ce_dataschema", EventSeal.DATA_SCHEMA.toString()));
        if (key != null) {
            cloudEvent.put("ce_subject", key);
        }
        cloudEvent.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** One record of {@link #sendTogether}: a CloudEvent, or a raw value when {@code type} is null. */
    public record Together(String key, String id, String type, String source, String json) {

        /** A record with no CloudEvents headers at all. */
        public static Together raw(String key, String value) {
            return new Together(key, null, null, null, value);
        }
    }

    /**
     * Sends records to one partition of {@code topic} in one produce request (one record batch on the broker), so
     * that a consumer's next poll returns them together, in this order.
     */
    public void sendTogether(String topic, int partition, List<Together> records) {
        try (KafkaProducer<String, String> together = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 60_000, // nothing leaves before the flush
                ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Together record : records) {
                RecordHeaders headers = new RecordHeaders();
                Sealed sealed = record.type() == null ? new Sealed(record.key(), record.json())
                        : seal(record.key(), record.id(), record.type(), record.json());
                if (record.type() != null) {
                    addCloudEventHeaders(headers, sealed.key(), record.id(), record.type(), record.source());
                }
                sent.add(together.send(new ProducerRecord<>(topic, partition, sealed.key(), sealed.value(), headers)));
            }
            together.flush();
            for (Future<RecordMetadata> each : sent) {
                each.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Sending " + records.size() + " records to " + topic + " failed", e);
        }
    }

    /** Sends a record with no CloudEvents headers at all. */
    public void sendRaw(String topic, String key, String value) {
        sendRecord(new ProducerRecord<>(topic, key, value));
    }

    private void sendRecord(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Sending to " + record.topic() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
