package io.crampcare.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all().get();
                List<String> waiting = groups.stream().filter(g -> !assigned(descriptions.get(g))).toList();
                if (waiting.isEmpty()) {
                    System.out.println("Consumer groups stable: " + String.join(" ", groups));
                    return;
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("Consumer groups not stable in time: " + String.join(" ", waiting));
                    System.exit(1);
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean assigned(ConsumerGroupDescription group) {
        return group != null && group.groupState() == GroupState.STABLE
                && group.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }
}
