package io.crampcare.support.clock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The one clock all replicas share: PostgreSQL's. A decision that another replica could take too (what is due, what
 * is overdue, which local day it is for a user) takes its "now" from here, never from the JVM, so a replica whose
 * wall clock is off fires nothing early and expires nothing that is not overdue. {@code clock_timestamp()}, not
 * {@code now()}: inside a transaction that began a while ago it is still the current time.
 */
@ApplicationScoped
public class DatabaseClock {

    private final AgroalDataSource dataSource;

    DatabaseClock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database server's current time (one round trip, in the caller's transaction if there is one). */
    public Instant now() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the database's clock failed", e);
        }
    }
}
