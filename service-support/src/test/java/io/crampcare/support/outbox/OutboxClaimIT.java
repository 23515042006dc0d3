package io.crampcare.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crampcare.testsupport.TestDatabase;

/**
 * The relay's claim on real PostgreSQL, as two replicas see it: they never claim the same row, and only the oldest
 * unsent row of a key is claimable, so one key's events cannot overtake each other.
 */
class OutboxClaimIT {

    private static TestDatabase database;

    @BeforeAll
    static void createOutboxTable() throws Exception {
        database = TestDatabase.create("outbox");
        try (Connection owner = database.connectAs("intake_svc"); Statement statement = owner.createStatement();
                InputStream ddl = OutboxClaimIT.class.getResourceAsStream("/db/support/V1_1__outbox.sql")) {
            statement.execute(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
            try (InputStream index = OutboxClaimIT.class.getResourceAsStream("/db/support/V1_2__outbox_key_order.sql")) {
                statement.execute(new String(index.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (InputStream trace = OutboxClaimIT.class.getResourceAsStream("/db/support/V1_4__outbox_trace_context.sql")) {
                statement.execute(new String(trace.readAllBytes(), StandardCharsets.UTF_8));
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
        try (PreparedStatement claim = connection.prepareStatement(OutboxRelay.CLAIM)) {
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
