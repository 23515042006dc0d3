package io.crampcare.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.support.outbox.Outbox;
import io.crampcare.testsupport.Scrape;
import io.crampcare.testsupport.TestUsers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The relay claims only when a claim can find something (issue 29): events written in one transaction go out without
 * a claim that finds nothing, and a key's later events follow its first at once. The poll runs once an hour here, so
 * every claim is one a commit's wake-up started, and an event left for the poll would not go out during the test.
 */
@QuarkusTest
@TestProfile(OutboxClaimsIT.HourlyPoll.class)
class OutboxClaimsIT {

    private static final String EMPTY_CLAIMS = "crampcare_outbox_claims_total{outcome=\"empty\"}";
    private static final String CLAIMS_WITH_ROWS = "crampcare_outbox_claims_total{outcome=\"rows\"}";
    private static final Duration PROMPTLY = Duration.ofSeconds(20);
    /** Probes on the cramp reports' topic and type, keyed by user; no consumer runs here. */
    private static final EventDescriptor<Probe> PROBE = new EventDescriptor<>(Topics.CRAMP_REPORTS,
            EventTypes.CRAMP_REPORT_SUBMITTED, Probe.class, Probe::user);

    private record Probe(String test, String user) {
    }

    @Inject
    Outbox outbox;
    @Inject
    DataSource dataSource;

    @Test
    void eventsWrittenInOneTransactionGoOutWithoutAnEmptyClaim() throws Exception {
        // Rows an earlier test left unsent go out with these first, so that only ours are counted below.
        awaitSent(write(List.of(TestUsers.newUser("claims-warm-up"))));
        awaitSent(write(List.of(TestUsers.newUser("claims-warm-up"))));
        double empty = Scrape.value(EMPTY_CLAIMS);
        double withRows = Scrape.value(CLAIMS_WITH_ROWS);

        String alice = TestUsers.newUser("claims-a");
        String bob = TestUsers.newUser("claims-b");
        String carol = TestUsers.newUser("claims-c");
        awaitSent(write(List.of(alice, bob, carol, alice, bob)));
        // An empty claim would come right after the last batch's commit, maybe after the rows read as sent; the relay
        // takes one wake-up after another, so once the next event is out, that round has ended.
        awaitSent(write(List.of(TestUsers.newUser("claims-next"))));

        assertEquals(empty, Scrape.value(EMPTY_CLAIMS), "no claim found nothing");
        assertEquals(withRows + 3, Scrape.value(CLAIMS_WITH_ROWS), "one claim for each key's first event, one for "
                + "the second events they unblocked, one for the next transaction's event");
    }

    @Test
    void aKeysLaterEventsWrittenWithItsFirstGoOutPromptly() throws Exception {
        String user = TestUsers.newUser("claims-chain");
        long started = System.nanoTime();
        awaitSent(write(List.of(user, user, user)));
        System.out.printf("[outbox] three events of one key, written together, all sent in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One event per entry (that user as key), all in one transaction; returns their ids. */
    private List<UUID> write(List<String> users) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Outbox.Message> messages = users.stream()
                .map(user -> Outbox.Message.of(PROBE, new Probe("OutboxClaimsIT", user), now))
                .toList();
        return List.of(QuarkusTransaction.requiringNew().call(() -> outbox.writeAll(messages)));
    }

    private void awaitSent(List<UUID> ids) {
        await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(50)).until(() -> sent(ids) == ids.size());
    }

    private int sent(List<UUID> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE id = ANY (?) AND sent_at IS NOT NULL")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The poll only as a last resort: an hour. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crampcare.outbox.poll-interval", "1h");
        }
    }
}
