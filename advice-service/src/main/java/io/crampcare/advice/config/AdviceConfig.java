package io.crampcare.advice.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Product thresholds of the advice service ({@code crampcare.advice.*}); the rules themselves are in the ruleset. */
@ConfigMapping(prefix = "crampcare.advice")
public interface AdviceConfig {

    /** Classpath resource of the ruleset. */
    @WithDefault("rules/ruleset.yaml")
    String ruleset();

    Frequent frequent();

    Hydration hydration();

    /** "Frequent cramps although following the advice" (article), as numbers. */
    interface Frequent {
        /** This many reports (the current one included) within the window count as frequent. */
        @WithDefault("3")
        int reports();

        /** The window, ending at the current report. */
        @WithDefault("14d")
        Duration window();

        /** Share of hydration and warm-up nudges done over the window that counts as following the advice. */
        @WithDefault("0.8")
        double minAdherence();
    }

    interface Hydration {
        /** The article's floor: 64 US fl oz. */
        @WithDefault("1893")
        int baseMl();

        /** Added on a day of heavy sweating. */
        @WithDefault("500")
        int sweatingExtraMl();

        /** Added per hour of reported exercise, pro rata. */
        @WithDefault("500")
        int exerciseExtraMlPerHour();

        /** Exercise length assumed when a report about exercise does not give one. */
        @WithDefault("60")
        int assumedExerciseMinutes();

        /**
         * Safe daily ceiling (overdrinking guard): the daily target never exceeds it, and more water than this drunk in
         * a day stops all water advice and nudges for the rest of it (drink to thirst only). 6 L is about 400 mL an
         * hour over a 15-hour waking day and half the US Army's daily limit of 12 quarts (about 11.4 L) for soldiers
         * working hard in the heat (TB MED 507, Heat stress control and heat casualty management), since people not
         * doing such work sweat far less; Hew-Butler et al. 2015 (3rd EAH Consensus) give no safe volume, only "drink
         * to thirst", so the number is a deliberately low product choice under that limit.
         */
        @WithDefault("6000")
        int maxDailyMl();

        /** ACSM: 5-7 mL per kg about 4 h before exercise. */
        @WithDefault("5")
        double preExerciseMinMlPerKg();

        @WithDefault("7")
        double preExerciseMaxMlPerKg();

        /**
         * Overdrinking guard: no plan puts more than this in any hour, and more than this drunk in the last hour stops
         * water for the rest of the day (ACSM 2007; the US Army's hourly limit is 1.5 quarts, about 1.4 L).
         */
        @WithDefault("1000")
        int maxPerHourMl();
    }
}
