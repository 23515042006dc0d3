package io.crampcare.reminder.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.planning.DrinkGuard;
import io.crampcare.reminder.planning.HydrationSchedule;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.PlanStore;
import io.crampcare.reminder.store.PlanStore.DayPlan;
import io.crampcare.reminder.store.PlanStore.DayRequest;
import io.crampcare.reminder.store.PlanStore.DayRow;
import io.crampcare.reminder.store.PlanStore.PortionRow;
import io.crampcare.reminder.store.PlanStore.UserDay;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.tracing.TraceContext;

/**
 * Plans today's and tomorrow's water (in each user's zone) of any number of users at once, a statement per kind of
 * row whatever their number: the days' rows, the drinks the guards hold, the portions. What each user gets is
 * computed as if planned alone: the users' rows are apart, and each user's steps keep their order (days, then the
 * guard, then the portions). The caller holds every user's lock and names each user once.
 */
@ApplicationScoped
class WaterPlanner {

    private static final Logger LOG = Logger.getLogger(WaterPlanner.class);

    /**
     * A user's water to plan: the target's numbers, the user's preferences, what is left of today's water when the
     * advice says so (else null), and the trace the portions continue. Made by {@link #ofAdvice} or {@link #ofTarget}.
     */
    record Request(String userId, UUID adviceId, int dailyTargetMl, int maxPerHourMl, Preferences prefs,
            Integer todayRemainingMl, Integer todayReportedMl, Instant reportedAt, TraceContext trace) {

        /**
         * An advice's water plan (within the reminder's limits); on the day of its report ({@code aboutToday}) only
         * what the advice says is left of it, when it says so, after what the report said was drunk by the time the
         * advice was issued.
         */
        static Request ofAdvice(AdviceIssuedV1 advice, HydrationPlan water, Preferences prefs, boolean aboutToday,
                TraceContext trace) {
            return new Request(advice.userId(), advice.adviceId(), water.dailyTargetMl(), water.maxPerHourMl(), prefs,
                    aboutToday ? water.remainingTodayMl() : null, aboutToday ? water.alreadyDrunkTodayMl() : null,
                    advice.issuedAt(), trace);
        }

        /** A stored water target's whole days, in the current trace. */
        static Request ofTarget(HydrationTarget target, Preferences prefs) {
            return new Request(target.userId, target.adviceId, target.dailyTargetMl, target.maxPerHourMl, prefs, null,
                    null, null, TraceContext.current());
        }

        LocalDate today(Instant now) {
            return now.atZone(prefs.zone()).toLocalDate();
        }
    }

    /** A water portion and the local day it belongs to. */
    private record DayPortion(LocalDate day, Portion portion) {
    }

    @Inject
    PlanStore store;
    @Inject
    DrinkLedger drinks;
    @Inject
    ReminderConfig config;
    @Inject
    PlannedNudges plannedNudges;

    /**
     * Today's and tomorrow's water of one user from the stored target, and when the roll-forward plans the next day.
     */
    void plan(DayPlan mode, HydrationTarget target, Preferences prefs, Instant now) {
        plan(mode, List.of(Request.ofTarget(target, prefs)), now);
        target.nextPlanAt = nextPlanAt(target.userId, prefs, now);
    }

