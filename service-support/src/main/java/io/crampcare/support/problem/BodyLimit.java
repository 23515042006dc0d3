package io.crampcare.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.crampcare.support.metrics.Rejections;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Rejects request bodies over {@code crampcare.http.max-body-size} (declared by Content-Length) with a 413 problem,
 * before anything reads them. Quarkus' own, larger {@code quarkus.http.limits.max-body-size} still caps bodies sent
 * without a length (its 413 has no problem body). Built here, not by the problem mappers, so it is counted here.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "crampcare.http.max-body-size", defaultValue = "64K")
    MemorySize limit;

    @Inject
    Rejections rejections;

    void install(@Observes Router router) {
        String body = "{\"type\":\"" + ProblemTypes.HTTP + "\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"Request bodies are limited to " + limit.asLongValue() + " bytes.\"}";
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                rejections.count(ProblemTypes.HTTP, 413);
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
            } else {
                ctx.next();
            }
        });
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP server's to reject
        }
    }
}
