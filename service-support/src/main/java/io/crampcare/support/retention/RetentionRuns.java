package io.crampcare.support.retention;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.WithDefault;

/**
 * How a service's retention job runs ({@code crampcare.retention.every}, {@code .batch-size}), and the retention of what
 * every service keeps ({@code .audit}); each service's {@code crampcare.retention} mapping extends it with its kinds of
 * data.
 */
public interface RetentionRuns {

    /** How often rows past their retention are deleted; a duration, or "off" (tests run the job by hand). */
    @WithDefault("1h")
    String every();

    /**
     * Rows one statement deletes at most, each batch in its own short transaction: a large backlog (the first run after
     * an upgrade) never holds many locks for long.
     */
    @WithDefault("5000")
    @Positive
    int batchSize();

    /**
     * How long an entry of the audit of access ({@code access_audit}) is kept after the access. Two years: the audit is
     * the accountability for who read a person's health data, so it is kept at least as long as the longest-kept data
     * it is about (reports and advice, 730 days), and deleted with the rest rather than kept forever.
     */
    @WithDefault("730d")
    Duration audit();
}
