package io.crampcare.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.crampcare.contracts.ContractSchemas;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Reads a topic from the beginning the way an outside consumer would: the CloudEvents SDK's Kafka deserializer turns
 * each record's headers and value into a {@link CloudEvent} (and fails on headers that are not a valid CloudEvent).
 * Then, as a service would, it opens each sealed record with the key ring: the record handed on has the person's
 * user id as key and subject, the plain payload as data and the type's payload schema as dataschema (headers as they
 * were). A record that does not open (a shredded key, not sealed) is handed on as it came; {@link #sealed} reads them
 * all as they came. Tests share one broker, so callers select their own events with a predicate (e.g. by user id).
 */
public final class CloudEventReader implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final TestKeyring keyring;

    /** A reader for the tests of a service: records opened with the service under test's key ring. */
    public CloudEventReader(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, TestKeyring.ofServiceUnderTest());
    }

    /** A reader that leaves every record as it is on the topic. */
    public static CloudEventReader sealed(String bootstrapServers, String topic) {
        return new CloudEventReader(bootstrapServers, topic, null);
    }

    /** A reader that opens records with {@code keyring} (none: leaves them sealed). */
    public CloudEventReader(String bootstrapServers, String topic, TestKeyring keyring) {
        this.keyring = keyring;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Polls until {@code expected} matching records arrived, then a little longer (so that duplicates would show),
     * or until the timeout. Returns every matching record seen, in partition order.
     */
    public List<ConsumerRecord<String, CloudEvent>> await(Predicate<ConsumerRecord<String, CloudEvent>> matching,
            int expected, Duration timeout) {
        List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long settleUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settleUntil)) {
            for (ConsumerRecord<String, CloudEvent> polled : consumer.poll(Duration.ofMillis(200))) {
                ConsumerRecord<String, CloudEvent> record = opened(polled);
                if (matching.test(record)) {
                    seen.add(record);
                }
            }
            if (seen.size() >= expected && settleUntil == Long.MAX_VALUE) {
                settleUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
        }
        return seen;
    }

    private ConsumerRecord<String, CloudEvent> opened(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (keyring == null || event == null || event.getData() == null) {
            return record;
        }
        return keyring.open(record.key(), event.getId(), event.getType(),
                new String(event.getData().toBytes(), StandardCharsets.UTF_8)).map(opened -> {
                    CloudEventBuilder plain = CloudEventBuilder.v1(event).withSubject(opened.userId())
                            .withData(event.getDataContentType(), opened.payload().getBytes(StandardCharsets.UTF_8));
                    ContractSchemas.dataSchema(event.getType()).ifPresent(plain::withDataSchema);
                    return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                            record.timestamp(), record.timestampType(), record.serializedKeySize(),
                            record.serializedValueSize(), opened.userId(), plain.build(), record.headers(),
                            record.leaderEpoch());
                }).orElse(record);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
