package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static io.crampcare.testsupport.TestTokens.asUser;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestTokens;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** GET /api/v1/users/{userId}/data: every advice, remembered report and nudge answer of a person, oldest first. */
@QuarkusTest
class PersonalDataIT {

    @Test
    void everyTableOfThePersonFieldByField() {
        String user = "data-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        UUID nudge = UUID.randomUUID();
        String firstAck = UUID.randomUUID().toString();
        String secondAck = UUID.randomUUID().toString();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.CRAMP_REPORTS, user, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                    AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, newer, now.minusSeconds(60))));
            writer.send(Topics.CRAMP_REPORTS, user, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                    AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, older, now.minusSeconds(600))));
            writer.send(Topics.NUDGE_ACKS, user, secondAck, EventTypes.NUDGE_ACKNOWLEDGED, AdviceEvents.REMINDER_SOURCE,
                    AdviceEvents.json(AdviceEvents.ack(user, nudge, "HYDRATION", "DONE", now.minusSeconds(30))));
            writer.send(Topics.NUDGE_ACKS, user, firstAck, EventTypes.NUDGE_ACKNOWLEDGED, AdviceEvents.REMINDER_SOURCE,
                    AdviceEvents.json(AdviceEvents.ack(user, nudge, "HYDRATION", "SNOOZED", now.minusSeconds(90))));
        }
        JsonPath data = await().atMost(Duration.ofSeconds(30)).until(() -> data(user),
                d -> d.getList("advice").size() == 2 && d.getList("nudgeAcks").size() == 2);

        assertEquals(Set.of(older.toString(), newer.toString()), Set.copyOf(data.getList("advice.reportId")));
        List<Instant> issued = data.getList("advice.issuedAt", String.class).stream().map(Instant::parse).toList();
        assertEquals(issued.stream().sorted().toList(), issued, "advice oldest first");
        for (int i = 0; i < 2; i++) {
            String adviceId = data.getString("advice[" + i + "].adviceId");
            Map<String, Object> stored = asUser(user).when().get("/api/v1/advice/" + adviceId).then().statusCode(200)
                    .extract().jsonPath().getMap("");
            assertEquals(stored, data.getMap("advice[" + i + "]"), "the advice as stored: urgency, rules, sources, plan");
        }
        assertEquals(List.of(Map.of("reportId", older.toString(), "occurredAt", now.minusSeconds(600).toString()),
                Map.of("reportId", newer.toString(), "occurredAt", now.minusSeconds(60).toString())),
                data.getList("reportHistory"));
        assertEquals(List.of(
                Map.of("eventId", firstAck, "nudgeId", nudge.toString(), "kind", "HYDRATION", "outcome", "SNOOZED",
                        "acknowledgedAt", now.minusSeconds(90).toString()),
                Map.of("eventId", secondAck, "nudgeId", nudge.toString(), "kind", "HYDRATION", "outcome", "DONE",
                        "acknowledgedAt", now.minusSeconds(30).toString())),
                data.getList("nudgeAcks"));
    }

    @Test
    void onlyThePersonAndAnAdminReadIt() {
        String user = "data-" + UUID.randomUUID();
        asUser("someone-else").when().get("/api/v1/users/" + user + "/data").then().statusCode(403)
                .contentType("application/problem+json");
        Map<String, Object> empty = Map.of("advice", List.of(), "reportHistory", List.of(), "nudgeAcks", List.of(),
                "audit", List.of());
        assertEquals(empty, data(user).getMap(""));
        // The admin's read is in the audit part, with its reason.
        JsonPath admins = asAdmin().when().get("/api/v1/users/" + user + "/data").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), admins.getList("advice"));
        assertEquals(List.of("GET /api/v1/users/{userId}/data"), admins.getList("audit.operation"));
        assertEquals(List.of(TestTokens.TEST_REASON), admins.getList("audit.reason"));
    }

    private static JsonPath data(String user) {
        return asUser(user).when().get("/api/v1/users/" + user + "/data").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }
}
