package io.crampcare.reminder.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.planning.DrinkGuard;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.planning.PlanSource;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.planning.WorkoutNudge;
import io.crampcare.reminder.planning.WorkoutPlan;
import io.crampcare.reminder.planning.WorkoutSchedule;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.inbox.InboxEvent;
import io.crampcare.support.metrics.CommittedCounts;
import io.crampcare.support.tracing.TraceContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns water targets and workouts into planned nudges (rows), always under the user's current preferences. Every
 * write is idempotent, so any number of replicas may plan at once: a day is planned by whoever inserts its
 * hydration_day row, a workout occurrence's nudges by whoever inserts them first (unique index). All planning of one
 * user takes the user's lock ({@link #lockUser}) first, so it never works from preferences or workouts that another
 * transaction is changing.
 * <p>
 * Every drink nudge planned passes the user's {@link DrinkGuard} ({@link DrinkLedger}), and an advice's numbers are
 * lowered to the reminder's own limits first: no event sets them.
 * <p>
 * Each nudge keeps the trace context it was planned in (the advice event's, or the workout request's), so that
 * firing it continues that trace. {@code crampcare.nudges.planned{kind}} counts the nudges planned (committed).
 */
@ApplicationScoped
public class PlanningService {

    private static final Logger LOG = Logger.getLogger(PlanningService.class);
    private static final String INSERT_NUDGE = """
            INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, workout_id, advice_id,
                               traceparent, tracestate)
            VALUES (?1, ?2, ?3, ?4, ?5, 'PLANNED', ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT (workout_id, kind, local_date) WHERE workout_id IS NOT NULL DO NOTHING
            """;

    static final String PLANNED = "crampcare.nudges.planned";
    static final String OUTDATED = "crampcare.advice.outdated";
    /** Roll-forward items (a user's new day, a workout's next occurrences) that failed; each is tried again later. */
    static final String FAILED = "crampcare.planning.failures";
    static final String BACKLOG = "crampcare.planning.backlog";
    // All planning of one user (advice, workouts, preferences, roll-forward) takes this lock first, on any replica:
    // whoever comes second reads what the first committed, so no plan is made from preferences or workouts that
    // are being changed.
    private static final String LOCK_USER = "SELECT 1 FROM pg_advisory_xact_lock(hashtext('crampcare.reminder.user'), hashtext(?1))";

    private final EntityManager em;
    private final StoredPreferences preferences;
    private final ReminderConfig config;
    private final CommittedCounts counts;
    private final DatabaseClock clock;
    private final DrinkLedger drinks;
    private final PlanStore store;
    private final WaterPlanner planner;
    // What the last roll-forward left due, per item (user, workout); -1 until the first run.
    private final Map<String, AtomicLong> backlog = Map.of("user", new AtomicLong(-1), "workout", new AtomicLong(-1));

    PlanningService(EntityManager em, StoredPreferences preferences, ReminderConfig config, CommittedCounts counts,
            DatabaseClock clock, DrinkLedger drinks, PlanStore store, WaterPlanner planner) {
        this.em = em;
        this.clock = clock;
        this.drinks = drinks;
        this.store = store;
        this.planner = planner;
        this.preferences = preferences;
        this.config = config;
        this.counts = counts;
    }

    void registerCounters(@Observes StartupEvent event) {
        for (NudgeKind kind : NudgeKind.values()) {
            counts.zero(PLANNED, "kind", kind.name());
        }
        counts.zero(OUTDATED);
        counts.zero(FAILED, "item", "user");
        counts.zero(FAILED, "item", "workout");
    }

