package io.crampcare.support.validation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the shared constraints allow ({@code crampcare.validation.*}). */
@ConfigMapping(prefix = "crampcare.validation")
public interface ValidationConfig {

    /** How far in the future a client's instant ({@link NotInFuture}) may lie, to allow for clocks running fast. */
    @WithDefault("5m")
    Duration clockSkew();
}
