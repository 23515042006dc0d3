package io.crampcare.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;

import kafka.server.BrokerServer;

/**
 * Stops and restarts the in-JVM test broker, for tests of what happens during a broker outage. The broker comes back
 * on the same port with its data. Injected by {@link KafkaTestResource} into test fields of this type; null when the
 * tests use another broker (KAFKA_BOOTSTRAP_SERVERS or Dev Services), which tests cannot stop.
 */
public final class KafkaBrokerControl {

    private final KafkaClusterTestKit cluster;

    KafkaBrokerControl(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Shuts the broker down (the controller keeps running); clients see connection refused. */
    public void stop() {
        cluster.brokers().values().forEach(BrokerServer::shutdown);
    }

    /** Starts the broker again and waits until it serves. */
    public void start() {
        cluster.brokers().values().forEach(BrokerServer::startup);
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("The test broker did not come back: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }
}
