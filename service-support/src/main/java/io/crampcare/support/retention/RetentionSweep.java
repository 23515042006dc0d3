package io.crampcare.support.retention;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.crampcare.support.metrics.CommittedCounts;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Deletes one kind of rows past its retention, in batches: each batch its own transaction, until one finds fewer rows
 * than its size, so a backlog of millions holds no lock for long. A batch's statement skips rows other transactions
 * hold ({@code FOR UPDATE SKIP LOCKED}): replicas sweeping at once take different rows, and deleting old rows twice
 * deletes nothing more. Committed rows are counted in {@code crampcare.retention.deleted{kind}}; the log says counts
 * only, never whose rows.
 */
@ApplicationScoped
public class RetentionSweep {

    public static final String DELETED = "crampcare.retention.deleted";
    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);

    /** One batch of a kind: deletes at most {@code limit} rows older than {@code cutoff}; returns how many. */
    @FunctionalInterface
    public interface Batch {
        int delete(Instant cutoff, int limit);
    }

    private final CommittedCounts counts;

    RetentionSweep(CommittedCounts counts) {
        this.counts = counts;
    }

    /**
     * Refuses a retention under its floor ({@link RetainedKind#requireAll}) and shows each kind's counter at zero; a
     * service's retention job calls it at start.
     */
    public void start(List<RetainedKind> kinds) {
        RetainedKind.requireAll(kinds);
        kinds.forEach(kind -> counts.zero(DELETED, "kind", kind.kind()));
    }

    /**
     * Deletes the rows of {@code table} (of {@code kind}) older than {@code now} minus the kind's retention,
     * {@code batchSize} a transaction; returns how many. A failing batch (no database) ends this sweep for this run:
     * logged, and the next run goes on.
     */
    public long sweep(RetainedKind kind, String table, Instant now, int batchSize, Batch batch) {
        Instant cutoff = now.minus(kind.retention());
        long deleted = 0;
        try {
            int last;
            do {
                last = QuarkusTransaction.requiringNew().call(() -> {
                    int rows = batch.delete(cutoff, batchSize);
                    counts.add(DELETED, rows, "kind", kind.kind());
                    return rows;
                });
                deleted += last;
            } while (last >= batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("Retention of %s stopped after %d rows; the next run goes on: %s", table, deleted,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return deleted;
        }
        if (deleted > 0) {
            LOG.infof("Retention deleted %d %s rows (%s) older than %s", deleted, table, kind.kind(),
                    RetainedKind.days(kind.retention()));
        } else {
            LOG.debugf("Retention found no %s rows older than %s", table, RetainedKind.days(kind.retention()));
        }
        return deleted;
    }
}
