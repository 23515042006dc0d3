package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.testsupport.TestUsers;
import io.cloudevents.CloudEvent;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Real Kafka and PostgreSQL: report events in, advice rows and advice events out, exactly once in effect. */
@QuarkusTest
class AdviceFlowIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static CloudEventWriter writer;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void connect() {
        writer = new CloudEventWriter(TestUsers.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        writer.close();
    }

    @Test
    void aReportEventBecomesStoredAdviceAndAnAdviceEvent() throws Exception {
        String user = TestUsers.newUser("flow");
        UUID reportId = UUID.randomUUID();
        sendReport(user, reportId, UUID.randomUUID().toString(), AdviceEvents.report(user, reportId));

        Response advice = awaitAdvice(reportId);
        advice.then().statusCode(200)
                .body("reportId", is(reportId.toString()))
                .body("userId", is(user))
                .body("urgency", is("SELF_CARE"))
                .body("recommendations.ruleId", hasItem("gradual-shift-position"))
                .body("recommendations.ruleId", hasItem("ease-glute-load"))
                .body("hydration.dailyTargetMl", is(2800))
                .body("disclaimer", notNullValue())
                .body("rulesetVersion", notNullValue());
        String adviceId = advice.path("adviceId");
        asAdmin().when().get("/api/v1/advice/" + adviceId).then().statusCode(200).body("reportId", is(reportId.toString()));

        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.ADVICE)) {
            List<ConsumerRecord<String, CloudEvent>> events = reader.await(r -> user.equals(r.key()), 1, TIMEOUT);
            assertEquals(1, events.size());
            CloudEvent event = events.get(0).value();
            assertEquals(EventTypes.ADVICE_ISSUED, event.getType());
            assertEquals("/crampcare/advice-service", event.getSource().toString());
            assertEquals(user, event.getSubject());
            String payload = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            EventSchemas.assertValid(event.getType(), payload);
            assertEquals(adviceId, json.readTree(payload).get("adviceId").asText());
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String user = TestUsers.newUser("dup");
        UUID reportId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> report = AdviceEvents.report(user, reportId);
        sendReport(user, reportId, eventId, report);
        sendReport(user, reportId, eventId, report);
        // Even a second event id for the same report (a producer replaying) gives no second advice.
        sendReport(user, reportId, UUID.randomUUID().toString(), report);
        // A later, different report is the marker that all three were consumed.
        UUID marker = UUID.randomUUID();
        sendReport(user, marker, UUID.randomUUID().toString(), AdviceEvents.report(user, marker));
        awaitAdvice(marker).then().statusCode(200);

        asAdmin().when().get("/api/v1/users/" + user + "/advice").then().statusCode(200).body("items", hasSize(2));
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.ADVICE)) {
            assertEquals(2, reader.await(r -> user.equals(r.key()), 2, TIMEOUT).size());
        }
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() throws Exception {
        String user = TestUsers.newUser("poison");
        String garbageId = UUID.randomUUID().toString();
        writer.send(Topics.CRAMP_REPORTS, user, garbageId, EventTypes.CRAMP_REPORT_SUBMITTED, AdviceEvents.INTAKE_SOURCE,
                "{ this is not json");
        String wrongTypeId = UUID.randomUUID().toString();
        writer.send(Topics.CRAMP_REPORTS, user, wrongTypeId, "io.crampcare.something.else.v1", AdviceEvents.INTAKE_SOURCE,
                "{}");
        UUID good = UUID.randomUUID();
        sendReport(user, good, UUID.randomUUID().toString(), AdviceEvents.report(user, good));

        awaitAdvice(good).then().statusCode(200);
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(),
                Topics.deadLetter(Topics.CRAMP_REPORTS))) {
            List<ConsumerRecord<String, CloudEvent>> parked = reader.await(r -> user.equals(r.key()), 2, TIMEOUT);
            assertEquals(List.of(garbageId, wrongTypeId), parked.stream().map(r -> r.value().getId()).toList());
            ConsumerRecord<String, CloudEvent> first = parked.get(0);
            assertEquals("{ this is not json", new String(first.value().getData().toBytes(), StandardCharsets.UTF_8));
            Header reason = first.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the failure reason travels with the record");
        }
    }

    @Test
    void frequentCrampsDespiteAdherenceMeanSeeADoctor() {
        String user = TestUsers.newUser("frequent");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int day = 1; day <= 5; day++) {
            for (String kind : List.of("HYDRATION", "WARM_UP")) {
                writer.send(Topics.NUDGE_ACKS, user, UUID.randomUUID().toString(), EventTypes.NUDGE_ACKNOWLEDGED,
                        AdviceEvents.REMINDER_SOURCE,
                        AdviceEvents.json(AdviceEvents.ack(user, kind, "DONE", now.minus(day, ChronoUnit.DAYS))));
            }
        }
        UUID last = null;
        for (int i = 3; i >= 1; i--) {
            last = UUID.randomUUID();
            sendReport(user, last, UUID.randomUUID().toString(),
                    AdviceEvents.report(user, last, now.minus(i, ChronoUnit.DAYS).plusSeconds(3600)));
            awaitAdvice(last).then().statusCode(200);
        }
        asAdmin().when().get("/api/v1/users/" + user + "/adherence")
                .then().statusCode(200).body("answered", is(10)).body("adherence", is(1.0f));
        asAdmin().when().get("/api/v1/cramp-reports/" + last + "/advice")
                .then().statusCode(200)
                .body("urgency", is("SEE_DOCTOR"))
                .body("recommendations[0].ruleId", is("frequent-despite-advice"));
    }

    @Test
    void adviceNotYetProducedIs404WithRetryAfter() {
        asAdmin().when().get("/api/v1/cramp-reports/" + UUID.randomUUID() + "/advice")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("Retry-After", "1");
    }

    private void sendReport(String user, UUID reportId, String eventId, Map<String, Object> report) {
        writer.send(Topics.CRAMP_REPORTS, user, eventId, EventTypes.CRAMP_REPORT_SUBMITTED, AdviceEvents.INTAKE_SOURCE,
                AdviceEvents.json(report));
    }

    private static Response awaitAdvice(UUID reportId) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> asAdmin().when().get("/api/v1/cramp-reports/" + reportId + "/advice"),
                        r -> r.statusCode() == 200);
    }
}
