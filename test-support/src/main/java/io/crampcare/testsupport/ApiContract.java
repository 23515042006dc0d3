package io.crampcare.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

/**
 * Checks an HTTP exchange against the OpenAPI document the serving service itself publishes ({@code /q/openapi}):
 * the operation exists, the status is documented, the content type is documented for that status, the body is
 * valid against the documented schema (OpenAPI 3.1, i.e. JSON Schema 2020-12, validated by networknt's
 * json-schema-validator with its OpenAPI 3.1 dialect), documented headers are present and well-formed, and the
 * headers a client acts on are documented wherever they are sent.
 * <p>
 * {@link ApiContractFilter} applies this to every RestAssured request of every test; SystemIT's own HTTP calls
 * call {@link #mismatches} directly. Only {@code /api/} paths are checked: health, metrics and the document
 * itself are not part of the API.
 * <p>
 * Over 300 lines on purpose: one check of one exchange (operation, status, content type, body, headers), each step
 * beside the document lookups it needs; the JSON helpers at the end serve only these steps.
 */
public final class ApiContract {

    /** Headers a client reads and acts on: sending one the document does not mention is a mismatch. */
    private static final Set<String> SIGNIFICANT_HEADERS = Set.of("location", "etag", "retry-after",
            "idempotent-replayed", "www-authenticate", "link");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();

    private ApiContract() {
    }

