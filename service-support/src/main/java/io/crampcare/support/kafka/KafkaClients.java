package io.crampcare.support.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings for the Kafka clients service-support makes itself (outbox relay, its broker probe, dead-letter replay):
 * always the application's own {@code kafka.*} settings (bootstrap servers, security; the
 * {@code default-kafka-broker} map), then what the client's job needs.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** The application's settings, with this client's id. */
    public static Map<String, Object> settings(Map<String, Object> application, String clientId) {
        Map<String, Object> props = new HashMap<>(application);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /**
     * A producer that reports a record sent only once every in-sync replica has it (acks=all), never writes one twice
     * on its own retries (idempotent), and gives up within {@code timeout}: a request may take half of it (at least
     * 1 s), the whole delivery and any wait for metadata or buffer space all of it.
     */
    public static Map<String, Object> reliableProducer(Map<String, Object> application, String clientId,
            Duration timeout) {
        Map<String, Object> props = settings(application, clientId);
        long timeoutMs = timeout.toMillis();
        long requestTimeoutMs = Math.max(1_000, timeoutMs / 2);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeoutMs);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMs, requestTimeoutMs + 1));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        return props;
    }
}
