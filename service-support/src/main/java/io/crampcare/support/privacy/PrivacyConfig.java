package io.crampcare.support.privacy;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The privacy registry's settings (crampcare.privacy.*; defaults in service-support's configuration). */
@ConfigMapping(prefix = "crampcare.privacy")
public interface PrivacyConfig {

    /**
     * The services that hold personal data, by application name: each erasure waits for every one of them. A new
     * service that keeps data about people joins this list.
     */
    @WithDefault("intake-service,advice-service,reminder-service")
    List<String> services();

    /** How often each replica looks for its service's pending erasures ({@link ErasureWorker}). */
    @WithDefault("5s")
    Duration eraseEvery();

    /** How long after start it first looks. */
    @WithDefault("5s")
    Duration eraseFirstDelay();

    /**
     * How long after a service's first pass over a person's rows its second pass comes: longer than any transaction
     * that began before the erasure may still run (the transaction timeout, 60 s), so that what such a transaction
     * wrote after the first pass is erased too.
     */
    @WithDefault("2m")
    Duration secondPassAfter();
}
