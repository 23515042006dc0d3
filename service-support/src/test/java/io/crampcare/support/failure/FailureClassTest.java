package io.crampcare.support.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import io.crampcare.support.inbox.PoisonMessageException;

/** Each failure class, with the exceptions a consumer meets, wrapped as Hibernate and Narayana wrap them. */
class FailureClassTest {

    @Test
    void aRecordThatCanNeverBeProcessedIsPoison() {
        assertEquals(FailureClass.POISON, FailureClass.of(new PoisonMessageException("no ce_id")));
        assertEquals(FailureClass.POISON, FailureClass.of(new IllegalStateException("wrapped",
                new PoisonMessageException("lacks fields"))), "found anywhere in the chain");
        assertEquals(FailureClass.POISON, FailureClass.of(new PoisonMessageException("bad",
                new SQLException("connection lost", "08006"))), "poison wins over a transient cause");
    }

    @Test
    void noDatabaseIsTransient() {
        // PostgreSQL gone: pgjdbc's 08xxx, wrapped by Hibernate (JDBCConnectionException) and the JTA layer.
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new PersistenceException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("Connection refused", "08001",
                new ConnectException("Connection refused"))));
        // The server shutting down or starting up.
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("terminating connection", "57P01")));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("starting up", "57P03")));
        // Agroal's pool timeout carries no SQLSTATE, only the TimeoutException it wraps.
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new RuntimeException(new SQLException(
                "Acquisition timeout while waiting for new connection", new TimeoutException()))));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLTransientConnectionException("pool closed")));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new UncheckedIOException(new ConnectException("refused"))));
    }

    @Test
    void conflictsAndTimeoutsAreTransient() {
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("could not serialize access", "40001")));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("deadlock detected", "40P01")));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("lock not available", "55P03")));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("statement timeout", "57014")));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new SQLException("too many connections", "53300")));
        assertEquals(FailureClass.TRANSIENT, FailureClass.of(new OptimisticLockException("row changed")));
    }

    @Test
    void anythingElseIsUnknownAndRetriedOnlyABoundedNumberOfTimes() {
        assertEquals(FailureClass.UNKNOWN, FailureClass.of(new NullPointerException()));
        assertEquals(FailureClass.UNKNOWN, FailureClass.of(new IllegalStateException("stored advice unreadable")));
        // A constraint or a missing column is a bug, not an outage, even when a timeout is somewhere in the chain:
        // the database's own SQLSTATE decides.
        assertEquals(FailureClass.UNKNOWN, FailureClass.of(new PersistenceException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertEquals(FailureClass.UNKNOWN, FailureClass.of(new TimeoutWrapper(new SQLException("no such column", "42703"))));
    }

    private static final class TimeoutWrapper extends RuntimeException {
        TimeoutWrapper(Throwable cause) {
            super(new TimeoutException("outer").initCause(cause));
        }
    }
}
