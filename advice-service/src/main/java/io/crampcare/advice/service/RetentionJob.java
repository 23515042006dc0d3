package io.crampcare.advice.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crampcare.advice.config.AdviceConfig;
import io.crampcare.advice.config.RetentionConfig;
import io.crampcare.advice.store.RetentionStore;
import io.crampcare.support.audit.AuditRetention;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.retention.RetainedKind;
import io.crampcare.support.retention.RetentionSweep;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The advice service's retention job (docs/operations.md, Retention): every {@code crampcare.retention.every} it
 * deletes advice and report history past {@code crampcare.retention.advice} and nudge answers past
 * {@code crampcare.retention.acks} (and the audit of access: {@link AuditRetention}), by the database's clock, in
 * batches ({@link RetentionSweep}), safely on every replica. The service refuses to start with a retention shorter than
 * the rules' window.
 */
@ApplicationScoped
public class RetentionJob {

    private final RetentionStore store;
    private final RetentionConfig config;
    private final AdviceConfig advice;
    private final RetentionSweep sweep;
    private final AuditRetention audit;
    private final DatabaseClock clock;

    RetentionJob(RetentionStore store, RetentionConfig config, AdviceConfig advice, RetentionSweep sweep,
            AuditRetention audit, DatabaseClock clock) {
        this.store = store;
        this.config = config;
        this.advice = advice;
        this.sweep = sweep;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The kinds the advice service keeps ({@code advice}, {@code acks}), each at least as long as the "frequent cramps"
     * {@code window} reads back: the report history, to count a user's reports in it, and the answers, for adherence.
     */
    public static List<RetainedKind> kinds(Duration advice, Duration acks, Duration window) {
        String rules = "the advice rules read it back over the frequent-cramps window (crampcare.advice.frequent.window)";
        return List.of(RetainedKind.of("advice", advice, window, rules), RetainedKind.of("acks", acks, window, rules));
    }

    void start(@Observes StartupEvent event) {
        sweep.start(AuditRetention.with(kinds(), config));
    }

    @Scheduled(every = "${crampcare.retention.every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(clock.now());
    }

    /** Deletes the rows (and audit entries) past their retention at {@code now}; returns how many. */
    public long run(Instant now) {
        List<RetainedKind> kinds = kinds();
        int batch = config.batchSize();
        return sweep.sweep(kinds.get(0), "advice", now, batch, store::deleteAdvice)
                + sweep.sweep(kinds.get(0), "report_history", now, batch, store::deleteReportHistory)
                + sweep.sweep(kinds.get(1), "nudge_ack", now, batch, store::deleteAcks)
                + audit.run(config, now);
    }

    private List<RetainedKind> kinds() {
        return kinds(config.advice(), config.acks(), advice.frequent().window());
    }
}
