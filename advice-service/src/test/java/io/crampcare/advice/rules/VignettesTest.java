package io.crampcare.advice.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crampcare.contracts.advice.HydrationPlan;
import io.crampcare.contracts.advice.Recommendation;
import io.crampcare.contracts.advice.Urgency;
import io.crampcare.contracts.report.CrampReportSubmittedV1;
import io.crampcare.support.inbox.EventJson;

/**
 * Grades the production ruleset against the triage vignettes in {@code vignettes/vignettes.json} (written from the
 * guidance each cites, kept apart from the ruleset): no EMERGENCY and no SEE_DOCTOR vignette may come out less urgent
 * than its minimum, at most {@value #MAX_OVER_ESCALATED_PERCENT} % of the self-care vignettes marked "escalation would
 * be wrong" may come out more urgent, and every water expectation must hold. Prints the table either way.
 */
class VignettesTest {

    static final String RESOURCE = "vignettes/vignettes.json";
    static final int MIN_VIGNETTES = 60;
    static final int MAX_OVER_ESCALATED_PERCENT = 10;

    /** What the vignettes leave out; the reports are read as the advice service's consumer reads events. */
    private static final String BASELINE = """
            {"reportId": "00000000-0000-4000-8000-000000000016", "userId": "vignette",
             "occurredAt": "2026-11-02T07:30:00Z", "receivedAt": "2026-11-02T07:32:00Z",
             "muscle": "GLUTEUS_MAXIMUS", "side": "LEFT", "onset": "GRADUAL", "severity": 4, "durationSeconds": 60,
             "context": "AT_REST", "reliefBy": "SHIFTING_POSITION", "symptoms": []}
            """;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final ObjectMapper EVENTS = EventJson.reader(JSON);
    private static final AdviceDecider DECIDER = RuleFixtures.decider();

    /** One vignette and what the rules made of it. */
    record Graded(String id, String title, Urgency minimum, boolean escalationWrong, Urgency decided, List<String> rules,
            List<String> waterProblems) {

        boolean underTriaged() {
            return decided.compareTo(minimum) > 0; // EMERGENCY sorts first
        }

        boolean overEscalated() {
            return minimum == Urgency.SELF_CARE && escalationWrong && decided != Urgency.SELF_CARE;
        }

        String verdict() {
            return underTriaged() ? "UNDER-TRIAGED" : overEscalated() ? "OVER-ESCALATED"
                    : !waterProblems.isEmpty() ? "WATER WRONG" : "ok";
        }
    }

    private static JsonNode document;
    private static List<Graded> graded;

    @BeforeAll
    static void grade() throws IOException {
        try (InputStream in = VignettesTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            document = JSON.readTree(in);
        }
        graded = new ArrayList<>();
        for (JsonNode vignette : document.path("vignettes")) {
            graded.add(grade(vignette));
        }
        print();
    }

    private static Graded grade(JsonNode vignette) throws IOException {
        ObjectNode report = (ObjectNode) JSON.readTree(BASELINE);
        report.setAll((ObjectNode) vignette.path("report"));
        CrampReportSubmittedV1 parsed = EVENTS.treeToValue(report, CrampReportSubmittedV1.class);
        JsonNode adherence = vignette.path("adherence");
        Decision decision = DECIDER.decide(parsed, vignette.path("recentReports").asInt(1),
                adherence.isNumber() ? adherence.asDouble() : null);
        return new Graded(vignette.path("id").asText(), vignette.path("title").asText(),
                Urgency.valueOf(vignette.path("minimumUrgency").asText()), vignette.path("escalationWrong").asBoolean(false),
                decision.urgency(), RuleFixtures.ruleIds(decision), waterProblems(vignette.path("water"), decision));
    }

    private static List<String> waterProblems(JsonNode expected, Decision decision) {
        List<String> problems = new ArrayList<>();
        if (expected.isMissingNode()) {
            return problems;
        }
        HydrationPlan plan = decision.hydration();
        if (plan == null) {
            problems.add("no water plan");
            return problems;
        }
        if (expected.has("remainingTodayMl") && !Integer.valueOf(expected.get("remainingTodayMl").asInt())
                .equals(plan.remainingTodayMl())) {
            problems.add("remainingTodayMl " + plan.remainingTodayMl() + ", expected " + expected.get("remainingTodayMl"));
        }
        if (expected.has("drinkToThirstOnly")
                && !Boolean.valueOf(expected.get("drinkToThirstOnly").asBoolean()).equals(plan.drinkToThirstOnly())) {
            problems.add("drinkToThirstOnly " + plan.drinkToThirstOnly());
        }
        if (expected.path("noDrinkMore").asBoolean(false)) {
            for (Recommendation r : decision.recommendations()) {
                String text = r.text().toLowerCase(Locale.ROOT);
                if (text.contains("drink at least") || text.contains("ml are left")) {
                    problems.add(r.ruleId() + " says to drink more");
                }
            }
        }
        return problems;
    }

