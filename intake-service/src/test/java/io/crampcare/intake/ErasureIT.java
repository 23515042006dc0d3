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
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.support.privacy.ErasureStore;
import io.crampcare.support.privacy.SubjectHash;
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

    private long count(String sql, Object... parameters) throws Exception {
        return TestQueries.first(dataSource, sql, row -> row.getLong(1), parameters);
    }
}
