package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.crampcare.advice.service.BuggyAdviceService;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.testsupport.CloudEventReader;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.CloudEventWriter.Together;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An unknown failure (a bug) inside a batch: the batch falls back to record by record, so the other records are
 * applied and only the failing one is dead-lettered, after its attempts ({@code crampcare.inbox.max-attempts}).
 */
@QuarkusTest
@TestProfile(UnknownFailureInBatchIT.Buggy.class)
class UnknownFailureInBatchIT {

    /** The advice service with a bug for users named "bug-...". */
    public static class Buggy implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(BuggyAdviceService.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crampcare.inbox.max-attempts", "3", "crampcare.inbox.retry-delay", "50ms");
        }
    }

    @Inject
    MeterRegistry registry;

    @Test
    void onlyTheFailingRecordIsDeadLetteredAfterItsAttempts() {
        String user = TestUsers.newUser("fine");
        String buggy = TestUsers.newUser("bug");
        List<UUID> fine = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID failing = UUID.randomUUID();
        String failingId = UUID.randomUUID().toString();
        double unknownBefore = retries();
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.sendTogether(Topics.CRAMP_REPORTS, 0, List.of(report(user, UUID.randomUUID().toString(), fine.get(0)),
                    report(buggy, failingId, failing), report(user, UUID.randomUUID().toString(), fine.get(1)),
                    report(TestUsers.newUser("fine-too"), UUID.randomUUID().toString(), fine.get(2))));
        }
        for (UUID reportId : fine) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                    () -> asAdmin().when().get("/api/v1/cramp-reports/" + reportId + "/advice").statusCode() == 200);
        }
        try (CloudEventReader reader = new CloudEventReader(TestUsers.bootstrapServers(),
                Topics.deadLetter(Topics.CRAMP_REPORTS))) {
            List<ConsumerRecord<String, CloudEvent>> parked = reader.await(r -> buggy.equals(r.key()), 1,
                    Duration.ofSeconds(30));
            assertEquals(failingId, parked.get(0).value().getId());
            assertEquals(IllegalStateException.class.getName(), new String(parked.get(0).headers()
                    .lastHeader("dead-letter-exception-class-name").value(), StandardCharsets.UTF_8));
        }
        assertEquals(404, asAdmin().when().get("/api/v1/cramp-reports/" + failing + "/advice").statusCode(),
                "the failing report's writes were rolled back");
        // One for the batch, then the record's own attempts but the last.
        assertTrue(retries() - unknownBefore >= 3, "retried: " + (retries() - unknownBefore));
    }

    private static Together report(String user, String eventId, UUID reportId) {
        return new Together(user, eventId, EventTypes.CRAMP_REPORT_SUBMITTED, AdviceEvents.INTAKE_SOURCE,
                AdviceEvents.json(AdviceEvents.report(user, reportId)));
    }

    private double retries() {
        return registry.find("crampcare.events.retries").tag("topic", Topics.CRAMP_REPORTS).tag("failure", "unknown")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
