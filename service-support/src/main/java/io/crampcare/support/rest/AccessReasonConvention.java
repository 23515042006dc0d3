package io.crampcare.support.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.crampcare.support.audit.AccessReason;

/**
 * The CrampCare-Access-Reason header in the API documents (part of {@link ApiDocumentConventions}): declared once
 * under components/parameters and named by every operation that reads or changes a user's data.
 */
final class AccessReasonConvention {

    private static final String PARAMETERS = "#/components/parameters/";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String ADMIN_PATHS = "/api/v1/admin/";
    private static final String DEAD_LETTER_PATHS = "/api/v1/admin/dead-letters/";

    private AccessReasonConvention() {
    }

    /** Names the header on {@code operation} when it reads or changes a user's data. */
    static void addTo(String path, PathItem pathItem, Operation operation, Components components) {
        if (touchesUserData(path, pathItem, operation, components)) {
            operation.addParameter(OASFactory.createParameter().ref(PARAMETERS + AccessReason.PARAMETER));
        }
    }

    /** The reason an operator gives for acting on another user's data (support/audit AccessReason). */
    static void declare(Components components) {
        components.addParameter(AccessReason.PARAMETER, OASFactory.createParameter().name(AccessReason.HEADER)
                .in(Parameter.In.HEADER).description("Why someone other than the user (an operator, role admin) "
                        + "reads or changes this user's data, recorded with who, what and when in the audit of access "
                        + "(GET /api/v1/admin/audit). Required then: without it, or with control characters, the "
                        + "answer is 400 naming this header. Not needed (nor recorded) when users act on their own data")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                        .maxLength(AccessReason.MAX_LENGTH).pattern("^[^\\x00-\\x1F\\x7F-\\x9F]+$")
                        .examples(List.of("support ticket 4711: user asked why no advice came"))));
    }

    /**
     * Whether an operation reads or changes a user's data: outside the operator endpoints, one that takes a path
     * parameter (a userId or a record's id), a userId parameter, or a body naming a userId; and the dead-letter tools,
     * which show and replay users' records.
     */
    private static boolean touchesUserData(String path, PathItem pathItem, Operation operation,
            Components components) {
        if (path.startsWith(ADMIN_PATHS)) {
            return path.startsWith(DEAD_LETTER_PATHS);
        }
        if (!path.startsWith("/api/")) {
            return false;
        }
        if (ApiDocumentConventions.parametersOf(pathItem, operation).stream().anyMatch(p ->
                p.getIn() == Parameter.In.PATH || ApiDocumentConventions.isUserId(p) || "userId".equals(p.getName()))) {
            return true;
        }
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaTypes().values().stream()
                        .anyMatch(type -> namesUser(type.getSchema(), components));
    }

    /** Whether a body's schema (or the component it refers to) has a userId property. */
    private static boolean namesUser(Schema schema, Components components) {
        if (schema != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)
                && components.getSchemas() != null) {
            schema = components.getSchemas().get(schema.getRef().substring(SCHEMAS.length()));
        }
        return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("userId");
    }
}
