package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Relay isolation on the real broker: events that can never be published (too large for the broker, a topic that
 * does not exist) are parked after their own bounded attempts, shown with their last error, retried on demand, and
 * hold back only the later events of their own key, while every other report goes out at once.
 */
@QuarkusTest
class OutboxIsolationIT {

    private static final String REPORTS = "/api/v1/cramp-reports";
    private static final String ADMIN_OUTBOX = "/api/v1/admin/outbox";

    @Inject
    DataSource dataSource;

    @Test
    void unpublishableEventsAreParkedAndHoldBackOnlyTheirKey() throws Exception {
        String blockedKey = TestUsers.newUser("blocked");
        UUID tooLarge = insert(Topics.CRAMP_REPORTS, blockedKey, "{\"pad\":\"" + "x".repeat(1_200_000) + "\"}");
        UUID behindIt = insert(Topics.CRAMP_REPORTS, blockedKey, "{}");
        UUID noTopic = insert("no-such-topic", TestUsers.newUser("lost"), "{}");

        // Meanwhile other users' reports flow as usual; each one's delay from its transaction to the broker is printed.
        List<String> users = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        for (int i = 0; i < 20; i++) {
            users.add(TestUsers.newUser("flowing"));
            ids.add(asAdmin().contentType(ContentType.JSON).body(TestReports.valid(users.get(i), start.plusSeconds(i)))
                    .when().post(REPORTS).then().statusCode(201).extract().path("id"));
            Thread.sleep(100);
        }
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.CRAMP_REPORTS)) {
            List<ConsumerRecord<String, CloudEvent>> records = reader.await(r -> users.contains(r.key()), ids.size(),
                    Duration.ofSeconds(60));
            assertEquals(ids.size(), records.size(), "every other report is published");
            List<Long> delaysMs = new ArrayList<>();
            records.forEach(r -> delaysMs.add(r.timestamp() - r.value().getTime().toInstant().toEpochMilli()));
            Collections.sort(delaysMs);
            System.out.printf("[outbox] beside parked events: %d reports, transaction-to-broker delay p50 %d ms, "
                    + "max %d ms%n", delaysMs.size(), delaysMs.get(delaysMs.size() / 2), delaysMs.get(delaysMs.size() - 1));
        }

        JsonPath outbox = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> asAdmin().when().get(ADMIN_OUTBOX).then().statusCode(200).extract().jsonPath(),
                        json -> json.getList("parkedEvents.id").containsAll(List.of(tooLarge.toString(), noTopic.toString())));
        Map<String, Object> parked = parkedEvent(outbox, tooLarge);
        assertTrue(String.valueOf(parked.get("lastError")).contains("RecordTooLargeException"), parked.toString());
        assertEquals(3, parked.get("attempts"), "parked after crampcare.outbox.max-attempts (3 in tests)");
        assertEquals(blockedKey, parked.get("key"));
        assertTrue(String.valueOf(parkedEvent(outbox, noTopic).get("lastError")).contains("no-such-topic"),
                parkedEvent(outbox, noTopic).toString());
        assertTrue(outbox.getLong("parked") >= 2);
        assertFalse(outbox.getList("parkedEvents.id").contains(behindIt.toString()), "the later event is not parked...");
        assertFalse(sent(behindIt), "...but waits behind the parked one of its key");

        // Retried on demand: unparked with its attempts reset, it fails again on its own and is parked again.
        asAdmin().when().post(ADMIN_OUTBOX + "/parked/" + tooLarge + "/retry").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedEvent(asAdmin().when().get(ADMIN_OUTBOX).then()
                .extract().jsonPath(), tooLarge) != null);
        asAdmin().when().post(ADMIN_OUTBOX + "/parked/" + UUID.randomUUID() + "/retry").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("No parked outbox event"));

        // Once the blocking event is gone (here: an operator deleted it), its key moves on.
        execute("DELETE FROM outbox_event WHERE id = ?", tooLarge);
        await().atMost(Duration.ofSeconds(30)).until(() -> sent(behindIt));
        execute("DELETE FROM outbox_event WHERE id = ?", noTopic);
    }

    private static Map<String, Object> parkedEvent(JsonPath outbox, UUID id) {
        return outbox.getMap("parkedEvents.find { it.id == '" + id + "' }");
    }

    private UUID insert(String topic, String key, String payload) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)""")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, EventTypes.CRAMP_REPORT_SUBMITTED);
            insert.setString(5, key);
            insert.setString(6, payload);
            insert.executeUpdate();
        }
        return id;
    }

    private boolean sent(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT sent_at IS NOT NULL FROM outbox_event WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private void execute(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }
}
