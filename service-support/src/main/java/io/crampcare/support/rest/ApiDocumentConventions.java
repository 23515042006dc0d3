package io.crampcare.support.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.crampcare.support.deadletter.DeadLetterAdminResource;
import io.crampcare.support.idempotency.IdempotentRequests;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.paging.PagingConfig;
import io.crampcare.support.problem.ProblemMappers;
import io.crampcare.support.security.Access;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The conventions every CrampCare API document follows, applied in one place at build time rather than repeated on
 * each operation: the error answers every {@code /api} operation can give (all RFC 9457 problems, sent as
 * {@code application/problem+json}), the response headers a client acts on (declared once under
 * {@code components/headers}), anchored patterns, and no {@code type} beside a {@code $ref}. What only one operation
 * does (its success body, a 404 or 409 of its own, a header of its own) stays on that operation's annotations; an
 * error answer there needs only its description, as every error answer gets the problem body here.
 * <p>
 * The answers added here are the ones the HTTP layer gives whatever the operation: 401/403 (every {@code /api} call
 * needs a token), 406 (an {@code Accept} it cannot produce), 415/413/400 (for a body: wrong type, too large,
 * malformed), 400 (any parameter, e.g. one holding a control character), 404 (a path parameter that names nothing, or is not an id at all),
 * 503 (the database is away: {@code Retry-After}) and 500. Operations on a user's data name the
 * {@code CrampCare-Access-Reason} header ({@link AccessReasonConvention}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentConventions implements OASFilter {

    static final String RETRY_AFTER = "Retry-After";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String LOCATION = "Location";
    static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        declareHeaders(components);
        declarePagingParameters(components);
        declareUserIdParameter(components);
        declareTopicParameter(components);
        declareIdempotencyKey(components);
        AccessReasonConvention.declare(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getOperationId() == null) {
                    throw new IllegalStateException("Every operation needs an operationId (@Operation(operationId = ...)): "
                            + entry.getKey() + " " + path.getKey());
                }
                AccessReasonConvention.addTo(path.getKey(), path.getValue(), operation, components);
                if (path.getKey().startsWith("/api/")) {
                    addCommonAnswers(operation, path.getValue());
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach(ApiDocumentConventions::problemsAreProblems);
                }
            }
        }
        dropUnused(openAPI, components);
    }

    /** Shared parameters and headers are declared for every service; each document keeps those it uses. */
    private static void dropUnused(OpenAPI openAPI, Components components) {
        Set<String> used = new HashSet<>();
        for (PathItem pathItem : openAPI.getPaths().getPathItems().values()) {
            if (pathItem.getParameters() != null) {
                pathItem.getParameters().forEach(p -> used.add(p.getRef()));
            }
            for (Operation operation : pathItem.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> used.add(p.getRef()));
                }
                if (operation.getResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> used.add(h.getRef()));
                        }
                    }
                }
            }
        }
        if (components.getParameters() != null) {
            List.copyOf(components.getParameters().keySet()).stream()
                    .filter(name -> !used.contains("#/components/parameters/" + name))
                    .forEach(components::removeParameter);
        }
        if (components.getHeaders() != null) {
            List.copyOf(components.getHeaders().keySet()).stream()
                    .filter(name -> !used.contains("#/components/headers/" + name))
                    .forEach(components::removeHeader);
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        // A $ref names the whole schema; a type beside it only contradicts or repeats what it names.
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        // JSON Schema patterns match anywhere in the string unless anchored; ours describe whole values.
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        // Ids and instants get a realistic example where none is given (generated clients and Swagger UI show it).
        if (schema.getRef() == null && (schema.getExamples() == null || schema.getExamples().isEmpty())) {
            if ("uuid".equals(schema.getFormat())) {
                schema.setExamples(List.of("0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11"));
            } else if ("date-time".equals(schema.getFormat())) {
                schema.setExamples(List.of("2026-11-25T07:30:00Z"));
            }
        }
        return schema;
    }

    private static void declareHeaders(Components components) {
        header(components, RETRY_AFTER, false, "Seconds to wait before trying again.", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)
                        .examples(List.of(2)));
        header(components, WWW_AUTHENTICATE, true, "The authentication scheme the API expects: Bearer.",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("Bearer realm=\"crampcare\"")));
        header(components, LOCATION, true, "Where the created resource is: a path on the API's base URL (servers).",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .examples(List.of("/api/v1/cramp-reports/0b7c2f0e-8f4a-4e7e-9d55-6a1f2f3c9b11")));
    }

    /** The Idempotency-Key header of a POST, and the answer's mark that it is a replay (IdempotentRequests). */
    private static void declareIdempotencyKey(Components components) {
        components.addParameter(IdempotentRequests.KEY_PARAMETER, OASFactory.createParameter()
                .name(IdempotentRequests.KEY).in(Parameter.In.HEADER)
                .description("Client-chosen key (1-" + IdempotentRequests.MAX_KEY_LENGTH + " visible ASCII characters, "
                        + "e.g. a UUID) that makes retries safe: the same key and body again get the first answer "
                        + "(Idempotent-Replayed: true) and create nothing; another body is 422, a retry while the first "
                        + "is in flight 409. Keys are remembered for 24 h (by default)")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                        .maxLength(IdempotentRequests.MAX_KEY_LENGTH).pattern("^[\\x21-\\x7E]+$")
                        .examples(List.of("6f1c1f52-3a5e-4c8e-9a43-0d6b1c9f2e7a"))));
        header(components, IdempotentRequests.REPLAYED, false, "Present (true) when this is the stored answer to an "
                + "earlier request with the same Idempotency-Key", OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING).enumeration(List.<Object>of("true")));
    }

    private static void declareTopicParameter(Components components) {
        components.addParameter(DeadLetterAdminResource.TOPIC, OASFactory.createParameter().name("topic")
                .in(Parameter.In.PATH).required(true).description("One of this service's dead-letter topics")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[a-z-]+\\.dlq$")
                        .examples(List.of("cramp-reports.dlq"))));
    }

    private static void declareUserIdParameter(Components components) {
        components.addParameter(Access.USER_ID_PARAMETER, OASFactory.createParameter().name("userId")
                .in(Parameter.In.PATH).required(true)
                .description("Whose data: the user's id, as the token's subject (sub) names it")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(64)
                        .pattern("^[A-Za-z0-9._@-]+$").examples(List.of("user-42"))));
    }

    private static void declarePagingParameters(Components components) {
        components.addParameter(PageRequest.PAGE_SIZE, OASFactory.createParameter().name(PageRequest.PAGE_SIZE)
                .in(Parameter.In.QUERY).description("Items per page: 1-" + PagingConfig.MAX_SIZE + ", default "
                        + PagingConfig.DEFAULT_SIZE)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(PagingConfig.MAX_SIZE))
                        .defaultValue(PagingConfig.DEFAULT_SIZE).examples(List.of(PagingConfig.DEFAULT_SIZE))));
        components.addParameter(PageRequest.PAGE_TOKEN, OASFactory.createParameter().name(PageRequest.PAGE_TOKEN)
                .in(Parameter.In.QUERY).description("nextPageToken of the previous page (opaque); absent for the first page")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .examples(List.of("MjAyNi0xMS0yNVQwNzozMDowMFp8MGI3YzJmMGU"))));
    }

    private static void header(Components components, String name, boolean required, String description,
            Schema schema) {
        if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
            components.addHeader(name, OASFactory.createHeader().description(description).required(required)
                    .schema(schema));
        }
    }

    private static void addCommonAnswers(Operation operation, PathItem pathItem) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        // 401 and 403 replace the generic ones: the description and the problem body are ours.
        responses.addAPIResponse("401", problem("No valid bearer token (missing, expired, wrong issuer or audience)")
                .addHeader(WWW_AUTHENTICATE, ref(WWW_AUTHENTICATE)));
        responses.addAPIResponse("403", problem("The token may not do this: another user's data, or an operator's "
                + "endpoint without role admin"));
        addIfAbsent(responses, "406", "The Accept header names no media type this operation produces");
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "400", "Malformed or invalid body; `errors` names each invalid field");
            addIfAbsent(responses, "413", "Body over 64 KiB (declared or chunked)");
            addIfAbsent(responses, "415", "Content-Type is missing or not application/json");
        }
        List<Parameter> parameters = parametersOf(pathItem, operation);
        // Any parameter, the path's too: one holding a control character is a 400 (PlainParameters).
        if (!parameters.isEmpty()) {
            addIfAbsent(responses, "400", "Invalid parameter (or one holding a control character); `errors` names each");
        }
        // An Idempotency-Key's own answers (IdempotentRequests): its first request still in flight, or the key reused.
        if (parameters.stream().anyMatch(p -> p.getRef() != null
                && p.getRef().endsWith("/" + IdempotentRequests.KEY_PARAMETER))) {
            if (!responses.hasAPIResponse("409")) {
                responses.addAPIResponse("409", problem("The first request with this Idempotency-Key is still in "
                        + "flight").addHeader(RETRY_AFTER, ref(RETRY_AFTER)));
            }
            addIfAbsent(responses, "422", "Idempotency-Key already used with a different body");
        }
        // A user id names no resource of its own (a user without data has empty lists), every other one does.
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH && !isUserId(p))) {
            addIfAbsent(responses, "404", "Nothing has this id (or it is another user's)");
        }
        addIfAbsent(responses, "500", "Unexpected error; the request may be repeated");
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", problem("The service's database is not reachable or the request "
                    + "conflicted with another; nothing was changed. Safe to repeat after Retry-After"));
        }
        APIResponse unavailable = responses.getAPIResponse("503");
        if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey(RETRY_AFTER)) {
            unavailable.addHeader(RETRY_AFTER, ref(RETRY_AFTER));
        }
        APIResponse created = responses.getAPIResponse("201");
        if (created != null && (created.getHeaders() == null || !created.getHeaders().containsKey(LOCATION))) {
            created.addHeader(LOCATION, ref(LOCATION));
        }
    }

    /** The operation's parameters and those of its path. */
    static List<Parameter> parametersOf(PathItem pathItem, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (pathItem.getParameters() != null) {
            parameters.addAll(pathItem.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        return parameters;
    }

    static boolean isUserId(Parameter parameter) {
        return parameter.getRef() != null && parameter.getRef().endsWith("/" + Access.USER_ID_PARAMETER);
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        }
    }

    /** Every error is sent as a problem: an error response documented without content, or as JSON, is fixed. */
    private static void problemsAreProblems(String status, APIResponse response) {
        if (status.startsWith("2") || status.startsWith("3") || response.getRef() != null) {
            return;
        }
        Content content = response.getContent();
        Map<String, MediaType> types = content == null ? Map.of() : content.getMediaTypes();
        if (types.size() == 1 && types.containsKey(ProblemMappers.PROBLEM_JSON)) {
            return;
        }
        response.setContent(problemContent());
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(ProblemMappers.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref(name);
    }
}
