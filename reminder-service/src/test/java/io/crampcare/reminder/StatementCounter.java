package io.crampcare.reminder;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements this thread executes through the PostgreSQL driver while open, from the driver's own
 * trace of each execution (one "simple execute" per statement, whatever the protocol): what a test of round trips
 * needs without pg_stat_statements, and blind to the other threads (dispatcher, consumers) of the service under test.
 */
final class StatementCounter implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final Thread thread = Thread.currentThread();
    private final AtomicInteger executed = new AtomicInteger();
    private final Level level = DRIVER.getLevel();
    private final boolean parents = DRIVER.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (Thread.currentThread() == thread && message != null && message.startsWith("  simple execute")) {
                executed.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    StatementCounter() {
        handler.setLevel(Level.ALL);
        DRIVER.addHandler(handler);
        DRIVER.setUseParentHandlers(false); // the trace is for counting, not for the console
        DRIVER.setLevel(Level.FINEST);
    }

    /** The statements executed since the counter opened. */
    int executed() {
        return executed.get();
    }

    @Override
    public void close() {
        DRIVER.setLevel(level);
        DRIVER.setUseParentHandlers(parents);
        DRIVER.removeHandler(handler);
    }
}
