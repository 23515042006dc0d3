package io.crampcare.intake.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.intake.model.CrampReport;
import io.crampcare.intake.service.CrampReportService;
import io.crampcare.support.idempotency.IdempotencyService;
import io.crampcare.support.idempotency.IdempotentRequests;
import io.crampcare.support.ids.TimeOrderedIds;
import io.crampcare.support.paging.PageParams;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.paging.PagingConfig;
import io.crampcare.support.paging.TimeWindow;
import io.crampcare.support.rest.ApiJson;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.Roles;

@Path(CrampReportApiMapper.API_PATH)
@RolesAllowed({ Roles.USER, Roles.ADMIN })
@Tag(name = "Cramp reports", description = "Submit and read muscle-cramp reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrampReportResource {

    private static final String SAMPLE = """
            {"userId": "user-42", "occurredAt": "2026-11-25T07:30:00Z", "muscle": "GLUTEUS_MAXIMUS", "side": "LEFT",
             "onset": "GRADUAL", "severity": 6, "durationSeconds": 90, "context": "AFTER_EXERCISE",
             "activity": {"type": "SQUATS", "intensity": "HARD", "minutes": 45}, "warmedUp": false,
             "stretchedAfter": false, "sweatingHeavily": true, "waterTodayMl": 900, "reliefBy": "SHIFTING_POSITION",
             "symptoms": []}
            """;

    private static final String STORED = """
            {"id": "0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11", "userId": "user-42", "occurredAt": "2026-11-25T07:30:00Z",
             "receivedAt": "2026-11-25T07:31:02.114Z", "muscle": "GLUTEUS_MAXIMUS", "side": "LEFT", "onset": "GRADUAL",
             "severity": 6, "durationSeconds": 90, "context": "AFTER_EXERCISE",
             "activity": {"type": "SQUATS", "intensity": "HARD", "minutes": 45}, "warmedUp": false,
             "stretchedAfter": false, "sweatingHeavily": true, "waterTodayMl": 900, "waterTodayOz": 30.4,
             "reliefBy": "SHIFTING_POSITION", "symptoms": [],
             "links": {"self": "/api/v1/cramp-reports/0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11",
                       "advice": "/api/v1/cramp-reports/0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11/advice"}}
            """;

    @Inject
    CrampReportService reports;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    PagingConfig paging;
    @Inject
    CrampReportApiMapper mapper;
    @Inject
    ApiJson apiJson;
    @Inject
    Access access;

    @POST
    @Operation(operationId = "submitCrampReport", summary = "Submit a cramp report",
            description = "Stores the report and publishes it on Kafka topic cramp-reports (CloudEvent type "
                    + "io.crampcare.cramp-report.submitted.v1). With an Idempotency-Key, a retry with the same body gets "
                    + "the first response again (header Idempotent-Replayed: true); keys are remembered for 24 h.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "gradual cramp after squats", value = SAMPLE)))
    @APIResponse(responseCode = "201", description = "Stored; Location names the report. A replay of an earlier "
            + "request with the same Idempotency-Key and body gets that request's answer, with Idempotent-Replayed",
            content = @Content(schema = @Schema(implementation = CrampReportResponse.class),
                    examples = @ExampleObject(name = "gradual cramp after squats", value = STORED)),
            headers = @Header(name = IdempotentRequests.REPLAYED, ref = IdempotentRequests.REPLAYED))
    @APIResponse(responseCode = "400", description = "Invalid or malformed report; `errors` names each invalid field")
    public Response submit(
            @Parameter(ref = IdempotentRequests.KEY_PARAMETER) @HeaderParam(IdempotentRequests.KEY) String idempotencyKey,
            @Valid @NotNull(message = "a JSON body is required") CrampReportRequest request) {
        access.requireActingFor(request.userId());
        return idempotency.post(request.userId(), idempotencyKey, request, claim -> created(submit(request, claim)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCrampReport", summary = "Read one cramp report")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = CrampReportResponse.class),
                    examples = @ExampleObject(name = "gradual cramp after squats", value = STORED)))
    @APIResponse(responseCode = "404", description = "No report with this id (or it is another user's)")
    public CrampReportResponse get(@Parameter(description = "The report's id") @PathParam("id") UUID id) {
        String notFound = "No cramp report has id " + id + ".";
        CrampReportResponse report = reports.find(id).map(mapper::toResponse).orElse(null);
        return access.visibleOrNotFound(report, report == null ? null : report.userId(), notFound);
    }

    @GET
    @Operation(operationId = "listCrampReports", summary = "List a user's cramp reports, newest first",
            description = "from and to select by occurredAt. Cursor pagination: pass nextPageToken as pageToken to "
                    + "get the next page. The order (occurredAt, then id, descending) is stable, so paging shows no "
                    + "gaps or repeats.")
    @APIResponse(responseCode = "200", description = "One page of reports")
    @APIResponse(responseCode = "400", description = "Invalid query parameter; `errors` names each")
    public CrampReportPage list(@Valid @BeanParam CrampReportQuery query, @Valid @BeanParam TimeWindow window,
            @Valid @BeanParam PageParams page) {
        access.requireActingFor(query.userId());
        PageRequest.Slice<CrampReport> slice = reports.list(query.userId(), window.from(), window.to(),
                page.request(paging));
        return new CrampReportPage(slice.items().stream().map(mapper::toResponse).toList(), slice.nextPageToken());
    }

    /** The stored report's answer is known before it is stored, so that a key's replay is recorded with it. */
    private CrampReportResponse submit(CrampReportRequest request, IdempotencyService.Granted claim) {
        CrampReportService.Submission submission = reports.prepare(
                mapper.toReport(request, TimeOrderedIds.next(), Instant.now()));
        CrampReportResponse response = CrampReportApiMapper.toResponse(submission.event(), submission.report().notes);
        reports.submit(submission, claim == null ? null
                : new IdempotencyService.Answer(claim, 201, response.links().self(), apiJson.write(response)));
        return response;
    }

    private static Response created(CrampReportResponse response) {
        return Response.status(Response.Status.CREATED).header("Location", response.links().self()).entity(response).build();
    }
}
