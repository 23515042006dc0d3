package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.CloudEventWriter.Together;
import io.crampcare.testsupport.DeadLetters;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Records polled together are applied in one transaction, and the outcome is what processing them one by one gives:
 * a user's reports in one batch see each other in order, a duplicate ce_id inside the batch applies once, a poison
 * record in the middle is dead-lettered alone, and a batch delivered again (a crash between the database commit and
 * the offset commit) changes nothing. The records of a test go to one partition in one produce request, so the
 * consumer polls them together.
 */
@QuarkusTest
class BatchConsumptionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    @Test
    void aBatchGivesWhatOneByOneGivesAndParksOnlyItsPoison() {
        String batched = TestUsers.newUser("batched");
        String other = TestUsers.newUser("batched-other");
        String alone = TestUsers.newUser("one-by-one");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Instant> times = List.of(now.minus(4, ChronoUnit.DAYS), now.minus(3, ChronoUnit.DAYS),
                now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        List<UUID> batchedReports = new ArrayList<>();
        List<Together> records = new ArrayList<>();
        String firstEventId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        Map<String, Object> broken = AdviceEvents.report(batched, UUID.randomUUID(), now);
        broken.remove("muscle");
        String poison = AdviceEvents.json(broken);
        for (int i = 0; i < times.size(); i++) {
            UUID reportId = UUID.randomUUID();
            batchedReports.add(reportId);
            String json = AdviceEvents.json(AdviceEvents.report(batched, reportId, times.get(i)));
            String eventId = i == 0 ? firstEventId : UUID.randomUUID().toString();
            records.add(report(batched, eventId, json));
            records.add(report(other, UUID.randomUUID().toString(),
                    AdviceEvents.json(AdviceEvents.report(other, UUID.randomUUID(), times.get(i)))));
            if (i == 0) {
                records.add(report(batched, poisonId, poison)); // poison in the middle
                records.add(report(batched, firstEventId, json)); // the same event again, in the same batch
            }
        }
        double duplicatesBefore = consumed("duplicate");
        Sizes sizesBefore = sizes();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.sendTogether(Topics.CRAMP_REPORTS, 0, records);
            List<String> batchedAdvice = batchedReports.stream().map(BatchConsumptionIT::awaitAdvice)
                    .map(BatchConsumptionIT::gist).toList();

            List<String> oneByOne = new ArrayList<>();
            for (Instant time : times) { // each awaited before the next is sent
                UUID reportId = UUID.randomUUID();
                writer.send(Topics.CRAMP_REPORTS, alone, UUID.randomUUID().toString(),
                        EventTypes.CRAMP_REPORT_SUBMITTED, AdviceEvents.INTAKE_SOURCE,
                        AdviceEvents.json(AdviceEvents.report(alone, reportId, time)));
                oneByOne.add(gist(awaitAdvice(reportId)));
            }
            assertEquals(oneByOne, batchedAdvice, "a user's reports in one batch are judged as one by one");
        }
        assertEquals(4, adviceCount(batched), "the duplicate inside the batch applied once");
        await().atMost(TIMEOUT).until(() -> adviceCount(other) == 4);
        DeadLetters.assertPoisoned(Topics.CRAMP_REPORTS, batched, Map.of(poisonId, "muscle"), Map.of(poisonId, poison));
        assertTrue(consumed("duplicate") - duplicatesBefore >= 1, "the duplicate was counted");
        assertTrue(sizes().minus(sizesBefore).moreThanOnePerTransaction(), "records were applied in batches");
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        String user = TestUsers.newUser("redelivered");
        String other = TestUsers.newUser("redelivered-other");
        List<UUID> reports = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Together> records = List.of(
                report(user, UUID.randomUUID().toString(), AdviceEvents.json(AdviceEvents.report(user, reports.get(0)))),
                report(other, UUID.randomUUID().toString(), AdviceEvents.json(AdviceEvents.report(other, reports.get(1)))),
                report(user, UUID.randomUUID().toString(), AdviceEvents.json(AdviceEvents.report(user, reports.get(2)))));
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.sendTogether(Topics.CRAMP_REPORTS, 0, records);
            List<String> adviceIds = reports.stream().map(BatchConsumptionIT::awaitAdvice)
                    .map(advice -> advice.getString("adviceId")).toList();
            double duplicatesBefore = consumed("duplicate");

            // Committed in the database, but the offsets were not (the process died in between): the same records
            // come again, together.
            writer.sendTogether(Topics.CRAMP_REPORTS, 0, records);

            await().atMost(TIMEOUT).until(() -> consumed("duplicate") - duplicatesBefore >= records.size());
            assertEquals(adviceIds, reports.stream().map(BatchConsumptionIT::awaitAdvice)
                    .map(advice -> advice.getString("adviceId")).toList(), "the same advice, none issued again");
            assertEquals(2, adviceCount(user));
            assertEquals(1, adviceCount(other));
        }
    }

    private static Together report(String user, String eventId, String json) {
        return new Together(user, eventId, EventTypes.CRAMP_REPORT_SUBMITTED, AdviceEvents.INTAKE_SOURCE, json);
    }

    /** What an advice says, without its ids and times. */
    private static String gist(JsonPath advice) {
        return advice.getString("urgency") + " " + advice.getString("headline") + " "
                + advice.getList("recommendations.ruleId");
    }

    private static JsonPath awaitAdvice(UUID reportId) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> asAdmin().when().get("/api/v1/cramp-reports/" + reportId + "/advice"),
                        r -> r.statusCode() == 200).jsonPath();
    }

    private static int adviceCount(String user) {
        return asAdmin().queryParam("pageSize", 100).when().get("/api/v1/users/" + user + "/advice")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    private double consumed(String outcome) {
        return registry.find("crampcare.events.consumed").tag("topic", Topics.CRAMP_REPORTS).tag("outcome", outcome)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Consumer transactions of cramp-reports and the records they applied, from crampcare.events.transaction.size. */
    private record Sizes(long transactions, double records) {

        Sizes minus(Sizes before) {
            return new Sizes(transactions - before.transactions, records - before.records);
        }

        boolean moreThanOnePerTransaction() {
            return records > transactions;
        }
    }

    private Sizes sizes() {
        var summaries = registry.find("crampcare.events.transaction.size").tag("topic", Topics.CRAMP_REPORTS)
                .summaries();
        return new Sizes(summaries.stream().mapToLong(s -> s.count()).sum(),
                summaries.stream().mapToDouble(s -> s.totalAmount()).sum());
    }
}
