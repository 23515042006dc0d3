package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.reminder.model.WaterStopReason;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.planning.PlanSource;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.PlanStore;
import io.crampcare.reminder.store.UserLocks;
import io.crampcare.support.inbox.InboxEvent;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.tracing.TraceContext;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;

/**
 * Turns advice into water plans, under each user's current preferences and lock ({@link UserLocks}). Every write is
 * idempotent, so any number of replicas may plan at once: a day is planned by whoever inserts its hydration_day row.
 * Every drink planned passes the user's drink limits ({@link DrinkLedger}), and an advice's numbers are lowered to the
 * reminder's own limits first: no event sets them. The nudges keep the advice event's trace context, so that firing
 * them continues that trace.
 */
@ApplicationScoped
public class AdvicePlanning {

    private static final Logger LOG = Logger.getLogger(AdvicePlanning.class);
    static final String OUTDATED = "crampcare.advice.outdated";

    @Inject
    UserLocks locks;
    @Inject
    StoredPreferences preferences;
    @Inject
    CommittedCounts counts;
    @Inject
    DrinkLedger drinks;
    @Inject
    PlanStore store;
    @Inject
    WaterPlanner planner;

    void registerCounters(@Observes StartupEvent event) {
        counts.zero(OUTDATED);
    }

    /**
     * {@link #onAdvice} for a round of consumed advice (at most one per user), inside the consumer's transaction,
     * set-based: the locks of the users whose advice plans anything, then a statement per kind of row for them all.
     * Each advice's nudges continue its own trace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAdviceAll(List<InboxEvent<AdviceIssuedV1>> events, Instant now) {
        List<Arrival> arrivals = new ArrayList<>(events.size());
        for (InboxEvent<AdviceIssuedV1> event : events) {
            try (Scope scope = event.makeCurrent()) {
                arrivals.add(new Arrival(event.payload(), TraceContext.current()));
            }
        }
        plan(arrivals, now);
    }

    /**
     * New advice: its water target replaces the rest of today's and tomorrow's hydration plan, unless the plan comes
     * from a newer advice already (this one arrived late: redelivered, or replayed from advice.dlq). Then nothing
     * changes, and {@code crampcare.advice.outdated} counts it.
     * <p>
     * Water already drunk counts: on the day of the report (its local date in the user's zone) only the advice's
     * {@code remainingTodayMl} is planned, when it is given; later days get the whole daily target. When the
     * advice's overdrinking guard holds ({@code drinkToThirstOnly}), or the advice is an EMERGENCY (which carries no
     * water plan: an emergency may be the harm of too much water), the rest of the report's day gets no water and no
     * pre-exercise drink, and stays so whatever advice follows that day (the careful side; the next day plans again).
     * That stop holds even for an advice that arrives late. Any other advice without a water plan changes no plan, so
     * the plan ends up the same whatever order a user's advice arrives in.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAdvice(AdviceIssuedV1 advice, Instant now) {
        plan(List.of(new Arrival(advice, TraceContext.current())), now);
    }

    /** An advice to apply, and the trace its nudges continue. */
    private record Arrival(AdviceIssuedV1 advice, TraceContext trace) {

        boolean stopsWater() {
            HydrationPlan water = advice.hydration();
            return advice.urgency() == Urgency.EMERGENCY
                    || water != null && Boolean.TRUE.equals(water.drinkToThirstOnly());
        }
    }

    /** Locks the users whose advice plans anything (the others' rows stay untouched) and plans them. */
    private void plan(List<Arrival> arrivals, Instant now) {
        List<Arrival> planning = new ArrayList<>(arrivals.size());
        for (Arrival arrival : arrivals) {
            if (arrival.advice().hydration() == null && !arrival.stopsWater()) {
                LOG.infof("Advice %s has no water plan; hydration nudges unchanged", arrival.advice().adviceId());
            } else {
                planning.add(arrival);
            }
        }
        locks.lockAll(planning.stream().map(arrival -> arrival.advice().userId()).toList());
        // A user's rows may be written once per statement: a user seen again (a key other than the user id) starts
        // the next part, which sees the effects of the one before, as one by one.
        Set<String> users = new HashSet<>();
        int from = 0;
        for (int i = 0; i < planning.size(); i++) {
            if (!users.add(planning.get(i).advice().userId())) {
                planUnderLock(planning.subList(from, i), now);
                users.clear();
                users.add(planning.get(i).advice().userId());
                from = i;
            }
        }
        planUnderLock(planning.subList(from, planning.size()), now);
    }