    /** An exchange as seen on the wire. */
    public record Exchange(String method, URI uri, int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** Throws an {@link AssertionError} naming every way the exchange departs from the service's document. */
    public static void assertConforms(Exchange exchange) {
        List<String> mismatches = mismatches(exchange);
        if (!mismatches.isEmpty()) {
            throw new AssertionError("Response does not match the OpenAPI document of " + origin(exchange.uri())
                    + " (" + exchange.method() + " " + exchange.uri().getRawPath() + " -> " + exchange.status() + "):\n  "
                    + String.join("\n  ", mismatches) + "\nbody: " + abbreviate(exchange.body()));
        }
    }

    /** Every way the exchange departs from the document; empty when it matches or is not an API call. */
    public static List<String> mismatches(Exchange exchange) {
        String path = exchange.uri().getRawPath();
        if (path == null || !path.startsWith("/api/")) {
            return List.of();
        }
        Document document = DOCUMENTS.computeIfAbsent(origin(exchange.uri()), Document::fetch);
        return document.check(exchange);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }

    /** One service's published document, with its schemas compiled on first use. */
    private static final class Document {

        private final String location;
        private final JsonNode root;
        private final SchemaRegistry registry;
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

        private Document(String location, String json) {
            this.location = location;
            try {
                this.root = MAPPER.readTree(json);
            } catch (JsonProcessingException e) {
                throw new AssertionError(location + " is not JSON: " + e.getOriginalMessage(), e);
            }
            // The document is its own schema resource, so "#/components/schemas/X" resolves inside it.
            this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                    .schemas(Map.of(location, json))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_PATH)
                            .build()));
        }

        static Document fetch(String origin) {
            String location = origin + "/q/openapi?format=json";
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(location))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new AssertionError("GET " + location + " answered " + response.statusCode());
                }
                return new Document(location, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenAPI document at " + location, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> check(Exchange exchange) {
            List<String> mismatches = new ArrayList<>();
            String method = exchange.method().toLowerCase(Locale.ROOT);
            // Matched as the services route it: RESTEasy drops each segment's ;matrix parameters.
            String template = template(exchange.uri().getRawPath().replaceAll(";[^/]*", ""));
            JsonNode operation = template == null ? null : root.path("paths").path(template).get(method);
            if (operation == null) {
                // A 404 or 405 problem is the right answer to a path or method the document does not have.
                boolean refused = (exchange.status() == 404 || exchange.status() == 405)
                        && "application/problem+json".equals(mediaType(exchange.header("Content-Type")));
                if (!refused) {
                    mismatches.add("no operation " + exchange.method() + " " + exchange.uri().getRawPath()
                            + " in the document" + (template == null ? "" : " (path " + template + ")"));
                }
                return mismatches;
            }
            String status = Integer.toString(exchange.status());
            JsonNode response = operation.path("responses").get(status);
            String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + status;
            if (response == null) {
                response = operation.path("responses").get("default");
                pointer = "/paths/" + escape(template) + "/" + method + "/responses/default";
            }
            if (response == null) {
                mismatches.add("status " + status + " is not documented for " + method.toUpperCase(Locale.ROOT) + " "
                        + template + " (documented: " + fieldNames(operation.path("responses")) + ")");
                return mismatches;
            }
            if (response.has("$ref")) {
                pointer = response.get("$ref").asText().substring(1);
                response = resolve(response);
            }
            checkHeaders(exchange, response, pointer, mismatches);
            checkBody(exchange, response, pointer, mismatches);
            return mismatches;
        }

        private void checkHeaders(Exchange exchange, JsonNode response, String pointer, List<String> mismatches) {
            JsonNode documented = response.path("headers");
            for (Iterator<Map.Entry<String, JsonNode>> it = documented.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode header = resolve(entry.getValue());
                String headerPointer = entry.getValue().has("$ref") ? entry.getValue().get("$ref").asText().substring(1)
                        : pointer + "/headers/" + escape(entry.getKey());
                String value = exchange.header(entry.getKey());
                if (value == null) {
                    if (header.path("required").asBoolean(false)) {
                        mismatches.add("documented required header " + entry.getKey() + " is missing");
                    }
                    continue;
                }
                JsonNode schema = header.get("schema");
                if (schema != null) {
                    JsonNode instance = "integer".equals(resolve(schema).path("type").asText())
                            ? integerOrText(value) : TextNode.valueOf(value);
                    for (Object error : compile(headerPointer + "/schema").validate(instance)) {
                        mismatches.add("header " + entry.getKey() + ": " + error);
                    }
                }
            }
            for (String name : exchange.headers().keySet()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (SIGNIFICANT_HEADERS.contains(lower) && !hasField(documented, name)) {
                    mismatches.add("header " + name + " is sent but not documented for this response");
                }
            }
        }

        private void checkBody(Exchange exchange, JsonNode response, String pointer, List<String> mismatches) {
            String body = exchange.body();
            boolean hasBody = body != null && !body.isEmpty();
            JsonNode content = response.get("content");
            if (!hasBody) {
                if (content != null && content.size() > 0 && !"head".equalsIgnoreCase(exchange.method())) {
                    mismatches.add("the document promises a body (" + fieldNames(content) + ") but none was sent");
                }
                return;
            }
            String mediaType = mediaType(exchange.header("Content-Type"));
            if (content == null || content.size() == 0) {
                mismatches.add("a body (" + mediaType + ") was sent but the document describes none");
                return;
            }
            if (mediaType == null || content.get(mediaType) == null) {
                mismatches.add("content type " + mediaType + " is not documented (documented: " + fieldNames(content)
                        + ")");
                return;
            }
            if (!mediaType.endsWith("json") || content.get(mediaType).get("schema") == null) {
                return;
            }
            JsonNode instance;
            try {
                instance = MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                mismatches.add("body is not JSON: " + e.getOriginalMessage());
                return;
            }
            String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
            for (Object error : compile(schemaPointer).validate(instance)) {
                mismatches.add("body: " + error);
            }
        }

        private Schema compile(String pointer) {
            return schemas.computeIfAbsent(pointer,
                    p -> registry.getSchema(SchemaLocation.of(location + "#" + p)));
        }

        /** Follows a local $ref (responses, headers) to the node it names. */
        private JsonNode resolve(JsonNode node) {
            JsonNode ref = node.get("$ref");
            if (ref == null || !ref.asText().startsWith("#/")) {
                return node;
            }
            return root.at(ref.asText().substring(1));
        }

        /** The document's path template that matches a request path; literal segments beat parameters. */
        private String template(String path) {
            String best = null;
            int bestLiterals = -1;
            for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext();) {
                String candidate = it.next();
                Pattern regex = Pattern.compile(candidate.replaceAll("\\{[^/}]+}", "[^/]+")
                        .replace(".", "\\.") + "/?");
                if (regex.matcher(path).matches()) {
                    int literals = candidate.split("/").length - candidate.split("\\{", -1).length + 1;
                    if (literals > bestLiterals) {
                        best = candidate;
                        bestLiterals = literals;
                    }
                }
            }
            return best;
        }
    }

    private static JsonNode integerOrText(String value) {
        try {
            return MAPPER.getNodeFactory().numberNode(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(value);
        }
    }

    private static boolean hasField(JsonNode node, String name) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            if (it.next().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** JSON pointer escaping (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
