package io.crampcare.support.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.crampcare.support.errors.DomainException;
import io.crampcare.support.failure.FailureClass;
import io.crampcare.support.metrics.Rejections;
import io.crampcare.support.validation.ControlCharacters;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;


/**
 * Turns every error into an RFC 9457 {@code application/problem+json} response: invalid fields and malformed JSON
 * become 400 with the offending fields named, HTTP errors keep their status, a transient failure (database away, a
 * conflict, a timeout: {@code FailureClass}) is a 503 with Retry-After, and anything else unexpected is a 500 that
 * reveals nothing but an id to find it in the log. Each 4xx answer is counted in
 * {@code crampcare.requests.rejected{type,status}} ({@link Rejections}).
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    Rejections rejections;
    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = answer(e.problem());
        e.headers().forEach(response::header);
        return response.build();
    }

    /** What a service reports in domain terms, as the problem and status a client reads. */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        ProblemException answer = DomainProblems.of(e);
        return answer == null ? internal(e) : problem(answer); // a kind without its answer there is our bug
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        // A return value that breaks its constraints is our bug, not the client's.
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> StreamSupport
                .stream(v.getPropertyPath().spliterator(), false).anyMatch(n -> n.getKind() == ElementKind.RETURN_VALUE));
        if (returnValue) {
            return internal(e);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return validation(errors);
    }

    /** Any failure to read the JSON body: names the field where one is known. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return validation(List.of(new Problem.FieldError(pathOf(u), "unknown field; this endpoint does not take it")));
        }
        if (e instanceof StrictScalars.ControlCharacter c) {
            return validation(List.of(new Problem.FieldError(pathOf(c), ControlCharacters.MESSAGE)));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            // Wrong type or unknown enum constant (InvalidFormatException is a MismatchedInputException).
            return validation(List.of(new Problem.FieldError(pathOf(m), expected(m.getTargetType()))));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return validation(List.of(new Problem.FieldError(pathOf(m), "invalid value: " + m.getOriginalMessage())));
        }
        if (e instanceof JsonParseException p) {
            return malformed("The request body is not valid JSON: " + p.getOriginalMessage());
        }
        return malformed("The request body must be a JSON object of the documented shape.");
    }

    // Jackson's subclasses are named too, so that these win over Quarkus's built-in mappers for them.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json); // the JSON reader wraps its errors in a 400
        }
        Response original = e.getResponse();
        if (original.getStatus() >= 500) {
            return internal(e);
        }
        String title = original.getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder response = answer(
                new Problem(ProblemTypes.HTTP, title, original.getStatus(), e.getMessage(), null));
        // Keep headers that tell the client what would work (Allow, Retry-After, ...).
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    /** 405 naming the methods the path has (RFC 9110 requires Allow; RESTEasy sends none). */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return answer(new Problem(ProblemTypes.HTTP, "Method Not Allowed", 405, e.getMessage(), null))
                .allow(allowedMethods.of(uri.getPath())).build();
    }

    /** 401 with a WWW-Authenticate challenge (RFC 6750); the detail does not say which check failed. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(Exception e) {
        return answer(new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                "A valid bearer token is required (Authorization: Bearer <JWT>).", null))
                .header("WWW-Authenticate", "Bearer realm=\"crampcare\"")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                "The token does not allow this request.", null)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (FailureClass.of(e) == FailureClass.TRANSIENT) {
            return unavailable(e);
        }
        return internal(e);
    }

    /**
     * PostgreSQL away, a lock or serialization conflict, a timeout: nothing the client did wrong, and nothing of its
     * request was stored (the transaction rolled back), so it may simply try again: 503 with Retry-After.
     */
    private Response unavailable(Exception e) {
        LOG.warnf("Request failed on a transient error, answered 503: %s", e.toString());
        return response(new Problem(ProblemTypes.UNAVAILABLE, "Service unavailable", 503,
                "A service this request needs is unavailable for the moment; nothing was stored. Try again shortly.",
                null)).header("Retry-After", "2").build();
    }

    private Response internal(Exception e) {
        // Random, not TimeOrderedIds: it keys no index, and a client quoting it learns nothing of when others failed.
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return response(new Problem(ProblemTypes.INTERNAL, "Internal error", 500,
                "Something went wrong on our side; quote error id " + errorId + ".", null)).build();
    }

    private Response validation(List<Problem.FieldError> errors) {
        return answer(Problem.validation(errors)).build();
    }

    private Response malformed(String detail) {
        return answer(new Problem(ProblemTypes.MALFORMED_REQUEST, "Malformed request", 400, detail, null)).build();
    }

    /** The response for a problem this class answers with, counted when it is a rejection (4xx). */
    private Response.ResponseBuilder answer(Problem problem) {
        rejections.count(problem.type(), problem.status());
        return response(problem);
    }

    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
    }

    /** The field as a client sees it: body properties by JSON path, query and header parameters by name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue; // a class-level or element constraint: the enclosing property's path stands
            }
            names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
        }
        if (names.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        return String.join(".", names);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "request" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "must be an ISO-8601 instant, e.g. 2026-11-25T07:30:00Z";
        }
        if (type == java.time.LocalTime.class) {
            return "must be a local time as HH:mm, e.g. 07:30";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be a JSON object";
    }
}
