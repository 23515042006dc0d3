package io.crampcare.reminder.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.crampcare.reminder.config.RetentionConfig;
import io.crampcare.reminder.store.RetentionStore;
import io.crampcare.support.audit.AuditRetention;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.retention.RetainedKind;
import io.crampcare.support.retention.RetentionSweep;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The reminder's retention job (docs/operations.md, Retention): every {@code crampcare.retention.every} it deletes past
 * nudges, drinks, water days and audit entries ({@link AuditRetention}) older than their retention, by the database's
 * clock, in batches ({@link RetentionSweep}), safely on every replica. A planned nudge, or one of a day that is still
 * today somewhere, stays whatever its age. The service refuses to start with a retention shorter than what its views
 * read.
 */
@ApplicationScoped
public class RetentionJob {

    /**
     * How far back the water days and the streak read ({@link HydrationStatus}), and two days more: the user's zone may
     * be a day behind UTC, and today has begun up to a day ago.
     */
    static final Duration WATER_READ_BACK = Duration.ofDays(
            Math.max(HydrationStatus.STREAK_DAYS, HydrationStatus.MAX_DAYS) + 2L);

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

    /**
     * The kinds the reminder keeps ({@code nudges}, {@code drinks}, {@code water-days}), with the shortest retention
     * each allows: the planning reads only yesterday's and today's nudges; drinks and water days are read a year back.
     */
    public static List<RetainedKind> kinds(Duration nudges, Duration drinks, Duration waterDays) {
        String waterViews = "the water days and the streak (GET .../hydration/days) read them "
                + (WATER_READ_BACK.toDays() - 2) + " days back";
        return List.of(RetainedKind.of("nudges", nudges), RetainedKind.of("drinks", drinks, WATER_READ_BACK, waterViews),
                RetainedKind.of("water-days", waterDays, WATER_READ_BACK, waterViews));
    }

    /** The earliest local date anywhere at {@code instant} (UTC-12 is a day behind): every earlier day is over. */
    static LocalDate earliestDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).minusDays(1);
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
        LocalDate today = earliestDate(now);
        return sweep.sweep(kinds.get(0), "nudge", now, batch,
                (cutoff, limit) -> store.deleteNudges(cutoff, today, limit))
                + sweep.sweep(kinds.get(1), "drink", now, batch, store::deleteDrinks)
                + sweep.sweep(kinds.get(2), "hydration_day", now, batch,
                        (cutoff, limit) -> store.deleteWaterDays(earliestDate(cutoff), limit))
                + audit.run(config, now);
    }

    private List<RetainedKind> kinds() {
        return kinds(config.nudges(), config.drinks(), config.waterDays());
    }
}
