package io.crampcare.reminder.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
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

import io.agroal.api.AgroalDataSource;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.planning.DrinkGuard;
import io.crampcare.reminder.planning.DrinkLimits;
import io.crampcare.reminder.planning.HydrationSchedule;
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
    // Plans a day in one round trip (it was four statements, BENCHMARKS.md 6): what the day's fired water
    // nudges served, the day's row (what it aims at, fired nudges included, and whether water is stopped for it) and,
    // unless the day is new, the removal of its unfired water. All parts see one snapshot; the rows they touch differ.
    private static final String PLAN_DAY = """
            WITH fired AS (
                SELECT coalesce(sum(amount_ml), 0)::integer AS served_ml, count(*)::integer AS fired FROM nudge
                WHERE user_id = ? AND local_date = ? AND kind = 'HYDRATION' AND status IN ('FIRED', 'DONE', 'SKIPPED')
            ), day AS (
                INSERT INTO hydration_day (user_id, local_date, advice_id, target_ml)
                SELECT ?, ?, ?, ? + CASE WHEN ? THEN served_ml ELSE 0 END FROM fired
                ON CONFLICT (user_id, local_date) DO %s RETURNING target_ml, drink_to_thirst
            )%s
            SELECT day.target_ml, day.drink_to_thirst, fired.served_ml, fired.fired FROM day, fired
            """;
    private static final String DROP_UNFIRED_WATER = """
            , unfired AS (
                DELETE FROM nudge WHERE user_id = ? AND local_date = ? AND kind = 'HYDRATION' AND status = 'PLANNED'
            )""";
    private static final String STOP_WATER = """
            INSERT INTO hydration_day (user_id, local_date, advice_id, target_ml, drink_to_thirst)
            VALUES (?1, ?2, ?3, ?4, true)
            ON CONFLICT (user_id, local_date) DO UPDATE SET drink_to_thirst = true
            """;
    private static final String INSERT_NUDGE = """
            INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, workout_id, advice_id,
                               traceparent, tracestate)
            VALUES (?1, ?2, ?3, ?4, ?5, 'PLANNED', ?6, ?7, ?8, ?9, ?10)
            ON CONFLICT (workout_id, kind, local_date) WHERE workout_id IS NOT NULL DO NOTHING
            """;
    // Both days' water portions in one statement: a new user's advice plans two days of them, and one insert per row
    // was most of the reminder's and the database's work per report (BENCHMARKS.md).
    private static final String INSERT_PORTIONS = """
            INSERT INTO nudge (id, user_id, kind, due_at, local_date, status, amount_ml, advice_id, traceparent,
                               tracestate)
            SELECT portion.id, ?, 'HYDRATION', portion.due_at, portion.local_date, 'PLANNED', portion.amount_ml, ?, ?, ?
            FROM unnest(?::uuid[], ?::timestamptz[], ?::date[], ?::integer[]) AS portion (id, due_at, local_date, amount_ml)
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
    // The locks of many users in one statement, in one order (by user id) for every such statement: two of them never
    // wait on each other crosswise. The aggregate is one row, complete once every lock is taken.
    private static final String LOCK_USERS = """
            SELECT count(pg_advisory_xact_lock(hashtext('crampcare.reminder.user'), hashtext(u)))
            FROM (SELECT DISTINCT u FROM unnest(?::text[]) AS u ORDER BY 1) users
            """;

    private final EntityManager em;
    private final StoredPreferences preferences;
    private final ReminderConfig config;
    private final CommittedCounts counts;
    private final AgroalDataSource dataSource;
    private final DatabaseClock clock;
    private final DrinkLedger drinks;
    // What the last roll-forward left due, per item (user, workout); -1 until the first run.
    private final Map<String, AtomicLong> backlog = Map.of("user", new AtomicLong(-1), "workout", new AtomicLong(-1));

    PlanningService(EntityManager em, StoredPreferences preferences, ReminderConfig config, CommittedCounts counts,
            AgroalDataSource dataSource, DatabaseClock clock, DrinkLedger drinks) {
        this.em = em;
        this.clock = clock;
        this.dataSource = dataSource;
        this.drinks = drinks;
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

    /** {@link #lockUser} for several users at once, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockUsers(List<String> userIds) {
        // The pooled connection is enlisted in the caller's JTA transaction: the locks last until it ends.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(LOCK_USERS)) {
            lock.setArray(1, connection.createArrayOf("text", userIds.toArray(String[]::new)));
            lock.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("Locking " + userIds.size() + " users failed", e);
        }
    }

    /**
     * {@link #onAdvice} for a round of consumed advice (at most one per user), inside the consumer's transaction: the
     * users' locks first, all in one statement, then each advice with its own trace current, so the nudges it plans
     * continue that trace. Planning stays per advice for now; what it writes is small beside the lock and the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAdviceAll(List<InboxEvent<AdviceIssuedV1>> events, Instant now) {
        lockUsers(events.stream().map(event -> event.payload().userId()).toList());
        for (InboxEvent<AdviceIssuedV1> event : events) {
            try (Scope scope = event.makeCurrent()) {
                planUnderLock(event.payload(), now);
            }
        }
    }

    /** How a day's row is treated: a new advice sets its target, a replan keeps it, the roll-forward claims a new day. */
    private enum DayPlan {
        ADVICE("UPDATE SET advice_id = excluded.advice_id, target_ml = excluded.target_ml", true),
        REPLAN("UPDATE SET target_ml = hydration_day.target_ml", true),
        NEW_DAY("NOTHING", false); // a new day has no unfired water to drop

        final String statement;
        final boolean dropsUnfired;

        DayPlan(String onConflict, boolean dropsUnfired) {
            this.statement = PLAN_DAY.formatted(onConflict, dropsUnfired ? DROP_UNFIRED_WATER : "");
            this.dropsUnfired = dropsUnfired;
        }
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
        lockUser(advice.userId());
        planUnderLock(advice, now);
    }

    /** {@link #onAdvice} once the caller holds the user's lock ({@link #onAdviceAll} takes a round's in one go). */
    private void planUnderLock(AdviceIssuedV1 advice, Instant now) {
        HydrationPlan water = advice.hydration();
        boolean emergency = advice.urgency() == Urgency.EMERGENCY;
        if (water == null && !emergency) {
            LOG.infof("Advice %s has no water plan; hydration nudges unchanged", advice.adviceId());
            return;
        }
        Preferences prefs = preferences.of(advice.userId());
        LocalDate today = now.atZone(prefs.zone()).toLocalDate();
        Instant reportTime = advice.reportOccurredAt() != null ? advice.reportOccurredAt() : advice.issuedAt();
        boolean aboutToday = reportTime.atZone(prefs.zone()).toLocalDate().equals(today);
        if (aboutToday && (emergency || (water != null && Boolean.TRUE.equals(water.drinkToThirstOnly())))) {
            stopWater(advice.userId(), advice.adviceId(), today, prefs);
            // Why, and for whom, never together at INFO: an urgency beside a user id is health data.
            LOG.infof("Advice %s: no more water planned today", advice.adviceId());
            LOG.debugf("Advice %s (%s): no more water planned for %s today", advice.adviceId(),
                    emergency ? "EMERGENCY" : "drink to thirst only", advice.userId());
        }
        if (water == null) {
            return;
        }
        water = withinLimits(advice, water);
        HydrationTarget target = HydrationTarget.findById(advice.userId());
        PlanSource incoming = PlanSource.of(advice);
        if (target == null) {
            target = new HydrationTarget();
            target.userId = advice.userId();
        } else if (!incoming.supersedes(target.source())) {
            LOG.infof("Advice %s (report %s) is older than advice %s, which the water plan of %s follows; skipped",
                    advice.adviceId(), advice.reportId(), target.adviceId, advice.userId());
            counts.increment(OUTDATED);
            return;
        }
        target.adviceId = advice.adviceId();
        target.reportOccurredAt = incoming.reportOccurredAt();
        target.adviceIssuedAt = incoming.issuedAt();
        target.dailyTargetMl = water.dailyTargetMl();
        target.maxPerHourMl = water.maxPerHourMl();
        target.preExerciseMl = water.preExerciseMaxMl();
        target.updatedAt = now;
        planTwoDays(target, prefs, now, DayPlan.ADVICE, aboutToday ? water.remainingTodayMl() : null);
        target.persist();
        em.flush();
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
        List<WorkoutNudge> nudges = WorkoutSchedule.nudges(planOf(workout), prefs.zone(), now, until,
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
            planTwoDays(target, prefs, now, DayPlan.REPLAN, null);
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
                    planTwoDays(target, preferences.of(userId), now, DayPlan.NEW_DAY, null);
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
     * Today's and tomorrow's water in the user's zone, and when the next day is due: after the local midnight that
     * ends today, plus a spread per user ({@code crampcare.reminder.plan-spread}) so that all the users of a zone are
     * not planned in the same minute. {@code todayRemainingMl}, when given, is what is left of today's water.
     */
    private void planTwoDays(HydrationTarget target, Preferences prefs, Instant now, DayPlan mode,
            Integer todayRemainingMl) {
        LocalDate today = now.atZone(prefs.zone()).toLocalDate();
        List<DayPortion> portions = new ArrayList<>();
        planDay(target, prefs, today, now, mode, todayRemainingMl, portions);
        planDay(target, prefs, today.plusDays(1), now, mode, null, portions);
        insertPortions(target, withinLimits(target.userId, prefs, now, portions));
        long spreadMinutes = config.planSpread().toMinutes();
        long offset = spreadMinutes == 0 ? 0 : Math.floorMod(target.userId.hashCode(), spreadMinutes);
        target.nextPlanAt = today.plusDays(1).atStartOfDay(prefs.zone()).toInstant().plus(Duration.ofMinutes(offset));
    }

    /**
     * Plans one local day's water (see {@link DayPlan} for how its row is treated): the day's not-yet-fired portions
     * give way to a plan for what is still to drink of the day's target, added to {@code portions}.
     * {@code remainingMl}, when given, is what the advice says is left (the day's target becomes what fired nudges
     * served plus that).
     */
    private void planDay(HydrationTarget target, Preferences prefs, LocalDate day, Instant now, DayPlan mode,
            Integer remainingMl, List<DayPortion> portions) {
        DayRow row = dayRow(target, day, mode, remainingMl);
        if (row == null) {
            return; // planned already, by this or another replica
        }
        if (row.drinkToThirst() || !prefs.kinds().contains(NudgeKind.HYDRATION)) {
            return;
        }
        int capLeft = prefs.dailyCap() - row.firedCount();
        // Planned from the middle of a day, the target shrinks with the drinking time left: the evening is not
        // crammed with the whole day's water (what the advice says is left is less than that, or it is capped so).
        int dueByEndOfDay = (int) Math.round(target.dailyTargetMl * HydrationSchedule.shareLeft(day, prefs, now));
        int remaining = Math.min(row.targetMl() - row.servedMl(), dueByEndOfDay);
        List<Portion> planned = capLeft <= 0 ? List.of()
                : HydrationSchedule.plan(day, remaining, drinks.limits().portionCeiling(target.maxPerHourMl),
                        prefs.withDailyCap(capLeft), now);
        planned.forEach(portion -> portions.add(new DayPortion(day, portion)));
        LOG.debugf("Planned %d hydration nudges for %s on %s", planned.size(), target.userId, day);
    }

    /**
     * The portions that fit beside the user's other drinks (pre-exercise drinks, snoozed and fired ones), as they fit:
     * read after the days' unfired water went, so a new plan replaces the old one rather than adding to it.
     */
    private List<DayPortion> withinLimits(String userId, Preferences prefs, Instant now, List<DayPortion> portions) {
        if (portions.isEmpty()) {
            return portions;
        }
        DrinkGuard guard = drinks.guard(userId, prefs.zone(), now, null);
        List<DayPortion> admitted = new ArrayList<>(portions.size());
        for (DayPortion portion : portions) {
            guard.admit(portion.portion()).ifPresent(drink -> admitted.add(new DayPortion(portion.day(), drink)));
        }
        if (admitted.size() < portions.size()) {
            LOG.debugf("%d of %d water portions of %s dropped by the drink limits", portions.size() - admitted.size(),
                    portions.size(), userId);
        }
        return admitted;
    }

    /**
     * A day's target and whether water is stopped for it, with what the day's fired water nudges served and how many
     * of the daily cap they used.
     */
    private record DayRow(int targetMl, boolean drinkToThirst, int servedMl, int firedCount) {
    }

    /** A water portion and the local day it belongs to. */
    private record DayPortion(LocalDate day, Portion portion) {
    }

    /**
     * The day's row after {@code mode} (null: a new day that someone planned already). Its target is
     * {@code remainingMl} plus what fired nudges served, when the advice says what is left, else the daily target.
     */
    private DayRow dayRow(HydrationTarget target, LocalDate day, DayPlan mode, Integer remainingMl) {
        // The data source hands out the transaction's own connection (as for the portions).
        try (Connection connection = dataSource.getConnection();
                PreparedStatement plan = connection.prepareStatement(mode.statement)) {
            int i = 0;
            plan.setString(++i, target.userId);
            plan.setObject(++i, day);
            plan.setString(++i, target.userId);
            plan.setObject(++i, day);
            plan.setObject(++i, target.adviceId);
            plan.setInt(++i, remainingMl == null ? target.dailyTargetMl : remainingMl);
            plan.setBoolean(++i, remainingMl != null);
            if (mode.dropsUnfired) {
                plan.setString(++i, target.userId);
                plan.setObject(++i, day);
            }
            try (ResultSet row = plan.executeQuery()) {
                return row.next() ? new DayRow(row.getInt(1), row.getBoolean(2), row.getInt(3), row.getInt(4)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Planning " + day + " of " + target.userId + " failed", e);
        }
    }

    /**
     * No more water on {@code day}: the day is marked (for every later plan of it), and its unfired water and
     * pre-exercise drink nudges go.
     */
    private void stopWater(String userId, UUID adviceId, LocalDate day, Preferences prefs) {
        em.createNativeQuery(STOP_WATER).setParameter(1, userId).setParameter(2, day).setParameter(3, adviceId)
                .setParameter(4, 0).executeUpdate();
        em.createNativeQuery("""
                DELETE FROM nudge WHERE user_id = ?1 AND status = 'PLANNED'
                  AND (kind = 'HYDRATION' AND local_date = ?2
                    OR kind = 'PRE_EXERCISE_HYDRATION' AND due_at >= ?3 AND due_at < ?4)
                """).setParameter(1, userId).setParameter(2, day)
                .setParameter(3, day.atStartOfDay(prefs.zone()).toInstant())
                .setParameter(4, day.plusDays(1).atStartOfDay(prefs.zone()).toInstant()).executeUpdate();
    }

    private void insertPortions(HydrationTarget target, List<DayPortion> portions) {
        if (portions.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[portions.size()];
        String[] dueAt = new String[portions.size()];
        String[] localDate = new String[portions.size()];
        Integer[] amountMl = new Integer[portions.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TimeOrderedIds.next();
            dueAt[i] = portions.get(i).portion().dueAt().toString();
            localDate[i] = portions.get(i).day().toString();
            amountMl[i] = portions.get(i).portion().amountMl();
        }
        TraceContext trace = TraceContext.current();
        // The data source hands out the transaction's own connection, so these rows commit with the days' rows.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_PORTIONS)) {
            insert.setString(1, target.userId);
            insert.setObject(2, target.adviceId);
            insert.setString(3, trace == null ? null : trace.traceparent());
            insert.setString(4, trace == null ? null : trace.tracestate());
            insert.setArray(5, connection.createArrayOf("uuid", ids));
            insert.setArray(6, connection.createArrayOf("text", dueAt));
            insert.setArray(7, connection.createArrayOf("text", localDate));
            insert.setArray(8, connection.createArrayOf("integer", amountMl));
            counts.add(PLANNED, insert.executeUpdate(), "kind", NudgeKind.HYDRATION.name());
        } catch (SQLException e) {
            throw new IllegalStateException("Planning " + portions.size() + " water portions failed", e);
        }
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

    static WorkoutPlan planOf(Workout workout) {
        Set<DayOfWeek> days = workout.weeklyDays == null ? null
                : Arrays.stream(workout.weeklyDays.split(",")).map(DayOfWeek::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new WorkoutPlan(workout.oneOffStart, days, workout.weeklyStart, workout.durationMinutes);
    }
}
