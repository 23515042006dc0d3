package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.testsupport.TestUsers;
import io.cloudevents.CloudEvent;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.DeadLetters;
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
        Map<String, Object> report = AdviceEvents.report(user, reportId);
        sendReport(user, reportId, UUID.randomUUID().toString(), report);

        Response advice = awaitAdvice(reportId);
        advice.then().statusCode(200)
                .body("reportId", is(reportId.toString()))
                .body("userId", is(user))
                .body("urgency", is("SELF_CARE"))
                .body("recommendations.ruleId", hasItem("gradual-shift-position"))
                .body("recommendations.ruleId", hasItem("ease-glute-load"))
                .body("hydration.dailyTargetMl", is(2800))
                .body("hydration.alreadyDrunkTodayMl", is(900))
                .body("hydration.remainingTodayMl", is(1900))
                .body("hydration.drinkToThirstOnly", is(false))
                .body("disclaimer", notNullValue())
                .body("rulesetVersion", notNullValue());
        String adviceId = advice.path("adviceId");
        assertEquals(Instant.parse((String) report.get("occurredAt")), Instant.parse(advice.path("reportOccurredAt")),
                "the advice says when its report's cramp began");
        asAdmin().when().get("/api/v1/advice/" + adviceId).then().statusCode(200).body("reportId", is(reportId.toString()));

        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.ADVICE)) {
            List<ConsumerRecord<String, CloudEvent>> events = reader.await(r -> user.equals(r.key()), 1, TIMEOUT);
            assertEquals(1, events.size());
            CloudEvent event = events.get(0).value();
            assertEquals(EventTypes.ADVICE_ISSUED, event.getType());
            assertEquals("/crampcare/advice-service", event.getSource().toString());
            assertEquals(user, event.getSubject());
            String payload = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
            EventSchemas.assertValid(event); // ce_dataschema included
            assertEquals(adviceId, json.readTree(payload).get("adviceId").asText());
            assertEquals(Instant.parse((String) report.get("occurredAt")),
                    Instant.parse(json.readTree(payload).get("reportOccurredAt").asText()));
            Instant issuedAt = Instant.parse(json.readTree(payload).get("issuedAt").asText());
            assertEquals(issuedAt, event.getTime().toInstant(), "ce_time is the advice's issuedAt, to the microsecond");
            assertEquals(issuedAt, Instant.parse(advice.path("issuedAt")), "the stored advice has the same issuedAt");
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
        // A valid report that says it was written to another contract: ce_dataschema must match ce_type.
        String wrongSchemaId = UUID.randomUUID().toString();
        UUID wrongSchemaReport = UUID.randomUUID();
        writer.sendNamingSchema(Topics.CRAMP_REPORTS, user, wrongSchemaId, EventTypes.CRAMP_REPORT_SUBMITTED,
                AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, wrongSchemaReport)),
                "https://crampcare.io/schemas/advice-issued.v1.json");
        UUID good = UUID.randomUUID();
        sendReport(user, good, UUID.randomUUID().toString(), AdviceEvents.report(user, good));

        awaitAdvice(good).then().statusCode(200);
        asAdmin().when().get("/api/v1/cramp-reports/" + wrongSchemaReport + "/advice").then().statusCode(404);
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(),
                Topics.deadLetter(Topics.CRAMP_REPORTS))) {
            List<ConsumerRecord<String, CloudEvent>> parked = reader.await(r -> user.equals(r.key()), 3, TIMEOUT);
            assertEquals(List.of(garbageId, wrongTypeId, wrongSchemaId),
                    parked.stream().map(r -> r.value().getId()).toList());
            ConsumerRecord<String, CloudEvent> first = parked.get(0);
            assertEquals("{ this is not json", new String(first.value().getData().toBytes(), StandardCharsets.UTF_8));
            Header reason = first.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the failure reason travels with the record");
            String schemaReason = new String(parked.get(2).headers().lastHeader("dead-letter-reason").value(),
                    StandardCharsets.UTF_8);
            assertTrue(schemaReason.contains("names the schema https://crampcare.io/schemas/advice-issued.v1.json"),
                    schemaReason);
        }
    }

    /**
     * Issue 27: a CloudEvent of the right type whose payload breaks its schema is poison: dead-lettered at once, never
     * advised on, and the report after it is. Each of these was read before the check (7.9 as 7, "60" as 60, 15 as the
     * sixteenth symptom).
     */
    @Test
    void aReportThatBreaksItsSchemaIsDeadLetteredAndNotAdvisedOn() {
        String user = TestUsers.newUser("forged-report");
        Map<String, String> culprits = new LinkedHashMap<>();
        Map<String, String> payloads = new LinkedHashMap<>();
        List<UUID> forgedReports = new ArrayList<>();
        for (Map.Entry<String, Object> forgery : List.of(Map.entry("severity", (Object) 7.9),
                Map.entry("durationSeconds", (Object) "60"), Map.entry("symptoms", (Object) List.of(15)),
                Map.entry("waterTodayMl", (Object) 25000))) {
            UUID reportId = UUID.randomUUID();
            Map<String, Object> report = AdviceEvents.report(user, reportId);
            report.put(forgery.getKey(), forgery.getValue());
            String eventId = UUID.randomUUID().toString();
            culprits.put(eventId, forgery.getKey());
            payloads.put(eventId, AdviceEvents.json(report));
            forgedReports.add(reportId);
            sendReport(user, reportId, eventId, report);
        }
        UUID good = UUID.randomUUID();
        sendReport(user, good, UUID.randomUUID().toString(), AdviceEvents.report(user, good));

        awaitAdvice(good).then().statusCode(200);
        asAdmin().when().get("/api/v1/users/" + user + "/advice").then().statusCode(200).body("items", hasSize(1));
        forgedReports.forEach(id -> asAdmin().when().get("/api/v1/cramp-reports/" + id + "/advice")
                .then().statusCode(404));
        DeadLetters.assertPoisoned(Topics.CRAMP_REPORTS, user, culprits, payloads);
    }

    /** Issue 27: an answer that breaks its schema is dead-lettered, not counted; the answer after it is. */
    @Test
    void anAnswerThatBreaksItsSchemaIsDeadLetteredAndNotCounted() {
        String user = TestUsers.newUser("forged-ack");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        Map<String, String> culprits = new LinkedHashMap<>();
        Map<String, String> payloads = new LinkedHashMap<>();
        // Read before the check as a HYDRATION nudge DONE (enum indexes), and as an instant (epoch seconds).
        for (Map.Entry<String, Object> forgery : List.of(Map.entry("kind", (Object) 0), Map.entry("outcome", (Object) 0),
                Map.entry("acknowledgedAt", (Object) at.getEpochSecond()))) {
            Map<String, Object> ack = new LinkedHashMap<>(AdviceEvents.ack(user, "HYDRATION", "DONE", at));
            ack.put(forgery.getKey(), forgery.getValue());
            String eventId = UUID.randomUUID().toString();
            culprits.put(eventId, forgery.getKey());
            payloads.put(eventId, AdviceEvents.json(ack));
            writer.send(Topics.NUDGE_ACKS, user, eventId, EventTypes.NUDGE_ACKNOWLEDGED, AdviceEvents.REMINDER_SOURCE,
                    payloads.get(eventId));
        }
        sendAck(user, UUID.randomUUID(), "SKIPPED", at);

        awaitAnswered(user, 1);
        asAdmin().when().get("/api/v1/users/" + user + "/adherence").then().statusCode(200)
                .body("answered", is(1)).body("adherence", is(0.0f));
        DeadLetters.assertPoisoned(Topics.NUDGE_ACKS, user, culprits, payloads);
    }

    @Test
    void nineLitresAfterALongRunPlanNoMoreWaterToday() throws Exception {
        String user = TestUsers.newUser("overdrinking");
        UUID reportId = UUID.randomUUID();
        Map<String, Object> report = AdviceEvents.report(user, reportId);
        report.put("activity", Map.of("type", "RUNNING", "intensity", "MODERATE", "minutes", 240));
        report.put("waterTodayMl", 9000);
        report.put("notes", "headache and nausea");
        sendReport(user, reportId, UUID.randomUUID().toString(), report);

        awaitAdvice(reportId).then().statusCode(200)
                .body("urgency", is("SELF_CARE"))
                .body("recommendations.ruleId", hasItem("overdrinking-guard"))
                .body("recommendations.ruleId", not(hasItem("daily-water")))
                .body("recommendations.text", everyItem(not(containsString("Drink at least"))))
                .body("hydration.alreadyDrunkTodayMl", is(9000))
                .body("hydration.remainingTodayMl", is(0))
                .body("hydration.drinkToThirstOnly", is(true));
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(), Topics.ADVICE)) {
            CloudEvent event = reader.await(r -> user.equals(r.key()), 1, TIMEOUT).get(0).value();
            EventSchemas.assertValid(event);
        }
    }

    /** Enums are open (event catalogue, Versioning): what a newer intake adds is read as unknown, never as an error. */
    @Test
    void aSymptomFromANewerIntakeIsSeenByADoctorAndAnUnknownMuscleWaitsForAReplay() throws Exception {
        String user = TestUsers.newUser("newer-intake");
        UUID newSymptom = UUID.randomUUID();
        Map<String, Object> report = AdviceEvents.report(user, newSymptom);
        report.put("symptoms", List.of("TINGLING", "A_SYMPTOM_ADDED_LATER"));
        report.put("aFieldAddedLater", true);
        sendReport(user, newSymptom, UUID.randomUUID().toString(), report);
        String unknownMuscleId = UUID.randomUUID().toString();
        UUID unknownMuscle = UUID.randomUUID();
        Map<String, Object> other = AdviceEvents.report(user, unknownMuscle);
        other.put("muscle", "A_MUSCLE_ADDED_LATER");
        sendReport(user, unknownMuscle, unknownMuscleId, other);

        awaitAdvice(newSymptom).then().statusCode(200)
                .body("urgency", is("SEE_DOCTOR"))
                .body("recommendations.ruleId", hasItem("unknown-symptom"))
                .body("recommendations.ruleId", hasItem("nerve-signs"));
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(),
                Topics.deadLetter(Topics.CRAMP_REPORTS))) {
            List<ConsumerRecord<String, CloudEvent>> parked = reader.await(r -> user.equals(r.key()), 1, TIMEOUT);
            assertEquals(List.of(unknownMuscleId), parked.stream().map(r -> r.value().getId()).toList(),
                    "a required field this version cannot read parks the report for a replay after the upgrade");
        }
    }

    @Test
    void frequentCrampsDespiteAdherenceMeanSeeADoctor() {
        String user = TestUsers.newUser("frequent");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        doneEveryDay(user, now, 5);
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

    // Late events: a report or an answer applied long after it happened (redelivered, replayed from a dead-letter
    // topic) counts where it belongs in time, never as if it had just happened.

    /**
     * Reports sent in the order given, each from that many days (and an hour) ago, after a hydration and a warm-up
     * nudge done on each of the last {@code daysAnswered} days: the urgency of each advice. SEE_DOCTOR here means
     * "frequent although following the advice" (3 reports in 14 days at 80 % adherence or more).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lateReports")
    void aLateReportIsJudgedAsOfItsOwnOccurredAt(String scenario, int daysAnswered, List<Integer> daysAgo,
            List<String> urgencies) {
        String user = TestUsers.newUser("late-report");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        doneEveryDay(user, now, daysAnswered);
        List<String> issued = daysAgo.stream()
                .map(days -> adviseOn(user, now.minus(days, ChronoUnit.DAYS).minusSeconds(3600)).<String>path("urgency"))
                .toList();
        assertEquals(urgencies, issued, scenario);
    }

    static Stream<Arguments> lateReports() {
        return Stream.of(
                // Three within 14 days at full adherence, but the late one is the first of them in time: counting up
                // to its arrival instead of its occurredAt would make it "frequent".
                Arguments.of("the reports after it do not count for it", 5, List.of(2, 1, 3),
                        List.of("SELF_CARE", "SELF_CARE", "SELF_CARE")),
                // It joins the history at its own time: with it, today's report is the third in 14 days.
                Arguments.of("it counts for the reports after it", 5, List.of(1, 3, 0),
                        List.of("SELF_CARE", "SELF_CARE", "SEE_DOCTOR")),
                // Every nudge done, but all answers came after these cramps: up to the third report's occurredAt,
                // adherence is unknown, so "frequent although following the advice" does not apply.
                Arguments.of("the answers after it do not count for it", 2, List.of(10, 9, 8),
                        List.of("SELF_CARE", "SELF_CARE", "SELF_CARE")));
    }

    @Test
    void aLateAnswerDoesNotOverrideANewerOneForTheSameNudge() {
        String user = TestUsers.newUser("late-ack");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant earlier = now.minus(3, ChronoUnit.HOURS);
        Instant later = now.minus(2, ChronoUnit.HOURS);
        UUID doneFirst = UUID.randomUUID();
        UUID doneToo = UUID.randomUUID();
        UUID skippedLast = UUID.randomUUID();
        // The newest answer of each nudge arrives first, the older one late (as a replayed dead letter would).
        sendAck(user, doneFirst, "DONE", later);
        sendAck(user, doneToo, "DONE", later);
        sendAck(user, skippedLast, "SKIPPED", later);
        sendAck(user, doneFirst, "SKIPPED", earlier);
        sendAck(user, doneToo, "SKIPPED", earlier);
        sendAck(user, skippedLast, "DONE", earlier);
        // One partition per user, in order: once this last one counts, the late ones have been applied too.
        sendAck(user, UUID.randomUUID(), "DONE", now.minus(1, ChronoUnit.HOURS));
        awaitAnswered(user, 4);
        // Latest by acknowledgedAt: done, done, skipped, done = 3 of 4. The latest to arrive would give 2 of 4.
        asAdmin().when().get("/api/v1/users/" + user + "/adherence")
                .then().statusCode(200).body("adherence", is(0.75f));
    }

    @Test
    void adviceNotYetProducedIs404WithRetryAfter() {
        asAdmin().when().get("/api/v1/cramp-reports/" + UUID.randomUUID() + "/advice")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("Retry-After", "1");
    }

    /**
     * A hydration and a warm-up nudge done on each of the last {@code days} days, and applied: answers and reports
     * travel on different topics, so a report sent next could otherwise be judged before the answers are in.
     */
    private void doneEveryDay(String user, Instant now, int days) {
        for (int day = 1; day <= days; day++) {
            for (String kind : List.of("HYDRATION", "WARM_UP")) {
                writer.send(Topics.NUDGE_ACKS, user, UUID.randomUUID().toString(), EventTypes.NUDGE_ACKNOWLEDGED,
                        AdviceEvents.REMINDER_SOURCE,
                        AdviceEvents.json(AdviceEvents.ack(user, kind, "DONE", now.minus(day, ChronoUnit.DAYS))));
            }
        }
        awaitAnswered(user, 2 * days);
    }

    private static void awaitAnswered(String user, int answered) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> asAdmin().when()
                .get("/api/v1/users/" + user + "/adherence").then().extract().path("answered"), is(answered));
    }

    private void sendAck(String user, UUID nudgeId, String outcome, Instant at) {
        writer.send(Topics.NUDGE_ACKS, user, UUID.randomUUID().toString(), EventTypes.NUDGE_ACKNOWLEDGED,
                AdviceEvents.REMINDER_SOURCE, AdviceEvents.json(AdviceEvents.ack(user, nudgeId, "HYDRATION", outcome, at)));
    }

    /** A report whose cramp began at {@code occurredAt}, and its advice. */
    private Response adviseOn(String user, Instant occurredAt) {
        UUID reportId = UUID.randomUUID();
        sendReport(user, reportId, UUID.randomUUID().toString(), AdviceEvents.report(user, reportId, occurredAt));
        return awaitAdvice(reportId).then().statusCode(200).extract().response();
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
