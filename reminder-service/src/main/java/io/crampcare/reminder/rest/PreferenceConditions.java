package io.crampcare.reminder.rest;

import java.util.List;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.crampcare.reminder.service.PreferencesService;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;

/** The conditional headers of a preferences PUT; of If-None-Match only {@code *} is supported. */
@CrossField
public class PreferenceConditions implements CrossField.Rules {

    @Parameter(description = "ETag from GET", schema = @Schema(type = SchemaType.STRING, examples = "\"v3\""))
    @HeaderParam(HttpHeaders.IF_MATCH)
    String ifMatch;

    @Parameter(description = "* to create only: fails with 412 if the user has preferences already",
            schema = @Schema(type = SchemaType.STRING, enumeration = "*"))
    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
    String ifNoneMatch;

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        if (ifNoneMatch != null && !ifNoneMatch.equals("*")) {
            violations.add(new InvalidInput.Violation(HttpHeaders.IF_NONE_MATCH,
                    "only * is supported (create only if none exist)"));
        }
    }

    PreferencesService.Conditions conditions() {
        return new PreferencesService.Conditions(ifMatch, ifNoneMatch);
    }
}
