package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.crampcare.testsupport.TestTokens.asAdminWithoutReason;
import static io.crampcare.testsupport.TestTokens.asUser;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;

import io.crampcare.support.privacy.ErasureStore;
import io.crampcare.support.privacy.SubjectHash;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.EventSchemas;
import io.crampcare.testsupport.TestKeyring;
import io.crampcare.testsupport.TestQueries;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A person's erasure through the intake service on real PostgreSQL: asked once by the person, the intake service's
 * part erased by its worker (reports, outbox events, Idempotency-Key records), the person's tokens acting on nothing
 * from then on, another user untouched; the receipt once every service has erased its part (the advice and reminder
 * services' parts are marked here as their workers would), with nothing left that names the person.
 */
@QuarkusTest
class ErasureIT {

    private static final String REPORTS = "/api/v1/cramp-reports";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;
    @Inject
    ErasureStore store;

    @Test
    void aPersonIsErasedHereAndTheReceiptComesWhenEveryServiceHasErased() throws Exception {
        String user = TestUsers.newUser("erased");
        String other = TestUsers.newUser("kept");
        for (String someone : List.of(user, user, other)) {
            asUser(someone).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(TestReports.valid(someone)).when().post(REPORTS).then().statusCode(201);
        }

        // An admin looked, and said why naming the person: the audit keeps that, but not whom, once they are erased.
        asAdminWithoutReason().header("CrampCare-Access-Reason", "ticket about " + user).when()
                .get(REPORTS + "?userId=" + user).then().statusCode(200);

        String subjectRef = TestKeyring.ofServiceUnderTest().keyOf(user).subjectRef().toString();
        assertEquals(2, count("SELECT count(*) FROM outbox_event WHERE message_key = ?", subjectRef));

        Response asked = asUser(user).when().post("/api/v1/users/" + user + "/erasure");
        asked.then().statusCode(202).contentType(ContentType.JSON)
                .body("status", is("IN_PROGRESS")).body("requestedBy", is("SELF"))
                .body("services.service", hasItems("intake-service", "advice-service", "reminder-service"))
                .body("userId", nullValue());
        String id = asked.path("id");
        String self = "/api/v1/erasures/" + id;
        assertEquals(self, asked.header("Location"));

        // The person's tokens act on nothing from the request on; asking again answers the same erasure.
        asUser(user).when().get(REPORTS + "?userId=" + user).then().statusCode(403)
                .body("detail", containsString("erased"));
        asUser(user).contentType(ContentType.JSON).body(TestReports.valid(user)).when().post(REPORTS)
                .then().statusCode(403);
        asUser(user).when().post("/api/v1/users/" + user + "/erasure").then().statusCode(202).body("id", is(id));

        // A report that passed its check just before the erasure and committed after the first pass: the second
        // pass erases it too.
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> count("""
                SELECT count(*) FROM privacy.erasure_step
                WHERE erasure_id = ?::uuid AND service = 'intake-service' AND first_pass_at IS NOT NULL""", id) == 1);
        insertLateReport(user);
        assertEquals("PENDING", asUser(user).when().get(self).then().statusCode(200)
                .extract().path("services.find { it.service == 'intake-service' }.status"), "until the second pass");

        // The intake service's worker erases its part; the others are pending (their services do not run here).
        await().atMost(TIMEOUT).until(() -> "ERASED".equals(asUser(user).when().get(self).then().statusCode(200)
                .extract().path("services.find { it.service == 'intake-service' }.status")));
        asUser(user).when().get(self).then().body("status", is("IN_PROGRESS"))
                .body("services.find { it.service == 'advice-service' }.status", is("PENDING"));
        assertEquals(0, count("SELECT count(*) FROM cramp_report WHERE user_id = ?", user));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE message_key = ?", subjectRef));
        assertEquals(0, count("SELECT count(*) FROM idempotent_request WHERE idempotency_key LIKE ?", user + "/%"));
        assertEquals(1, count("SELECT count(*) FROM cramp_report WHERE user_id = ?", other), "another user's stays");
        assertEquals(0, count("SELECT count(*) FROM access_audit WHERE subject_user_id = ? OR reason LIKE ?", user,
                "%" + user + "%"));
        assertEquals(1, count("SELECT count(*) FROM access_audit WHERE subject_user_id = ? AND reason = ?",
                "erased:" + SubjectHash.of(user), "ticket about erased:" + SubjectHash.of(user)));
        asUser(other).when().get(REPORTS + "?userId=" + other).then().statusCode(200).body("items.size()", is(1));

        // Only the person (and admins) may read it; nobody else learns it exists.
        asUser(other).when().get(self).then().statusCode(404);
        asUser(other).when().post("/api/v1/users/" + user + "/erasure").then().statusCode(403);
        asAdmin().when().get(self).then().statusCode(200).body("id", is(id));

        // The other services finish: the last one completes the erasure, and the registry forgets the user id.
        UUID erasure = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> store.markErased(erasure, "advice-service", 0));
        asUser(user).when().get(self).then().body("status", is("IN_PROGRESS"));
        QuarkusTransaction.requiringNew().run(() -> store.markErased(erasure, "reminder-service", 0));
        asUser(user).when().get(self).then().statusCode(200).body("status", is("COMPLETED"))
                .body("completedAt", notNullValue());
        assertNull(TestQueries.first(dataSource, "SELECT user_id FROM privacy.erasure WHERE id = ?",
                row -> row.getString(1), erasure));
        assertEquals(1, count("SELECT count(*) FROM privacy.erasure WHERE subject_hash = ?", SubjectHash.of(user)));
        asUser(user).when().get(REPORTS + "?userId=" + user).then().statusCode(403);
    }

    /**
     * The worker that completes an erasure (intake's here: the other services' steps are marked erased in SQL, as
     * their workers would) shreds the person's key and publishes the erasure on {@code erasures} in that
     * transaction: one record, unsealed, keyed by the person's former subjectRef, naming nothing else.
     */
    @Test
    void completingAnErasurePublishesItOnceWithTheFormerSubjectRefOnly() throws Exception {
        String user = TestUsers.newUser("erased-event");
        String reportId = asUser(user).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(TestReports.valid(user)).when().post(REPORTS).then().statusCode(201).extract().path("id");
        String subjectRef = TestKeyring.ofServiceUnderTest().keyOf(user).subjectRef().toString();
        String id = asUser(user).when().post("/api/v1/users/" + user + "/erasure").then().statusCode(202)
                .extract().path("id");
        // Before intake's second pass (2 s after its first), so that intake's worker is the last to finish.
        assertEquals(2, update("""
                UPDATE privacy.erasure_step SET first_pass_at = now(), erased_at = now(), rows_erased = 0
                WHERE erasure_id = ?::uuid AND service IN ('advice-service', 'reminder-service')""", id));

        await().atMost(TIMEOUT).until(() -> "COMPLETED".equals(asUser(user).when().get("/api/v1/erasures/" + id)
                .then().statusCode(200).extract().path("status")));
        assertEquals(1, count("""
                SELECT count(*) FROM privacy.subject_key
                WHERE subject_ref = ?::uuid AND user_id IS NULL AND secret IS NULL AND shredded_at IS NOT NULL""",
                subjectRef), "the key is shredded");

        try (CloudEventReader reader = CloudEventReader.sealed(TestUsers.bootstrapServers(), Topics.ERASURES)) {
            List<ConsumerRecord<String, CloudEvent>> records = reader.await(r -> subjectRef.equals(r.key()), 1, TIMEOUT);
            assertEquals(1, records.size(), "one erasure event: " + records);
            CloudEvent event = records.get(0).value();
            assertEquals(EventTypes.SUBJECT_ERASED, event.getType());
            assertEquals(subjectRef, event.getSubject());
            assertEquals(URI.create("/crampcare/intake-service"), event.getSource());
            EventSchemas.assertValid(event); // not sealed: ce_dataschema and the value are its own schema's
            String value = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            JsonNode payload = new ObjectMapper().readTree(value);
            Set<String> fields = new HashSet<>();
            payload.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("subjectRef", "erasedAt"), fields, "the subjectRef and the time, nothing else");
            assertEquals(subjectRef, payload.path("subjectRef").asText());
            assertEquals(event.getTime().toInstant(), Instant.parse(payload.path("erasedAt").asText()),
                    "ce_time is erasedAt");
            for (Header header : records.get(0).headers()) {
                String text = new String(header.value(), StandardCharsets.UTF_8);
                assertFalse(text.contains(user) || text.contains(reportId), header.key() + " names the person");
            }
            assertFalse(value.contains(user) || value.contains(reportId), value);
        }
        // Nothing about the person is left to publish: the outbox holds only that event under the subjectRef.
        assertEquals(0, count("""
                SELECT count(*) FROM outbox_event WHERE message_key = ? AND event_type <> 'io.crampcare.subject.erased.v1'""",
                subjectRef));
    }

    @Test
    void anAdminMayAskForAnotherUsersErasure() {
        String user = TestUsers.newUser("erased-by-admin");
        asAdmin().when().post("/api/v1/users/" + user + "/erasure").then().statusCode(202)
                .body("requestedBy", is("ADMIN"));
        asAdmin().when().get(REPORTS + "?userId=" + user).then().statusCode(403);
    }

    private void insertLateReport(String user) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO cramp_report (id, user_id, occurred_at, received_at, muscle, side, onset, severity,
                                          duration_seconds, context)
                VALUES (gen_random_uuid(), ?, now(), now(), 'GLUTEUS_MAXIMUS', 'LEFT', 'SUDDEN', 5, 60, 'AT_REST')
                """)) {
            insert.setString(1, user);
            insert.executeUpdate();
        }
    }

    private int update(String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) throws Exception {
        return TestQueries.first(dataSource, sql, row -> row.getLong(1), parameters);
    }
}
