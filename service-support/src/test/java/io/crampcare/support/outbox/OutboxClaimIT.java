package io.crampcare.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.testsupport.TestDatabase;

/**
 * The relay's claim on real PostgreSQL, as two replicas see it: they never claim the same row, and only the oldest
 * unsent row of a key is claimable, so one key's events cannot overtake each other; parked rows and rows in their own
 * backoff hold back only their key; concurrent writers of one key are published in the order they wrote.
 */
class OutboxClaimIT {

    private static final RelayStore STORE = new RelayStore(
            new RelayStore.RowBackoff(Duration.ofMillis(250), Duration.ofSeconds(15), 10));
    private static TestDatabase database;

    @BeforeAll
    static void createOutboxTable() throws Exception {
        database = TestDatabase.create("outbox");
        try (Connection owner = database.connectAs("intake_svc"); Statement statement = owner.createStatement();
                InputStream ddl = OutboxClaimIT.class.getResourceAsStream("/db/support/V1_1__outbox.sql")) {
            statement.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
            for (String migration : List.of("V1_2__outbox_key_order", "V1_4__outbox_trace_context", "V1_5__outbox_parking",
                    "V1_7__outbox_claim_index")) {
                try (InputStream sql = OutboxClaimIT.class.getResourceAsStream("/db/support/" + migration + ".sql")) {
                    statement.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void twoReplicasClaimDisjointRowsOneHeadPerKey() throws SQLException, IOException {
        try (Connection setup = database.connectAs("intake_svc")) {
            setup.createStatement().execute("TRUNCATE outbox_event");
            for (String key : List.of("k1", "k1", "k1", "k2", "k2", "k3")) {
                insert(setup, key);
            }
        }
        try (Connection replicaA = transaction(); Connection replicaB = transaction()) {
            assertEquals(List.of("k1", "k2"), claim(replicaA, 2), "A takes the oldest row of the first keys");
            assertEquals(List.of("k3"), claim(replicaB, 10), "B skips A's rows and never a later row of their keys");
            replicaA.rollback();
            replicaB.rollback();
        }
        try (Connection setup = database.connectAs("intake_svc")) {
            setup.createStatement().execute("""
                    UPDATE outbox_event SET sent_at = now()
                    WHERE seq = (SELECT min(seq) FROM outbox_event WHERE message_key = 'k1')""");
        }
        try (Connection replicaC = transaction()) {
            assertEquals(List.of("k1", "k2", "k3"), claim(replicaC, 10), "once k1's first row is sent, its second is next");
            replicaC.rollback();
        }
    }

    @Test
    void sentRowsAreNotClaimed() throws SQLException {
        try (Connection setup = database.connectAs("intake_svc")) {
            setup.createStatement().execute("TRUNCATE outbox_event");
            insert(setup, "k1");
            insert(setup, "k2");
            setup.createStatement().execute("UPDATE outbox_event SET sent_at = now() WHERE message_key = 'k1'");
        }
        try (Connection replica = transaction()) {
            assertEquals(List.of("k2"), claim(replica, 10));
            replica.rollback();
        }
    }

    /** The relay claims again after a batch only when it may have unblocked a key's next row; this says when. */
    @Test
    void markingRowsSentCountsTheKeysWithALaterRowWaiting() throws SQLException {
        try (Connection setup = database.connectAs("intake_svc")) {
            setup.createStatement().execute("TRUNCATE outbox_event");
            for (String key : List.of("k1", "k2", "k1", "k3", "k3")) {
                insert(setup, key);
            }
        }
        try (Connection replica = transaction()) {
            List<ClaimedEvent> batch = STORE.claim(replica, 10);
            assertEquals(List.of("k1", "k2", "k3"), batch.stream().map(ClaimedEvent::key).toList());
            assertEquals(1, STORE.markSent(replica, List.of(batch.get(0).id(), batch.get(1).id())),
                    "k1's second row waits behind the first; k2 has none; k3's first row is not marked");
            replica.commit();
        }
        try (Connection replica = transaction()) {
            assertEquals(List.of("k1", "k3"), claim(replica, 10), "k1's second row is claimable now");
            replica.rollback();
        }
    }

    @Test
    void parkedRowsAndRowsInTheirOwnBackoffHoldBackOnlyTheirKey() throws SQLException {
        try (Connection setup = database.connectAs("intake_svc")) {
            setup.createStatement().execute("TRUNCATE outbox_event");
            for (String key : List.of("parked", "parked", "backoff", "backoff", "due", "healthy")) {
                insert(setup, key);
            }
            setup.createStatement().execute("""
                    UPDATE outbox_event SET parked_at = now(), attempts = 10
                    WHERE seq = (SELECT min(seq) FROM outbox_event WHERE message_key = 'parked')""");
            setup.createStatement().execute("""
                    UPDATE outbox_event SET next_attempt_at = now() + interval '1 hour', attempts = 1
                    WHERE seq = (SELECT min(seq) FROM outbox_event WHERE message_key = 'backoff')""");
            setup.createStatement().execute("""
                    UPDATE outbox_event SET next_attempt_at = now() - interval '1 second', attempts = 1
                    WHERE message_key = 'due'""");
        }
        try (Connection replica = transaction()) {
            assertEquals(List.of("due", "healthy"), claim(replica, 10),
                    "a parked row and a row in its backoff are skipped, and so are the later rows of their keys");
            replica.rollback();
        }
    }

    /**
     * A claim costs about a batch of pages however big the backlog and whatever the statistics say: taken while the
     * outbox was drained (they say no row is unsent; a backlog builds up before the next analyze: a broker outage,
     * autovacuum not yet round, or off) or taken of the backlog itself. Counted in pages touched, not time: the NOT
     * EXISTS claim this replaced scanned the backlog once per row it looked at with the first statistics (here 610,280
     * pages; 20,238 unsent rows once took 533 s for one claim), and a plan that evaluates every unsent row and sorts
     * them touches the whole backlog.
     */
    @Test
    void aClaimTouchesAboutABatchOfPagesWhateverTheStatistics() throws Exception {
        try (Connection setup = database.connectAs("intake_svc"); Statement statement = setup.createStatement()) {
            statement.execute("TRUNCATE outbox_event");
            statement.execute(BACKLOG.formatted("sent", 5_000, 5_000));
            statement.execute("UPDATE outbox_event SET sent_at = now()");
            statement.execute("ANALYZE outbox_event");
            statement.execute(BACKLOG.formatted("backlog", 6_000, 3_000)); // two rows per key: half are claimable
        }
        assertClaimTouchesFewPages("statistics of the drained outbox");
        assertMarkingSentTouchesFewPages("statistics of the drained outbox");
        try (Connection setup = database.connectAs("intake_svc"); Statement statement = setup.createStatement()) {
            statement.execute("ANALYZE outbox_event");
        }
        assertClaimTouchesFewPages("statistics of the backlog");
        assertMarkingSentTouchesFewPages("statistics of the backlog");
    }

    private static void assertClaimTouchesFewPages(String statistics) throws Exception {
        try (Connection replica = transaction();
                PreparedStatement explain = replica.prepareStatement(
                        "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + RelayStore.CLAIM.sql())) {
            explain.setInt(1, 100);
            JsonNode plan;
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                plan = new ObjectMapper().readTree(row.getString(1)).get(0).get("Plan");
            }
            replica.rollback();
            assertEquals(100, plan.get("Actual Rows").asInt(), statistics + ": a full batch");
            long pages = plan.get("Shared Hit Blocks").asLong() + plan.get("Shared Read Blocks").asLong();
            assertTrue(pages < 2_000, statistics + ": pages touched by a claim of 100 rows: " + pages + "\n"
                    + plan.toPrettyString());
        }
    }

    /** Marking a batch sent asks each row's key for a later row: one probe each, not a scan of the backlog. */
    private static void assertMarkingSentTouchesFewPages(String statistics) throws Exception {
        try (Connection replica = transaction();
                PreparedStatement explain = replica.prepareStatement(
                        "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + RelayStore.MARK_SENT.sql())) {
            List<ClaimedEvent> batch = STORE.claim(replica, 100);
            explain.setArray(1, replica.createArrayOf("uuid", batch.stream().map(ClaimedEvent::id).toArray()));
            JsonNode plan;
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                plan = new ObjectMapper().readTree(row.getString(1)).get(0).get("Plan");
            }
            replica.rollback();
            long pages = plan.get("Shared Hit Blocks").asLong() + plan.get("Shared Read Blocks").asLong();
            assertTrue(pages < 3_000, statistics + ": pages touched by marking 100 rows sent: " + pages + "\n"
                    + plan.toPrettyString());
        }
    }

    /** Rows (second placeholder) over keys (third) with the first as prefix, in key order of first appearance. */
    private static final String BACKLOG = """
            INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload)
            SELECT gen_random_uuid(), 'cramp-reports', '%1$s-' || n %% %3$d, 'io.crampcare.test.v1', 'subject', '{}'::jsonb
            FROM generate_series(0, %2$d - 1) AS n
            """;

    /**
     * Two transactions write events of one key at once; the first to write commits last. Without a lock the second
     * event would be committed (and published) first; the outbox's key lock makes the second writer wait, so the
     * relay sees them in write order.
     */
    @Test
    void concurrentWritersOfOneKeyArePublishedInWriteOrder() throws Exception {
        try (Connection setup = database.connectAs("intake_svc")) {
            setup.createStatement().execute("TRUNCATE outbox_event");
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection first = transaction(); Connection second = transaction()) {
            UUID firstId = write(first, "racer");
            Future<Long> secondCommitted = executor.submit(() -> {
                write(second, "racer");
                second.commit();
                return System.nanoTime();
            });
            Thread.sleep(500); // the second writer is now blocked on the key's lock (or, without it, done)
            long firstCommitted = System.nanoTime();
            first.commit();
            assertTrue(secondCommitted.get(10, TimeUnit.SECONDS) > firstCommitted,
                    "the second writer of a key waits until the first has committed");
            try (Connection replica = transaction()) {
                try (PreparedStatement claim = replica.prepareStatement(RelayStore.CLAIM.sql())) {
                    claim.setInt(1, 10);
                    try (ResultSet rows = claim.executeQuery()) {
                        assertTrue(rows.next());
                        assertEquals(firstId, rows.getObject(1, UUID.class), "the first written is the first claimable");
                        assertFalse(rows.next(), "one row per key at a time");
                    }
                }
                replica.rollback();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void writersOfDifferentKeysDoNotWaitForEachOther() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection first = transaction(); Connection second = transaction()) {
            String[] keys = distinctBuckets();
            write(first, keys[0]);
            Future<?> other = executor.submit(() -> {
                write(second, keys[1]);
                second.commit();
                return null;
            });
            other.get(10, TimeUnit.SECONDS); // would time out if another key's writer held it up
            first.rollback();
        } finally {
            executor.shutdownNow();
        }
    }

    /** Two keys that fall into different lock buckets (buckets are shared by design; these two must not be). */
    private static String[] distinctBuckets() throws SQLException {
        try (Connection connection = database.connectAs("intake_svc");
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT abs(hashtext('k-a') % 64) <> abs(hashtext('k-b') % 64)")) {
            row.next();
            return row.getBoolean(1) ? new String[] { "k-a", "k-b" } : new String[] { "k-a", "k-c" };
        }
    }

    /** One event through the outbox's own insert statement, in the connection's open transaction. */
    private static UUID write(Connection connection, String key) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(OutboxStore.INSERT_ALL.sql())) {
            Array keys = connection.createArrayOf("text", new String[] { key });
            insert.setArray(1, keys);
            insert.setArray(2, connection.createArrayOf("uuid", new UUID[] { id }));
            insert.setArray(3, connection.createArrayOf("text", new String[] { "cramp-reports" }));
            insert.setArray(4, keys);
            insert.setArray(5, connection.createArrayOf("text", new String[] { "io.crampcare.test.v1" }));
            insert.setArray(6, connection.createArrayOf("text", new String[] { key }));
            insert.setArray(7, connection.createArrayOf("text", new String[] { "{}" }));
            insert.setArray(8, connection.createArrayOf("text", new String[] { "2026-11-25T07:31:02.123456Z" }));
            insert.setArray(9, connection.createArrayOf("text", new String[] { null }));
            insert.setArray(10, connection.createArrayOf("text", new String[] { null }));
            assertEquals(1, insert.executeUpdate());
        }
        return id;
    }

    private static Connection transaction() throws SQLException {
        Connection connection = database.connectAs("intake_svc");
        connection.setAutoCommit(false);
        return connection;
    }

    private static void insert(Connection connection, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (id, topic, message_key, event_type, subject, payload)
                VALUES (?, 'cramp-reports', ?, 'io.crampcare.test.v1', ?, '{}'::jsonb)
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, key);
            insert.setString(3, key);
            insert.executeUpdate();
        }
    }

    private static List<String> claim(Connection connection, int limit) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(RelayStore.CLAIM.sql())) {
            claim.setInt(1, limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(3));
                }
            }
        }
        return keys;
    }
}
