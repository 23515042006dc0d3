package io.crampcare.support.deadletter;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.crampcare.support.audit.AccessAudit;
import io.crampcare.support.problem.Problem;
import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.security.Access;
import io.crampcare.support.security.GatewayAdminFilter;
import io.crampcare.support.privacy.SubjectKey;
import io.crampcare.support.privacy.SubjectKeys;
import io.crampcare.support.security.Roles;

/**
 * Operator view of the dead letters this service's consumers parked, and their replay. Only the dead-letter topics
 * this service's own channels declare are addressable (any other is 404). Both show users' records (the key is the
 * person's subjectRef; payloads stay sealed and are not shown) and need a reason (CrampCare-Access-Reason); each user
 * whose records one shows or replays is recorded in the audit of access.
 */
@Path("/api/v1/admin/dead-letters/{topic}")
@Tag(name = "Operations", description = "For operators (role admin)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
// Every service serves this resource: these answers bring the Problem schema into each document, which
// ApiDocumentConventions gives every other error answer as its body.
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
    /** The tools' names in the audit of access. */
    static final String LISTED = "dead-letters.list";
    static final String REPLAYED = "dead-letters.replay";

    @Inject
    DeadLetterService deadLetters;
    @Inject
    SubjectKeys subjectKeys;
    @Inject
    DeadLetterPaging paging;
    @Inject
    AccessAudit audit;
    @Inject
    Access access;

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters", description = "The dead letters of one of this service's dead-letter "
            + "topics (e.g. cramp-reports.dlq), oldest first, with why each was parked; payloads are not shown. "
            + "Cursor pagination: pass nextPageToken as pageToken, with the same filter.")
    @APIResponse(responseCode = "200", description = "One page of dead letters")
    public DeadLetterPage list(@Parameter(ref = TOPIC) @PathParam("topic") String topic,
            @Valid @BeanParam DeadLetterQuery query) {
        audit.requireReason();
        DeadLetterPage page = deadLetters.list(topic, query.filter(), query.pageSize(paging), query.after());
        audit.usedTool(access.caller(), Roles.ADMIN, LISTED, users(page.items().stream().map(DeadLetter::key).toList()));
        return page;
    }

    @POST
    @Path("replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayDeadLetters", summary = "Replay dead letters", description = "Publishes the matching dead letters again to the topic "
            + "they were consumed from, unchanged (key, value, CloudEvents headers; the ce_id is kept, so consumers "
            + "apply each at most once however often it is replayed), and answers after Kafka acknowledged them. "
            + "{} replays all; dryRun true only reports what would be replayed. Records without a ce_id are skipped.")
    @APIResponse(responseCode = "200", description = "What was (or would be) replayed")
    public ReplayResult replay(@Parameter(ref = TOPIC) @PathParam("topic") String topic,
            @Valid ReplayRequest request) {
        ReplayRequest body = request == null ? ReplayRequest.ALL : request;
        audit.requireReason();
        ReplayResult result = deadLetters.replay(topic, body.filter(), Boolean.TRUE.equals(body.dryRun()));
        audit.usedTool(access.caller(), Roles.ADMIN, REPLAYED,
                users(result.records().stream().map(ReplayResult.Item::key).toList()));
        return result;
    }

    /**
     * The users whose records these keys are, each once: the user a subjectRef's key names; none for an erased
     * person's (shredded) or a record without a key; a key that is not a known subjectRef as it is.
     */
    private List<String> users(List<String> keys) {
        Map<UUID, SubjectKey> ring = subjectKeys.forReading(keys.stream().map(SubjectKey::refOf)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return keys.stream().filter(Objects::nonNull).map(key -> {
            SubjectKey known = ring.get(SubjectKey.refOf(key));
            return known == null ? key : known.userId();
        }).filter(Objects::nonNull).distinct().toList();
    }

}
