package io.crampcare.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * Waits until consumer groups are stable with partitions assigned, so that "up" means a report posted now is
 * consumed now, not after the group's first rebalance.
 * Usage: {@code ConsumerGroups <bootstrap> <timeout-seconds> <group>...}; exit 1 on timeout.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ConsumerGroups <bootstrap> <timeout-seconds> <group>...");
            System.exit(2);
        }
        List<String> groups = List.of(args).subList(2, args.length);
        List<String> waiting = await(args[0], groups, ConsumerGroups::assigned,
                Duration.ofSeconds(Long.parseLong(args[1])));
        if (!waiting.isEmpty()) {
            System.err.println("Consumer groups not stable in time: " + String.join(" ", waiting));
            System.exit(1);
        }
        System.out.println("Consumer groups stable: " + String.join(" ", groups));
    }

    /**
     * Polls the groups' descriptions until each satisfies {@code ready} or the timeout passes.
     *
     * @return the groups still not ready (empty when all are)
     */
    public static List<String> await(String bootstrapServers, List<String> groups,
            Predicate<ConsumerGroupDescription> ready, Duration timeout) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get();
                List<String> waiting = groups.stream().filter(g -> !ready.test(descriptions.get(g))).toList();
                if (waiting.isEmpty() || System.nanoTime() > deadline) {
                    return waiting;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Stable, and at least one member holds partitions. */
    public static boolean assigned(ConsumerGroupDescription group) {
        return group != null && group.groupState() == GroupState.STABLE
                && group.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }
}
