package io.crampcare.advice.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.rules.Ruleset;
import io.crampcare.contracts.docs.DocsTemplates;
import io.quarkus.test.junit.QuarkusTest;

/**
 * /docs/rules.html as Quarkus renders it: the checked template from the decider in force, the same page
 * {@link RulesPageTest} reads, and every value from the ruleset escaped.
 */
@QuarkusTest
class RulesPageIT {

    private static final String HOSTILE = "<script>alert('x')</script> & \"q\" {page.version}";

    @Inject
    AdviceDecider decider;

    @Test
    void servedPageIsTheTemplateRenderedFromTheDeciderInForce() {
        String served = given().when().get("/docs/rules.html")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertEquals(RulesPageResource.Templates.rules(RulesPage.of(decider)).render(), served);
        assertEquals(DocsTemplates.render(RulesPageTest.TEMPLATE, "page", RulesPage.of(decider)), served,
                "the unit test renders the same page");
    }

    @Test
    void rulesetTextIsEscaped() throws Exception {
        String yaml = """
                version: "%1$s"
                disclaimer: "%1$s"
                headlines: { EMERGENCY: "%1$s", SEE_DOCTOR: "%1$s", SELF_CARE: "%1$s" }
                rules:
                  - id: hostile
                    urgency: SELF_CARE
                    category: MEDICAL
                    when: { always: true }
                    text: "%1$s"
                    source: { type: LITERATURE, reference: "%1$s" }
                """.formatted(HOSTILE.replace("\"", "\\\""));
        Ruleset ruleset = Ruleset.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        String page = RulesPageResource.Templates
                .rules(RulesPage.of(new AdviceDecider(ruleset, decider.thresholds(), decider.hydration()))).render();
        assertFalse(page.contains("<script>"), "no markup from the ruleset");
        assertTrue(page.contains("<td data-part=\"text\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; {page.version}</td>"),
                "text escaped, and not read as a template");
        assertTrue(page.contains("<title>CrampCare advice rules &lt;script&gt;"), "the title too");
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(page.replaceFirst("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
    }
}
