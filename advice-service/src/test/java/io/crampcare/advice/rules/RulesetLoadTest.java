package io.crampcare.advice.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.crampcare.contracts.advice.Urgency;

/** The production ruleset loads; a broken ruleset is refused with a message that names what is wrong. */
class RulesetLoadTest {

    /** A minimal valid ruleset; the broken ones below each change one thing in it. */
    private static final String VALID = """
            version: "test-1"
            disclaimer: Not a substitute for a clinician.
            headlines:
              EMERGENCY: Seek medical care now.
              SEE_DOCTOR: Please book a visit with a doctor.
              SELF_CARE: This looks like a common muscle cramp.
            rules:
              - id: chest-pain-emergency
                urgency: EMERGENCY
                category: MEDICAL
                when:
                  anySymptom: [CHEST_PAIN]
                text: Get emergency care now.
                source:
                  type: LITERATURE
                  reference: Merck Manual Consumer Version, "Chest Pain".
              - id: daily-water
                urgency: SELF_CARE
                category: HYDRATION
                when:
                  always: true
                text: Drink at least {dailyTargetMl} mL of water today.
                source:
                  type: ARTICLE
                  reference: Glutes Cramping (LIVESTRONG, B. Kochan).
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void theProductionRulesetLoads() {
        Ruleset ruleset = assertDoesNotThrow(() -> RuleFixtures.ruleset());

        assertFalse(ruleset.version().isBlank());
        assertTrue(ruleset.disclaimer().toLowerCase(Locale.ROOT).contains("not a substitute for a clinician"),
                ruleset.disclaimer());
        for (Urgency urgency : Urgency.values()) {
            assertNotNull(ruleset.headlines().get(urgency), "headline for " + urgency);
        }
        assertTrue(ruleset.headlines().get(Urgency.EMERGENCY).toLowerCase(Locale.ROOT).contains("seek medical care now"));
        assertTrue(ruleset.rules().stream().anyMatch(r -> Boolean.TRUE.equals(r.when().always())),
                "some rule must fire for every report");

        Set<Urgency> urgencies = EnumSet.noneOf(Urgency.class);
        Set<String> ids = new HashSet<>();
        for (Rule rule : ruleset.rules()) {
            assertTrue(ids.add(rule.id()), rule.id());
            urgencies.add(rule.urgency());
        }
        assertEquals(EnumSet.allOf(Urgency.class), urgencies, "the ruleset covers every urgency");
    }

    @Test
    void emergencyRulesNeedNoWaterPlan() {
        // An EMERGENCY advice has no hydration plan, so an emergency rule may not use the plan's numbers.
        Set<String> planFree = Set.of("frequentReports", "windowDays", "minAdherencePercent");
        for (Rule rule : RuleFixtures.ruleset().rules()) {
            if (rule.urgency() == Urgency.EMERGENCY) {
                Matcher placeholder = PLACEHOLDER.matcher(rule.text());
                while (placeholder.find()) {
                    assertTrue(planFree.contains(placeholder.group(1)), rule.id() + " uses {" + placeholder.group(1) + "}");
                }
            }
        }
    }

    @Test
    void theMinimalRulesetIsValid() {
        Ruleset ruleset = assertDoesNotThrow(() -> RuleFixtures.ruleset(VALID));

        assertEquals("test-1", ruleset.version());
        assertEquals(2, ruleset.rules().size());
    }

    /** Each broken ruleset is {@link #VALID} with one thing changed, and the words the refusal must contain. */
    static Stream<Arguments> brokenRulesets() {
        String alwaysTrue = """
                    when:
                      always: true
                """;
        return Stream.of(
                broken("duplicate rule id", "- id: daily-water", "- id: chest-pain-emergency",
                        "chest-pain-emergency appears twice"),
                broken("empty condition", alwaysTrue, """
                            when: {}
                        """, "daily-water: an empty condition"),
                broken("missing condition", alwaysTrue, "", "daily-water: an empty condition"),
                broken("empty nested condition", alwaysTrue, """
                            when:
                              onset: [SUDDEN]
                              not: {}
                        """, "daily-water: an empty condition"),
                broken("unknown placeholder", "{dailyTargetMl}", "{dailyTargetLitres}",
                        "daily-water: unknown placeholder {dailyTargetLitres}"),
                broken("missing source", """
                            source:
                              type: ARTICLE
                              reference: Glutes Cramping (LIVESTRONG, B. Kochan).
                        """, "", "daily-water: a source (type and reference) is required"),
                broken("source without reference", "      reference: Glutes Cramping (LIVESTRONG, B. Kochan).\n", "",
                        "daily-water: a source (type and reference) is required"),
                broken("literature source without a full citation",
                        "reference: Merck Manual Consumer Version, \"Chest Pain\".", "reference: Merck",
                        "chest-pain-emergency: a literature source needs a full citation"),
                broken("unknown field in a condition", "anySymptom: [CHEST_PAIN]", "symptom: [CHEST_PAIN]",
                        "\"symptom\""),
                broken("unknown enum value in a condition", "anySymptom: [CHEST_PAIN]", "anySymptom: [CHEST_PAINS]",
                        "CHEST_PAINS"),
                broken("missing headline", "  SEE_DOCTOR: Please book a visit with a doctor.\n", "",
                        "no headline for SEE_DOCTOR"),
                broken("missing text", "    text: Get emergency care now.\n", "", "chest-pain-emergency: no text"),
                broken("missing urgency", "    urgency: SELF_CARE\n", "",
                        "daily-water: urgency and category are required"),
                broken("rule id not lower-case-with-dashes", "- id: daily-water", "- id: Daily_Water",
                        "rule id 'Daily_Water' is not lower-case-with-dashes"),
                Arguments.of("missing version and disclaimer", VALID.replace("version: \"test-1\"\n", "")
                        .replace("disclaimer: Not a substitute for a clinician.\n", ""),
                        List.of("no version", "no disclaimer")),
                Arguments.of("no rules", VALID.substring(0, VALID.indexOf("rules:")) + "rules: []\n",
                        List.of("no rules")),
                broken("empty list in a condition", "anySymptom: [CHEST_PAIN]", "anySymptom: []",
                        "chest-pain-emergency: an empty list in a condition never matches"),
                broken("always false", "always: true", "always: false", "daily-water: always: false never fires"),
                broken("emergency rule using the water plan", "text: Get emergency care now.",
                        "text: Get care, drink {dailyTargetMl} mL.",
                        "chest-pain-emergency: {dailyTargetMl} needs a water plan"),
                broken("pre-exercise amount without body weight", "of water today.",
                        "of water today, {preExerciseMl} mL before exercise.",
                        "daily-water: {preExerciseMl} needs the body weight"),
                broken("water drunk without a water condition", "of water today.",
                        "of water today; you have had {drunkTodayMl} mL.",
                        "daily-water: {drunkTodayMl} needs the water drunk today"),
                Arguments.of("water drunk under a condition that allows unknown water",
                        VALID.replace("always: true", "water: [LEFT, UNKNOWN]")
                                .replace("of water today.", "of water today; {leftTodayMl} mL are left."),
                        List.of("daily-water: {leftTodayMl} needs the water drunk today")),
                broken("severity off the scale", "anySymptom: [CHEST_PAIN]",
                        "anySymptom: [CHEST_PAIN]\n      severityAtLeast: 11",
                        "chest-pain-emergency: severityAtLeast must be 0-10"),
                Arguments.of("empty file", "", List.of("the file is empty")),
                broken("null rule entry", "  - id: daily-water", "  -\n  - id: daily-water", "rule #2 is empty"));
    }

    private static Arguments broken(String name, String valid, String broken, String expectedInMessage) {
        return Arguments.of(name, VALID.replace(valid, broken), List.of(expectedInMessage));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRulesets")
    void aBrokenRulesetIsRefused(String name, String yaml, List<String> expectedInMessage) {
        Exception e = assertRejected(yaml, expectedInMessage.get(0));
        for (String expected : expectedInMessage) {
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    private static Exception assertRejected(String yaml, String expectedInMessage) {
        assertFalse(yaml.equals(VALID), "the test did not change the ruleset");
        Exception e = assertThrows(Exception.class, () -> RuleFixtures.ruleset(yaml));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains(expectedInMessage),
                "expected the message to name \"" + expectedInMessage + "\", was: " + e.getMessage());
        return e;
    }
}
