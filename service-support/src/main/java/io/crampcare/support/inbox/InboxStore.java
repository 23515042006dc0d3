package io.crampcare.support.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/** The event ids processed before ({@code processed_event}): what makes consumption idempotent. SQL only. */
@ApplicationScoped
public class InboxStore {

    private static final Logger LOG = Logger.getLogger(InboxStore.class);
    // One statement for a whole round: an id inserted now is one seen for the first time; the others were processed
    // before (or are repeated in the list, then returned once).
    static final String FIRST_SEEN = """
            INSERT INTO processed_event (event_id, topic)
            SELECT DISTINCT id, ? FROM unnest(?::text[]) AS id
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """;

    private final AgroalDataSource dataSource;
    private final InboxConfig config;

    InboxStore(AgroalDataSource dataSource, InboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Records {@code eventIds} as processed in the current transaction; returns those not processed before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstSeen(String topic, List<String> eventIds) {
        Set<String> first = new HashSet<>();
        // The pooled connection is enlisted in the caller's JTA transaction: the ids commit with the effects.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(FIRST_SEEN)) {
            insert.setString(1, topic);
            insert.setArray(2, connection.createArrayOf("text", eventIds.toArray(String[]::new)));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    first.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording " + eventIds.size() + " processed event ids failed", e);
        }
        return first;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldIds() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM processed_event WHERE processed_at < ?")) {
            delete.setObject(1, Timestamp.from(Instant.now().minus(config.retention())));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Forgot %d processed event ids older than %s", deleted, config.retention());
            }
        } catch (SQLException e) {
            LOG.warnf("Forgetting old processed event ids failed; tried again in an hour: %s", e.getMessage());
        }
    }
}
