package io.crampcare.support.metrics;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code crampcare.requests.rejected{type,status}}: every 4xx problem response, by the problem type's last path
 * segment ({@code validation}, {@code unauthorized}, ...) and status. Both tags come from short fixed lists.
 */
@ApplicationScoped
public class Rejections {

    public static final String NAME = "crampcare.requests.rejected";

    private final MeterRegistry registry;

    Rejections(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a problem response. 5xx are ours, not rejections: the HTTP server metrics have them. */
    public void count(String type, int status) {
        if (status >= 400 && status < 500) {
            registry.counter(NAME, "type", type.substring(type.lastIndexOf('/') + 1), "status", String.valueOf(status))
                    .increment();
        }
    }
}
