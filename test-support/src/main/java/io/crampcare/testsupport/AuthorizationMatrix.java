package io.crampcare.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may call what, for every {@code /api/v1} endpoint of a service: each test sends one kind of caller to every
 * endpoint and checks the status. The endpoint list comes from the service's own OpenAPI document, so an endpoint
 * without a rule here fails the build. A service's test only lists its endpoints ({@link #endpoints()}): each with its
 * rule and what a call on data of {@link #OWNER} needs beyond the path template.
 * <p>
 * Over 300 lines on purpose: the rules, the operator endpoints every service has, and the seven tests that send each
 * kind of caller to every endpoint, inherited together by each service's matrix.
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
     * One row of the matrix: an operation "METHOD /path/{template}" as in the OpenAPI document, its rule, and how to
     * call it on the owner's data. The path is the template filled in: {@code {userId}} with {@link #OWNER}, a
     * parameter given with {@link #with} with its value (asked for on first use, so data is made only when needed),
     * any other parameter with a random UUID (an id that does not exist). An OWN_RECORD row names the owner's record
     * ({@link #ownRecord}); its missing path is the same call on a random id.
     */
    public static final class Endpoint {
        private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

        private final String operation;
        private final Rule rule;
        private final Map<String, Supplier<?>> parameters = new HashMap<>();
        private String record;
        private Supplier<?> body = () -> null;
        private String query = "";
        private String owner = OWNER;

        private Endpoint(String operation, Rule rule) {
            this.operation = operation;
            this.rule = rule;
        }

        /** Fills path parameter {@code name} with a value made on first use. */
        public Endpoint with(String name, Supplier<?> value) {
            parameters.put(name, value);
            return this;
        }

        /** Fills path parameter {@code name} with a fixed value. */
        public Endpoint with(String name, Object value) {
            return with(name, () -> value);
        }

        /** The JSON body, made anew for every call. */
        public Endpoint body(Supplier<?> body) {
            this.body = body;
            return this;
        }

        /**
         * Another owner than {@link #OWNER} for this row (and {@code {userId}} filled with it): for a call that changes
         * its owner for good, such as an erasure, which the other rows' owner must not undergo.
         */
        public Endpoint ownedBy(String user) {
            owner = user;
            return with("userId", user);
        }

        /** A query string appended to the path, e.g. {@code "?userId=" + OWNER}. */
        public Endpoint query(String query) {
            this.query = query;
            return this;
        }

        public String operation() {
            return operation;
        }

        public Rule rule() {
            return rule;
        }

        String owner() {
            return owner;
        }

        Call call() {
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = fill(template, false);
            return new Call(path, body.get(), rule == Rule.OWN_RECORD ? fill(template, true) : null);
        }

        private String fill(String template, boolean missing) {
            return PARAMETER.matcher(template).replaceAll(m -> {
                String name = m.group(1);
                Object value;
                if (missing && name.equals(record)) {
                    value = UUID.randomUUID();
                } else if (parameters.containsKey(name)) {
                    value = parameters.get(name).get();
                } else {
                    value = name.equals("userId") ? OWNER : UUID.randomUUID();
                }
                return Matcher.quoteReplacement(String.valueOf(value));
            }) + query;
        }
    }

    /** An endpoint that names a user: {@code {userId}}, or the query or body, names {@link #OWNER}. */
    protected static Endpoint namedUser(String operation) {
        return new Endpoint(operation, Rule.NAMED_USER);
    }

    /** An endpoint that addresses the owner's record by its (only, or last) path parameter, made on first use. */
    protected static Endpoint ownRecord(String operation, Supplier<?> ownersRecord) {
        Matcher parameters = Endpoint.PARAMETER.matcher(operation);
        String last = null;
        while (parameters.find()) {
            last = parameters.group(1);
        }
        if (last == null) {
            throw new IllegalArgumentException(operation + " has no path parameter to address a record by");
        }
        Endpoint endpoint = new Endpoint(operation, Rule.OWN_RECORD).with(last, ownersRecord);
        endpoint.record = last;
        return endpoint;
    }

    /** A value made on first use and kept: the owner's records, made once for all the tests of the class. */
    protected static <T> Supplier<T> once(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = make.get();
                }
                return value;
            }
        };
    }

    protected static Endpoint anyUser(String operation) {
        return new Endpoint(operation, Rule.ANY_USER);
    }

    protected static Endpoint admin(String operation) {
        return new Endpoint(operation, Rule.ADMIN);
    }

    /**
     * The service's own {@code /api/v1} operations with their rules and calls; the operator endpoints every service
     * gets from service-support are in {@link #OPERATOR_ENDPOINTS}.
     */
    protected abstract List<Endpoint> endpoints();

    /** service-support's operator endpoints, the same in every service. */
    static final List<Endpoint> OPERATOR_ENDPOINTS = List.of(
            admin("GET /api/v1/admin/audit"),
            admin("GET /api/v1/admin/outbox"),
            admin("POST /api/v1/admin/outbox/parked/retry"),
            admin("POST /api/v1/admin/outbox/parked/{id}/retry"),
            // A topic only the advice service consumes (elsewhere a 404): the matrix checks who may call, not replay.
            admin("GET /api/v1/admin/dead-letters/{topic}").with("topic", "cramp-reports.dlq"),
            // A dry run: checking access must not replay other tests' dead letters.
            admin("POST /api/v1/admin/dead-letters/{topic}/replay").with("topic", "cramp-reports.dlq")
                    .body(() -> Map.of("dryRun", true)));

    private Map<String, Endpoint> all;

    /** Every endpoint by operation, sorted; an operation listed twice is a mistake in the test. */
    private synchronized Map<String, Endpoint> all() {
        if (all == null) {
            Map<String, Endpoint> byOperation = new TreeMap<>();
            for (List<Endpoint> endpoints : List.of(OPERATOR_ENDPOINTS, endpoints())) {
                for (Endpoint endpoint : endpoints) {
                    if (byOperation.put(endpoint.operation(), endpoint) != null) {
                        throw new IllegalStateException(endpoint.operation() + " is listed twice");
                    }
                }
            }
            all = byOperation;
        }
        return all;
    }

    private Map<String, Rule> allRules() {
        Map<String, Rule> rules = new TreeMap<>();
        all().forEach((operation, endpoint) -> rules.put(operation, endpoint.rule()));
        return rules;
    }

    private Call callOf(String endpoint) {
        return all().get(endpoint).call();
    }

    private String ownerOf(String endpoint) {
        return all().get(endpoint).owner();
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
                    send(given().auth().oauth2(token.apply(ownerOf(endpoint))), endpoint, callOf(endpoint).path()), 401));
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
                check(wrong, endpoint, "owner", send(TestTokens.asUser(ownerOf(endpoint)), endpoint, path), 403);
            } else {
                notRefused(wrong, endpoint, "owner", send(TestTokens.asUser(ownerOf(endpoint)), endpoint, path));
            }
            notRefused(wrong, endpoint, "admin", send(TestTokens.asAdmin(), endpoint, path));
        });
        failOn(wrong);
    }

    /**
     * An admin acting on a user's data says why (CrampCare-Access-Reason): without a reason, every endpoint that names
     * a user or addresses a record, and the dead-letter tools, answer 400 naming the header.
     */
    @Test
    void anAdminWithoutAReasonGets400() {
        List<String> wrong = new ArrayList<>();
        allRules().forEach((endpoint, rule) -> {
            if (rule == Rule.NAMED_USER || rule == Rule.OWN_RECORD || endpoint.contains("/admin/dead-letters/")) {
                Response response = send(TestTokens.asAdminWithoutReason(), endpoint, callOf(endpoint).path());
                check(wrong, endpoint, "admin without a reason", response, 400);
                if (response.statusCode() == 400 && !TestTokens.ACCESS_REASON
                        .equals(response.jsonPath().getString("errors[0].field"))) {
                    wrong.add(endpoint + " as admin without a reason: 400 not naming " + TestTokens.ACCESS_REASON);
                }
            }
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
            String ownersId = ownerOf(endpoint);
            Response owner = send(given().auth().oauth2(TestTokens.userWithUpn(ownersId, STRANGER)), endpoint, path);
            Response stranger = send(given().auth().oauth2(TestTokens.userWithUpn(STRANGER, ownersId)), endpoint, path);
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
