package io.crampcare.support.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.paging.PageRequest;
import io.crampcare.support.paging.PageSize;
import io.crampcare.support.paging.PageToken;
import io.crampcare.support.validation.CrossField;
import io.crampcare.support.validation.Instants;
import io.crampcare.support.validation.IsoInstant;

/**
 * The query parameters of the dead-letter listing, as a {@code @Valid @BeanParam}: the filter ({@link DeadLetterFilter}),
 * and paging by {@link DeadLetterPosition} with the sizes of {@link DeadLetterPaging}.
 */
@CrossField
public class DeadLetterQuery implements CrossField.Rules {

    @Parameter(description = "Only this CloudEvent id; repeat for several")
    @QueryParam("ceId")
    List<String> ceId;

    @Parameter(description = "Only records dead-lettered at or after this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("from")
    @IsoInstant
    String from;

    @Parameter(description = "Only records dead-lettered before this ISO-8601 instant",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("to")
    @IsoInstant
    String to;

    @Parameter(description = "Dead letters per page: 1-500, default 50",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "500",
                    defaultValue = "50"))
    @QueryParam("pageSize")
    @PageSize(limits = DeadLetterPaging.class)
    String pageSize;

    @Parameter(description = "nextPageToken of the previous page")
    @QueryParam("pageToken")
    @PageToken(issuedBy = Issued.class)
    String pageToken;

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        DeadLetterFilter.of(ceId, Instants.parseOrNull(from), Instants.parseOrNull(to), "ceId", violations);
    }

    /** The filter (the parameters are valid by now). */
    DeadLetterFilter filter() {
        return DeadLetterFilter.of(ceId, Instants.parseOrNull(from), Instants.parseOrNull(to), "ceId", new ArrayList<>());
    }

    int pageSize(DeadLetterPaging paging) {
        return PageRequest.size(pageSize, paging);
    }

    /** Where the page starts, or null for the first page. */
    DeadLetterPosition after() {
        return pageToken == null || pageToken.isEmpty() ? null : DeadLetterPosition.decode(pageToken).orElseThrow();
    }

    /** The tokens {@link DeadLetterPosition#encode()} makes. */
    public static final class Issued implements Predicate<String> {

        @Override
        public boolean test(String token) {
            return DeadLetterPosition.decode(token).isPresent();
        }
    }
}
