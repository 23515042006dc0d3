package io.crampcare.support.metrics;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Publishes a few fixed histogram buckets for the latencies the dashboard shows as p50/p99 (HTTP requests, the
 * reminder dispatcher's batches): without buckets Prometheus can only show a mean. A dozen buckets per series, not
 * Micrometer's default of about seventy, keeps the number of series small.
 */
@Singleton
public class LatencyHistograms {

    private static final Set<String> TIMERS = Set.of("http.server.requests", "crampcare.dispatcher.batch");
    private static final double[] BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000);

    @Produces
    @Singleton
    MeterFilter buckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }

    /** Timer buckets are in nanoseconds, the base unit timers record in. */
    private static double[] millis(long... values) {
        double[] nanos = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            nanos[i] = Duration.ofMillis(values[i]).toNanos();
        }
        return nanos;
    }
}
