package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.crampcare.contracts.EventDescriptor;
import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.contracts.nudge.NudgeAcknowledgedV1;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.model.NudgeStatus;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.outbox.Outbox;
import io.quarkus.runtime.StartupEvent;

/**
 * Answers to fired nudges, as they are published on nudge-acks: by the person (done, skipped, snoozed) or by a drink
 * they log for a fired drink nudge (done). Counts {@code crampcare.nudges.acked{kind,outcome}} as they are published.
 */
@ApplicationScoped
class NudgeAcks {

    static final String ACKED = "crampcare.nudges.acked";

    @Inject
    Outbox outbox;
    @Inject
    CommittedCounts counts;

    void registerCounters(@Observes StartupEvent event) {
        for (NudgeKind kind : NudgeKind.values()) {
            for (AckOutcome outcome : AckOutcome.values()) {
                counts.zero(ACKED, "kind", kind.name(), "outcome", outcome.name());
            }
        }
    }

    /** Answers a fired nudge DONE or SKIPPED (the caller holds its row lock and checked that it is fired). */
    void answer(Nudge nudge, AckOutcome outcome, Instant now) {
        nudge.status = outcome == AckOutcome.DONE ? NudgeStatus.DONE : NudgeStatus.SKIPPED;
        nudge.answeredAt = now.truncatedTo(ChronoUnit.MICROS);
        publish(nudge, outcome, now);
    }

    /** Publishes the answer, with the nudge's due time as it is now (for a snooze: the time that was snoozed). */
    void publish(Nudge nudge, AckOutcome outcome, Instant now) {
        NudgeAcknowledgedV1 ack = new NudgeAcknowledgedV1(nudge.id, nudge.userId, nudge.kind, outcome,
                nudge.dueAt, now.truncatedTo(ChronoUnit.MICROS));
        outbox.write(EventDescriptor.NUDGE_ACKNOWLEDGED, ack, ack.acknowledgedAt());
        counts.increment(ACKED, "kind", nudge.kind.name(), "outcome", outcome.name());
    }
}
