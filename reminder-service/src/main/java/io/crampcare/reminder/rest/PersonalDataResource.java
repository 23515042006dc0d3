package io.crampcare.reminder.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.reminder.service.ReminderData;
import io.crampcare.reminder.service.PersonalData;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path("/api/v1/users/{userId}/data")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Personal data", description = "Everything CrampCare holds about a person (docs/export-format.md)")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    @Inject
    PersonalData data;
    @Inject
    Access access;

    @GET
    // Not served by the gateway (each service has this path): only intake's export calls it, service to service.
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "getPersonalData", summary = "Everything reminder holds about a person",
            description = "The reminder service's part of the export (docs/export-format.md, part reminder): "
                    + "preferences, workouts (deleted ones too), nudges with their status and answers, drinks, the "
                    + "water plan and its days, each oldest first. The intake service's export (getExport) fetches it "
                    + "with the caller's token.")
    @APIResponse(responseCode = "200", description = "Reminder's part",
            content = @Content(schema = @Schema(implementation = ReminderData.class)))
    public ReminderData get(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId) {
        access.requireActingFor(userId);
        return data.of(userId);
    }
}
