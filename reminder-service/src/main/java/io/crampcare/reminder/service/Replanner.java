package io.crampcare.reminder.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.crampcare.reminder.model.HydrationTarget;
import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.store.NudgeStore;
import io.crampcare.reminder.store.PlanStore;

/**
 * New preferences: every unfired nudge of the user (water today and tomorrow, workouts; snoozed ones too) gives way to
 * a plan made from them. Nothing is published for the nudges removed: nudges are announced only when they fire.
 */
@ApplicationScoped
class Replanner {

    private static final Logger LOG = Logger.getLogger(Replanner.class);

    @Inject
    NudgeStore nudges;
    @Inject
    WaterPlanner water;
    @Inject
    WorkoutPlanning workouts;

    /** Replans the user's unfired nudges under {@code prefs}; the caller holds the user's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    void replan(String userId, Preferences prefs, Instant now) {
        long removed = nudges.deleteUnfiredOfUser(userId);
        HydrationTarget target = HydrationTarget.findById(userId);
        if (target != null) {
            water.plan(PlanStore.DayPlan.REPLAN, target, prefs, now);
        }
        List<Workout> active = Workout.list("userId = ?1 and deletedAt is null", userId);
        for (Workout workout : active) {
            workouts.plan(workout, now);
        }
        LOG.infof("Preferences changed: %d unfired nudges replanned", removed); // no user id at INFO (issue 32)
        LOG.debugf("Preferences of %s: replanned from %s and %d workouts", userId,
                target == null ? "no water target" : "a water target of " + target.dailyTargetMl + " mL", active.size());
    }
}
