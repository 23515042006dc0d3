package io.crampcare.support.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.crampcare.support.failure.FailureClass;

/**
 * Readiness of event processing: DOWN while any consumed record waits on a transient failure (see
 * {@link FailureClass#TRANSIENT}), naming the partition, since when and why. Only readiness: the process is healthy
 * and resumes by itself, so liveness stays UP and nothing restarts it.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** A record of {@code partition} (topic-partition) cannot be processed for now. */
    void waiting(String partition, String eventId, int attempt, Throwable failure) {
        waiting.compute(partition, (p, earlier) -> new Waiting(eventId,
                earlier != null && eventId.equals(earlier.eventId()) ? earlier.since() : Instant.now(), attempt,
                String.valueOf(failure.getMessage())));
    }

    /** The record of {@code partition} was processed or given up: the partition moves again. */
    void moving(String partition) {
        waiting.remove(partition);
    }

    /** Whether any record waits on a transient failure. */
    public boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event processing").status(waiting.isEmpty());
        waiting.forEach((partition, w) -> response.withData(partition, "event " + w.eventId() + " waiting since "
                + w.since() + " (attempt " + w.attempt() + "): " + abbreviate(w.reason())));
        return response.build();
    }

    private static String abbreviate(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 200) + "...";
    }

    private record Waiting(String eventId, Instant since, int attempt, String reason) {
    }
}
