package io.crampcare.reminder.rest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.crampcare.reminder.service.HydrationStatus;
import io.crampcare.support.errors.InvalidInput;
import io.crampcare.support.validation.CrossField;
import io.crampcare.support.validation.Instants;

/** Which local days of a user's water to list: from and to, both included, at most a year apart. */
@CrossField
public class HydrationDaysQuery implements CrossField.Rules {

    private static final int MAX_DAYS = HydrationStatus.MAX_DAYS;
    /** The dates a day may have: those of the instants the API takes ({@link Instants}). */
    private static final LocalDate EARLIEST = LocalDate.ofInstant(Instants.MIN, ZoneOffset.UTC);
    private static final LocalDate LATEST = LocalDate.ofInstant(Instants.MAX, ZoneOffset.UTC);

    @Parameter(description = "First local day (YYYY-MM-DD, in the user's time zone), included; default 6 days before to",
            schema = @Schema(type = SchemaType.STRING, format = "date", examples = "2026-11-19"))
    @QueryParam("from")
    String from;

    @Parameter(description = "Last local day (YYYY-MM-DD), included; default today, at most " + MAX_DAYS
            + " days after from", schema = @Schema(type = SchemaType.STRING, format = "date", examples = "2026-11-25"))
    @QueryParam("to")
    String to;

    @Override
    public void check(List<InvalidInput.Violation> violations) {
        LocalDate first = date("from", from, violations);
        LocalDate last = date("to", to, violations);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                violations.add(new InvalidInput.Violation("to", "must not be before from"));
            } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
                violations.add(new InvalidInput.Violation("to", "must be less than " + MAX_DAYS + " days after from"));
            }
        }
    }

    /** The first day asked for, or null (the parameters are valid by now). */
    LocalDate from() {
        return from == null ? null : LocalDate.parse(from);
    }

    /** The last day asked for, or null. */
    LocalDate to() {
        return to == null ? null : LocalDate.parse(to);
    }

    private static LocalDate date(String name, String value, List<InvalidInput.Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(EARLIEST) || !date.isBefore(LATEST)) {
                violations.add(new InvalidInput.Violation(name, "must be from " + EARLIEST + " and before " + LATEST));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            violations.add(new InvalidInput.Violation(name, "must be a date as YYYY-MM-DD, such as 2026-11-25"));
            return null;
        }
    }
}
