package io.crampcare.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crampcare.intake.service.Export;
import io.crampcare.intake.service.ExportDocument;
import io.crampcare.support.audit.AccessReason;
import io.crampcare.support.rest.ApiJson;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;
import io.crampcare.support.validation.OneOf;

@Path("/api/v1/users/{userId}/export")
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Personal data", description = "Everything CrampCare holds about a person (docs/export-format.md)")
public class ExportResource {

    @Inject
    Export export;
    @Inject
    Access access;
    @Inject
    JsonWebToken token;
    @Inject
    ApiJson apiJson;
    @Inject
    ObjectMapper json;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, ExportArchive.MEDIA_TYPE })
    @Operation(operationId = "getExport", summary = "Export everything CrampCare holds about a person",
            description = "One document (format crampcare-export/1, docs/export-format.md) with every service's part: "
                    + "intake's reports, advice's advice, report history and nudge answers, reminder's preferences, "
                    + "workouts (deleted ones too), nudges, drinks and water plans. Each service checks the caller's "
                    + "token itself. All or nothing: when a service does not answer the export is 503 with "
                    + "Retry-After, never a partial document. format=csv answers a zip of one CSV per table plus the "
                    + "JSON document.")
    @APIResponse(responseCode = "200", description = "The export, as JSON or (format=csv) as a zip",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExportDocument.class)),
                    @Content(mediaType = ExportArchive.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "format is neither json nor csv")
    @APIResponse(responseCode = "503", description = "A service holding part of the data did not answer (the "
            + "problem names it); retry after Retry-After")
    public Response get(@Parameter(ref = Access.USER_ID_PARAMETER) @PathParam("userId") String userId,
            @Parameter(description = "json (default): the document; csv: a zip of one CSV per table plus the document",
                    schema = @Schema(implementation = ExportFormat.class)) @QueryParam("format")
            @DefaultValue("json") @OneOf(ExportFormat.class) String format, @Context HttpHeaders headers) {
        access.requireActingFor(userId);
        ExportDocument document = export.of(userId, "Bearer " + token.getRawToken(),
                headers.getHeaderString(AccessReason.HEADER));
        if (format.isEmpty() || ExportFormat.valueOf(format) == ExportFormat.json) {
            return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String written = apiJson.write(document);
        try {
            return Response.ok(ExportArchive.of(json.readTree(written), written), ExportArchive.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"crampcare-export.zip\"").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The export just written is not readable", e);
        }
    }
}
