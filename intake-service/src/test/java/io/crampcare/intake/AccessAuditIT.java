package io.crampcare.intake;

import static io.crampcare.testsupport.TestTokens.ACCESS_REASON;
import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.crampcare.testsupport.TestTokens.asAdminWithoutReason;
import static io.crampcare.testsupport.TestTokens.asUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.support.audit.AuditEntries;
import io.crampcare.support.audit.AuditEntry;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The audit of access on the real database: an admin acting on another user's data says why and is recorded (also
 * when the record does not exist); without a reason it is a 400 naming the header; users reading their own data
 * leave no entry. The operator endpoint pages the entries, newest first, for admins only.
 */
@QuarkusTest
class AccessAuditIT {

    private static final String AUDIT = "/api/v1/admin/audit";
    private static final String GET_REPORT = "GET /api/v1/cramp-reports/{id}";

    @Inject
    AuditEntries audit;

    @Test
    void anAdminReadingAnotherUsersReportIsRecordedWithTheReason() {
        String user = TestUsers.newUser("audited");
        String id = submit(user);
        String reason = "ticket " + UUID.randomUUID() + ": no advice came";

        asAdminWithoutReason().header(ACCESS_REASON, reason).when().get("/api/v1/cramp-reports/" + id).then()
                .statusCode(200).body("userId", equalTo(user));

        JsonPath entries = entriesAbout(user);
        assertEquals(1, entries.getList("items").size(), entries.prettify());
        assertEquals(TestTokens.ADMIN, entries.getString("items[0].actor"));
        assertEquals(TestTokens.ADMIN_ROLE, entries.getString("items[0].actorRole"));
        assertEquals(user, entries.getString("items[0].subjectUserId"));
        assertEquals(GET_REPORT, entries.getString("items[0].operation"));
        assertEquals(reason, entries.getString("items[0].reason"));
        assertEquals("intake-service", entries.getString("items[0].service"));
        Instant at = Instant.parse(entries.getString("items[0].at"));
        assertEquals(true, Math.abs(at.toEpochMilli() - System.currentTimeMillis()) < 60_000, "at: " + at);
    }

    @Test
    void withoutAValidReasonAnAdminGets400NamingTheHeaderAndNothingIsRead() {
        String user = TestUsers.newUser("unreasoned");
        String id = submit(user);
        for (var request : List.of(asAdminWithoutReason(), asAdminWithoutReason().header(ACCESS_REASON, "   "),
                asAdminWithoutReason().header(ACCESS_REASON, "x".repeat(201)))) {
            request.when().get("/api/v1/cramp-reports/" + id).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(ACCESS_REASON));
        }
        asAdminWithoutReason().queryParam("userId", user).when().get("/api/v1/cramp-reports").then().statusCode(400)
                .body("errors[0].field", equalTo(ACCESS_REASON));
        asAdminWithoutReason().contentType(ContentType.JSON).body(TestReports.valid(user))
                .when().post("/api/v1/cramp-reports").then().statusCode(400)
                .body("errors[0].field", equalTo(ACCESS_REASON));
        asAdminWithoutReason().header(ACCESS_REASON, "x".repeat(200)).when().get("/api/v1/cramp-reports/" + id).then()
                .statusCode(200);
        assertEquals(1, entriesAbout(user).getList("items").size(), "only the request with a reason is recorded");
    }

    @Test
    void aUserReadingTheirOwnDataLeavesNoEntry() {
        String user = TestUsers.newUser("own");
        String id = submit(user);
        asUser(user).when().get("/api/v1/cramp-reports/" + id).then().statusCode(200);
        asUser(user).queryParam("userId", user).when().get("/api/v1/cramp-reports").then().statusCode(200);
        entriesAbout(user).getList("items").forEach(item -> { throw new AssertionError("recorded: " + item); });
    }

    @Test
    void anAdminsAttemptThatEndsIn404IsRecordedToo() {
        UUID missing = UUID.randomUUID();
        String reason = "looking for " + missing;
        asAdminWithoutReason().header(ACCESS_REASON, reason).when().get("/api/v1/cramp-reports/" + missing).then()
                .statusCode(404);
        JsonPath entries = asAdmin().queryParam("pageSize", 100).when().get(AUDIT).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> mine = entries.<Map<String, Object>>getList("items").stream()
                .filter(e -> reason.equals(e.get("reason"))).toList();
        assertEquals(1, mine.size(), entries.prettify());
        assertEquals(GET_REPORT, mine.get(0).get("operation"));
        assertEquals(null, mine.get(0).get("subjectUserId"), "the id named nobody");
    }

    @Test
    void theOperatorEndpointPagesNewestFirstAndTheExportReadsOldestFirst() {
        String user = TestUsers.newUser("paged");
        String id = submit(user);
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reasons.add("reason " + i);
            asAdminWithoutReason().header(ACCESS_REASON, "reason " + i).when().get("/api/v1/cramp-reports/" + id)
                    .then().statusCode(200);
        }
        JsonPath first = asAdmin().queryParam("userId", user).queryParam("pageSize", 2).when().get(AUDIT).then()
                .statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        JsonPath second = asAdmin().queryParam("userId", user).queryParam("pageSize", 2)
                .queryParam("pageToken", first.getString("nextPageToken")).when().get(AUDIT).then().statusCode(200)
                .body("items", hasSize(1)).body("nextPageToken", nullValue()).extract().jsonPath();
        List<String> newestFirst = new ArrayList<>(first.getList("items.reason"));
        newestFirst.addAll(second.getList("items.reason"));
        List<String> expected = new ArrayList<>(reasons);
        Collections.reverse(expected);
        assertEquals(expected, newestFirst);

        assertEquals(reasons, audit.entriesAbout(user).stream().map(AuditEntry::reason).toList(),
                "entriesAbout: every entry about the user, oldest first");

        Instant later = Instant.now().plusSeconds(3600);
        asAdmin().queryParam("userId", user).queryParam("from", later.toString()).when().get(AUDIT).then()
                .statusCode(200).body("items", hasSize(0));
        asAdmin().queryParam("userId", user).queryParam("to", later.toString()).when().get(AUDIT).then()
                .statusCode(200).body("items", hasSize(3));
        asAdmin().queryParam("pageToken", "nope").when().get(AUDIT).then().statusCode(400)
                .body("errors[0].field", equalTo("pageToken"));
    }

    @Test
    void onlyAdminsReadTheAudit() {
        String user = TestUsers.newUser("curious");
        asUser(user).queryParam("userId", user).when().get(AUDIT).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    private static String submit(String user) {
        return asUser(user).contentType(ContentType.JSON).body(TestReports.valid(user))
                .when().post("/api/v1/cramp-reports").then().statusCode(201).extract().path("id");
    }

    private static JsonPath entriesAbout(String user) {
        return asAdmin().queryParam("userId", user).queryParam("pageSize", 100).when().get(AUDIT).then()
                .statusCode(200).extract().jsonPath();
    }
}
