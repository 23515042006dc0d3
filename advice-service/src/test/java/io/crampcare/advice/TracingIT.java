package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.Scrape;
import io.crampcare.testsupport.TestTraces;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The middle hop of a trace: a report event consumed in a trace gives an advice event in the same trace (the
 * consumer's span is current in the effect's transaction, the outbox stores it, the relay publishes it). Also the
 * consumer's counters: applied, duplicate, dead-lettered.
 */
@QuarkusTest
class TracingIT {

    @Test
    void theAdviceEventContinuesTheReportsTrace() {
        String user = TestUsers.newUser("traced");
        UUID reportId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String traceparent = TestTraces.newTraceparent();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            for (int i = 0; i < 2; i++) { // the second delivery is a duplicate
                writer.send(Topics.CRAMP_REPORTS, user, eventId, EventTypes.CRAMP_REPORT_SUBMITTED,
                        AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, reportId)), traceparent);
            }
            writer.sendRaw(Topics.CRAMP_REPORTS, user, "not a CloudEvent"); // dead-lettered at once
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> asAdmin().when().get("/api/v1/cramp-reports/" + reportId + "/advice").statusCode() == 200);
        TestTraces.assertPublishedInTrace(Topics.ADVICE, user, traceparent);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = Scrape.text();
            for (String series : List.of("crampcare_events_consumed_total{outcome=\"applied\",topic=\"cramp-reports\"}",
                    "crampcare_events_consumed_total{outcome=\"duplicate\",topic=\"cramp-reports\"}",
                    "crampcare_events_dead_lettered_total{topic=\"cramp-reports\"}")) {
                assertTrue(scrape.contains(series + " "), series + " on /q/metrics");
            }
        });
    }
}
