package io.crampcare.testsupport;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import io.crampcare.kafka.TopicSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker for tests, with CrampCare's topics created. In order of precedence:
 * <ol>
 * <li>{@code KAFKA_BOOTSTRAP_SERVERS} is set: that broker is used (Quarkus reads the variable itself);</li>
 * <li>the tests run on containers ({@code CRAMPCARE_TEST_INFRA=containers}): Testcontainers starts the image
 * docker-compose.yml runs ({@value #CONTAINER_IMAGE}, or {@code CRAMPCARE_TEST_KAFKA_IMAGE}); Quarkus' Kafka Dev
 * Services stay off ({@link DevServicesSwitch}): they run only Redpanda, Strimzi or kafka-native images;</li>
 * <li>otherwise a single-node KRaft broker starts inside the test JVM (Kafka's own test kit).</li>
 * </ol>
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(KafkaTestResource.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);
    /** The broker image of docker-compose.yml (deploy/images/build.sh builds it where no registry answers). */
    static final String CONTAINER_IMAGE = "apache/kafka:4.1.2";

    private KafkaContainer container;

    private KafkaClusterTestKit cluster;
    private String bootstrapServers;

    @Override
    public Map<String, String> start() {
        if (LocalServices.env("KAFKA_BOOTSTRAP_SERVERS").isPresent()) {
            startBroker();
            LOG.infof("Tests use the Kafka broker at %s (KAFKA_BOOTSTRAP_SERVERS)", bootstrapServers);
            return Map.of();
        }
        if (LocalServices.containers()) {
            String image = LocalServices.env("CRAMPCARE_TEST_KAFKA_IMAGE").orElse(CONTAINER_IMAGE);
            container = new KafkaContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"))
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
            container.start();
            bootstrapServers = container.getBootstrapServers();
            createTopics();
            LOG.infof("Tests use a Kafka container (%s) at %s (CRAMPCARE_TEST_INFRA)", image, bootstrapServers);
            return Map.of("kafka.bootstrap.servers", bootstrapServers);
        }
        return Map.of("kafka.bootstrap.servers", startBroker());
    }

    /**
     * For tests outside Quarkus: connects to {@code KAFKA_BOOTSTRAP_SERVERS} or starts the in-JVM broker (never
     * Dev Services), creates the topics and returns the bootstrap servers.
     */
    public String startBroker() {
        bootstrapServers = LocalServices.env("KAFKA_BOOTSTRAP_SERVERS").orElse(null);
        if (bootstrapServers == null) {
            startInJvmBroker();
            LOG.infof("Tests use an in-JVM Kafka broker at %s", bootstrapServers);
        }
        createTopics();
        return bootstrapServers;
    }

    private void startInJvmBroker() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            // Internal topics default to replication 3, which one broker can never satisfy.
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("default.replication.factor", "1")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            bootstrapServers = cluster.bootstrapServers();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The in-JVM Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    private void createTopics() {
        try {
            TopicSetup.createAll(bootstrapServers, SETUP_TIMEOUT);
        } catch (Exception e) {
            throw new IllegalStateException("Creating CrampCare's topics on " + bootstrapServers + " failed: " + e.getMessage(), e);
        }
    }

    /** Hands tests a {@link KafkaBrokerControl} for the in-JVM broker (fields of that type). */
    @Override
    public void inject(TestInjector testInjector) {
        KafkaBrokerControl control = cluster != null ? KafkaBrokerControl.of(cluster)
                : container != null ? KafkaBrokerControl.of(container) : null;
        if (control != null) {
            testInjector.injectIntoFields(control, new TestInjector.MatchesType(KafkaBrokerControl.class));
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                LOG.warn("Stopping the in-JVM Kafka broker failed", e);
            }
            cluster = null;
        }
    }
}