    /**
     * Each user's not-yet-fired portions of both days give way to a plan for what is still to drink of each day's
     * target (see {@link DayPlan} for how a day's row is treated), within the user's drink limits.
     */
    void plan(DayPlan mode, List<Request> requests, Instant now) {
        List<DayRequest> days = new ArrayList<>(2 * requests.size());
        for (Request request : requests) {
            LocalDate today = request.today(now);
            Integer remaining = request.todayRemainingMl();
            ZoneId zone = request.prefs().zone();
            days.add(remaining == null
                    ? DayRequest.whole(request.userId(), today, zone, request.adviceId(), request.dailyTargetMl())
                    : DayRequest.rest(request.userId(), today, zone, request.adviceId(), request.dailyTargetMl(),
                            remaining, request.todayReportedMl(), request.reportedAt()));
            days.add(DayRequest.whole(request.userId(), today.plusDays(1), zone, request.adviceId(),
                    request.dailyTargetMl()));
        }
        Map<UserDay, DayRow> rows = store.planDays(mode, days);
        Map<Request, List<DayPortion>> portions = new LinkedHashMap<>();
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        for (Request request : requests) {
            List<DayPortion> planned = new ArrayList<>();
            LocalDate today = request.today(now);
            for (LocalDate day : List.of(today, today.plusDays(1))) {
                planDay(request, day, rows.get(new UserDay(request.userId(), day)), now, planned);
            }
            if (!planned.isEmpty()) {
                portions.put(request, planned);
                zones.put(request.userId(), request.prefs().zone());
            }
        }
        // Read after the days' unfired water went, so a new plan replaces the old one rather than adding to it.
        Map<String, DrinkGuard> guards = drinks.guards(zones, now, null);
        List<PortionRow> admitted = new ArrayList<>();
        portions.forEach((request, planned) -> admitted.addAll(
                withinLimits(request, guards.get(request.userId()), planned)));
        if (!admitted.isEmpty()) {
            plannedNudges.add(NudgeKind.HYDRATION, store.insertPortions(admitted));
        }
    }

    /**
     * When the roll-forward plans the user's next day: after the local midnight that ends today, plus a spread per
     * user ({@code crampcare.reminder.plan-spread}) so that all the users of a zone are not planned in the same minute.
     */
    Instant nextPlanAt(String userId, Preferences prefs, Instant now) {
        LocalDate today = now.atZone(prefs.zone()).toLocalDate();
        long spreadMinutes = config.planSpread().toMinutes();
        long offset = spreadMinutes == 0 ? 0 : Math.floorMod(userId.hashCode(), spreadMinutes);
        return today.plusDays(1).atStartOfDay(prefs.zone()).toInstant().plus(Duration.ofMinutes(offset));
    }

    /**
     * One local day's portions, added to {@code portions}, from its row (null: a new day planned already, by this or
     * another replica). When the advice said what is left, the row's target is that plus what fired nudges served.
     */
    private void planDay(Request request, LocalDate day, DayRow row, Instant now, List<DayPortion> portions) {
        Preferences prefs = request.prefs();
        if (row == null || row.drinkToThirst() || !prefs.kinds().contains(NudgeKind.HYDRATION)) {
            return;
        }
        int capLeft = prefs.dailyCap() - row.firedCount();
        // Planned from the middle of a day, the target shrinks with the drinking time left: the evening is not
        // crammed with the whole day's water (what the advice says is left is less than that, or it is capped so).
        int dueByEndOfDay = (int) Math.round(request.dailyTargetMl() * HydrationSchedule.shareLeft(day, prefs, now));
        int remaining = Math.min(row.targetMl() - row.servedMl(), dueByEndOfDay);
        List<Portion> planned = capLeft <= 0 ? List.of()
                : HydrationSchedule.plan(day, remaining, drinks.limits().portionCeiling(request.maxPerHourMl()),
                        prefs.withDailyCap(capLeft), now);
        planned.forEach(portion -> portions.add(new DayPortion(day, portion)));
        LOG.debugf("Planned %d hydration nudges for %s on %s", planned.size(), request.userId(), day);
    }

    /** The portions that fit beside the user's other drinks (pre-exercise drinks, snoozed and fired ones), as they fit. */
    private List<PortionRow> withinLimits(Request request, DrinkGuard guard, List<DayPortion> portions) {
        TraceContext trace = request.trace();
        List<PortionRow> admitted = new ArrayList<>(portions.size());
        for (DayPortion portion : portions) {
            guard.admit(portion.portion()).ifPresent(drink -> admitted.add(new PortionRow(TimeOrderedIds.next(),
                    request.userId(), drink.dueAt(), portion.day(), drink.amountMl(), request.adviceId(), trace)));
        }
        if (admitted.size() < portions.size()) {
            LOG.debugf("%d of %d water portions of %s dropped by the drink limits", portions.size() - admitted.size(),
                    portions.size(), request.userId());
        }
        return admitted;
    }
}
