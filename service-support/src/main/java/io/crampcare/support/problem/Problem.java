package io.crampcare.support.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}.
 *
 * @param type   URI naming the kind of problem (documented under {@link ProblemTypes})
 * @param title  short summary of that kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param errors for validation problems, each offending field and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An RFC 9457 problem detail", requiredProperties = { "type", "title", "status", "detail" })
public record Problem(
        @Schema(format = "uri", examples = "https://crampcare.io/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(minimum = "400", maximum = "599", examples = "400") int status,
        @Schema(examples = "The request has 1 invalid field.") String detail,
        @Schema(description = "For validation problems: each invalid field and what is wrong with it") List<FieldError> errors) {

    /** 400 naming every invalid field. */
    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "The request has 1 invalid field."
                : "The request has " + errors.size() + " invalid fields.";
        return new Problem(ProblemTypes.VALIDATION, "Invalid request", 400, detail, List.copyOf(errors));
    }

    /**
     * One invalid input.
     *
     * @param field   JSON path of the field ({@code activity.minutes}, {@code symptoms[1]}) or the query/header name
     * @param message what a valid value looks like
     */
    @Schema(requiredProperties = { "field", "message" })
    public record FieldError(@Schema(examples = "activity.minutes") String field,
            @Schema(examples = "must be between 1 and 1440") String message) {
    }
}
