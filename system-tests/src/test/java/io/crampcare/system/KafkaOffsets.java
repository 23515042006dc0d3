package io.crampcare.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Where topics end and how far consumer groups have committed, read with an admin client: "a consumer is past this
 * record" and "nothing is left to consume" as conditions a test can wait on. Survives broker restarts.
 */
final class KafkaOffsets implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;
    private final Admin admin;

    KafkaOffsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** The next offset to be written, per partition of the topics. */
    Map<TopicPartition, Long> ends(Collection<String> topics) {
        Set<TopicPartition> partitions = get(admin.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all())
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The group's committed offset (the next record it will consume) per partition; 0 where it committed none. */
    long committed(String group, TopicPartition partition) {
        OffsetAndMetadata offset = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).get(partition);
        return offset == null ? 0 : offset.offset();
    }

    /** Records of the topics the group has not committed yet, summed over their partitions. */
    long lag(String group, Collection<String> topics) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return ends(topics).entrySet().stream().mapToLong(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            return Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
        }).sum();
    }

    /**
     * Removes every member from the group, as the broker does once a killed consumer's session has timed out (45 s by
     * default): the group is empty at once, so its offsets can be moved and a restarted service joins without waiting.
     */
    void removeMembers(String group) {
        get(admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all());
    }

    /**
     * Sets the group's committed offsets of these partitions, as if it had committed nothing past them: the group must
     * be empty ({@link #removeMembers}).
     */
    void rewind(String group, Map<TopicPartition, Long> offsets) {
        get(admin.alterConsumerGroupOffsets(group, offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, o -> new OffsetAndMetadata(o.getValue())))).all());
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
