package io.crampcare.advice;

import static io.crampcare.testsupport.TestTokens.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.support.privacy.Erasure;
import io.crampcare.support.privacy.Erasures;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.TestQueries;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The advice service's part of an erasure, on real Kafka and PostgreSQL: its worker deletes the person's advice,
 * remembered reports and nudge answers and marks its step erased; a report event about the person that arrives
 * afterwards changes nothing (counted as erased-subject); another user's data stays.
 */
@QuarkusTest
class ErasureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static CloudEventWriter writer;

    @Inject
    Erasures erasures;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void connect() {
        writer = new CloudEventWriter(TestUsers.bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        writer.close();
    }

    @Test
    void theWorkerErasesThePersonAndLaterEventsAboutThemChangeNothing() throws Exception {
        String user = TestUsers.newUser("erased");
        String other = TestUsers.newUser("kept");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String someone : new String[] { user, other }) {
            sendReport(someone, UUID.randomUUID());
            writer.send(Topics.NUDGE_ACKS, someone, UUID.randomUUID().toString(), EventTypes.NUDGE_ACKNOWLEDGED,
                    AdviceEvents.REMINDER_SOURCE, AdviceEvents.json(AdviceEvents.ack(someone, "HYDRATION", "DONE", now)));
        }
        await().atMost(TIMEOUT).until(() -> rows(user) == 3 && rows(other) == 3);

        Erasure erasure = erasures.request(user, Erasure.RequestedBy.SELF);
        await().atMost(TIMEOUT).until(() -> erasures.find(erasure.id(), null).steps().stream()
                .anyMatch(s -> s.service().equals("advice-service") && s.erasedAt() != null));
        assertEquals(0, rows(user), "advice, remembered report and answer of the erased person");
        assertEquals(3, rows(other), "another user's");

        // In flight when the erasure came, or sent after it: an event about the person changes nothing.
        double erasedBefore = erasedSubjectEvents();
        UUID late = UUID.randomUUID();
        sendReport(user, late);
        await().atMost(TIMEOUT).until(() -> erasedSubjectEvents() > erasedBefore);
        assertEquals(0, rows(user));
        asAdmin().when().get("/api/v1/cramp-reports/" + late + "/advice").then().statusCode(404);
    }

    private double erasedSubjectEvents() {
        return registry.find("crampcare.events.consumed").tag("topic", Topics.CRAMP_REPORTS)
                .tag("outcome", "erased-subject").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private void sendReport(String user, UUID reportId) {
        writer.send(Topics.CRAMP_REPORTS, user, UUID.randomUUID().toString(), EventTypes.CRAMP_REPORT_SUBMITTED,
                AdviceEvents.INTAKE_SOURCE, AdviceEvents.json(AdviceEvents.report(user, reportId)));
    }

    private long rows(String user) throws Exception {
        return TestQueries.first(dataSource, """
                SELECT (SELECT count(*) FROM advice WHERE user_id = ?) + (SELECT count(*) FROM report_history
                WHERE user_id = ?) + (SELECT count(*) FROM nudge_ack WHERE user_id = ?)
                """, row -> row.getLong(1), user, user, user);
    }
}
