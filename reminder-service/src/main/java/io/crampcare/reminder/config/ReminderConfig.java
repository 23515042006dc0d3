package io.crampcare.reminder.config;

import java.time.Duration;

import io.crampcare.contracts.nudge.NudgeKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the reminder service plans and fires nudges ({@code crampcare.reminder.*}). */
@ConfigMapping(prefix = "crampcare.reminder")
public interface ReminderConfig {

    /** How often the dispatcher looks for due nudges (also the worst-case lateness); a duration, or "off". */
    @WithDefault("1s")
    String dispatchEvery();

    /**
     * Nudges claimed per dispatcher transaction. A batch costs a few statements whatever its size, so larger batches
     * drain a backlog faster; each holds its rows' locks only for one short transaction.
     */
    @WithDefault("1000")
    int dispatchBatch();

    /** How often plans roll forward (new days, weekly workouts); a duration, or "off". */
    @WithDefault("1m")
    String planEvery();

    /** How far ahead workout nudges are planned. */
    @WithDefault("48h")
    Duration horizon();

    /**
     * A user's next day is planned at a time after their local midnight spread over this long (by user), so that the
     * users of one time zone are not all planned in the same minute; 0 plans everyone at midnight.
     */
    @WithDefault("12h")
    Duration planSpread();

    /** Warm-up nudge this long before a workout starts. */
    @WithDefault("15m")
    Duration warmUpLead();

    Grace grace();

    /** A nudge later than its grace (the service was down) expires instead of firing late. */
    interface Grace {
        @WithDefault("30m")
        Duration hydration();

        @WithDefault("60m")
        Duration preExerciseHydration();

        @WithDefault("10m")
        Duration warmUp();

        @WithDefault("30m")
        Duration stretch();

        default Duration of(NudgeKind kind) {
            return switch (kind) {
                case HYDRATION -> hydration();
                case PRE_EXERCISE_HYDRATION -> preExerciseHydration();
                case WARM_UP -> warmUp();
                case STRETCH -> stretch();
            };
        }
    }
}
