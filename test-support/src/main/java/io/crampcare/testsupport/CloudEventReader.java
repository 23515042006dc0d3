package io.crampcare.testsupport;

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
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * Reads a topic from the beginning the way an outside consumer would: the CloudEvents SDK's Kafka deserializer turns
 * each record's headers and value into a {@link CloudEvent} (and fails on headers that are not a valid CloudEvent).
 * Tests share one broker, so callers select their own events with a predicate (e.g. by user id).
 */
public final class CloudEventReader implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;

    public CloudEventReader(String bootstrapServers, String topic) {
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
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
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

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
