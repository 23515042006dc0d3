package io.crampcare.advice.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

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

    @Test
    void duplicateRuleId() {
        String yaml = VALID.replace("- id: daily-water", "- id: chest-pain-emergency");

        assertRejected(yaml, "chest-pain-emergency appears twice");
    }

    @Test
    void emptyCondition() {
        String yaml = VALID.replace("""
                    when:
                      always: true
                """, """
                    when: {}
                """);

        assertRejected(yaml, "daily-water: an empty condition");
    }

    @Test
    void missingCondition() {
        String yaml = VALID.replace("""
                    when:
                      always: true
                """, "");

        assertRejected(yaml, "daily-water: an empty condition");
    }

    @Test
    void emptyNestedCondition() {
        String yaml = VALID.replace("""
                    when:
                      always: true
                """, """
                    when:
                      onset: [SUDDEN]
                      not: {}
                """);

        assertRejected(yaml, "daily-water: an empty condition");
    }

    @Test
    void unknownPlaceholder() {
        String yaml = VALID.replace("{dailyTargetMl}", "{dailyTargetLitres}");

        assertRejected(yaml, "daily-water: unknown placeholder {dailyTargetLitres}");
    }

    @Test
    void missingSource() {
        String yaml = VALID.replace("""
                    source:
                      type: ARTICLE
                      reference: Glutes Cramping (LIVESTRONG, B. Kochan).
                """, "");

        assertRejected(yaml, "daily-water: a source (type and reference) is required");
    }

    @Test
    void sourceWithoutReference() {
        String yaml = VALID.replace("      reference: Glutes Cramping (LIVESTRONG, B. Kochan).\n", "");

        assertRejected(yaml, "daily-water: a source (type and reference) is required");
    }

    @Test
    void literatureSourceWithoutAFullCitation() {
        String yaml = VALID.replace("reference: Merck Manual Consumer Version, \"Chest Pain\".", "reference: Merck");

        assertRejected(yaml, "chest-pain-emergency: a literature source needs a full citation");
    }

    @Test
    void unknownFieldInACondition() {
        String yaml = VALID.replace("anySymptom: [CHEST_PAIN]", "symptom: [CHEST_PAIN]");

        assertRejected(yaml, "\"symptom\"");
    }

    @Test
    void unknownEnumValueInACondition() {
        String yaml = VALID.replace("anySymptom: [CHEST_PAIN]", "anySymptom: [CHEST_PAINS]");

        assertRejected(yaml, "CHEST_PAINS");
    }

    @Test
    void missingHeadline() {
        String yaml = VALID.replace("  SEE_DOCTOR: Please book a visit with a doctor.\n", "");

        assertRejected(yaml, "no headline for SEE_DOCTOR");
    }

    @Test
    void missingText() {
        String yaml = VALID.replace("    text: Get emergency care now.\n", "");

        assertRejected(yaml, "chest-pain-emergency: no text");
    }

    @Test
    void missingUrgency() {
        String yaml = VALID.replace("    urgency: SELF_CARE\n", "");

        assertRejected(yaml, "daily-water: urgency and category are required");
    }

    @Test
    void ruleIdNotLowerCaseWithDashes() {
        String yaml = VALID.replace("- id: daily-water", "- id: Daily_Water");

        assertRejected(yaml, "rule id 'Daily_Water' is not lower-case-with-dashes");
    }

    @Test
    void missingVersionAndDisclaimer() {
        String yaml = VALID.replace("version: \"test-1\"\n", "").replace("disclaimer: Not a substitute for a clinician.\n", "");

        Exception e = assertRejected(yaml, "no version");
        assertTrue(e.getMessage().contains("no disclaimer"), e.getMessage());
    }

    @Test
    void noRules() {
        String yaml = VALID.substring(0, VALID.indexOf("rules:")) + "rules: []\n";

        assertRejected(yaml, "no rules");
    }

    @Test
    void emptyListInACondition() {
        assertRejected(VALID.replace("anySymptom: [CHEST_PAIN]", "anySymptom: []"),
                "chest-pain-emergency: an empty list in a condition never matches");
    }

    @Test
    void alwaysFalse() {
        assertRejected(VALID.replace("always: true", "always: false"), "daily-water: always: false never fires");
    }

    @Test
    void emergencyRuleUsingTheWaterPlan() {
        assertRejected(VALID.replace("text: Get emergency care now.", "text: Get care, drink {dailyTargetMl} mL."),
                "chest-pain-emergency: {dailyTargetMl} needs a water plan");
    }

    @Test
    void preExerciseAmountWithoutBodyWeight() {
        assertRejected(VALID.replace("of water today.", "of water today, {preExerciseMl} mL before exercise."),
                "daily-water: {preExerciseMl} needs the body weight");
    }

    @Test
    void waterDrunkWithoutAWaterCondition() {
        assertRejected(VALID.replace("of water today.", "of water today; you have had {drunkTodayMl} mL."),
                "daily-water: {drunkTodayMl} needs the water drunk today");
    }

    @Test
    void waterDrunkUnderAConditionThatAllowsUnknownWater() {
        assertRejected(VALID.replace("always: true", "water: [LEFT, UNKNOWN]")
                .replace("of water today.", "of water today; {leftTodayMl} mL are left."),
                "daily-water: {leftTodayMl} needs the water drunk today");
    }

    @Test
    void severityOffTheScale() {
        assertRejected(VALID.replace("anySymptom: [CHEST_PAIN]", "anySymptom: [CHEST_PAIN]\n      severityAtLeast: 11"),
                "chest-pain-emergency: severityAtLeast must be 0-10");
    }

    @Test
    void emptyFile() {
        assertRejected("", "the file is empty");
    }

    @Test
    void nullRuleEntry() {
        assertRejected(VALID.replace("  - id: daily-water", "  -\n  - id: daily-water"), "rule #2 is empty");
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
