package io.crampcare.support.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crampcare.support.problem.ProblemMappers;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

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

    /**
     * Counts a problem response built by the problem mappers. 5xx are ours, not rejections (the HTTP server metrics
     * have them); 413 is counted by the route below, which sees every 413 problem wherever it was built.
     */
    public void count(String type, int status) {
        if (status >= 400 && status < 500 && status != 413) {
            increment(type, status);
        }
    }

    /**
     * BodyLimit answers 413 from a Vert.x route, before JAX-RS and its problem mappers. This route is installed
     * before it (lower observer priority, same route order, and Vert.x keeps insertion order), so it sees those
     * responses too.
     */
    void countOversizeBodies(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                String contentType = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
                if (ctx.response().getStatusCode() == 413 && contentType != null
                        && contentType.startsWith(ProblemMappers.PROBLEM_JSON)) {
                    increment("http", 413);
                }
            });
            ctx.next();
        });
    }

    private void increment(String type, int status) {
        registry.counter(NAME, "type", type.substring(type.lastIndexOf('/') + 1), "status", String.valueOf(status))
                .increment();
    }
}
