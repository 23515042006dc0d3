package io.crampcare.support.deadletter;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * DLQ depth as a gauge per dead-letter topic this service declares: {@code crampcare_dead_letters{topic}} = records
 * the topic holds (end minus beginning offsets). Present at 0 from start-up; a background job asks the broker every
 * {@code crampcare.dead-letters.depth-every}, so a scrape never waits on Kafka. -1 while the broker does not answer.
 * Replaying does not lower it (the dead letters stay); only the topic's retention does.
 */
@ApplicationScoped
public class DeadLetterDepth {

    static final String GAUGE = "crampcare.dead_letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterDepth.class);

    private final DeadLetterLog log;
    private final Map<String, AtomicLong> depths = new TreeMap<>();
    // Each question to the broker waits this long at most, so that a refresh ends soon when Kafka is away.
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private volatile Consumer<byte[], byte[]> consumer;
    private volatile boolean stopping;
    private boolean failing;

    DeadLetterDepth(DeadLetterTopics topics, DeadLetterLog log) {
        this.log = log;
        topics.topics().forEach(topic -> depths.put(topic, new AtomicLong()));
    }

    void registerGauges(@Observes StartupEvent event, MeterRegistry registry) {
        depths.forEach((topic, depth) -> Gauge.builder(GAUGE, depth, AtomicLong::get)
                .description("Records held by the dead-letter topic (end minus beginning offsets)")
                .tag("topic", topic)
                .register(registry));
    }

    @Scheduled(every = "${crampcare.dead-letters.depth-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        if (depths.isEmpty() || stopping) {
            return;
        }
        try {
            if (consumer == null) {
                consumer = log.newConsumer();
            }
            for (Map.Entry<String, AtomicLong> depth : depths.entrySet()) {
                depth.getValue().set(DeadLetterLog.extent(consumer, depth.getKey(), ASK_TIMEOUT).held());
            }
            if (failing) {
                LOG.info("Dead-letter depth readable again");
                failing = false;
            }
        } catch (KafkaException e) {
            depths.values().forEach(depth -> depth.set(-1));
            if (!failing && !stopping) {
                LOG.warnf("Dead-letter depth unknown (-1) while Kafka does not answer: %s", e.toString());
                failing = true;
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup(); // a refresh waiting on the broker ends now
        }
        synchronized (this) {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(2));
                consumer = null;
            }
        }
    }
}
