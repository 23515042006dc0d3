package io.crampcare.advice.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.HydrationPlanner;
import io.crampcare.advice.rules.Rule;
import io.crampcare.advice.rules.Ruleset;
import io.crampcare.advice.rules.Thresholds;
import io.crampcare.contracts.docs.DocsTemplates;

/**
 * /docs/rules.html shows every rule of the production ruleset, and the configured numbers, without JSON. The page's
 * template is rendered here by a plain Qute engine; {@link RulesPageIT} checks Quarkus serves the same page.
 */
class RulesPageTest {

    static final String TEMPLATE = "templates/RulesPageResource/rules.html";

    private static AdviceDecider decider;
    private static String page;
    private static Document dom;

    @BeforeAll
    static void render() throws Exception {
        try (InputStream yaml = RulesPageTest.class.getClassLoader().getResourceAsStream("rules/ruleset.yaml")) {
            decider = new AdviceDecider(Ruleset.load(yaml), new Thresholds(3, Duration.ofDays(14), 0.8),
                    new HydrationPlanner(1893, 500, 500, 60, 6000, 5, 7, 1000));
        }
        page = DocsTemplates.render(TEMPLATE, "page", RulesPage.of(decider));
        // Well-formed XML as well as HTML (the page shell's promise): the JDK's parser reads it.
        String xml = page.replaceFirst("<!DOCTYPE html>", "");
        dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyRuleHasItsConditionUrgencyTextAndSource() throws Exception {
        for (Rule rule : decider.ruleset().rules()) {
            String section = "//section[@data-rule='" + rule.id() + "']";
            assertEquals(1.0, xpathNumber("count(" + section + ")"), rule.id() + ": one section");
            String text = xpathText(section);
            assertTrue(text.contains(rule.urgency().name()), rule.id() + " shows its urgency");
            assertTrue(text.contains(rule.category().name()), rule.id() + " shows its category");
            assertEquals(rule.text(), xpathText(section + "//td[@data-part='text']"), rule.id() + " text");
            assertEquals(rule.source().type() + ": " + rule.source().reference(),
                    xpathText(section + "//td[@data-part='source']"), rule.id() + " source");
            assertFalse(xpathText(section + "//td[@data-part='condition']").isBlank(), rule.id() + " condition");
        }
    }

    @Test
    void conditionsAndNumbersAreInWords() throws Exception {
        assertEquals("a symptom is any of DIZZINESS, HEADACHE, NAUSEA_OR_VOMITING, and water today is OVERDRINKING",
                xpathText("//section[@data-rule='overdrinking-symptoms-emergency']//td[@data-part='condition']"));
        assertEquals("3 or more reports in 14 days with nudge adherence of at least 80 %",
                xpathText("//section[@data-rule='frequent-despite-advice']//td[@data-part='condition']"));
        assertTrue(page.contains("6,000 mL"), "the safe daily ceiling in force");
        assertTrue(page.contains("1,000 mL"), "the hourly guard in force");
        assertTrue(page.contains(decider.ruleset().version()));
    }

    @Test
    void selfContained() {
        for (String external : new String[] { "http://", "https://", "<script", "<link" }) {
            assertFalse(page.contains(external), "no external resources: " + external);
        }
    }

    private static String xpathText(String expression) throws Exception {
        return ((String) XPathFactory.newInstance().newXPath().evaluate(expression, dom, XPathConstants.STRING)).strip();
    }

    private static double xpathNumber(String expression) throws Exception {
        return (Double) XPathFactory.newInstance().newXPath().evaluate(expression, dom, XPathConstants.NUMBER);
    }
}
