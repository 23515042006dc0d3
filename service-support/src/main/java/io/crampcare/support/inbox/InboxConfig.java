package io.crampcare.support.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of idempotent consumption ({@code crampcare.inbox.*}). */
@ConfigMapping(prefix = "crampcare.inbox")
public interface InboxConfig {

    /** Attempts per record before it goes to the dead-letter topic (transient failures only; poison goes at once). */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the first retry; it doubles per attempt. */
    @WithDefault("200ms")
    Duration retryDelay();

    /** How long processed event ids are remembered; longer than any topic keeps a record for redelivery. */
    @WithDefault("30d")
    Duration retention();
}
