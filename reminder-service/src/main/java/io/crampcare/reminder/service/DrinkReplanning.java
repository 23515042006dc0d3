package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.planning.DrinkGuard;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.DrinkStore;
import io.crampcare.reminder.store.PlanStore;
import io.crampcare.support.metrics.CommittedCounts;
import io.quarkus.runtime.StartupEvent;

/**
 * What a drink changes (logged, a DONE drink nudge, or undone): first the live overdrinking guard over what was drunk
 * today, then the rest of today's and tomorrow's water, replanned from what is left of each day's target. Counts
 * {@code crampcare.water.stopped{reason}} for each day the guard stops (committed).
 */
@ApplicationScoped
class DrinkReplanning {

    private static final Logger LOG = Logger.getLogger(DrinkReplanning.class);
    static final String STOPPED = "crampcare.water.stopped";

    @Inject
    DrinkStore drinks;
    @Inject
    PlanStore plans;
    @Inject
    WaterPlanner water;
    @Inject
    DrinkLedger ledger;
    @Inject
    CommittedCounts counts;

    void registerCounters(@Observes StartupEvent event) {
        for (WaterStopReason reason : List.of(WaterStopReason.HOURLY, WaterStopReason.DAILY)) {
            counts.zero(STOPPED, "reason", reason.name());
        }
    }

    /**
     * After a drink at {@code drunkAt} was added: when what was drunk today passes the hourly guard (in an hour that
     * holds this drink) or the safe daily ceiling, today's water stops (no water or pre-exercise drink nudge is left to
     * fire today; drink to thirst); then the water is replanned. The caller holds the user's lock.
     *
     * @return why the drink's day has no more water, if it has none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<WaterStopReason> added(String userId, Preferences prefs, Instant drunkAt, Instant now) {
        ZoneId zone = prefs.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = drunkAt.atZone(zone).toLocalDate();
        if (day.equals(today)) {
            stopIfPastALimit(userId, zone, today, drunkAt);
        }
        replan(userId, prefs, drunkAt, now);
        return plans.stopReason(userId, day);
    }

    /** After a drink at {@code drunkAt} was removed: the water it stood for is planned again (a stopped day stays so). */
    @Transactional(Transactional.TxType.MANDATORY)
    void removed(String userId, Preferences prefs, Instant drunkAt, Instant now) {
        replan(userId, prefs, drunkAt, now);
    }

    private void stopIfPastALimit(String userId, ZoneId zone, LocalDate today, Instant drunkAt) {
        DrinkLimits limits = ledger.limits();
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant dayEnd = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant from = earlier(dayStart, drunkAt.minus(DrinkGuard.WINDOW));
        Instant to = later(dayEnd, drunkAt.plus(DrinkGuard.WINDOW));
        DrinkGuard drunk = new DrinkGuard(limits, zone, drinks.between(userId, from, to), limit -> { });
        Optional<DrinkLimits.Limit> exceeded = drunk.exceededAt(drunkAt);
        if (exceeded.isEmpty()) {
            return;
        }
        WaterStopReason reason = exceeded.get() == DrinkLimits.Limit.HOURLY ? WaterStopReason.HOURLY : WaterStopReason.DAILY;
        plans.stopWater(List.of(PlanStore.StoppedDay.of(userId, today, zone, null, reason)));
        counts.increment(STOPPED, "reason", reason.name());
        // Whose drinking passed a limit is health data: the user only at DEBUG.
        LOG.info("A user's drinks passed a drink limit: no more drink nudges for them today");
        LOG.debugf("Drinks of %s passed the %s limit: no more drink nudges today", userId, reason);
    }

    /** Replans when the drink can change a plan: it counts for drinks planned from now on (its hour or its day). */
    private void replan(String userId, Preferences prefs, Instant drunkAt, Instant now) {
        if (drunkAt.isBefore(DrinkGuard.countsFrom(now, prefs.zone()))) {
            return;
        }
        HydrationTarget target = HydrationTarget.findById(userId);
        if (target != null) {
            water.plan(PlanStore.DayPlan.REPLAN, target, prefs, now);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
