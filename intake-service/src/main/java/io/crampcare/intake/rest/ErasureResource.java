package io.crampcare.intake.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.support.privacy.Erasure;
import io.crampcare.support.privacy.Erasures;
import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

/**
 * A person's erasure (GDPR Art. 17): asked here once, carried out by every service on its own, readable as it goes and
 * as a receipt when everything is erased. The intake service hosts it as the front door for a person's requests.
 */
@Path("/api/v1")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Erasure", description = "Erase everything CrampCare holds about a person")
@Produces({ MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON })
public class ErasureResource {

    @Inject
    Erasures erasures;
    @Inject
    Access access;

    @POST
    @Path("users/{userId}/erasure")
    @Operation(operationId = "requestErasure", summary = "Erase everything CrampCare holds about a user",
            description = "Every service deletes the user's rows (reports, advice, nudges and their answers, drinks, "
                    + "preferences, workouts, water days, outbox events, idempotency records) on its own, also a "
                    + "service that is down now once it is back; from this request on, the user's tokens act on "
                    + "nothing and events about the user change nothing. Asking again answers the same erasure. "
                    + "Location names the erasure: read it until status is COMPLETED (the receipt).")
    @APIResponse(responseCode = "202", description = "Recorded (or recorded before); the services erase their parts. "
            + "Location names the erasure", content = @Content(schema = @Schema(implementation = ErasureView.class)),
            headers = @Header(name = "Location", ref = "Location"))
    public Response request(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId) {
        access.requireActingForErasure(userId);
        Erasure erasure = erasures.request(userId,
                access.caller().equals(userId) ? Erasure.RequestedBy.SELF : Erasure.RequestedBy.ADMIN);
        ErasureView view = ErasureView.of(erasure);
        // A path on the gateway, as every Location here (a relative reference, RFC 9110).
        return Response.accepted(view).header("Location", view.links().self()).build();
    }

    @GET
    @Path("erasures/{erasureId}")
    @Operation(operationId = "getErasure", summary = "How far an erasure got; its receipt once COMPLETED",
            description = "Readable with the erased user's token (which acts on nothing else) or an admin's.")
    @APIResponse(responseCode = "200", description = "The erasure, service by service",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "No such erasure (or it is another user's)")
    public ErasureView get(@Parameter(description = "The erasure's id") @PathParam("erasureId") UUID erasureId) {
        access.adminLookUpOfUnnamedRecord();
        return ErasureView.of(erasures.find(erasureId, access.isAdmin() ? null : access.caller()));
    }
}
