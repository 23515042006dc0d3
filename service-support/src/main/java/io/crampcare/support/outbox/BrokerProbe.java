package io.crampcare.support.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks the cluster, with short timeouts, what sending cannot tell: whether a topic exists (send() would block for its
 * metadata) and whether the cluster answers at all (whose failure it is when no row got through). Used by the relay's
 * worker thread only; its Admin client is made when first needed.
 */
final class BrokerProbe implements AutoCloseable {

    private static final int PROBE_TIMEOUT_MS = 2_000;

    private final Map<String, Object> adminSettings;
    private final Set<String> existingTopics = new HashSet<>();
    private Admin admin;

    BrokerProbe(Map<String, Object> adminSettings) {
        this.adminSettings = adminSettings;
    }

    /**
     * The topics among these that the broker says do not exist. Each topic is asked about once, then remembered as
     * existing; when the broker cannot be asked, none is taken as missing (sending will tell).
     */
    Set<String> missingTopics(Collection<String> topics) {
        Set<String> unknown = new HashSet<>(topics);
        unknown.removeAll(existingTopics);
        if (unknown.isEmpty()) {
            return Set.of();
        }
        Set<String> missing = new HashSet<>();
        try {
            Map<String, KafkaFuture<TopicDescription>> described = admin()
                    .describeTopics(unknown, new DescribeTopicsOptions().timeoutMs(PROBE_TIMEOUT_MS)).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
                try {
                    topic.getValue().get(PROBE_TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
                    existingTopics.add(topic.getKey());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        missing.add(topic.getKey());
                    }
                }
            }
        } catch (TimeoutException | KafkaException e) {
            // cannot tell now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return missing;
    }

    /** Whether the cluster answers at all (a short describe-cluster call), when no row of a batch got through. */
    boolean clusterAnswers() {
        try {
            return !admin().describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS)).nodes()
                    .get(PROBE_TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminSettings);
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
