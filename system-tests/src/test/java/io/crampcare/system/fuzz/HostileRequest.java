package io.crampcare.system.fuzz;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One hostile HTTP request, ready to send.
 *
 * <ul>
 * <li>{@code service}: "intake", "advice" or "reminder"; the test maps it to a base URL.</li>
 * <li>{@code path}: starts with {@code /api/v1/}, may carry a query string, and is already percent-encoded, so that
 * {@code URI.create(baseUrl + path)} accepts it (no raw spaces, non-ASCII or control characters).</li>
 * <li>{@code headers}: names and values that {@code java.net.http.HttpClient} will send (visible ASCII, spaces, no
 * restricted names such as Host or Content-Length).</li>
 * <li>{@code body}: never null; an empty array on a request without a Content-Type header means "send no body"
 * (GET, DELETE). A POST or PUT with an empty body and a Content-Type is the deliberate "empty body" case.</li>
 * <li>{@code description}: {@code "<METHOD> <path template> [<category>] <what was mutated>"}, for failure messages;
 * {@link HostileRequests#endpointOf} and {@link HostileRequests#categoryOf} read it back.</li>
 * </ul>
 *
 * Arrays compare by identity in records, so equals, hashCode and toString are written out: two requests are equal when
 * their bodies hold the same bytes, which is what "same seed, same requests" means.
 */
public record HostileRequest(String service, String method, String path, Map<String, String> headers, byte[] body,
        String description) {

    public HostileRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy: the request stays as generated whatever the caller does with the array. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The request for java.net.http, as the fuzz test sends it: the body with its length, or {@code chunked} without
     * one. Throws IllegalArgumentException where the HTTP client itself refuses the URI, method or a header.
     */
    public HttpRequest.Builder toHttp(String baseUrl, boolean chunked) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body()))
                        : HttpRequest.BodyPublishers.ofByteArray(body()));
        headers.forEach(builder::header);
        return builder;
    }

    /** Body size without copying it. */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HostileRequest r
                && service.equals(r.service)
                && method.equals(r.method)
                && path.equals(r.path)
                && headers.equals(r.headers)
                && Arrays.equals(body, r.body)
                && description.equals(r.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, method, path, headers, Arrays.hashCode(body), description);
    }

    /** Short enough for an assertion message: the path is cut, the body only counted. */
    @Override
    public String toString() {
        String shownPath = path.length() <= 200 ? path : path.substring(0, 200) + "...(" + path.length() + " chars)";
        return service + " " + method + " " + shownPath + " body=" + body.length + " bytes: " + description;
    }
}
