package io.crampcare.reminder.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.reminder.service.PreferencesService;
import io.crampcare.support.clock.DatabaseClock;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path("/api/v1/users/{userId}/preferences")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Preferences", description = "When and how a person wants to be nudged")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private static final String ETAG = "The version of the stored preferences; send it as If-Match to change them";

    @Inject
    PreferencesService preferences;
    @Inject
    Access access;
    @Inject
    DatabaseClock clock;

    @GET
    @Operation(operationId = "getPreferences", summary = "Read preferences", description = "Defaults (UTC, "
            + "07:00-22:00, 8 water nudges, every kind, millilitres, English) until set. The ETag header is needed to "
            + "change them.")
    @APIResponse(responseCode = "200", description = "The preferences; ETag is their version",
            content = @Content(schema = @Schema(implementation = PreferencesBody.class)), headers = @Header(
                    name = HttpHeaders.ETAG, description = ETAG, required = true,
                    schema = @Schema(type = SchemaType.STRING, examples = "\"v3\"")))
    public Response get(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId) {
        access.requireActingFor(userId);
        PreferencesService.Versioned current = preferences.get(userId);
        return Response.ok(PreferencesBody.of(current)).header(HttpHeaders.ETAG, current.etag()).build();
    }

    @PUT
    @Operation(operationId = "putPreferences", summary = "Set preferences", description = "The first PUT of a user needs no condition (send "
            + "If-None-Match: * to make sure it is the first: 412 otherwise). Changing stored preferences needs If-Match "
            + "with the ETag from GET: 428 without it, 412 when someone changed them meanwhile; of concurrent changes "
            + "from one ETag exactly one succeeds. A change takes effect at once: in the same transaction every unfired "
            + "nudge of the user (today's and tomorrow's water, workout nudges, snoozed ones) is replanned under the "
            + "new settings, so a kind switched off leaves none of that kind planned, and a new time zone, waking "
            + "window, quiet hours or daily cap holds for all of them. Nudges removed this way are not announced (no "
            + "event: nudges are published only when they fire). A new unit or locale replans nothing: every nudge "
            + "fired from then on speaks it. The body replaces all settings: an absent unit or locale is its default.")
    @APIResponse(responseCode = "200", description = "Stored and replanned; ETag is the new version",
            content = @Content(schema = @Schema(implementation = PreferencesBody.class)), headers = @Header(
                    name = HttpHeaders.ETAG, description = ETAG, required = true,
                    schema = @Schema(type = SchemaType.STRING, examples = "\"v4\"")))
    @APIResponse(responseCode = "400", description = "Invalid preferences, or an If-None-Match other than *")
    @APIResponse(responseCode = "412", description = "Stale If-Match, or If-None-Match: * when preferences exist")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response put(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Valid @BeanParam PreferenceConditions conditions,
            @Valid @NotNull(message = "a JSON body is required") PreferencesBody body) {
        access.requireActingFor(userId);
        PreferencesService.Versioned stored = preferences.put(userId, body.toPreferences(), body.toPresentation(),
                conditions.conditions(), clock.now());
        return Response.ok(PreferencesBody.of(stored)).header(HttpHeaders.ETAG, stored.etag()).build();
    }
}
