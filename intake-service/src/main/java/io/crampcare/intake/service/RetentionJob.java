package io.crampcare.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crampcare.intake.config.RetentionConfig;
import io.crampcare.intake.store.RetentionStore;
import io.crampcare.support.audit.AuditRetention;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.retention.RetainedKind;
import io.crampcare.support.retention.RetentionSweep;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Intake's retention job (docs/operations.md, Retention): every {@code crampcare.retention.every} it deletes the cramp
 * reports whose cramp is older than {@code crampcare.retention.reports} and the audit of access past
 * {@code crampcare.retention.audit} ({@link AuditRetention}), by the database's clock, in batches
 * ({@link RetentionSweep}), safely on every replica. The service refuses to start with a retention below the minimum.
 */
@ApplicationScoped
public class RetentionJob {

    private final RetentionStore store;
    private final RetentionConfig config;
    private final RetentionSweep sweep;
    private final AuditRetention audit;
    private final DatabaseClock clock;

    RetentionJob(RetentionStore store, RetentionConfig config, RetentionSweep sweep, AuditRetention audit,
            DatabaseClock clock) {
        this.store = store;
        this.config = config;
        this.sweep = sweep;
        this.audit = audit;
        this.clock = clock;
    }

    /** The kind intake keeps, with the shortest retention allowed: nothing in intake reads reports back further. */
    public static RetainedKind reports(Duration retention) {
        return RetainedKind.of("reports", retention);
    }

    void start(@Observes StartupEvent event) {
        sweep.start(AuditRetention.with(List.of(reports(config.reports())), config));
    }

    @Scheduled(every = "${crampcare.retention.every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(clock.now());
    }

    /** Deletes the reports and audit entries past their retention at {@code now}; returns how many. */
    public long run(Instant now) {
        return sweep.sweep(reports(config.reports()), "cramp_report", now, config.batchSize(), store::deleteReports)
                + audit.run(config, now);
    }
}
