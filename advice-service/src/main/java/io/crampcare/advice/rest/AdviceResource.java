package io.crampcare.advice.rest;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.advice.rules.AdviceDecider;
import io.crampcare.advice.service.AdviceService;
import io.crampcare.contracts.advice.AdviceIssuedV1;
import io.crampcare.support.paging.PageParams;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.paging.PagingConfig;
import io.crampcare.support.problem.Problem;
import io.crampcare.support.problem.ProblemException;
import io.crampcare.support.problem.ProblemTypes;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path("/api/v1")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Advice", description = "Advice decided for cramp reports, and the rules behind it")
@Produces(MediaType.APPLICATION_JSON)
public class AdviceResource {

    private static final String EXAMPLE = """
            {"adviceId": "5f0c1d2e-8a44-4c36-9b9e-2d7f0f3b6a11", "reportId": "0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11",
             "userId": "user-42", "issuedAt": "2026-11-25T07:31:02.114Z", "urgency": "SELF_CARE",
             "headline": "This looks like a common muscle cramp. The steps below help ease it and make the next one less likely.",
             "recommendations": [
               {"ruleId": "gradual-shift-position", "urgency": "SELF_CARE", "category": "IMMEDIATE_RELIEF",
                "text": "A cramp that builds up slowly usually eases quickly when you shift position. ...",
                "source": {"type": "ARTICLE", "reference": "Glutes Cramping (LIVESTRONG, B. Kochan): ..."}},
               {"ruleId": "daily-water", "urgency": "SELF_CARE", "category": "HYDRATION",
                "text": "Drink at least 2,800 mL (about 95 oz) of water today, spread over the day; never more than 1,000 mL in any one hour.",
                "source": {"type": "ARTICLE", "reference": "Glutes Cramping (LIVESTRONG, B. Kochan): ..."}}],
             "hydration": {"dailyTargetMl": 2800, "dailyTargetOz": 94.7, "preExerciseMinMl": 350, "preExerciseMaxMl": 490,
                           "maxPerHourMl": 1000, "drinkToThirstOnly": false},
             "rulesetVersion": "2026.12-1",
             "disclaimer": "This advice is general information from a rules engine, not a diagnosis and not a substitute for a clinician. ..."}
            """;

    /** Advice normally follows its report within milliseconds; a second is a generous retry hint. */
    private static final String RETRY_AFTER_SECONDS = "1";

    @Inject
    AdviceService advice;
    @Inject
    AdviceDecider decider;
    @Inject
    PagingConfig paging;
    @Inject
    Access access;

    @GET
    @Path("advice/{id}")
    @Operation(operationId = "getAdvice", summary = "Read one advice")
    @APIResponse(responseCode = "200", description = "The advice")
    @APIResponse(responseCode = "404", description = "No advice with this id (or it is another user's)")
    public AdviceIssuedV1 get(@Parameter(description = "The advice's id") @PathParam("id") UUID id) {
        String notFound = "No advice has id " + id + ".";
        AdviceIssuedV1 found = advice.find(id).orElse(null);
        return access.visibleOrNotFound(found, found == null ? null : found.userId(), notFound);
    }

    @GET
    @Path("cramp-reports/{reportId}/advice")
    @Operation(operationId = "getAdviceForReport", summary = "The advice for a cramp report",
            description = "Advice is decided asynchronously, normally within milliseconds of the report. Until it "
                    + "exists the answer is 404 with Retry-After.")
    @APIResponse(responseCode = "200", description = "The advice",
            content = @Content(schema = @Schema(implementation = AdviceIssuedV1.class),
            examples = @ExampleObject(name = "gradual cramp after squats", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No advice for this report (yet), or it is another user's",
            headers = @Header(name = "Retry-After", ref = "Retry-After"))
    public AdviceIssuedV1 forReport(@Parameter(description = "The cramp report's id") @PathParam("reportId") UUID reportId) {
        // Another user's report answers exactly like one without advice yet: ids reveal nothing.
        return advice.findByReport(reportId).filter(a -> access.mayActFor(a.userId())).orElseThrow(() -> new ProblemException(
                new Problem(ProblemTypes.NOT_FOUND, "Not found", 404, "No advice for report " + reportId
                        + " yet. Advice normally follows an accepted report within a second; retry shortly.", null),
                Map.of("Retry-After", RETRY_AFTER_SECONDS)));
    }

    @GET
    @Path("users/{userId}/advice")
    @Operation(operationId = "listAdviceForUser", summary = "A user's advice, newest first",
            description = "Cursor pagination: pass nextPageToken as pageToken.")
    @APIResponse(responseCode = "200", description = "One page of advice")
    @APIResponse(responseCode = "400", description = "Invalid pageSize or pageToken")
    public AdvicePage forUser(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Valid @BeanParam PageParams page) {
        access.requireActingFor(userId);
        PageRequest.Slice<AdviceIssuedV1> slice = advice.listForUser(userId, page.request(paging));
        return new AdvicePage(slice.items(), slice.nextPageToken());
    }

    /**
     * Nudge adherence as the rules see it.
     *
     * @param windowDays the window, ending now
     * @param answered   hydration and warm-up nudges answered DONE or SKIPPED in the window (latest answer per nudge)
     * @param adherence  share of them done; null when none was answered
     */
    @Schema(name = "Adherence", requiredProperties = { "windowDays", "answered" })
    public record AdherenceView(
            @Schema(description = "The window in days, ending now", examples = "14") long windowDays,
            @Schema(description = "Hydration and warm-up nudges answered in the window", examples = "9") long answered,
            @Schema(description = "Share of them done, 0 to 1; absent when none was answered", examples = "0.78",
                    minimum = "0", maximum = "1") Double adherence) {
    }

    @GET
    @Path("users/{userId}/adherence")
    @Operation(operationId = "getAdherence", summary = "A user's nudge adherence", description = "Share of hydration and warm-up nudges done over "
            + "the last days (from nudge-acks), which decides whether frequent cramps despite following the advice "
            + "mean seeing a doctor.")
    @APIResponse(responseCode = "200", description = "The adherence")
    public AdherenceView adherence(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId) {
        access.requireActingFor(userId);
        AdviceService.Adherence adherence = advice.adherenceNow(userId);
        return new AdherenceView(decider.thresholds().window().toDays(), adherence.answered(), adherence.share());
    }

    @GET
    @Path("rules")
    @Operation(operationId = "getRules", summary = "The active ruleset", description = "Every rule with its condition, urgency, category, "
            + "text and source (the article or a literature citation), for clinical review; the same as the page "
            + "/docs/rules.html. Conditions read the report (symptoms such as HEADACHE, CONFUSION, DARK_URINE, "
            + "SHORTNESS_OF_BREATH or FEVER; hotEnvironment, unaccustomedExercise, takesStatin, severity) and the "
            + "day's water (water: UNKNOWN, LEFT, REACHED, OVERDRINKING or THIRST_ONLY, from waterTodayMl, "
            + "waterLastHourMl and the low-sodium signs against the daily target, hydration.maxDailyMl, the safe daily "
            + "ceiling, and hydration.maxPerHourMl). "
            + "Look-alike red flags (low blood sodium from overdrinking, heat illness, muscle breakdown, blood clots, "
            + "infection) carry their guidance's urgency; an EMERGENCY advice carries no water plan.")
    @APIResponse(responseCode = "200", description = "The ruleset in force")
    public RulesView rules() {
        return RulesView.of(decider);
    }
}