    /** Serialises the planning of one user with every other change to it, until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockUser(String userId) {
        em.createNativeQuery(LOCK_USER).setParameter(1, userId).getSingleResult();
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
        store.lockUsers(planning.stream().map(arrival -> arrival.advice().userId()).toList());
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
                stopped.add(new PlanStore.StoppedDay(advice.userId(), today, advice.adviceId(),
                        today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant()));
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
                LOG.infof("Advice %s (report %s) is older than advice %s, which the water plan of %s follows; skipped",
                        advice.adviceId(), advice.reportId(), current.adviceId(), advice.userId());
                counts.increment(OUTDATED);
                continue;
            }
            plans.add(new WaterPlanner.Request(advice.userId(), advice.adviceId(), water.dailyTargetMl(),
                    water.maxPerHourMl(), userPrefs, aboutToday ? water.remainingTodayMl() : null, arrival.trace()));
            targets.add(new PlanStore.TargetRow(advice.userId(), advice.adviceId(), water.dailyTargetMl(),
                    water.maxPerHourMl(), water.preExerciseMaxMl(), now, incoming.reportOccurredAt(),
                    incoming.issuedAt(), planner.nextPlanAt(advice.userId(), userPrefs, now)));
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

    /**
     * Plans a workout's nudges within the horizon, and when the roll-forward has to look at it next: half a horizon
     * on for a weekly workout; for a one-off, when its start comes within the horizon, or never once it is planned.
     * The caller holds the user's lock and read the workout under it (so a concurrent delete has committed, and shows,
     * or has not begun).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planWorkout(Workout workout, Instant now) {
        HydrationTarget target = HydrationTarget.findById(workout.userId);
        Preferences prefs = preferences.of(workout.userId);
        Instant until = now.plus(config.horizon());
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(workout.plan(), prefs.zone(), now, until,
                config.warmUpLead(), target == null ? null : target.preExerciseMl, prefs);
        List<LocalDate> noWater = em.createNativeQuery("""
                SELECT local_date FROM hydration_day WHERE user_id = ?1 AND drink_to_thirst AND local_date >= ?2
                """, LocalDate.class).setParameter(1, workout.userId)
                .setParameter(2, now.atZone(prefs.zone()).toLocalDate()).getResultList();
        DrinkGuard guard = null;
        List<LocalDate> drinkPlanned = List.of();
        for (WorkoutNudge nudge : nudges) {
            boolean drink = nudge.kind() == NudgeKind.PRE_EXERCISE_HYDRATION;
            boolean stopped = drink && noWater.contains(nudge.dueAt().atZone(prefs.zone()).toLocalDate());
            if (nudge.dueAt().isBefore(now) || stopped) {
                continue;
            }
            Integer amountMl = nudge.amountMl();
            if (drink) {
                if (guard == null) {
                    guard = drinks.guard(workout.userId, prefs.zone(), now, null);
                    drinkPlanned = preExerciseDrinksPlanned(workout.id);
                }
                if (drinkPlanned.contains(nudge.occurrence())) {
                    continue; // planned before, and held by the guard as it was planned
                }
                Optional<Portion> admitted = guard.admit(new Portion(nudge.dueAt(), amountMl));
                if (admitted.isEmpty()) {
                    LOG.debugf("Pre-exercise drink of workout %s on %s dropped by the drink limits", workout.id,
                            nudge.occurrence());
                    continue;
                }
                amountMl = admitted.get().amountMl();
            }
            insert(workout.userId, nudge.kind(), nudge.dueAt(), nudge.occurrence(), amountMl, workout.id, null);
        }
        if (workout.weeklyDays != null) {
            workout.planNextAt = now.plus(config.horizon().dividedBy(2));
        } else {
            workout.planNextAt = workout.oneOffStart.isBefore(until) ? null : workout.oneOffStart.minus(config.horizon());
        }
    }

    /** The occurrences of a workout that have a pre-exercise drink nudge already (planned, or past). */
    private List<LocalDate> preExerciseDrinksPlanned(UUID workoutId) {
        return em.createNativeQuery("SELECT local_date FROM nudge WHERE workout_id = ?1 AND kind = 'PRE_EXERCISE_HYDRATION'",
                LocalDate.class).setParameter(1, workoutId).getResultList();
    }

    /** Removes a deleted workout's planned nudges (fired ones stay as history). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long cancelWorkout(UUID workoutId) {
        return em.createNativeQuery("DELETE FROM nudge WHERE workout_id = ?1 AND status = 'PLANNED'")
                .setParameter(1, workoutId).executeUpdate();
    }

    /**
     * New preferences: every unfired nudge of the user (water today and tomorrow, workouts; snoozed ones too) gives
     * way to a plan made from them. Nothing is published for the nudges removed: nudges are announced only when they
     * fire. The caller holds the user's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replan(String userId, Preferences prefs, Instant now) {
        int removed = em.createNativeQuery("DELETE FROM nudge WHERE user_id = ?1 AND status = 'PLANNED'")
                .setParameter(1, userId).executeUpdate();
        HydrationTarget target = HydrationTarget.findById(userId);
        if (target != null) {
            planTwoDays(target, prefs, now, PlanStore.DayPlan.REPLAN);
        }
        List<Workout> workouts = Workout.list("userId = ?1 and deletedAt is null", userId);
        for (Workout workout : workouts) {
            planWorkout(workout, now);
        }
        LOG.infof("Preferences of %s changed: %d unfired nudges replanned", userId, removed);
        LOG.debugf("Preferences of %s: replanned from %s and %d workouts", userId,
                target == null ? "no water target" : "a water target of " + target.dailyTargetMl + " mL", workouts.size());
    }

    @Scheduled(every = "${crampcare.reminder.plan-every:1m}", delayed = "${crampcare.reminder.plan-first-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRollForward() {
        rollForward(clock.now());
    }

    /**
     * {@code crampcare.planning.backlog{item}}: users and workouts that were due and still unplanned when the last
     * roll-forward ended (beyond its bound, or failed), from the count its query returns; NaN before the first run.
     */
    void registerBacklog(@Observes StartupEvent event, MeterRegistry registry) {
        backlog.forEach((item, waiting) -> Gauge.builder(BACKLOG, waiting, w -> w.get() < 0 ? Double.NaN : w.get())
                .tag("item", item).description("Roll-forward items due but not yet planned, as of the last run")
                .register(registry));
    }

    /** Users whose next local day is due to be planned at {@code now}: the longest due first, at most a run's bound. */
    public List<String> usersToPlan(Instant now) {
        return dueUsers(now).items();
    }

