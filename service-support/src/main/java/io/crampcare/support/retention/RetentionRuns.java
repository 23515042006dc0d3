package io.crampcare.support.retention;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.WithDefault;

/**
 * How a service's retention job runs ({@code crampcare.retention.every}, {@code .batch-size}); each service's
 * {@code crampcare.retention} mapping extends it with its kinds of data.
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
}
