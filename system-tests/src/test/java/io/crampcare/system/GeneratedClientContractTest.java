package io.crampcare.system;

import static io.restassured.config.ObjectMapperConfig.objectMapperConfig;
import static io.restassured.config.RestAssuredConfig.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.crampcare.client.intake.ApiClient;
import io.crampcare.client.intake.JacksonObjectMapper;
import io.crampcare.client.intake.api.CrampReportsApi;
import io.crampcare.client.intake.model.CrampReport;
import io.restassured.builder.RequestSpecBuilder;

/**
 * SystemIT relies on this: the generated clients' exchanges are contract-checked like every RestAssured request
 * (ApiContractFilter, registered for all tests by extension auto-detection), so an answer that departs from the
 * serving service's document fails the call. Over real HTTP, with the intake document the build wrote.
 */
class GeneratedClientContractTest {

    private static final UUID GOOD = UUID.fromString("0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11");
    private static final UUID BAD = UUID.fromString("5d1e7a3c-2b4f-4c8d-9e6a-7f0b1c2d3e4f");
    private static final String REPORT = """
            {"id": "%s", "userId": "user-42", "occurredAt": "2026-11-25T07:30:00Z",
             "receivedAt": "2026-11-25T07:31:00Z", "muscle": "GLUTEUS_MAXIMUS", "side": "LEFT", "onset": "GRADUAL",
             "severity": 6, "durationSeconds": 90, "context": "AT_REST", "symptoms": [],
             "links": {"self": "/api/v1/cramp-reports/%1$s", "advice": "/api/v1/cramp-reports/%1$s/advice"}}
            """;

    private static HttpServer server;
    private static String origin;

    @BeforeAll
    static void serve() throws IOException {
        byte[] document = Files.readAllBytes(Path.of("../intake-service/target/openapi/openapi.json"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, document));
        server.createContext("/api/v1/cramp-reports/", exchange -> answer(exchange,
                (exchange.getRequestURI().getPath().endsWith(GOOD.toString()) ? REPORT.formatted(GOOD)
                        : "{\"id\": \"" + BAD + "\", \"userId\": null}").getBytes(StandardCharsets.UTF_8)));
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static CrampReportsApi reports() {
        return ApiClient.api(ApiClient.Config.apiConfig().reqSpecSupplier(() -> new RequestSpecBuilder()
                .setBaseUri(origin)
                .setConfig(config().objectMapperConfig(objectMapperConfig().defaultObjectMapper(JacksonObjectMapper.jackson())))))
                .crampReports();
    }

    @Test
    void aDocumentedAnswerReadsIntoTheModel() {
        CrampReport report = reports().getCrampReport().idPath(GOOD).executeAs(Function.identity());
        assertEquals(GOOD, report.getId());
        assertEquals("/api/v1/cramp-reports/" + GOOD + "/advice", report.getLinks().getAdvice());
    }

    @Test
    void anAnswerThatDepartsFromTheDocumentFailsTheCall() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> reports().getCrampReport().idPath(BAD).executeAs(Function.identity()));
        assertTrue(error.getMessage().startsWith("Response does not match the OpenAPI document"), error.getMessage());
        assertTrue(error.getMessage().contains("userId"), error.getMessage());
    }
}
