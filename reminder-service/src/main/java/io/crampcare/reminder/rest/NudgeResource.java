package io.crampcare.reminder.rest;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.contracts.nudge.AckOutcome;
import io.crampcare.reminder.model.Nudge;
import io.crampcare.reminder.service.NudgeService;
import io.crampcare.reminder.service.StoredPreferences;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.paging.PageParams;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.paging.PagingConfig;
import io.crampcare.support.paging.TimeWindow;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;
import io.crampcare.support.validation.CrossField;

@Path("/api/v1")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Nudges", description = "Planned and fired nudges, and people's answers to them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NudgeResource {

    /** DONE or SKIPPED. */
    @Schema(name = "Acknowledgement")
    @CrossField
    public record AckBody(@Schema(description = "DONE or SKIPPED", required = true) @NotNull AckOutcome outcome)
            implements CrossField.Rules {

        @Override
        public void check(List<InvalidInput.Violation> violations) {
            if (outcome == AckOutcome.SNOOZED) {
                violations.add(new InvalidInput.Violation("outcome", "must be DONE or SKIPPED; to snooze, POST to /snooze"));
            }
        }
    }

    @Schema(name = "Snooze")
    public record SnoozeBody(
            @Schema(description = "Fire again after this many minutes (5-240), inside the waking window.", example = "15",
                    required = true)
            @NotNull @Min(5) @Max(240) Integer minutes) {
    }

    private static final String NUDGE = """
            {"id": "7d3c9a1e-2b4f-4e8a-9c61-5f0e8d2b7a43", "userId": "user-42", "kind": "HYDRATION", "status": "FIRED",
             "dueAt": "2026-11-25T10:00:00Z", "localTime": "2026-11-25T11:00", "amountMl": 250,
             "adviceId": "5f0c1d2e-8a44-4c36-9b9e-2d7f0f3b6a11", "firedAt": "2026-11-25T10:00:00.412Z", "snoozes": 0}
            """;

    @Inject
    NudgeService nudges;
    @Inject
    StoredPreferences preferences;
    @Inject
    PagingConfig paging;
    @Inject
    Access access;
    @Inject
    DatabaseClock clock;

    @GET
    @Path("nudges/{id}")
    @Operation(operationId = "getNudge", summary = "Read one nudge")
    @APIResponse(responseCode = "200", description = "The nudge", content = @Content(schema = @Schema(implementation = NudgeView.class),
            examples = @ExampleObject(name = "a fired water nudge", value = NUDGE)))
    public NudgeView get(@Parameter(description = "The nudge's id") @PathParam("id") UUID id) {
        return view(visible(id));
    }

    @POST
    @Path("nudges/{id}/ack")
    @Operation(operationId = "acknowledgeNudge", summary = "Answer a fired nudge",
            description = "Published on nudge-acks; feeds adherence in the advice service.")
    @APIResponse(responseCode = "200", description = "Recorded")
    @APIResponse(responseCode = "409", description = "The nudge is not (or no longer) fired")
    public NudgeView acknowledge(@Parameter(description = "The nudge's id") @PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") AckBody body) {
        return view(nudges.acknowledge(visible(id).id, body.outcome(), clock.now()));
    }

    @POST
    @Path("nudges/{id}/snooze")
    @Operation(operationId = "snoozeNudge", summary = "Snooze a fired nudge", description = "It fires again after the given minutes; published on "
            + "nudge-acks as SNOOZED. A drink moved beside other drinks may be shrunk (amountMl) to keep within the drink "
            + "limits.")
    @APIResponse(responseCode = "200", description = "Planned again")
    @APIResponse(responseCode = "400", description = "Minutes out of range, leaving the waking window, or moving a "
            + "drink where nothing of it keeps within the drink limits (an hour, a day)")
    @APIResponse(responseCode = "409", description = "The nudge is not (or no longer) fired")
    public NudgeView snooze(@Parameter(description = "The nudge's id") @PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") SnoozeBody body) {
        return view(nudges.snooze(visible(id).id, body.minutes(), clock.now()));
    }

    @GET
    @Path("users/{userId}/nudges")
    @Operation(operationId = "listNudges", summary = "A user's nudges, planned and past, latest due first",
            description = "from and to select by dueAt. Cursor pagination: pass nextPageToken as pageToken.")
    @APIResponse(responseCode = "200", description = "One page of nudges")
    public NudgeView.Page list(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Valid @BeanParam NudgeQuery query, @Valid @BeanParam TimeWindow window, @Valid @BeanParam PageParams page) {
        access.requireActingFor(userId);
        ZoneId zone = preferences.of(userId).zone();
        PageRequest.Slice<Nudge> slice = nudges.list(userId, window.from(), window.to(), query.status(),
                page.request(paging));
        return new NudgeView.Page(slice.items().stream().map(n -> NudgeView.of(n, zone)).toList(), slice.nextPageToken());
    }

    /** The nudge, or 404 when it does not exist or belongs to someone else (ids reveal nothing). */
    private Nudge visible(UUID id) {
        Nudge nudge = nudges.find(id);
        return access.visibleOrNotFound(nudge, nudge == null ? null : nudge.userId, "No nudge has id " + id + ".");
    }

    private NudgeView view(Nudge nudge) {
        return NudgeView.of(nudge, preferences.of(nudge.userId).zone());
    }
}
