package io.crampcare.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what, for every {@code /api/v1} endpoint of a service: each test sends one kind of caller to every
 * endpoint and checks the status. The endpoint list comes from the service's own OpenAPI document, so an endpoint
 * without a rule here fails the build. A service's test names its rules and how to call each endpoint on data of
 * {@link #OWNER}.
 */
public abstract class AuthorizationMatrix {

    /** The user whose data the calls address. */
    protected static final String OWNER = "alice-" + Long.toHexString(System.nanoTime());
    /** Another user, who must not reach the owner's data. */
    protected static final String STRANGER = "bob-" + Long.toHexString(System.nanoTime());

    /** How an endpoint is protected. */
    public enum Rule {
        /** Names a user (path, query or body): only that user or an admin; anyone else 403. */
        NAMED_USER,
        /** Addresses a record by id: only its owner or an admin; anyone else 404, exactly as for a missing id. */
        OWN_RECORD,
        /** Any authenticated user. */
        ANY_USER,
        /** Admins only; users 403. */
        ADMIN
    }

    /**
     * A concrete call of one endpoint on the owner's data.
     *
     * @param path        the path with parameters filled in
     * @param body        JSON body, or null
     * @param missingPath for OWN_RECORD, the same call on an id that does not exist (to compare answers)
     */
    public record Call(String path, Object body, String missingPath) {
        public static Call of(String path) {
            return new Call(path, null, null);
        }
    }

    /**
     * The service's own {@code /api/v1} operations as "METHOD /path/{template}" (as in the OpenAPI document), with their
     * rules; the operator endpoints every service gets from service-support are in {@link #OPERATOR_RULES}.
     */
    protected abstract Map<String, Rule> rules();

    /** How to call one of the service's own endpoints on the owner's data (create the data on first use). */
    protected abstract Call call(String endpoint);

    /** service-support's operator endpoints, the same in every service. */
    static final Map<String, Rule> OPERATOR_RULES = Map.of(
            "GET /api/v1/admin/outbox", Rule.ADMIN,
            "POST /api/v1/admin/outbox/parked/retry", Rule.ADMIN,
            "POST /api/v1/admin/outbox/parked/{id}/retry", Rule.ADMIN,
            "GET /api/v1/admin/dead-letters/{topic}", Rule.ADMIN,
            "POST /api/v1/admin/dead-letters/{topic}/replay", Rule.ADMIN);

    private static Call operatorCall(String endpoint) {
        return switch (endpoint) {
            case "GET /api/v1/admin/outbox" -> Call.of("/api/v1/admin/outbox");
            case "POST /api/v1/admin/outbox/parked/retry" -> Call.of("/api/v1/admin/outbox/parked/retry");
            case "POST /api/v1/admin/outbox/parked/{id}/retry" ->
                Call.of("/api/v1/admin/outbox/parked/" + UUID.randomUUID() + "/retry");
            // A topic only the advice service consumes (elsewhere a 404): the matrix checks who may call, not replay.
            case "GET /api/v1/admin/dead-letters/{topic}" -> Call.of("/api/v1/admin/dead-letters/cramp-reports.dlq");
            // A dry run: checking access must not replay other tests' dead letters.
            case "POST /api/v1/admin/dead-letters/{topic}/replay" ->
                new Call("/api/v1/admin/dead-letters/cramp-reports.dlq/replay", Map.of("dryRun", true), null);
            default -> null;
        };
    }

    private Map<String, Rule> allRules() {
        Map<String, Rule> all = new TreeMap<>(OPERATOR_RULES);
        all.putAll(rules());
        return all;
    }

    private Call callOf(String endpoint) {
        Call operator = operatorCall(endpoint);
        return operator != null ? operator : call(endpoint);
    }

    @Test
    void everyEndpointHasARule() {
        JsonPath openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        TreeSet<String> documented = new TreeSet<>();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1")) {
                operations.keySet().stream()
                        .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
                        .forEach(m -> documented.add(m.toUpperCase() + " " + path));
            }
        });
        assertEquals(documented, new TreeSet<>(allRules().keySet()),
                "every documented endpoint needs an access rule in this test, and every rule an endpoint");
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        Map<String, Function<String, String>> badTokens = Map.of(
                "bad signature", TestTokens::badSignature,
                "expired", TestTokens::expired,
                "wrong issuer", TestTokens::wrongIssuer,
                "wrong audience", TestTokens::wrongAudience,
                "lifetime over the maximum", TestTokens::overLongLived,
                "expiring in 2100", TestTokens::expiringIn2100,
                "issued in the future", TestTokens::issuedInTheFuture,
                "without iat", TestTokens::withoutIssuedAt);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : allRules().keySet()) {
            check(wrong, endpoint, "no token", send(given(), endpoint, callOf(endpoint).path()), 401);
            badTokens.forEach((kind, token) -> check(wrong, endpoint, kind,
                    send(given().auth().oauth2(token.apply(OWNER)), endpoint, callOf(endpoint).path()), 401));
        }
        failOn(wrong);
    }

    @Test
    void anotherUserGets403Or404() {
        List<String> wrong = new ArrayList<>();
        allRules().forEach((endpoint, rule) -> {
            Call call = callOf(endpoint);
            Response response = send(TestTokens.asUser(STRANGER), endpoint, call.path());
            switch (rule) {
                case NAMED_USER, ADMIN -> check(wrong, endpoint, "stranger", response, 403);
                case OWN_RECORD -> {
                    check(wrong, endpoint, "stranger", response, 404);
                    Response missing = send(TestTokens.asUser(STRANGER), endpoint, call.missingPath());
                    boolean same = missing.statusCode() == 404
                            && String.valueOf(response.jsonPath().getString("type"))
                                    .equals(missing.jsonPath().getString("type"))
                            && String.valueOf(response.header("Retry-After"))
                                    .equals(String.valueOf(missing.header("Retry-After")));
                    if (!same) {
                        wrong.add(endpoint + ": a stranger can tell an existing record from a missing one");
                    }
                }
                case ANY_USER -> check(wrong, endpoint, "stranger", response, List.of(200, 201, 204));
            }
        });
        failOn(wrong);
    }

    @Test
    void theOwnerAndAnAdminGetThrough() {
        List<String> wrong = new ArrayList<>();
        allRules().forEach((endpoint, rule) -> {
            String path = callOf(endpoint).path();
            if (rule == Rule.ADMIN) {
                check(wrong, endpoint, "owner", send(TestTokens.asUser(OWNER), endpoint, path), 403);
            } else {
                notRefused(wrong, endpoint, "owner", send(TestTokens.asUser(OWNER), endpoint, path));
            }
            notRefused(wrong, endpoint, "admin", send(TestTokens.asAdmin(), endpoint, path));
        });
        failOn(wrong);
    }

    /** A metrics scraper's token (role metrics only) reads /q/metrics and nothing of the API; users cannot scrape. */
    @Test
    void aMetricsTokenReadsMetricsOnly() {
        List<String> wrong = new ArrayList<>();
        allRules().keySet().forEach(endpoint -> check(wrong, endpoint, "metrics reader",
                send(TestTokens.asMetricsReader(), endpoint, callOf(endpoint).path()), 403));
        Map<String, Integer> scrapes = Map.of(
                "metrics reader", TestTokens.asMetricsReader().when().get("/q/metrics").statusCode(),
                "admin", TestTokens.asAdmin().when().get("/q/metrics").statusCode(),
                "user", TestTokens.asUser(OWNER).when().get("/q/metrics").statusCode(),
                "no token", given().when().get("/q/metrics").statusCode(),
                "lifetime over the maximum", given().auth().oauth2(TestTokens.overLongLived(OWNER)).when()
                        .get("/q/metrics").statusCode());
        assertEquals(Map.of("metrics reader", 200, "admin", 200, "user", 403, "no token", 401,
                "lifetime over the maximum", 401), scrapes, "GET /q/metrics");
        failOn(wrong);
    }

    /** The user is the token's sub, as documented, even when its upn (the JWT principal name) names someone else. */
    @Test
    void theTokensSubjectIsTheUser() {
        List<String> wrong = new ArrayList<>();
        allRules().forEach((endpoint, rule) -> {
            String path = callOf(endpoint).path();
            Response owner = send(given().auth().oauth2(TestTokens.userWithUpn(OWNER, STRANGER)), endpoint, path);
            Response stranger = send(given().auth().oauth2(TestTokens.userWithUpn(STRANGER, OWNER)), endpoint, path);
            switch (rule) {
                case NAMED_USER, OWN_RECORD -> {
                    notRefused(wrong, endpoint, "sub owner, upn stranger", owner);
                    if (rule == Rule.OWN_RECORD && owner.statusCode() == 404) {
                        wrong.add(endpoint + " as sub owner, upn stranger: 404, the owner's record was hidden");
                    }
                    check(wrong, endpoint, "sub stranger, upn owner", stranger, rule == Rule.NAMED_USER ? 403 : 404);
                }
                case ADMIN -> check(wrong, endpoint, "sub owner, upn stranger", owner, 403);
                case ANY_USER -> notRefused(wrong, endpoint, "sub owner, upn stranger", owner);
            }
        });
        failOn(wrong);
    }

    private Response send(RequestSpecification request, String endpoint, String path) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        Object body = callOf(endpoint).body();
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        if (method.equals("PUT")) {
            request = request.header("If-Match", "*");
        }
        return request.when().request(method, path);
    }

    private static void check(List<String> wrong, String endpoint, String caller, Response response, int expected) {
        check(wrong, endpoint, caller, response, List.of(expected));
    }

    private static void check(List<String> wrong, String endpoint, String caller, Response response,
            List<Integer> expected) {
        int status = response.statusCode();
        if (!expected.contains(status)) {
            wrong.add(endpoint + " as " + caller + ": " + status + ", expected " + expected);
        } else if ((status == 401 || status == 403) && !response.contentType().startsWith("application/problem+json")) {
            wrong.add(endpoint + " as " + caller + ": " + status + " without a problem body");
        } else if (status == 401 && response.header("WWW-Authenticate") == null) {
            wrong.add(endpoint + " as " + caller + ": 401 without WWW-Authenticate");
        }
    }

    private static void notRefused(List<String> wrong, String endpoint, String caller, Response response) {
        int status = response.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            wrong.add(endpoint + " as " + caller + ": " + status);
        }
    }

    private static void failOn(List<String> wrong) {
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " access rule(s) broken:\n  " + String.join("\n  ", wrong));
        }
    }
}
