package io.crampcare.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes sent outbox rows once they are older than {@code crampcare.outbox.retention}. Safe on every replica. */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    private final OutboxStore store;
    private final OutboxConfig config;

    OutboxCleanup(OutboxStore store, OutboxConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${crampcare.outbox.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteExpired();
    }

    /** Deletes sent rows past retention now; returns how many. */
    @Transactional
    public int deleteExpired() {
        int deleted = store.deleteSentBefore(config.retention());
        if (deleted > 0) {
            LOG.infof("Outbox cleanup deleted %d sent events older than %s", deleted, config.retention());
        }
        return deleted;
    }
}
