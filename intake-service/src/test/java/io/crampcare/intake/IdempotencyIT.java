package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Idempotency-Key: same key and body replays; another body is 422; while the first is in flight, 409. */
@QuarkusTest
class IdempotencyIT {

    private static final String REPORTS = "/api/v1/cramp-reports";

    @Inject
    DataSource dataSource;

    @Test
    void sameKeyAndBodyReplaysTheFirstResponse() {
        String user = TestUsers.newUser("replay");
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = TestReports.valid(user);

        Response first = post(key, report);
        first.then().statusCode(201);

        // Same content, other field order and formatting: still the same request.
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(report.keySet());
        Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, report.get(k)));
        String reordered = prettyJson(reversed);
        Response replay = asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(reordered)
                .when().post(REPORTS);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), replay.asString());
        assertEquals(first.header("Location"), replay.header("Location"));

        asAdmin().queryParam("userId", user).when().get(REPORTS).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String user = TestUsers.newUser("reuse");
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = TestReports.valid(user);
        post(key, report).then().statusCode(201);

        report.put("severity", 9);
        post(key, report).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://crampcare.io/problems/idempotency-key-reused"));
        asAdmin().queryParam("userId", user).when().get(REPORTS).then().body("items", hasSize(1));
    }

    @Test
    void sameKeyWhileTheFirstIsInFlightIs409() throws Exception {
        String user = TestUsers.newUser("inflight");
        String key = UUID.randomUUID().toString();
        Map<String, Object> report = TestReports.valid(user);

        CompletableFuture<Response> first;
        // Hold the first request inside its transaction: block inserts into cramp_report until we let go.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE cramp_report IN SHARE ROW EXCLUSIVE MODE");
            }
            first = CompletableFuture.supplyAsync(() -> post(key, report));
            // Keys are stored per user.
            await().atMost(Duration.ofSeconds(20)).until(() -> keyState(user + "/" + key), "IN_FLIGHT"::equals);

            post(key, report).then().statusCode(409)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("type", is("https://crampcare.io/problems/request-in-progress"));
            lock.rollback();
        }
        Response completed = first.get();
        completed.then().statusCode(201);

        Response replay = post(key, report);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(completed.asString(), replay.asString());
        asAdmin().queryParam("userId", user).when().get(REPORTS).then().body("items", hasSize(1));
    }

    private static Response post(String key, Map<String, Object> report) {
        return asAdmin().contentType(ContentType.JSON).header("Idempotency-Key", key).body(report).when().post(REPORTS);
    }

    private String keyState(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT state FROM idempotent_request WHERE idempotency_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static String prettyJson(Object value) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