    /** {@link #onAdvice} of advice of distinct users, whose locks the caller holds. */
    private void planUnderLock(List<Arrival> arrivals, Instant now) {
        if (arrivals.isEmpty()) {
            return;
        }
        Map<String, Preferences> prefs = preferences.of(arrivals.stream().map(a -> a.advice().userId()).toList());
        List<String> withWater = arrivals.stream().filter(a -> a.advice().hydration() != null)
                .map(a -> a.advice().userId()).toList();
        Map<String, PlanSource> sources = store.sources(withWater);
        List<PlanStore.StoppedDay> stopped = new ArrayList<>();
        List<WaterPlanner.Request> plans = new ArrayList<>();
        List<PlanStore.TargetRow> targets = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            AdviceIssuedV1 advice = arrival.advice();
            Preferences userPrefs = prefs.get(advice.userId());
            ZoneId zone = userPrefs.zone();
            LocalDate today = now.atZone(zone).toLocalDate();
            Instant reportTime = advice.reportOccurredAt() != null ? advice.reportOccurredAt() : advice.issuedAt();
            boolean aboutToday = reportTime.atZone(zone).toLocalDate().equals(today);
            if (aboutToday && arrival.stopsWater()) {
                stopped.add(PlanStore.StoppedDay.of(advice.userId(), today, zone, advice.adviceId(),
                        WaterStopReason.ADVICE));
                // Why, and for whom, never together at INFO: an urgency beside a user id is health data.
                LOG.infof("Advice %s: no more water planned today", advice.adviceId());
                LOG.debugf("Advice %s (%s): no more water planned for %s today", advice.adviceId(),
                        advice.urgency() == Urgency.EMERGENCY ? "EMERGENCY" : "drink to thirst only", advice.userId());
            }
            if (advice.hydration() == null) {
                continue;
            }
            HydrationPlan water = withinLimits(advice, advice.hydration());
            PlanSource incoming = PlanSource.of(advice);
            PlanSource current = sources.get(advice.userId());
            if (current != null && !incoming.supersedes(current)) {
                LOG.infof("Advice %s (report %s) is older than advice %s, which the user's water plan follows; skipped",
                        advice.adviceId(), advice.reportId(), current.adviceId());
                counts.increment(OUTDATED);
                continue;
            }
            plans.add(WaterPlanner.Request.ofAdvice(advice, water, userPrefs, aboutToday, arrival.trace()));
            targets.add(new PlanStore.TargetRow(advice.userId(), incoming, water, now,
                    planner.nextPlanAt(advice.userId(), userPrefs, now)));
        }
        // Each user's steps in the order of one advice alone: the stop, the days and their water, the target.
        store.stopWater(stopped);
        planner.plan(PlanStore.DayPlan.ADVICE, plans, now);
        store.saveTargets(targets);
    }

    /**
     * The advice's water plan lowered to the reminder's own ceilings ({@code crampcare.reminder.limits.*}): the limits
     * are never taken from an event. Each number lowered is counted and logged (ids and limits only: amounts are health
     * facts, at DEBUG).
     */
    private HydrationPlan withinLimits(AdviceIssuedV1 advice, HydrationPlan water) {
        DrinkLimits.Clamped within = drinks.limits().clamp(water);
        if (!within.clamped().isEmpty()) {
            within.clamped().forEach(drinks::adviceClamped);
            LOG.warnf("Advice %s asks for more than the reminder's limits (%s); planned within them", advice.adviceId(),
                    within.clamped().stream().map(DrinkLimits.Limit::tag).sorted().collect(Collectors.joining(", ")));
            LOG.debugf("Advice %s for %s: %s lowered to %s", advice.adviceId(), advice.userId(), water, within.plan());
        }
        return within.plan();
    }
}