    private static void print() {
        StringBuilder table = new StringBuilder("\nTriage vignettes (" + RESOURCE + "), ruleset " + DECIDER.ruleset().version()
                + "\n");
        String row = "%-44s %-11s %-11s %-15s %s%n";
        table.append(String.format(Locale.ROOT, row, "vignette", "minimum", "decided", "verdict", "rules / water"));
        for (Graded g : graded) {
            table.append(String.format(Locale.ROOT, row, g.id(), g.minimum() + (g.escalationWrong() ? "!" : ""),
                    g.decided(), g.verdict(), String.join(",", g.rules())
                            + (g.waterProblems().isEmpty() ? "" : " | " + String.join("; ", g.waterProblems()))));
        }
        table.append("(! = self care where escalation would be wrong)\n");
        Map<Urgency, int[]> byMinimum = new EnumMap<>(Urgency.class);
        for (Graded g : graded) {
            int[] counts = byMinimum.computeIfAbsent(g.minimum(), u -> new int[3]);
            counts[0]++;
            counts[1] += g.underTriaged() ? 1 : 0;
            counts[2] += g.overEscalated() ? 1 : 0;
        }
        byMinimum.forEach((urgency, c) -> table.append(String.format(Locale.ROOT,
                "minimum %-10s: %3d vignettes, %d under-triaged%n", urgency, c[0], c[1])));
        table.append(String.format(Locale.ROOT, "self care, escalation wrong: %d vignettes, %d over-escalated (%.1f %%,"
                + " at most %d %% allowed)%nwater expectations: %d vignettes, %d wrong%n", escalationWrongCount(),
                overEscalatedCount(), overEscalatedPercent(), MAX_OVER_ESCALATED_PERCENT,
                waterExpectationCount(), graded.stream().filter(g -> !g.waterProblems().isEmpty()).count()));
        System.out.println(table);
    }

    private static long escalationWrongCount() {
        return graded.stream().filter(g -> g.minimum() == Urgency.SELF_CARE && g.escalationWrong()).count();
    }

    private static long overEscalatedCount() {
        return graded.stream().filter(Graded::overEscalated).count();
    }

    private static double overEscalatedPercent() {
        long cases = escalationWrongCount();
        return cases == 0 ? 0 : 100.0 * overEscalatedCount() / cases;
    }

    private static long waterExpectationCount() {
        long n = 0;
        for (JsonNode vignette : document.path("vignettes")) {
            n += vignette.has("water") ? 1 : 0;
        }
        return n;
    }

    @Test
    void theSuiteIsBigEnoughAndWellFormed() {
        assertTrue(graded.size() >= MIN_VIGNETTES, graded.size() + " vignettes, at least " + MIN_VIGNETTES + " wanted");
        Set<String> ids = new HashSet<>();
        for (JsonNode vignette : document.path("vignettes")) {
            String id = vignette.path("id").asText();
            assertTrue(ids.add(id), "vignette id " + id + " twice");
            assertFalse(vignette.path("source").asText().isBlank(), id + ": no source");
            assertFalse(vignette.path("title").asText().isBlank(), id + ": no title");
            assertTrue(vignette.path("report").isObject(), id + ": no report");
            boolean selfCare = "SELF_CARE".equals(vignette.path("minimumUrgency").asText());
            assertEquals(selfCare, vignette.has("escalationWrong"), id + ": escalationWrong is for self-care vignettes only");
        }
        for (Urgency urgency : Urgency.values()) {
            assertTrue(graded.stream().anyMatch(g -> g.minimum() == urgency), "no vignette with minimum " + urgency);
        }
        assertTrue(escalationWrongCount() >= 10, "too few self-care vignettes to grade over-escalation");
    }

    @Test
    void noEmergencyIsUnderTriaged() {
        assertEquals(List.of(), under(Urgency.EMERGENCY));
    }

    @Test
    void noSeeADoctorCaseIsUnderTriaged() {
        assertEquals(List.of(), under(Urgency.SEE_DOCTOR));
    }

    @Test
    void atMostTenPercentOfSelfCareIsOverEscalated() {
        assertTrue(overEscalatedPercent() <= MAX_OVER_ESCALATED_PERCENT, overEscalatedCount() + " of "
                + escalationWrongCount() + " over-escalated: " + graded.stream().filter(Graded::overEscalated)
                        .map(g -> g.id() + " -> " + g.decided() + " " + g.rules()).toList());
    }

    @Test
    void everyWaterExpectationHolds() {
        assertEquals(List.of(), graded.stream().filter(g -> !g.waterProblems().isEmpty())
                .map(g -> g.id() + ": " + g.waterProblems()).toList());
    }

    private static List<String> under(Urgency minimum) {
        return graded.stream().filter(g -> g.minimum() == minimum && g.underTriaged())
                .map(g -> g.id() + " -> " + g.decided() + " " + g.rules()).toList();
    }
}
