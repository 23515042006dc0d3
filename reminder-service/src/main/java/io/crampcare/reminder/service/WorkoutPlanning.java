package io.crampcare.reminder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.config.ReminderConfig;
import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.planning.DrinkGuard;
import io.crampcare.reminder.planning.Portion;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.planning.WorkoutNudge;
import io.crampcare.reminder.planning.WorkoutSchedule;
import io.crampcare.reminder.store.NudgeStore;
import io.crampcare.reminder.store.NudgeStore.WorkoutNudgeRow;
import io.crampcare.reminder.store.PlanStore;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.tracing.TraceContext;

/**
 * Turns workouts into their warm-up, stretch and pre-exercise drink nudges within the planning horizon, under the
 * user's current preferences. Each occurrence's nudge of a kind is inserted once, by whoever plans it first (unique
 * index), so any number of replicas may plan at once. Every pre-exercise drink passes the user's drink limits
 * ({@link DrinkLedger}) and is left out on a day whose water an advice stopped. The nudges keep the trace context they
 * were planned in (the workout request's), so that firing them continues that trace.
 */
@ApplicationScoped
public class WorkoutPlanning {

    private static final Logger LOG = Logger.getLogger(WorkoutPlanning.class);

    @Inject
    StoredPreferences preferences;
    @Inject
    ReminderConfig config;
    @Inject
    DrinkLedger drinks;
    @Inject
    PlanStore days;
    @Inject
    NudgeStore nudges;
    @Inject
    PlannedNudges planned;

    /**
     * Plans a workout's nudges within the horizon, and when the roll-forward has to look at it next: half a horizon
     * on for a weekly workout; for a one-off, when its start comes within the horizon, or never once it is planned.
     * The caller holds the user's lock and read the workout under it (so a concurrent delete has committed, and shows,
     * or has not begun).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(Workout workout, Instant now) {
        HydrationTarget target = HydrationTarget.findById(workout.userId);
        Preferences prefs = preferences.of(workout.userId);
        Instant until = now.plus(config.horizon());
        List<WorkoutNudge> planning = WorkoutSchedule.nudges(workout.plan(), prefs.zone(), now, until,
                config.warmUpLead(), target == null ? null : target.preExerciseMl, prefs);
        List<LocalDate> noWater = days.stoppedDays(workout.userId, now.atZone(prefs.zone()).toLocalDate());
        TraceContext trace = TraceContext.current();
        DrinkGuard guard = null;
        List<LocalDate> drinkPlanned = List.of();
        List<WorkoutNudgeRow> rows = new ArrayList<>();
        for (WorkoutNudge nudge : planning) {
            boolean drink = nudge.kind() == NudgeKind.PRE_EXERCISE_HYDRATION;
            boolean stopped = drink && noWater.contains(nudge.dueAt().atZone(prefs.zone()).toLocalDate());
            if (nudge.dueAt().isBefore(now) || stopped) {
                continue;
            }
            Integer amountMl = nudge.amountMl();
            if (drink) {
                if (guard == null) {
                    guard = drinks.guard(workout.userId, prefs.zone(), now, null);
                    drinkPlanned = nudges.preExerciseDrinkDays(workout.id);
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
            rows.add(new WorkoutNudgeRow(TimeOrderedIds.next(), workout.userId, nudge.kind(), nudge.dueAt(),
                    nudge.occurrence(), amountMl, workout.id, trace));
        }
        nudges.insertWorkoutNudges(rows).forEach(planned::add);
        if (workout.weeklyDays != null) {
            workout.planNextAt = now.plus(config.horizon().dividedBy(2));
        } else {
            workout.planNextAt = workout.oneOffStart.isBefore(until) ? null : workout.oneOffStart.minus(config.horizon());
        }
    }

    /** Removes a deleted workout's planned nudges (fired ones stay as history). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long cancel(UUID workoutId) {
        return nudges.deleteUnfiredOfWorkout(workoutId);
    }
}
