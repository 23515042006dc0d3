package io.crampcare.intake.service;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One person's export: everything every service holds about them, in format {@value #FORMAT} (docs/export-format.md;
 * a change that is not additive is a new format name). The audit of who read their data joins here as one more part
 * (a list {@code audit}) when it is built (issue 32, part 4).
 */
@Schema(name = "Export", description = "Everything CrampCare holds about one person (docs/export-format.md)",
        requiredProperties = { "format", "userId", "exportedAt", "intake", "advice", "reminder" })
public record ExportDocument(
        @Schema(description = "The format's name and version", examples = FORMAT) String format,
        @Schema(description = "Whose data this is (the token subject)", examples = "user-42") String userId,
        @Schema(description = "When the export was made (UTC)", examples = "2026-12-07T20:15:00Z") Instant exportedAt,
        IntakeData intake,
        @Schema(type = SchemaType.OBJECT, description = "The advice service's part, as its getPersonalData "
                + "operation answers (AdvicePersonalData)") JsonNode advice,
        @Schema(type = SchemaType.OBJECT, description = "The reminder service's part, as its getPersonalData "
                + "operation answers (ReminderPersonalData)") JsonNode reminder) {

    public static final String FORMAT = "crampcare-export/1";
}
