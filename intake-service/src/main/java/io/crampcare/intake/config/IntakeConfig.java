package io.crampcare.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The intake service's rules ({@code crampcare.intake.*}). */
@ConfigMapping(prefix = "crampcare.intake")
public interface IntakeConfig {

    /** How far in the future {@code occurredAt} may lie, to allow for clients' clocks running fast. */
    @WithDefault("5m")
    Duration clockSkew();

    Idempotency idempotency();

    interface Idempotency {
        /** How long an Idempotency-Key is remembered; after that the same key starts a new request. */
        @WithDefault("24h")
        Duration ttl();

        /** After this, a request still marked in flight is taken as abandoned (its process died) and may be retried. */
        @WithDefault("60s")
        Duration inFlightTimeout();
    }
}
