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
}
