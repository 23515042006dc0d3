package io.crampcare.testsupport;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * The strict input every CrampCare service holds at the HTTP layer (service-support's BodyLimit, ContentTypeRequired,
 * PlainParameters and the 405 mapper): a body without Content-Type is 415, a chunked body is held to the 64 KiB limit
 * like a declared one (413, a problem), a 405 says which methods the path has, and a control character in a path or
 * query parameter is a 400 naming it. Each answer is checked against the service's OpenAPI document. A service's
 * {@code @QuarkusTest} extends this and names an operation of each kind; body fields are each service's own tests.
 */
public abstract class StrictInputChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as the gateway speaks to the services: by default the client offers an h2c upgrade, and over HTTP/2 a
    // service may reset the stream of a body over the limit, which JDK 25's client reports before the 413.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final int LIMIT = 64 * 1024;

    /** An operation that reads a body, and a body it accepts (sent as an admin as JSON), answered with 2xx. */
    public record BodyOperation(String method, String path, Object json) {

        String body() {
            try {
                return JSON.writeValueAsString(json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    /** A path and a method it does not have, and the methods it does have (Allow). */
    public record NotAllowed(String method, String path, Set<String> allow) {
    }

    /** A GET an admin may make with a parameter: its name, and the path with {@code %s} where its encoded value goes. */
    public record TextParameter(String name, String pathFormat) {
    }

    protected abstract BodyOperation bodyOperation();

    protected abstract NotAllowed notAllowed();

    protected abstract TextParameter textParameter();

    @Test
    void bodyWithoutContentTypeIs415() throws Exception {
        BodyOperation op = bodyOperation();
        HttpResponse<String> response = send(op, null, HttpRequest.BodyPublishers.ofString(op.body()));
        assertProblem(response, 415);
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() throws Exception {
        BodyOperation op = bodyOperation();
        HttpResponse<String> response = send(op, "application/json", chunked(op.body().getBytes(StandardCharsets.UTF_8)));
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + ": " + response.body());
    }

    @ParameterizedTest(name = "chunked body of {0} bytes -> 413 problem")
    @ValueSource(ints = { LIMIT + 1, 800 * 1024, 2 * 1024 * 1024 })
    void chunkedBodyOverTheLimitIs413Problem(int size) throws Exception {
        byte[] body = padded(bodyOperation().body(), size);
        HttpResponse<String> response = send(bodyOperation(), "application/json", chunked(body));
        assertProblem(response, 413);
    }

    @Test
    void declaredBodyOverTheLimitIs413Problem() throws Exception {
        byte[] body = padded(bodyOperation().body(), LIMIT + 1);
        HttpResponse<String> response = send(bodyOperation(), "application/json", HttpRequest.BodyPublishers.ofByteArray(body));
        assertProblem(response, 413);
    }

    @Test
    void methodNotAllowedSaysWhichAre() {
        NotAllowed op = notAllowed();
        String allow = TestTokens.asAdmin().when().request(op.method(), op.path())
                .then().statusCode(405).contentType("application/problem+json")
                .extract().header("Allow");
        assertEquals(op.allow(), new TreeSet<>(Arrays.stream(String.valueOf(allow).split(",")).map(String::trim).toList()),
                "Allow: " + allow);
    }

    /** NUL (which PostgreSQL cannot hold), BEL, ESC, DEL, C1 NEL, alone or inside a value. */
    @ParameterizedTest(name = "{0} in a parameter -> 400 naming it")
    @ValueSource(strings = { "%00", "user%00x", "%07", "a%1Bb", "%7F", "%C2%85" })
    void controlCharacterInAParameterIs400NamingIt(String encoded) {
        TextParameter parameter = textParameter();
        TestTokens.asAdmin().urlEncodingEnabled(false).when().get(String.format(parameter.pathFormat(), encoded))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://crampcare.io/problems/validation"))
                .body("errors.field", hasItem(parameter.name()));
    }

    /** For a service's own body cases: the body (sent as JSON, as an admin) is a 400 naming the field. */
    protected static void assertFieldRejected(String method, String path, Object body, String field) {
        TestTokens.asAdmin().contentType("application/json").body(body).when().request(method, path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://crampcare.io/problems/validation"))
                .body("errors.field", hasItem(field));
    }

    /** A valid body made {@code size} bytes long with whitespace after it (still valid JSON). */
    private static byte[] padded(String json, int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] start = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }

    /** No length: HttpClient sends it with Transfer-Encoding: chunked. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static HttpResponse<String> send(BodyOperation op, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + op.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header(TestTokens.ACCESS_REASON, TestTokens.TEST_REASON).method(op.method(), body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        ApiContract.assertConforms(new ApiContract.Exchange(op.method(), uri, response.statusCode(),
                response.headers().map(), response.body()));
        return response;
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.path("status").asInt(), response.body());
        assertEquals("https://crampcare.io/problems/http", problem.path("type").asText(), response.body());
    }
}
