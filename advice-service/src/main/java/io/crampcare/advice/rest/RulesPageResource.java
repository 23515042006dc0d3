package io.crampcare.advice.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.advice.rules.AdviceDecider;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /docs/rules.html}, beside the event catalogue every service ships at {@code /docs/}. Rendered here, from the
 * ruleset and thresholds in force, because only the advice service knows them (a ruleset resource and numbers come
 * from configuration). Open like the other docs pages: it holds rules, no one's data.
 */
@Path("/docs")
@PermitAll
@Tag(name = "Advice")
public class RulesPageResource {

    /** The page's template, templates/RulesPageResource/rules.html, in the docs page shell ({@link DocsShellLocator}). */
    @CheckedTemplate
    static class Templates {

        static native TemplateInstance rules(RulesPage page);
    }

    private final String page;

    RulesPageResource(AdviceDecider decider) {
        this.page = Templates.rules(RulesPage.of(decider)).render(); // the decider never changes while the service runs
    }

    @GET
    @Path("rules.html")
    @Produces(MediaType.TEXT_HTML)
    // A page for people, like /docs/events.html, not part of the API: GET /api/v1/rules is its documented form.
    @Operation(hidden = true)
    public String rules() {
        return page;
    }
}
