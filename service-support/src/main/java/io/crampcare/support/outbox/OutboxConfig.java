package io.crampcare.support.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox and its relay ({@code crampcare.outbox.*}). */
@ConfigMapping(prefix = "crampcare.outbox")
public interface OutboxConfig {

    /** Run the relay in this process. Off only for tests that publish by hand. */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How often the relay looks for unsent rows when nobody woke it. Commits wake it at once, so this is only the
     * fallback (rows from a crashed replica, retries after a broker outage).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows claimed and published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long one publish may wait for the broker's acknowledgement before the row is retried later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * Longest pause between attempts while the broker keeps failing, and between a failing row's own attempts (both
     * double from 250 ms).
     */
    @WithDefault("15s")
    Duration maxBackoff();

    /**
     * Failures of a row's own (too large, topic missing or forbidden, while the broker takes other rows) before the row
     * is parked: left unsent, shown in GET /api/v1/admin/outbox, retried on demand. Broker outages do not count.
     */
    @WithDefault("10")
    int maxAttempts();

    /** How long sent rows are kept (for inspection and replay) before cleanup deletes them. */
    @WithDefault("7d")
    Duration retention();

    /** How often sent rows past their retention are deleted. */
    @WithDefault("1h")
    Duration cleanupEvery();

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/crampcare/${quarkus.application.name}")
    String source();
}
