package io.crampcare.support.failure;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import org.apache.kafka.common.errors.RetriableException;

/**
 * What a failure says about the work that failed: the one place that decides whether a consumed record is
 * dead-lettered at once, retried for as long as it takes, or retried a bounded number of times, and whether a failed
 * request is answered 503 (try again) or 500. Neutral ground: the consumers (inbox) and the problem mapping use it.
 */
public enum FailureClass {

    /** The record can never be processed (unreadable, not the expected event, breaks the contract): dead-letter now. */
    POISON,
    /**
     * The record is fine but something it needs is not (database unreachable, lock or serialization conflict, a
     * timeout): retry, in order, until it works; never dead-letter.
     */
    TRANSIENT,
    /** Anything else, most likely a bug: retry a bounded number of times, then dead-letter with the reason. */
    UNKNOWN;

    /**
     * SQLSTATE classes and codes that say "try again": 08 connection exception, 40 transaction rollback
     * (serialization failure, deadlock), 53 insufficient resources (too many connections), 57P operator intervention
     * (server shutting down or starting), 58 system error (I/O), 55P03 lock not available, 57014 statement timeout.
     * PostgreSQL error codes: https://www.postgresql.org/docs/15/errcodes-appendix.html
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "58");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("55P03", "57014", "57P01", "57P02", "57P03");

    /** Classifies a failure by its whole cause chain. */
    public static FailureClass of(Throwable failure) {
        String sqlState = null;
        boolean transientType = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Poison) {
                return POISON;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState(); // the innermost state is the database's own word
            }
            transientType |= isTransientType(t);
        }
        if (sqlState != null) {
            return isTransientSqlState(sqlState) ? TRANSIENT : UNKNOWN;
        }
        return transientType ? TRANSIENT : UNKNOWN;
    }

    static boolean isTransientSqlState(String sqlState) {
        return sqlState.length() == 5 && (TRANSIENT_SQL_CLASSES.contains(sqlState.substring(0, 2))
                || TRANSIENT_SQL_STATES.contains(sqlState));
    }

    /**
     * Failures without a SQLSTATE that still mean "not now": connection pool timeouts (Agroal's acquisition timeout
     * wraps a TimeoutException), network I/O, JDBC's transient and recoverable kinds, JPA lock and query timeouts, an
     * optimistic lock lost to a concurrent writer, Kafka's retriable errors.
     */
    private static boolean isTransientType(Throwable t) {
        return t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof TimeoutException || t instanceof IOException
                || t instanceof LockTimeoutException || t instanceof PessimisticLockException
                || t instanceof QueryTimeoutException || t instanceof OptimisticLockException
                || t instanceof RetriableException;
    }
}