    /** Up to a run's bound of what is due, the longest due first, and how many are due in all. */
    private record Due<T>(List<T> items, long total) {
        static <T> Due<T> of(List<Object[]> rows, Function<Object[], T> item) {
            long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[rows.get(0).length - 1]).longValue();
            return new Due<>(rows.stream().map(item).toList(), total);
        }
    }

    // count(*) OVER () counts every due row before the LIMIT: the backlog without a query of its own.
    private Due<String> dueUsers(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT user_id, count(*) OVER () FROM hydration_target WHERE next_plan_at <= ?1
                ORDER BY next_plan_at LIMIT ?2
                """, Object[].class).setParameter(1, now).setParameter(2, config.planMaxPerRun()).getResultList();
        return Due.of(rows, row -> (String) row[0]);
    }

    private Due<Object[]> dueWorkouts(Instant now) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, user_id, count(*) OVER () FROM workout WHERE deleted_at IS NULL AND plan_next_at <= ?1
                ORDER BY plan_next_at LIMIT ?2
                """, Object[].class).setParameter(1, now).setParameter(2, config.planMaxPerRun()).getResultList();
        return Due.of(rows, row -> row);
    }

    /**
     * Plans what has come due: the next day's water for users past their local midnight, and the next occurrences of
     * workouts whose time has come. Both are found through an index on when they are due, so a minute with nothing
     * due costs two index lookups however many users and workouts there are. A run plans at most
     * {@code crampcare.reminder.plan-max-per-run} users and as many workouts, the longest due first: after a stop,
     * everything that fell due meanwhile drains over several runs instead of taking cores for minutes in one.
     * One transaction per user or workout: a failure is logged and counted ({@code crampcare.planning.failures}),
     * stops nothing else, and is tried again next time. Any number of replicas may roll forward at once: each item is
     * checked again under the user's lock.
     */
    public void rollForward(Instant now) {
        Due<String> users = QuarkusTransaction.requiringNew().call(() -> dueUsers(now));
        long usersPlanned = 0;
        for (String userId : users.items()) {
            usersPlanned += isolated("user", userId, () -> {
                lockUser(userId);
                HydrationTarget target = HydrationTarget.findById(userId);
                if (target != null && !target.nextPlanAt.isAfter(now)) {
                    planTwoDays(target, preferences.of(userId), now, PlanStore.DayPlan.NEW_DAY);
                }
            });
        }
        backlog.get("user").set(users.total() - usersPlanned);
        Due<Object[]> workouts = QuarkusTransaction.requiringNew().call(() -> dueWorkouts(now));
        long workoutsPlanned = 0;
        for (Object[] row : workouts.items()) {
            workoutsPlanned += isolated("workout", row[0].toString(), () -> {
                lockUser((String) row[1]);
                Workout workout = Workout.findById(row[0]);
                if (workout != null && workout.deletedAt == null && workout.planNextAt != null
                        && !workout.planNextAt.isAfter(now)) {
                    planWorkout(workout, now);
                }
            });
        }
        backlog.get("workout").set(workouts.total() - workoutsPlanned);
        if (users.total() > users.items().size() || workouts.total() > workouts.items().size()) {
            LOG.infof("Roll-forward: %d of %d due users and %d of %d due workouts planned, the rest next run",
                    usersPlanned, users.total(), workoutsPlanned, workouts.total());
        }
    }

    /** Runs one item's work in its own transaction: 1 when it committed, 0 when it failed (counted, logged). */
    private int isolated(String item, String id, Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(work);
            return 1;
        } catch (RuntimeException e) {
            counts.increment(FAILED, "item", item);
            LOG.warnf(e, "Roll-forward of %s %s failed; it is tried again at the next roll-forward", item, id);
            return 0;
        }
    }

    /**
     * Today's and tomorrow's water of one user ({@link WaterPlanner}), and when the roll-forward plans the next day.
     */
    private void planTwoDays(HydrationTarget target, Preferences prefs, Instant now, PlanStore.DayPlan mode) {
        planner.plan(mode, List.of(new WaterPlanner.Request(target.userId, target.adviceId, target.dailyTargetMl,
                target.maxPerHourMl, prefs, null, TraceContext.current())), now);
        target.nextPlanAt = planner.nextPlanAt(target.userId, prefs, now);
    }

    private void insert(String userId, NudgeKind kind, Instant dueAt, LocalDate localDate, Integer amountMl,
            UUID workoutId, UUID adviceId) {
        TraceContext trace = TraceContext.current();
        int inserted = em.createNativeQuery(INSERT_NUDGE)
                .setParameter(1, TimeOrderedIds.next()).setParameter(2, userId).setParameter(3, kind.name())
                .setParameter(4, dueAt).setParameter(5, localDate).setParameter(6, amountMl)
                .setParameter(7, workoutId).setParameter(8, adviceId)
                .setParameter(9, trace == null ? null : trace.traceparent())
                .setParameter(10, trace == null ? null : trace.tracestate())
                .executeUpdate();
        if (inserted == 1) {
            counts.increment(PLANNED, "kind", kind.name());
        }
    }

}
