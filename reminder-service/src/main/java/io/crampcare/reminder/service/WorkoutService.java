package io.crampcare.reminder.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.crampcare.reminder.model.Workout;
import io.crampcare.reminder.store.UserLocks;
import io.crampcare.support.errors.NotFound;
import io.crampcare.support.idempotency.IdempotencyService;

/** Registers workouts and keeps their warm-up, stretch and pre-exercise drink nudges planned. */
@ApplicationScoped
public class WorkoutService {

    @Inject
    UserLocks locks;
    @Inject
    WorkoutPlanning planning;
    @Inject
    IdempotencyService idempotency;

    /**
     * Stores a new workout (its id given) and plans its nudges; the workout and (with an Idempotency-Key) the answer to
     * replay commit together or not at all.
     *
     * @param answer the answer recorded for the request's Idempotency-Key, or null without one
     */
    @Transactional
    public Workout create(Workout workout, Instant now, IdempotencyService.Answer answer) {
        locks.lock(workout.userId);
        workout.createdAt = now;
        workout.persist();
        planning.plan(workout, now);
        if (answer != null) {
            idempotency.complete(answer);
        }
        return workout;
    }

    @Transactional
    public List<Workout> list(String userId) {
        return Workout.list("userId = ?1 and deletedAt is null order by createdAt", userId);
    }

    /** One of the user's workouts (not deleted); 404 otherwise, also for another user's. */
    @Transactional
    public Workout get(String userId, UUID workoutId) {
        Workout workout = Workout.findById(workoutId);
        if (workout == null || !workout.userId.equals(userId) || workout.deletedAt != null) {
            throw new NotFound("User " + userId + " has no workout " + workoutId + ".");
        }
        return workout;
    }

    /** Deletes a workout and its planned nudges; fired ones stay in the history. */
    @Transactional
    public void delete(String userId, UUID workoutId, Instant now) {
        locks.lock(userId); // a roll-forward of this workout either ends before, or sees it deleted
        Workout workout = get(userId, workoutId);
        workout.deletedAt = now;
        planning.cancel(workoutId);
    }
}
