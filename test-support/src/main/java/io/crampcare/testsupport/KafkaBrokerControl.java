package io.crampcare.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.testcontainers.kafka.KafkaContainer;

import kafka.server.BrokerServer;

/**
 * Takes the test broker away and brings it back, for tests of what happens during a broker outage. The broker comes
 * back on the same address with its data. Injected by {@link KafkaTestResource} into test fields of this type; null
 * when the tests use a broker of KAFKA_BOOTSTRAP_SERVERS, which tests cannot stop.
 */
public final class KafkaBrokerControl {

    private final Runnable stop;
    private final Runnable start;
    private final String bootstrapServers;

    private KafkaBrokerControl(Runnable stop, Runnable start, String bootstrapServers) {
        this.stop = stop;
        this.start = start;
        this.bootstrapServers = bootstrapServers;
    }

    /** The in-JVM broker: shut down (the controller keeps running, clients see connection refused) and started. */
    static KafkaBrokerControl of(KafkaClusterTestKit cluster) {
        return new KafkaBrokerControl(() -> cluster.brokers().values().forEach(BrokerServer::shutdown), () -> {
            cluster.brokers().values().forEach(BrokerServer::startup);
            try {
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("The test broker did not come back: " + e.getMessage(), e);
            }
        }, cluster.bootstrapServers());
    }

    /**
     * The broker container: paused and unpaused (clients see no answers, then the same broker on the same mapped
     * port; a stopped container would come back on another port).
     */
    static KafkaBrokerControl of(KafkaContainer container) {
        return new KafkaBrokerControl(
                () -> container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec(),
                () -> container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec(),
                container.getBootstrapServers());
    }

    /** Takes the broker away. */
    public void stop() {
        stop.run();
    }

    /** Brings it back and waits until it serves. */
    public void start() {
        start.run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
