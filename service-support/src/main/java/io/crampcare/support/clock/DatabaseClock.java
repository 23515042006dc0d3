package io.crampcare.support.clock;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.crampcare.support.sql.ColumnArrays;
import io.crampcare.support.sql.NamedSql;

/**
 * The one clock all replicas share: PostgreSQL's. A decision that another replica could take too (what is due, what
 * is overdue, which local day it is for a user) takes its "now" from here, never from the JVM, so a replica whose
 * wall clock is off fires nothing early and expires nothing that is not overdue. {@code clock_timestamp()}, not
 * {@code now()}: inside a transaction that began a while ago it is still the current time. Its own store: one query.
 */
@ApplicationScoped
public class DatabaseClock {

    private static final NamedSql NOW = NamedSql.of("SELECT clock_timestamp() AS now");

    private final AgroalDataSource dataSource;

    DatabaseClock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database server's current time (one round trip, in the caller's transaction if there is one). */
    public Instant now() {
        return ColumnArrays.one(dataSource, NOW, Map.of(), row -> row.instant("now"));
    }
}
