package io.crampcare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The contract check finds each kind of mismatch, against a small document served over real HTTP. */
class ApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/api/v1/things/{id}": {"get": {"operationId": "getThing", "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"description": "none", "headers": {"Retry-After": {"$ref": "#/components/headers/Retry-After"}},
                         "content": {"application/problem+json": {"schema": {"type": "object", "required": ["status"]}}}}}}},
                       "/api/v1/things": {"post": {"operationId": "createThing", "responses": {
                 "201": {"description": "made", "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
                         "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
             "components": {
               "headers": {"Retry-After": {"schema": {"type": "integer", "minimum": 0}}},
               "schemas": {"Thing": {"type": "object", "required": ["id", "size"], "additionalProperties": false,
                 "properties": {"id": {"type": "string", "format": "uuid"}, "size": {"type": "integer", "format": "int32"},
                                "note": {"type": "string"}}}}}}
            """;
    private static final String ID = "0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11";

    private static HttpServer server;
    private static String origin;

    @BeforeAll
    static void serveDocument() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> {
            byte[] body = DOCUMENT.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static List<String> check(String method, String path, int status, Map<String, List<String>> headers,
            String body) {
        return ApiContract.mismatches(new ApiContract.Exchange(method, URI.create(origin + path), status, headers, body));
    }

    private static Map<String, List<String>> json() {
        return Map.of("Content-Type", List.of("application/json;charset=UTF-8"));
    }

    @Test
    void aDocumentedAnswerPasses() {
        assertEquals(List.of(), check("GET", "/api/v1/things/" + ID, 200, json(), "{\"id\": \"" + ID + "\", \"size\": 3}"));
        assertEquals(List.of(), check("GET", "/api/v1/things/" + ID, 404,
                Map.of("Content-Type", List.of("application/problem+json"), "Retry-After", List.of("1")), "{\"status\": 404}"));
    }

    @Test
    void matrixParametersAreNotPartOfThePath() {
        assertEquals(List.of(), check("GET", "/api/v1/things;x%2F..%2Fy/" + ID + ";v=1", 200, json(),
                "{\"id\": \"" + ID + "\", \"size\": 3}"));
        assertEquals(1, check("GET", "/api/v1/things;x/" + ID, 200, json(), "{\"id\": \"" + ID + "\"}").size());
    }

    @Test
    void aMissingRequiredFieldANullAndAnUnknownFieldAreCaught() {
        assertEquals(1, check("GET", "/api/v1/things/" + ID, 200, json(), "{\"id\": \"" + ID + "\"}").size());
        assertEquals(1, check("GET", "/api/v1/things/" + ID, 200, json(),
                "{\"id\": \"" + ID + "\", \"size\": 3, \"note\": null}").size());
        assertEquals(1, check("GET", "/api/v1/things/" + ID, 200, json(),
                "{\"id\": \"" + ID + "\", \"size\": 3, \"colour\": \"red\"}").size());
        assertEquals(1, check("GET", "/api/v1/things/" + ID, 200, json(), "{\"id\": \"not-a-uuid\", \"size\": 3}").size());
    }

    @Test
    void anUndocumentedStatusContentTypeOrOperationIsCaught() {
        assertTrue(check("GET", "/api/v1/things/" + ID, 409, json(), "{}").get(0).contains("status 409"));
        assertTrue(check("GET", "/api/v1/things/" + ID, 404, json(), "{\"status\": 404}").get(0).contains("content type"));
        assertTrue(check("DELETE", "/api/v1/things/" + ID, 204, Map.of(), "").get(0).contains("no operation"));
        // ...but a 404/405 problem for a method or path the document lacks is the right answer.
        assertEquals(List.of(), check("DELETE", "/api/v1/things/" + ID, 405,
                Map.of("Content-Type", List.of("application/problem+json")), "{\"status\": 405}"));
    }

    @Test
    void headersAreChecked() {
        String thing = "{\"id\": \"" + ID + "\", \"size\": 3}";
        assertTrue(check("POST", "/api/v1/things", 201, json(), thing).get(0).contains("Location"),
                "a required header that is missing");
        assertTrue(check("GET", "/api/v1/things/" + ID, 200,
                Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"v1\"")), thing).get(0)
                .contains("not documented"), "a header a client acts on, sent but undocumented");
        assertEquals(1, check("GET", "/api/v1/things/" + ID, 404,
                Map.of("Content-Type", List.of("application/problem+json"), "Retry-After", List.of("soon")),
                "{\"status\": 404}").size(), "a header value outside its schema");
    }

    @Test
    void onlyApiPathsAreChecked() {
        assertEquals(List.of(), check("GET", "/q/health/ready", 503, json(), "{}"));
    }
}
