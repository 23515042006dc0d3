package io.crampcare.advice.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.crampcare.contracts.advice.Recommendation;
import io.crampcare.contracts.report.CrampReportSubmittedV1;

/** The production ruleset and thresholds (crampcare.advice.* defaults), for pure unit tests of the rules. */
final class RuleFixtures {

    static final String RULESET_RESOURCE = "rules/ruleset.yaml";
    static final int BASE_ML = 1893;
    static final int MAX_PER_HOUR_ML = 1000;

    private RuleFixtures() {
    }

    static Ruleset ruleset() {
        try (InputStream yaml = RuleFixtures.class.getClassLoader().getResourceAsStream(RULESET_RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException(RULESET_RESOURCE + " is not on the classpath");
            }
            return Ruleset.load(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Ruleset ruleset(String yaml) throws IOException {
        return Ruleset.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static Thresholds thresholds() {
        return new Thresholds(3, Duration.ofDays(14), 0.8);
    }

    static HydrationPlanner planner() {
        return new HydrationPlanner(BASE_ML, 500, 500, 60, 6000, 5, 7, MAX_PER_HOUR_ML);
    }

    static AdviceDecider decider() {
        return new AdviceDecider(ruleset(), thresholds(), planner());
    }

    /** A first report of a user, with no adherence known yet. */
    static Decision decideFirst(AdviceDecider decider, CrampReportSubmittedV1 report) {
        return decider.decide(report, 1, null);
    }

    static List<String> ruleIds(Decision decision) {
        return decision.recommendations().stream().map(Recommendation::ruleId).toList();
    }

    static Recommendation recommendation(Decision decision, String ruleId) {
        return decision.recommendations().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no recommendation from " + ruleId + " in " + ruleIds(decision)));
    }
}
