package io.crampcare.reminder.rest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.crampcare.contracts.nudge.NudgeKind;
import io.crampcare.reminder.model.Presentation;
import io.crampcare.reminder.model.VolumeUnit;
import io.crampcare.reminder.planning.LocalTimes;
import io.crampcare.reminder.planning.Preferences;
import io.crampcare.reminder.service.PreferencesService;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;

/**
 * Nudge preferences as the API shows and takes them: when to nudge (planning) and how to speak to the person (unit and
 * language). A PUT replaces them all, so an absent unit or locale is its default.
 */
@Schema(name = "Preferences")
@CrossField
public record PreferencesBody(
        @Schema(description = "IANA time zone; nudges follow its local time, across daylight-saving changes.",
                example = "Europe/Berlin", required = true)
        @NotNull String timeZone,
        @Schema(description = "Start of the waking window, local time.", example = "07:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN, required = true)
        @JsonFormat(pattern = "HH:mm") @NotNull LocalTime wakingStart,
        @Schema(description = "End of the waking window (exclusive), local time; after wakingStart.", example = "22:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN, required = true)
        @JsonFormat(pattern = "HH:mm") @NotNull LocalTime wakingEnd,
        @Schema(description = "Start of quiet hours (no nudges), or absent; may wrap past midnight.", example = "13:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN)
        @JsonFormat(pattern = "HH:mm") LocalTime quietStart,
        @Schema(description = "End of quiet hours (exclusive); given together with quietStart.", example = "14:00", type = SchemaType.STRING, pattern = LocalTimes.HH_MM_PATTERN)
        @JsonFormat(pattern = "HH:mm") LocalTime quietEnd,
        @Schema(description = "At most this many hydration nudges a day (1-24).", example = "8", required = true)
        @NotNull @Min(1) @Max(24) Integer dailyCap,
        @Schema(description = "Kinds of nudge wanted.", required = true)
        @NotNull Set<@NotNull NudgeKind> kinds,
        @Schema(description = "The unit amounts are shown in to this person (nudge texts, the app): ML "
                + "(millilitres) or US_FL_OZ (US fluid ounces). The API's numbers stay millilitres. Absent in a PUT: ML.",
                defaultValue = "ML", example = "US_FL_OZ")
        VolumeUnit unit,
        @Schema(description = "The language of nudge texts, a BCP 47 language tag; only the supported ones, exactly as "
                + "listed. Absent in a PUT: en.", enumeration = { "en", "de" }, defaultValue = "en", example = "de")
        String locale) implements CrossField.Rules {

    static PreferencesBody of(PreferencesService.Versioned stored) {
        Preferences p = stored.preferences();
        return new PreferencesBody(p.zone().getId(), p.wakingStart(), p.wakingEnd(), p.quietStart(), p.quietEnd(),
                p.dailyCap(), p.kinds(), stored.presentation().unit(), stored.presentation().localeTag());
    }

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        if (timeZone != null && zone() == null) {
            violations.add(new InvalidInput.Violation("timeZone", "is not an IANA time zone such as Europe/Berlin"));
        }
        if (wakingStart != null && wakingEnd != null && !wakingStart.isBefore(wakingEnd)) {
            violations.add(new InvalidInput.Violation("wakingEnd", "must be after wakingStart"));
        }
        if ((quietStart == null) != (quietEnd == null)) {
            violations.add(new InvalidInput.Violation(quietStart == null ? "quietStart" : "quietEnd",
                    "quietStart and quietEnd go together"));
        } else if (quietStart != null && quietStart.equals(quietEnd)) {
            violations.add(new InvalidInput.Violation("quietEnd", "must differ from quietStart"));
        }
        if (locale != null && Presentation.supportedLocale(locale).isEmpty()) {
            violations.add(new InvalidInput.Violation("locale",
                    "must be one of the supported language tags: " + Presentation.supportedTags()));
        }
    }

    /** The preferences (the body is valid by now). */
    Preferences toPreferences() {
        return new Preferences(zone(), wakingStart, wakingEnd, quietStart, quietEnd, dailyCap,
                kinds.isEmpty() ? EnumSet.noneOf(NudgeKind.class) : EnumSet.copyOf(kinds));
    }

    /** The unit and language (the body is valid by now); absent ones are the defaults. */
    Presentation toPresentation() {
        Presentation defaults = Presentation.defaults();
        return new Presentation(unit == null ? defaults.unit() : unit,
                locale == null ? defaults.locale() : Presentation.supportedLocale(locale).orElseThrow());
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
