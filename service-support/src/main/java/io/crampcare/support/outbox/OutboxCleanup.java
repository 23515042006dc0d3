package io.crampcare.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/** Deletes sent outbox rows once they are older than {@code crampcare.outbox.retention}. Safe on every replica. */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);
    private static final String DELETE = """
            DELETE FROM outbox_event WHERE sent_at < now() - make_interval(secs => ?)
            """;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;

    OutboxCleanup(AgroalDataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${crampcare.outbox.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws SQLException {
        deleteExpired();
    }

    /** Deletes sent rows past retention now; returns how many. */
    @Transactional
    public int deleteExpired() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setDouble(1, config.retention().toSeconds());
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Outbox cleanup deleted %d sent events older than %s", deleted, config.retention());
            }
            return deleted;
        }
    }
}
