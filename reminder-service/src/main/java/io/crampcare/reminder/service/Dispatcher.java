package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.crampcare.contracts.EventTypes;
import io.crampcare.contracts.Topics;
import io.crampcare.contracts.nudge.NudgeDueV1;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Fires due nudges. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, and the claim, the outbox rows of the
 * nudge.due events and the status change commit together: any number of replicas may dispatch, each nudge fires once,
 * and a crash before the commit leaves the batch to be claimed again. A nudge later than its kind's grace (the
 * service was down) is marked EXPIRED instead of firing late.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String CLAIM = """
            SELECT id FROM nudge WHERE status = 'PLANNED' AND due_at <= ?1
            ORDER BY due_at LIMIT ?2
            FOR UPDATE SKIP LOCKED
            """;

    private final EntityManager em;
    private final Outbox outbox;
    private final PreferencesService preferences;
    private final ReminderConfig config;
    private final MeterRegistry registry;

    Dispatcher(EntityManager em, Outbox outbox, PreferencesService preferences, ReminderConfig config,
            MeterRegistry registry) {
        this.em = em;
        this.outbox = outbox;
        this.preferences = preferences;
        this.config = config;
        this.registry = registry;
    }

    @Scheduled(every = "${crampcare.reminder.dispatch-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        dispatchDue(Instant.now());
    }

    /** Fires (or expires) everything due at {@code now}; returns how many nudges were handled. */
    public int dispatchDue(Instant now) {
        int handled = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> dispatchBatch(now, () -> {
            }));
            handled += batch;
        } while (batch == config.dispatchBatch());
        return handled;
    }

    /**
     * One transaction: claim up to a batch of due nudges, fire or expire each. {@code beforeCommit} runs last inside
     * the transaction; tests use it to crash there.
     */
    int dispatchBatch(Instant now, Runnable beforeCommit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(CLAIM, UUID.class)
                .setParameter(1, now).setParameter(2, config.dispatchBatch()).getResultList();
        for (UUID id : ids) {
            Nudge nudge = em.find(Nudge.class, id);
            if (nudge.dueAt.isBefore(now.minus(config.grace().of(nudge.kind)))) {
                nudge.status = NudgeStatus.EXPIRED;
                registry.counter("crampcare.nudges.expired", "kind", nudge.kind.name()).increment();
                LOG.infof("Nudge %s (%s, due %s) expired: more than %s late", nudge.id, nudge.kind, nudge.dueAt,
                        config.grace().of(nudge.kind));
            } else {
                fire(nudge, now);
            }
        }
        beforeCommit.run();
        return ids.size();
    }

    private void fire(Nudge nudge, Instant now) {
        ZoneId zone = preferences.preferencesOf(nudge.userId).zone();
        NudgeDueV1 due = new NudgeDueV1(nudge.id, nudge.userId, nudge.kind, nudge.dueAt,
                LOCAL_MINUTE.format(nudge.dueAt.atZone(zone)), zone.getId(), nudge.amountMl, nudge.workoutId,
                nudge.adviceId, NudgeTexts.of(nudge.kind, nudge.amountMl, config.warmUpLead().toMinutes()));
        outbox.write(Topics.NUDGES, nudge.userId, EventTypes.NUDGE_DUE, nudge.userId, due);
        nudge.status = NudgeStatus.FIRED;
        nudge.firedAt = now.truncatedTo(ChronoUnit.MICROS);
        registry.counter("crampcare.nudges.fired", "kind", nudge.kind.name()).increment();
    }
}
