package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.nudge.NudgeDueV1;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.DueNudges;
import io.crampcare.reminder.store.DueNudges.DueNudge;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.outbox.Outbox;
import io.crampcare.support.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Fires due nudges. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, and the claim, the outbox rows of the
 * nudge.due events and the status change commit together: any number of replicas may dispatch, each nudge fires once,
 * and a crash before the commit leaves the batch to be claimed again. A nudge later than its kind's grace (the
 * service was down) is marked EXPIRED instead of firing late. "Due" and "late" are by the database's clock
 * ({@link DatabaseClock}), read once per run, so replicas whose wall clocks disagree agree on both.
 * <p>
 * Firing follows the user's preferences as they are at that moment, not as they were when the nudge was planned: a
 * nudge whose kind the user no longer wants, or a drink nudge that now falls outside the waking window or into quiet
 * hours, is withdrawn (deleted, as a replan would have; counted in {@code crampcare.nudges.withdrawn{kind}}).
 * A preference change replans at once (PreferencesService), so this only catches plans that raced with the change.
 * <p>
 * A batch costs the same few statements however large it is (claim whole rows with each user's unit and language,
 * read the users' zones, insert the events, update the statuses), not a few per nudge: a backlog of a million due
 * nudges drains in minutes. Each event's text is in its user's language and unit ({@link NudgeTexts}).
 * <p>
 * Tracing: each fired nudge gets a span "nudge fire" whose parent is the context stored when it was planned, and its
 * event carries that span's context, so the nudge.due event is in the trace of the report that led to it. Each batch
 * transaction is timed ({@code crampcare.dispatcher.batch}). On shutdown no new batch starts, and the one in progress
 * commits or rolls back (its claims go with it) before the service goes on stopping.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String FIRED = "crampcare.nudges.fired";
    static final String EXPIRED = "crampcare.nudges.expired";
    static final String WITHDRAWN = "crampcare.nudges.withdrawn";
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final DueNudges store;
    private final Outbox outbox;
    private final StoredPreferences preferences;
    private final NudgeTexts texts;
    private final ReminderConfig config;
    private final CommittedCounts counts;
    private final Tracer tracer;
    private final DatabaseClock clock;
    // Buckets for it: LatencyHistograms (service-support).
    private final Timer batchTimer;
    // Each batch transaction holds the read side (batches may run side by side); shutdown takes the write side, so it
    // waits for the batches in progress.
    private final ReadWriteLock inBatch = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    Dispatcher(DueNudges store, Outbox outbox, StoredPreferences preferences, NudgeTexts texts, ReminderConfig config,
            MeterRegistry registry, CommittedCounts counts, Tracer tracer, DatabaseClock clock) {
        this.store = store;
        this.outbox = outbox;
        this.preferences = preferences;
        this.texts = texts;
        this.config = config;
        this.counts = counts;
        this.tracer = tracer;
        this.clock = clock;
        this.batchTimer = Timer.builder("crampcare.dispatcher.batch")
                .description("One dispatcher transaction: claim, fire or expire, commit")
                .register(registry);
        // Present at 0 from the start, so dashboards and rate() see the first fired or expired nudge of each kind.
        for (NudgeKind kind : NudgeKind.values()) {
            counts.zero(FIRED, "kind", kind.name());
            counts.zero(EXPIRED, "kind", kind.name());
            counts.zero(WITHDRAWN, "kind", kind.name());
        }
    }

    @Scheduled(every = "${crampcare.reminder.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        dispatchDue(clock.now());
    }

    /** Fires (or expires) everything due at {@code now}; returns how many nudges were handled. */
    public int dispatchDue(Instant now) {
        int handled = 0;
        int batch;
        do {
            inBatch.readLock().lock();
            try {
                if (stopping) {
                    break; // shutting down: leave the rest to the next start or another replica
                }
                batch = batchTimer.record(() -> QuarkusTransaction.requiringNew().call(() -> dispatchBatch(now)));
            } finally {
                inBatch.readLock().unlock();
            }
            handled += batch;
        } while (batch == config.dispatchBatch());
        return handled;
    }

    /** Stops taking batches and waits (briefly) for the one in progress to commit or roll back. */
    void stop(@Observes ShutdownEvent event) {
        long started = System.nanoTime();
        stopping = true;
        try {
            if (inBatch.writeLock().tryLock(30, TimeUnit.SECONDS)) {
                inBatch.writeLock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Dispatcher stopped in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** In the caller's transaction: claim up to a batch of due nudges, fire, expire or withdraw each. */
    int dispatchBatch(Instant now) {
        // The store's statements run on the pooled connection enlisted in the caller's transaction, like the outbox's
        // and Hibernate's.
        List<DueNudge> claimed = store.claim(now, config.dispatchBatch());
        Set<String> users = new HashSet<>();
        claimed.forEach(nudge -> users.add(nudge.userId()));
        Map<String, Preferences> current = preferences.of(users);
        List<UUID> fired = new ArrayList<>();
        List<UUID> expired = new ArrayList<>();
        List<UUID> withdrawn = new ArrayList<>();
        // One instant for the nudges' fired_at and their events' ce_time.
        Instant firedAt = now.truncatedTo(ChronoUnit.MICROS);
        List<Outbox.Message> events = new ArrayList<>();
        Map<String, Integer> firedByKind = new HashMap<>();
        Map<String, Integer> expiredByKind = new HashMap<>();
        Map<String, Integer> withdrawnByKind = new HashMap<>();
        for (DueNudge nudge : claimed) {
            Preferences prefs = current.get(nudge.userId());
            if (!prefs.permits(nudge.kind(), nudge.dueAt())) {
                withdrawn.add(nudge.id());
                withdrawnByKind.merge(nudge.kind().name(), 1, Integer::sum);
                LOG.infof("Nudge %s (%s, due %s) withdrawn: the user's preferences no longer allow it", nudge.id(),
                        nudge.kind(), nudge.dueAt());
            } else if (nudge.dueAt().isBefore(now.minus(config.grace().of(nudge.kind())))) {
                expired.add(nudge.id());
                expiredByKind.merge(nudge.kind().name(), 1, Integer::sum);
                LOG.infof("Nudge %s (%s, due %s) expired: more than %s late", nudge.id(), nudge.kind(),
                        nudge.dueAt(), config.grace().of(nudge.kind()));
            } else {
                fired.add(nudge.id());
                events.add(Outbox.Message.of(EventDescriptor.NUDGE_DUE, dueEvent(nudge, prefs.zone()), firedAt,
                        fireSpan(nudge)));
                firedByKind.merge(nudge.kind().name(), 1, Integer::sum);
            }
        }
        outbox.writeAll(events);
        store.markFired(fired, firedAt);
        store.markExpired(expired);
        store.withdraw(withdrawn);
        // Counted on commit, once per kind and batch: a rolled-back batch is fired again and counts once.
        firedByKind.forEach((kind, n) -> counts.add(FIRED, n, "kind", kind));
        expiredByKind.forEach((kind, n) -> counts.add(EXPIRED, n, "kind", kind));
        withdrawnByKind.forEach((kind, n) -> counts.add(WITHDRAWN, n, "kind", kind));
        return claimed.size();
    }

    /**
     * A span "nudge fire" in the trace the nudge was planned in (a new trace where none was stored), ended at once:
     * it marks the firing; its context goes into the event.
     */
    private TraceContext fireSpan(DueNudge nudge) {
        SpanBuilder builder = tracer.spanBuilder("nudge fire")
                .setAttribute("crampcare.nudge.id", nudge.id().toString())
                .setAttribute("crampcare.nudge.kind", nudge.kind().name());
        Span span = (nudge.trace() == null ? builder.setNoParent() : builder.setParent(nudge.trace().asParent()))
                .startSpan();
        span.end();
        return TraceContext.of(Context.root().with(span));
    }

    private NudgeDueV1 dueEvent(DueNudge nudge, ZoneId zone) {
        return new NudgeDueV1(nudge.id(), nudge.userId(), nudge.kind(), nudge.dueAt(),
                LOCAL_MINUTE.format(nudge.dueAt().atZone(zone)), zone.getId(), nudge.amountMl(), nudge.workoutId(),
                nudge.adviceId(), texts.of(nudge.kind(), nudge.amountMl(), nudge.presentation()));
    }
}
