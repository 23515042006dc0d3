package io.crampcare.support.deadletter;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the dead-letter operator endpoint and the depth gauge ({@code crampcare.dead-letters.*}). */
@ConfigMapping(prefix = "crampcare.dead-letters")
public interface DeadLetterConfig {

    /** How often the depth gauge ({@code crampcare_dead_letters{topic}}) asks the broker; scrapes only read it. */
    @WithDefault("30s")
    Duration depthEvery();

    /**
     * Longest one list or replay call waits for Kafka: reading the dead-letter topic up to its end, and the broker's
     * acknowledgement of every replayed record. Past it the call answers 503 (a replay may be repeated: it is
     * idempotent).
     */
    @WithDefault("30s")
    Duration timeout();
}
