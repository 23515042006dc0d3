package io.crampcare.advice.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.advice.rules.AdviceDecider;

/**
 * {@code /docs/rules.html}, beside the event catalogue every service ships at {@code /docs/}. Rendered here, from the
 * ruleset and thresholds in force, because only the advice service knows them (a ruleset resource and numbers come
 * from configuration). Open like the other docs pages: it holds rules, no one's data.
 */
@Path("/docs")
@PermitAll
@Tag(name = "Advice")
public class RulesPageResource {

    private final String page;

    RulesPageResource(AdviceDecider decider) {
        this.page = RulesPage.render(decider); // the decider never changes while the service runs
    }

    @GET
    @Path("rules.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getRulesPage", summary = "The active ruleset for clinicians (HTML)", description = "Every rule's condition in words, "
            + "urgency, text and source, and the configured numbers the conditions use; the page form of GET /api/v1/rules.")
    public String rules() {
        return page;
    }
}
