package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.Scrape;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.test.junit.QuarkusTest;

/** What ops read on /q/metrics: advice issued by urgency (duplicates not counted) and the consumers' lag. */
@QuarkusTest
class MetricsIT {

    private static final String SELF_CARE = "crampcare_advice_issued_total{urgency=\"SELF_CARE\"}";

    @Test
    void adviceIsCountedOncePerReport() {
        double before = Scrape.value(SELF_CARE);
        String user = TestUsers.newUser("metrics");
        UUID reportId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            send(writer, user, reportId);
            send(writer, user, reportId); // a producer replaying it under a new event id: no second advice
            send(writer, user, marker);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> asAdmin().when().get("/api/v1/cramp-reports/" + marker + "/advice").statusCode() == 200);
        assertEquals(before + 2, Scrape.value(SELF_CARE));
    }

    @Test
    void consumerLagIsExposed() {
        String scrape = Scrape.text();
        assertTrue(scrape.contains("kafka_consumer_fetch_manager_records_lag_max"), "Kafka consumer metrics");
    }

    private static void send(CloudEventWriter writer, String user, UUID reportId) {
        writer.send(Topics.CRAMP_REPORTS, user, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, reportId)));
    }
}
