package io.crampcare.reminder;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.reminder.service.Dispatcher;
import io.crampcare.testsupport.CloudEventWriter;
import io.crampcare.testsupport.Scrape;
import io.crampcare.testsupport.TestTraces;
import io.crampcare.testsupport.TestUsers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The last hops of a trace: nudges planned from an advice event keep its trace context, and a nudge fired later (by
 * the scheduler, another thread, maybe another replica) publishes its nudge.due event in that trace.
 */
@QuarkusTest
class TracingIT {

    @Inject
    Dispatcher dispatcher;
    @Inject
    DataSource dataSource;
    @Inject
    MeterRegistry registry;

    @Test
    void nudgesPlannedFromAdviceKeepItsTrace() throws SQLException {
        String user = TestUsers.newUser("traced");
        ReminderFixtures.preferences(user, "Europe/Berlin");
        String traceparent = TestTraces.newTraceparent();
        double plannedBefore = count("crampcare.nudges.planned");
        try (CloudEventWriter writer = new CloudEventWriter(TestUsers.bootstrapServers())) {
            writer.send(Topics.ADVICE, user, UUID.randomUUID().toString(), EventTypes.ADVICE_ISSUED,
                    ReminderFixtures.ADVICE_SOURCE, ReminderFixtures.advice(user, UUID.randomUUID(), 2400, null),
                    traceparent);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !storedTraceparents(user).isEmpty());
        for (String stored : storedTraceparents(user)) {
            assertNotNull(stored, "every planned nudge keeps the trace context");
            assertEquals(TestTraces.traceId(traceparent), TestTraces.traceId(stored));
        }
        // Every nudge of a day's multi-row insert is counted (on commit), not one per statement.
        int planned = storedTraceparents(user).size();
        assertTrue(planned > 1, "an advice plans several water portions");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("crampcare.nudges.planned") - plannedBefore >= planned);
    }

    @Test
    void aFiredNudgeContinuesTheTraceItWasPlannedIn() throws SQLException {
        String user = TestUsers.newUser("traced-fire");
        String traceparent = TestTraces.newTraceparent();
        // Due a day ahead and dispatched "at" that time, so the scheduled dispatcher (real clock) never sees it. A
        // warm-up: it fires whatever the hour (water outside the default waking window would be withdrawn).
        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, traceparent)
                        VALUES (?, ?, 'WARM_UP', ?, ?, 'PLANNED', null, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, user);
            insert.setTimestamp(3, Timestamp.from(due));
            insert.setObject(4, due.atZone(ZoneOffset.UTC).toLocalDate());
            insert.setString(5, traceparent);
            insert.executeUpdate();
        }
        double firedBefore = count("crampcare.nudges.fired");
        dispatcher.dispatchDue(due.plusSeconds(1));
        assertTrue(count("crampcare.nudges.fired") - firedBefore >= 1, "fired nudge counted on commit");
        // Under a span "nudge fire" of its own, in the planning's trace.
        TestTraces.assertPublishedInTrace(Topics.NUDGES, user, traceparent);
        String scrape = Scrape.text();
        assertTrue(scrape.contains("crampcare_dispatcher_batch_seconds_bucket"), "batch timer with buckets");
    }

    /** The counter summed over its kinds. */
    private double count(String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> storedTraceparents(String user) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT traceparent FROM nudge WHERE user_id = ?")) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
