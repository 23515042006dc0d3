package io.crampcare.support.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.crampcare.support.metrics.Rejections;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;

/**
 * Rejects request bodies over {@code crampcare.http.max-body-size} (declared by Content-Length) with a 413 problem,
 * before anything reads them; bodies sent without a length are counted as they are read ({@link BoundedBodies}).
 * Built here, not by the problem mappers, so it is counted here.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "crampcare.http.max-body-size", defaultValue = "64K")
    MemorySize limit;

    @Inject
    Rejections rejections;

    void install(@Observes Router router) {
        Problem problem = tooLarge(limit.asLongValue());
        String body = "{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":413,"
                + "\"detail\":\"" + problem.detail() + "\"}";
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                rejections.count(ProblemTypes.HTTP, 413);
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON);
                // HTTP/1.1 closes rather than read the rest of the body; HTTP/2 forbids the header (RFC 9113,
                // 8.2.2) and resets the stream by itself.
                if (ctx.request().version() != HttpVersion.HTTP_2) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                }
                ctx.response().end(body);
            } else {
                ctx.next();
            }
        });
    }

    /** The limit in bytes: the one reading of the setting, for {@link BoundedBodies} too. */
    long bytes() {
        return limit.asLongValue();
    }

    /** The 413 problem, the same whether the length was declared or counted ({@link BoundedBodies}). */
    static Problem tooLarge(long limit) {
        return new Problem(ProblemTypes.HTTP, "Content Too Large", 413,
                "Request bodies are limited to " + limit + " bytes.", null);
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false; // a malformed length is the HTTP server's to reject
        }
    }
}
