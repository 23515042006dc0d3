package io.crampcare.intake.remote;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.intake.config.ExportConfig;
import io.crampcare.support.audit.AccessReason;
import io.crampcare.support.errors.Unavailable;

/**
 * Fetches the advice and reminder services' parts of a person's data ({@code GET /api/v1/users/{userId}/data} on
 * each), both at once, with the caller's own token: each service checks access itself. A part that does not come
 * (refused connection, timeout, any answer but 200 with JSON) fails the whole export as {@link Unavailable} naming
 * the service, so a partial document is never handed out as complete.
 */
@ApplicationScoped
public class ServiceParts {

    private static final Logger LOG = Logger.getLogger(ServiceParts.class);

    /** The two parts, each as its service sent it. */
    public record Fetched(JsonNode advice, JsonNode reminder) {
    }

    private final ExportConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    ServiceParts(ExportConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /**
     * Both parts of {@code userId}'s data.
     *
     * @param authorization the caller's Authorization header value, forwarded unchanged
     * @param accessReason  the caller's CrampCare-Access-Reason (an admin's), forwarded unchanged; null when none
     */
    public Fetched fetch(String userId, String authorization, String accessReason) {
        CompletableFuture<JsonNode> advice = part("advice-service", config.adviceUrl(), userId, authorization,
                accessReason);
        CompletableFuture<JsonNode> reminder = part("reminder-service", config.reminderUrl(), userId, authorization,
                accessReason);
        return new Fetched(await(advice), await(reminder));
    }

    private CompletableFuture<JsonNode> part(String service, String baseUrl, String userId, String authorization,
            String accessReason) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "")
                + "/api/v1/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8).replace("+", "%20") + "/data"))
                .timeout(config.timeout()).header("Authorization", authorization).header("Accept", "application/json");
        if (accessReason != null) {
            // An admin's export is recorded in each service's audit of access, with the reason they gave here.
            request.header(AccessReason.HEADER, accessReason);
        }
        return http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> read(service, response, failure));
    }

    private JsonNode read(String service, HttpResponse<String> response, Throwable failure) {
        String why;
        if (failure != null) {
            why = "did not answer (" + failure.getClass().getSimpleName() + ")";
        } else if (response.statusCode() != 200) {
            why = "answered " + response.statusCode();
        } else {
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                why = "answered with a body that is not JSON";
            }
        }
        LOG.warnf("Export: %s %s", service, why);
        throw new Unavailable("The export needs the " + service + "'s part of your data, and the " + service + " "
                + why + ". Nothing was left out silently: retry later.", config.retryAfter());
    }

    private static JsonNode await(CompletableFuture<JsonNode> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Unavailable unavailable) {
                throw unavailable;
            }
            throw e;
        }
    }
}
