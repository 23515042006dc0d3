package io.crampcare.reminder.config;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.planning.DrinkLimits;
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

    /**
     * The first roll-forward waits this long after the start, so that it does not compete with a JVM still compiling
     * and the other services starting beside it (bench/BENCHMARKS.md 5); a duration.
     */
    @WithDefault("30s")
    String planFirstDelay();

    /**
     * Users, and workouts, a roll-forward plans at most, the longest due first; the rest wait for the next run. Bounds
     * a run's CPU after a stop (about 1.7 ms a user: 1,000 cost under 2 s), where everything due while no reminder ran
     * falls due at once (bench/BENCHMARKS.md 5); {@code crampcare.planning.backlog} shows what waits.
     */
    @WithDefault("1000")
    @Positive
    int planMaxPerRun();

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

    Limits limits();

    /**
     * The reminder's own safety ceilings on drink nudges ({@code crampcare.reminder.limits.*}), whatever an advice event
     * says: an event's numbers are lowered to them, never raised, and every drink nudge planned keeps within them
     * ({@link io.crampcare.reminder.planning.DrinkGuard}). Defaults are the advice service's sourced values.
     */
    interface Limits {
        /**
         * Safe daily ceiling: all drink nudges of one local day together. The advice's own ceiling: 6 L, half the US
         * Army's 12 quarts a day for hard work in the heat (TB MED 507), see advice-service AdviceConfig.
         */
        @WithDefault("6000")
        @Positive
        int maxDailyMl();

        /** Overdrinking guard: all drink nudges due within any one hour together (ACSM 2007: about 1 L an hour). */
        @WithDefault("1000")
        @Positive
        int maxPerHourMl();

        /**
         * The largest single drink nudge. The advice caps its pre-exercise drink (ACSM: 5-7 mL/kg about 4 h before) at
         * the hourly guard, so the default is that guard.
         */
        @WithDefault("1000")
        @Positive
        int maxPortionMl();

        /** The ceilings as the planning core takes them. */
        default DrinkLimits drinkLimits() {
            return new DrinkLimits(maxDailyMl(), maxPerHourMl(), maxPortionMl());
        }
    }

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
