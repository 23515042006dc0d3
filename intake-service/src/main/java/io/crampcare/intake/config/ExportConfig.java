package io.crampcare.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the export ({@code GET /api/v1/users/{userId}/export}) fetches the other services' parts of a person's data
 * ({@code crampcare.export.*}). Compose sets the service names; the defaults are the local stack's ports.
 */
@ConfigMapping(prefix = "crampcare.export")
public interface ExportConfig {

    /** The advice service's base URL. */
    @WithDefault("http://localhost:8082")
    String adviceUrl();

    /** The reminder service's base URL. */
    @WithDefault("http://localhost:8083")
    String reminderUrl();

    /** How long one part may take (connecting and answering) before the export answers 503. */
    @WithDefault("10s")
    Duration timeout();

    /** The Retry-After of that 503. */
    @WithDefault("30s")
    Duration retryAfter();
}
