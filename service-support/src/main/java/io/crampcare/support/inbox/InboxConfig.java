package io.crampcare.support.inbox;

import java.time.Duration;

import io.crampcare.support.failure.FailureClass;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of idempotent consumption ({@code crampcare.inbox.*}); failure classes: {@link FailureClass}. */
@ConfigMapping(prefix = "crampcare.inbox")
public interface InboxConfig {

    /**
     * Attempts per record for failures that are neither poison (dead-lettered at once) nor transient (retried for as
     * long as it takes): after this many, the record goes to the dead-letter topic with the reason.
     */
    @WithDefault("5")
    int maxAttempts();

    /** Pause before the first retry; it doubles per attempt up to {@link #maxRetryDelay()}. */
    @WithDefault("200ms")
    Duration retryDelay();

    /** Longest pause between retries while a transient failure (e.g. no database) lasts. */
    @WithDefault("5s")
    Duration maxRetryDelay();

    /** How long processed event ids are remembered; longer than any topic keeps a record for redelivery. */
    @WithDefault("30d")
    Duration retention();
}
