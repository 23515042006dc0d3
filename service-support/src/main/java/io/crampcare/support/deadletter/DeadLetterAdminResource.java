package io.crampcare.support.deadletter;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.problem.Problem;
import io.crampcare.support.problem.ProblemException;
import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.rest.QueryParams;
import io.crampcare.support.security.GatewayAdminFilter;
import io.crampcare.support.security.Roles;

/**
 * Operator view of the dead letters this service's consumers parked, and their replay. Only the dead-letter topics
 * this service's own channels declare are addressable (any other is 404).
 */
@Path("/api/v1/admin/dead-letters/{topic}")
@Tag(name = "Operations", description = "For operators (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid filter or paging parameters",
        content = @Content(mediaType = ProblemMappers.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "Not a dead-letter topic of this service, or "
        + GatewayAdminFilter.THROUGH_THE_GATEWAY,
        content = @Content(mediaType = ProblemMappers.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Kafka did not answer in time; safe to repeat",
        content = @Content(mediaType = ProblemMappers.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class DeadLetterAdminResource {

    /** The topic path parameter, declared once in the document (ApiDocumentConventions). */
    public static final String TOPIC = "deadLetterTopic";

    private final DeadLetterService deadLetters;
    private final DeadLetterConfig config;

    DeadLetterAdminResource(DeadLetterService deadLetters, DeadLetterConfig config) {
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters", description = "The dead letters of one of this service's dead-letter "
            + "topics (e.g. cramp-reports.dlq), oldest first, with why each was parked; payloads are not shown. "
            + "Cursor pagination: pass nextPageToken as pageToken, with the same filter.")
    @APIResponse(responseCode = "200", description = "One page of dead letters",
            content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    public DeadLetterPage list(@Parameter(ref = TOPIC) @PathParam("topic") String topic,
            @Parameter(description = "Only this CloudEvent id; repeat for several") @QueryParam("ceId") List<String> ceIds,
            @Parameter(description = "Only records dead-lettered at or after this ISO-8601 instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Only records dead-lettered before this ISO-8601 instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "Dead letters per page: 1-500, default 50",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500",
                            defaultValue = "50"))
            @QueryParam("pageSize") String pageSize,
            @Parameter(description = "nextPageToken of the previous page") @QueryParam("pageToken") String pageToken) {
        List<Problem.FieldError> errors = new ArrayList<>();
        DeadLetterFilter filter = DeadLetterFilter.of(ceIds, QueryParams.instant("from", from, errors),
                QueryParams.instant("to", to, errors), "ceId", errors);
        PageRequest page = PageRequest.parse(pageSize, null, config.paging().defaultSize(), config.paging().maxSize(), errors);
        DeadLetterPosition after = null;
        if (pageToken != null && !pageToken.isEmpty()) {
            after = DeadLetterPosition.decode(pageToken).orElse(null);
            if (after == null) {
                errors.add(new Problem.FieldError("pageToken", "is not a token this API issued; start again without it"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return deadLetters.list(topic, filter, page.size(), after);
    }

    @POST
    @Path("replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayDeadLetters", summary = "Replay dead letters", description = "Publishes the matching dead letters again to the topic "
            + "they were consumed from, unchanged (key, value, CloudEvents headers; the ce_id is kept, so consumers "
            + "apply each at most once however often it is replayed), and answers after Kafka acknowledged them. "
            + "{} replays all; dryRun true only reports what would be replayed. Records without a ce_id are skipped.")
    @APIResponse(responseCode = "200", description = "What was (or would be) replayed",
            content = @Content(schema = @Schema(implementation = ReplayResult.class)))
    public ReplayResult replay(@Parameter(ref = TOPIC) @PathParam("topic") String topic, ReplayRequest request) {
        ReplayRequest body = request == null ? new ReplayRequest(null, null, null, null) : request;
        List<Problem.FieldError> errors = new ArrayList<>();
        DeadLetterFilter filter = DeadLetterFilter.of(body.ceIds(), body.from(), body.to(), "ceIds", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return deadLetters.replay(topic, filter, Boolean.TRUE.equals(body.dryRun()));
    }
}
