package io.crampcare.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates CrampCare's topics, as listed in {@code topics.conf}, on a broker. Safe to run again: topics
 * that exist are left as they are. Used by the local stack (as a main) and by the tests' in-JVM broker.
 */
public final class TopicSetup {

    /** One line of {@code topics.conf}: name, partitions and topic configs ({@code key=value}, may be none). */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
        public TopicSpec {
            configs = Map.copyOf(configs);
        }

        public TopicSpec(String name, int partitions) {
            this(name, partitions, Map.of());
        }
    }

    private static final String PLAN_RESOURCE = "/io/crampcare/kafka/topics.conf";

    private TopicSetup() {
    }

    /** The topics the project uses, from {@code topics.conf} on the classpath. */
    public static List<TopicSpec> plan() {
        try (InputStream in = TopicSetup.class.getResourceAsStream(PLAN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PLAN_RESOURCE + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + PLAN_RESOURCE, e);
        }
    }

    static List<TopicSpec> parse(Reader source) throws IOException {
        List<TopicSpec> specs = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String content = line.replaceFirst("#.*", "").trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length < 2 || !fields[1].matches("[1-9][0-9]*")) {
                throw new IllegalArgumentException("topics.conf line " + number
                        + ": expected '<name> <partitions> [key=value ...]', got '" + line + "'");
            }
            Map<String, String> configs = new LinkedHashMap<>();
            for (int i = 2; i < fields.length; i++) {
                String[] pair = fields[i].split("=", 2);
                if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty()) {
                    throw new IllegalArgumentException("topics.conf line " + number + ": expected key=value, got '" + fields[i] + "'");
                }
                configs.put(pair[0], pair[1]);
            }
            specs.add(new TopicSpec(fields[0], Integer.parseInt(fields[1]), configs));
        }
        return List.copyOf(specs);
    }

    /** Creates every planned topic that does not exist yet; replication follows the broker's default. */
    public static void createAll(Admin admin, Duration timeout) throws InterruptedException, ExecutionException {
        List<NewTopic> topics = plan().stream()
                .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()).configs(spec.configs()))
                .toList();
        for (Map.Entry<String, ? extends Future<Void>> result : admin.createTopics(topics).values().entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            } catch (TimeoutException e) {
                throw new ExecutionException("Creating topic " + result.getKey() + " timed out after " + timeout, e);
            }
        }
    }

    /** Connects to a broker and creates the planned topics. */
    public static void createAll(String bootstrapServers, Duration timeout) throws InterruptedException, ExecutionException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            createAll(admin, timeout);
        } catch (TimeoutException e) {
            throw new ExecutionException("No Kafka broker answered at " + bootstrapServers + " within " + timeout, e);
        }
    }

    /**
     * {@code TopicSetup <bootstrap-servers> [timeout-seconds]}: waits until the broker serves, creates the
     * topics and lists them. Exit code 1 with one line on stderr when the broker does not answer in time.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: TopicSetup <bootstrap-servers> [timeout-seconds]");
            System.exit(2);
        }
        Duration timeout = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        try {
            createAll(args[0], timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("Topic setup failed: " + e.getMessage() + (cause != e ? " (" + cause + ")" : ""));
            System.exit(1);
        }
        Set<String> names = new TreeSet<>();
        plan().forEach(spec -> names.add(spec.name() + "(" + spec.partitions() + ")"));
        System.out.println("Topics ready: " + String.join(" ", names));
    }
}
