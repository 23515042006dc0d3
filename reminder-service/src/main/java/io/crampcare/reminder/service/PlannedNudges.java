package io.crampcare.reminder.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.support.metrics.CommittedCounts;
import io.quarkus.runtime.StartupEvent;

/** {@code crampcare.nudges.planned{kind}}: the nudges planned, water and workout ones, counted when they commit. */
@ApplicationScoped
class PlannedNudges {

    static final String PLANNED = "crampcare.nudges.planned";

    @Inject
    CommittedCounts counts;

    void registerCounters(@Observes StartupEvent event) {
        for (NudgeKind kind : NudgeKind.values()) {
            counts.zero(PLANNED, "kind", kind.name());
        }
    }

    /** Counts {@code planned} nudges of {@code kind}, when the transaction commits. */
    void add(NudgeKind kind, long planned) {
        counts.add(PLANNED, planned, "kind", kind.name());
    }
}
