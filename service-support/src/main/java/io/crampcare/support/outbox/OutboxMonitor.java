package io.crampcare.support.outbox;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Outbox lag, as Prometheus gauges ({@code crampcare_outbox_pending}, {@code crampcare_outbox_oldest_pending_seconds},
 * {@code crampcare_outbox_parked})
 * and as details of the readiness check. The check stays UP while the broker is away: accepting work into the outbox
 * during an outage is the point of having one, so lag is for alerting, not for taking the service out of rotation.
 */
@Readiness
@ApplicationScoped
public class OutboxMonitor implements HealthCheck {

    private static final long CACHE_NANOS = 1_000_000_000L;

    private final OutboxStore store;
    private volatile OutboxLag cached;
    private volatile long cachedAt;

    OutboxMonitor(OutboxStore store) {
        this.store = store;
    }

    void registerGauges(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("crampcare.outbox.pending", this, m -> m.lagOrNaN().pending())
                .description("Outbox events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("crampcare.outbox.oldest.pending", this, m -> m.lagOrNaN().oldestPendingAgeSeconds())
                .description("Age of the oldest outbox event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("crampcare.outbox.parked", this, m -> m.lagOrNaN().parked())
                .description("Outbox events parked after repeated failures of their own, waiting for an operator")
                .register(registry);
    }

    /** Current lag, read from the database (cached for a second so that scrapes and probes stay cheap). */
    public OutboxLag lag() throws SQLException {
        OutboxLag lag = cached;
        if (lag != null && System.nanoTime() - cachedAt < CACHE_NANOS) {
            return lag;
        }
        lag = store.lag();
        cached = lag;
        cachedAt = System.nanoTime();
        return lag;
    }

    private OutboxLag lagOrNaN() {
        try {
            return lag();
        } catch (SQLException e) {
            return new OutboxLag(-1, Double.NaN, -1);
        }
    }

    @Override
    public HealthCheckResponse call() {
        try {
            OutboxLag lag = lag();
            return HealthCheckResponse.named("Outbox")
                    .up()
                    .withData("pending", lag.pending())
                    .withData("oldestPendingSeconds", Math.round(lag.oldestPendingAgeSeconds()))
                    .withData("parked", lag.parked())
                    .build();
        } catch (SQLException e) {
            // The database check reports the outage itself; this one says why it has no figures.
            return HealthCheckResponse.named("Outbox").down().withData("error", e.getMessage()).build();
        }
    }
}
