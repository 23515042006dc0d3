package io.crampcare.reminder.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.store.DuePlans;
import io.crampcare.reminder.store.DuePlans.Due;
import io.crampcare.reminder.store.DuePlans.DueWorkout;
import io.crampcare.reminder.store.PlanStore;
import io.crampcare.reminder.store.UserLocks;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.metrics.CommittedCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The roll-forward job: plans what has come due, the next day's water for users past their local midnight and the
 * next occurrences of workouts whose time has come ({@link DuePlans}). A run plans at most
 * {@code crampcare.reminder.plan-max-per-run} users and as many workouts, the longest due first: after a stop,
 * everything that fell due meanwhile drains over several runs instead of taking cores for minutes in one. One
 * transaction per user or workout: a failure is logged and counted ({@code crampcare.planning.failures}), stops nothing
 * else, and is tried again next time. Any number of replicas may roll forward at once: each item is checked again
 * under the user's lock.
 */
@ApplicationScoped
public class RollForward {

    private static final Logger LOG = Logger.getLogger(RollForward.class);
    /** Roll-forward items (a user's new day, a workout's next occurrences) that failed; each is tried again later. */
    static final String FAILED = "crampcare.planning.failures";
    static final String BACKLOG = "crampcare.planning.backlog";

    @Inject
    DuePlans due;
    @Inject
    UserLocks locks;
    @Inject
    StoredPreferences preferences;
    @Inject
    WaterPlanner water;
    @Inject
    WorkoutPlanning workouts;
    @Inject
    ReminderConfig config;
    @Inject
    CommittedCounts counts;
    @Inject
    DatabaseClock clock;
    // What the last roll-forward left due, per item (user, workout); -1 until the first run.
    private final Map<String, AtomicLong> backlog = Map.of("user", new AtomicLong(-1), "workout", new AtomicLong(-1));

    void registerCounters(@Observes StartupEvent event) {
        counts.zero(FAILED, "item", "user");
        counts.zero(FAILED, "item", "workout");
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

    @Scheduled(every = "${crampcare.reminder.plan-every:1m}", delayed = "${crampcare.reminder.plan-first-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rollForward(clock.now());
    }

    /** Users whose next local day is due to be planned at {@code now}: the longest due first, at most a run's bound. */
    public List<String> usersToPlan(Instant now) {
        return due.users(now, config.planMaxPerRun()).items();
    }

    /** Plans what is due at {@code now}, a run's bound of users and of workouts. */
    public void rollForward(Instant now) {
        Due<String> users = QuarkusTransaction.requiringNew().call(() -> due.users(now, config.planMaxPerRun()));
        long usersPlanned = 0;
        for (String userId : users.items()) {
            usersPlanned += isolated("user", userId, () -> {
                locks.lock(userId);
                HydrationTarget target = HydrationTarget.findById(userId);
                if (target != null && !target.nextPlanAt.isAfter(now)) {
                    water.plan(PlanStore.DayPlan.NEW_DAY, target, preferences.of(userId), now);
                }
            });
        }
        backlog.get("user").set(users.total() - usersPlanned);
        Due<DueWorkout> dueWorkouts = QuarkusTransaction.requiringNew()
                .call(() -> due.workouts(now, config.planMaxPerRun()));
        long workoutsPlanned = 0;
        for (DueWorkout item : dueWorkouts.items()) {
            workoutsPlanned += isolated("workout", item.id().toString(), () -> {
                locks.lock(item.userId());
                Workout workout = Workout.findById(item.id());
                if (workout != null && workout.deletedAt == null && workout.planNextAt != null
                        && !workout.planNextAt.isAfter(now)) {
                    workouts.plan(workout, now);
                }
            });
        }
        backlog.get("workout").set(dueWorkouts.total() - workoutsPlanned);
        if (users.total() > users.items().size() || dueWorkouts.total() > dueWorkouts.items().size()) {
            LOG.infof("Roll-forward: %d of %d due users and %d of %d due workouts planned, the rest next run",
                    usersPlanned, users.total(), workoutsPlanned, dueWorkouts.total());
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
}
