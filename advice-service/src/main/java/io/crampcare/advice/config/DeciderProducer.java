package io.crampcare.advice.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.HydrationPlanner;
import io.crampcare.advice.rules.Ruleset;
import io.crampcare.advice.rules.Thresholds;
import io.quarkus.runtime.Startup;

/** Builds the decider from the ruleset resource and the configured thresholds; a broken ruleset stops start-up. */
public class DeciderProducer {

    private static final Logger LOG = Logger.getLogger(DeciderProducer.class);

    @Produces
    @Singleton
    @Startup
    AdviceDecider decider(AdviceConfig config) {
        Ruleset ruleset;
        try (InputStream yaml = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.ruleset())) {
            if (yaml == null) {
                throw new IllegalStateException("Ruleset resource " + config.ruleset() + " not found");
            }
            ruleset = Ruleset.load(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading ruleset " + config.ruleset() + " failed", e);
        }
        LOG.infof("Ruleset %s loaded: %d rules", ruleset.version(), ruleset.rules().size());
        return new AdviceDecider(ruleset, thresholds(config.frequent()), planner(config.hydration()));
    }

    static Thresholds thresholds(AdviceConfig.Frequent frequent) {
        return new Thresholds(frequent.reports(), frequent.window(), frequent.minAdherence());
    }

    /**
     * Six of the planner's eight numbers are ints: each argument is the setting of the component's name
     * (DeciderProducerTest holds each in its place).
     */
    static HydrationPlanner planner(AdviceConfig.Hydration water) {
        return new HydrationPlanner(water.baseMl(), water.sweatingExtraMl(), water.exerciseExtraMlPerHour(),
                water.assumedExerciseMinutes(), water.maxDailyMl(), water.preExerciseMinMlPerKg(),
                water.preExerciseMaxMlPerKg(), water.maxPerHourMl());
    }
}
