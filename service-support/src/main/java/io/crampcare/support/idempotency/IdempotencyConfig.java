package io.crampcare.support.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long Idempotency-Keys are kept ({@code crampcare.idempotency.*}), for every POST that takes one. */
@ConfigMapping(prefix = "crampcare.idempotency")
public interface IdempotencyConfig {

    /** How long an Idempotency-Key is remembered; after that the same key starts a new request. */
    @WithDefault("24h")
    Duration ttl();

    /** After this, a request still marked in flight is taken as abandoned (its process died) and may be retried. */
    @WithDefault("60s")
    Duration inFlightTimeout();
}
