package io.crampcare.support.deadletter;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.crampcare.support.errors.Unavailable;
import io.crampcare.support.kafka.KafkaClients;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads dead-letter topics with a plain consumer: {@code assign()}, no consumer group, nothing committed, so reading
 * moves no offset of any consumer. A call reads from the beginning offsets to the end offsets taken when it starts;
 * what is parked meanwhile (a replayed record that fails again) waits for the next call, so a call always ends.
 * Keys and values are bytes, exactly as they were parked.
 */
@ApplicationScoped
public class DeadLetterLog {

    private static final Logger LOG = Logger.getLogger(DeadLetterLog.class);
    private static final Duration POLL = Duration.ofMillis(200);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;
    @Inject
    DeadLetterConfig config;
    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final AtomicInteger clients = new AtomicInteger();

    /** Where a topic's records begin and end now, per partition (ordered by partition). */
    public record Extent(List<TopicPartition> partitions, Map<TopicPartition, Long> beginning,
            Map<TopicPartition, Long> end) {

        /** Records the topic holds: end minus beginning offsets, summed. */
        public long held() {
            return partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        }
    }

    /** A consumer of this application's Kafka cluster for reading dead letters; the caller closes it. */
    Consumer<byte[], byte[]> newConsumer() {
        Map<String, Object> props = KafkaClients.settings(kafkaConfig,
                applicationName + "-dead-letters-" + clients.incrementAndGet());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // assign() only: no group, no commits
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.timeout().toMillis());
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The topic's partitions and their offsets now; a topic that does not exist has none. Assigns the consumer to them. */
    static Extent extent(Consumer<?, ?> consumer, String topic, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        if (partitions.isEmpty()) {
            return new Extent(partitions, Map.of(), Map.of());
        }
        // Assigned (nothing is fetched until a poll), else the client warns on every offset lookup.
        consumer.assign(partitions);
        return new Extent(partitions, consumer.beginningOffsets(partitions, timeout), consumer.endOffsets(partitions, timeout));
    }

    /**
     * Passes each record of {@code topic} that {@code filter} matches to {@code visitor}, partition by partition and
     * in offset order, from {@code start} to the end offsets taken now, until the visitor returns false. A time filter
     * starts each partition at the first record parked at or after {@code filter.from()}.
     *
     * @return the extent the scan was bounded by
     * @throws Unavailable when Kafka does not answer within {@code crampcare.dead-letters.timeout}
     */
    public Extent scan(String topic, DeadLetterPosition start, DeadLetterFilter filter,
            Predicate<ConsumerRecord<byte[], byte[]>> visitor) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try (Consumer<byte[], byte[]> consumer = newConsumer()) {
            Extent extent = extent(consumer, topic, config.timeout());
            for (TopicPartition partition : extent.partitions()) {
                if (partition.partition() < start.partition()) {
                    continue;
                }
                long from = extent.beginning().get(partition);
                if (partition.partition() == start.partition()) {
                    from = Math.max(from, start.offset());
                }
                if (filter.from() != null) {
                    OffsetAndTimestamp first = consumer.offsetsForTimes(Map.of(partition, filter.from().toEpochMilli()),
                            remaining(deadline)).get(partition);
                    from = first == null ? Long.MAX_VALUE : Math.max(from, first.offset());
                }
                if (!read(consumer, partition, from, extent.end().get(partition), deadline, filter, visitor)) {
                    break;
                }
            }
            return extent;
        } catch (KafkaException e) {
            LOG.warnf("Reading %s failed: %s", topic, e.toString());
            throw unavailable("Kafka did not answer in time (" + e.getClass().getSimpleName() + ").");
        }
    }

    /** Reads one partition over [from, end); false when the visitor asked to stop. */
    private static boolean read(Consumer<byte[], byte[]> consumer, TopicPartition partition, long from, long end,
            long deadline, DeadLetterFilter filter, Predicate<ConsumerRecord<byte[], byte[]>> visitor) {
        if (from >= end) {
            return true;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        // The position, not the last offset seen: it also moves past gaps (transaction markers, deleted records).
        while (consumer.position(partition, remaining(deadline)) < end) {
            if (System.nanoTime() > deadline) {
                throw unavailable("Reading " + partition + " did not reach its end offset in time.");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() >= end) {
                    return true;
                }
                if (filter.matches(record) && !visitor.test(record)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
    }

    static Unavailable unavailable(String detail) {
        return new Unavailable(detail + " Try again; listing and replaying are safe to repeat.", Duration.ofSeconds(5));
    }
}
